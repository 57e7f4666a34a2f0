// Every view draws a fixed number of rows, each cut to the terminal width: the frame never grows past the
// screen, so Ink redraws in place instead of scrolling the terminal.
import { Box, Text } from 'ink';
import type { ReactElement } from 'react';

export interface Row {
  text: string;
  color?: string;
  bold?: boolean;
  dim?: boolean;
  inverse?: boolean;
  key?: string;
}

export function Rows({ rows, height }: { rows: Row[]; height: number }): ReactElement {
  return (
    <Box flexDirection="column" height={height} overflow="hidden">
      {rows.slice(0, height).map((row, i) => (
        <Text key={row.key ?? i} wrap="truncate-end" color={row.color} bold={row.bold} dimColor={row.dim} inverse={row.inverse}>
          {row.text === '' ? ' ' : row.text}
        </Text>
      ))}
    </Box>
  );
}

export const SEVERITY_COLOR = { error: 'red', warning: 'yellow', info: 'cyan' } as const;
