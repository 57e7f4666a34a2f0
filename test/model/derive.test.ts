import { describe, expect, it } from 'vitest';
import type { CommunicationStatistic, DeviceModel, SyslogMessage } from '../../src/common/device.js';
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

function statistic(kind: string, fields: Partial<CommunicationStatistic>): CommunicationStatistic {
  return {
    kind, total: null, success: null, fail: null, ongoingFailure: 0, ongoingCommunicationFailure: null, lastResponse: null,
    failureReason: null, lastSuccessTime: null, lastFailureTime: null, ...fields,
  };
}

const CSSM_FAIL = 'Communications failure with the Cisco Smart Software Manager (CSSM) : Communication message send error';

describe('failing exchanges of the Communication Statistics', () => {
  const NOW = '2025-03-12T09:41:03Z';

  it('tells no answer from an answer that rejects and from a request never built', () => {
    const d = device((x) => {
      x.communication = [
        statistic('usage-reporting', { ongoingFailure: 25, ongoingCommunicationFailure: 25, lastResponse: 'NO REPLY', lastFailureTime: '2025-03-12T09:12:00Z' }),
        statistic('result-polling', { ongoingFailure: 1, ongoingCommunicationFailure: 0, lastResponse: 'OK_TRY_AGAIN', lastFailureTime: '2025-03-12T06:00:01Z' }),
        statistic('trust-sync', { ongoingFailure: 1, ongoingCommunicationFailure: 0, lastResponse: 'BUILD REQUEST ERROR', lastFailureTime: '2025-03-12T06:00:01Z' }),
        // Older agents print no Communication= count: the response and the reason say what happened.
        statistic('hello-message', { ongoingFailure: 3, lastResponse: null, failureReason: 'Communication send error.', lastFailureTime: null }),
        statistic('authorization-request', { ongoingFailure: 2, lastResponse: 'INVALID STATUS CODE', lastFailureTime: null }),
        statistic('authorization-return', { ongoingFailure: 1, lastFailureTime: null }),
      ];
    });
    expect(deriveFacts(d, NOW).failingExchanges.map((f) => [f.kind, f.failure])).toEqual([
      ['usage-reporting', 'no-answer'],
      ['result-polling', 'rejected'],
      ['trust-sync', 'not-sent'],
      ['hello-message', 'no-answer'],
      ['authorization-request', 'rejected'],
      ['authorization-return', 'unknown'],
    ]);
  });

  it('a success after the last failure supersedes it: of the same kind always, of any kind when nothing answered', () => {
    const d = device((x) => {
      x.communication = [
        statistic('trust-sync', { ongoingFailure: 1, ongoingCommunicationFailure: 0, lastResponse: 'INVALID STATUS CODE', lastFailureTime: '2025-01-08T11:15:02Z', lastSuccessTime: '2025-01-09T11:15:10Z' }),
        statistic('hello-message', { ongoingFailure: 4, ongoingCommunicationFailure: 4, lastResponse: 'NO REPLY', lastFailureTime: '2025-02-01T00:00:00Z' }),
        statistic('usage-reporting', { ongoingFailure: 2, ongoingCommunicationFailure: 0, lastResponse: 'INVALID STATUS CODE', lastFailureTime: '2025-03-01T00:00:00Z', lastSuccessTime: '2025-02-10T05:58:17Z' }),
      ];
    });
    // The usage report got through on 10 Feb, after the hello messages last went unanswered: CSSM can be reached.
    // It was rejected since, and no usage report succeeded after that: that failure is live.
    expect(deriveFacts(d, NOW).failingExchanges.map((f) => f.kind)).toEqual(['usage-reporting']);
  });

  it('a success stamped later than the capture time is not evidence of the present', () => {
    const d = device((x) => {
      x.communication = [
        statistic('usage-reporting', { ongoingFailure: 2, ongoingCommunicationFailure: 2, lastResponse: 'NO REPLY', lastFailureTime: '2025-03-01T00:00:00Z', lastSuccessTime: '2025-04-01T00:00:00Z' }),
      ];
    });
    expect(deriveFacts(d, NOW).failingExchanges.map((f) => f.kind)).toEqual(['usage-reporting']);
    expect(deriveFacts(d, '2025-04-02T00:00:00Z').failingExchanges).toEqual([]);
  });

  it('a syslog failure followed by a successful exchange is restored', () => {
    const d = device((x) => {
      x.transport.type = 'smart';
      x.syslog = [syslog('COMM_FAILED', '2025-03-01T00:00:00Z', CSSM_FAIL, 1)];
      x.communication = [statistic('usage-reporting', { ongoingFailure: 0, lastResponse: 'OK', lastSuccessTime: '2025-03-02T00:00:00Z' })];
    });
    expect(deriveFacts(d, NOW).communication).toMatchObject([{ destination: 'cssm', state: 'restored' }]);
    expect(deriveFacts(d, '2025-03-01T12:00:00Z').communication).toMatchObject([{ destination: 'cssm', state: 'failing' }]);
  });

  it('an ACK stamped later than the capture time does not restore a failure', () => {
    const d = device((x) => {
      x.transport.type = 'smart';
      x.usageReporting.lastAckReceived = '2025-03-20T00:00:00Z';
      x.syslog = [syslog('COMM_FAILED', '2025-03-01T00:00:00Z', CSSM_FAIL, 1)];
    });
    expect(deriveFacts(d, NOW).communication[0]!.state).toBe('failing');
  });
});

describe('reporting on track', () => {
  const NOW = '2024-04-18T00:00:00Z';
  function reporting(overrides: (d: DeviceModel) => void): DeviceModel {
    return device((x) => {
      x.transport.type = 'smart';
      x.usageReporting.lastReportPush = '2024-04-17T23:58:00Z';
      x.usageReporting.lastAckReceived = '2024-04-17T23:59:09Z';
      x.usageReporting.nextAckDeadline = '2024-05-17T23:59:09Z';
      x.usageReporting.nextReportPush = '2024-05-17T23:58:00Z';
      overrides(x);
    });
  }

  it('an ACK after the last push, pushes scheduled before the deadline and nothing failing: on track', () => {
    expect(deriveFacts(reporting(() => undefined), NOW).reporting).toMatchObject({ ackedSinceLastReport: true, onTrack: true, daysToAckDeadline: 30 });
  });

  it('is not on track when the last push has no ACK, or an ACK is stamped after the capture time', () => {
    const pending = reporting((x) => (x.usageReporting.lastAckReceived = '2024-03-18T00:00:00Z'));
    expect(deriveFacts(pending, NOW).reporting).toMatchObject({ ackedSinceLastReport: false, onTrack: false });
    expect(deriveFacts(reporting(() => undefined), '2024-04-17T23:59:00Z').reporting.ackedSinceLastReport).toBe(false);
  });

  it('is not on track when a report file written after the ACK is waiting, or the transport is off', () => {
    const written = reporting((x) => (x.usageReporting.lastReportFileWrite = '2024-04-18T00:00:00Z'));
    expect(deriveFacts(written, NOW).reporting.ackedSinceLastReport).toBe(false);
    const offline = reporting((x) => (x.transport.type = 'off'));
    expect(deriveFacts(offline, NOW).reporting).toMatchObject({ ackedSinceLastReport: true, onTrack: false });
  });

  it('is not on track when usage reporting fails, communication fails, or the next push falls after the deadline', () => {
    const failing = reporting((x) => {
      x.communication = [statistic('usage-reporting', { ongoingFailure: 1, ongoingCommunicationFailure: 1, lastFailureTime: '2024-04-17T23:59:30Z' })];
    });
    expect(deriveFacts(failing, NOW).reporting.onTrack).toBe(false);
    const comm = reporting((x) => (x.syslog = [syslog('COMM_FAILED', '2024-04-17T23:59:50Z', CSSM_FAIL, 1)]));
    expect(deriveFacts(comm, NOW).reporting.onTrack).toBe(false);
    const late = reporting((x) => (x.usageReporting.nextReportPush = '2024-05-18T00:00:00Z'));
    expect(deriveFacts(late, NOW).reporting.onTrack).toBe(false);
  });
});

describe('days left on a reporting alert', () => {
  const alert = (time: string | null, days: number): SyslogMessage => ({
    ...syslog('REPORTING_REQUIRED', time ?? '', `A Usage report acknowledgement will be required in ${days} days.`, 1),
    time,
  });

  it('counts from the alert to the capture time, or takes the printed days when the alert has no time', () => {
    const d = device((x) => (x.syslog = [alert('2024-04-08T00:00:00Z', 364)]));
    expect(deriveFacts(d, '2024-04-18T00:00:00Z').reporting.requiredInDays).toBe(354);
    const untimed = device((x) => (x.syslog = [alert(null, 25)]));
    expect(deriveFacts(untimed, '2024-04-18T00:00:00Z').reporting.requiredInDays).toBe(25);
  });

  it('an ACK after the alert answered it', () => {
    const d = device((x) => {
      x.syslog = [alert('2024-04-08T00:00:00Z', 20)];
      x.usageReporting.lastAckReceived = '2024-04-09T00:00:00Z';
    });
    expect(deriveFacts(d, '2024-04-18T00:00:00Z').reporting.requiredInDays).toBeNull();
  });
});

describe('ACK pending', () => {
  it('an ACK stamped after the capture time does not answer the last push', () => {
    const d = device((x) => {
      x.usageReporting.lastReportPush = '2024-04-17T00:00:00Z';
      x.usageReporting.lastAckReceived = '2024-04-19T00:00:00Z';
    });
    expect(deriveFacts(d, '2024-04-18T00:00:00Z').reporting.ackPendingHours).toBe(24);
    expect(deriveFacts(d, '2024-04-20T00:00:00Z').reporting.ackPendingHours).toBeNull();
  });
});
