// The shipped command works: the real binary (bin/slp-doctor.js and the bundle built before the run) analyses and
// parses a capture and answers with the documented exit statuses. The rest of the command line is tested in this
// process (conventions, errors); pipes, terminals and fleets through the binary are in the end-to-end suite.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSidecar } from '../fixtures/captures/sidecar.js';
import { runBinary } from '../support/cli.js';
import { repoRoot } from '../support/shared.js';

const name = 'rule-dns-not-configured.txt';
const capture = join(repoRoot, 'captures', name);
const expected = readSidecar(name).devices[0]!;

describe('the built binary', () => {
  it('analyze: a text report naming every error and warning of the capture, status 1', () => {
    const result = runBinary(['analyze', capture]);
    expect(result.stderr).toBe('');
    expect(expected.findings.length).toBeGreaterThan(0);
    for (const id of expected.findings) expect(result.stdout).toContain(`[${id}]`);
    expect(result.code).toBe(1);
  });

  it('analyze --fail-on never: status 0', () => {
    expect(runBinary(['analyze', '--fail-on', 'never', capture]).code).toBe(0);
  });

  it('parse --format json of standard input: the model of the capture, status 0', () => {
    const result = runBinary(['parse', '--format', 'json', '-'], { input: readFileSync(capture) });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const document = JSON.parse(result.stdout) as { devices: { hostname: string | null }[] };
    expect(document.devices.map((d) => d.hostname)).toEqual([expected.model.hostname]);
  });

  it('--version: package.json\'s version, status 0', () => {
    const { version } = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string };
    expect(runBinary(['--version'])).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });

  it.each([
    [['analyze', 'captures/no-such-capture.txt'], /no-such-capture\.txt: no such file/],
    [['analyze', '--no-such-option', `captures/${name}`], /unknown option '--no-such-option'/],
  ])('%j: one line naming the problem, status 2', (args, message) => {
    const result = runBinary(args, { cwd: repoRoot });
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.code).toBe(2);
  });
});
