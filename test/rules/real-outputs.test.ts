// Precision of the built-in rules on real device output (../shared/real-outputs; its README gives provenance). The
// files stay in ../shared: a clone without it skips these tests by name. Two tables hold the pack to them:
//  - PRECISION: one row per precision point of RULES.md ("Precision: what no rule may do") that real output can show,
//    a rule, a real file, whether the rule fires or stays silent there, and why;
//  - FINDINGS: every finding of every severity the pack gives on each real file, so every other rule is held silent
//    on every real file too (the goldens' `findings:` hold the errors and warnings; this adds the info notes).
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeFiles } from '../../src/pipeline/analyze.js';
import type { AnalyzedDevice } from '../../src/common/findings.js';
import { loadRulePack } from '../../src/pipeline/rule-pack.js';
import { sharedPath } from '../support/shared.js';

const C8000V = 'iosxe-cube-17.15.1a-b2bha-active-show-license-all-c8000v.txt';
const C8200L_ONPREM = 'iosxe-cube-17.18.1a-b2bha-show-license-all-c8200l.txt';
const STATUS_CSLU = 'iosxe-cube-17.18.1a-show-license-status.txt';
const NO_REPORTING = 'iosxe-community-howtorouteswitch-status-no-reporting.txt';
const INBOX_HA = 'iosxe-cube-17.6.1a-asr1006x-inbox-ha-show-license-summary.txt';
const USAGE = 'iosxe-cube-17.18.1a-show-license-usage.txt';
const QUOVADIS = 'iosxe-fn72323-quovadis-syslog.txt';
const TRUSTPOOL = 'iosxe-fn72323-show-crypto-pki-trustpool.txt';
const FN72578_COMM = 'iosxe-fn72578-comm-failed-syslog.txt';
const FN72578_CPU = 'iosxe-fn72578-high-cpu-sagetrumids.txt';
const FN72578_MEMORY = 'iosxe-fn72578-high-memory-malloclite.txt';
const FN72578_COUNT = 'iosxe-fn72578-rum-accumulation-count.txt';
const FN72578_RESET = 'iosxe-fn72578-factory-reset-warning.txt';

type Expect = 'fires' | 'silent';

const PRECISION: [rule: string, file: string, expect: Expect, why: string][] = [
  // Counters that move between two pushes are no backlog; harm is.
  ['rum-backlog', C8000V, 'silent', 'Available to Report 311, Waiting for Ack 0 between two daily pushes'],
  ['rum-backlog', C8200L_ONPREM, 'silent', 'Available to Report 147, Waiting for Ack 0, the last push acknowledged'],
  ['rum-backlog', FN72578_COUNT, 'silent', '214 saved reports: not the thousands FN72578 speaks of'],
  ['rum-backlog', FN72578_CPU, 'fires', 'SAGetRUMIds and SAUtilRepSave busy on the CPU (FN72578)'],
  // A healthy device: trust installed where the topology needs it, ACKs after pushes.
  ['trust-code-missing-direct', C8000V, 'silent', 'Smart transport, trust installed (one line with a date)'],
  ['trust-code-missing-direct', NO_REPORTING, 'silent', 'Smart transport, trust installed, no reporting'],
  ['trust-code-missing-direct', STATUS_CSLU, 'silent', 'Trust Code Installed: <none> on CSLU transport, which needs no trust'],
  ['trust-code-missing-standby', C8200L_ONPREM, 'silent', 'CUBE standby of an HA pair, trust shown installed'],
  ['trust-code-missing-standby', INBOX_HA, 'silent', 'an SSO pair whose summaries say nothing of trust: absence is not evidence'],
  ['usage-reporting-never-synced', NO_REPORTING, 'silent', 'every Usage Reporting field <none> because the push interval is 0 (no reporting)'],
  ['ack-not-received', C8000V, 'silent', 'the last push is the newest time in the capture'],
  ['ack-not-received', C8200L_ONPREM, 'silent', 'an ACK arrived after the last push'],
  ['ack-deadline-approaching', C8200L_ONPREM, 'silent', 'an ACK after the last push, the deadline 60 days away'],
  ['report-push-overdue', C8200L_ONPREM, 'silent', 'the next push is a month after the capture'],
  ['ack-overdue', STATUS_CSLU, 'silent', 'no capture time: the deadline cannot be judged'],
  // On-Prem over plain http to an address is the tenant URL of a healthy device.
  ['onprem-url-not-fqdn', C8200L_ONPREM, 'silent', 'plain http On-Prem tenant URL to an address, ACKs arriving'],
  ['cslu-url-malformed', C8200L_ONPREM, 'silent', 'an On-Prem tenant URL is not a standalone CSLU URL'],
  ['onprem-requires-cslu-transport', C8200L_ONPREM, 'silent', 'On-Prem through the CSLU transport'],
  // Stage/dev servers are named as non-production (the message is checked below).
  ['smart-url-incorrect', C8000V, 'fires', 'Smart transport to smartreceiver-stage.cisco.com'],
  // "Cannot reach" and the destination follow the evidence.
  ['comm-failure-cssm-smart', QUOVADIS, 'silent', 'the failure is the Call Home transport\'s ("Fail to send out Call Home HTTP message")'],
  ['comm-failure-callhome', QUOVADIS, 'silent', 'live Call Home send failures whose cause quovadis-root-ca-missing names (it defers to it)'],
  ['quovadis-root-ca-missing', QUOVADIS, 'fires', "FN72323's own messages: the trust pool lacks the IdenTrust root"],
  ['comm-failure-cssm-smart', FN72578_COMM, 'fires', 'a live COMM_FAILED toward CSSM, nothing after it'],
  ['cssm-unreachable-no-detail', FN72578_COMM, 'silent', 'the reason is "Communications failure", not "No detailed information given"'],
  ['comm-agent-failing', FN72578_COMM, 'silent', 'no Communication Statistics: a syslog line is comm-failure-cssm-smart\'s'],
  ['pki-clock-not-authoritative', TRUSTPOOL, 'silent', 'Time source is NTP, the clock authoritative'],
  ['factory-reset-before-write-erase', FN72578_RESET, 'silent', 'a license smart factory reset being done is not a write erase'],
  // SLP rules on output that does not show SLP status stay silent when nothing shows the problem.
  ['no-licenses-in-use', USAGE, 'silent', 'the usage lists CUBE licenses in use'],
  ['no-licenses-in-use', NO_REPORTING, 'fires', 'Reporting push interval: 0 (no reporting) (info)'],
];

/** Every rule id that fires, any severity, per real file (sorted). Every rule not listed must stay silent there. */
const FINDINGS: Record<string, string[]> = {
  [NO_REPORTING]: ['no-licenses-in-use'],
  [C8000V]: ['smart-url-incorrect'],
  'iosxe-cube-17.15.1a-b2bha-active-show-license-summary.txt': [],
  'iosxe-cube-17.15.1a-b2bha-active-show-license-usage.txt': [],
  'iosxe-cube-17.15.1a-show-license-summary.txt': [],
  'iosxe-cube-17.15.1a-show-license-usage.txt': [],
  'iosxe-cube-17.18.1a-b2bha-active-show-license-summary.txt': [],
  'iosxe-cube-17.18.1a-b2bha-active-show-license-usage.txt': [],
  [C8200L_ONPREM]: [],
  [STATUS_CSLU]: [],
  'iosxe-cube-17.18.1a-show-license-summary.txt': [],
  [USAGE]: [],
  [INBOX_HA]: [],
  [QUOVADIS]: ['quovadis-root-ca-missing'],
  [TRUSTPOOL]: [],
  [FN72578_COMM]: ['comm-failure-cssm-smart'],
  [FN72578_RESET]: [],
  [FN72578_CPU]: ['rum-backlog'],
  [FN72578_MEMORY]: [],
  [FN72578_COUNT]: [],
};

const dir = sharedPath('real-outputs');
const run = dir === null ? it.skip : it;
const pack = loadRulePack();

const analyses = new Map<string, Promise<AnalyzedDevice[]>>();
function analyzed(file: string): Promise<AnalyzedDevice[]> {
  let analysis = analyses.get(file);
  if (!analysis) {
    analysis = analyzeFiles([path.join(dir!, file)], { pack }).then((a) => a.devices);
    analyses.set(file, analysis);
  }
  return analysis;
}

function fired(devices: AnalyzedDevice[], rule: string) {
  return devices.flatMap((d) => d.findings.filter((f) => f.ruleId === rule));
}

describe('built-in rules on real device output', () => {
  describe.each(PRECISION)('%s on %s: %s', (rule, file, expected, why) => {
    run(why, async () => {
      const devices = await analyzed(file);
      expect(devices.length).toBeGreaterThan(0);
      expect(fired(devices, rule).length > 0 ? 'fires' : 'silent').toBe(expected);
    });
  });

  run('every rule named in the precision table exists in the built-in pack', () => {
    const ids = new Set(pack.rules.map((r) => r.id));
    expect(PRECISION.map(([rule]) => rule).filter((rule) => !ids.has(rule))).toEqual([]);
  });

  run('the findings table names every real file', () => {
    const files = readdirSync(dir!).filter((name) => name.endsWith('.txt')).sort();
    expect(Object.keys(FINDINGS).sort()).toEqual(files);
  });

  describe.each(Object.entries(FINDINGS))('%s', (file, expected) => {
    run(`fires exactly ${expected.length === 0 ? 'nothing' : expected.join(', ')}`, async () => {
      const devices = await analyzed(file);
      const ids = [...new Set(devices.flatMap((d) => d.findings.map((f) => f.ruleId)))].sort();
      expect(ids).toEqual(expected);
    });
  });

  run('no message contradicts its evidence: a backlog is never "0" reports, a stage server is named non-production', async () => {
    const [backlog] = fired(await analyzed(FN72578_CPU), 'rum-backlog');
    expect(backlog!.message).toMatch(/SAGetRUMIds 75\.29%/);
    expect(backlog!.message).not.toMatch(/\b0 [a-zA-Z ]*report/);
    const [stage] = fired(await analyzed(C8000V), 'smart-url-incorrect');
    expect(stage!.message).toMatch(/smartreceiver-stage\.cisco\.com.*non-production/);
    const [noReporting] = fired(await analyzed(NO_REPORTING), 'no-licenses-in-use');
    expect(noReporting!.message).toContain('Reporting push interval: 0 (no reporting)');
  });
});
