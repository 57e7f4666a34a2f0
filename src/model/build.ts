// Merges the fragments of every section into one DeviceModel per device. A device is a host: sections name their
// host (prompt, syslog host field); sections that do not are given to the single host of their file, or to a
// device named after the file. When two sections of one file give the same field, the more specific parser wins, and
// of two alike the later printed; two alike that disagree also get a diagnostic. Between files of one device the
// newest capture wins (merge-files.ts), so the order of the files never matters.
import type { DeviceModel, Platform, SyslogMessage } from '../common/device.js';
import { LOG_LISTS, NAME_LISTS, type ListPath, type ScalarPath } from '../common/paths.js';
import { devicePlatform } from '../common/platform.js';
import { formatIso, inferYear } from '../common/time.js';
import type { IngestResult, RawSection } from '../ingest/types.js';
import type { CommandParser, Fragment, Scalar } from '../parsers/fragment.js';
import { parserFor } from '../parsers/registry.js';
import { deriveFacts, deriveFleetFacts } from './derive.js';
import { LAZY_BLOCKS, emptyDevice } from './empty.js';
import { showsLicensing, noLicensingOutput } from './licensing-output.js';
import {
  ONE_FILE,
  blockOf,
  blockSources,
  compareListOffers,
  comparePaths,
  compareScalarOffers,
  fileOrder,
  rankScalarOffers,
  inLineOrder,
  mergeLogs,
  samePresent,
  type FileCapture,
  type FileOrder,
} from './merge-files.js';
import type { InputError } from '../ingest/types.js';

export interface BuildOptions {
  /** Overrides the capture time for everything judged against it (`--now`). */
  now?: string;
}

interface DeviceGroup {
  key: string;
  hostname: string | null;
  files: string[];
  sections: { section: RawSection; parser: string | null; fragment: Fragment | null }[];
  ingestDiagnostics: { file: string; line: number; message: string }[];
}

/**
 * Parse a section with its registered parser. A parser that throws (it should not) costs its section only. A section of
 * blank lines (a show-tech can hold thousands of empty logs) gives a parser that says it reads nothing there no work.
 */
function parseSection(section: RawSection, parser: CommandParser | undefined): Fragment | null {
  if (!parser || (parser.emptyWhenBlank && section.lines.every((line) => line.text === ''))) return null;
  try {
    return parser.parse(section);
  } catch (error) {
    const line = section.headerLine ?? section.lines[0]?.n ?? 0;
    return {
      parser: parser.id,
      command: section.command,
      file: section.file,
      hostname: section.hostname,
      specificity: 0,
      scalars: new Map(),
      lists: new Map(),
      diagnostics: [{ line, message: `${parser.id} parser failed on this section: ${String(error)}` }],
      startLine: line,
      endLine: section.lines[section.lines.length - 1]?.n ?? line,
    };
  }
}

export interface BuiltModel {
  /** Every device with licensing output, in an order that does not depend on the order of the inputs. */
  devices: DeviceModel[];
  /** One refusal per input whose every device lacks licensing output (licensing-output.ts), in input order. */
  refused: InputError[];
}

export function buildDevices(inputs: IngestResult[], options: BuildOptions = {}): DeviceModel[] {
  return buildModel(inputs, options).devices;
}

export function buildModel(inputs: IngestResult[], options: BuildOptions = {}): BuiltModel {
  const groups = inStableOrder(groupByDevice(inputs));
  // Judged per device: a file that only adds context (a bare show version) to a host with licensing output counts.
  const licensed = new Set<string>();
  for (const group of groups) {
    if (!group.sections.some((s) => s.fragment !== null && showsLicensing(s.fragment))) continue;
    for (const file of group.files) licensed.add(file);
  }
  const refused = inputs.filter((input) => !licensed.has(input.file)).map((input) => noLicensingOutput(input.file));
  const devices = groups.filter((group) => group.files.some((file) => licensed.has(file))).map((group) => buildDevice(group, options));
  deriveFleetFacts(devices);
  return { devices, refused };
}

/** Devices in the order their first file (by path) names them: the same whatever the order of the inputs. */
function inStableOrder(groups: DeviceGroup[]): DeviceGroup[] {
  const keyed = groups.map((group) => {
    const file = group.files.reduce((x, y) => (comparePaths(x, y) <= 0 ? x : y));
    const section = group.sections.find((s) => s.section.file === file)?.section;
    return { group, file, line: section ? sectionStart(section) : 0 };
  });
  keyed.sort((x, y) => comparePaths(x.file, y.file) || x.line - y.line);
  return keyed.map((k) => k.group);
}

function sectionStart(section: RawSection): number {
  return section.headerLine ?? section.lines[0]?.n ?? 0;
}

function groupByDevice(inputs: IngestResult[]): DeviceGroup[] {
  const groups = new Map<string, DeviceGroup>();
  const groupFor = (key: string, hostname: string | null): DeviceGroup => {
    let group = groups.get(key);
    if (!group) {
      group = { key, hostname, files: [], sections: [], ingestDiagnostics: [] };
      groups.set(key, group);
    }
    return group;
  };
  // Consecutive sections nearly always name the same host: look its group up once.
  let lastHost: string | null | undefined;
  let lastGroup: DeviceGroup | null = null;
  for (const input of inputs) {
    const namedHosts = new Set<string>();
    for (const section of input.sections) if (section.hostname) namedHosts.add(section.hostname.toLowerCase());
    const fileHost =
      input.hostname ?? (namedHosts.size === 1 ? input.sections.find((s) => s.hostname)!.hostname : null);
    const touched: DeviceGroup[] = [];
    for (const section of input.sections) {
      const host = section.hostname ?? fileHost;
      const group: DeviceGroup =
        host !== null && host === lastHost && lastGroup ? lastGroup : host ? groupFor(`host:${host.toLowerCase()}`, host) : groupFor(`file:${input.file}`, null);
      lastHost = host;
      lastGroup = group;
      const parser = parserFor(section.command);
      group.sections.push({ section, parser: parser?.id ?? null, fragment: parseSection(section, parser) });
      if (!group.files.includes(input.file)) group.files.push(input.file);
      if (!touched.includes(group)) touched.push(group);
    }
    // File-level diagnostics belong to the file's first device (a file with no section still yields a device).
    const owner = touched[0] ?? groupFor(fileHost ? `host:${fileHost.toLowerCase()}` : `file:${input.file}`, fileHost);
    if (!owner.files.includes(input.file)) owner.files.push(input.file);
    owner.ingestDiagnostics.push(...input.diagnostics);
  }
  return [...groups.values()];
}

function buildDevice(group: DeviceGroup, options: BuildOptions): DeviceModel {
  const order = group.files.length > 1 ? orderFiles(group, options) : ONE_FILE;
  const device = emptyDevice();
  device.files = group.files;
  const fragments = group.sections.map((s) => s.fragment).filter((f): f is Fragment => f !== null);

  for (const { section, parser } of group.sections) {
    const startLine = sectionStart(section);
    const endLine = section.lines[section.lines.length - 1]?.n ?? startLine;
    device.sections.push({ command: section.command, startLine, endLine, parser, file: section.file });
  }
  device.sections.sort((a, b) => compareSource(a.file, a.startLine, b.file, b.startLine));
  for (const d of group.ingestDiagnostics) device.diagnostics.push({ line: d.line, message: d.message, file: d.file });
  for (const fragment of fragments)
    for (const d of fragment.diagnostics) device.diagnostics.push({ line: d.line, message: d.message, file: fragment.file });

  const blocks = order.multiFile ? blockSources(fragments, order) : NO_BLOCKS;
  mergeScalars(device, fragments, order, blocks);
  mergeLists(device, fragments, order, blocks);

  if (device.hostname === null) device.hostname = order.newest?.hostname ?? group.hostname;
  device.platform = decidePlatform(group, device);
  resolveCaptureTime(device, fragments);
  adoptNewestCapture(device, order);
  anchorYearlessSyslog(device, order);
  device.diagnostics.sort((a, b) => compareSource(a.file, a.line, b.file, b.line));
  device.derived = deriveFacts(device, options.now ?? device.captureTime);
  return device;
}

/**
 * The files of a device, newest capture first. Each file's capture time is the one its part of the device has
 * alone (whatever resolveCaptureTime reads). The sections are put in file-path order first, so that everything
 * merged after this sees the same sequence whatever the order of the inputs.
 */
function orderFiles(group: DeviceGroup, options: BuildOptions): FileOrder {
  group.files.sort(comparePaths);
  group.sections.sort((a, b) => comparePaths(a.section.file, b.section.file));
  const captures = group.files.map((file): FileCapture => {
    const sections = group.sections.filter((s) => s.section.file === file);
    const hostname = sections.find((s) => s.section.hostname !== null)?.section.hostname ?? group.hostname;
    const alone = buildDevice(
      { key: group.key, hostname, files: [file], sections, ingestDiagnostics: group.ingestDiagnostics.filter((d) => d.file === file) },
      options,
    );
    return { file, captureTime: alone.captureTime, captureTimeSource: alone.captureTimeSource, source: alone.sources.captureTime, hostname: alone.hostname };
  });
  return fileOrder(captures);
}

/** Of several files, the newest capture's time is the device's: the present is judged as of then. */
function adoptNewestCapture(device: DeviceModel, order: FileOrder): void {
  const newest = order.newest;
  if (newest?.captureTime == null) return;
  device.captureTime = newest.captureTime;
  device.captureTimeSource = newest.captureTimeSource;
  if (newest.source) device.sources.captureTime = newest.source;
  else delete device.sources.captureTime;
}

function compareSource(fileA: string, lineA: number, fileB: string, lineB: number): number {
  return fileA === fileB ? lineA - lineB : fileA < fileB ? -1 : 1;
}

/** Model paths split at their dots, once per path rather than once per value set. */
const pathParts = new Map<string, string[]>();
function partsOf(path: string): string[] {
  let parts = pathParts.get(path);
  if (!parts) {
    parts = path.split('.');
    pathParts.set(path, parts);
  }
  return parts;
}

function containerFor(device: DeviceModel, path: string, create: boolean): Record<string, unknown> | null {
  const parts = partsOf(path);
  let node = device as unknown as Record<string, unknown>;
  for (let i = 0; i < parts.length - 1; i++) {
    const key = parts[i]!;
    let next = node[key];
    if (next === null || next === undefined) {
      const lazy = LAZY_BLOCKS.get(parts.slice(0, i + 1).join('.'));
      if (!lazy || !create) return null;
      next = lazy();
      node[key] = next;
    }
    node = next as Record<string, unknown>;
  }
  return node;
}

function setPath(device: DeviceModel, path: string, value: unknown): void {
  const container = containerFor(device, path, true);
  if (container) container[partsOf(path).at(-1)!] = value;
}

interface Candidate {
  value: Scalar;
  line: number;
  fragment: Fragment;
  file: string;
  specificity: number;
  known: boolean;
  /** The section's place among the device's sections. */
  index: number;
}

/** For each state block of a device read from several files, the file it comes from (see blockSources). */
const NO_BLOCKS: ReadonlyMap<string, string> = new Map();

/** Whether a field or list may come from this file: not when its state block comes from another file. */
function fromBlockFile(blocks: ReadonlyMap<string, string>, path: string, file: string): boolean {
  if (blocks.size === 0) return true;
  const block = blockOf(path);
  return block === null || blocks.get(block) === file;
}

function mergeScalars(device: DeviceModel, fragments: Fragment[], order: FileOrder, blocks: ReadonlyMap<string, string>): void {
  const byPath = new Map<ScalarPath, Candidate[]>();
  fragments.forEach((fragment, index) => {
    for (const [path, { value, line }] of fragment.scalars) {
      if (!fromBlockFile(blocks, path, fragment.file)) continue;
      const list = byPath.get(path) ?? [];
      list.push({ value, line, fragment, file: fragment.file, specificity: fragment.specificity, known: value !== null, index });
      byPath.set(path, list);
    }
  });
  for (const [path, candidates] of byPath) {
    if (candidates.length === 1) {
      // The usual case: one section gives the field.
      const [only] = candidates as [Candidate];
      setPath(device, path, only.value);
      device.sources[path] = { file: only.fragment.file, line: only.line };
      continue;
    }
    const chosen = candidates.reduce((best, c) => (compareScalarOffers(order, c, best) < 0 ? c : best));
    const shown = firstShowing(candidates, chosen, order);
    for (const other of candidates) {
      if (other === chosen || other.value === null || other.value === chosen.value || !samePresent(order, other, chosen)) continue;
      if (path === 'captureTime') continue; // several clocks in one paste are normal: they were taken minutes apart
      device.diagnostics.push({
        file: other.fragment.file,
        line: other.line,
        message: `${path} is ${JSON.stringify(other.value)} here but ${JSON.stringify(chosen.value)} at ${chosen.fragment.file}:${chosen.line}; using the latter`,
      });
    }
    setPath(device, path, chosen.value);
    device.sources[path] = { file: shown.fragment.file, line: shown.line };
  }
}

/**
 * The offer whose line to cite for the value chosen: of the offers ranked alike (rankScalarOffers), in printed order,
 * the first of the run of the chosen value that ends them (a value printed twice is cited where it first appeared,
 * unless another came between).
 */
function firstShowing(candidates: readonly Candidate[], chosen: Candidate, order: FileOrder): Candidate {
  const alike = candidates.filter((c) => rankScalarOffers(order, c, chosen) === 0).sort((a, b) => a.index - b.index);
  let first = alike.indexOf(chosen);
  while (first > 0 && alike[first - 1]!.value === chosen.value) first--;
  return alike[first]!;
}

function mergeLists(device: DeviceModel, fragments: Fragment[], order: FileOrder, blocks: ReadonlyMap<string, string>): void {
  const paths = new Set<ListPath>();
  for (const fragment of fragments) for (const path of fragment.lists.keys()) paths.add(path);
  for (const path of paths) {
    const holders = fragments.filter((f) => f.lists.has(path) && fromBlockFile(blocks, path, f.file));
    if (holders.length === 0) continue;
    let items: unknown[] = [];
    let lines: { file: string; line: number }[] = [];
    const single = holders.length === 1 ? holders[0]!.lists.get(path)! : null;
    if (single && LOG_LISTS.includes(path) && ascending(single.lines)) {
      // One section holds the log, already in line order: nothing to merge or de-duplicate.
      items = [...single.items];
      lines = single.lines.map((line) => ({ file: holders[0]!.file, line }));
    } else if (LOG_LISTS.includes(path)) {
      const logs = holders.map((f) => ({ file: f.file, ...f.lists.get(path)! }));
      const merged = order.multiFile ? mergeLogs(logs, order, (item, file) => timeOf(item, file, order)) : inLineOrder(logs);
      items = merged.items;
      lines = merged.refs;
    } else if (NAME_LISTS.includes(path)) {
      const seen = new Set<unknown>();
      for (const fragment of holders) {
        const list = fragment.lists.get(path)!;
        list.items.forEach((item, i) => {
          if (seen.has(item)) return;
          seen.add(item);
          items.push(item);
          lines.push({ file: fragment.file, line: list.lines[i]! });
        });
      }
    } else {
      // A state list comes whole from one section: the newest capture's, the most specific parser's in it.
      const offers = holders.map((f, index) => ({ fragment: f, file: f.file, specificity: f.specificity, index }));
      const winner = offers.reduce((best, o) => (compareListOffers(order, o, best) < 0 ? o : best)).fragment;
      const list = winner.lists.get(path)!;
      items = [...list.items];
      lines = list.lines.map((line) => ({ file: winner.file, line }));
    }
    setPath(device, path, items);
    items.forEach((_, i) => (device.sources[`${path}[${i}]`] = lines[i]!));
  }
}

/** A log item's time for merging files: a year-less syslog stamp takes its year as anchorYearlessSyslog will give it. */
function timeOf(item: unknown, file: string, order: FileOrder): string | null {
  const { time, yearInferred } = item as { time?: string | null; yearInferred?: boolean };
  if (typeof time !== 'string') return null;
  if (!yearInferred) return time;
  const captureTime = yearAnchor(file, order);
  return captureTime === null ? null : withCaptureYear(time, captureTime);
}

function ascending(lines: readonly number[]): boolean {
  for (let i = 1; i < lines.length; i++) if (lines[i]! <= lines[i - 1]!) return false;
  return true;
}

function decidePlatform(group: DeviceGroup, device: DeviceModel): Platform {
  return devicePlatform(
    group.sections.map(({ section }) => section.platform),
    device.syslog.map((message) => message.facility),
  );
}

const CAPTURE_TIME_SOURCES: Record<string, string> = {
  clock: 'show clock',
  'prompt-timestamp': 'time-source',
  'license-status': 'current-time',
};

/**
 * Capture time: `show clock`, else the newest `Time source is …` header, else `Current time:` of tech support (all
 * arrive as the `captureTime` scalar, in that order of specificity), else the newest full timestamp the capture holds.
 */
function resolveCaptureTime(device: DeviceModel, fragments: Fragment[]): void {
  if (device.captureTime !== null) {
    const source = device.sources.captureTime;
    const fragment = fragments.find((f) => f.file === source?.file && f.scalars.get('captureTime')?.line === source?.line);
    device.captureTimeSource = (fragment && CAPTURE_TIME_SOURCES[fragment.parser]) ?? fragment?.parser ?? null;
    return;
  }
  const stamps: string[] = [];
  for (const message of device.syslog) if (message.time && !message.yearInferred) stamps.push(message.time);
  for (const event of device.events) if (event.time) stamps.push(event.time);
  for (const entry of device.history) if (entry.time) stamps.push(entry.time);
  const reporting = device.usageReporting;
  for (const t of [reporting.lastAckReceived, reporting.lastReportPush, reporting.lastReportFileWrite, device.trustCode.installedAt])
    if (t) stamps.push(t);
  if (stamps.length === 0) return;
  device.captureTime = stamps.reduce((a, b) => (Date.parse(a) >= Date.parse(b) ? a : b));
  device.captureTimeSource = 'newest-timestamp';
}

/**
 * Year-less syslog stamps were read with a placeholder year; give them the capture's (of several files, the file's
 * own capture when it has one). The messages are replaced, not changed: they are the parsers' output.
 */
function anchorYearlessSyslog(device: DeviceModel, order: FileOrder): void {
  const yearless = device.syslog.filter((m): m is SyslogMessage & { time: string } => m.yearInferred && m.time !== null);
  if (yearless.length === 0) return;
  const anchor = (file: string) => (order.multiFile ? yearAnchor(file, order) : device.captureTime);
  const unanchored = yearless.find((m) => anchor(m.file) === null);
  if (unanchored) {
    device.diagnostics.push({
      file: unanchored.file,
      line: unanchored.line,
      message: 'syslog stamps have no year and the capture has no clock; their times are left unknown',
    });
  }
  device.syslog = device.syslog.map((message) => {
    if (!message.yearInferred || message.time === null) return message;
    const captureTime = anchor(message.file);
    return { ...message, time: captureTime === null ? null : withCaptureYear(message.time, captureTime) };
  });
}

/** The capture a year-less stamp of this file is dated by: the file's own, else the device's newest. */
function yearAnchor(file: string, order: FileOrder): string | null {
  return order.captureTimeOf(file) ?? order.newest?.captureTime ?? null;
}

/** A placeholder-year stamp dated within a year before the capture (a stamp just after New Year is the new year). */
function withCaptureYear(placeholderIso: string, captureTime: string): string {
  const placeholder = new Date(placeholderIso);
  placeholder.setUTCFullYear(inferYear(placeholder.getUTCMonth(), placeholder.getUTCDate(), captureTime));
  return formatIso(placeholder, /\.\d{3}Z$/.test(placeholderIso));
}
