// The fleet progress bar in a real terminal: shown while a fleet is analysed, gone when the run is over.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ingestText } from '../../src/ingest/index.js';
import { fromIngested } from '../../src/pipeline/captures.js';
import { bin } from '../support/cli.js';
import { repoRoot as root } from '../support/shared.js';
import { tempDir } from '../support/temp-dirs.js';

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
      generateFleet(options: { dir: string; count: number; seed: number; pipeline: object }): Promise<unknown>;
    };
    const count = 3000;
    await generateFleet({ dir: join(dir, 'fleet'), count, seed: 3, pipeline: { ingestText, fromIngested } });
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
