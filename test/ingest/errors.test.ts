import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ingestFile, ingestText } from '../../src/ingest/index.js';
import { ByteLineReader } from '../../src/ingest/line-reader.js';
import { InputError } from '../../src/ingest/types.js';
import { tempDir } from '../support/temp-dirs.js';

const dir = tempDir('slp-ingest-');

async function rejection(promise: Promise<unknown>): Promise<InputError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(InputError);
  return error as InputError;
}

describe('input errors', () => {
  it('missing file', async () => {
    const path = join(dir, 'nope.txt');
    expect((await rejection(ingestFile(path))).message).toBe(`${path}: no such file or directory`);
  });

  it('directory', async () => {
    expect((await rejection(ingestFile(dir))).message).toBe(`${dir}: is a directory, not a capture file`);
  });

  it('empty and blank input', async () => {
    const path = join(dir, 'empty.txt');
    writeFileSync(path, '');
    expect((await rejection(ingestFile(path))).message).toBe(`${path}: input is empty`);
    expect(() => ingestText('  \r\n\n\t\n', 'paste')).toThrow('paste: input is empty');
  });

  it('binary input', async () => {
    const path = join(dir, 'image.bin');
    const bytes = Buffer.alloc(100_000);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919) % 256;
    writeFileSync(path, bytes);
    expect((await rejection(ingestFile(path))).message).toBe(`${path}: looks like a binary file, not device output`);
  });

  it('reads a real file the same as the same text in memory', async () => {
    const text = 'leaf-101# show license status\r\nUtility:\r\n  Status: DISABLED\r\n';
    const path = join(dir, 'status.txt');
    writeFileSync(path, text);
    const fromFile = await ingestFile(path);
    expect(fromFile).toEqual(ingestText(text, path));
    expect(fromFile.sections[0]!.file).toBe(path);
  });
});

describe('robustness', () => {
  it('random bytes never throw anything but InputError', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), fc.integer({ min: 1, max: 64 }), (bytes, chunkSize) => {
        const reader = new ByteLineReader('random.bin');
        const buffer = Buffer.from(bytes);
        try {
          for (let at = 0; at < buffer.length; at += chunkSize) reader.push(buffer.subarray(at, at + chunkSize));
          const result = reader.end();
          for (const section of result.sections) for (const line of section.lines) expect(line.n).toBeGreaterThan(0);
        } catch (error) {
          if (!(error instanceof InputError)) throw error;
        }
      }),
      { numRuns: 300 },
    );
  });

  it('random device-like text never throws and keeps line numbers increasing', () => {
    const pieces = [
      'leaf-101# show license status', '`show license all`', '------------------ show clock ------------------', 'Utility:',
      '  Status: ENABLED', '\x1b[1m', ' --More-- \b\b\b\b', '\r', '\t', '%LICMGR-3-LOG_SMART_LIC_COMM_FAILED: x',
      '<189>1 2023-08-07T17:02:36Z h - - - - %SMART_LIC-3-COMM_FAILED: y', 'junk', '', '#', '>', '`', '\u00e9',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 60 }), fc.constantFrom('\n', '\r\n', ' '), (parts, joiner) => {
        try {
          const result = ingestText(parts.join(joiner), 'fuzz.txt');
          for (const section of result.sections) {
            const numbers = section.lines.map((l) => l.n);
            expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
            if (section.headerLine !== null && numbers.length > 0) expect(numbers[0]).toBeGreaterThan(section.headerLine);
          }
        } catch (error) {
          if (!(error instanceof InputError)) throw error;
        }
      }),
      { numRuns: 300 },
    );
  });
});
