// The device model as a collapsible tree: sections a support engineer looks for first, then the rest.
import type { DeviceModel } from '../common/device.js';

export interface TreeNode {
  /** Dotted path, unique in the tree; the key of the expanded set. */
  id: string;
  label: string;
  /** Scalars only; a branch has children instead. */
  value?: string;
  /** A branch's children, made the first time they are asked for: a show-tech's model has hundreds of thousands. */
  children?: TreeNode[];
  /** A branch's number of children, known without making them. */
  size?: number;
}

export interface TreeRow {
  id: string;
  depth: number;
  label: string;
  value?: string;
  branch: boolean;
  expanded: boolean;
  /** Number of children, shown when collapsed so an empty list reads as empty. */
  size: number;
}

const SECTIONS: { key: keyof DeviceModel | 'device'; label: string }[] = [
  { key: 'device', label: 'Device' },
  { key: 'transport', label: 'Transport' },
  { key: 'policy', label: 'Policy' },
  { key: 'usageReporting', label: 'Usage reporting' },
  { key: 'trustCode', label: 'Trust codes' },
  { key: 'licenses', label: 'Licenses' },
  { key: 'rumReports', label: 'RUM reports' },
  { key: 'usageReportSummary', label: 'Usage report summary' },
  { key: 'communication', label: 'Communication statistics' },
  { key: 'derived', label: 'Derived facts' },
  { key: 'config', label: 'Configuration' },
  { key: 'callHomeProfiles', label: 'Call Home profiles' },
  { key: 'ntp', label: 'NTP' },
  { key: 'reachability', label: 'Reachability tests' },
  { key: 'messages', label: 'CLI messages' },
  { key: 'syslog', label: 'Syslog messages' },
  { key: 'events', label: 'Eventlog events' },
  { key: 'history', label: 'History messages' },
  { key: 'sections', label: 'Sections read' },
  { key: 'diagnostics', label: 'Diagnostics' },
];

const DEVICE_KEYS: (keyof DeviceModel)[] = [
  'hostname', 'platform', 'captureTime', 'captureTimeSource', 'softwareVersion', 'agentVersion', 'udi', 'haUdis',
  'slpEnabled', 'legacy', 'account', 'writeEraseOccurred', 'dataConversion', 'cpuProcesses', 'files',
];

export function modelTree(device: DeviceModel): TreeNode[] {
  return SECTIONS.map(({ key, label }) => {
    if (key === 'device') {
      const children = DEVICE_KEYS.map((k) => toNode(`device.${k}`, k, device[k]));
      return { id: 'device', label, children };
    }
    const node = toNode(key, label, device[key]);
    // A section always opens, even when the capture did not show it (null), so the user sees it is unknown.
    return node.value === undefined ? node : { id: key, label, children: [{ id: `${key}.value`, label: 'value', value: node.value }], size: 1 };
  });
}

function toNode(id: string, label: string, value: unknown): TreeNode {
  if (value === null || value === undefined) return { id, label, value: 'null' };
  if (Array.isArray(value)) return branch(id, label, value.length, () => value.map((item, i) => toNode(`${id}.${i}`, itemLabel(item, i), item)));
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    return branch(id, label, entries.length, () => entries.map(([k, v]) => toNode(`${id}.${k}`, k, v)));
  }
  return { id, label, value: typeof value === 'string' ? value : String(value) };
}

function branch(id: string, label: string, size: number, make: () => TreeNode[]): TreeNode {
  let children: TreeNode[] | undefined;
  return {
    id,
    label,
    size,
    get children() {
      return (children ??= make());
    },
  };
}

/** A list item is named by what identifies it (a license name, a statistic kind, a syslog mnemonic). */
function itemLabel(item: unknown, index: number): string {
  if (item === null || typeof item !== 'object') return `[${index}]`;
  const o = item as Record<string, unknown>;
  for (const key of ['name', 'kind', 'mnemonic', 'type', 'command', 'destination', 'category', 'address', 'sn', 'id', 'message']) {
    const v = o[key];
    if (typeof v === 'string' || typeof v === 'number') {
      const extra = typeof o.line === 'number' ? ` (line ${o.line})` : '';
      return `[${index}] ${String(v)}${extra}`;
    }
  }
  return `[${index}]`;
}

export function flattenTree(nodes: TreeNode[], expanded: ReadonlySet<string>, depth = 0, out: TreeRow[] = []): TreeRow[] {
  for (const node of nodes) {
    const isBranch = node.value === undefined;
    const open = isBranch && expanded.has(node.id);
    out.push({ id: node.id, depth, label: node.label, value: node.value, branch: isBranch, expanded: open, size: node.size ?? node.children?.length ?? 0 });
    if (open) flattenTree(node.children!, expanded, depth + 1, out);
  }
  return out;
}

/** The parent id of a row (to collapse from a leaf with ←). */
export function parentId(id: string): string | null {
  const dot = id.lastIndexOf('.');
  return dot < 0 ? null : id.slice(0, dot);
}
