// Splits normalised lines into command sections. A header (prompt or show-tech banner) opens a section; a command
// we do not read opens a skipped one whose body is dropped; syslog messages go to one section per host wherever
// they appear; output pasted without a prompt is recognised by its first line.
import { COMMANDS, type CommandName } from './commands.js';
import { resolveCommand } from './resolve-command.js';
import { hostnameFromConfigLine, hostnameFromVersionLine } from './hostname-lines.js';
import { PlatformVotes, sectionPlatform } from '../common/platform.js';
import { parseHeader, type Header } from './headers.js';
import { LICENSE_FAMILY, licenseFamilyCommand, outputStartOf } from './output-start.js';
import { refusedByCli } from './cli-refusal.js';
import { LineBudget, type DroppedLines } from './line-budget.js';
import { findSyslogMessage } from '../common/syslog/line.js';
import { LICENSING_FACILITIES } from '../common/syslog/facilities.js';
import { isOnPremLogLine } from '../common/onprem-log.js';
import { isPromptTimestampLine } from '../common/prompt-timestamp.js';
import type { IngestDiagnostic, IngestResult, Line, RawSection } from './types.js';

/** Lines outside any command get one diagnostic each up to this many, then a single summary. */
const OUTSIDE_DIAGNOSTIC_CAP = 200;
const OUTSIDE_MESSAGE = 'line outside any recognised command output';
/** Lines kept of the output of a typed command we do not read. */
const UNKNOWN_BODY_LIMIT = 200;
/** Syslog messages of other facilities kept per input before only licensing-related ones are. */
export const OTHER_SYSLOG_BUDGET = 2_000;
/** Syslog messages (and On-Prem log lines) kept per input: the first this many, then only the latest (line-budget.ts). */
export const SYSLOG_HEAD = 10_000;
export const SYSLOG_TAIL = 10_000;
/** `exec prompt timestamp` header lines kept per input, the same way (the newest is the one that matters). */
export const TIMESTAMP_HEAD = 1_000;
export const TIMESTAMP_TAIL = 1_000;
/** Lines kept of one command's output, the same way. */
export const SECTION_HEAD = 50_000;
export const SECTION_TAIL = 50_000;
/**
 * Command outputs, and lines of them, kept per input: past either, later commands are skipped like ones we do not
 * read (a log of a script that ran a command on every port of every switch must not exhaust memory).
 */
export const MAX_SECTIONS = 50_000;
export const MAX_KEPT_LINES = 200_000;
/** Distinct command spellings remembered (`spelling`); past this, each section keeps its own string. */
const SPELLINGS_LIMIT = 1_000;
/** `LICMGR` of `%LICMGR-3-…` at `messageAt`. */
function facilityAt(text: string, messageAt: number): string {
  const dash = text.indexOf('-', messageAt);
  return dash > messageAt ? text.slice(messageAt + 1, dash) : '';
}

interface OpenSection {
  /** null: a command we do not read; its body is skipped. */
  command: CommandName | typeof LICENSE_FAMILY | null;
  rawCommand: string | null;
  headerLine: number | null;
  hostname: string | null;
  lines: Line[];
  /** NO_VOTES until a line of it is read (most sections of a show-tech hold none). */
  votes: PlatformVotes;
  /** Where its lines go (SECTION_HEAD, SECTION_TAIL); made with its first line. */
  budget: LineBudget | null;
}

/** Shared by every skipped section; frozen, so that a line kept by mistake fails loudly instead of leaking. */
const SKIPPED_LINES: Line[] = Object.freeze([]) as unknown as Line[];
/** The votes of every section that has read no line; frozen, as SKIPPED_LINES. */
const NO_VOTES = Object.freeze(new PlatformVotes()) as PlatformVotes;

interface SyslogBucket {
  section: RawSection;
  votes: PlatformVotes;
}

export class SectionSplitter {
  private current: OpenSection | null = null;
  private readonly done: { section: RawSection; votes: PlatformVotes }[] = [];
  private readonly syslog = new Map<string, SyslogBucket>();
  /** On-Prem log lines per device whose output they were pasted with (the session host). */
  private readonly onpremLog = new Map<string, RawSection>();
  /** Prompt-timestamp headers per device, taken out of whichever command's output they head. */
  private readonly promptTimestamps = new Map<string, SyslogBucket>();
  private readonly timestampBudget = new LineBudget(TIMESTAMP_HEAD, TIMESTAMP_TAIL);
  /** Logs come in runs from one host; remembering the last bucket saves a lookup per line. */
  private lastSyslog: SyslogBucket | null = null;
  private readonly syslogBudget = new LineBudget(SYSLOG_HEAD, SYSLOG_TAIL);
  private readonly onpremBudget = new LineBudget(SYSLOG_HEAD, SYSLOG_TAIL);
  private keptSections = 0;
  private keptLines = 0;
  private sectionsTurnedAway = 0;
  private firstTurnedAway = 0;
  private readonly diagnostics: IngestDiagnostic[] = [];
  private readonly captureVotes = new PlatformVotes();
  /** Host of the latest prompt: show-tech sections and host-less console messages belong to it. */
  private sessionHost: string | null = null;
  private readonly promptHosts = new Map<string, string>();
  private configHost: string | null = null;
  private versionHost: string | null = null;
  private otherSyslogKept = 0;
  private otherSyslogDropped = 0;
  private firstDroppedSyslog = 0;
  private outsideCount = 0;
  private firstUnreportedOutside = 0;
  private sawText = false;
  /** One string per spelling of a command kept (a show-tech repeats each header thousands of times). */
  private readonly spellings = new Map<string, string>();

  constructor(private readonly file: string) {}

  /** True while the body of a command we do not read is passing: the reader may then skip decoding most lines. */
  get skipping(): boolean {
    return this.current !== null && this.current.command === null;
  }

  /**
   * True once the syslog budget is spent while the current output is skipped, a log, or nothing: the reader may then
   * drop messages of other facilities without decoding them (`droppedSyslog`).
   */
  get dropsOtherSyslog(): boolean {
    if (this.otherSyslogKept < OTHER_SYSLOG_BUDGET) return false;
    const command = this.current?.command;
    return command === undefined || command === null || command === COMMANDS.logging;
  }

  /** A message the reader dropped unread (see `dropsOtherSyslog`). */
  droppedSyslog(n: number): void {
    this.sawText = true;
    if (this.otherSyslogDropped++ === 0) this.firstDroppedSyslog = n;
  }

  /** Whether any non-blank line was seen (an all-blank input is empty). */
  get hasText(): boolean {
    return this.sawText;
  }

  diag(line: number, message: string): void {
    this.diagnostics.push({ file: this.file, line, message });
  }

  /** One normalised line. */
  line(n: number, text: string): void {
    if (text === '') {
      if (this.current?.command) this.keepLine(this.current, { n, text });
      return;
    }
    this.sawText = true;
    const header = parseHeader(text);
    if (header) {
      this.openHeader(n, header);
      return;
    }
    if (isPromptTimestampLine(text)) {
      this.routePromptTimestamp(n, text);
      return;
    }
    const syslog = findSyslogMessage(text);
    if (syslog) {
      this.routeSyslog(n, text, syslog.host, syslog.messageAt);
      return;
    }
    if (isOnPremLogLine(text)) {
      this.routeOnPremLog(n, text);
      return;
    }
    const current = this.current;
    if (current) {
      if (current.command) this.keep(current, n, text);
      return;
    }
    const start = outputStartOf(text);
    if (start) {
      this.current = this.open(start, null, null, this.sessionHost, n);
      if (this.current.command) this.keep(this.current, n, text);
      return;
    }
    this.outside(n);
  }

  finish(bytes: number, lineCount: number): IngestResult {
    this.close();
    this.reportDropped(this.syslogBudget.finish(), 'syslog messages', 'this input has more than');
    this.reportDropped(this.onpremBudget.finish(), 'On-Prem log lines', 'this input has more than');
    this.reportDropped(this.timestampBudget.finish(), 'prompt-timestamp header lines', 'this input has more than', TIMESTAMP_HEAD, TIMESTAMP_TAIL);
    if (this.sectionsTurnedAway > 0) {
      this.diag(
        this.firstTurnedAway,
        `the output of ${this.sectionsTurnedAway} commands from here on was not kept: this input already held ${MAX_SECTIONS} command outputs or ${MAX_KEPT_LINES} lines of them`,
      );
    }
    // A host whose every message fell between the first and the latest kept has none left.
    for (const bucket of this.syslog.values()) if (bucket.section.lines.length > 0) this.done.push(bucket);
    for (const section of this.onpremLog.values()) if (section.lines.length > 0) this.done.push({ section, votes: new PlatformVotes() });
    for (const bucket of this.promptTimestamps.values()) {
      this.done.push(bucket);
      this.captureVotes.addAll(bucket.votes);
    }
    const platform = this.captureVotes.overallVerdict();
    const sections = this.done.map(({ section, votes }) => {
      section.platform = sectionPlatform(votes, this.captureVotes);
      return section;
    });
    sections.sort((a, b) => startLine(a) - startLine(b));
    if (this.outsideCount > OUTSIDE_DIAGNOSTIC_CAP) {
      const more = this.outsideCount - OUTSIDE_DIAGNOSTIC_CAP;
      this.diag(this.firstUnreportedOutside, `${more} more line${more === 1 ? '' : 's'} outside any recognised command output`);
    }
    if (this.otherSyslogDropped > 0) {
      this.diag(
        this.firstDroppedSyslog,
        `${this.otherSyslogDropped} syslog messages of facilities unrelated to licensing were not kept (more than ${OTHER_SYSLOG_BUDGET} in this input)`,
      );
    }
    this.diagnostics.sort((a, b) => a.line - b.line);
    return {
      file: this.file,
      sections,
      diagnostics: this.diagnostics,
      platform,
      hostname: this.captureHostname(),
      bytes,
      lineCount,
    };
  }

  private openHeader(n: number, header: Header): void {
    this.close();
    if (header.kind === 'nxos-showtech') this.captureVotes.add('nxos');
    if (header.kind === 'iosxe-showtech') this.captureVotes.add('iosxe');
    if (header.kind === 'prompt' && header.host !== null) {
      this.sessionHost = header.host;
      if (!this.promptHosts.has(header.host.toLowerCase())) this.promptHosts.set(header.host.toLowerCase(), header.host);
    }
    // An idle prompt ends the previous output; what follows it belongs to no command.
    if (header.typed === '') return;
    const host = header.kind === 'prompt' ? (header.host ?? this.sessionHost) : this.sessionHost;
    const command = resolveCommand(header.typed);
    // A command typed at a prompt that we do not read (`write erase`, `license smart save usage …`) is still
    // evidence of what the engineer did and what the device answered: keep it as `unknown`. Show-tech headers of
    // other commands are thousands of sections of bulk output: skip those.
    const kept = command ?? (header.kind === 'prompt' ? COMMANDS.unknown : null);
    this.current = this.open(kept, header.typed, n, host, n);
    // What was typed can name the platform too (`… file flash:report.txt`).
    if (this.current.command !== null && header.kind === 'prompt') {
      const votes = votesOf(this.current);
      votes.read(header.typed);
      if (header.tight) votes.promptWithoutSpace();
    }
  }

  /** `at`: the line the section starts on, for the diagnostic when the input's budget turns it away. */
  private open(command: CommandName | typeof LICENSE_FAMILY | null, rawCommand: string | null, headerLine: number | null, hostname: string | null, at = 0): OpenSection {
    if (command !== null && (this.keptSections >= MAX_SECTIONS || this.keptLines >= MAX_KEPT_LINES)) {
      if (this.sectionsTurnedAway++ === 0) this.firstTurnedAway = at;
      command = null;
    }
    // A show-tech opens a hundred thousand sections we skip; they keep no lines and count no votes.
    if (command === null) return { command, rawCommand, headerLine, hostname, lines: SKIPPED_LINES, votes: NO_VOTES, budget: null };
    this.keptSections++;
    return { command, rawCommand: this.spelling(rawCommand), headerLine, hostname, lines: [], votes: NO_VOTES, budget: null };
  }

  /** The first string of this spelling: a header's command is a slice that would keep its whole line alive. */
  private spelling(typed: string | null): string | null {
    if (typed === null) return null;
    const known = this.spellings.get(typed);
    if (known !== undefined) return known;
    if (this.spellings.size < SPELLINGS_LIMIT) this.spellings.set(typed, typed);
    return typed;
  }

  private keepLine(section: OpenSection, line: Line): void {
    this.keptLines++;
    (section.budget ??= new LineBudget(SECTION_HEAD, SECTION_TAIL)).keep(section.lines, line);
  }

  private reportDropped(dropped: DroppedLines | null, what: string, why: string, head = SYSLOG_HEAD, tail = SYSLOG_TAIL): void {
    if (!dropped) return;
    this.diag(
      dropped.firstLine,
      `${dropped.count} ${what} (lines ${dropped.firstLine}-${dropped.lastLine}) were not kept: ${why} ${head + tail}; the first ${head} and the last ${tail} are`,
    );
  }

  private keep(section: OpenSection, n: number, text: string): void {
    if (section.command === COMMANDS.unknown && section.lines.length >= UNKNOWN_BODY_LIMIT) {
      // A long output of a command we do not read: keep its start, skip the rest.
      this.close();
      this.current = this.open(null, section.rawCommand, section.headerLine, section.hostname);
      return;
    }
    this.keepLine(section, { n, text });
    votesOf(section).read(text);
    if (section.command === COMMANDS.runningConfig) this.configHost ??= hostnameFromConfigLine(text);
    else if (section.command === COMMANDS.version) this.versionHost ??= hostnameFromVersionLine(text);
  }

  private close(): void {
    const open = this.current;
    this.current = null;
    if (!open?.command) return;
    const dropped = open.budget?.finish() ?? null;
    let command = open.command === LICENSE_FAMILY ? licenseFamilyCommand(open.lines) : open.command;
    // A command the device refused printed no output of its own: its answer is read as an unknown command's.
    if (refusedByCli(open.lines)) command = COMMANDS.unknown;
    this.reportDropped(dropped, `lines of \`${open.rawCommand ?? command}\``, 'its output is longer than', SECTION_HEAD, SECTION_TAIL);
    this.captureVotes.addAll(open.votes);
    this.done.push({
      section: {
        command,
        rawCommand: open.rawCommand,
        file: this.file,
        headerLine: open.headerLine,
        // An array grows with room to spare (17 slots for one line): a show-tech holds thousands of one-line logs.
        lines: open.lines.slice(),
        hostname: open.hostname,
        platform: 'unknown',
      },
      votes: open.votes,
    });
  }

  private routeSyslog(n: number, text: string, host: string | null, messageAt: number): void {
    const facility = facilityAt(text, messageAt);
    if (!this.keepSyslog(n, facility)) return;
    const hostname = host ?? this.sessionHost;
    let bucket = this.lastSyslog;
    if (bucket === null || bucket.section.hostname !== hostname) {
      const key = hostname?.toLowerCase() ?? '';
      bucket = this.syslog.get(key) ?? null;
      if (!bucket) {
        bucket = {
          section: { command: COMMANDS.syslog, rawCommand: null, file: this.file, headerLine: null, lines: [], hostname, platform: 'unknown' },
          votes: new PlatformVotes(),
        };
        this.syslog.set(key, bucket);
      }
      this.lastSyslog = bucket;
    }
    this.syslogBudget.keep(bucket.section.lines, { n, text });
    // The facility names the platform: NX-OS logs licensing as LICMGR, IOS-XE as SMART_LIC.
    bucket.votes.facility(facility);
    this.captureVotes.facility(facility);
  }

  /** The header of the current output belongs to its device; it does not end that output. */
  private routePromptTimestamp(n: number, text: string): void {
    const hostname = this.current?.hostname ?? this.sessionHost;
    const key = hostname?.toLowerCase() ?? '';
    let bucket = this.promptTimestamps.get(key);
    if (!bucket) {
      bucket = {
        section: { command: COMMANDS.promptTimestamp, rawCommand: null, file: this.file, headerLine: null, lines: [], hostname, platform: 'unknown' },
        votes: new PlatformVotes(),
      };
      this.promptTimestamps.set(key, bucket);
    }
    this.timestampBudget.keep(bucket.section.lines, { n, text });
    bucket.votes.read(text);
  }

  /**
   * On-Prem log lines name the On-Prem server, not a device: they go with the device whose output they were pasted
   * beside, and do not end that output (a log may be pasted into the middle of one).
   */
  private routeOnPremLog(n: number, text: string): void {
    const key = this.sessionHost?.toLowerCase() ?? '';
    let section = this.onpremLog.get(key);
    if (!section) {
      section = { command: COMMANDS.onpremLog, rawCommand: null, file: this.file, headerLine: null, lines: [], hostname: this.sessionHost, platform: 'unknown' };
      this.onpremLog.set(key, section);
    }
    this.onpremBudget.keep(section.lines, { n, text });
  }

  /**
   * Every message is kept up to a budget; past it only the facilities licensing problems involve, so that a huge
   * logfile (a show-tech can hold millions of interface flaps) cannot exhaust memory.
   */
  private keepSyslog(n: number, facility: string): boolean {
    const licensing = LICENSING_FACILITIES.has(facility);
    if (this.otherSyslogKept < OTHER_SYSLOG_BUDGET) {
      if (!licensing) this.otherSyslogKept++;
      return true;
    }
    if (licensing) return true;
    if (this.otherSyslogDropped++ === 0) this.firstDroppedSyslog = n;
    return false;
  }

  private outside(n: number): void {
    this.outsideCount++;
    if (this.outsideCount <= OUTSIDE_DIAGNOSTIC_CAP) this.diag(n, OUTSIDE_MESSAGE);
    else if (this.outsideCount === OUTSIDE_DIAGNOSTIC_CAP + 1) this.firstUnreportedOutside = n;
  }

  /** One prompt host wins; several prompt hosts mean a multi-device paste (null); then config, version, syslog. */
  private captureHostname(): string | null {
    if (this.promptHosts.size === 1) return [...this.promptHosts.values()][0]!;
    if (this.promptHosts.size > 1) return null;
    if (this.configHost) return this.configHost;
    if (this.versionHost) return this.versionHost;
    const syslogHosts = [...this.syslog.values()].map((b) => b.section.hostname);
    return syslogHosts.length === 1 ? (syslogHosts[0] ?? null) : null;
  }
}

/** A section's votes, made when it first has something to count. */
function votesOf(section: OpenSection): PlatformVotes {
  if (section.votes === NO_VOTES) section.votes = new PlatformVotes();
  return section.votes;
}

function startLine(section: RawSection): number {
  return section.headerLine ?? section.lines[0]?.n ?? Number.MAX_SAFE_INTEGER;
}
