// A guard may let too much through, never too little: wherever it says false, the condition must not be true.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DeviceModel } from '../../src/common/device.js';
import { loadRulePack } from '../../src/cli/rule-pack.js';
import { loadCaptures } from '../../src/model/load.js';
import { compileExpression } from '../../src/rules/condition.js';
import { prepareDevice, ruleFires } from '../../src/rules/engine.js';
import { requiredLiteral, re2Matches } from '../../src/rules/functions.js';
import { guardOf } from '../../src/rules/guard.js';
import { makeDevice, syslogMessage } from './fixtures/device.js';

const root = join(import.meta.dirname, '../..');

function guard(text: string) {
  const { expression, problems } = compileExpression(text, 'condition');
  expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
  return { run: guardOf(expression!.ast), expression: expression! };
}

describe('guardOf', () => {
  const cslu = makeDevice({ transport: { type: 'cslu' }, syslog: [syslogMessage(3, 'POLICY_REMOVED', 'Policy removed')] });
  const smart = makeDevice({ transport: { type: 'smart' } });

  it('reads plain tests of the model: a field against a literal, a list holding a matching item, a size', () => {
    expect(guard('transport.type == "cslu" && !derived.onPrem').run!(cslu)).toBe(true);
    expect(guard('transport.type == "cslu" && !derived.onPrem').run!(smart)).toBe(false);
    expect(guard('transport.type in ["smart", "callhome"]').run!(cslu)).toBe(false);
    expect(guard('syslog.exists(m, m.name == "POLICY_REMOVED")').run!(cslu)).toBe(true);
    expect(guard('syslog.exists(m, m.name == "POLICY_INSTALL_FAILED")').run!(cslu)).toBe(false);
    expect(guard('size(derived.csluVirtualAccounts) > 1').run!(cslu)).toBe(false);
    expect(guard('syslog.exists(m, m.text.contains("removed"))').run!(cslu)).toBe(true);
    expect(guard('syslog.exists(m, m.text.matches("(?i)POLICY REMOVED"))').run!(cslu)).toBe(true);
    expect(guard('syslog.exists(m, m.text.matches("(?i)installed"))').run!(cslu)).toBe(false);
  });

  it('has no opinion where the condition has a part it cannot read', () => {
    expect(guard('transport.type == "smart" || orElse(transport.url, "").contains("x")').run).toBeNull();
    expect(guard('!syslog.exists(m, m.name == "POLICY_REMOVED")').run).toBeNull();
  });

  it('does not read an outer macro variable as a model field', () => {
    const { run } = guard('syslog.exists(m, m.name == "POLICY_REMOVED" && syslog.exists(s, s.name == m.name && m.time != null))');
    const device = makeDevice({ syslog: [{ ...syslogMessage(3, 'POLICY_REMOVED', 'x'), time: '2024-01-01T00:00:00Z' }] });
    expect(run!(device)).toBe(true);
  });

  it('never says false where the condition is true, for every rule on every bundled capture', async () => {
    const pack = loadRulePack([]);
    const dirs = [join(root, 'captures'), join(root, 'test/fixtures/captures')];
    const files = dirs.flatMap((dir) => readdirSync(dir).filter((f) => f.endsWith('.txt')).map((f) => join(dir, f)));
    let rejected = 0;
    for (const file of files) {
      const { devices } = await loadCaptures([file]);
      for (const device of devices) {
        const prepared = prepareDevice(device, { now: device.captureTime });
        for (const rule of pack.rules) {
          if (guardOf(rule.when.ast)?.(device) !== false) continue;
          rejected++;
          expect(ruleFires(rule, prepared).fires, `${rule.id} on ${file}`).toBe(false);
        }
      }
    }
    expect(rejected).toBeGreaterThan(files.length * 10);
  });

  it('never says false where the condition is true, on random devices', () => {
    const conditions = [
      'transport.type == "cslu" && size(syslog) >= 2',
      'transport.type != "off" || syslog.exists(m, m.name in ["COMM_FAILED", "COMM_RESTORED"] && m.text.contains("CSLU"))',
      'syslog.exists(m, m.text.matches("(?i)unable to (connect|resolve)") && !derived.onPrem)',
      'size(syslog.filter(m, m.name == "COMM_FAILED")) >= 1 && transport.csluAddress.startsWith("cslu")',
      'derived.trustInstalled || syslog.exists(m, m.host == hostname)',
    ].map(guard);
    const names = fc.constantFrom('COMM_FAILED', 'COMM_RESTORED', 'POLICY_REMOVED', null);
    const texts = fc.constantFrom('Unable to connect to CSLU', 'UNABLE TO RESOLVE cslu-local', 'restored', 'unable to reach');
    const device = fc.record({
      type: fc.constantFrom('cslu', 'smart', 'off', null),
      csluAddress: fc.constantFrom('cslu-local', 'http://cslu:8182', null),
      onPrem: fc.boolean(),
      trust: fc.boolean(),
      hostname: fc.constantFrom('leaf-1', null),
      syslog: fc.array(fc.record({ name: names, text: texts, host: fc.constantFrom('leaf-1', 'leaf-2', null) }), { maxLength: 4 }),
    });
    fc.assert(
      fc.property(device, (d) => {
        const model: DeviceModel = makeDevice({
          hostname: d.hostname,
          transport: { type: d.type, csluAddress: d.csluAddress },
          syslog: d.syslog.map((m, i) => ({ ...syslogMessage(i + 1, m.name ?? 'OTHER', m.text), name: m.name, host: m.host })),
          derived: { onPrem: d.onPrem, trustInstalled: d.trust },
        });
        const prepared = prepareDevice(model, { now: null });
        for (const { run, expression } of conditions) {
          if (run?.(model) !== false) continue;
          const verdict = ruleFires({ when: expression, platforms: ['nxos', 'iosxe'] } as never, prepared);
          if (verdict.fires) return false;
        }
        return true;
      }),
      { seed: 5, numRuns: 500 },
    );
  });
});

describe('requiredLiteral', () => {
  it('finds the text every match contains', () => {
    expect(requiredLiteral('(?i)^\\s*Trust Code Installed:\\s*(<none>|None)\\s*$')).toEqual({ text: 'Trust Code Installed:', ignoreCase: true });
    expect(requiredLiteral('Ongoing Failure: Overall=[1-9]')).toEqual({ text: 'Ongoing Failure: Overall=', ignoreCase: false });
    expect(requiredLiteral('^\\*\\d{2}:\\d{2}')).toEqual({ text: '*', ignoreCase: false });
    expect(requiredLiteral('abc?de')).toEqual({ text: 'ab', ignoreCase: false });
  });

  it('gives none where a match need not contain any fixed text', () => {
    expect(requiredLiteral('\\b(SAGetRUMIds|SAUtilRepSave)\\b')).toBeNull();
    expect(requiredLiteral('abc|def')).toBeNull();
    expect(requiredLiteral('x(?i)abc')).toBeNull();
    expect(requiredLiteral('\\Qa.b\\E')).toBeNull();
  });

  it('is contained in whatever the pattern matches', () => {
    const atom = fc.constantFrom('a', 'b', 'ab', '\\.', '.', '[ab]', '(a|b)', 'a?', 'b*', 'c+', 'x{2}', '\\d', ' ', ':', '(?:ab)+');
    const pattern = fc.tuple(fc.boolean(), fc.array(atom, { minLength: 1, maxLength: 6 })).map(([i, atoms]) => `${i ? '(?i)' : ''}${atoms.join('')}`);
    const text = fc.stringMatching(/^[abcxAB.: 0-9]{0,12}$/);
    fc.assert(
      fc.property(pattern, text, (p, t) => {
        const literal = requiredLiteral(p);
        if (!literal || !re2Matches(t, p)) return true;
        return literal.ignoreCase ? t.toLowerCase().includes(literal.text.toLowerCase()) : t.includes(literal.text);
      }),
      { seed: 11, numRuns: 3000 },
    );
  });
});
