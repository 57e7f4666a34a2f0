// One device from many files (DESIGN.md "One device from many files"). The result never depends on the order the
// files were given in:
// - a value that describes the present comes from the newest capture that shows it, by each file's own capture
//   time (the time the file would have if analysed alone); within one file the more specific parser wins, and of two
//   alike the later printed (a session that ran a command again after a change: the later output is the present);
//   a block printed as one (`Transport:`, `Trust Code Installed:`, …: STATE_BLOCKS) comes whole from one file;
// - files with the same capture time, or none, are ordered by the parser's specificity, then by file path: a key
//   that is the same whatever the argument order (files without a capture time rank after every file with one);
// - histories (syslog, events, history, reachability, messages) merge in time order, each file's own order kept,
//   and one message seen in two files (same time and text) is kept once.
import type { SourceRef } from '../common/device.js';
import { STATE_BLOCKS } from '../common/paths.js';
import type { Fragment } from '../parsers/fragment.js';

/** What a file says about its own capture, read by building its part of the device alone. */
export interface FileCapture {
  file: string;
  captureTime: string | null;
  captureTimeSource: string | null;
  /** Where the capture time was read, when it was read from one line. */
  source: SourceRef | undefined;
  /** The host name as this file spells it. */
  hostname: string | null;
}

/** How files rank for the present: newest capture first. */
export interface FileOrder {
  readonly multiFile: boolean;
  /** 0 for the newest capture time; equal times share a rank; files without a capture time rank last. */
  timeRank(file: string): number;
  /** The file's place in path order, the tie-break that does not depend on the argument order. */
  pathRank(file: string): number;
  captureTimeOf(file: string): string | null;
  /** The newest capture (ties by path); null for a single file. */
  readonly newest: FileCapture | null;
}

/** Every value comes from one file: only the parsers' specificity and the order within the file decide. */
export const ONE_FILE: FileOrder = {
  multiFile: false,
  timeRank: () => 0,
  pathRank: () => 0,
  captureTimeOf: () => null,
  newest: null,
};

export function comparePaths(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function fileOrder(captures: FileCapture[]): FileOrder {
  const byPath = [...captures].sort((a, b) => comparePaths(a.file, b.file));
  const pathRanks = new Map(byPath.map((c, i) => [c.file, i]));
  const millis = (c: FileCapture) => (c.captureTime === null ? Number.NEGATIVE_INFINITY : Date.parse(c.captureTime));
  const newestFirst = [...byPath].sort((a, b) => millis(b) - millis(a) || pathRanks.get(a.file)! - pathRanks.get(b.file)!);
  const timeRanks = new Map<string, number>();
  let rank = -1;
  newestFirst.forEach((c, i) => {
    if (i === 0 || millis(c) !== millis(newestFirst[i - 1]!)) rank++;
    timeRanks.set(c.file, rank);
  });
  const times = new Map(captures.map((c) => [c.file, c.captureTime]));
  return {
    multiFile: true,
    timeRank: (file) => timeRanks.get(file) ?? rank + 1,
    pathRank: (file) => pathRanks.get(file) ?? byPath.length,
    captureTimeOf: (file) => times.get(file) ?? null,
    newest: newestFirst[0]!,
  };
}

/** One value or list for a model field, as a section gave it. `index` is the section's place in the device. */
export interface Offer {
  file: string;
  specificity: number;
  index: number;
}

/**
 * Negative when `a` describes the present better than `b`: newer capture, then more specific parser, then a known
 * value before "none", then file path, then printed later.
 */
export function compareScalarOffers(order: FileOrder, a: Offer & { known: boolean }, b: Offer & { known: boolean }): number {
  return rankScalarOffers(order, a, b) || b.index - a.index;
}

/** compareScalarOffers but for the place in the file: 0 for offers that only their place tells apart. */
export function rankScalarOffers(order: FileOrder, a: Offer & { known: boolean }, b: Offer & { known: boolean }): number {
  return (
    order.timeRank(a.file) - order.timeRank(b.file) ||
    b.specificity - a.specificity ||
    Number(b.known) - Number(a.known) ||
    order.pathRank(a.file) - order.pathRank(b.file)
  );
}

/** The same for a state list, which comes whole from one section: within a file the last such section wins. */
export function compareListOffers(order: FileOrder, a: Offer, b: Offer): number {
  return (
    order.timeRank(a.file) - order.timeRank(b.file) ||
    b.specificity - a.specificity ||
    order.pathRank(a.file) - order.pathRank(b.file) ||
    b.index - a.index
  );
}

/** Two offers equally good but for their file and place: when they disagree, that is a contradiction worth a note. */
export function samePresent(order: FileOrder, a: Offer, b: Offer): boolean {
  return order.timeRank(a.file) === order.timeRank(b.file) && a.specificity === b.specificity;
}

/** The state block a model path belongs to (`transport` for `transport.proxy.port`), or null. */
export function blockOf(path: string): string | null {
  const dot = path.indexOf('.');
  const head = dot < 0 ? path : path.slice(0, dot);
  return STATE_BLOCKS.includes(head) ? head : null;
}

/**
 * Of several files, the one each state block comes from: the file of the best offer of any of the block's fields
 * or lists. A field or list of the block that this file does not show stays unknown (empty), whatever older files say.
 */
export function blockSources(fragments: readonly Fragment[], order: FileOrder): Map<string, string> {
  const best = new Map<string, Offer & { known: boolean }>();
  const offer = (block: string | null, candidate: Offer & { known: boolean }) => {
    if (block === null) return;
    const current = best.get(block);
    if (!current || compareScalarOffers(order, candidate, current) < 0) best.set(block, candidate);
  };
  fragments.forEach((fragment, index) => {
    const base = { file: fragment.file, specificity: fragment.specificity, index };
    for (const [path, { value }] of fragment.scalars) offer(blockOf(path), { ...base, known: value !== null });
    for (const path of fragment.lists.keys()) offer(blockOf(path), { ...base, known: true });
  });
  return new Map([...best].map(([block, winner]) => [block, winner.file]));
}

/** A log list as one section gave it: items with the line each was read from. */
export interface LogHolder {
  file: string;
  items: readonly unknown[];
  lines: readonly number[];
}

export interface MergedLog {
  items: unknown[];
  refs: SourceRef[];
}

/** The log items of one file's sections in line order, a line read by two sections kept once. */
export function inLineOrder(holders: readonly LogHolder[]): MergedLog {
  const seen = new Set<string>();
  const items: unknown[] = [];
  const refs: SourceRef[] = [];
  for (const holder of holders)
    holder.items.forEach((item, i) => {
      const line = holder.lines[i]!;
      const key = `${holder.file}:${line}`;
      if (seen.has(key)) return;
      seen.add(key);
      items.push(item);
      refs.push({ file: holder.file, line });
    });
  const order = items.map((_, i) => i).sort((a, b) => comparePaths(refs[a]!.file, refs[b]!.file) || refs[a]!.line - refs[b]!.line);
  return { items: order.map((i) => items[i]), refs: order.map((i) => refs[i]!) };
}

/** The time of a log item (a year-less stamp already given its year), or null when it has none. */
export type TimeOf = (item: unknown, file: string) => string | null;

/**
 * The log items of several files in time order. Each file's items keep their order (an item without a time stays
 * after its file's previous one; leading ones go with the file's first time; a file with no time at all follows
 * the timed ones); files are interleaved by time, equal times by path. An item with a time that an earlier file
 * already gave (same time and content; the file, line and host name do not count) is dropped, as many times as
 * that file gave it.
 */
export function mergeLogs(holders: readonly LogHolder[], order: FileOrder, timeOf: TimeOf): MergedLog {
  const files = [...new Set(holders.map((h) => h.file))].sort((a, b) => order.pathRank(a) - order.pathRank(b));
  const streams = files.map((file) => {
    const log = inLineOrder(holders.filter((h) => h.file === file));
    const times = log.items.map((item) => timeOf(item, file));
    return { file, log, times, effective: effectiveTimes(times), next: 0 };
  });
  const kept = new Map<string, number>();
  const seenInFile = new Map<string, number>();
  const merged: MergedLog = { items: [], refs: [] };
  for (;;) {
    let pick: (typeof streams)[number] | null = null;
    for (const stream of streams) {
      if (stream.next === stream.log.items.length) continue;
      if (pick === null || stream.effective[stream.next]! < pick.effective[pick.next]!) pick = stream;
    }
    if (pick === null) return merged;
    const i = pick.next++;
    const item = pick.log.items[i];
    const time = pick.times[i]!;
    if (time !== null) {
      const key = `${time}\u0000${contentKey(item)}`;
      const occurrence = seenInFile.get(`${pick.file}\u0000${key}`) ?? 0;
      seenInFile.set(`${pick.file}\u0000${key}`, occurrence + 1);
      const already = kept.get(key) ?? 0;
      if (occurrence < already) continue;
      kept.set(key, already + 1);
    }
    merged.items.push(item);
    merged.refs.push(pick.log.refs[i]!);
  }
}

function effectiveTimes(times: readonly (string | null)[]): number[] {
  const millis = times.map((t) => (t === null ? Number.NaN : Date.parse(t)));
  const first = millis.find((t) => !Number.isNaN(t)) ?? Number.POSITIVE_INFINITY;
  let last = first;
  return millis.map((t) => (Number.isNaN(t) ? last : (last = t)));
}

/** What makes two log items the same message, apart from where they were read and the host name a relay printed. */
function contentKey(item: unknown): string {
  const { line: _line, file: _file, host: _host, time: _time, yearInferred: _yearInferred, ...content } = item as Record<string, unknown>;
  return JSON.stringify(content);
}
