import type { ReactElement } from 'react';
import type { AnalyzedDevice, Severity } from '../../common/findings.js';
import { SEVERITY_SYMBOL, describeDays } from '../../report/severity.js';
import { countBySeverity, platformName } from '../../report/text.js';
import { worstSeverity } from '../session.js';
import { fit, windowStart } from '../text.js';
import { Rows, SEVERITY_COLOR, type Row } from './rows.js';

export interface PickerProps {
  devices: { device: AnalyzedDevice; index: number }[];
  cursor: number;
  height: number;
  show: (text: string) => string;
  /** False while the rules run: no severity to show yet. */
  evaluated: boolean;
}

/** Column widths: the longest platform (`IOS-XE`, `unknown`) and topology (`onprem-disconnected`) fit. */
const HOST_WIDTH = 20;
const PLATFORM_WIDTH = 8;
const TOPOLOGY_WIDTH = 19;

/** One row of the picker in fixed columns: a long (or redacted) host name is cut or padded, never shifts the rest. */
export function pickerLabel(device: AnalyzedDevice, show: (text: string) => string): { worst: Severity | null; text: string } {
  const worst = worstSeverity(device);
  const counts = countBySeverity(device.findings);
  const symbol = worst ? SEVERITY_SYMBOL[worst] : '✔';
  const host = fit(show(device.hostname ?? '(unnamed device)'), HOST_WIDTH).padEnd(HOST_WIDTH);
  const platform = (device.platform === 'unknown' ? 'unknown' : platformName(device.platform)).padEnd(PLATFORM_WIDTH);
  return { worst, text: `${symbol} ${host} ${platform} ${device.topology.padEnd(TOPOLOGY_WIDTH)} ✖${counts.error} ▲${counts.warning} ℹ${counts.info}  ACK ${describeDays(device.daysToAckDeadline)}` };
}

export function DevicePicker({ devices, cursor, height, show, evaluated }: PickerProps): ReactElement {
  const rows: Row[] = [{ text: `${devices.length} device(s) — Enter opens one; ${evaluated ? 'worst severity first column' : 'evaluating the rules …'}`, bold: true }];
  const start = windowStart(cursor, devices.length, height - 1);
  devices.slice(start, start + height - 1).forEach(({ device }, i) => {
    const { worst, text } = evaluated ? pickerLabel(device, show) : { worst: null, text: `… ${show(device.hostname ?? '(unnamed device)')}` };
    rows.push({ text: `${start + i === cursor ? '›' : ' '} ${text}`, inverse: start + i === cursor, color: start + i === cursor ? undefined : worst ? SEVERITY_COLOR[worst] : 'green' });
  });
  if (devices.length === 0) rows.push({ text: 'No device matches the filters.', color: 'yellow' });
  return <Rows height={height} rows={rows} />;
}
