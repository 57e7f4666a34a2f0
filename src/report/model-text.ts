// `slp-doctor parse --format text`: what was read, per device, for a person checking the parse.
import type { DeviceModel, ModelDocument } from '../common/device.js';
import { platformName } from './text.js';

export function renderModelText(document: ModelDocument): string {
  return document.devices.map(renderDevice).join('\n') || 'No device output found in the input.\n';
}

function value(v: unknown): string {
  return v === null || v === undefined ? '-' : String(v);
}

function renderDevice(d: DeviceModel): string {
  const out: string[] = [];
  out.push(`${d.hostname ?? '(unnamed device)'}  ${platformName(d.platform)}${d.softwareVersion ? `  ${d.softwareVersion}` : ''}`);
  out.push(`  Files:            ${d.files.join(', ')}`);
  out.push(`  Capture time:     ${value(d.captureTime)}${d.captureTimeSource ? ` (from ${d.captureTimeSource})` : ''}`);
  out.push(`  UDI:              ${value(d.udi.pid)} / ${value(d.udi.sn)}${d.haUdis.length > 0 ? `  HA: ${d.haUdis.map((u) => `${u.role} ${value(u.sn)}`).join(', ')}` : ''}`);
  if (d.legacy) out.push(`  Pre-SLP Smart Licensing: registration ${value(d.legacy.registrationStatus)}, authorization ${value(d.legacy.authorizationStatus)}`);
  out.push(`  SLP enabled:      ${value(d.slpEnabled)}   Agent: ${value(d.agentVersion)}`);
  out.push(`  Account:          ${value(d.account.smartAccount)} / ${value(d.account.virtualAccount)}`);
  const t = d.transport;
  out.push(`  Transport:        ${value(t.type)}${t.url ? `  ${t.url}` : ''}${t.csluAddress ? `  cslu ${t.csluAddress}` : ''}${t.vrf ? `  vrf ${t.vrf}` : ''}${t.sourceInterface ? `  source ${t.sourceInterface}` : ''}${t.proxy.address ? `  proxy ${t.proxy.address}:${value(t.proxy.port)}` : ''}`);
  out.push(`  Topology:         ${d.derived.topology} (${d.derived.topologyReason})`);
  out.push(`  Policy:           ${value(d.policy.inUse)}${d.policy.name ? ` "${d.policy.name}"` : ''}; ACK required ${value(d.policy.reportingAckRequired)}`);
  const u = d.usageReporting;
  out.push(`  Usage reporting:  last ACK ${value(u.lastAckReceived)}; next ACK deadline ${value(u.nextAckDeadline)}`);
  out.push(`                    last push ${value(u.lastReportPush)}; next push ${value(u.nextReportPush)}; interval ${value(u.reportingPushIntervalDays)} days`);
  out.push(`  Trust code:       ${value(d.trustCode.installedAt)}${d.trustCode.udis.length > 0 ? `  (${d.trustCode.udis.map((x) => `${value(x.role)} ${value(x.sn)}: ${value(x.installedAt)}`).join('; ')})` : ''}`);
  out.push(`  Licenses:         ${d.licenses.length === 0 ? 'none' : d.licenses.map((l) => `${value(l.name)} x${value(l.count)} ${value(l.status)}`).join('; ')}`);
  if (d.rumReports.length > 0) out.push(`  RUM reports:      ${d.rumReports.length} (${summariseStates(d.rumReports.map((r) => r.state))})`);
  if (d.communication.length > 0)
    out.push(`  Communication:    ${d.communication.map((c) => `${c.kind} fail ${value(c.fail)}/${value(c.total)}`).join('; ')}`);
  out.push(`  Syslog messages:  ${d.syslog.length}${d.syslog.length > 0 ? ` (${summariseStates(d.syslog.map((m) => m.name ?? `${m.facility}-${m.mnemonic}`))})` : ''}`);
  out.push(`  Eventlog events:  ${d.events.length}`);
  out.push(`  Sections:         ${d.sections.map((s) => `${s.command} [${s.startLine}-${s.endLine}]`).join(', ') || 'none'}`);
  out.push(`  Diagnostics:      ${d.diagnostics.length}`);
  for (const diagnostic of d.diagnostics.slice(0, 50)) out.push(`    ${diagnostic.file}:${diagnostic.line}: ${diagnostic.message}`);
  if (d.diagnostics.length > 50) out.push(`    … ${d.diagnostics.length - 50} more (see --format json)`);
  return out.join('\n') + '\n';
}

function summariseStates(values: string[]): string {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].map(([k, n]) => `${k} ${n}`).join(', ');
}
