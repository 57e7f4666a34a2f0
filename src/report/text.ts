import type { AnalyzeDocument, AnalyzedDevice, Finding } from '../common/findings.js';
import type { Palette } from './color.js';
import { describeDays, severityLabel } from './severity.js';

export function renderText(document: AnalyzeDocument, palette: Palette): string {
  const out: string[] = [];
  for (const device of document.devices) out.push(renderDevice(device, palette, document.devices.length > 1 || device.files.length > 1));
  if (document.devices.length === 0) out.push('No device output found in the input.\n');
  return out.join('\n');
}

function renderDevice(device: AnalyzedDevice, palette: Palette, showFiles: boolean): string {
  const lines: string[] = [];
  const counts = countBySeverity(device.findings);
  lines.push(palette.bold(`${device.hostname ?? '(unnamed device)'}  ${platformName(device.platform)}`));
  lines.push(`  Topology:      ${device.topology}`);
  lines.push(`  Capture time:  ${device.captureTime ?? 'unknown'}`);
  lines.push(`  ACK deadline:  ${describeDays(device.daysToAckDeadline)}`);
  // Diagnostics are lines not understood and parts of a huge input not kept (budgets): `parse` lists them.
  const diagnostics = device.diagnosticCount > 0 ? `  (${device.diagnosticCount} diagnostic(s) about the input: see slp-doctor parse)` : '';
  lines.push(`  Input:         ${device.files.join(', ')}${diagnostics}`);
  lines.push(`  Findings:      ${counts.error} error(s), ${counts.warning} warning(s), ${counts.info} info`);
  lines.push('');
  if (device.findings.length === 0) lines.push(palette.green('  ✔ No documented SLP problem found.'), '');
  for (const finding of device.findings) lines.push(...renderFinding(finding, palette, showFiles), '');
  return lines.join('\n');
}

function renderFinding(finding: Finding, palette: Palette, showFiles: boolean): string[] {
  const lines = [`${severityLabel(finding.severity, palette)}  ${palette.bold(finding.title)}  ${palette.dim(`[${finding.ruleId}]`)}`];
  lines.push(...indent(finding.message, '    '));
  if (finding.evidence.length > 0) {
    lines.push(`    ${palette.bold('Evidence:')}`);
    for (const evidence of finding.evidence) {
      const where = showFiles ? `${evidence.file}:${evidence.line}` : `line ${evidence.line}`;
      lines.push(`      ${palette.dim(where.padEnd(showFiles ? 0 : 10))} ${evidence.text.trim()}`);
    }
  }
  if (finding.actions.length > 0) {
    lines.push(`    ${palette.bold('Actions:')}`);
    finding.actions.forEach((action, i) => lines.push(...indent(action, `      ${i + 1}. `, '         ')));
  }
  if (finding.references.length > 0) lines.push(`    ${palette.dim(`References: ${finding.references.join('; ')}`)}`);
  return lines;
}

function indent(text: string, first: string, rest = first.replace(/./g, ' ')): string[] {
  return text.trim().split('\n').map((line, i) => `${i === 0 ? first : rest}${line}`);
}

export function platformName(platform: string): string {
  return platform === 'nxos' ? 'NX-OS' : platform === 'iosxe' ? 'IOS-XE' : 'platform unknown';
}

export function countBySeverity(findings: Finding[]): Record<'error' | 'warning' | 'info', number> {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const finding of findings) counts[finding.severity]++;
  return counts;
}
