// Bad input and bad usage: one line on stderr naming the file, exit 2, never a stack trace. Run in this process
// (test/support/cli.ts); test/cli/smoke.test.ts checks the same through the real binary.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli as run, type CliResult } from '../support/cli.js';
import { tempDir } from '../support/temp-dirs.js';

const dir = tempDir('slp-cli-');

function expectOneLineError(result: CliResult, mention: string | RegExp) {
  expect(result.code).toBe(2);
  const lines = result.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(mention);
  expect(result.stderr).not.toMatch(/\n\s+at /);
}

describe('bad input', () => {
  it('a missing file', async () => {
    expectOneLineError(await run(['analyze', join(dir, 'nope.txt')]), /nope\.txt.*no such file/);
  });

  it('an empty file', async () => {
    const empty = join(dir, 'empty.txt');
    writeFileSync(empty, '');
    expectOneLineError(await run(['parse', empty]), /empty\.txt.*empty/);
  });

  it('a binary file', async () => {
    const binary = join(dir, 'image.bin');
    writeFileSync(binary, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)));
    expectOneLineError(await run(['analyze', binary]), /image\.bin.*binary/);
  });

  it('a directory without captures', async () => {
    const emptyDir = tempDir('slp-empty-');
    expectOneLineError(await run(['analyze', emptyDir]), /no capture files/);
  });

  it('a page of prose, an unrelated running-config, a bare show version: no licensing output', async () => {
    const inputs = {
      'prose.txt': 'Dear team,\n\nplease find the quarterly report attached. The router was rebooted on Monday.\n',
      'config.txt': 'rtr-9#show running-config\nBuilding configuration...\n\nhostname rtr-9\n!\ninterface GigabitEthernet0/0\n ip address 192.0.2.9 255.255.255.0\n!\nend\n',
      'version.txt': 'rtr-9#show version\nCisco IOS XE Software, Version 17.09.04a\nrtr-9 uptime is 1 week\n',
    };
    for (const [name, text] of Object.entries(inputs)) {
      const file = join(dir, name);
      writeFileSync(file, text);
      for (const command of ['analyze', 'parse']) expectOneLineError(await run([command, file]), new RegExp(`${name.replace('.', '\\.')}: no NX-OS or IOS-XE licensing output`));
    }
  });

  it('an input without licensing output beside a capture: the capture is still reported, exit 2', async () => {
    const prose = join(dir, 'note.txt');
    writeFileSync(prose, 'Nothing to see here.\n');
    for (const command of ['analyze', 'parse']) {
      const result = await run([command, '--format', 'json', prose, join(import.meta.dirname, '../../captures/nxos-status-cslu.txt')]);
      expect(result.code).toBe(2);
      expect(result.stderr.trim().split('\n')).toEqual([expect.stringMatching(/note\.txt: no NX-OS or IOS-XE licensing output/)]);
      expect((JSON.parse(result.stdout) as { devices: unknown[] }).devices).toHaveLength(1);
    }
  });

  it('invalid UTF-8 is read, not refused', async () => {
    const file = join(dir, 'latin1.txt');
    writeFileSync(file, Buffer.concat([Buffer.from('leaf-101# show license status\nSmart Licensing Using Policy:\n  Status: ENABLED\n'), Buffer.from([0xff, 0xfe, 0x41, 0x0a])]));
    const result = await run(['parse', '--format', 'json', file]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).devices[0].slpEnabled).toBe(true);
  });

  it('a 20 MB single line ends with diagnostics, not a hang', async () => {
    const file = join(dir, 'long-line.txt');
    writeFileSync(file, 'x'.repeat(20 * 1024 * 1024));
    const result = await run(['parse', '--format', 'json', file]);
    expect([0, 2]).toContain(result.code);
    if (result.code === 0) expect(JSON.parse(result.stdout).devices.flatMap((d: { diagnostics: unknown[] }) => d.diagnostics).length).toBeGreaterThan(0);
    else expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('bad usage', () => {
  it('an unknown command', async () => {
    expectOneLineError(await run(['diagnose', 'x.txt']), /unknown command/);
  });

  it('an unknown format', async () => {
    expectOneLineError(await run(['analyze', '--format', 'pdf', 'x.txt']), /pdf/);
  });

  it('a --now that is not a time', async () => {
    const file = join(dir, 'status.txt');
    writeFileSync(file, 'Smart Licensing Using Policy:\n  Status: ENABLED\n');
    expectOneLineError(await run(['analyze', '--now', 'yesterday', file]), /--now/);
  });

  it('every command has help with an example', async () => {
    for (const command of [['analyze'], ['parse'], ['tui'], ['rules', 'list'], ['rules', 'lint'], ['rules', 'test'], ['rules', 'schema'], ['rules', 'explain']]) {
      const result = await run([...command, '--help']);
      expect(result.code, command.join(' ')).toBe(0);
      expect(result.stdout, command.join(' ')).toMatch(/Example/);
    }
  });
});
