// A rule whose condition fails on a device is named on stderr by analyze (rule id, file, device, the error), the
// other rules still run, and the exit status stays what the findings decide; `rules test` does not count a silence
// that came from a failure as a pass; `rules explain` of a rule only a directory holds says to pass --rules.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/shared.js';
import { tempDir } from '../support/temp-dirs.js';

const bin = join(repoRoot, 'bin/slp-doctor.js');
const work = tempDir('slp-rule-failures-');
const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { cwd: work, encoding: 'utf8' });

function rule(id: string, when: string, tests: string): string {
  return [`id: ${id}`, `title: ${id} title`, 'severity: warning', 'platforms: [iosxe]', 'cause: c', `when: '${when}'`, 'message: m', 'actions: []', 'references: []', `tests: ${tests}`, ''].join('\n');
}

const pack = join(work, 'my-rules');
mkdirSync(join(pack, 'captures'), { recursive: true });
copyFileSync(join(repoRoot, 'captures/iosxe-all-direct-smart.txt'), join(pack, 'captures/edge.txt'));
copyFileSync(join(repoRoot, 'captures/layout-transport-automatic.txt'), join(pack, 'captures/automatic.txt'));
writeFileSync(join(pack, 'host-as-number.yaml'), rule('host-as-number', 'int(hostname) > 3', '{ fires: [captures/edge.txt], silent: [captures/automatic.txt] }'));
writeFileSync(join(pack, 'host-named.yaml'), rule('host-named', 'hostname != null', '{ fires: [captures/edge.txt], silent: [captures/edge.txt] }'));

describe('analyze --rules with a rule that fails while evaluating', () => {
  it('names the rule, its file, the device and the error on stderr; the other rules still run', () => {
    const result = run('analyze', '--rules', 'my-rules', '--format', 'json', '--fail-on', 'never', 'my-rules/captures/edge.txt');
    expect(result.status).toBe(0);
    expect(result.stderr).toBe(
      'slp-doctor: rule host-as-number (my-rules/host-as-number.yaml) could not be evaluated on c9300-edge-01 (my-rules/captures/edge.txt): ' +
        'int() type error: cannot convert to int; it did not fire there; see: slp-doctor rules explain host-as-number my-rules/captures/edge.txt --rules my-rules\n',
    );
    const ids = (JSON.parse(result.stdout) as { devices: { findings: { ruleId: string }[] }[] }).devices[0]!.findings.map((f) => f.ruleId);
    expect(ids).toContain('host-named');
    expect(ids).not.toContain('host-as-number');
  });

  it('keeps the exit status the findings decide', () => {
    expect(run('analyze', '--rules', 'my-rules', '--fail-on', 'warning', 'my-rules/captures/edge.txt').status).toBe(1);
    expect(run('analyze', '--rules', 'my-rules', '--fail-on', 'never', 'my-rules/captures/edge.txt').status).toBe(0);
  });

  it('says it once per rule, with how many other devices, in every output format', () => {
    for (const format of ['text', 'jsonl']) {
      const result = run('analyze', '--rules', 'my-rules', '--format', format, '--fail-on', 'never', 'my-rules/captures/edge.txt', 'my-rules/captures/automatic.txt');
      const lines = result.stderr.trim().split('\n');
      expect(lines, format).toHaveLength(1);
      expect(lines[0]).toMatch(/^slp-doctor: rule host-as-number \(my-rules\/host-as-number\.yaml\) could not be evaluated on \S+ \(my-rules\/captures\/\w+\.txt\) and 1 other device: int\(\) type error/);
    }
  });

  it('masks the device name with --redact', () => {
    const result = run('analyze', '--redact', '--rules', 'my-rules', '--fail-on', 'never', 'my-rules/captures/edge.txt');
    expect(result.stderr).toContain('could not be evaluated on <host-1> (');
    expect(result.stderr).not.toContain('c9300-edge-01');
  });
});

describe('rules test with a rule that fails while evaluating', () => {
  it('fails the silent case as well as the fires case: silent from a failure is not silent', () => {
    const result = run('rules', 'test', 'my-rules');
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('FAIL  host-as-number  silent  captures/automatic.txt: the condition failed to evaluate (');
    expect(result.stdout).toContain('FAIL  host-as-number  fires  captures/edge.txt: the condition failed to evaluate (c9300-edge-01: int() type error: cannot convert to int)');
    expect(result.stdout).toContain('PASS  host-named  fires  captures/edge.txt');
  });
});

describe('rules explain of a rule only a directory holds', () => {
  it('says to pass --rules with that directory', () => {
    const result = run('rules', 'explain', 'host-named', 'my-rules/captures/edge.txt');
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('no rule "host-named" in the rules loaded; it is defined in my-rules/host-named.yaml: pass --rules my-rules\n');
    expect(run('rules', 'explain', 'host-named', 'my-rules/captures/edge.txt', '--rules', 'my-rules').status).toBe(0);
  });

  it('says --rules in general when no rule file near the capture has the id', () => {
    const result = run('rules', 'explain', 'no-such-rule', 'my-rules/captures/edge.txt');
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^no rule "no-such-rule"; a rule of your own is explained with --rules DIR/);
  });
});
