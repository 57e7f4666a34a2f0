// Positions in rule files: every problem is reported as file:line:column, including problems found inside an
// expression that YAML folded (`when: >`) or unquoted. The mapping aligns the scalar's value with its source text.
import { Scalar, type LineCounter } from 'yaml';

export interface Position {
  line: number;
  column: number;
}

export interface SourceFile {
  path: string;
  text: string;
  lineCounter: LineCounter;
}

export function positionAt(file: SourceFile, offset: number): Position {
  const { line, col } = file.lineCounter.linePos(Math.max(0, Math.min(offset, file.text.length)));
  return { line, column: col };
}

/** Start offset of a node in the file (0 when the node carries no range). */
export function nodeOffset(node: unknown): number {
  const range = (node as { range?: [number, number, number] | null } | null)?.range;
  return range ? range[0] : 0;
}

/**
 * Maps an offset inside a scalar's string value to an offset in the file. Block scalars skip their header line;
 * folding, indentation and escapes are absorbed by aligning characters greedily, which is exact for the usual
 * plain, quoted and folded expressions and close otherwise.
 */
export function valueOffsetToFile(file: SourceFile, node: Scalar, valueOffset: number): number {
  const range = node.range;
  if (!range) return 0;
  const value = String(node.value);
  let cursor = range[0];
  const end = range[1];
  if (node.type === Scalar.BLOCK_FOLDED || node.type === Scalar.BLOCK_LITERAL) {
    const newline = file.text.indexOf('\n', cursor);
    cursor = newline < 0 ? end : newline + 1;
  } else if (node.type === Scalar.QUOTE_DOUBLE || node.type === Scalar.QUOTE_SINGLE) {
    cursor += 1;
  }
  let mapped = cursor;
  for (let i = 0; i <= Math.min(valueOffset, value.length - 1); i++) {
    const wanted = value[i]!;
    let probe = cursor;
    while (probe < end && file.text[probe] !== wanted && !(isSpace(wanted) && isSpace(file.text[probe]!))) probe++;
    if (probe >= end) return mapped;
    mapped = probe;
    cursor = probe + 1;
  }
  return mapped;
}

function isSpace(char: string): boolean {
  return char === ' ' || char === '\n' || char === '\t' || char === '\r';
}
