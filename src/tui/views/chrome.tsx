// Header (who, what, how urgent), view tabs, status line and footer: always on screen.
import { Box, Text } from 'ink';
import type { ReactElement } from 'react';
import type { DeviceModel } from '../../common/device.js';
import type { AnalyzedDevice } from '../../common/findings.js';
import { SEVERITY_SYMBOL, describeDays } from '../../report/severity.js';
import { countBySeverity, platformName } from '../../report/text.js';

export type ViewName = 'findings' | 'model' | 'timeline' | 'raw';
export const VIEWS: { name: ViewName; label: string }[] = [
  { name: 'findings', label: 'Findings' },
  { name: 'model', label: 'Device model' },
  { name: 'timeline', label: 'Timeline' },
  { name: 'raw', label: 'Raw capture' },
];

function minute(iso: string | null): string {
  return iso ? `${iso.slice(0, 16).replace('T', ' ')} UTC` : 'unknown';
}

/** ✖ overdue, ▲ within 30 days, ✔ further away, ? unknown: a symbol so it reads without colour. */
export function deadlineStatus(days: number | null): { symbol: string; color: string } {
  if (days === null) return { symbol: '?', color: 'gray' };
  if (days < 0) return { symbol: '✖', color: 'red' };
  if (days <= 30) return { symbol: '▲', color: 'yellow' };
  return { symbol: '✔', color: 'green' };
}

export function Header({ analyzed, device, show }: { analyzed: AnalyzedDevice; device: DeviceModel; show: (t: string) => string }): ReactElement {
  const counts = countBySeverity(analyzed.findings);
  const deadline = deadlineStatus(analyzed.daysToAckDeadline);
  const u = device.usageReporting;
  return (
    <Box flexDirection="column">
      <Text wrap="truncate-end">
        <Text bold>{show(analyzed.hostname ?? '(unnamed device)')}</Text>
        <Text>{`  ${platformName(analyzed.platform)}  topology: `}</Text>
        <Text bold>{analyzed.topology}</Text>
        <Text>{'  '}</Text>
        <Text color="red">{`${SEVERITY_SYMBOL.error}${counts.error} `}</Text>
        <Text color="yellow">{`${SEVERITY_SYMBOL.warning}${counts.warning} `}</Text>
        <Text color="cyan">{`${SEVERITY_SYMBOL.info}${counts.info}`}</Text>
        <Text>{`  captured ${minute(analyzed.captureTime)}`}</Text>
      </Text>
      <Text wrap="truncate-end">
        <Text color={deadline.color} bold>{`${deadline.symbol} ACK deadline ${describeDays(analyzed.daysToAckDeadline)}`}</Text>
        <Text>{`  last ACK ${minute(u.lastAckReceived)}  next push ${minute(u.nextReportPush)}`}</Text>
      </Text>
    </Box>
  );
}

export function Tabs({ view, badges }: { view: ViewName; badges: string }): ReactElement {
  return (
    <Text wrap="truncate-end">
      {VIEWS.map((v, i) => (
        <Text key={v.name} inverse={v.name === view} bold={v.name === view}>{` ${i + 1} ${v.label} `}</Text>
      ))}
      <Text dimColor>{badges ? `  ${badges}` : ''}</Text>
    </Text>
  );
}

const FOOTER_WIDE = '↑↓/jk move  ⏎ open  Esc back  Tab/1-4 view  / filter  s severity  e export  r redact  ? help  q quit';
const FOOTER_NARROW = '↑↓ move ⏎ open Esc back Tab/1-4 view / filter s sev e export r redact ? q quit';

export function Footer({ width, text }: { width: number; text?: string }): ReactElement {
  return (
    <Text wrap="truncate-end" inverse>
      {(text ?? (width >= FOOTER_WIDE.length ? FOOTER_WIDE : FOOTER_NARROW)).padEnd(width)}
    </Text>
  );
}

export function StatusLine({ text, color }: { text: string; color?: string }): ReactElement {
  return (
    <Text wrap="truncate-end" color={color}>
      {text || ' '}
    </Text>
  );
}
