import { describe, expect, it } from 'vitest';
import { syslogShape } from '../../src/ingest/syslog-shape.js';

describe('syslogShape', () => {
  it('reads the NX-OS logfile shape and its host', () => {
    expect(
      syslogShape('2023 Aug  7 17:02:36 leaf-101 %LICMGR-3-LOG_SMART_LIC_COMM_FAILED: Communications failure with the Cisco Smart License Utility (CSLU) : Unable to resolve server hostname/domain name'),
    ).toEqual({ host: 'leaf-101' });
  });

  it('reads IOS-XE console messages without a host, with or without a sequence number', () => {
    expect(syslogShape('*Mar 11 13:37:57.320: %SMART_LIC-6-AUTHORIZATION_INSTALL_SUCCESS: A new licensing authorization code was successfully installed')).toEqual({ host: null });
    expect(syslogShape('000123: *Mar 11 13:37:57.320 UTC: %SMART_LIC-6-AGENT_READY: Smart Agent for Licensing is initialized')).toEqual({ host: null });
    expect(syslogShape('.Apr 18 07:45:10: %SMART_LIC-3-COMM_FAILED: Communications failure')).toEqual({ host: null });
  });

  it('finds a host a syslog server put after its own stamp', () => {
    expect(syslogShape('Apr 18 07:45:10 c9300-edge-01 123: *Apr 18 07:45:09.100: %SMART_LIC-3-COMM_FAILED: x')).toEqual({ host: 'c9300-edge-01' });
    expect(syslogShape('Mar 11 13:37:57 192.0.2.21 %PKI-2-NON_AUTHORITATIVE_CLOCK: PKI functions can not be initialized')).toEqual({ host: '192.0.2.21' });
  });

  it('reads RFC 3164 with a host and the device stamp after it', () => {
    expect(syslogShape('<189>Aug  7 17:02:36 leaf-101 : 2023 Aug  7 17:02:36 UTC: %LICMGR-3-LOG_SMART_LIC_COMM_FAILED: x')).toEqual({ host: 'leaf-101' });
    expect(syslogShape('<187>Aug  7 17:02:36 leaf-102 %LICMGR-6-LOG_SMART_LIC_REPORTING_REQUIRED: y')).toEqual({ host: 'leaf-102' });
  });

  it('reads RFC 5424', () => {
    expect(syslogShape('<189>1 2023-08-07T17:02:36.000Z leaf-101 - - - - %SMART_LIC-3-COMM_FAILED: x')).toEqual({ host: 'leaf-101' });
    expect(syslogShape('<189>1 2023-08-07T17:02:36.000Z - - - - - %SMART_LIC-3-COMM_FAILED: x')).toEqual({ host: null });
  });

  it('accepts a bare console message', () => {
    expect(syslogShape('%SMART_LIC-3-COMM_FAILED: Communications failure with the Cisco Smart Software Manager (CSSM) : No detailed information given')).toEqual({ host: null });
  });

  it('rejects text that merely mentions a message or a percentage', () => {
    expect(syslogShape('Error Message %LICMGR-3-LOG_SMART_LIC_COMM_FAILED: Communications failure with the [chars] : [chars]')).toBeNull();
    expect(syslogShape('CPU utilization for five seconds: 100%/1%; one minute: 61%')).toBeNull();
    expect(syslogShape('% Invalid input detected at \'^\' marker.')).toBeNull();
    expect(syslogShape('  Status: ENABLED')).toBeNull();
    expect(syslogShape('')).toBeNull();
  });
});
