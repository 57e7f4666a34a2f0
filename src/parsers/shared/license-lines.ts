// Line-oriented lexing for the small `show license …` grammars. These outputs are line-shaped: a line is a heading,
// a field, a table row or a dashed underline, never half of one. So each non-blank line becomes one Chevrotain token
// (classified by the first pattern that matches it) and the grammars are written over lines, the way the text reads.
// The regular-expression match travels with the token as its payload, so extraction does not re-read the text.
import { CstParser, Lexer, createToken, createTokenInstance } from 'chevrotain';
import type { CstElement, CstNode, IToken, TokenType } from 'chevrotain';
import type { License } from '../../common/device.js';
import type { Line, RawSection } from '../../ingest/types.js';
import type { FragmentBuilder } from '../fragment.js';
import { textOrNull } from '../../common/nothing.js';

export interface LinePayload {
  line: Line;
  /** Capture groups of the pattern that classified the line (index 0 is the whole line for the fallback kind). */
  match: RegExpExecArray;
}

/** A kind of line: its token type and the pattern that recognises it. Order matters: the first match wins. */
export interface LineKind {
  token: TokenType;
  pattern: RegExp;
}

/** A token type for a whole line; never matched by a character lexer, only by `tokenizeLines`. */
export function lineToken(name: string): TokenType {
  return createToken({ name, pattern: Lexer.NA });
}

/** Lines no pattern recognises: grammars accept them where stray text is harmless, and they end up unrecognised. */
export const OtherLine = lineToken('OtherLine');

/**
 * No line of these outputs is longer than a few hundred characters. Longer ones are not classified (they become
 * unrecognised), which also bounds the cost of any pattern that backtracks.
 */
export const MAX_CLASSIFIED_LINE = 2048;

/** One token per non-blank line; the token's offset is the source line number, which keeps CST order = text order. */
export function tokenizeLines(lines: readonly Line[], kinds: readonly LineKind[]): IToken[] {
  const tokens: IToken[] = [];
  for (const line of lines) {
    if (line.text.trim() === '') continue;
    let kind: TokenType = OtherLine;
    let match: RegExpExecArray | null = null;
    for (const candidate of line.text.length > MAX_CLASSIFIED_LINE ? [] : kinds) {
      match = candidate.pattern.exec(line.text);
      if (match) {
        kind = candidate.token;
        break;
      }
    }
    const token = createTokenInstance(kind, line.text, line.n, line.n, line.n, line.n, 1, line.text.length);
    const payload: LinePayload = { line, match: match ?? wholeLine(line.text) };
    token.payload = payload;
    tokens.push(token);
  }
  return tokens;
}

function wholeLine(text: string): RegExpExecArray {
  return /^.*$/s.exec(text)!;
}

export function payloadOf(token: IToken): LinePayload {
  return token.payload as LinePayload;
}

/** Capture group `i` of the token's pattern, trimmed; undefined when the group did not take part. */
export function group(token: IToken, i: number): string | undefined {
  return payloadOf(token).match[i]?.trim();
}

function isToken(element: CstElement): element is IToken {
  return 'image' in element;
}

/** The tokens directly under a CST node, in text order (the CST groups children by name, losing interleaving). */
export function tokensOf(node: CstNode): IToken[] {
  const tokens: IToken[] = [];
  for (const children of Object.values(node.children)) for (const child of children) if (isToken(child)) tokens.push(child);
  return tokens.sort((a, b) => a.startOffset - b.startOffset);
}

/** The sub-rule nodes directly under a CST node, in text order. */
export function subrulesOf(node: CstNode): CstNode[] {
  const nodes: CstNode[] = [];
  for (const children of Object.values(node.children)) for (const child of children) if (!isToken(child)) nodes.push(child);
  return nodes.sort((a, b) => firstOffset(a) - firstOffset(b));
}

function firstOffset(node: CstNode): number {
  let first = Number.POSITIVE_INFINITY;
  for (const children of Object.values(node.children)) {
    for (const child of children) first = Math.min(first, isToken(child) ? child.startOffset : firstOffset(child));
  }
  return first;
}

/**
 * Run a grammar over line tokens. Never throws: a grammar failure leaves its lines unread (they become
 * "unrecognised" diagnostics) and whatever CST was built before the failure is still returned.
 */
export function parseLines(parser: CstParser, tokens: IToken[], run: () => CstNode): CstNode | null {
  try {
    parser.input = tokens;
    return run() ?? null;
  } catch {
    return null;
  }
}

/** A grammar built on first use: a capture without that command never pays for it. */
export function lazyGrammar<P extends CstParser>(build: () => P): () => P {
  let grammar: P | undefined;
  return () => (grammar ??= build());
}

/**
 * The whole reading of a section by a line grammar: lex the lines, parse from `start`, hand the CST to `extract`,
 * then report every line nothing read. A failure costs the section one diagnostic, never an exception.
 */
export function readSection<P extends CstParser>(
  section: RawSection,
  out: FragmentBuilder,
  grammar: () => P,
  kinds: readonly LineKind[],
  start: (parser: P) => CstNode,
  extract: (cst: CstNode, read: ReadLines) => void,
): void {
  const read = new ReadLines();
  try {
    const parser = grammar();
    const cst = parseLines(parser, tokenizeLines(section.lines, kinds), () => start(parser));
    if (cst) extract(cst, read);
  } catch (error) {
    out.diag(section.headerLine ?? section.lines[0]?.n ?? 0, `${section.command} not read: ${String(error)}`);
  }
  read.reportUnread(section, out);
}

/** Lines the extraction has read; every other non-blank line of the section is reported as unrecognised. */
export class ReadLines {
  private readonly read = new Set<number>();

  mark(token: IToken | Line): void {
    this.read.add('n' in token ? token.n : payloadOf(token).line.n);
  }

  reportUnread(section: RawSection, out: FragmentBuilder): void {
    for (const line of section.lines) if (line.text.trim() !== '' && !this.read.has(line.n)) out.unrecognised(line.n);
  }
}

/** Device text for "nothing here" (`<empty>`, `<none>`, `Not Configured`, …) becomes null, per the Model JSON contract. */
export const valueOrNull = textOrNull;

/** `IN USE(15)` → `IN USE`: the numeric code after a license status is an agent enum, not part of the status. */
export function licenseStatus(text: string | undefined): string | null {
  const value = valueOrNull(text);
  return value === null ? null : value.replace(/\s*\(\d+\)\s*$/, '').replace(/\s+/g, ' ').toUpperCase();
}

/** A license with every field unknown but those given. */
export function licenseOf(known: Partial<License>): License {
  return { name: null, entitlementTag: null, description: null, count: null, status: null, enforcementType: null, licenseType: null, ...known };
}

/**
 * What the brackets after a license name hold in `show license summary` (column `Entitlement tag`) and in a
 * `show license usage` heading: routers print the tag's short name (`network-premier_10M (ESR_P_10M_P)`), Catalyst
 * switches a display name that is the license's description (`network-advantage (C9300-48 Network Advan...)`).
 * A tag is one word; a display name has spaces or was cut short.
 */
export function isShortEntitlementTag(bracketed: string): boolean {
  return /^[A-Za-z0-9][\w.-]*$/.test(bracketed) && !bracketed.endsWith('...');
}

/**
 * Statuses only Smart Licensing Using Policy prints: after the upgrade "all licenses are displayed as IN USE"
 * (Nexus SLP guide, lines 2086 and 2143), where classic Smart Licensing printed AUTHORIZED or EVAL MODE.
 */
export function isSlpLicenseStatus(status: string | null): boolean {
  return status === 'IN USE' || status === 'NOT IN USE';
}

export function countOrNull(text: string | undefined): number | null {
  const match = /^\s*(\d+)/.exec(text ?? '');
  return match ? Number(match[1]) : null;
}

/** Dashed or `=` underlines under titles and table headers. */
export const UNDERLINE = /^\s*(?:-{3,}|={3,})[-=\s]*$/;
