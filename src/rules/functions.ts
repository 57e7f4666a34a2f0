// The functions slp-doctor adds to CEL (docs/RULE-FORMAT.md, "Functions"). Pure helpers here; cel-functions.ts
// describes and condition.ts registers them. Time functions read `now` from the evaluation scope set by the engine.
import { isIP } from 'node:net';
import { RE2JS } from 're2js';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** The questions a condition may ask of the device's own input lines (device-lines.ts answers them). */
export interface LineQuestions {
  any(pattern: string): boolean;
  count(pattern: string): number;
}

/** What the evaluation in progress reads besides its context. */
export interface EvaluationScope {
  /** The capture time (or `--now`) deadlines are judged against. */
  now: string | null;
  /** The device's kept input lines, for `anyLine` and `countLines`. */
  lines: LineQuestions | null;
}

/** The scope of the evaluation in progress. Evaluation is synchronous, so one slot is enough. */
export const evaluationScope: EvaluationScope = { now: null, lines: null };

export class NullArgumentError extends Error {}

export function isoMillis(iso: unknown, what: string): number {
  if (iso === null || iso === undefined) throw new NullArgumentError(`${what}: the time is null (unknown); guard it with != null`);
  if (typeof iso !== 'string') throw new NullArgumentError(`${what}: expected an ISO time string, got ${typeof iso}`);
  const millis = Date.parse(iso);
  if (Number.isNaN(millis)) throw new NullArgumentError(`${what}: "${iso}" is not an ISO time`);
  return millis;
}

function nowMillis(what: string): number {
  if (evaluationScope.now === null) throw new NullArgumentError(`${what}: the capture time is unknown (use --now)`);
  return isoMillis(evaluationScope.now, what);
}

export function daysUntil(iso: unknown): number {
  return (isoMillis(iso, 'daysUntil') - nowMillis('daysUntil')) / DAY_MS;
}

export function daysSince(iso: unknown): number {
  return (nowMillis('daysSince') - isoMillis(iso, 'daysSince')) / DAY_MS;
}

export function hoursBetween(from: unknown, to: unknown): number {
  return (isoMillis(to, 'hoursBetween') - isoMillis(from, 'hoursBetween')) / HOUR_MS;
}

export function before(a: unknown, b: unknown): boolean {
  return isoMillis(a, 'before') < isoMillis(b, 'before');
}

/**
 * A release as comparable parts: NX-OS `10.3(4a)M` → [10, 3, 4, "a"], `9.3(5)` → [9, 3, 5, ""],
 * IOS-XE `17.9.4a` → [17, 9, 4, "a"]. The train letter after the parenthesis (F, M) does not order releases.
 */
export function releaseKey(version: string): [number, number, number, string] | null {
  const match = /(\d+)\.(\d+)(?:\((\d+)([a-z]*)\)|\.(\d+)([a-z]*))?/i.exec(version);
  if (!match) return null;
  const maintenance = match[3] ?? match[5] ?? '0';
  const rebuild = (match[4] ?? match[6] ?? '').toLowerCase();
  return [Number(match[1]), Number(match[2]), Number(maintenance), rebuild];
}

export function releaseBefore(version: unknown, reference: unknown): boolean {
  if (typeof version !== 'string' || typeof reference !== 'string') return false;
  const a = releaseKey(version);
  const b = releaseKey(reference);
  if (!a || !b) return false;
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return (a[i] as number) < (b[i] as number);
  const [ra, rb] = [a[3], b[3]];
  if (ra === rb) return false;
  return ra.length !== rb.length ? ra.length < rb.length : ra < rb;
}

function parseUrl(url: unknown): URL | null {
  if (typeof url !== 'string' || url.trim() === '') return null;
  try {
    return new URL(url.trim());
  } catch {
    return null;
  }
}

function stripBrackets(host: string): string {
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
}

export function urlHost(url: unknown): string | null {
  const parsed = parseUrl(url);
  return parsed ? stripBrackets(parsed.hostname) || null : null;
}

const DEFAULT_PORTS: Record<string, number> = { 'http:': 80, 'https:': 443 };

export function urlPort(url: unknown): bigint | null {
  const parsed = parseUrl(url);
  if (!parsed) return null;
  if (parsed.port !== '') return BigInt(parsed.port);
  const fallback = DEFAULT_PORTS[parsed.protocol];
  return fallback === undefined ? null : BigInt(fallback);
}

export function urlPath(url: unknown): string | null {
  return parseUrl(url)?.pathname ?? null;
}

export function urlScheme(url: unknown): string | null {
  const parsed = parseUrl(url);
  return parsed ? parsed.protocol.replace(/:$/, '') : null;
}

export function isIpAddress(text: unknown): boolean {
  return typeof text === 'string' && isIP(stripBrackets(text.trim())) !== 0;
}

export function isIpv6(text: unknown): boolean {
  return typeof text === 'string' && isIP(stripBrackets(text.trim())) === 6;
}

/**
 * A JS RegExp with the same meaning as the (valid RE2) pattern, only when backtracking cannot blow up on it: no
 * quantified group, at most one unbounded quantifier and few optional ones, no RE2-only syntax. RE2JS is linear
 * but costs ~15 µs a match; most rule patterns are plain words, and the engine must run a pack in milliseconds.
 */
export function tameRegExp(pattern: string): RegExp | null {
  const flagPrefix = /^\(\?([is]+)\)/.exec(pattern);
  const flags = flagPrefix ? [...new Set(flagPrefix[1]!)].join('') : '';
  const body = flagPrefix ? pattern.slice(flagPrefix[0].length) : pattern;
  if (/\(\?|\\[pPzAQECx]|\{|\[\[:/.test(body)) return null;
  let unbounded = 0;
  let optional = 0;
  let inClass = false;
  for (let i = 0; i < body.length; i++) {
    const char = body[i]!;
    if (char === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (char === ']') inClass = false;
      continue;
    }
    if (char === '[') inClass = true;
    else if (char === '*' || char === '+' || char === '?') {
      const previous = body[i - 1];
      if (previous === ')') return null;
      if (char === '?' && (previous === '*' || previous === '+' || previous === '?')) continue; // lazy marker
      if (char === '?') optional++;
      else unbounded++;
    }
  }
  if (unbounded > 1 || unbounded + optional > 3) return null;
  try {
    return new RegExp(body, flags);
  } catch {
    return null;
  }
}

interface LineTest {
  test(text: string): boolean;
}

/**
 * The longest run of literal text that every match of the pattern contains, or null when there is none to be sure
 * of (alternation at the top level, inline flags after the start, `\Q…\E`). Only plain characters outside groups
 * and classes, not followed by a quantifier, count: a line without that text cannot match, whatever the rest says.
 */
export function requiredLiteral(pattern: string): { text: string; ignoreCase: boolean } | null {
  const flagPrefix = /^\(\?([a-zA-Z]+)\)/.exec(pattern);
  const body = flagPrefix ? pattern.slice(flagPrefix[0].length) : pattern;
  if (/\(\?[a-zA-Z<-]|\\Q/.test(body)) return null;
  // Characters at the top level, a null where a non-literal atom breaks the run.
  const atoms: (string | null)[] = [];
  let depth = 0;
  for (let i = 0; i < body.length; i++) {
    const char = body[i]!;
    if (char === '\\') {
      const next = body[++i];
      if (next === undefined) return null;
      if (depth === 0) atoms.push(/[A-Za-z0-9]/.test(next) ? null : next);
    } else if (char === '[') {
      i = classEnd(body, i);
      if (depth === 0) atoms.push(null);
    } else if (char === '(') {
      if (depth++ === 0) atoms.push(null);
    } else if (char === ')') {
      depth--;
    } else if (depth > 0) {
      continue;
    } else if (char === '|') {
      return null;
    } else if (char === '*' || char === '+' || char === '?' || char === '{') {
      // The quantified atom may be absent or repeated: it is not part of a run.
      atoms[atoms.length - 1] = null;
      if (char === '{') i = Math.max(i, body.indexOf('}', i));
      atoms.push(null);
    } else if (char === '.' || char === '^' || char === '$') {
      atoms.push(null);
    } else {
      atoms.push(char);
    }
  }
  let best = '';
  let run = '';
  for (const atom of [...atoms, null]) {
    if (atom !== null) run += atom;
    else {
      if (run.length > best.length) best = run;
      run = '';
    }
  }
  return best === '' ? null : { text: best, ignoreCase: flagPrefix?.[1]?.includes('i') ?? false };
}

/** The index of the `]` closing the class that opens at `start` (POSIX classes such as `[:alpha:]` inside). */
function classEnd(body: string, start: number): number {
  let i = start + 1;
  if (body[i] === '^') i++;
  if (body[i] === ']') i++;
  for (; i < body.length && body[i] !== ']'; i++) {
    if (body[i] === '\\') i++;
    else if (body[i] === '[' && body[i + 1] === ':') {
      const close = body.indexOf(':]', i + 2);
      if (close >= 0) i = close + 1;
    }
  }
  return i;
}

/** A quick test that rejects most lines a pattern cannot match, or null when the pattern offers none. */
export function literalFilter(pattern: string): ((text: string) => boolean) | null {
  const literal = requiredLiteral(pattern);
  if (!literal) return null;
  if (!literal.ignoreCase) return (text) => text.includes(literal.text);
  // Unicode case folding, as RE2's (?i): K matches the Kelvin sign too.
  const folded = new RegExp(literal.text.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&'), 'iu');
  return (text) => folded.test(text);
}

// Compiled patterns, shared by conditions and `lines:` evidence. Bounded so hostile input cannot grow it.
const patternCache = new Map<string, LineTest>();

export function compileRe2(pattern: string): LineTest {
  let compiled = patternCache.get(pattern);
  if (!compiled) {
    const re2 = RE2JS.compile(pattern); // validates with RE2 semantics even when the JS form is used
    const tame = tameRegExp(pattern);
    const full = tame ? (text: string) => tame.test(text) : (text: string) => re2.test(text);
    const filter = literalFilter(pattern);
    compiled = { test: filter ? (text) => filter(text) && full(text) : full };
    if (patternCache.size >= 1000) patternCache.clear();
    patternCache.set(pattern, compiled);
  }
  return compiled;
}

/** Linear-time replacement for CEL's `matches`, which cel-js implements with backtracking JS RegExp. */
export function re2Matches(text: string, pattern: string): boolean {
  return compileRe2(pattern).test(text);
}

/** null when the pattern is valid RE2, else the reason. */
export function re2Problem(pattern: string): string | null {
  try {
    RE2JS.compile(pattern);
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
