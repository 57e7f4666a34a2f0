// The fleet summary as a terminal table and as a Markdown report. Long device lists are cut to LIST_LIMIT lines
// with a count of the rest; `--summary --format json` carries them all.
import type { DeadlineEntry, DeviceRef, FleetSummary } from '../common/fleet-summary.js';
import type { Palette } from './color.js';
import { describeDays } from './severity.js';
import { platformName } from './text.js';

const LIST_LIMIT = 20;
const TOP_FINDINGS = 10;

const deviceName = (d: DeviceRef) => d.hostname ?? `(unnamed: ${d.files[0] ?? '?'})`;
const deadlineLine = (d: DeadlineEntry) => [deviceName(d), d.nextAckDeadline ?? 'unknown', describeDays(d.daysToAckDeadline)];

function counts(record: Record<string, number>, label: (key: string) => string = (k) => k): string[][] {
  return Object.entries(record)
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b, 'en'))
    .map(([key, n]) => [label(key), String(n)]);
}

function table(rows: string[][], indent = '  '): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows.map((row) => indent + row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  '));
}

function capped<T>(items: T[]): { shown: T[]; more: number } {
  return { shown: items.slice(0, LIST_LIMIT), more: Math.max(0, items.length - LIST_LIMIT) };
}

export function renderSummaryText(summary: FleetSummary, palette: Palette): string {
  const out: string[] = [];
  const heading = (text: string) => out.push('', palette.bold(text));
  out.push(palette.bold(`Fleet summary: ${summary.devices} device(s) from ${summary.files} input file(s)`));
  if (summary.unreadableInputs.length > 0) out.push(palette.red(`  ${summary.unreadableInputs.length} input(s) could not be read (listed on stderr)`));
  heading('Devices by worst severity');
  out.push(...table(counts(summary.byWorstSeverity)));
  heading('Devices by topology');
  out.push(...table(counts(summary.byTopology)));
  heading('Devices by platform');
  out.push(...table(counts(summary.byPlatform, platformName)));
  heading(`Most frequent findings (devices)`);
  if (summary.topFindings.length === 0) out.push(palette.green('  ✔ No documented SLP problem found on any device.'));
  out.push(...table(summary.topFindings.slice(0, TOP_FINDINGS).map((f) => [String(f.devices), f.severity, f.ruleId, f.title])));
  const deadlineList = (title: string, entries: DeadlineEntry[]) => {
    heading(`${title}: ${entries.length}`);
    const { shown, more } = capped(entries);
    out.push(...table(shown.map(deadlineLine)));
    if (more > 0) out.push(palette.dim(`  … and ${more} more (--summary --format json lists all)`));
  };
  deadlineList('ACK overdue', summary.ackOverdue);
  deadlineList('ACK deadline within 30 days', summary.ackDeadlineWithin30Days);
  deadlineList('ACK deadline within 90 days', summary.ackDeadlineWithin90Days);
  heading(`Live communication failures: ${summary.liveCommFailures.length}`);
  const { shown, more } = capped(summary.liveCommFailures);
  out.push(...table(shown.map((d) => [deviceName(d), d.destinations.join(', ')])));
  if (more > 0) out.push(palette.dim(`  … and ${more} more (--summary --format json lists all)`));
  return `${out.join('\n')}\n`;
}

const cell = (text: string) => text.replace(/\|/g, '\\|');

function mdTable(header: string[], rows: string[][]): string[] {
  if (rows.length === 0) return ['_None._'];
  return [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`)];
}

export function renderSummaryMarkdown(summary: FleetSummary, generatedBy = 'slp-doctor'): string {
  const out: string[] = [`# Fleet summary`, '', `${summary.devices} device(s) from ${summary.files} input file(s), analysed by ${generatedBy}.`];
  if (summary.unreadableInputs.length > 0) {
    out.push('', `## Inputs that could not be read: ${summary.unreadableInputs.length}`, '');
    out.push(...summary.unreadableInputs.map((e) => `- ${e.message}`));
  }
  const section = (title: string, lines: string[]) => out.push('', `## ${title}`, '', ...lines);
  section('Devices by worst severity', mdTable(['worst severity', 'devices'], counts(summary.byWorstSeverity)));
  section('Devices by topology', mdTable(['topology', 'devices'], counts(summary.byTopology)));
  section('Devices by platform', mdTable(['platform', 'devices'], counts(summary.byPlatform, platformName)));
  section(
    'Most frequent findings',
    mdTable(['devices', 'severity', 'rule', 'title'], summary.topFindings.slice(0, TOP_FINDINGS).map((f) => [String(f.devices), f.severity, `\`${f.ruleId}\``, f.title])),
  );
  const deadlines = (title: string, entries: DeadlineEntry[]) => {
    const { shown, more } = capped(entries);
    section(`${title}: ${entries.length}`, mdTable(['device', 'next ACK deadline', 'when'], shown.map(deadlineLine)));
    if (more > 0) out.push('', `… and ${more} more.`);
  };
  deadlines('ACK overdue', summary.ackOverdue);
  deadlines('ACK deadline within 30 days', summary.ackDeadlineWithin30Days);
  deadlines('ACK deadline within 90 days', summary.ackDeadlineWithin90Days);
  const { shown, more } = capped(summary.liveCommFailures);
  section(`Live communication failures: ${summary.liveCommFailures.length}`, mdTable(['device', 'failing destinations'], shown.map((d) => [deviceName(d), d.destinations.join(', ')])));
  if (more > 0) out.push('', `… and ${more} more.`);
  return `${out.join('\n')}\n`;
}
