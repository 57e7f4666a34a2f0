// gzip and UTF-16 captures through the real binary: from standard input, from a file and found in a directory.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { bin } from '../support/cli.js';
import { utf16 } from '../support/encodings.js';
import { repoRoot } from '../support/shared.js';
import { tempDir } from '../support/temp-dirs.js';

const dir = tempDir('slp-decode-cli-');
const text = readFileSync(join(repoRoot, 'captures', 'rule-dns-not-configured.txt'), 'utf8');

function write(name: string, bytes: Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

describe('the command line', () => {
  const expected = spawnSync(process.execPath, [bin, 'analyze', '--format', 'json', '-'], { input: text, encoding: 'utf8' });
  const findings = (stdout: string) => JSON.parse(stdout).devices.map((d: { findings: { ruleId: string }[] }) => d.findings.map((f) => f.ruleId));

  it.each([
    ['gzip', gzipSync(text)],
    ['UTF-16LE', utf16(text, 'le', true)],
  ])('reads %s from standard input and from a file', (_what, bytes) => {
    const fromStdin = spawnSync(process.execPath, [bin, 'analyze', '--format', 'json', '-'], { input: bytes, encoding: 'utf8' });
    expect(fromStdin.stderr).toBe('');
    expect(findings(fromStdin.stdout)).toEqual(findings(expected.stdout));
    const fromFile = spawnSync(process.execPath, [bin, 'analyze', '--format', 'json', write(`cli-${_what}.txt.gz`, bytes)], { encoding: 'utf8' });
    expect(findings(fromFile.stdout)).toEqual(findings(expected.stdout));
    expect(findings(expected.stdout)[0].length).toBeGreaterThan(0);
  });

  it('finds .gz captures in a directory, not tar archives', () => {
    const fleet = tempDir('slp-decode-dir-');
    writeFileSync(join(fleet, 'leaf.txt.gz'), gzipSync(text));
    writeFileSync(join(fleet, 'bundle.tar.gz'), gzipSync(Buffer.alloc(1024)));
    const result = spawnSync(process.execPath, [bin, 'analyze', '--format', 'json', fleet], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(findings(result.stdout)).toEqual(findings(expected.stdout));
  });
});
