import { describe, expect, it } from 'vitest';
import { ingestText } from '../../src/ingest/index.js';
import type { RawSection } from '../../src/ingest/types.js';

const lines = (...text: string[]): string => text.join('\n') + '\n';
const commands = (sections: RawSection[]): string[] => sections.map((s) => s.command);
const body = (section: RawSection | undefined): [number, string][] => (section?.lines ?? []).map((l) => [l.n, l.text]);

describe('terminal prompts', () => {
  it.each([
    ['leaf-101# show license status', 'leaf-101', 'show license status'],
    ['Router#sh lic all', 'Router', 'show license all'],
    ['switch(config)# show license usage', 'switch', 'show license usage'],
    ['LAB-LEAF-203(config)# show license summary', 'LAB-LEAF-203', 'show license summary'],
    ['c9300>show version', 'c9300', 'show version'],
    ['Device# show license udi', 'Device', 'show license udi'],
  ])('%s', (prompt, host, command) => {
    const result = ingestText(lines(prompt, 'first body line', '  second'), 't.txt');
    expect(result.sections).toHaveLength(1);
    const [section] = result.sections;
    expect(section).toMatchObject({ command, rawCommand: prompt.replace(/^.*?[#>] ?/, ''), hostname: host, headerLine: 1 });
    expect(body(section)).toEqual([
      [2, 'first body line'],
      [3, '  second'],
    ]);
    expect(result.hostname).toBe(host);
    expect(result.diagnostics).toEqual([]);
  });

  it('splits a paste of several commands and ends output at an idle prompt', () => {
    const result = ingestText(
      lines('leaf-101# sh lic stat', 'Utility:', '  Status: DISABLED', 'leaf-101# show clock', '07:45:10.123 UTC Thu Apr 18 2024', 'leaf-101#', 'leaf-101# exit'),
      't.txt',
    );
    expect(commands(result.sections)).toEqual(['show license status', 'show clock', 'unknown']);
    expect(result.sections[2]).toMatchObject({ rawCommand: 'exit', headerLine: 7, lines: [] });
    expect(body(result.sections[0])).toEqual([
      [2, 'Utility:'],
      [3, '  Status: DISABLED'],
    ]);
    expect(result.sections[1]!.headerLine).toBe(4);
    expect(result.diagnostics).toEqual([]);
  });

  it('keeps the typed line of ping and telnet for the reachability parser', () => {
    const result = ingestText(lines('leaf-101# ping cslu-local vrf management', '% Invalid host/interface cslu-local'), 't.txt');
    expect(result.sections[0]).toMatchObject({ command: 'ping', rawCommand: 'ping cslu-local vrf management' });
  });

  it('keeps a typed command we do not read as unknown, with the start of its output', () => {
    const result = ingestText(
      lines(
        'leaf-107# license smart save usage all bootflash:all_rum.txt',
        'Failure: save status: The requested item was not found',
        'leaf-107# show license udi',
        'UDI: PID:N9K-C93180YC-FX,SN:FDO2231X0AB',
        'leaf-107# show interface',
        ...Array.from({ length: 300 }, (_, i) => `Ethernet1/${i} is up`),
      ),
      't.txt',
    );
    expect(commands(result.sections)).toEqual(['unknown', 'show license udi', 'unknown']);
    expect(result.sections[0]).toMatchObject({ rawCommand: 'license smart save usage all bootflash:all_rum.txt', headerLine: 1 });
    expect(body(result.sections[0])).toEqual([[2, 'Failure: save status: The requested item was not found']]);
    expect(result.sections[2]!.lines).toHaveLength(200);
    expect(result.diagnostics).toEqual([]);
  });

  it("reads a command the device refused as an unknown command's answer, whatever command it was", () => {
    const text = lines(
      'c9300-edge-01#show license status | grep Trust',
      '                                    ^',
      "% Invalid input detected at '^' marker.",
      '',
      'c9300-edge-01#sh lic s',
      '% Ambiguous command:  "sh lic s"',
      'c9300-edge-01#show license',
      '% Incomplete command.',
      '',
      'c9300-edge-01#show license status',
      'Smart Licensing Using Policy:',
      '% Invalid input detected at a line the CLI printed inside output',
    );
    const result = ingestText(text, 't.txt');
    expect(result.sections.map((s) => [s.command, s.rawCommand])).toEqual([
      ['unknown', 'show license status | grep Trust'],
      ['unknown', 'sh lic s'],
      ['unknown', 'show license'],
      // with output of its own, a `%` line is the command's to read
      ['show license status', 'show license status'],
    ]);
  });

  it('does not take output text with # or > for a prompt', () => {
    const result = ingestText(lines('leaf-101# show license status', 'Trust Code Installed: <none>', 'Note>: keep', 'banner#1 text'), 't.txt');
    expect(result.sections).toHaveLength(1);
    expect(result.sections[0]!.lines).toHaveLength(3);
  });
});

describe('show-tech headers', () => {
  it('splits an NX-OS show-tech on backtick headers and skips unrelated sections', () => {
    const result = ingestText(
      lines(
        '`show version`',
        'Cisco Nexus Operating System (NX-OS) Software',
        'Device name: leaf-101',
        '`show module`',
        'Mod Ports Module-Type Model Status',
        '`show license status`',
        'Smart Licensing Using Policy:',
        '  Status: ENABLED',
        '`show interface`',
        'Ethernet1/1 is up',
      ),
      'st.txt',
    );
    expect(commands(result.sections)).toEqual(['show version', 'show license status']);
    expect(result.sections[1]).toMatchObject({ headerLine: 6, rawCommand: 'show license status', platform: 'nxos' });
    expect(body(result.sections[1])).toEqual([
      [7, 'Smart Licensing Using Policy:'],
      [8, '  Status: ENABLED'],
    ]);
    expect(result.platform).toBe('nxos');
    expect(result.hostname).toBe('leaf-101');
  });

  it('splits an IOS-XE show-tech on dashed headers', () => {
    const result = ingestText(
      lines(
        '------------------ show version ------------------',
        'Cisco IOS XE Software, Version 17.09.04a',
        'c9300-edge-01 uptime is 3 weeks, 2 days',
        '------------------ show platform ------------------',
        'Switch  Ports    Model                Serial No.   MAC address     Hw Ver.       Sw Ver.',
        '------------------ show license summary ------------------',
        'License Usage:',
        '  License                 Entitlement Tag               Count Status',
      ),
      'st.txt',
    );
    expect(commands(result.sections)).toEqual(['show version', 'show license summary']);
    expect(result.platform).toBe('iosxe');
    expect(result.hostname).toBe('c9300-edge-01');
    expect(result.sections[1]!.headerLine).toBe(6);
  });

  it('does not take a dashed table rule for an IOS-XE header', () => {
    const result = ingestText(
      lines(
        'c9300-edge-02#show license rum id all',
        'Smart Licensing Usage Report:',
        '==============================',
        'Report Id  State            Flag  Feature Name',
        '---------  ---------------  ----  ------------------------------',
        '1706054401 ACK              N     network-advantage',
      ),
      't.txt',
    );
    expect(result.sections).toHaveLength(1);
    expect(result.sections[0]!.lines.map((l) => l.n)).toEqual([2, 3, 4, 5, 6]);
  });

  it('takes the hostname from running-config', () => {
    const result = ingestText(lines('`show running-config`', '!Command: show running-config', 'hostname leaf-102', 'license smart transport cslu'), 't.txt');
    expect(result.hostname).toBe('leaf-102');
  });
});

describe('header-less pastes', () => {
  it.each([
    [['Smart Licensing Using Policy:', '  Status: ENABLED', 'Transport:', '  Type: CSLU'], 'show license status'],
    [['Utility:', '  Status: DISABLED', '', 'Smart Licensing Using Policy:', '  Status: ENABLED'], 'show license status'],
    [['Smart Licensing Using Policy:', '  Status: ENABLED', 'License Usage:', 'Handle: 1', '  License: network-advantage'], 'show license all'],
    [['Smart Licensing Status', '======================', '', 'Smart Licensing is ENABLED', 'Product Information:', 'UDI: PID:C9300-48P,SN:FOC2344X1AB'], 'show license all'],
    [['Smart Licensing Tech Support info', '', 'Smart Licensing Status', '======================'], 'show license tech support'],
    [['Smart Licensing Status', '======================', 'Communication Statistics:', '======================='], 'show license tech support'],
    [['Smart Licensing is ENABLED', '', 'Registration:', '  Status: UNREGISTERED'], 'show license status'],
    [['License Usage:', 'License   Entitlement tag   Count   Status'], 'show license summary'],
    [['UDI: PID:N9K-C9504, SN:FOX0000X0EF'], 'show license udi'],
    [['report_id:1712841240 state:SmartAgentRumStateUnacknowledged'], 'show license rum id all'],
    [['Smart Licensing Usage Report:', '=============================='], 'show license rum id all'],
    [['**** Event Log ****', '2024-04-17 03:31:32.920 UTC SAEVT_READY'], 'show license eventlog'],
    [['2024-04-17 03:31:32.920 UTC SAEVT_ENDPOINT_USAGE count="0"'], 'show license eventlog'],
  ])('%j → %s', (text, command) => {
    const result = ingestText(lines(...text), 'paste.txt');
    expect(commands(result.sections)).toEqual([command]);
    expect(result.sections[0]).toMatchObject({ headerLine: null, rawCommand: null });
    expect(result.sections[0]!.lines[0]).toEqual({ n: 1, text: text[0] });
    expect(result.diagnostics).toEqual([]);
  });

  it('reports lines outside any command, one each up to a cap', () => {
    const one = ingestText(lines('hello there', 'leaf-101# show clock', '07:45:10 UTC'), 't.txt');
    expect(one.diagnostics).toEqual([{ file: 't.txt', line: 1, message: 'line outside any recognised command output' }]);

    const many = ingestText(lines(...Array.from({ length: 250 }, (_, i) => `junk ${i}`)), 't.txt');
    expect(many.diagnostics).toHaveLength(201);
    expect(many.diagnostics[199]!.line).toBe(200);
    expect(many.diagnostics[200]).toEqual({ file: 't.txt', line: 201, message: '50 more lines outside any recognised command output' });
  });
});

describe('syslog routing', () => {
  it('routes console messages out of the command they interrupt, leaving a gap', () => {
    const result = ingestText(
      lines(
        'c9300-edge-01#show license status',
        'Utility:',
        '*Mar 11 13:37:57.320: %SMART_LIC-6-AUTHORIZATION_INSTALL_SUCCESS: A new licensing authorization code was successfully installed on PID:C9300-48P,SN:FOC2344X1AB',
        '  Status: DISABLED',
      ),
      't.txt',
    );
    expect(commands(result.sections)).toEqual(['show license status', 'syslog']);
    expect(result.sections[0]!.lines.map((l) => l.n)).toEqual([2, 4]);
    expect(result.sections[1]).toMatchObject({ hostname: 'c9300-edge-01', headerLine: null, platform: 'iosxe' });
    expect(result.sections[1]!.lines.map((l) => l.n)).toEqual([3]);
  });

  it('keeps the non-message lines of show logging and routes the messages', () => {
    const result = ingestText(
      lines(
        '`show logging logfile`',
        'Logging logfile: enabled',
        '2023 Aug  7 17:02:36 leaf-101 %LICMGR-3-LOG_SMART_LIC_COMM_FAILED: Communications failure with the Cisco Smart License Utility (CSLU) : Unable to resolve server hostname/domain name',
        '2023 Aug  7 17:05:00 leaf-101 %ETHPORT-5-IF_UP: Interface Ethernet1/1 is up',
      ),
      't.txt',
    );
    expect(commands(result.sections)).toEqual(['show logging', 'syslog']);
    expect(body(result.sections[0])).toEqual([[2, 'Logging logfile: enabled']]);
    expect(result.sections[1]!.lines.map((l) => l.n)).toEqual([3, 4]);
    expect(result.sections[1]).toMatchObject({ hostname: 'leaf-101', platform: 'nxos' });
    expect(result.hostname).toBe('leaf-101');
  });

  it('finds syslog messages inside skipped sections', () => {
    const result = ingestText(
      lines('`show interface`', 'Ethernet1/1 is up', '2023 Aug  7 17:02:36 leaf-101 %LICMGR-3-LOG_SMART_LIC_COMM_FAILED: x', '  admin state is up'),
      't.txt',
    );
    expect(commands(result.sections)).toEqual(['syslog']);
    expect(result.sections[0]!.lines[0]!.n).toBe(3);
  });

  it('splits a multi-host syslog-server extract into one section per host', () => {
    const result = ingestText(
      lines(
        '<189>Aug  7 17:02:36 leaf-101 : 2023 Aug  7 17:02:36 UTC: %LICMGR-3-LOG_SMART_LIC_COMM_FAILED: a',
        '<189>1 2023-08-07T17:02:37.000Z c9300-edge-01 - - - - %SMART_LIC-3-COMM_FAILED: b',
        'Aug  7 17:02:38 leaf-102 %LICMGR-6-LOG_SMART_LIC_REPORTING_REQUIRED: c',
        '<189>Aug  7 17:03:36 LEAF-101 : 2023 Aug  7 17:03:36 UTC: %LICMGR-3-LOG_SMART_LIC_COMM_RESTORED: d',
      ),
      'syslog.log',
    );
    expect(result.sections.map((s) => [s.hostname, s.platform, s.lines.map((l) => l.n)])).toEqual([
      ['leaf-101', 'nxos', [1, 4]],
      ['c9300-edge-01', 'iosxe', [2]],
      ['leaf-102', 'nxos', [3]],
    ]);
    expect(result.hostname).toBeNull();
    expect(result.diagnostics).toEqual([]);
  });
});

describe('line endings and messy pastes', () => {
  it('reads CRLF, ANSI colour and --More-- residue with original line numbers', () => {
    const text =
      '\x1b[1mleaf-101#\x1b[0m sh lic stat\r\n' +
      'Utility:\r\n' +
      '  Status: DISABLED   \r\n' +
      ' --More-- \b\b\b\b\b\b\b\b\b\b          \b\b\b\b\b\b\b\b\b\bTransport:\r\n' +
      '\tType: CSLU\r\n' +
      ' --More-- \b\b\b\b\b\b\b\b\b\b          \b\b\b\b\b\b\b\b\b\bleaf-101# show interface\r\n' +
      'Ethernet1/1 is up\r\n' +
      '\x1b[1mleaf-101#\x1b[0m show clock\r\n' +
      '07:45:10.123 UTC Thu Apr 18 2024';
    const result = ingestText(text, 'paste.txt');
    expect(result.sections.map((s) => [s.command, s.rawCommand, s.headerLine])).toEqual([
      ['show license status', 'sh lic stat', 1],
      ['unknown', 'show interface', 6],
      ['show clock', 'show clock', 8],
    ]);
    expect(body(result.sections[0])).toEqual([
      [2, 'Utility:'],
      [3, '  Status: DISABLED'],
      [4, 'Transport:'],
      [5, '        Type: CSLU'],
    ]);
    expect(body(result.sections[1])).toEqual([[7, 'Ethernet1/1 is up']]);
    expect(body(result.sections[2])).toEqual([[9, '07:45:10.123 UTC Thu Apr 18 2024']]);
    expect(result.lineCount).toBe(9);
  });

  it('reads CR-only line endings', () => {
    const result = ingestText('leaf-101# show clock\r07:45:10.123 UTC Thu Apr 18 2024\r', 't.txt');
    expect(body(result.sections[0])).toEqual([[2, '07:45:10.123 UTC Thu Apr 18 2024']]);
  });

  it('decodes invalid UTF-8 with replacement characters and one diagnostic', async () => {
    const { ByteLineReader } = await import('../../src/ingest/line-reader.js');
    const reader = new ByteLineReader('bad.txt');
    reader.push(Buffer.concat([Buffer.from('leaf-101# show clock\nab'), Buffer.from([0xff, 0xfe]), Buffer.from('cd\nx\xff\n', 'latin1')]));
    const result = reader.end();
    expect(body(result.sections[0])).toEqual([
      [2, 'ab\uFFFD\uFFFDcd'],
      [3, 'x\uFFFD'],
    ]);
    expect(result.diagnostics).toEqual([{ file: 'bad.txt', line: 2, message: 'invalid UTF-8 (first here); decoded with replacement characters' }]);
  });

  it('carries a line across chunk boundaries', async () => {
    const { ByteLineReader } = await import('../../src/ingest/line-reader.js');
    const text = Buffer.from('leaf-101# show license status\nUtility:\n  Status: DISABLED\n' + 'x'.repeat(70_000) + '\n');
    const reader = new ByteLineReader('chunks.txt');
    for (let at = 0; at < text.length; at += 7) reader.push(text.subarray(at, Math.min(text.length, at + 7)));
    const result = reader.end();
    expect(body(result.sections[0]).slice(0, 2)).toEqual([
      [2, 'Utility:'],
      [3, '  Status: DISABLED'],
    ]);
    expect(result.sections[0]!.lines[2]!.text).toHaveLength(64 * 1024);
    expect(result.diagnostics[0]!.message).toBe('line 4 is 70000 bytes long; only its first 65536 bytes are read');
  });
});

describe('skipped sections', () => {
  it('still sees a prompt drawn over pager residue inside skipped output', () => {
    const result = ingestText(
      lines(
        '`show interface`',
        'Ethernet1/1 is up',
        ' --More-- \b\b\b\b\b\b\b\b\b\b          \b\b\b\b\b\b\b\b\b\bleaf-101# show clock',
        '07:45:10.123 UTC Thu Apr 18 2024',
        '`show module`',
        '  1    48   48x10/25G + 6x40/100G Ethernet Module',
        ' --More-- \r          \rleaf-101# show license udi',
        'UDI: PID:N9K-C93180YC-FX,SN:FDO2231X0AB',
      ),
      't.txt',
    );
    expect(result.sections.map((s) => [s.command, s.headerLine])).toEqual([
      ['show clock', 3],
      ['show license udi', 7],
    ]);
  });

  it('accepts config-mode prompts and a bare # before a command we read', () => {
    const result = ingestText(lines('(config)# service internal', 'x', '#show license rum id all', 'report_id:1712841240 state:SmartAgentRumStateOpen'), 't.txt');
    expect(result.sections.map((s) => [s.command, s.hostname, s.lines.length])).toEqual([
      ['unknown', null, 1],
      ['show license rum id all', null, 1],
    ]);
    expect(result.diagnostics).toEqual([]);
  });
});

describe('platform and host', () => {
  it('takes no clue from a space after the prompt (Cisco prints IOS-XE prompts with one too), but one from none', () => {
    expect(ingestText(lines('leaf-101# show clock', '07:45:10.123 UTC Thu Apr 18 2024'), 't').platform).toBe('unknown');
    // NX-OS prompts end in `# `: a command typed right after the mark is IOS.
    expect(ingestText(lines('c9300-edge-01#show clock', '*07:45:10.123 UTC Thu Apr 18 2024'), 't').platform).toBe('iosxe');
    const summary = ingestText(
      lines('Router# show license summary ', 'Account Information:', '  Smart Account: <none>', '  Virtual Account: <none>', '', 'License Usage:'),
      't',
    );
    expect(summary.platform).toBe('iosxe');
  });

  it('reads the platform from a PID printed whole, not from a Catalyst-like run inside an NX-OS PID', () => {
    expect(ingestText(lines('leaf-101# show license udi', 'UDI: PID:N9K-C92300YC,SN:FDO0000X0AB'), 't').platform).toBe('nxos');
    expect(ingestText(lines('router# show license udi', 'UDI: PID:C8200L-1N-4T,SN:FGL0000X0AB'), 't').platform).toBe('iosxe');
  });

  it('prefers real signs over the prompt style', () => {
    const result = ingestText(lines('Router# show version', 'Cisco IOS XE Software, Version 17.09.04a'), 't');
    expect(result.platform).toBe('iosxe');
    expect(result.sections[0]!.platform).toBe('iosxe');
  });

  it('names no capture host when prompts name several devices', () => {
    const result = ingestText(lines('leaf-101# show clock', '07:45:10 UTC', 'leaf-102# show clock', '07:45:11 UTC'), 't');
    expect(result.hostname).toBeNull();
    expect(result.sections.map((s) => s.hostname)).toEqual(['leaf-101', 'leaf-102']);
  });

  it('takes the NX-OS show version device name but not the kernel uptime', () => {
    const result = ingestText(lines('`show version`', 'Kernel uptime is 12 day(s), 3 hour(s)', 'Device name: leaf-101'), 't');
    expect(result.hostname).toBe('leaf-101');
  });
});
