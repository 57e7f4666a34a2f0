// Ingest: bytes from a file, stdin or a paste become normalised, numbered lines split into command sections.
// Files are streamed: a show-tech can be hundreds of megabytes and most of it is not about licensing.
import { readSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { pushDecoded, sniffEncoding, SNIFF_BYTES } from './decode.js';
import { ByteLineReader } from './line-reader.js';
import { READ_AHEAD_MIN_BYTES, readAhead } from './read-ahead.js';
import { leaseReadBuffer, releaseReadBuffer, WINDOW_BYTES } from './line-index.js';
import { InputError, type IngestResult } from './types.js';

export { startReadAheadSoon } from './read-ahead.js';
export { resolveCommand } from './resolve-command.js';
export { normaliseLine } from './normalise.js';
export { InputError } from './types.js';
export type { IngestResult, RawSection, Line, IngestDiagnostic } from './types.js';

/** Files up to this size are read in one go; larger ones are streamed so memory stays bounded. */
const WHOLE_FILE_BYTES = 4 << 20;

export interface IngestFileOptions {
  /** Files from this many bytes on are read with a read-ahead worker when one is available (tests lower it). */
  readAheadFrom?: number;
  /** The read-ahead worker's script; by default the one beside this module (tests give the bundle's). */
  readAheadWorker?: URL;
}

export async function ingestFile(path: string, options: IngestFileOptions = {}): Promise<IngestResult> {
  let handle: FileHandle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    throw inputError(path, error);
  }
  try {
    const stats = await handle.stat();
    if (stats.isDirectory()) throw new InputError(path, null, 'is a directory, not a capture file');
    const reader = new ByteLineReader(path);
    if (stats.size <= WHOLE_FILE_BYTES) {
      // A capture of a few kilobytes: one read, no stream machinery and no megabyte buffer for it.
      const bytes = await handle.readFile();
      if (sniffEncoding(bytes, path) !== null) return ended(reader, await pushDecoded([bytes], reader, path));
      reader.push(bytes);
      return reader.end();
    }
    const head = Buffer.allocUnsafe(SNIFF_BYTES);
    if (sniffEncoding(head.subarray(0, readSync(handle.fd, head, 0, SNIFF_BYTES, 0)), path) !== null) {
      return ended(reader, await pushDecoded(handle.createReadStream({ start: 0, autoClose: false, highWaterMark: 1 << 20 }), reader, path));
    }
    const readAheadFrom = options.readAheadFrom ?? READ_AHEAD_MIN_BYTES;
    if (stats.size < readAheadFrom || !(await readAhead(handle, path, reader, options.readAheadWorker))) await readChunks(handle, (chunk) => reader.push(chunk));
    return reader.end();
  } catch (error) {
    throw inputError(path, error);
  } finally {
    await handle.close();
  }
}

/** The same machine over text already in memory (the TUI paste screen, tests). */
export function ingestText(text: string, name: string): IngestResult {
  const reader = new ByteLineReader(name);
  reader.push(Buffer.from(text, 'utf8'));
  return reader.end();
}

export async function ingestStdin(name = '<stdin>'): Promise<IngestResult> {
  const reader = new ByteLineReader(name);
  let note: string | null;
  try {
    note = await pushDecoded(process.stdin as AsyncIterable<Buffer>, reader, name);
  } catch (error) {
    throw inputError(name, error);
  }
  return ended(reader, note);
}

/** The reader's result, with the decoder's note (gzip data cut short) as a diagnostic at the last line read. */
function ended(reader: ByteLineReader, note: string | null): IngestResult {
  const result = reader.end();
  if (note !== null) result.diagnostics.push({ file: result.file, line: result.lineCount, message: note });
  return result;
}

/**
 * Reads the file a window at a time into one reused buffer: no chunk is allocated (a gigabyte of fresh buffers is
 * mostly garbage collection), and a small window stays in the CPU cache between the copy from the kernel and the
 * scan. The buffer lies in the line indexer's memory, so lines are found where they were read; one ingest at a time
 * holds it. Reads are synchronous (an awaited read per 128 KB costs more than the read); the event loop gets a
 * turn every few megabytes so an interactive caller stays responsive.
 */
async function readChunks(handle: FileHandle, scan: (chunk: Buffer) => void): Promise<void> {
  const leased = leaseReadBuffer();
  const buffer = leased ?? Buffer.allocUnsafe(WINDOW_BYTES);
  try {
    for (let chunks = 1; ; chunks++) {
      const bytesRead = readSync(handle.fd, buffer, 0, WINDOW_BYTES, null);
      if (bytesRead === 0) return;
      scan(buffer.subarray(0, bytesRead));
      if (chunks % YIELD_EVERY_CHUNKS === 0) await new Promise((resolve) => setImmediate(resolve));
    }
  } finally {
    if (leased) releaseReadBuffer();
  }
}

const YIELD_EVERY_CHUNKS = 64;

function inputError(file: string, error: unknown): InputError {
  if (error instanceof InputError) return error;
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOENT') return new InputError(file, null, 'no such file or directory');
  if (code === 'EISDIR') return new InputError(file, null, 'is a directory, not a capture file');
  if (code === 'EACCES' || code === 'EPERM') return new InputError(file, null, 'permission denied');
  return new InputError(file, null, `cannot read: ${code ?? (error instanceof Error ? error.message : String(error))}`);
}
