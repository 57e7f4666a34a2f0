// The fleet progress bar: drawn on stderr only when stderr is a terminal, and gone when the run is over.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { progressBar } from '../../src/cli/fleet/progress.js';
import { tempDir } from '../support/temp-dirs.js';

const root = join(import.meta.dirname, '../..');
const bin = join(root, 'bin/slp-doctor.js');

function recorder(isTTY: boolean): { isTTY: boolean; write(text: string): boolean; written: string[] } {
  const written: string[] = [];
  return { isTTY, written, write: (text: string) => written.push(text) > 0 };
}

describe('progress bar', () => {
  it('writes nothing when stderr is not a terminal', () => {
    const stream = recorder(false);
    const bar = progressBar(stream);
    bar.update(1, 10);
    bar.update(10, 10);
    bar.done();
    expect(stream.written).toEqual([]);
  });

  it('draws done/total over itself, at most every 100 ms but always the last, and clears its line at the end', () => {
    const stream = recorder(true);
    const bar = progressBar(stream);
    bar.update(1, 4);
    bar.update(2, 4);
    bar.update(4, 4);
    bar.done();
    expect(stream.written).toHaveLength(3);
    expect(stream.written[0]).toMatch(/^\r\[#{8}\.{22}\] 1\/4 files {2}\d+\/s$/);
    expect(stream.written[1]).toMatch(/^\r\[#{30}\] 4\/4 files/);
    expect(stream.written[2]).toBe('\r\x1b[2K');
  });
});

// A private tmux server: the real binary with its stderr on a real terminal.
const socket = `slp-progress-${process.pid}`;
const tmux = (...args: string[]): string => execFileSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
afterAll(() => {
  spawnSync('tmux', ['-L', socket, 'kill-server']);
});

describe('progress bar in a real terminal', () => {
  it('shows while a fleet is analysed and is gone when the summary is written', async () => {
    expect(spawnSync('tmux', ['-V']).status, 'tmux is not installed: this test needs it (apt-get install -y tmux)').toBe(0);
    const dir = tempDir('slp-progress-');
    const { generateFleet } = (await import(new URL('../../scripts/gen-corpus.mjs', import.meta.url).href)) as {
      generateFleet(options: { dir: string; count: number; seed: number }): Promise<unknown>;
    };
    const count = 3000;
    await generateFleet({ dir: join(dir, 'fleet'), count, seed: 3 });
    const out = join(dir, 'summary.txt');
    const exitFile = join(dir, 'exit-code');
    tmux('new-session', '-d', '-x', '100', '-y', '10', '-s', 'fleet', '-c', root,
      `node ${bin} analyze --summary --jobs 2 --fail-on never ${join(dir, 'fleet')} > ${out}; echo $? > ${exitFile}; sleep 30`);

    const seen: string[] = [];
    const bar = new RegExp(`\\[#*\\.*\\] (\\d+)/${count} files +\\d+/s`);
    const start = Date.now();
    while (!existsSync(exitFile) && Date.now() - start < 60_000) {
      const match = bar.exec(tmux('capture-pane', '-p', '-t', 'fleet'));
      if (match) seen.push(match[1]!);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(readFileSync(exitFile, 'utf8').trim()).toBe('0');
    expect(seen.length, 'the bar was never on screen').toBeGreaterThan(0);
    expect(Number(seen.at(-1))).toBeGreaterThan(0);
    // Cleared: the terminal keeps no trace of it once the run is over.
    expect(tmux('capture-pane', '-p', '-t', 'fleet')).not.toMatch(/files +\d+\/s/);
    expect(readFileSync(out, 'utf8')).toMatch(new RegExp(`^Fleet summary: \\d+ device\\(s\\) from ${count} input file\\(s\\)`));
    // The bar went to stderr only: the summary file has none of it.
    expect(readFileSync(out, 'utf8')).not.toContain('files ');
  });
});
