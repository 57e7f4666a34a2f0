// End to end: the real binary in a real terminal (tmux), driven by keys, read back from the screen.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { AnalyzeDocument } from '../../src/common/findings.js';

const root = join(import.meta.dirname, '../..');
const bin = join(root, 'bin/slp-doctor.js');
const capturePath = 'captures/rule-dns-not-configured.txt';
// A private tmux server per run: never touches a user's sessions, and killing it cleans everything up.
const socket = `slp-e2e-${process.pid}`;
const session = 'tui';
const dir = mkdtempSync(join(tmpdir(), 'slp-tui-e2e-'));

function tmux(...args: string[]): string {
  return execFileSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
}

function tmuxAvailable(): boolean {
  return spawnSync('tmux', ['-V'], { encoding: 'utf8' }).status === 0;
}

const screen = () => tmux('capture-pane', '-p', '-t', session);

async function waitFor(predicate: (screen: string) => boolean, what: string, timeoutMs = 10_000): Promise<string> {
  const start = Date.now();
  let last = '';
  while (Date.now() - start < timeoutMs) {
    last = screen();
    if (predicate(last)) return last;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; the screen was:\n${last}`);
}

const waitForText = (text: string, timeoutMs?: number) => waitFor((s) => s.includes(text), JSON.stringify(text), timeoutMs);

function keys(...k: string[]): void {
  tmux('send-keys', '-t', session, ...k);
}

function sessionAlive(): boolean {
  return spawnSync('tmux', ['-L', socket, 'has-session', '-t', session]).status === 0;
}

afterAll(() => {
  spawnSync('tmux', ['-L', socket, 'kill-server']);
  rmSync(dir, { recursive: true, force: true });
});

describe('slp-doctor tui in a real terminal', () => {
  it('opens a capture, shows a finding with evidence and actions, the timeline and raw views, exports, quits', async () => {
    // Not a skip: CI installs tmux (.ci/run), and a missing tmux must be seen.
    expect(tmuxAvailable(), 'tmux is not installed: the TUI end-to-end test needs it (apt-get install -y tmux)').toBe(true);
    expect(existsSync(join(root, 'dist/tui/index.js')), 'dist/ is not built: run `npm run build` (npm test does)').toBe(true);

    // The expected finding comes from the same binary's JSON, not from a copy in this test.
    const analysed = JSON.parse(execFileSync(process.execPath, [bin, 'analyze', '--format', 'json', '--fail-on', 'never', capturePath], { cwd: root, encoding: 'utf8' })) as AnalyzeDocument;
    const findings = analysed.devices[0]!.findings;
    expect(findings.length).toBeGreaterThanOrEqual(2);
    const second = findings[1]!;
    const exitFile = join(dir, 'exit-code');

    tmux('new-session', '-d', '-x', '100', '-y', '30', '-s', session, '-c', root, `node ${bin} tui ${capturePath}; echo $? > ${exitFile}`);
    let s = await waitForText(analysed.devices[0]!.hostname!);
    expect(s).toContain(`topology: ${analysed.devices[0]!.topology}`);
    expect(s).toContain('q quit');

    // The header comes from the parse; the findings follow once the rules have run.
    await waitForText(`› ✖ ${findings[0]!.title}`);
    // Move to the second finding and open it.
    keys('j');
    await waitForText(`› ✖ ${second.title}`);
    keys('Enter');
    const firstCited = second.evidence[0]!;
    s = await waitFor((x) => new RegExp(`▶ *${firstCited.line} │`).test(x), `cited line ${firstCited.line}`);
    expect(s).toContain(firstCited.text.trim().slice(0, 40));
    // Scroll the detail (bounded) until the numbered actions show.
    for (let i = 0; i < 40 && !screen().includes('1. '); i++) keys('j');
    s = await waitForText('Recommended actions');
    expect(s).toContain(`1. ${second.actions[0]!.slice(0, 40)}`);

    keys('3');
    s = await waitForText('─── events');
    expect(s).toMatch(/^failures +.*✖/m);
    expect(s).toMatch(/⚑ ACK deadline: /);

    keys('4');
    s = await waitForText('Sections (');
    expect(s).toContain(`line 1/`);
    expect(s).toContain(capturePath);

    const target = join(dir, 'case-notes.md');
    keys('e');
    await waitForText(`Export Markdown to: ./slp-doctor-${analysed.devices[0]!.hostname}.md`);
    keys('-l', target);
    keys('Enter');
    await waitForText('Exported report to');
    const markdown = readFileSync(target, 'utf8');
    expect(markdown).toContain(`## ${analysed.devices[0]!.hostname}`);
    for (const f of findings) expect(markdown).toContain(f.title);

    // Re-layout on resize: at 80 columns the footer switches to its short form.
    tmux('resize-window', '-t', session, '-x', '80', '-y', '24');
    await waitForText('s sev e export');

    keys('q');
    const start = Date.now();
    while (sessionAlive() && Date.now() - start < 10_000) await new Promise((r) => setTimeout(r, 50));
    expect(sessionAlive(), 'the tmux session should end when the app quits').toBe(false);
    expect(readFileSync(exitFile, 'utf8').trim()).toBe('0');
  });
});
