// From the configuration CST to a small tree of commands, each with its words and its line in the input.
import type { CstNode, IToken } from 'chevrotain';
import type { Line } from '../../ingest/types.js';
import { parseConfig } from './grammar.js';

export interface ConfigCommand {
  /** Words of the command; quoted strings are unquoted. */
  words: string[];
  /** The line as written, without the indentation. */
  text: string;
  /** 1-based line number in the input file. */
  line: number;
  indent: number;
  children: ConfigCommand[];
}

/**
 * Lines parsed at a time. A configuration can be a hundred thousand lines; its tokens and syntax tree at once took
 * ~3 KB a line. Chunks end where a top-level command starts, so every block is parsed whole.
 */
const CHUNK_LINES = 2_000;

/** Read configuration lines into top-level commands with their sub-mode children. Never throws. */
export function readConfigTree(lines: Line[]): ConfigCommand[] {
  const commands: ConfigCommand[] = [];
  for (let start = 0; start < lines.length; ) {
    let end = Math.min(start + CHUNK_LINES, lines.length);
    while (end < lines.length && !startsTopLevel(lines[end]!.text)) end++;
    const chunk = readChunk(lines.slice(start, end));
    // As when it was parsed whole: configuration text not in the expected shape anywhere means none of it is read.
    if (chunk === null) return [];
    commands.push(...chunk);
    start = end;
  }
  return commands;
}

/** A top-level command: not indented, not blank. */
function startsTopLevel(text: string): boolean {
  const first = text.charCodeAt(0);
  return text.length > 0 && first !== 32 && first !== 9 && first !== 13;
}

function readChunk(lines: Line[]): ConfigCommand[] | null {
  const text = lines.map((l) => l.text.replace(/\r/g, '')).join('\n') + '\n';
  let cst: CstNode | null = null;
  try {
    cst = parseConfig(text);
  } catch {
    cst = null;
  }
  if (cst === null) return null;
  const lineOf = (token: IToken): number => lines[(token.startLine ?? 1) - 1]?.n ?? 0;
  const textOf = (token: IToken): string => (lines[(token.startLine ?? 1) - 1]?.text ?? '').trim();

  const commands: ConfigCommand[] = [];
  for (const node of ordered(cst)) {
    if (node.name === 'block') {
      const head = toCommand(node.children['command']![0] as CstNode, 0, lineOf, textOf);
      for (const child of (node.children['child'] ?? []) as CstNode[]) {
        const item = childCommand(child, lineOf, textOf);
        if (item) head.children.push(item);
      }
      commands.push(head);
    } else if (node.name === 'child') {
      const item = childCommand(node, lineOf, textOf);
      if (item) commands.push(item);
    }
  }
  return commands;
}

/** Top-level blocks and stray children in input order (the CST groups them by kind). */
function ordered(cst: CstNode): CstNode[] {
  const nodes = [...((cst.children['block'] ?? []) as CstNode[]), ...((cst.children['child'] ?? []) as CstNode[])];
  return nodes.sort((a, b) => a.location!.startOffset - b.location!.startOffset);
}

type LineOf = (token: IToken) => number;
type TextOf = (token: IToken) => string;

function childCommand(node: CstNode, lineOf: LineOf, textOf: TextOf): ConfigCommand | null {
  const command = node.children['command']?.[0] as CstNode | undefined;
  if (!command) return null;
  const indent = (node.children['Indent']![0] as IToken).image.replace(/\t/g, '        ').length;
  return toCommand(command, indent, lineOf, textOf);
}

function toCommand(node: CstNode, indent: number, lineOf: LineOf, textOf: TextOf): ConfigCommand {
  const tokens = [...((node.children['Word'] ?? []) as IToken[]), ...((node.children['Quoted'] ?? []) as IToken[])].sort(
    (a, b) => a.startOffset - b.startOffset,
  );
  const first = tokens[0]!;
  return {
    words: tokens.map((t) => (t.tokenType.name === 'Quoted' ? t.image.slice(1, -1) : t.image)),
    text: textOf(first),
    line: lineOf(first),
    indent,
    children: [],
  };
}
