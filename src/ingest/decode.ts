// Input that is not plain text, turned into the bytes the line reader expects before it sees them: gzip is inflated
// as it streams (a 1 GB show-tech.gz is never held whole), UTF-16 as Windows tools save it becomes UTF-8, and
// archives and other compressors are refused with the command that unpacks them. Plain text passes untouched.
import { Readable, pipeline } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { InputError } from './types.js';

export type Encoding = 'gzip' | 'utf-16le' | 'utf-16be';

/** Enough to tell: magic numbers, tar's `ustar` at 257, and NUL bytes every other byte over a few hundred characters. */
export const SNIFF_BYTES = 1024;

/** Where the bytes go (the line reader). */
export interface ByteSink {
  push(chunk: Buffer): void;
}

type Source = AsyncIterable<Buffer> | Iterable<Buffer>;

const startsWith = (head: Buffer, bytes: readonly number[], at = 0) => bytes.every((b, i) => head[at + i] === b);

const REFUSED: { magic: readonly number[]; at?: number; what: string; unpack: string }[] = [
  { magic: [0x50, 0x4b, 0x03, 0x04], what: 'a zip archive', unpack: 'unzip it' },
  { magic: [0x50, 0x4b, 0x05, 0x06], what: 'a zip archive', unpack: 'unzip it' },
  { magic: [0x75, 0x73, 0x74, 0x61, 0x72], at: 257, what: 'a tar archive', unpack: 'extract it (tar xf FILE)' },
  { magic: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], what: 'xz-compressed', unpack: 'decompress it (xz -d FILE)' },
  { magic: [0x28, 0xb5, 0x2f, 0xfd], what: 'zstd-compressed', unpack: 'decompress it (zstd -d FILE)' },
  { magic: [0x42, 0x5a, 0x68], what: 'bzip2-compressed', unpack: 'decompress it (bunzip2 FILE)' },
];

/**
 * What the input is, from its first bytes (`SNIFF_BYTES` of them, or all there is): null for text to read as it
 * is. Throws an InputError naming the command to use for an archive or a compressor we do not read.
 */
export function sniffEncoding(head: Buffer, file: string): Encoding | null {
  if (head[0] === 0x1f && head[1] === 0x8b) return 'gzip';
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  for (const { magic, at, what, unpack } of REFUSED) {
    // bzip2's `BZh` is followed by the block size and a block's own magic: a text starting "BZh" is still text.
    if (startsWith(head, magic, at) && (what !== 'bzip2-compressed' || startsWith(head, [0x31, 0x41, 0x59, 0x26, 0x53, 0x59], 4))) {
      throw new InputError(file, null, `is ${what}, not device output: ${unpack.replace('FILE', file)} and give slp-doctor the text`);
    }
  }
  return utf16WithoutBom(head);
}

/** Device output is ASCII: saved as UTF-16 without a byte-order mark, one byte of every pair is NUL. */
function utf16WithoutBom(head: Buffer): Encoding | null {
  const n = Math.min(head.length, SNIFF_BYTES) & ~1;
  if (n < 8 || head.subarray(0, n).indexOf(0) < 0) return null;
  let evenNuls = 0;
  let oddNuls = 0;
  for (let i = 0; i < n; i += 2) {
    if (head[i] === 0) evenNuls++;
    if (head[i + 1] === 0) oddNuls++;
  }
  const pairs = n / 2;
  if (oddNuls >= pairs * 0.75 && evenNuls <= pairs * 0.05) return 'utf-16le';
  if (evenNuls >= pairs * 0.75 && oddNuls <= pairs * 0.05) return 'utf-16be';
  return null;
}

/**
 * Feeds `source` to `sink`, decoded. Returns a note for the input's diagnostics when gzip data ends early or is
 * damaged after some text was read (what was read is kept: a truncated show-tech still says a lot).
 */
export async function pushDecoded(source: Source, sink: ByteSink, file: string): Promise<string | null> {
  const { head, rest } = await takeHead(source);
  const encoding = head.length === 0 ? null : sniffEncoding(head, file);
  if (encoding === 'gzip') return inflate(rest, sink, file);
  if (encoding === null) for await (const chunk of rest) sink.push(chunk);
  else for await (const chunk of toUtf8(rest, encoding)) sink.push(chunk);
  return null;
}

async function inflate(source: AsyncIterable<Buffer>, sink: ByteSink, file: string): Promise<string | null> {
  const gunzip = createGunzip({ chunkSize: 128 << 10 });
  // An error of the source or of zlib ends the loop below through `gunzip`.
  pipeline(Readable.from(source), gunzip, () => {});
  let inflated = 0;
  const counting: ByteSink = {
    push(chunk) {
      inflated += chunk.length;
      sink.push(chunk);
    },
  };
  try {
    // Inflated bytes are looked at again: a UTF-16 file or a tar archive may have been gzipped.
    return await pushDecoded(gunzip as AsyncIterable<Buffer>, counting, file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (!code?.startsWith('Z_')) throw error;
    const problem = code === 'Z_BUF_ERROR' ? 'ends early (a truncated file?)' : `is damaged (${(error as Error).message})`;
    if (inflated === 0) throw new InputError(file, null, `cannot decompress: the gzip data ${problem}`);
    return `the gzip data ${problem}; what it held up to here is read`;
  }
}

/** UTF-16 to UTF-8, chunk by chunk: a character split between chunks waits for its other half. */
async function* toUtf8(source: AsyncIterable<Buffer>, encoding: 'utf-16le' | 'utf-16be'): AsyncGenerator<Buffer> {
  // Only UTF-16LE is decoded without ICU: big-endian pairs are swapped first, an odd byte kept for the next chunk.
  const decoder = new TextDecoder('utf-16le');
  let odd: Buffer | null = null;
  for await (const chunk of source) {
    let bytes: Buffer = chunk;
    if (encoding === 'utf-16be') {
      const joined: Buffer = odd ? Buffer.concat([odd, chunk]) : Buffer.from(chunk);
      const even = joined.length & ~1;
      odd = even < joined.length ? joined.subarray(even) : null;
      bytes = joined.subarray(0, even).swap16();
    }
    const text = decoder.decode(bytes, { stream: true });
    if (text !== '') yield Buffer.from(text, 'utf8');
  }
  const tail = decoder.decode();
  if (tail !== '') yield Buffer.from(tail, 'utf8');
}

/** The first `SNIFF_BYTES` (or all there is), and every byte again from the start. */
async function takeHead(source: Source): Promise<{ head: Buffer; rest: AsyncIterable<Buffer> }> {
  const iterator = Symbol.asyncIterator in source ? source[Symbol.asyncIterator]() : source[Symbol.iterator]();
  const chunks: Buffer[] = [];
  let size = 0;
  let done = false;
  while (size < SNIFF_BYTES) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    chunks.push(next.value);
    size += next.value.length;
  }
  const head = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
  async function* rest(): AsyncGenerator<Buffer> {
    try {
      while (chunks.length > 0) yield chunks.shift()!;
      while (!done) {
        const next = await iterator.next();
        if (next.done) done = true;
        else yield next.value;
      }
    } finally {
      if (!done) await iterator.return?.();
    }
  }
  return { head, rest: rest() };
}
