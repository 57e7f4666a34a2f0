// End to end, the way a support engineer starts: `slp-doctor tui`, then paste what the terminal printed. tmux
// pastes as a terminal does (every LF sent as CR, escape codes as they are), plain or bracketed.
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { AnalyzeDocument, AnalyzedDevice } from '../../src/common/findings.js';
import { tempDir } from '../support/temp-dirs.js';
import { Terminal, bin, root } from './tmux.js';

const terminal = new Terminal('paste');
const dir = tempDir('slp-tui-paste-');
afterAll(() => terminal.kill());

const pasteCaptures = readdirSync(join(root, 'captures')).filter((name) => /^paste-.*\.txt$/.test(name));

/** What the binary's `analyze` finds in the file: the screen must show the same after the paste. */
function analysed(file: string): AnalyzedDevice {
  const document = JSON.parse(execFileSync(process.execPath, [bin, 'analyze', '--format', 'json', '--fail-on', 'never', file], { cwd: root, encoding: 'utf8', maxBuffer: 64 << 20 })) as AnalyzeDocument;
  expect(document.devices).toHaveLength(1);
  return document.devices[0]!;
}

/** Paste `file` into the start screen, finish with Ctrl-D, and see the device and its first finding. */
async function pasteAndSee(session: string, file: string, bracketed: boolean): Promise<void> {
  const device = analysed(file);
  terminal.start(session, `node ${bin} tui`);
  await terminal.waitForText(session, 'Paste a capture');
  terminal.pasteFile(session, file, bracketed);
  await terminal.waitFor(session, (s) => /\d+ line\(s\), \d+ KB received/.test(s), 'the paste counter', 60_000);
  terminal.keys(session, 'C-d');
  const screen = await terminal.waitForText(session, `topology: ${device.topology}`, 60_000);
  expect(screen).toContain(device.hostname!);
  if (device.findings.length === 0) await terminal.waitForText(session, '✔ No documented SLP problem found', 30_000);
  // Every finding is listed (a long list scrolls: the first screenful is checked).
  for (const finding of device.findings.slice(0, 6)) await terminal.waitForText(session, finding.title.slice(0, 60), 30_000);
  terminal.keys(session, 'q');
  await terminal.waitForExit(session);
}

describe('pasting into slp-doctor tui in a real terminal', () => {
  it('has paste captures to paste', () => {
    Terminal.expectReady();
    expect(pasteCaptures.length).toBeGreaterThan(0);
  });

  it.each(pasteCaptures)('%s pasted as a terminal sends it shows its findings', async (name) => {
    await pasteAndSee(`plain-${name.replace(/\W/g, '')}`, join('captures', name), false);
  });

  it.each(pasteCaptures)('%s pasted in bracketed paste mode shows its findings', async (name) => {
    await pasteAndSee(`bracketed-${name.replace(/\W/g, '')}`, join('captures', name), true);
  });

  it('a 5 MB show-tech pasted shows its findings', async () => {
    const file = join(dir, 'show-tech-5mb.txt');
    execFileSync(process.execPath, ['scripts/gen-showtech.mjs', file, '5'], { cwd: root });
    await pasteAndSee('showtech', file, false);
  }, 120_000);

  it('keys arriving in one write (jjj) each move the selection', async () => {
    const session = 'keys';
    terminal.start(session, `node ${bin} tui captures/rule-dns-not-configured.txt`);
    await terminal.waitForText(session, 'ERROR (2)');
    terminal.keys(session, '4');
    await terminal.waitForText(session, 'line 1/');
    terminal.write(session, 'jjj');
    await terminal.waitFor(session, (s) => /line 4\/\d+/.test(s), 'line 4 after jjj');
    terminal.write(session, '\x1b[B\x1b[B');
    await terminal.waitFor(session, (s) => /line 6\/\d+/.test(s), 'line 6 after two arrows in one write');
    terminal.keys(session, 'q');
    await terminal.waitForExit(session);
  });
});
