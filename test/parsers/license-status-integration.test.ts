// Lines real captures carry around the status report: IOS-XE `exec prompt timestamp` lines, two counters to a
// Usage Report Summary line, and a CSLU / SSM On-Prem URL printed as the `Cslu address`.
import { describe, expect, it } from 'vitest';
import { parseStatus as parse, scalar } from '../support/status-parse.js';

describe('Usage Report Summary with two counters to a line', () => {
  const fragment = parse(
    [
      'Usage Report Summary:',
      '=====================',
      'Total: 14,  Purged: 0(0)',
      'Total Acknowledged Received: 12,  Waiting for Ack: 3(1)',
      'Available to Report: 2  Collecting Data: 5',
      'Maximum Display: 14  In Storage: 11,  MIA: 4(0)',
      'Report Module Status: Ready',
    ].join('\n'),
    'show license tech support',
  );

  it('fills both counters of every line, the first number of N(M)', () => {
    expect(fragment.diagnostics).toEqual([]);
    const summary = Object.fromEntries(
      ['total', 'purged', 'ackReceived', 'waitingForAck', 'availableToReport', 'collectingData', 'inStorage', 'mia'].map(
        (field) => [field, scalar(fragment, `usageReportSummary.${field}`)],
      ),
    );
    expect(summary).toEqual({
      total: 14,
      purged: 0,
      ackReceived: 12,
      waitingForAck: 3,
      availableToReport: 2,
      collectingData: 5,
      inStorage: 11,
      mia: 4,
    });
  });

  it('keeps the line of the counter that shares a line', () => {
    expect(fragment.scalars.get('usageReportSummary.waitingForAck')?.line).toBe(4);
    expect(fragment.scalars.get('usageReportSummary.mia')?.line).toBe(6);
  });
});

describe('Cslu address', () => {
  it('a URL is also the transport URL', () => {
    const fragment = parse(['Transport:', '  Type: cslu', '  Cslu address: http://192.0.2.10:8182/cslu/v1/pi'].join('\n'));
    expect(fragment.scalars.get('transport.url')).toEqual({ value: 'http://192.0.2.10:8182/cslu/v1/pi', line: 3 });
    expect(scalar(fragment, 'transport.csluAddress')).toBe('http://192.0.2.10:8182/cslu/v1/pi');
  });

  it('`cslu-local` is a name, not a URL', () => {
    const fragment = parse(['Transport:', '  Type: cslu', '  Cslu address: cslu-local'].join('\n'));
    expect(scalar(fragment, 'transport.url')).toBeUndefined();
    expect(scalar(fragment, 'transport.csluAddress')).toBe('cslu-local');
  });

  it('does not override a URL line of the same block', () => {
    const fragment = parse(
      ['Transport:', '  Type: cslu', '  Cslu address: http://192.0.2.10:8182/cslu/v1/pi', '  URL: https://198.51.100.7/cslu/v1/pi'].join('\n'),
    );
    expect(scalar(fragment, 'transport.url')).toBe('https://198.51.100.7/cslu/v1/pi');
  });
});
