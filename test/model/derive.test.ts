import { describe, expect, it } from 'vitest';
import type { DeviceModel, SyslogMessage } from '../../src/common/device.js';
import { isOnPremUrl, onPremTenant } from '../../src/common/cslu-url.js';
import { deriveFacts } from '../../src/model/derive.js';
import { emptyDevice } from '../../src/model/empty.js';

function syslog(name: string, time: string, text: string, line: number): SyslogMessage {
  return {
    time, host: 'leaf-101', facility: 'LICMGR', severity: 3, mnemonic: `LOG_SMART_LIC_${name}`, text, line, file: 'c.txt',
    name, variant: null, yearInferred: false,
  };
}

function device(overrides: (d: DeviceModel) => void): DeviceModel {
  const d = emptyDevice();
  overrides(d);
  return d;
}

const CSLU_FAIL = 'Communications failure with the Cisco Smart License Utility (CSLU) : Unable to resolve server hostname/domain name';
const CSLU_OK = 'Communications with the Cisco Smart License Utility (CSLU) restored';

describe('topology', () => {
  it.each([
    ['cslu', null, 'cslu'],
    ['cslu', 'https://onprem.example.net/cslu/v1/pi/on-prem-tenant-42', 'onprem'],
    ['smart', 'https://smartreceiver.cisco.com/licservice/license', 'direct-smart'],
    ['callhome', null, 'direct-callhome'],
    ['off', null, 'offline'],
    [null, null, 'unknown'],
  ] as const)('transport %s url %s is %s', (type, url, topology) => {
    const d = device((x) => {
      x.transport.type = type;
      x.transport.url = url;
    });
    expect(deriveFacts(d, '2024-04-18T00:00:00Z').topology).toBe(topology);
  });

  it('a standalone CSLU URL on 8182 is not On-Prem', () => {
    expect(isOnPremUrl('http://192.0.2.10:8182/cslu/v1/pi')).toBe(false);
    expect(isOnPremUrl('https://onprem.example.net/cslu/v1/pi/tenant-1')).toBe(true);
  });

  it('an On-Prem tenant over plain http with an address is On-Prem', () => {
    const d = device((x) => {
      x.transport.type = 'cslu';
      x.transport.csluAddress = 'http://192.0.2.40/cslu/v1/pi/Retail%20Stores-1';
    });
    expect(deriveFacts(d, '2024-04-18T00:00:00Z')).toMatchObject({ onPrem: true, topology: 'onprem' });
  });
});

describe('On-Prem tenant of a CSLU-style URL', () => {
  it.each([
    ['http://192.0.2.40/cslu/v1/pi/CUBE%20Regression%20Mirabile-1', 'CUBE Regression Mirabile-1'],
    ['https://onprem.example.net/cslu/v1/pi/on-prem-tenant-42/', 'on-prem-tenant-42'],
    ['http://192.0.2.40/cslu/v1/pi/100%25-Stores', '100%-Stores'],
    ['http://192.0.2.40/cslu/v1/pi/Bad%ZZName', 'Bad%ZZName'],
    ['http://192.0.2.10:8182/cslu/v1/pi', null],
    ['https://192.0.2.10:8543/cslu/v1/pi', null],
    ['http://192.0.2.10:8182/cslu/v1/pi/tenant', null],
    ['cslu-local', null],
    [null, null],
  ] as const)('%s → %s', (url, tenant) => {
    expect(onPremTenant(url)).toBe(tenant);
  });
});

describe('trust', () => {
  it('is installed on any layout that shows it, dated or not', () => {
    const undated = device((x) => {
      x.trustCode.installed = true;
    });
    const perUdi = device((x) => {
      x.trustCode.udis = [{ role: 'standby', pid: 'C9300-24P', sn: 'FOC0000X0CD', installedAt: null, installed: true, validFrom: null, expiresAt: null, type: null }];
    });
    expect(deriveFacts(undated, null).trustInstalled).toBe(true);
    expect(deriveFacts(perUdi, null).trustInstalled).toBe(true);
    expect(deriveFacts(device(() => undefined), null).trustInstalled).toBe(false);
  });
});

describe('communication state', () => {
  it('a failure later restored is not live', () => {
    const d = device((x) => {
      x.transport.type = 'cslu';
      x.syslog = [syslog('COMM_FAILED', '2024-04-01T00:00:00Z', CSLU_FAIL, 1), syslog('COMM_RESTORED', '2024-04-02T00:00:00Z', CSLU_OK, 2)];
    });
    const facts = deriveFacts(d, '2024-04-18T00:00:00Z');
    expect(facts.communication).toMatchObject([{ destination: 'cslu', state: 'restored', failures: 1, restores: 1 }]);
    expect(facts.liveCommFailure).toBe(false);
  });

  it('repeated fail/restore cycles ending in failure are flapping', () => {
    const d = device((x) => {
      x.transport.type = 'cslu';
      x.syslog = [1, 2, 3, 4, 5].map((day) =>
        day % 2 === 1
          ? syslog('COMM_FAILED', `2024-04-0${day}T00:00:00Z`, CSLU_FAIL, day)
          : syslog('COMM_RESTORED', `2024-04-0${day}T00:00:00Z`, CSLU_OK, day),
      );
    });
    const facts = deriveFacts(d, '2024-04-18T00:00:00Z');
    expect(facts.communication[0]!.state).toBe('flapping');
    expect(facts.liveCommFailure).toBe(true);
  });

  it('an ACK received after the last failure counts as restored', () => {
    const d = device((x) => {
      x.transport.type = 'cslu';
      x.usageReporting.lastAckReceived = '2024-04-03T00:00:00Z';
      x.syslog = [syslog('COMM_FAILED', '2024-04-01T00:00:00Z', CSLU_FAIL, 1)];
    });
    expect(deriveFacts(d, '2024-04-18T00:00:00Z').communication[0]!.state).toBe('restored');
  });

  it('destination comes from the text before the transport', () => {
    const d = device((x) => {
      x.transport.type = 'cslu';
      x.syslog = [syslog('COMM_FAILED', '2024-04-01T00:00:00Z', 'Communications failure with the Cisco Smart Software Manager (CSSM) : No detailed information given', 1)];
    });
    expect(deriveFacts(d, '2024-04-18T00:00:00Z').communication[0]!.destination).toBe('cssm');
  });

  it('a failure to send over Call Home is Call Home, though the message names CSSM (FN72323)', () => {
    const d = device((x) => {
      x.syslog = [syslog('COMM_FAILED', '2024-04-01T00:00:00Z', 'Communications failure with the Cisco Smart Software Manager (CSSM) : Fail to send out Call Home HTTP message.', 1)];
    });
    expect(deriveFacts(d, '2024-04-18T00:00:00Z').communication[0]!.destination).toBe('callhome');
  });
});

describe('reporting status', () => {
  it('days to the ACK deadline are judged against the given time', () => {
    const d = device((x) => {
      x.policy.reportingAckRequired = true;
      x.usageReporting.nextAckDeadline = '2024-05-18T00:00:00Z';
    });
    expect(deriveFacts(d, '2024-04-18T00:00:00Z').reporting).toMatchObject({ daysToAckDeadline: 30, ackOverdue: false });
    expect(deriveFacts(d, '2024-05-19T00:00:00Z').reporting).toMatchObject({ daysToAckDeadline: -1, ackOverdue: true });
  });

  it('no time, no judgement', () => {
    const d = device((x) => {
      x.usageReporting.nextAckDeadline = '2024-05-18T00:00:00Z';
    });
    expect(deriveFacts(d, null).reporting.daysToAckDeadline).toBeNull();
  });

  it('ACK pending since the last push', () => {
    const d = device((x) => {
      x.usageReporting.lastReportPush = '2024-04-17T00:00:00Z';
      x.usageReporting.lastAckReceived = '2024-03-17T00:00:00Z';
      x.usageReporting.nextReportPush = '2024-04-16T00:00:00Z';
    });
    const reporting = deriveFacts(d, '2024-04-18T00:00:00Z').reporting;
    expect(reporting.ackPendingHours).toBe(24);
    expect(reporting.reportPushOverdueDays).toBe(2);
  });
});
