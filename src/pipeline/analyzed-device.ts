// A device as the analysis reports it: the facts of its model that head every output, and its findings. Apart from
// analyze.ts so the TUI can show a device before the rule engine is loaded (with no findings yet).
import type { DeviceModel } from '../common/device.js';
import type { AnalyzedDevice, Finding } from '../common/findings.js';

export function analyzedDevice(device: DeviceModel, findings: Finding[]): AnalyzedDevice {
  return {
    hostname: device.hostname,
    platform: device.platform,
    captureTime: device.captureTime,
    topology: device.derived.topology,
    daysToAckDeadline: device.derived.reporting.daysToAckDeadline,
    files: device.files,
    findings,
    diagnosticCount: device.diagnostics.length,
  };
}
