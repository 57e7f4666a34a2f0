import { describe, expect, it } from 'vitest';
import { ingestText } from '../../src/ingest/index.js';
import { fromIngested } from '../../src/pipeline/captures.js';

const STATUS = (host: string, deadline: string) => `${host}# show license status

Smart Licensing Using Policy:
  Status: ENABLED

Transport:
  Type: CSLU
  Cslu address: cslu-local

Usage Reporting:
  Last ACK received: <none>
  Next ACK deadline: ${deadline}
  Reporting push interval: 30  days
  Next ACK push check: <none>
  Next report push: Apr 20 09:00:00 2024 UTC
  Last report push: <none>
  Last report file write: <none>

${host}# show clock
07:45:10.482 UTC Thu Apr 18 2024
`;

const SYSLOG = `2024 Apr 17 03:31:32 leaf-101 %LICMGR-3-LOG_SMART_LIC_COMM_FAILED: Communications failure with the Cisco Smart License Utility (CSLU) : Unable to resolve server hostname/domain name
2024 Apr 17 04:00:00 spine-201 %LICMGR-3-LOG_SMART_LIC_COMM_FAILED: Communications failure with the Cisco Smart License Utility (CSLU) : Unable to resolve server hostname/domain name
`;

describe('building devices', () => {
  it('lists an empty log with its parser, and a log of messages still gives them', () => {
    const text = `${STATUS('leaf-101', 'Jun 03 08:00:00 2024 UTC')}leaf-101# show logging logfile

leaf-101# show logging logfile
${SYSLOG.split('\n')[0]}
`;
    const [device] = fromIngested([ingestText(text, 'leaf-101.txt')]).devices;
    const logs = device!.sections.filter((s) => s.command === 'show logging');
    expect(logs.map((s) => s.parser)).toEqual(['syslog', 'syslog']);
    expect(device!.syslog.map((m) => m.mnemonic)).toEqual(['LOG_SMART_LIC_COMM_FAILED']);
  });

  it('files of the same host merge into one device; other hosts stay apart', () => {
    const { devices } = fromIngested([
      ingestText(STATUS('leaf-101', 'Jun 03 08:00:00 2024 UTC'), 'leaf-101.txt'),
      ingestText(SYSLOG, 'syslog.txt'),
    ]);
    expect(devices.map((d) => d.hostname).sort()).toEqual(['leaf-101', 'spine-201']);
    const leaf = devices.find((d) => d.hostname === 'leaf-101')!;
    expect(leaf.files.sort()).toEqual(['leaf-101.txt', 'syslog.txt']);
    expect(leaf.syslog).toHaveLength(1);
    expect(leaf.usageReporting.nextAckDeadline).toBe('2024-06-03T08:00:00Z');
    expect(leaf.captureTime).toBe('2024-04-18T07:45:10.482Z');
    expect(leaf.captureTimeSource).toBe('show clock');
    expect(leaf.derived.communication[0]).toMatchObject({ destination: 'cslu', state: 'failing' });
    expect(leaf.derived.reporting.daysToAckDeadline).toBeCloseTo(46, 0);
  });

  it('every scalar knows its source line', () => {
    const { devices } = fromIngested([ingestText(STATUS('leaf-101', 'Jun 03 08:00:00 2024 UTC'), 'leaf-101.txt')]);
    expect(devices[0]!.sources['usageReporting.nextAckDeadline']).toEqual({ file: 'leaf-101.txt', line: 12 });
    expect(devices[0]!.sources['transport.type']).toEqual({ file: 'leaf-101.txt', line: 7 });
  });

  it('of two outputs of the same command in one file, the later is the present; the earlier value leaves a diagnostic', () => {
    // A session that ran `show license status` again after a change: the second one (20 lines on) is the present.
    const text = STATUS('leaf-101', 'Jun 03 08:00:00 2024 UTC') + STATUS('leaf-101', 'Jul 03 08:00:00 2024 UTC');
    const { devices } = fromIngested([ingestText(text, 'twice.txt')]);
    expect(devices).toHaveLength(1);
    const [device] = devices as [(typeof devices)[0]];
    expect(device.usageReporting.nextAckDeadline).toBe('2024-07-03T08:00:00Z');
    expect(device.sources['usageReporting.nextAckDeadline']).toEqual({ file: 'twice.txt', line: 32 });
    expect(device.diagnostics.filter((d) => /nextAckDeadline/.test(d.message))).toEqual([
      {
        file: 'twice.txt',
        line: 12,
        message: 'usageReporting.nextAckDeadline is "2024-06-03T08:00:00Z" here but "2024-07-03T08:00:00Z" at twice.txt:32; using the latter',
      },
    ]);
    // A value both show alike is cited where it first appeared.
    expect(device.transport.type).toBe('cslu');
    expect(device.sources['transport.type']).toEqual({ file: 'twice.txt', line: 7 });
  });

  it('a command the device refused is a message naming it, not unread lines of that command', () => {
    const refused = (command: string) => `leaf-101# ${command} | inclde x\n                              ^\n% Invalid input detected at '^' marker.\n\n`;
    const text = refused('show license status') + refused('show license usage') + refused('show crypto pki trustpool') + STATUS('leaf-101', 'Jun 03 08:00:00 2024 UTC');
    const [device] = fromIngested([ingestText(text, 'refused.txt')]).devices;
    expect(device!.diagnostics).toEqual([]);
    expect(device!.messages.map((m) => [m.command, m.text, m.line])).toEqual([
      ['show license status | inclde x', "% Invalid input detected at '^' marker.", 3],
      ['show license usage | inclde x', "% Invalid input detected at '^' marker.", 7],
      ['show crypto pki trustpool | inclde x', "% Invalid input detected at '^' marker.", 11],
    ]);
    expect(device!.trustpool).toBeNull();
    expect(device!.transport.type).toBe('cslu');
  });

  it('year-less syslog stamps take the capture year, across New Year', () => {
    const text = `c9300-edge-01#show clock
*08:00:00.000 UTC Tue Jan 2 2024
c9300-edge-01#show logging
*Dec 31 23:50:00.000: %SMART_LIC-3-COMM_FAILED: Communications failure with the Cisco Smart Software Manager (CSSM) : No detailed information given
*Jan  1 00:10:00.000: %SMART_LIC-5-COMM_RESTORED: Communications with the Cisco Smart Software Manager (CSSM) restored
`;
    const { devices } = fromIngested([ingestText(text, 'ny.txt')]);
    expect(devices[0]!.syslog.map((m) => m.time)).toEqual(['2023-12-31T23:50:00.000Z', '2024-01-01T00:10:00.000Z']);
    expect(devices[0]!.derived.communication[0]!.state).toBe('restored');
  });

  it('--now overrides the capture time for judgements, not the recorded capture time', () => {
    const { devices } = fromIngested([ingestText(STATUS('leaf-101', 'Jun 03 08:00:00 2024 UTC'), 'leaf.txt')], { now: '2024-06-04T08:00:00Z' });
    expect(devices[0]!.captureTime).toBe('2024-04-18T07:45:10.482Z');
    expect(devices[0]!.derived.reporting).toMatchObject({ daysToAckDeadline: -1, ackOverdue: true });
  });
});
