import { openSync, writeFileSync, writeSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestFile, ingestText } from '../../src/ingest/index.js';
import { MAX_KEPT_LINES, MAX_SECTIONS, OTHER_SYSLOG_BUDGET, SECTION_HEAD, SECTION_TAIL, SYSLOG_HEAD, SYSLOG_TAIL } from '../../src/ingest/splitter.js';
import { tempDir } from '../support/temp-dirs.js';

const dir = tempDir('slp-ingest-big-');

/** Unrelated NX-OS show-tech sections; each returns its lines. */
function filler(index: number): string[] {
  const lines = ['`show interface`'];
  for (let port = 1; port <= 40; port++)
    lines.push(`Ethernet1/${port} is up`, '  admin state is up, Dedicated Interface', `  30 seconds input rate ${port * 1234} bits/sec, ${port} packets/sec`, '  reliability 255/255, txload 1/255, rxload 1/255');
  lines.push('`show processes cpu history`');
  for (let row = 0; row < 20; row++) lines.push(`  ${row}  ${'#'.repeat((row * 7 + index) % 30)}`);
  lines.push('`show system internal mts buffers summary`');
  for (let row = 0; row < 40; row++) lines.push(`sup    ${1000 + row}   ${(row * 13) % 100}   0      0      0  100% > 5%`);
  return lines;
}

describe('big inputs', () => {
  // How long it takes is measured by the bench (scripts/bench-worst-case.mjs).
  it('a 20 MB single line ends with one long-line diagnostic', async () => {
    const path = join(dir, 'one-line.txt');
    writeFileSync(path, 'x'.repeat(20 * 1024 * 1024));
    const result = await ingestFile(path);
    expect(result.lineCount).toBe(1);
    expect(result.diagnostics.map((d) => d.message)).toEqual([
      `line 1 is ${20 * 1024 * 1024} bytes long; only its first 65536 bytes are read`,
      'line outside any recognised command output',
    ]);
  });

  it('a ~20 MB show-tech keeps only the licensing sections, with the right line numbers', async () => {
    const path = join(dir, 'showtech.txt');
    const fd = openSync(path, 'w');
    let lineNo = 0;
    let bytes = 0;
    const expected: { command: string; headerLine: number; first: [number, string]; last: [number, string] }[] = [];
    const write = (lines: string[]): void => {
      const text = lines.join('\n') + '\n';
      writeSync(fd, text);
      bytes += text.length;
      lineNo += lines.length;
    };
    const licensing = (command: string, body: string[]): void => {
      expected.push({ command, headerLine: lineNo + 1, first: [lineNo + 2, body[0]!], last: [lineNo + 1 + body.length, body[body.length - 1]!] });
      write([`\`${command}\``, ...body]);
    };
    write(['`show version`', 'Cisco Nexus Operating System (NX-OS) Software', 'Device name: leaf-101']);
    expected.push({ command: 'show version', headerLine: 1, first: [2, 'Cisco Nexus Operating System (NX-OS) Software'], last: [3, 'Device name: leaf-101'] });
    let index = 0;
    while (bytes < 20 * 1024 * 1024) {
      write(filler(index++));
      if (index === 300) licensing('show license status', ['Smart Licensing Using Policy:', '  Status: ENABLED', '', 'Transport:', '  Type: CSLU']);
      if (index === 900) licensing('show license udi', ['UDI: PID:N9K-C93180YC-FX,SN:FDO2231X0AB']);
    }
    licensing('show clock', ['07:45:10.123 UTC Thu Apr 18 2024']);
    closeSync(fd);

    const result = await ingestFile(path);
    expect(result.lineCount).toBe(lineNo);
    expect(result.diagnostics).toEqual([]);
    expect(result.platform).toBe('nxos');
    expect(result.hostname).toBe('leaf-101');
    expect(
      result.sections.map((s) => ({
        command: s.command,
        headerLine: s.headerLine,
        first: [s.lines[0]!.n, s.lines[0]!.text],
        last: [s.lines[s.lines.length - 1]!.n, s.lines[s.lines.length - 1]!.text],
      })),
    ).toEqual(expected);
  });

  it('keeps licensing messages of a huge log, and other facilities only up to a budget', () => {
    const other = (i: number): string => `2024 Apr 17 03:${String(i % 60).padStart(2, '0')}:00 leaf-101 %ETHPORT-5-IF_UP: Interface Ethernet1/${i % 48} is up`;
    const lines = ['`show logging logfile`', 'Logging logfile: enabled'];
    for (let i = 0; i < OTHER_SYSLOG_BUDGET + 1000; i++) lines.push(other(i));
    lines.push('2024 Apr 17 03:31:32 leaf-101 %LICMGR-3-LOG_SMART_LIC_COMM_FAILED: Communications failure with the Cisco Smart License Utility (CSLU) : x');
    lines.push('2024 Apr 17 03:31:33 leaf-101 %PKI-2-NON_AUTHORITATIVE_CLOCK: PKI functions can not be initialized');
    lines.push('`show license udi`', 'UDI: PID:N9K-C93180YC-FX,SN:FDO2231X0AB');
    lines.push('leaf-101 %ETHPORT-5-IF_DOWN is mentioned here but is not a message');
    const result = ingestText(lines.join('\n'), 'log.txt');
    const syslog = result.sections.find((s) => s.command === 'syslog')!;
    expect(syslog.lines).toHaveLength(OTHER_SYSLOG_BUDGET + 2);
    expect(syslog.lines.slice(-2).map((l) => l.n)).toEqual([OTHER_SYSLOG_BUDGET + 1003, OTHER_SYSLOG_BUDGET + 1004]);
    expect(result.diagnostics).toEqual([
      { file: 'log.txt', line: OTHER_SYSLOG_BUDGET + 3, message: `1000 syslog messages of facilities unrelated to licensing were not kept (more than ${OTHER_SYSLOG_BUDGET} in this input)` },
    ]);
    const udi = result.sections.find((s) => s.command === 'show license udi')!;
    expect(udi.lines.map((l) => l.text)).toEqual(['UDI: PID:N9K-C93180YC-FX,SN:FDO2231X0AB', 'leaf-101 %ETHPORT-5-IF_DOWN is mentioned here but is not a message']);
    expect(result.lineCount).toBe(lines.length);
  });

  it('keeps the first and the latest licensing messages of a log too long to hold, and says what it dropped', () => {
    const failed = (i: number): string =>
      `2024 Apr 17 ${String(Math.floor(i / 3600) % 24).padStart(2, '0')}:${String(Math.floor(i / 60) % 60).padStart(2, '0')}:${String(i % 60).padStart(2, '0')} leaf-101 %LICMGR-3-LOG_SMART_LIC_COMM_FAILED: Communications failure with the Cisco Smart Software Manager (CSSM) : x`;
    const total = SYSLOG_HEAD + SYSLOG_TAIL + 5000;
    const lines = ['`show logging logfile`'];
    for (let i = 0; i < total; i++) lines.push(failed(i));
    lines.push('2024 Apr 17 23:59:59 leaf-101 %LICMGR-6-LOG_SMART_LIC_COMM_RESTORED: Communications with the Cisco Smart Software Manager (CSSM) restored');
    const result = ingestText(lines.join('\n'), 'log.txt');
    const syslog = result.sections.find((s) => s.command === 'syslog')!;
    expect(syslog.lines).toHaveLength(SYSLOG_HEAD + SYSLOG_TAIL);
    // Line 1 is the header: message i is on line i + 2.
    expect(syslog.lines[0]!.n).toBe(2);
    expect(syslog.lines[SYSLOG_HEAD - 1]!.n).toBe(SYSLOG_HEAD + 1);
    expect(syslog.lines[SYSLOG_HEAD]!.n).toBe(total + 2 - (SYSLOG_TAIL - 1));
    expect(syslog.lines.at(-1)!.text).toContain('LOG_SMART_LIC_COMM_RESTORED');
    expect(result.diagnostics).toEqual([
      {
        file: 'log.txt',
        line: SYSLOG_HEAD + 2,
        message: `5001 syslog messages (lines ${SYSLOG_HEAD + 2}-${SYSLOG_HEAD + 5002}) were not kept: this input has more than ${SYSLOG_HEAD + SYSLOG_TAIL}; the first ${SYSLOG_HEAD} and the last ${SYSLOG_TAIL} are`,
      },
    ]);
  });

  it('keeps no more than its budget of command outputs, and says where it stopped', () => {
    const lines: string[] = [];
    for (let i = 0; i < MAX_SECTIONS + 3; i++) lines.push(`leaf-101# show interface ethernet1/${i % 48}`, 'Ethernet1/1 is up');
    lines.push('2024 Apr 17 03:31:32 leaf-101 %LICMGR-3-LOG_SMART_LIC_COMM_FAILED: Communications failure with the Cisco Smart License Utility (CSLU) : x');
    const result = ingestText(lines.join('\n'), 'session.txt');
    expect(result.sections.filter((s) => s.command === 'unknown')).toHaveLength(MAX_SECTIONS);
    // Syslog messages have a budget of their own: still read after it.
    expect(result.sections.find((s) => s.command === 'syslog')!.lines).toHaveLength(1);
    expect(result.diagnostics.map((d) => [d.line, d.message])).toEqual([
      [2 * MAX_SECTIONS + 1, `the output of 3 commands from here on was not kept: this input already held ${MAX_SECTIONS} command outputs or ${MAX_KEPT_LINES} lines of them`],
    ]);
  });

  it('keeps the start and the end of a command output too long to hold', () => {
    const total = SECTION_HEAD + SECTION_TAIL + 7;
    const lines = ['leaf-101# show license eventlog'];
    for (let i = 0; i < total; i++) lines.push(`2024-04-17 03:31:32.000 UTC SAEVT_COMM_FAIL error="x" n=${i}`);
    lines.push('leaf-101# show clock', '07:45:10.123 UTC Thu Apr 18 2024');
    const result = ingestText(lines.join('\n'), 'events.txt');
    const events = result.sections.find((s) => s.command === 'show license eventlog')!;
    expect(events.lines).toHaveLength(SECTION_HEAD + SECTION_TAIL);
    expect(events.lines[0]!.text).toMatch(/n=0$/);
    expect(events.lines.at(-1)!.text).toMatch(new RegExp(`n=${total - 1}$`));
    expect(result.sections.find((s) => s.command === 'show clock')!.lines.map((l) => l.text)).toEqual(['07:45:10.123 UTC Thu Apr 18 2024']);
    expect(result.diagnostics.map((d) => d.message)).toEqual([
      `7 lines of \`show license eventlog\` (lines ${SECTION_HEAD + 2}-${SECTION_HEAD + 8}) were not kept: its output is longer than ${SECTION_HEAD + SECTION_TAIL}; the first ${SECTION_HEAD} and the last ${SECTION_TAIL} are`,
    ]);
  });
});
