// The analysis as a function: inputs -> device models (captures.ts) -> findings. The CLI, the TUI, fleet workers
// and the tests all call this, so they cannot disagree.
import type { DeviceModel } from '../common/device.js';
import type { AnalyzeDocument, AnalyzedDevice, LineStore } from '../common/findings.js';
import { evaluateDevice } from '../rules/engine.js';
import type { RuleFailure, RulePack } from '../rules/types.js';
import { analyzedDevice } from './analyzed-device.js';
import { loadCaptures, type LoadedCaptures } from './captures.js';
import { loadRulePack } from './rule-pack.js';

export interface AnalyzeOptions {
  now?: string;
  /** User packs on top of the built-in one; a rule there with the same id replaces the built-in. */
  ruleDirs?: string[];
  /** A pack already loaded (fleet workers and the TUI load it once). */
  pack?: RulePack;
}

/** `onFailure` hears of each rule whose condition failed on the device (it does not fire). */
export function analyzeDevice(pack: RulePack, device: DeviceModel, lines: LineStore, now?: string, onFailure?: (failure: RuleFailure) => void): AnalyzedDevice {
  return analyzedDevice(device, evaluateDevice(pack, device, lines, { now: now ?? device.captureTime, onFailure }));
}

export function analyzeLoaded(loaded: LoadedCaptures, pack: RulePack, now?: string): AnalyzeDocument {
  return { schemaVersion: 1, devices: loaded.devices.map((device) => analyzeDevice(pack, device, loaded.lines, now)) };
}

export async function analyzeFiles(paths: string[], options: AnalyzeOptions = {}): Promise<AnalyzeDocument> {
  const pack = options.pack ?? loadRulePack(options.ruleDirs);
  const loaded = await loadCaptures(paths, { now: options.now });
  return analyzeLoaded(loaded, pack, options.now);
}
