// gzip and UTF-16 input is read as the text it holds (files, standard input, the fleet's reader); archives and other
// compressors are refused with the command that unpacks them. Through the real binary: decode.e2e.test.ts.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ingestCapture } from '../../src/fleet/read-capture.js';
import { pushDecoded, sniffEncoding } from '../../src/ingest/decode.js';
import { ingestFile, ingestText } from '../../src/ingest/index.js';
import { InputError, type IngestResult } from '../../src/ingest/types.js';
import { utf16 } from '../support/encodings.js';
import { repoRoot } from '../support/shared.js';
import { tempDir } from '../support/temp-dirs.js';

const dir = tempDir('slp-decode-');
const captureName = 'rule-dns-not-configured.txt';
const text = readFileSync(join(repoRoot, 'captures', captureName), 'utf8');
const plain = ingestText(text, 'x');

/** What ingest read, without the file name. */
const read = (result: IngestResult) => ({
  ...result,
  file: 'x',
  bytes: 0,
  sections: result.sections.map((s) => ({ ...s, file: 'x' })),
  diagnostics: result.diagnostics.map((d) => ({ ...d, file: 'x' })),
});

function write(name: string, bytes: Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

async function rejection(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(InputError);
  return (error as InputError).message;
}

describe('what the first bytes say', () => {
  it.each([
    ['gzip', gzipSync('leaf-101# show clock\n'), 'gzip'],
    ['UTF-16LE with a BOM', utf16('leaf-101# show clock\n', 'le', true), 'utf-16le'],
    ['UTF-16BE with a BOM', utf16('leaf-101# show clock\n', 'be', true), 'utf-16be'],
    ['UTF-16LE without a BOM', utf16('leaf-101# show clock\n', 'le', false), 'utf-16le'],
    ['UTF-16BE without a BOM', utf16('leaf-101# show clock\n', 'be', false), 'utf-16be'],
    ['text', Buffer.from('leaf-101# show clock\n'), null],
    ['text starting BZh', Buffer.from('BZh9 banner line\nleaf-101# show clock\n'), null],
    ['NUL bytes here and there', Buffer.from('leaf\0-101# show\0 clock\n\0\0'), null],
  ])('%s', (_what, bytes, expected) => {
    expect(sniffEncoding(bytes, 'f')).toBe(expected);
  });
});

describe('gzip', () => {
  it('a small .gz file reads as the text it holds', async () => {
    expect(read(await ingestFile(write('small.txt.gz', gzipSync(text))))).toEqual(read(plain));
  });

  it('a big one is streamed, and reads the same', async () => {
    // Stored, not compressed: over the size that is read in one go.
    const big = `${'leaf-101# show interface brief\n'}${'Eth1/1  1  eth  access up  none  10G(D) --\n'.repeat(120_000)}${text}`;
    const path = write('big.txt.gz', gzipSync(big, { level: 0 }));
    expect(read(await ingestFile(path))).toEqual(read(ingestText(big, 'x')));
  });

  it('is read by the fleet reader too, and a gzipped UTF-16 file as well', async () => {
    expect(read(await ingestCapture(write('fleet.txt.gz', gzipSync(text))))).toEqual(read(plain));
    expect(read(await ingestCapture(write('both.txt.gz', gzipSync(utf16(text, 'le', true)))))).toEqual(read(plain));
  });

  it('concatenated members read as one text', async () => {
    const half = text.indexOf('\n', text.length / 2) + 1;
    const path = write('members.gz', Buffer.concat([gzipSync(text.slice(0, half)), gzipSync(text.slice(half))]));
    expect(read(await ingestFile(path))).toEqual(read(plain));
  });

  it('cut short: what it held is read, and a diagnostic says where it ends', async () => {
    const gz = gzipSync(text, { level: 0 });
    const result = await ingestFile(write('cut.txt.gz', gz.subarray(0, Math.floor(gz.length * 0.8))));
    expect(result.sections.length).toBeGreaterThan(0);
    const last = result.diagnostics.at(-1)!;
    expect(last.message).toBe('the gzip data ends early (a truncated file?); what it held up to here is read');
    expect(last.line).toBe(result.lineCount);
    expect(result.lineCount).toBeLessThan(plain.lineCount);
  });

  it('damaged from the start: one error naming the file', async () => {
    const gz = gzipSync(text);
    gz.fill(0xff, 10, 40);
    const path = write('damaged.gz', gz);
    expect(await rejection(ingestFile(path))).toMatch(new RegExp(`^${path}: cannot decompress: the gzip data is damaged \\(`));
  });

  it('is streamed: the text arrives in pieces of at most 128 KB, the first before the input is all read', async () => {
    const gz = gzipSync('leaf-101# show logging logfile\n'.padEnd(64, ' ').concat('\n').repeat(200_000));
    let sourceDone = false;
    let beforeSourceDone = 0;
    const sizes: number[] = [];
    async function* source() {
      for (let at = 0; at < gz.length; at += 4096) yield gz.subarray(at, at + 4096);
      sourceDone = true;
    }
    await pushDecoded(source(), { push: (chunk) => (sizes.push(chunk.length), sourceDone || beforeSourceDone++) }, 'f');
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(65 * 200_000);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(128 << 10);
    expect(beforeSourceDone).toBeGreaterThan(0);
  });
});

describe('UTF-16', () => {
  it.each([
    ['le', true],
    ['be', true],
    ['le', false],
    ['be', false],
  ] as const)('%s (BOM: %s) reads as the text, from a file and through 1- to 7-byte pieces', async (order, bom) => {
    const bytes = utf16(text, order, bom);
    expect(read(await ingestFile(write(`windows-${order}-${bom}.txt`, bytes)))).toEqual(read(plain));
    for (const size of [1, 3, 7]) {
      const pieces: Buffer[] = [];
      for (let at = 0; at < bytes.length; at += size) pieces.push(bytes.subarray(at, at + size));
      const out: Buffer[] = [];
      await pushDecoded(pieces, { push: (chunk) => out.push(Buffer.from(chunk)) }, 'f');
      expect(Buffer.concat(out).toString('utf8')).toBe(text);
    }
  });

  it('a character outside the BMP split between pieces survives', async () => {
    const value = 'leaf-101# show clock \u{1F600} ok\n'.repeat(50);
    const bytes = utf16(value, 'be', true);
    const out: Buffer[] = [];
    await pushDecoded([bytes.subarray(0, 1001), bytes.subarray(1001)], { push: (chunk) => out.push(Buffer.from(chunk)) }, 'f');
    expect(Buffer.concat(out).toString('utf8')).toBe(value);
  });
});

describe('refused with the command that unpacks it', () => {
  const tar = Buffer.alloc(1024);
  tar.write('show-tech.txt', 0);
  tar.write('ustar', 257);
  it.each([
    ['a.zip', Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(100, 1)]), 'is a zip archive, not device output: unzip it'],
    ['a.tar', tar, 'is a tar archive, not device output: extract it (tar xf FILE)'],
    ['a.tar.gz', gzipSync(tar), 'is a tar archive, not device output: extract it (tar xf FILE)'],
    ['a.xz', Buffer.from([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00, 1, 2, 3]), 'is xz-compressed, not device output: decompress it (xz -d FILE)'],
    ['a.zst', Buffer.from([0x28, 0xb5, 0x2f, 0xfd, 1, 2, 3]), 'is zstd-compressed, not device output: decompress it (zstd -d FILE)'],
    ['a.bz2', Buffer.from('BZh91AY&SY\x01\x02\x03', 'latin1'), 'is bzip2-compressed, not device output: decompress it (bunzip2 FILE)'],
  ])('%s', async (name, bytes, message) => {
    const path = write(name, bytes);
    expect(await rejection(ingestFile(path))).toBe(`${path}: ${message.replace('FILE', path)} and give slp-doctor the text`);
  });
});
