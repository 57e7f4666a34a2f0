// Golden tests over every capture in captures/ (the base set and the rule authors' rule-* captures): each capture's
// sidecar states the model fields it must yield and exactly which error/warning rules must fire on it.
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { DeviceModel } from '../src/common/device.js';
import type { AnalyzedDevice } from '../src/common/findings.js';
import { analyzeFiles } from '../src/pipeline/analyze.js';
import { loadRulePack } from '../src/pipeline/rule-pack.js';
import { loadCaptures } from '../src/pipeline/captures.js';
import { actualAt, captureDir, listCaptures, readSidecar, type CaptureExpectation } from './fixtures/captures/sidecar.js';

const captures = listCaptures();
/** The built-in pack, loaded once for every capture. */
const pack = loadRulePack();

/** Sidecar devices matched to model devices: by hostname, or the single device when the sidecar names none. */
function pair<T extends { hostname: string | null }>(
  expectation: CaptureExpectation,
  devices: T[],
): { expected: CaptureExpectation['devices'][number]; device: T }[] {
  if (expectation.devices.length === 1 && expectation.devices[0]!.hostname === null) {
    expect(devices.map((d) => d.hostname), 'a single-device sidecar needs exactly one device').toHaveLength(1);
    return [{ expected: expectation.devices[0]!, device: devices[0]! }];
  }
  const known = devices.map((d) => d.hostname);
  expect(known.length, `devices found: ${JSON.stringify(known)}`).toBe(expectation.devices.length);
  return expectation.devices.map((expected) => {
    const device = devices.find((d) => d.hostname?.toLowerCase() === expected.hostname!.toLowerCase());
    if (!device) throw new Error(`no device ${expected.hostname} in the capture; found ${JSON.stringify(known)}`);
    return { expected, device };
  });
}

function blockingIds(device: AnalyzedDevice): string[] {
  return [...new Set(device.findings.filter((f) => f.severity !== 'info').map((f) => f.ruleId))].sort();
}

describe('captures', () => {
  it('the base set is there (at least 18 captures besides the rule-* ones)', () => {
    expect(captures.filter((name) => !name.startsWith('rule-')).length).toBeGreaterThanOrEqual(18);
  });

  describe.each(captures)('%s', (capture) => {
    const file = path.join(captureDir, capture);

    it('has a well-formed sidecar', () => {
      const expectation = readSidecar(capture);
      expect(expectation.devices.length).toBeGreaterThan(0);
    });

    it('yields the golden model fields', async () => {
      const expectation = readSidecar(capture);
      const { devices } = await loadCaptures([file], { now: expectation.now });
      for (const { expected, device } of pair<DeviceModel>(expectation, devices)) {
        if (expected.hostname !== null) expect(device.hostname).toBe(expected.hostname);
        const golden = expected.model;
        const actual = actualAt(device, golden);
        // Every wrong field at once, one line each, so a wrong capture or parser shows everything in one run.
        const wrong = Object.keys(golden)
          .filter((key) => !isDeepStrictEqual(actual[key], golden[key]))
          .map((key) => `${key}: got ${JSON.stringify(actual[key])}, expected ${JSON.stringify(golden[key])}`);
        expect(wrong, `${capture} ${device.hostname ?? '(no hostname)'}`).toEqual([]);
      }
    });

    it('fires exactly the expected error and warning rules, and the expected info rules', async () => {
      const expectation = readSidecar(capture);
      const analysis = await analyzeFiles([file], { now: expectation.now, pack });
      expect(analysis.schemaVersion).toBe(1);
      for (const { expected, device } of pair<AnalyzedDevice>(expectation, analysis.devices)) {
        const where = `${capture} ${device.hostname ?? '(no hostname)'}`;
        expect(blockingIds(device), `${where}: error+warning findings`).toEqual([...expected.findings].sort());
        const fired = new Set(device.findings.map((f) => f.ruleId));
        const missingInfo = expected.info.filter((id) => !fired.has(id));
        expect(missingInfo, `${where}: info findings that did not fire`).toEqual([]);
      }
    });
  });
});

describe('sidecar path resolution', () => {
  // The golden-field comparison is only as good as the resolver; pin down its edge cases.
  it('reads lengths, indices in both spellings, and reports missing paths', async () => {
    const { resolvePath, MISSING } = await import('./fixtures/captures/sidecar.js');
    const model = { licenses: [{ count: 2 }, { count: null }], udi: { pid: 'N9K-C9504' }, usageReportSummary: null };
    expect(resolvePath(model, 'licenses.length')).toBe(2);
    expect(resolvePath(model, 'licenses.0.count')).toBe(2);
    expect(resolvePath(model, 'licenses[1].count')).toBeNull();
    expect(resolvePath(model, 'licenses.2.count')).toBe(MISSING);
    expect(resolvePath(model, 'udi.pid.length')).toBe(9);
    expect(resolvePath(model, 'udi.serial')).toBe(MISSING);
    expect(resolvePath(model, 'usageReportSummary.total')).toBe(MISSING);
  });
});
