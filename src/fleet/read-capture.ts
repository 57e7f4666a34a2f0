// Reading one fleet input. A fleet is thousands of captures of ~15 KB: reading such a file with blocking calls
// takes ~20 µs, while the promise-based open/stat/read/close of `ingestFile` costs a thread-pool round trip per
// call, about a millisecond of idle thread per file. Large files, odd files and every error still go through
// `ingestFile`, which streams them and names the problem.
import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs';
import { sniffEncoding } from '../ingest/decode.js';
import { ingestFile, ingestStdin } from '../ingest/index.js';
import { ByteLineReader } from '../ingest/line-reader.js';
import type { IngestResult } from '../ingest/types.js';

/** Files up to this size are read in one blocking call. */
const SMALL_FILE_BYTES = 1 << 20;

export async function ingestCapture(file: string): Promise<IngestResult> {
  if (file === '-') return ingestStdin();
  const bytes = readSmallFile(file);
  // gzip and UTF-16 are decoded as a stream by ingestFile.
  if (bytes === null || sniffEncoding(bytes, file) !== null) return ingestFile(file);
  const reader = new ByteLineReader(file);
  reader.push(bytes);
  return reader.end();
}

/** The whole file when it is a small regular file that opens; null for anything else. */
function readSmallFile(file: string): Buffer | null {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return null;
  }
  try {
    const stats = fstatSync(fd);
    return stats.isFile() && stats.size <= SMALL_FILE_BYTES ? readFileSync(fd) : null;
  } catch {
    return null;
  } finally {
    closeSync(fd);
  }
}
