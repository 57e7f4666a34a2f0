import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestText } from '../../src/ingest/index.js';
import { FileLines } from '../../src/tui/raw-file.js';
import { TextLines, type LineSearch, type RawLines } from '../../src/tui/raw-lines.js';
import { tempDir } from '../support/temp-dirs.js';

const dir = tempDir('slp-raw-lines-');
let files = 0;
function fileOf(content: string | Buffer): FileLines {
  const path = join(dir, `capture-${files++}.txt`);
  writeFileSync(path, content);
  return new FileLines(path);
}

function allLines(lines: RawLines): (string | undefined)[] {
  return Array.from({ length: lines.count }, (_, i) => lines.line(i + 1));
}

function searched(lines: RawLines, needle: string): Promise<LineSearch> {
  return new Promise((resolve) => {
    lines.search(needle, (result) => {
      if (result.done) resolve(result);
    });
  });
}

async function indexed(lines: RawLines): Promise<void> {
  while (!lines.complete) await new Promise((r) => setTimeout(r, 5));
}

const CAPTURE = [
  '\x1b[1mleaf-101#\x1b[0m show license status\r',
  'Smart Licensing Using Policy:\r',
  ' --More-- \b\b\b\b\b\b\b\b\b\b          \b\b\b\b\b\b\b\b\b\b  Status: ENABLED\r',
  '\tTransport:',
  '',
  'last line, no newline',
].join('\n');

describe('raw lines of a file and of a paste', () => {
  it('number and show the lines as ingest does, from a file read on demand or from the text', () => {
    const expected = ['leaf-101# show license status', 'Smart Licensing Using Policy:', '  Status: ENABLED', '        Transport:', '', 'last line, no newline'];
    expect(allLines(new TextLines(CAPTURE))).toEqual(expected);
    const file = fileOf(CAPTURE);
    expect(file.complete).toBe(true);
    expect(allLines(file)).toEqual(expected);
    expect(file.line(0)).toBeUndefined();
    expect(file.line(7)).toBeUndefined();
    // Line numbers are ingest's: the cited line of a finding is the line shown.
    expect(ingestText(CAPTURE, 'x').lineCount).toBe(expected.length);
  });

  it('keep a final empty line after the last newline, and CR alone as the separator of old Mac-style captures', () => {
    expect(allLines(fileOf('a\nb\n'))).toEqual(['a', 'b', '']);
    expect(allLines(fileOf('a\rb\rc'))).toEqual(['a', 'b', 'c']);
    expect(allLines(new TextLines('a\rb\rc'))).toEqual(['a', 'b', 'c']);
    expect(allLines(fileOf(''))).toEqual(['']);
  });

  it('show a runaway line cut, not whole', () => {
    const file = fileOf(`short\n${'x'.repeat(300_000)}\nafter`);
    expect(file.line(2)!.length).toBe(64 * 1024);
    expect(file.line(3)).toBe('after');
  });

  it('index a large file in the background and read any line of it by offset', async () => {
    const line = (n: number) => `2024 Apr 17 03:31:${String(n % 60).padStart(2, '0')} leaf-101 %ETHPORT-5-IF_UP: Interface Ethernet1/${n} is up ${'.'.repeat(n % 97)}`;
    const count = 150_000;
    const file = fileOf(Array.from({ length: count }, (_, i) => line(i + 1)).join('\n') + '\n');
    expect(file.complete).toBe(false);
    const changes: number[] = [];
    file.onChange(() => changes.push(file.count));
    await indexed(file);
    expect(changes.at(-1)).toBe(count + 1);
    expect(file.count).toBe(count + 1);
    for (const n of [1, 255, 256, 257, 512, 99_999, count]) expect(file.line(n)).toBe(line(n));
    expect(file.line(count + 1)).toBe('');
  });

  it('search the whole input, case-insensitively, in what ingest shows (colour codes and pager gone)', async () => {
    const text = `${CAPTURE}\nSTATUS: disabled`;
    for (const lines of [new TextLines(text), fileOf(text)]) {
      expect((await searched(lines, 'status: ')).numbers).toEqual([3, 7]);
      expect((await searched(lines, 'leaf-101# show')).numbers).toEqual([1]);
      expect((await searched(lines, 'More')).numbers).toEqual([]);
    }
  });

  it('search a large file across its slices, with the line numbers of the raw view', async () => {
    const lines = Array.from({ length: 400_000 }, (_, i) => (i % 100_000 === 99_999 ? `%LICMGR-3-LOG_SMART_LIC_COMM_FAILED at ${i + 1}` : `filler line ${i + 1} of show tech-support`));
    const file = fileOf(lines.join('\n'));
    const result = await searched(file, 'licmgr-3');
    expect(result.numbers).toEqual([100_000, 200_000, 300_000, 400_000]);
    await indexed(file);
    expect(file.line(300_000)).toBe('%LICMGR-3-LOG_SMART_LIC_COMM_FAILED at 300000');
  });
});
