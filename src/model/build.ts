// Merges the fragments of every section into one DeviceModel per device. A device is a host: sections name their
// host (prompt, syslog host field); sections that do not are given to the single host of their file, or to a
// device named after the file. When two sections give the same field, the more specific parser wins; the same
// specificity disagreeing is a contradiction and becomes a diagnostic.
import type { DeviceModel, Platform, SyslogMessage } from '../common/device.js';
import { LOG_LISTS, type ListPath, type ScalarPath } from '../common/paths.js';
import { devicePlatform } from '../common/platform.js';
import { formatIso, inferYear } from '../common/time.js';
import type { IngestResult, RawSection } from '../ingest/types.js';
import type { CommandParser, Fragment, Scalar } from '../parsers/fragment.js';
import { parserFor } from '../parsers/registry.js';
import { deriveFacts, deriveFleetFacts } from './derive.js';
import { emptyDevice } from './empty.js';

export interface BuildOptions {
  /** Overrides the capture time for everything judged against it (`--now`). */
  now?: string;
}

interface DeviceGroup {
  key: string;
  hostname: string | null;
  files: string[];
  sections: { section: RawSection; parser: string | null; fragment: Fragment | null }[];
  ingestDiagnostics: { file: string; line: number; message: string }[];
}

/**
 * Parse a section with its registered parser. A parser that throws (it should not) costs its section only. A section of
 * blank lines (a show-tech can hold thousands of empty logs) gives a parser that says it reads nothing there no work.
 */
function parseSection(section: RawSection, parser: CommandParser | undefined): Fragment | null {
  if (!parser || (parser.emptyWhenBlank && section.lines.every((line) => line.text === ''))) return null;
  try {
    return parser.parse(section);
  } catch (error) {
    const line = section.headerLine ?? section.lines[0]?.n ?? 0;
    return {
      parser: parser.id,
      command: section.command,
      file: section.file,
      hostname: section.hostname,
      specificity: 0,
      scalars: new Map(),
      lists: new Map(),
      diagnostics: [{ line, message: `${parser.id} parser failed on this section: ${String(error)}` }],
      startLine: line,
      endLine: section.lines[section.lines.length - 1]?.n ?? line,
    };
  }
}

export function buildDevices(inputs: IngestResult[], options: BuildOptions = {}): DeviceModel[] {
  const devices = groupByDevice(inputs).map((group) => buildDevice(group, options));
  deriveFleetFacts(devices);
  return devices;
}

function groupByDevice(inputs: IngestResult[]): DeviceGroup[] {
  const groups = new Map<string, DeviceGroup>();
  const groupFor = (key: string, hostname: string | null): DeviceGroup => {
    let group = groups.get(key);
    if (!group) {
      group = { key, hostname, files: [], sections: [], ingestDiagnostics: [] };
      groups.set(key, group);
    }
    return group;
  };
  // Consecutive sections nearly always name the same host: look its group up once.
  let lastHost: string | null | undefined;
  let lastGroup: DeviceGroup | null = null;
  for (const input of inputs) {
    const namedHosts = new Set<string>();
    for (const section of input.sections) if (section.hostname) namedHosts.add(section.hostname.toLowerCase());
    const fileHost =
      input.hostname ?? (namedHosts.size === 1 ? input.sections.find((s) => s.hostname)!.hostname : null);
    const touched: DeviceGroup[] = [];
    for (const section of input.sections) {
      const host = section.hostname ?? fileHost;
      const group: DeviceGroup =
        host !== null && host === lastHost && lastGroup ? lastGroup : host ? groupFor(`host:${host.toLowerCase()}`, host) : groupFor(`file:${input.file}`, null);
      lastHost = host;
      lastGroup = group;
      const parser = parserFor(section.command);
      group.sections.push({ section, parser: parser?.id ?? null, fragment: parseSection(section, parser) });
      if (!group.files.includes(input.file)) group.files.push(input.file);
      if (!touched.includes(group)) touched.push(group);
    }
    // File-level diagnostics belong to the file's first device (a file with no section still yields a device).
    const owner = touched[0] ?? groupFor(fileHost ? `host:${fileHost.toLowerCase()}` : `file:${input.file}`, fileHost);
    if (!owner.files.includes(input.file)) owner.files.push(input.file);
    owner.ingestDiagnostics.push(...input.diagnostics);
  }
  return [...groups.values()];
}

function buildDevice(group: DeviceGroup, options: BuildOptions): DeviceModel {
  const device = emptyDevice();
  device.files = group.files;
  const fragments = group.sections.map((s) => s.fragment).filter((f): f is Fragment => f !== null);

  for (const { section, parser } of group.sections) {
    const startLine = section.headerLine ?? section.lines[0]?.n ?? 0;
    const endLine = section.lines[section.lines.length - 1]?.n ?? startLine;
    device.sections.push({ command: section.command, startLine, endLine, parser, file: section.file });
  }
  device.sections.sort((a, b) => compareSource(a.file, a.startLine, b.file, b.startLine));
  for (const d of group.ingestDiagnostics) device.diagnostics.push({ line: d.line, message: d.message, file: d.file });
  for (const fragment of fragments)
    for (const d of fragment.diagnostics) device.diagnostics.push({ line: d.line, message: d.message, file: fragment.file });

  mergeScalars(device, fragments);
  mergeLists(device, fragments);

  if (device.hostname === null) device.hostname = group.hostname;
  device.platform = decidePlatform(group, device);
  resolveCaptureTime(device, fragments);
  anchorYearlessSyslog(device);
  device.diagnostics.sort((a, b) => compareSource(a.file, a.line, b.file, b.line));
  device.derived = deriveFacts(device, options.now ?? device.captureTime);
  return device;
}

function compareSource(fileA: string, lineA: number, fileB: string, lineB: number): number {
  return fileA === fileB ? lineA - lineB : fileA < fileB ? -1 : 1;
}

// Objects that are null until a value under them is known.
const LAZY_OBJECTS: Record<string, () => object> = {
  legacy: () => ({ registrationStatus: null, authorizationStatus: null, evalMode: false }),
  usageReportSummary: () => ({
    total: null, purged: null, ackReceived: null, waitingForAck: null,
    availableToReport: null, collectingData: null, inStorage: null, mia: null,
    purgedBracketed: null, waitingForAckBracketed: null, miaBracketed: null, maximumDisplay: null, reportModuleStatus: null,
  }),
  licenseConversion: () => ({ automaticConversionEnabled: null, status: null, lastDataPush: null, lastFileExport: null }),
  deviceTelemetry: () => ({ available: null, dataChannel: null, reportsOnDisk: null, notAvailableReason: null }),
  productAnalytics: () => ({ available: null, dataChannel: null, reportsOnDisk: null, notAvailableReason: null }),
  trustpool: () => ({ certificates: [], complete: true }),
  dataConversion: () => ({ empty: true, lines: [] }),
  'config.callHome': () => ({ httpDestinations: [], transportHttpVrf: null, httpProxy: null, enabled: null, sourceInterface: null }),
};

/** Model paths split at their dots, once per path rather than once per value set. */
const pathParts = new Map<string, string[]>();
function partsOf(path: string): string[] {
  let parts = pathParts.get(path);
  if (!parts) {
    parts = path.split('.');
    pathParts.set(path, parts);
  }
  return parts;
}

function containerFor(device: DeviceModel, path: string, create: boolean): Record<string, unknown> | null {
  const parts = partsOf(path);
  let node = device as unknown as Record<string, unknown>;
  for (let i = 0; i < parts.length - 1; i++) {
    const key = parts[i]!;
    let next = node[key];
    if (next === null || next === undefined) {
      const lazy = LAZY_OBJECTS[parts.slice(0, i + 1).join('.')];
      if (!lazy || !create) return null;
      next = lazy();
      node[key] = next;
    }
    node = next as Record<string, unknown>;
  }
  return node;
}

function setPath(device: DeviceModel, path: string, value: unknown): void {
  const container = containerFor(device, path, true);
  if (container) container[partsOf(path).at(-1)!] = value;
}

interface Candidate {
  value: Scalar;
  line: number;
  fragment: Fragment;
}

function mergeScalars(device: DeviceModel, fragments: Fragment[]): void {
  const byPath = new Map<ScalarPath, Candidate[]>();
  for (const fragment of fragments)
    for (const [path, { value, line }] of fragment.scalars) {
      const list = byPath.get(path) ?? [];
      list.push({ value, line, fragment });
      byPath.set(path, list);
    }
  for (const [path, candidates] of byPath) {
    if (candidates.length === 1) {
      // The usual case: one section gives the field.
      const [only] = candidates as [Candidate];
      setPath(device, path, only.value);
      device.sources[path] = { file: only.fragment.file, line: only.line };
      continue;
    }
    const best = Math.max(...candidates.map((c) => c.fragment.specificity));
    const top = candidates.filter((c) => c.fragment.specificity === best);
    // Among equals, a known value beats "none", and the first printed wins.
    const chosen = top.find((c) => c.value !== null) ?? top[0]!;
    for (const other of top) {
      if (other === chosen || other.value === null || other.value === chosen.value) continue;
      if (path === 'captureTime') continue; // several clocks in one paste are normal: they were taken minutes apart
      device.diagnostics.push({
        file: other.fragment.file,
        line: other.line,
        message: `${path} is ${JSON.stringify(other.value)} here but ${JSON.stringify(chosen.value)} at ${chosen.fragment.file}:${chosen.line}; using the latter`,
      });
    }
    setPath(device, path, chosen.value);
    device.sources[path] = { file: chosen.fragment.file, line: chosen.line };
  }
}

function mergeLists(device: DeviceModel, fragments: Fragment[]): void {
  const paths = new Set<ListPath>();
  for (const fragment of fragments) for (const path of fragment.lists.keys()) paths.add(path);
  for (const path of paths) {
    const holders = fragments.filter((f) => f.lists.has(path));
    let items: unknown[] = [];
    let lines: { file: string; line: number }[] = [];
    const single = holders.length === 1 ? holders[0]!.lists.get(path)! : null;
    if (single && LOG_LISTS.includes(path) && ascending(single.lines)) {
      // One section holds the log, already in line order: nothing to merge or de-duplicate.
      items = [...single.items];
      lines = single.lines.map((line) => ({ file: holders[0]!.file, line }));
    } else if (LOG_LISTS.includes(path)) {
      const seen = new Set<string>();
      for (const fragment of holders) {
        const list = fragment.lists.get(path)!;
        list.items.forEach((item, i) => {
          const key = `${fragment.file}:${list.lines[i]}`;
          if (seen.has(key)) return;
          seen.add(key);
          items.push(item);
          lines.push({ file: fragment.file, line: list.lines[i]! });
        });
      }
      const order = items.map((_, i) => i).sort((a, b) => compareSource(lines[a]!.file, lines[a]!.line, lines[b]!.file, lines[b]!.line));
      items = order.map((i) => items[i]);
      lines = order.map((i) => lines[i]!);
    } else {
      // A state list comes whole from the most specific section; the last such section in the input wins.
      const best = Math.max(...holders.map((f) => f.specificity));
      const winner = holders.filter((f) => f.specificity === best).pop()!;
      const list = winner.lists.get(path)!;
      items = [...list.items];
      lines = list.lines.map((line) => ({ file: winner.file, line }));
    }
    setPath(device, path, items);
    items.forEach((_, i) => (device.sources[`${path}[${i}]`] = lines[i]!));
  }
}

function ascending(lines: readonly number[]): boolean {
  for (let i = 1; i < lines.length; i++) if (lines[i]! <= lines[i - 1]!) return false;
  return true;
}

function decidePlatform(group: DeviceGroup, device: DeviceModel): Platform {
  return devicePlatform(
    group.sections.map(({ section }) => section.platform),
    device.syslog.map((message) => message.facility),
  );
}

const CAPTURE_TIME_SOURCES: Record<string, string> = {
  clock: 'show clock',
  'prompt-timestamp': 'time-source',
  'license-status': 'current-time',
};

/**
 * Capture time: `show clock`, else the newest `Time source is …` header, else `Current time:` of tech support (all
 * arrive as the `captureTime` scalar, in that order of specificity), else the newest full timestamp the capture holds.
 */
function resolveCaptureTime(device: DeviceModel, fragments: Fragment[]): void {
  if (device.captureTime !== null) {
    const source = device.sources.captureTime;
    const fragment = fragments.find((f) => f.file === source?.file && f.scalars.get('captureTime')?.line === source?.line);
    device.captureTimeSource = (fragment && CAPTURE_TIME_SOURCES[fragment.parser]) ?? fragment?.parser ?? null;
    return;
  }
  const stamps: string[] = [];
  for (const message of device.syslog) if (message.time && !message.yearInferred) stamps.push(message.time);
  for (const event of device.events) if (event.time) stamps.push(event.time);
  for (const entry of device.history) if (entry.time) stamps.push(entry.time);
  const reporting = device.usageReporting;
  for (const t of [reporting.lastAckReceived, reporting.lastReportPush, reporting.lastReportFileWrite, device.trustCode.installedAt])
    if (t) stamps.push(t);
  if (stamps.length === 0) return;
  device.captureTime = stamps.reduce((a, b) => (Date.parse(a) >= Date.parse(b) ? a : b));
  device.captureTimeSource = 'newest-timestamp';
}

/** Year-less syslog stamps were read with a placeholder year; give them the capture's. */
function anchorYearlessSyslog(device: DeviceModel): void {
  const yearless = device.syslog.filter((m): m is SyslogMessage & { time: string } => m.yearInferred && m.time !== null);
  if (yearless.length === 0) return;
  if (device.captureTime === null) {
    device.diagnostics.push({
      file: yearless[0]!.file,
      line: yearless[0]!.line,
      message: 'syslog stamps have no year and the capture has no clock; their times are left unknown',
    });
    for (const message of yearless) (message as SyslogMessage).time = null;
    return;
  }
  for (const message of yearless) {
    const placeholder = new Date(message.time);
    const year = inferYear(placeholder.getUTCMonth(), placeholder.getUTCDate(), device.captureTime);
    placeholder.setUTCFullYear(year);
    message.time = formatIso(placeholder, /\.\d{3}Z$/.test(message.time));
  }
}
