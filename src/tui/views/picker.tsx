import type { ReactElement } from 'react';
import type { AnalyzedDevice, Severity } from '../../common/findings.js';
import { SEVERITY_SYMBOL, describeDays } from '../../report/severity.js';
import { countBySeverity, platformName } from '../../report/text.js';
import { worstSeverity } from '../session.js';
import { windowStart } from '../text.js';
import { Rows, SEVERITY_COLOR, type Row } from './rows.js';

export interface PickerProps {
  devices: { device: AnalyzedDevice; index: number }[];
  cursor: number;
  height: number;
  show: (text: string) => string;
  /** False while the rules run: no severity to show yet. */
  evaluated: boolean;
}

export function pickerLabel(device: AnalyzedDevice): { worst: Severity | null; text: string } {
  const worst = worstSeverity(device);
  const counts = countBySeverity(device.findings);
  const symbol = worst ? SEVERITY_SYMBOL[worst] : '✔';
  return { worst, text: `${symbol} ${(device.hostname ?? '(unnamed device)').padEnd(20)} ${platformName(device.platform).padEnd(8)} ${device.topology.padEnd(18)} ✖${counts.error} ▲${counts.warning} ℹ${counts.info}  ACK ${describeDays(device.daysToAckDeadline)}` };
}

export function DevicePicker({ devices, cursor, height, show, evaluated }: PickerProps): ReactElement {
  const rows: Row[] = [{ text: `${devices.length} device(s) — Enter opens one; ${evaluated ? 'worst severity first column' : 'evaluating the rules …'}`, bold: true }];
  const start = windowStart(cursor, devices.length, height - 1);
  devices.slice(start, start + height - 1).forEach(({ device }, i) => {
    const { worst, text } = evaluated ? pickerLabel(device) : { worst: null, text: `… ${device.hostname ?? '(unnamed device)'}` };
    rows.push({ text: `${start + i === cursor ? '›' : ' '} ${show(text)}`, inverse: start + i === cursor, color: start + i === cursor ? undefined : worst ? SEVERITY_COLOR[worst] : 'green' });
  });
  if (devices.length === 0) rows.push({ text: 'No device matches the filters.', color: 'yellow' });
  return <Rows height={height} rows={rows} />;
}
