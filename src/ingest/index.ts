// Ingest: bytes from a file, stdin or a paste become normalised, numbered lines split into command sections.
// Files are streamed: a show-tech can be hundreds of megabytes and most of it is not about licensing.
import { createReadStream } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { ByteLineReader } from './line-reader.js';
import { InputError, type IngestResult } from './types.js';

export { syslogShape } from './syslog-shape.js';
export { resolveCommand } from './command-names.js';
export { normaliseLine } from './normalise.js';
export { InputError } from './types.js';
export type { IngestResult, RawSection, Line, IngestDiagnostic } from './types.js';

const READ_CHUNK_BYTES = 1 << 20;
/** Files up to this size are read in one go; larger ones are streamed so memory stays bounded. */
const WHOLE_FILE_BYTES = 4 << 20;

export async function ingestFile(path: string): Promise<IngestResult> {
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
      reader.push(await handle.readFile());
      return reader.end();
    }
    const stream = createReadStream(path, { fd: handle, highWaterMark: READ_CHUNK_BYTES, autoClose: false });
    for await (const chunk of stream) reader.push(chunk as Buffer);
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
  try {
    for await (const chunk of process.stdin) reader.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : (chunk as Buffer));
  } catch (error) {
    throw inputError(name, error);
  }
  return reader.end();
}

function inputError(file: string, error: unknown): InputError {
  if (error instanceof InputError) return error;
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOENT') return new InputError(file, null, 'no such file or directory');
  if (code === 'EISDIR') return new InputError(file, null, 'is a directory, not a capture file');
  if (code === 'EACCES' || code === 'EPERM') return new InputError(file, null, 'permission denied');
  return new InputError(file, null, `cannot read: ${code ?? (error instanceof Error ? error.message : String(error))}`);
}
