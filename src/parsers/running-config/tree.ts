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

/** Read configuration lines into top-level commands with their sub-mode children. Never throws. */
export function readConfigTree(lines: Line[]): ConfigCommand[] {
  const text = lines.map((l) => l.text.replace(/\r/g, '')).join('\n') + '\n';
  let cst: CstNode | null = null;
  try {
    cst = parseConfig(text);
  } catch {
    cst = null;
  }
  if (cst === null) return [];
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
