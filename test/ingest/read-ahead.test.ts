// The read-ahead path (a worker reads and indexes windows of a big file) must give exactly what reading in one
// thread gives. The sources have no worker script beside them: the worker is the bundle's, built before the run.
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ingestFile } from '../../src/ingest/index.js';
import { ByteLineReader } from '../../src/ingest/line-reader.js';
import { READ_AHEAD_MIN_BYTES, readAhead, startReadAheadSoon } from '../../src/ingest/read-ahead.js';
import { bundled, runBinary } from '../support/cli.js';
import { tempDir } from '../support/temp-dirs.js';

const worker = bundled('ingest/read-ahead-worker.js');
const dir = tempDir('slp-read-ahead-');

/** ~6 MB of show-tech: skipped bulk, licensing sections, syslog in and out of skipped output, pager residue, a 300 KB line. */
function showTech(eol: string): string {
  const lines: string[] = ['`show version`', 'Cisco Nexus Operating System (NX-OS) Software', 'Device name: leaf-101'];
  for (let block = 0; lines.length < 120_000; block++) {
    lines.push('`show interface`');
    for (let port = 1; port <= 30; port++) lines.push(`Ethernet1/${port} is up`, '  admin state is up, Dedicated Interface', `  ${port * 977} packets input, 5% load`);
    lines.push('`show processes cpu history`', '    ###  ##', '100 #####', '`show logging logfile`');
    for (let i = 0; i < 20; i++) lines.push(`2024 Apr 17 03:${String(i).padStart(2, '0')}:00 leaf-101 %ETHPORT-5-IF_UP: Interface Ethernet1/${i} is up`);
    if (block % 97 === 5) lines.push('2024 Apr 17 03:31:32 leaf-101 %LICMGR-3-LOG_SMART_LIC_COMM_FAILED: Communications failure with the Cisco Smart License Utility (CSLU) : x');
    if (block === 300) lines.push('`show license status`', 'Smart Licensing Using Policy:', '  Status: ENABLED', ' --More-- \b\b\b\b\b\b\b\b\b\b          \b\b\b\b\b\b\b\b\b\b', 'Transport:', '  Type: CSLU');
    if (block === 700) lines.push('`show tech-support details`', 'x'.repeat(300_000), 'leaf-101# show license udi', 'UDI: PID:N9K-C93180YC-FX,SN:FDO2231X0AB');
  }
  lines.push('`show clock`', '07:45:10.123 UTC Thu Apr 18 2024');
  return lines.join(eol) + eol;
}

/** The bundle's worker behind a script that notes each start of it, and how many there have been. */
function countingWorker(name: string): { script: URL; starts: () => number } {
  const log = join(dir, `${name}-worker-starts`);
  const script = join(dir, `${name}-counting-worker.mjs`);
  writeFileSync(script, `import { appendFileSync } from 'node:fs';\nappendFileSync(${JSON.stringify(log)}, 'started\\n');\nawait import(${JSON.stringify(worker.href)});\n`);
  return { script: pathToFileURL(script), starts: () => (existsSync(log) ? readFileSync(log, 'utf8').split('\n').length - 1 : 0) };
}

async function bothWays(path: string, leaveWithin?: number) {
  const reader = new ByteLineReader(path);
  const handle = await open(path, 'r');
  let used: boolean;
  try {
    used = await readAhead(handle, path, reader, worker, leaveWithin);
  } finally {
    await handle.close();
  }
  return { used, readAhead: reader.end(), oneThread: await ingestFile(path) };
}

describe('read-ahead worker', () => {
  for (const [name, eol] of [['LF', '\n'], ['CRLF', '\r\n']] as const) {
    it(`gives the same sections, lines and diagnostics as one thread (${name})`, async () => {
      const path = join(dir, `showtech-${name}.txt`);
      writeFileSync(path, showTech(eol));
      const { used, readAhead, oneThread } = await bothWays(path);
      expect(used).toBe(true);
      expect(oneThread.sections.some((s) => s.command === 'show license status')).toBe(true);
      expect(oneThread.diagnostics.some((d) => /^line \d+ is 30000\d bytes long/.test(d.message))).toBe(true);
      expect(readAhead).toEqual(oneThread);
    });
  }

  // Which thread indexes a window depends on timing; these pin each extreme: the worker indexes every window (it
  // never leaves one: the scanning thread is never past the window it just read), or the scanning thread does.
  for (const [who, leaveWithin] of [['the worker', -1], ['the scanning thread', 1 << 30]] as const) {
    it(`gives the same when ${who} indexes every window`, async () => {
      const path = join(dir, 'showtech-LF.txt');
      if (!existsSync(path)) writeFileSync(path, showTech('\n'));
      const { used, readAhead, oneThread } = await bothWays(path, leaveWithin);
      expect(used).toBe(true);
      expect(readAhead).toEqual(oneThread);
    });
  }

  it('is what ingestFile uses for a big file, and reports a binary file the same way', async () => {
    // Used, not fallen back from.
    const { script: readAheadWorker, starts } = countingWorker('plain');
    const text = join(dir, 'showtech-plain.txt');
    writeFileSync(text, showTech('\n'));
    expect(await ingestFile(text, { readAheadFrom: 0, readAheadWorker })).toEqual(await ingestFile(text));
    expect(starts()).toBeGreaterThan(0);
    const binary = join(dir, 'image.bin');
    writeFileSync(binary, Buffer.alloc(6 << 20, 1));
    await expect(ingestFile(binary, { readAheadFrom: 0, readAheadWorker })).rejects.toThrow(`${binary}: looks like a binary file, not device output`);
  });

  it('can start before the file is known, and that worker reads it', async () => {
    // One start, the early one, reads the file.
    const { script, starts } = countingWorker('early');
    const path = join(dir, 'showtech-early.txt');
    writeFileSync(path, showTech('\n'));
    const size = statSync(path).size;
    // Not for a smaller file, nor for what is not a file; then one worker, however often asked.
    startReadAheadSoon([path], script, size + 1);
    startReadAheadSoon(['--format', '-', dir, join(dir, 'no-such-file')], script, 0);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(starts()).toBe(0);
    startReadAheadSoon(['--format', path], script, size);
    startReadAheadSoon([path], script, size);
    for (let waited = 0; starts() === 0 && waited < 10_000; waited += 20) await new Promise((resolve) => setTimeout(resolve, 20));
    const reader = new ByteLineReader(path);
    const handle = await open(path, 'r');
    try {
      expect(await readAhead(handle, path, reader, script)).toBe(true);
    } finally {
      await handle.close();
    }
    expect(reader.end()).toEqual(await ingestFile(path));
    expect(starts()).toBe(1);
  });

  it('lets the command end when a worker started early is never used', () => {
    // UTF-16 is decoded as a stream, not read ahead: the worker `analyze` starts for a file this big waits in vain.
    const path = join(dir, 'showtech-utf16.txt');
    const text = showTech('\n');
    const copies = Math.ceil(READ_AHEAD_MIN_BYTES / (2 * text.length));
    writeFileSync(path, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text.repeat(copies), 'utf16le')]));
    const result = runBinary(['analyze', '--format', 'json', '--fail-on', 'never', path], { timeout: 60_000 });
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout).devices[0].hostname).toBe('leaf-101');
  });

  it('hands the file back to be read in this thread when the worker cannot start', async () => {
    const path = join(dir, 'showtech-broken-worker.txt');
    writeFileSync(path, showTech('\n'));
    const broken = join(dir, 'broken-worker.mjs');
    writeFileSync(broken, "throw new Error('cannot start');\n");
    const reader = new ByteLineReader(path);
    const handle = await open(path, 'r');
    try {
      expect(await readAhead(handle, path, reader, pathToFileURL(broken))).toBe(false);
      // What the caller then does: read it all in this thread, from the start.
      for (let position = 0, read = 1; read > 0; position += read) {
        const { bytesRead, buffer } = await handle.read({ buffer: Buffer.alloc(1 << 20), position });
        read = bytesRead;
        if (read > 0) reader.push(buffer.subarray(0, read));
      }
    } finally {
      await handle.close();
    }
    expect(reader.end()).toEqual(await ingestFile(path));
  });
});
