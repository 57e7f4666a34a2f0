// Samples taken from the source documents (../shared/seeds) keep Cisco's layout but never Cisco's values: the lab's
// serials, host names, accounts, tokens and times stay in the documents. This compares a sample of ours with the
// document window it cites by layout alone (values masked on both sides), and names the values a document holds
// that must never appear in the repository.

/** A seed line as text: HTML cells and markdown emphasis removed, entities decoded; indentation kept. */
function unmarked(line: string): string {
  return line
    .replace(/<hr\s*\/?>/g, ' ---- ')
    .replace(/<\/?(b|p|pre|i|hr|code|ul|li|br|table|thead|tbody|tr|th|td|a)\b[^>]*>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\*\*/g, '')
    .replace(/^#{1,6} /, '')
    .replace(/\\_/g, '_')
    .trimEnd();
}

// A document may break a line between the time and its year.
const TIME = /\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) +\d{1,2} \d\d:\d\d:\d\d\s+\d{4}\b/g;
const SERIAL = /\b[A-Z]{3}\d{4}[A-Z0-9]{4}\b/g;
const REPORT_ID = /\b\d{10,}\b/g;
const DURATION = /\b\d+ days, \d+ hours, \d+ minutes, \d+ seconds\b/g;
// A name runs to the end of the line, or to the wide gap before the next field where a document ran fields together.
const NAMED = /\b((?:Smart|Virtual) Account|VRF): (\S.*?)(?=\s{2,}|\s*$)/g;
/** Values that say "nothing" or "the default": the same in every capture, so not Cisco's. */
const PLACEHOLDER = /^(?:<[^>]*>|Default|None)$/;

/** The text with every value replaced by its kind: what is left is the layout. */
export function masked(text: string): string {
  return text
    .replace(TIME, '‹time›')
    .replace(SERIAL, '‹serial›')
    .replace(DURATION, '‹duration›')
    .replace(REPORT_ID, '‹id›')
    // An underline's length is the document's typesetting (and an HTML rule is a dashed line in a capture).
    .replace(/(^|\s)(?:-{3,}|={3,})(?=\s|$)/g, '$1‹rule›')
    .replace(NAMED, (_, label: string) => `${label}: ‹name›`);
}

/** The values in a line that would identify where it was captured (times, serials, durations, report ids, names). */
export function identifyingValues(line: string): string[] {
  const values = [TIME, SERIAL, DURATION, REPORT_ID].flatMap((pattern) => [...line.matchAll(pattern)].map((m) => m[0]));
  for (const m of line.matchAll(NAMED)) if (!PLACEHOLDER.test(m[2]!)) values.push(m[2]!);
  return values;
}

const squeeze = (text: string): string => text.replace(/\s+/g, ' ').trim();

export interface SeedWindow {
  /** The window as one line of words, values masked. */
  layout: string;
  /** The window as one line of words, values kept. */
  words: string;
  /** Where each line of the window that stands on its own (not flattened into a table cell) starts in `layout`. */
  ownLines: Map<number, { indent: number }>;
}

/** The lines `from`..`to` of a seed document, read for comparison. */
export function seedWindow(seedLines: string[], from: number, to: number): SeedWindow {
  let layout = '';
  let words = '';
  const ownLines = new Map<number, { indent: number }>();
  for (const raw of seedLines.slice(Math.max(0, from), to)) {
    const line = unmarked(raw);
    const text = squeeze(masked(line));
    if (text === '') continue;
    if (layout !== '') layout += ' ';
    // A line holding HTML was a table cell the document flattened; its indentation says nothing.
    if (!/<\/?(p|pre|td|th)\b/.test(raw)) ownLines.set(layout.length, { indent: line.length - line.trimStart().length });
    layout += text;
    words += ` ${squeeze(line)}`;
  }
  return { layout, words: words.trim(), ownLines };
}

/**
 * How a sample of ours departs from the seed window's layout, one message per line that does: each line, values
 * masked, must be found in the window after the line before it (as a whole, or, where the document split it across
 * cells, as its words in order); where the document prints the line on its own and indented, ours has the same
 * indentation (a line the document shows at column 0 may have been flattened by it, so ours may restore the
 * device's indentation).
 */
export function layoutDepartures(window: SeedWindow, lines: string[]): string[] {
  const departures: string[] = [];
  let from = 0;
  lines.forEach((line, index) => {
    const wanted = squeeze(masked(line));
    if (wanted === '') return;
    const at = window.layout.indexOf(wanted, from);
    if (at >= 0) {
      const own = window.ownLines.get(at);
      const indent = line.length - line.trimStart().length;
      if (own && own.indent > 0 && own.indent !== indent) departures.push(`${index + 1}: indented ${indent}, the document ${own.indent}: ${line}`);
      from = at + wanted.length;
      return;
    }
    let wordAt = from;
    for (const word of wanted.split(' ')) {
      const found = window.layout.indexOf(word, wordAt);
      if (found < 0) {
        departures.push(`${index + 1}: not in the document's layout after the line before: ${line}`);
        return;
      }
      wordAt = found + word.length;
    }
    from = wordAt;
  });
  return departures;
}

/** `value` in `text` as a whole word (not `infra` inside `infrastructure`). */
export function containsWord(text: string, value: string): boolean {
  const escaped = value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![\\w-])${escaped}(?![\\w-])`).test(text);
}

/** Values of the sample that the seed window prints too: a copy of Cisco's lab values. */
export function copiedValues(window: SeedWindow, lines: string[]): string[] {
  return lines.flatMap((line, index) =>
    identifyingValues(line)
      .filter((value) => containsWord(window.words, squeeze(value)))
      .map((value) => `${index + 1}: ${value}`),
  );
}

// The documents' lab values, by the few shapes they take there.
const LAB_VALUES: RegExp[] = [
  SERIAL,
  /"udi_serial_number":"\s*(\w+)"/g,
  /^(?:\s*<[^>]+>)*\s*([A-Za-z]\w*-[\w-]+)(?:\([\w-]+\))?#/gm, // a host name in a prompt (not Device#, switch#)
  /^[A-Z][a-z]{2} +\d+ [\d:]{8} ([a-z][\w-]+) /gm, // the host of a syslog line
  /(?:Smart|Virtual) Account: ([^<\n]+?)(?= {2,}|<|\s*$)/gm,
  /<(?:smartAccount|virtualAccount|smartAccountDomain)>([^<]+)</g,
  /idtoken ([A-Za-z0-9+/=]{12,})/g,
  /report_id"?:(\d{9,})/g,
  /^(\d{10,})\t/gm, // a usage report id in a tabbed table
  /"product_instance_identifi?er":"([^"]+)"/g,
];

/** Serial numbers, host names, account names, tokens, report and instance ids printed in a source document. */
export function labValues(seedText: string): string[] {
  const values = new Set<string>();
  for (const pattern of LAB_VALUES) {
    for (const m of seedText.matchAll(pattern)) {
      const value = (m[1] ?? m[0]).trim();
      if (value.length >= 5 && !PLACEHOLDER.test(value)) values.add(value);
    }
  }
  return [...values].sort();
}
