// Every function and method a rule expression can call, in one table: its parameters and what lint accepts for
// each, the type of its result, the implementation (for the functions slp-doctor adds to CEL) and the line the
// rule-format reference prints. condition.ts registers the implementations from it, static-check.ts checks calls
// against it, and docs/RULE-FORMAT.md is generated from it, so the three cannot disagree.
import type { Shape } from './model-schema.js';
import { anyLine, countLines } from './device-lines.js';
import {
  before,
  daysSince,
  daysUntil,
  hoursBetween,
  isIpAddress,
  isIpv6,
  releaseBefore,
  urlHost,
  urlPath,
  urlPort,
  urlScheme,
} from './functions.js';

/** What a value is, as far as lint can tell: the scalar types, and lists, maps and objects. */
export type ValueKind = 'string' | 'int' | 'double' | 'bool' | 'list' | 'map' | 'object';

export interface Parameter {
  name: string;
  /** The kinds lint accepts; null accepts anything. A value whose kind is unknown is never refused. */
  accepts: readonly ValueKind[] | null;
  /** Also accepts a literal null (`orElse(x, null)`); otherwise a literal null is refused. */
  nullable?: boolean;
  /** An RE2 pattern: lint compiles a literal one; `literal` patterns must be written as a string literal. */
  re2?: 'literal' | 'any';
  /** A string literal here must read as a number (`int("30")`). */
  numericText?: boolean;
  /** May be left out. */
  optional?: boolean;
}

export interface CelFunction {
  name: string;
  /** For a method, the kinds of value it is called on (`text.contains(part)`); absent for a function. */
  receiver?: readonly ValueKind[];
  params: readonly Parameter[];
  /** Its arguments must be of one type (`orElse(port, 8080)`, not `orElse(port, "8080")`). */
  sameKind?: boolean;
  /** The result's shape; a function of the arguments' shapes when it depends on them; null when unknown. */
  result: Shape | null | ((args: readonly (Shape | null)[]) => Shape | null);
  /** The implementation slp-doctor registers with cel-js; absent for CEL's own functions. */
  implementation?: (...args: never[]) => unknown;
  /** One sentence for the rule-format reference. */
  doc: string;
  /** A call as a rule writes it. */
  example: string;
}

const scalar = (type: 'string' | 'int' | 'double' | 'bool', nullable = false): Shape => ({ kind: 'scalar', type, nullable });
const BOOL = scalar('bool');
const INT = scalar('int');
const DOUBLE = scalar('double');
const STRING = scalar('string');

const TEXT: readonly ValueKind[] = ['string'];
const param = (name: string, accepts: readonly ValueKind[] | null, extra: Partial<Parameter> = {}): Parameter => ({ name, accepts, ...extra });
const time = (name = 'time'): Parameter => param(name, TEXT);
const pattern = (literal = false): Parameter => param('pattern', TEXT, { re2: literal ? 'literal' : 'any' });

/** The functions slp-doctor adds to CEL. */
export const SLP_FUNCTIONS: readonly CelFunction[] = [
  {
    name: 'daysUntil',
    params: [time()],
    result: DOUBLE,
    implementation: daysUntil,
    doc: 'Days from the capture time (or `--now`) to an ISO time; negative when it has passed. An error when the time is null.',
    example: 'daysUntil(usageReporting.nextAckDeadline) < 30',
  },
  {
    name: 'daysSince',
    params: [time()],
    result: DOUBLE,
    implementation: daysSince,
    doc: 'Days from an ISO time to the capture time (or `--now`). An error when the time is null.',
    example: 'daysSince(usageReporting.lastReportPush) > 1',
  },
  {
    name: 'hoursBetween',
    params: [time('from'), time('to')],
    result: DOUBLE,
    implementation: hoursBetween,
    doc: 'Hours from the first ISO time to the second. An error when either is null.',
    example: 'hoursBetween(usageReporting.lastReportPush, usageReporting.lastAckReceived) > 24',
  },
  {
    name: 'before',
    params: [time('a'), time('b')],
    result: BOOL,
    implementation: before,
    doc: 'Whether the first ISO time is earlier than the second. An error when either is null.',
    example: 'before(usageReporting.lastAckReceived, usageReporting.lastReportPush)',
  },
  {
    name: 'orElse',
    params: [param('value', null, { nullable: true }), param('fallback', null, { nullable: true })],
    sameKind: true,
    // The fallback stands in for a null value: the result is the value's type, no longer null.
    result: ([value, fallback]) => {
      const shape = value ?? fallback ?? null;
      return shape?.kind === 'scalar' ? { ...shape, nullable: false } : shape;
    },
    implementation: (value: unknown, fallback: unknown) => value ?? fallback,
    doc: 'The value, or the fallback when the value is null.',
    example: 'orElse(transport.csluAddress, "cslu-local")',
  },
  {
    name: 'releaseBefore',
    params: [param('version', TEXT), param('reference', TEXT)],
    result: BOOL,
    implementation: releaseBefore,
    doc: 'Whether a software release is older than a reference release: NX-OS `10.3(4a)M` and IOS-XE `17.9.4a` forms; false when either is null or unreadable.',
    example: 'releaseBefore(softwareVersion, "10.3(2)F")',
  },
  {
    name: 'urlHost',
    params: [param('url', TEXT)],
    result: scalar('string', true),
    implementation: urlHost,
    doc: 'The host of a URL (an IPv6 address without its brackets); null when the URL is null or unreadable.',
    example: 'urlHost(transport.url) == "cslu-local"',
  },
  {
    name: 'urlPort',
    params: [param('url', TEXT)],
    result: scalar('int', true),
    implementation: urlPort,
    doc: "The port of a URL, or its scheme's default (80, 443); null when the URL is null or unreadable.",
    example: 'urlPort(transport.url) != 8182',
  },
  {
    name: 'urlPath',
    params: [param('url', TEXT)],
    result: scalar('string', true),
    implementation: urlPath,
    doc: 'The path of a URL; null when the URL is null or unreadable.',
    example: 'urlPath(transport.url).startsWith("/cslu/v1/pi")',
  },
  {
    name: 'urlScheme',
    params: [param('url', TEXT)],
    result: scalar('string', true),
    implementation: urlScheme,
    doc: 'The scheme of a URL without the colon (`http`, `https`); null when the URL is null or unreadable.',
    example: 'urlScheme(transport.url) == "http"',
  },
  {
    name: 'isIpAddress',
    params: [param('text', TEXT)],
    result: BOOL,
    implementation: isIpAddress,
    doc: 'Whether the text is an IPv4 or IPv6 address (brackets allowed); false for null.',
    example: 'isIpAddress(urlHost(transport.url))',
  },
  {
    name: 'isIpv6',
    params: [param('text', TEXT)],
    result: BOOL,
    implementation: isIpv6,
    doc: 'Whether the text is an IPv6 address (brackets allowed); false for null.',
    example: 'isIpv6(urlHost(transport.url))',
  },
  {
    name: 'anyLine',
    params: [pattern(true)],
    result: BOOL,
    implementation: anyLine,
    doc: "Whether a line slp-doctor kept of the device's input (the lines of the sections it reads) matches the RE2 pattern, a string literal. For site facts the model does not hold.",
    example: 'anyLine("^license smart transport callhome$")',
  },
  {
    name: 'countLines',
    params: [pattern(true)],
    result: INT,
    implementation: countLines,
    doc: "How many lines slp-doctor kept of the device's input match the RE2 pattern, a string literal.",
    example: 'countLines("^ *Reporting push: .*FAILED") >= 3',
  },
];

/** CEL's own functions and methods that rules use (cel-js implements them). `matches` is run by RE2 (condition.ts). */
export const CEL_FUNCTIONS: readonly CelFunction[] = [
  {
    name: 'size',
    params: [param('value', ['string', 'list', 'map'])],
    result: INT,
    doc: 'The number of items of a list or map, or of characters of a string.',
    example: 'size(licenses) == 0',
  },
  {
    name: 'has',
    params: [param('field', null)],
    result: BOOL,
    doc: 'Whether a dictionary has the key (`has(e.attrs.count)` for event attributes); model fields always exist, so compare them with null instead.',
    example: 'events.exists(e, has(e.attrs.count))',
  },
  {
    name: 'int',
    params: [param('value', ['int', 'double', 'string'], { numericText: true })],
    result: INT,
    doc: 'A number, or text holding a whole number, as an int. An error when the text is not a number.',
    example: 'events.exists(e, has(e.attrs.count) && int(e.attrs.count) > 0)',
  },
  {
    name: 'double',
    params: [param('value', ['int', 'double', 'string'], { numericText: true })],
    result: DOUBLE,
    doc: 'A number, or text holding a number, as a double (CEL does not mix int and double in arithmetic).',
    example: 'double(usageReporting.reportingPushIntervalDays) * 1.5',
  },
  {
    name: 'string',
    params: [param('value', ['string', 'int', 'double', 'bool'])],
    result: STRING,
    doc: 'A value as text.',
    example: 'string(transport.proxy.port)',
  },
  {
    name: 'bool',
    params: [param('value', ['bool', 'string'])],
    result: BOOL,
    doc: 'Text `true` or `false` as a bool.',
    example: 'events.exists(e, has(e.attrs.enabled) && bool(e.attrs.enabled))',
  },
  {
    name: 'matches',
    params: [param('text', TEXT), pattern()],
    result: BOOL,
    doc: 'Whether the text contains a match of the RE2 pattern (no look-around, no back-references; linear time).',
    example: 'syslog.exists(m, matches(m.text, "(?i)resolve server hostname"))',
  },
  {
    name: 'dyn',
    params: [param('value', null, { nullable: true })],
    result: null,
    doc: "The value, with its type left to evaluation time (CEL's escape hatch; rarely needed).",
    example: 'events.exists(e, dyn(e.attrs.count) == "0")',
  },
];

const method = (name: string, params: readonly Parameter[], result: Shape, doc: string, example: string, receiver: readonly ValueKind[] = TEXT): CelFunction => ({
  name,
  receiver,
  params,
  result,
  doc,
  example,
});

/** CEL's methods on strings and lists that rules use. */
export const CEL_METHODS: readonly CelFunction[] = [
  method('contains', [param('part', TEXT)], BOOL, 'Whether the text contains the part.', 'syslog.exists(m, m.text.contains("Unable to connect"))'),
  method('startsWith', [param('prefix', TEXT)], BOOL, 'Whether the text starts with the prefix.', 'transport.url.startsWith("https://")'),
  method('endsWith', [param('suffix', TEXT)], BOOL, 'Whether the text ends with the suffix.', 'syslog.exists(m, m.mnemonic.endsWith("COMM_FAILED"))'),
  method('matches', [pattern()], BOOL, 'Whether the text contains a match of the RE2 pattern.', 'syslog.exists(m, m.text.matches("(?i)resolve server hostname"))'),
  method('lowerAscii', [], STRING, 'The text in lower case (ASCII letters).', 'hostname.lowerAscii() == "leaf-101"'),
  method('upperAscii', [], STRING, 'The text in upper case (ASCII letters).', 'licenses.exists(l, l.status.upperAscii() == "IN USE")'),
  method('trim', [], STRING, 'The text without leading and trailing white space.', 'syslog.exists(m, m.text.trim() != "")'),
  method('substring', [param('start', ['int']), param('end', ['int'], { optional: true })], STRING, 'The text from `start` (counted from 0) to `end` (exclusive; `end` may be left out).', 'softwareVersion.substring(0, 2) == "17"'),
  method('indexOf', [param('part', TEXT)], INT, 'Where the part first starts in the text, from 0; -1 when absent.', 'syslog.exists(m, m.text.indexOf(":") > 0)'),
  method('lastIndexOf', [param('part', TEXT)], INT, 'Where the part last starts in the text, from 0; -1 when absent.', 'transport.url.lastIndexOf("/") > 8'),
  method('split', [param('separator', TEXT)], { kind: 'list', item: STRING }, 'The text cut at each separator.', 'size(transport.url.split("/")) > 4'),
  method('size', [], INT, 'The number of characters of the text, or items of the list.', 'hostname.size() > 30', ['string', 'list', 'map']),
  method('join', [param('separator', TEXT)], STRING, 'The strings of a list joined with the separator.', 'config.vrfs.join(",")', ['list']),
];

const byName = (table: readonly CelFunction[]): ReadonlyMap<string, CelFunction> => new Map(table.map((entry) => [entry.name, entry]));

export const FUNCTIONS_BY_NAME = byName([...CEL_FUNCTIONS, ...SLP_FUNCTIONS]);
export const METHODS_BY_NAME = byName(CEL_METHODS);

/**
 * The declaration cel-js registers for a function slp-doctor adds: every parameter `dyn` (the model's nullable
 * values are `dyn`, and the implementation judges the value), the result's CEL type.
 */
export function celSignature(entry: CelFunction): string {
  return `${entry.name}(${entry.params.map(() => 'dyn').join(', ')}): ${celResultType(entry)}`;
}

/** The CEL type of a result: a scalar that is never null has its own type, anything else is `dyn`. */
function celResultType(entry: CelFunction): string {
  return typeof entry.result === 'function' || !entry.result ? 'dyn' : entry.result.kind === 'scalar' && !entry.result.nullable ? entry.result.type : 'dyn';
}

/**
 * The declaration of one of CEL's own functions that slp-doctor runs under another name (`matches`, by RE2:
 * condition.ts), typed as the table gives it: a parameter of one scalar kind is that CEL type, any other `dyn`.
 */
export function typedCelSignature(entry: CelFunction, name: string): string {
  const type = (kinds: readonly ValueKind[] | null): string => (kinds?.length === 1 && ['string', 'int', 'double', 'bool'].includes(kinds[0]!) ? kinds[0]! : 'dyn');
  const receiver = entry.receiver ? `${type(entry.receiver)}.` : '';
  return `${receiver}${name}(${entry.params.map((p) => type(p.accepts)).join(', ')}): ${celResultType(entry)}`;
}

/** How a call reads in the reference: `daysUntil(time)`, `text.contains(part)`. */
export function callForm(entry: CelFunction): string {
  const args = entry.params.map((p) => p.name).join(', ');
  return entry.receiver ? `${entry.receiver.includes('string') ? 'text' : 'list'}.${entry.name}(${args})` : `${entry.name}(${args})`;
}
