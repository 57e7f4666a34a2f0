import type { Severity } from '../common/findings.js';
import type { Palette } from './color.js';

/** A symbol as well as a colour, so a report reads the same without colour. */
export const SEVERITY_SYMBOL: Record<Severity, string> = { error: '✖', warning: '▲', info: 'ℹ' };

export function severityLabel(severity: Severity, palette: Palette): string {
  const text = `${SEVERITY_SYMBOL[severity]} ${severity.toUpperCase()}`;
  if (severity === 'error') return palette.red(palette.bold(text));
  if (severity === 'warning') return palette.yellow(palette.bold(text));
  return palette.cyan(text);
}

/** "in 12 days", "3 days ago", "unknown": how far the ACK deadline is from the capture time. */
export function describeDays(days: number | null): string {
  if (days === null) return 'unknown';
  const whole = Math.round(Math.abs(days));
  if (days < 0) return `overdue by ${whole} day${whole === 1 ? '' : 's'}`;
  return `in ${whole} day${whole === 1 ? '' : 's'}`;
}
