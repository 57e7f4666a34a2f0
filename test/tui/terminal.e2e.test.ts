// End to end: the real binary in a real terminal (tmux), driven by keys, read back from the screen.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { AnalyzeDocument } from '../../src/common/findings.js';
import { tempDir } from '../support/temp-dirs.js';
import { Terminal, bin, root } from './tmux.js';

const capturePath = 'captures/rule-dns-not-configured.txt';
const terminal = new Terminal('e2e');
const session = 'tui';
const dir = tempDir('slp-tui-e2e-');
const screen = () => terminal.screen(session);
const waitFor = (predicate: (screen: string) => boolean, what: string) => terminal.waitFor(session, predicate, what);
const waitForText = (text: string) => terminal.waitForText(session, text);
const keys = (...k: string[]) => terminal.keys(session, ...k);

afterAll(() => terminal.kill());

describe('slp-doctor tui in a real terminal', () => {
  it('opens a capture, shows a finding with evidence and actions, the timeline and raw views, exports, quits', async () => {
    Terminal.expectReady();

    // The expected finding comes from the same binary's JSON, not from a copy in this test.
    const analysed = JSON.parse(execFileSync(process.execPath, [bin, 'analyze', '--format', 'json', '--fail-on', 'never', capturePath], { cwd: root, encoding: 'utf8' })) as AnalyzeDocument;
    const findings = analysed.devices[0]!.findings;
    expect(findings.length).toBeGreaterThanOrEqual(2);
    const second = findings[1]!;
    const exitFile = join(dir, 'exit-code');

    terminal.start(session, `node ${bin} tui ${capturePath}; echo $? > ${exitFile}`);
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
    terminal.tmux('resize-window', '-t', session, '-x', '80', '-y', '24');
    await waitForText('s sev e export');
    // The key help fits 80×24 whole: its last line is there, and no line of it is cut.
    keys('?');
    s = await waitForText('q or Ctrl-C: quit');
    const help = s.split('\n').slice(s.split('\n').findIndex((l) => l.startsWith('Keys')));
    for (const line of help.slice(0, help.findIndex((l) => l.includes('q or Ctrl-C')) + 1)) expect(line).not.toContain('…');
    keys('x');
    await waitFor((x) => !x.includes('q or Ctrl-C: quit'), 'the help to close');

    keys('q');
    await terminal.waitForExit(session);
    expect(readFileSync(exitFile, 'utf8').trim()).toBe('0');
  });
});
