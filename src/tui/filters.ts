// The `/` text filter and the `s` severity filter, as pure functions over what the views list.
import type { Finding, Severity } from '../common/findings.js';
import { SEVERITY_RANK } from '../common/findings.js';
import type { TimelineEvent } from './timeline.js';
import type { TreeNode, TreeRow } from './tree.js';

export type SeverityFilter = Severity | 'all';
export const SEVERITY_CYCLE: SeverityFilter[] = ['all', 'error', 'warning', 'info'];

export function nextSeverity(current: SeverityFilter): SeverityFilter {
  return SEVERITY_CYCLE[(SEVERITY_CYCLE.indexOf(current) + 1) % SEVERITY_CYCLE.length]!;
}

const matches = (text: string, needle: string) => text.toLowerCase().includes(needle.toLowerCase());

/** Findings shown, worst first (the rule engine's order within a severity is kept). */
export function visibleFindings(findings: Finding[], severity: SeverityFilter, text: string): Finding[] {
  return findings
    .filter((f) => severity === 'all' || f.severity === severity)
    .filter((f) => !text || matches(`${f.ruleId} ${f.title} ${f.message} ${f.evidence.map((e) => e.text).join(' ')} ${f.actions.join(' ')}`, text))
    .map((f, i) => ({ f, i }))
    .sort((a, b) => SEVERITY_RANK[b.f.severity] - SEVERITY_RANK[a.f.severity] || a.i - b.i)
    .map(({ f }) => f);
}

/** Licensing events only, or every event (`a` in the timeline). */
export function eventsInScope(events: TimelineEvent[], everything: boolean): TimelineEvent[] {
  return everything ? events : events.filter((e) => e.licensing);
}

export function visibleEvents(events: TimelineEvent[], text: string): TimelineEvent[] {
  return text ? events.filter((e) => matches(`${e.time} ${e.label}`, text)) : events;
}

/** With a text filter the tree is shown flat: every leaf or branch whose label or value matches, by full path. */
export function filteredTreeRows(nodes: TreeNode[], text: string, prefix = '', out: TreeRow[] = []): TreeRow[] {
  for (const node of nodes) {
    const label = prefix ? `${prefix} › ${node.label}` : node.label;
    if (matches(`${node.label} ${node.value ?? ''}`, text)) out.push({ id: node.id, depth: 0, label, value: node.value, branch: false, expanded: false, size: 0 });
    if (node.children) filteredTreeRows(node.children, text, label, out);
  }
  return out;
}
