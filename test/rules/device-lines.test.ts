// anyLine / countLines: a condition over the device's own kept lines, for site facts the model does not hold.
import { describe, expect, it } from 'vitest';
import type { Evidence, LineStore } from '../../src/common/findings.js';
import { compileExpression, holds } from '../../src/rules/condition.js';
import { buildContext } from '../../src/rules/context.js';
import { DeviceLines } from '../../src/rules/device-lines.js';
import { prepareDevice, ruleFires, withScope } from '../../src/rules/engine.js';
import { makeDevice } from './fixtures/device.js';

const TEXT = [
  'leaf-101# show license status',
  'Reporting push: FAILED 2024-04-18',
  'Reporting push: FAILED 2024-04-17',
  'Reporting push: SUCCEEDED 2024-04-16',
  'leaf-101# show running-config | include license',
  'license smart privacy hostname',
  'other-file line',
].join('\n');

/** A LineStore over one file that counts how often the device's lines are gathered. */
function countingStore(): LineStore & { gathered: number } {
  const lines: Evidence[] = TEXT.split('\n').map((text, i) => ({ file: 'capture.txt', line: i + 1, text }));
  return {
    gathered: 0,
    text: (file, line) => lines.find((l) => l.file === file && l.line === line)?.text,
    lines(sections) {
      this.gathered++;
      return lines.filter((l) => sections.some((s) => s.file === l.file && l.line >= s.startLine && l.line <= s.endLine));
    },
  };
}

const device = makeDevice({
  hostname: 'leaf-101',
  platform: 'nxos',
  sections: [
    { command: 'show license status', startLine: 1, endLine: 4, parser: 'license-status', file: 'capture.txt' },
    { command: 'show running-config', startLine: 5, endLine: 6, parser: 'running-config', file: 'capture.txt' },
  ],
});

function verdict(text: string, lines: DeviceLines | null): { value: boolean; error?: string } {
  const { expression, problems } = compileExpression(text, 'condition');
  expect(problems).toEqual([]);
  return withScope({ now: null, lines }, () => holds(expression!, buildContext(device, null)));
}

describe('anyLine and countLines', () => {
  it('test the kept lines of the device, not lines outside its sections', () => {
    const lines = new DeviceLines(countingStore(), device.sections);
    expect(verdict('anyLine("^license smart privacy hostname$")', lines).value).toBe(true);
    expect(verdict('anyLine("^license smart privacy version$")', lines).value).toBe(false);
    expect(verdict('countLines("^Reporting push: FAILED") == 2', lines).value).toBe(true);
    expect(verdict('countLines("(?i)reporting PUSH") == 3', lines).value).toBe(true);
    expect(verdict('anyLine("other-file")', lines).value).toBe(false);
  });

  it('gather the lines only when a condition asks, once per device, and scan once per pattern', () => {
    const store = countingStore();
    const lines = new DeviceLines(store, device.sections);
    expect(verdict('hostname == "leaf-101"', lines).value).toBe(true);
    expect(store.gathered).toBe(0);
    for (let i = 0; i < 3; i++) {
      expect(verdict('countLines("FAILED") == 2', lines).value).toBe(true);
      expect(verdict('anyLine("SUCCEEDED")', lines).value).toBe(true);
    }
    expect(store.gathered).toBe(1);
  });

  it('fail (not false) where the lines are not given', () => {
    expect(verdict('anyLine("x")', null)).toMatchObject({ value: false, error: expect.stringMatching(/input lines are not available/) });
  });

  it('are given to a rule by prepareDevice with the device lines', () => {
    const { expression } = compileExpression('anyLine("^license smart privacy hostname$")', 'condition');
    const rule = { id: 'x', file: 'x.yaml', when: expression!, platforms: ['nxos', 'iosxe'] } as never;
    expect(ruleFires(rule, prepareDevice(device, { now: null, lines: countingStore() }))).toEqual({ fires: true });
  });
});
