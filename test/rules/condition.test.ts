import { describe, expect, it } from 'vitest';
import { FUNCTIONS_BY_NAME, METHODS_BY_NAME, typedCelSignature } from '../../src/rules/cel-functions.js';
import { compileExpression, holds, renderValue } from '../../src/rules/condition.js';
import { buildContext } from '../../src/rules/context.js';
import { withScope } from '../../src/rules/engine.js';
import { makeDevice, syslogMessage } from './fixtures/device.js';

function check(text: string, device = makeDevice(), now: string | null = '2024-04-18T07:45:10Z'): { value: boolean; error?: string } {
  const { expression, problems } = compileExpression(text, 'condition');
  expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
  return withScope({ now, lines: null }, () => holds(expression!, buildContext(device, now)));
}

describe('conditions', () => {
  const device = makeDevice({
    platform: 'nxos',
    softwareVersion: '10.3(1)F',
    transport: { type: 'cslu', url: 'http://192.0.2.20:8182/cslu/v1/pi' },
    usageReporting: { nextAckDeadline: '2024-05-08T07:45:10Z', reportingPushIntervalDays: 30 },
    communication: [{ kind: 'hello-message', total: 42, success: 0, fail: 42, ongoingFailure: 42, ongoingCommunicationFailure: 42, lastResponse: 'NO REPLY', failureReason: null, lastSuccessTime: null, lastFailureTime: null }],
    syslog: [
      syslogMessage(10, 'COMM_FAILED', 'Communications failure with the Cisco Smart License Utility (CSLU) : Unable to resolve server hostname/domain name'),
      syslogMessage(11, 'COMM_FAILED', 'Communications failure with the Cisco Smart License Utility (CSLU) : Unable to connect'),
      syslogMessage(12, null, 'The system clock is not authoritative', { facility: 'PKI', mnemonic: 'NON_AUTHORITATIVE_CLOCK' }),
    ],
    derived: { reporting: { daysToAckDeadline: 20.25, ackOverdue: false, reportPushOverdueDays: null, ackPendingHours: null } },
  });

  it('compares int fields and double fields with int literals', () => {
    expect(check('usageReporting.reportingPushIntervalDays == 30', device).value).toBe(true);
    expect(check('communication.exists(c, c.fail > 0 && c.ongoingFailure >= 42)', device).value).toBe(true);
    expect(check('derived.reporting.daysToAckDeadline < 30', device).value).toBe(true);
    expect(check('derived.reporting.daysToAckDeadline > 20.5', device).value).toBe(false);
  });

  it('counts, quantifies and matches with RE2', () => {
    expect(check('size(syslog.filter(m, m.name == "COMM_FAILED")) >= 2', device).value).toBe(true);
    expect(check('syslog.all(m, m.line > 9)', device).value).toBe(true);
    expect(check('syslog.exists_one(m, m.text.matches("(?i)resolve server hostname"))', device).value).toBe(true);
    expect(check('syslog.exists(m, m.facility == "PKI" && m.mnemonic == "NON_AUTHORITATIVE_CLOCK")', device).value).toBe(true);
  });

  it('provides the slp-doctor functions', () => {
    expect(check('daysUntil(usageReporting.nextAckDeadline) > 19.9 && daysUntil(usageReporting.nextAckDeadline) < 20.1', device).value).toBe(true);
    expect(check('releaseBefore(softwareVersion, "10.3(2)F")', device).value).toBe(true);
    expect(check('urlPort(transport.url) == 8182 && urlPath(transport.url).startsWith("/cslu/v1/pi") && isIpAddress(urlHost(transport.url))', device).value).toBe(true);
    expect(check('orElse(transport.csluAddress, "cslu-local") == "cslu-local"', device).value).toBe(true);
    expect(check('before(now, usageReporting.nextAckDeadline)', device).value).toBe(true);
  });

  it('treats evaluation errors as false and records them', () => {
    const verdict = check('daysUntil(usageReporting.lastAckReceived) < 30', device);
    expect(verdict.value).toBe(false);
    expect(verdict.error).toMatch(/null/);
    expect(check('transport.proxy.port > 1', device)).toMatchObject({ value: false });
    expect(check('transport.proxy.port != null && transport.proxy.port > 1', device)).toEqual({ value: false });
  });

  it('has no time without a capture time', () => {
    expect(check('daysUntil(usageReporting.nextAckDeadline) < 30', device, null)).toMatchObject({ value: false, error: expect.stringMatching(/capture time is unknown/) });
  });
});

describe('compile problems', () => {
  const problems = (text: string, kind: 'condition' | 'template' = 'condition'): string[] => compileExpression(text, kind).problems.map((p) => `${p.offset}: ${p.message}`);

  it('names unknown fields with did-you-mean at their offset', () => {
    expect(problems('transport.tpye == "cslu"')).toEqual(['10: unknown field "tpye" in transport (did you mean "type"?)']);
    expect(problems('sylog.exists(m, true)')).toEqual(['0: unknown field "sylog" (did you mean "syslog"?)']);
    expect(problems('licenses.status == "IN USE"')[0]).toMatch(/licenses is a list: it has no field "status"/);
  });
  it('refuses non-boolean conditions but accepts them as templates', () => {
    expect(problems('transport.url')[0]).toMatch(/must be true or false, but this expression gives a string or null/);
    expect(problems('transport.url', 'template')).toEqual([]);
  });
  it('refuses invalid regex literals and unknown functions', () => {
    expect(problems('hostname.matches("(?=x)y")')[0]).toMatch(/invalid RE2/);
    expect(problems('explode(hostname)')[0]).toMatch(/type: .*explode/);
  });
});

describe('renderValue', () => {
  it('renders null as unknown and rounds doubles', () => {
    expect(renderValue(null)).toBe('unknown');
    expect(renderValue(3n)).toBe('3');
    expect(renderValue(12.64)).toBe('13');
    expect(renderValue(2.345)).toBe('2.3');
    expect(renderValue(-0.04)).toBe('0');
    expect(renderValue(['a', 'b'])).toBe('a, b');
  });
});

describe('matches, run by RE2', () => {
  it('is registered with the signatures the function table gives', () => {
    expect(typedCelSignature(METHODS_BY_NAME.get('matches')!, 're2matches')).toBe('string.re2matches(string): bool');
    expect(typedCelSignature(FUNCTIONS_BY_NAME.get('matches')!, 're2matches')).toBe('re2matches(string, string): bool');
  });
});
