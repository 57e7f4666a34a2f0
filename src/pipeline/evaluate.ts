// Device models -> findings: the half of the analysis that runs the rule pack. Apart from analyze.ts (which also reads
// and parses inputs) so that the TUI, which has parsed its capture for the first frame already, loads only this half
// afterwards (tui/rule-engine.ts).
import type { DeviceModel } from '../common/device.js';
import type { AnalyzeDocument, AnalyzedDevice, LineStore } from '../common/findings.js';
import { evaluateDevice } from '../rules/engine.js';
import type { RuleFailure, RulePack } from '../rules/types.js';
import { analyzedDevice } from './analyzed-device.js';
import type { LoadedCaptures } from './captures.js';

/** `onFailure` hears of each rule whose condition failed on the device (it does not fire). */
export function analyzeDevice(pack: RulePack, device: DeviceModel, lines: LineStore, now?: string, onFailure?: (failure: RuleFailure) => void): AnalyzedDevice {
  return analyzedDevice(device, evaluateDevice(pack, device, lines, { now: now ?? device.captureTime, onFailure }));
}

export function analyzeLoaded(loaded: LoadedCaptures, pack: RulePack, now?: string): AnalyzeDocument {
  return { schemaVersion: 1, devices: loaded.devices.map((device) => analyzeDevice(pack, device, loaded.lines, now)) };
}
