// The fleet progress bar: drawn on stderr only when stderr is a terminal (progress.e2e.test.ts watches it in one).
import { describe, expect, it } from 'vitest';
import { progressBar } from '../../src/fleet/progress.js';

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
