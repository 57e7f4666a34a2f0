// The triage application: start screen → (device picker) → one device with four views. All state lives here;
// the views only draw what they are given, so each can be tested on its own.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Box, Text, useApp } from 'ink';
import { useCallback, useEffect, useMemo, useRef, useState, type ReactElement } from 'react';
import type { DeviceModel } from '../common/device.js';
import { SEVERITY_RANK, type AnalyzeDocument, type AnalyzedDevice } from '../common/findings.js';
import { findingDetail } from './detail.js';
import { exportMarkdown } from './export.js';
import { eventsInScope, filteredTreeRows, nextSeverity, visibleEvents, visibleFindings, type SeverityFilter } from './filters.js';
import { PasteBuffer } from './paste-buffer.js';
import type { LineSearch, RawLines } from './raw-lines.js';
import { closeSession, parseFiles, parsePaste, worstSeverity, type Session } from './session.js';
import { keySequence, looksPasted, parseKeys, type Key, type KeyPress, type TerminalEvent } from './terminal-input.js';
import { normaliseLine } from '../ingest/index.js';
import { clamp } from './text.js';
import { timelineChart, timelineEvents, type TimelineEvent } from './timeline.js';
import { flattenTree, modelTree, parentId, type TreeNode } from './tree.js';
import { useInputQueue, useTerminal, useThrottledRedraw } from './use-terminal.js';
import { useTerminalSize } from './use-terminal-size.js';
import { Footer, Header, StatusLine, Tabs, VIEWS, type ViewName } from './views/chrome.js';
import { DevicePicker } from './views/picker.js';
import { FindingsView } from './views/findings.js';
import { Help } from './views/help.js';
import { ModelView } from './views/model.js';
import { RawView } from './views/raw.js';
import { StartScreen, startScreenInput } from './views/start.js';
import { TimelineView } from './views/timeline.js';

export interface AppProps {
  /** Runs the rules on a parsed session (loading the rule engine on first use) and resolves with the findings. */
  evaluate: (session: Session) => Promise<Session>;
  now?: string;
  /** Files to open at once; none: the start screen. */
  files?: string[];
  /** Those files already being read and parsed (runTui starts that while Ink loads); default: parse them here. */
  opening?: Promise<Session>;
  /** A session already parsed, and maybe analysed: the first frame shows it (runTui, tests). */
  session?: Session;
  onExit?: (code: number) => void;
}

type Screen = 'start' | 'picker' | 'device';
type Prompt = { kind: 'filter' | 'export'; draft: string; pristine: boolean };
interface RawState {
  file: string | null;
  cursor: number;
  cited: ReadonlySet<number>;
  /** The view Esc returns to after a jump. */
  from: ViewName | null;
}

const NO_LINES: ReadonlySet<number> = new Set();
const INITIALLY_OPEN = ['device', 'transport', 'usageReporting', 'trustCode'];
const PASTE_REFRESH_MS = 150;
const NOTHING_FOUND_YET: LineSearch = { numbers: [], done: false, capped: false };
const TREES = new WeakMap<DeviceModel, TreeNode[]>();
const TIMELINES = new WeakMap<DeviceModel, TimelineEvent[]>();

/** `make(device)`, computed once per device. */
function once<T>(cache: WeakMap<DeviceModel, T>, device: DeviceModel, make: (device: DeviceModel) => T): T {
  let value = cache.get(device);
  if (value === undefined) cache.set(device, (value = make(device)));
  return value;
}

export function App({ evaluate, now, files = [], opening, session: given, onExit }: AppProps): ReactElement {
  const { exit } = useApp();
  const { columns, rows } = useTerminalSize();
  const [session, setSession] = useState<Session | null>(given ?? null);
  const [screen, setScreen] = useState<Screen>(given ? (given.devices.length > 1 ? 'picker' : 'device') : 'start');
  const [busy, setBusy] = useState<string | null>(files.length > 0 && !given ? `Reading ${files.join(', ')} …` : null);
  const [startError, setStartError] = useState<string | null>(null);
  const [deviceIndex, setDeviceIndex] = useState(0);
  const [pickerCursor, setPickerCursor] = useState(0);
  const [view, setView] = useState<ViewName>('findings');
  const [selected, setSelected] = useState(0);
  const [detailFocus, setDetailFocus] = useState(false);
  const [detailCursor, setDetailCursor] = useState(0);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set(INITIALLY_OPEN));
  const [treeCursor, setTreeCursor] = useState(0);
  const [timelineCursor, setTimelineCursor] = useState(0);
  const [everyEvent, setEveryEvent] = useState(false);
  // Long lines scroll sideways in the raw, timeline and evidence views; a new view or finding starts at the left.
  const [column, setColumn] = useState(0);
  useEffect(() => setColumn(0), [view, selected, deviceIndex, screen]);
  const [raw, setRaw] = useState<RawState>({ file: null, cursor: 0, cited: NO_LINES, from: null });
  const [filter, setFilterText] = useState('');
  const [severity, setSeverity] = useState<SeverityFilter>('all');
  const [redacting, setRedacting] = useState(false);
  const [prompt, setPrompt] = useState<Prompt | null>(null);
  const [help, setHelp] = useState(false);
  const [status, setStatus] = useState<{ text: string; color?: string } | null>(null);

  const quit = useCallback(() => {
    onExit?.(0);
    exit();
  }, [exit, onExit]);

  // A session replaced or left stops its background work (indexing a large file).
  const opened = useRef<Session | null>(given ?? null);
  useEffect(() => () => {
    if (opened.current) closeSession(opened.current);
  }, []);
  const open = useCallback((next: Session) => {
    if (opened.current && opened.current.raw !== next.raw) closeSession(opened.current);
    opened.current = next;
    setSession(next);
    // The header and model show at once; the findings follow when the rules have run.
    if (!next.evaluated)
      evaluate(next).then(
        (done) => setSession((current) => (current === next ? done : current)),
        (error: unknown) => setStatus({ text: `✖ The rules could not run: ${messageOf(error)}`, color: 'red' }),
      );
    setScreen(next.devices.length > 1 ? 'picker' : 'device');
    setDeviceIndex(0);
    setPickerCursor(0);
    setView('findings');
    setSelected(0);
    setDetailFocus(false);
    setRaw({ file: null, cursor: 0, cited: NO_LINES, from: null });
    setFilterText('');
    setStartError(null);
  }, [evaluate]);

  useEffect(() => {
    if (given) {
      if (!given.evaluated) open(given);
      return;
    }
    if (files.length === 0) return;
    (opening ?? parseFiles(files, now)).then(open, (error: unknown) => {
      setStartError(messageOf(error));
      setScreen('start');
    }).finally(() => setBusy(null));
    // Files are opened once, at start.
  }, []);

  const onPaste = (text: string) => {
    setBusy(`Analysing ${Math.max(1, Math.round(text.length / 1024))} KB …`);
    setStartError(null);
    // Let the "Analysing" frame reach the terminal before the (synchronous) analysis runs.
    setTimeout(() => {
      try {
        open(parsePaste(text, now));
      } catch (error) {
        setStartError(messageOf(error));
      } finally {
        setBusy(null);
      }
    }, 20);
  };

  const onOpenPath = (path: string) => {
    setBusy(`Reading ${path} …`);
    setStartError(null);
    parseFiles([path], now).then(open, (error: unknown) => setStartError(messageOf(error))).finally(() => setBusy(null));
  };

  // ----- what is shown -----
  const show = useMemo(() => {
    if (!redacting || !session) return (text: string) => text;
    const cache = new Map<string, string>();
    return (text: string) => {
      let out = cache.get(text);
      if (out === undefined) {
        out = session.redactor.redact(text);
        if (cache.size > 5000) cache.clear();
        cache.set(text, out);
      }
      return out;
    };
  }, [redacting, session]);

  const analyzed = session?.document.devices[deviceIndex];
  // With redaction on, findings are shown as the redacted report has them: the device's values masked in messages
  // and evidence, the rule's own words (titles, actions, references) as written.
  const shownDevice = useMemo(
    () => (analyzed && redacting && session ? session.redactor.redactDevice(analyzed) : analyzed),
    [analyzed, redacting, session],
  );
  const device = session?.devices[deviceIndex];
  const bodyHeight = Math.max(4, rows - 6);
  const findings = useMemo(() => (shownDevice ? visibleFindings(shownDevice.findings, severity, filter) : []), [shownDevice, severity, filter]);
  const finding = findings[clamp(selected, 0, findings.length - 1)];
  // Indexing a large file goes on after the first frame: evidence gets its context, the raw view its lines.
  const [rawVersion, setRawVersion] = useState(0);
  useEffect(() => {
    if (!session) return;
    const stops = [...session.raw.values()].map((lines) => lines.onChange(() => setRawVersion((v) => v + 1)));
    return () => stops.forEach((stop) => stop());
  }, [session?.raw]);
  const detail = useMemo(
    () => (finding && session ? findingDetail(finding, session.raw, columns - 1, (analyzed?.files.length ?? 0) > 1) : []),
    [finding, session, columns, analyzed, rawVersion],
  );
  // The tree and the timeline are built when their view is first shown: a show-tech's model and log are large, and
  // the first frame shows neither.
  const tree = useMemo(() => (device && view === 'model' ? once(TREES, device, modelTree) : []), [device, view]);
  const treeRows = useMemo(() => (filter ? filteredTreeRows(tree, filter) : flattenTree(tree, expanded)), [tree, filter, expanded]);
  const allEvents = useMemo(() => (device && view === 'timeline' ? once(TIMELINES, device, timelineEvents) : []), [device, view]);
  const scopedEvents = useMemo(() => eventsInScope(allEvents, everyEvent), [allEvents, everyEvent]);
  const events = useMemo(() => visibleEvents(scopedEvents, filter), [scopedEvents, filter]);
  const chart = useMemo(() => timelineChart(scopedEvents, device?.captureTime ?? null, columns - 1), [scopedEvents, device, columns]);
  const rawFile = raw.file ?? device?.files[0] ?? '';
  const capture = session?.raw.get(rawFile);
  const sections = useMemo(() => (device ? device.sections.filter((s) => s.file === rawFile).sort((a, b) => a.startLine - b.startLine) : []), [device, rawFile]);
  // The raw view's filter searches the whole input in slices (a large file takes a while); matches show as found.
  const [rawSearch, setRawSearch] = useState<{ capture: RawLines; needle: string; result: LineSearch } | null>(null);
  const searching = filter && capture && view === 'raw' ? capture : null;
  useEffect(() => {
    if (!searching) return setRawSearch(null);
    return searching.search(filter, (result) => setRawSearch({ capture: searching, needle: filter, result: { ...result } }));
  }, [filter, searching]);
  const rawMatches = searching && rawSearch?.capture === searching && rawSearch.needle === filter ? rawSearch.result : searching ? NOTHING_FOUND_YET : null;
  const rawNumbers = rawMatches?.numbers ?? null;
  const rawTotal = rawNumbers?.length ?? capture?.count ?? 0;
  const pickerDevicesFor = (text: string) =>
    (session?.document.devices ?? [])
      .map((d, index) => ({ device: d, index }))
      .filter(({ device: d }) => severity === 'all' || d.findings.some((f) => f.severity === severity))
      .filter(({ device: d }) => !text || (d.hostname ?? '').toLowerCase().includes(text.toLowerCase()))
      // Worst first: the device that needs attention is at the top.
      .sort((a, b) => rank(b.device) - rank(a.device) || a.index - b.index);
  const pickerDevices = useMemo(() => pickerDevicesFor(filter), [session, severity, filter]);

  // ----- actions -----
  const setFilter = (text: string) => {
    if (!text && filter) return clearFilter();
    setFilterText(text);
    setSelected(0);
    setTreeCursor(0);
    setTimelineCursor(0);
    setPickerCursor(0);
    setDetailFocus(false);
    setRaw((r) => ({ ...r, cursor: 0 }));
  };

  /** The filter goes; the selection stays on what it was on, now among everything (less, lazygit do the same). */
  const clearFilter = () => {
    setFilterText('');
    setDetailFocus(false);
    if (finding) setSelected(Math.max(0, visibleFindings(shownDevice?.findings ?? [], severity, '').indexOf(finding)));
    const row = treeRows[treeCursor];
    if (row) {
      const open = new Set(expanded);
      for (let id = parentId(row.id); id !== null; id = parentId(id)) open.add(id);
      setExpanded(open);
      setTreeCursor(Math.max(0, flattenTree(tree, open).findIndex((r) => r.id === row.id)));
    }
    const event = events[timelineCursor];
    if (event) setTimelineCursor(Math.max(0, scopedEvents.indexOf(event)));
    const line = rawNumbers?.[clamp(raw.cursor, 0, rawNumbers.length - 1)];
    if (line !== undefined) setRaw((r) => ({ ...r, cursor: line - 1 }));
    const host = pickerDevices[pickerCursor];
    if (host) setPickerCursor(Math.max(0, pickerDevicesFor('').findIndex((d) => d.index === host.index)));
  };

  const jumpToRaw = (file: string, line: number, cited: ReadonlySet<number>, from: ViewName) => {
    setFilterText('');
    setRaw({ file, cursor: line - 1, cited, from });
    setView('raw');
  };

  const exportReport = (path: string) => {
    if (!session) return;
    const document: AnalyzeDocument = screen === 'device' && analyzed ? { schemaVersion: 1, devices: [analyzed] } : session.document;
    const markdown = exportMarkdown(document, redacting ? session.redactor : null);
    try {
      const target = resolve(path);
      writeFileSync(target, markdown);
      setStatus({ text: `✔ Exported ${redacting ? 'redacted ' : ''}report to ${target}`, color: 'green' });
    } catch (error) {
      setStatus({ text: `✖ Cannot write ${path}: ${messageOf(error)}`, color: 'red' });
    }
  };

  /** ./slp-doctor-<host>.md; with redaction on, the host's mask (host-1), as a file name must not give it away. */
  const defaultExportPath = () => {
    const host = screen === 'device' ? analyzed?.hostname : null;
    const name = host && redacting && session ? session.redactor.redact(host) : host;
    return `./slp-doctor-${(name ?? 'report').replace(/[^\w.-]+/g, '_').replace(/^_+|_+$/g, '') || 'report'}.md`;
  };

  const handlePrompt = (input: string, key: Key, current: Prompt) => {
    if (key.escape) {
      setPrompt(null);
      if (current.kind === 'filter') setFilter('');
      return;
    }
    if (key.return) {
      setPrompt(null);
      if (current.kind === 'export') exportReport(current.draft.trim() || defaultExportPath());
      return;
    }
    let draft = current.draft;
    if (key.backspace || key.delete) draft = current.pristine ? '' : draft.slice(0, -1);
    else if (key.ctrl && input === 'u') draft = '';
    else if (input && !key.ctrl && !key.meta && !key.upArrow && !key.downArrow && !key.tab) draft = (current.pristine ? '' : draft) + input.replace(/[\r\n]/g, '');
    else return;
    setPrompt({ ...current, draft, pristine: false });
    if (current.kind === 'filter') setFilter(draft);
  };

  const move = (input: string, key: Key, page: number): number | null => {
    if (key.upArrow || input === 'k') return -1;
    if (key.downArrow || input === 'j') return 1;
    if (key.pageUp) return -page;
    if (key.pageDown || input === ' ') return page;
    if (key.home || input === 'g') return -Infinity;
    if (key.end || input === 'G') return Infinity;
    return null;
  };
  const step = (value: number, delta: number, total: number) => clamp(Number.isFinite(delta) ? value + delta : delta < 0 ? 0 : total - 1, 0, Math.max(0, total - 1));

  const onKey = (input: string, key: Key): void => {
    if (key.ctrl && input === 'c') return quit();
    if (prompt) return handlePrompt(input, key, prompt);
    if (help) return setHelp(false);
    setStatus(null);
    if (input === 'q') return quit();
    if (input === '?') return setHelp(true);
    if (input === 'r') {
      setStatus({ text: redacting ? 'Redaction off' : 'Redaction on: host names, serials, accounts, tokens and addresses are masked here and in exports' });
      return setRedacting(!redacting);
    }
    if (input === 'e') return setPrompt({ kind: 'export', draft: defaultExportPath(), pristine: true });
    if (input === '/') return setPrompt({ kind: 'filter', draft: filter, pristine: false });
    if (input === 's') {
      setSelected(0);
      setPickerCursor(0);
      return setSeverity(nextSeverity(severity));
    }
    if (input === 'o') {
      setScreen('start');
      return setStartError(null);
    }
    const delta = move(input, key, bodyHeight - 2);

    if (screen === 'picker') {
      if (delta !== null) return setPickerCursor(step(pickerCursor, delta, pickerDevices.length));
      if (key.return && pickerDevices[pickerCursor]) {
        setDeviceIndex(pickerDevices[pickerCursor]!.index);
        setView('findings');
        setSelected(0);
        setDetailFocus(false);
        setFilterText('');
        setSeverity('all');
        setRaw({ file: null, cursor: 0, cited: NO_LINES, from: null });
        return setScreen('device');
      }
      if (key.escape && filter) return setFilter('');
      return;
    }

    // device screen
    const index = VIEWS.findIndex((v) => v.name === view);
    if (key.tab) return setView(VIEWS[(index + (key.shift ? VIEWS.length - 1 : 1)) % VIEWS.length]!.name);
    if (/^[1-4]$/.test(input)) return setView(VIEWS[Number(input) - 1]!.name);
    if (view !== 'model') {
      const sideways = key.leftArrow || input === 'h' ? -1 : key.rightArrow || input === 'l' ? 1 : 0;
      if (sideways !== 0) return setColumn(Math.max(0, column + sideways * Math.max(8, Math.floor((columns - 30) / 2))));
      if (input === '0') return setColumn(0);
    }
    const back = () => {
      if (filter) return setFilter('');
      if ((session?.devices.length ?? 0) > 1) setScreen('picker');
    };

    if (view === 'findings') {
      if (!detailFocus) {
        if (delta !== null) return setSelected(step(clamp(selected, 0, findings.length - 1), delta, findings.length));
        if (key.return && finding) {
          setDetailFocus(true);
          return setDetailCursor(Math.max(0, detail.findIndex((l) => l.style === 'cited')));
        }
        if (key.escape) return back();
        return;
      }
      if (delta !== null) return setDetailCursor(step(detailCursor, delta, detail.length));
      if (key.escape) return setDetailFocus(false);
      const line = detail[detailCursor];
      if (key.return && line?.file && line.line && finding) {
        const cited = new Set(finding.evidence.filter((e) => e.file === line.file).map((e) => e.line));
        return jumpToRaw(line.file, line.line, cited, 'findings');
      }
      return;
    }

    if (view === 'model') {
      const row = treeRows[treeCursor];
      if (delta !== null) return setTreeCursor(step(treeCursor, delta, treeRows.length));
      if (key.escape) return back();
      if (!row || filter) return;
      const toggle = (openIt: boolean) => {
        const next = new Set(expanded);
        if (openIt) next.add(row.id);
        else next.delete(row.id);
        setExpanded(next);
      };
      if ((key.return || key.rightArrow || input === 'l') && row.branch) return toggle(key.return ? !row.expanded : true);
      if (key.leftArrow || input === 'h') {
        if (row.branch && row.expanded) return toggle(false);
        const parent = parentId(row.id);
        const at = parent === null ? -1 : treeRows.findIndex((r) => r.id === parent);
        if (at >= 0) setTreeCursor(at);
      }
      return;
    }

    if (view === 'timeline') {
      if (delta !== null) return setTimelineCursor(step(timelineCursor, delta, events.length));
      if (input === 'a') {
        setTimelineCursor(0);
        return setEveryEvent(!everyEvent);
      }
      if (key.escape) return back();
      const event = events[timelineCursor];
      if (key.return && event?.file && event.line) return jumpToRaw(event.file, event.line, new Set([event.line]), 'timeline');
      return;
    }

    // raw
    // G while a large file is still being indexed follows its end, as less does.
    if (delta === Infinity && capture && !capture.complete && !rawNumbers) return setRaw({ ...raw, file: rawFile, cursor: Number.MAX_SAFE_INTEGER });
    if (delta !== null) return setRaw({ ...raw, file: rawFile, cursor: step(clamp(raw.cursor, 0, Math.max(0, rawTotal - 1)), delta, rawTotal) });
    if (key.escape) {
      if (raw.from) {
        setView(raw.from);
        return setRaw({ ...raw, from: null });
      }
      return back();
    }
    if ((input === 'n' || input === 'N') && !rawNumbers && sections.length > 0) {
      const current = raw.cursor + 1;
      const target = input === 'n' ? sections.find((s) => s.startLine > current) : [...sections].reverse().find((s) => s.startLine < current);
      if (target) setRaw({ ...raw, file: rawFile, cursor: target.startLine - 1 });
      return;
    }
    if (input === 'f' && device && device.files.length > 1) {
      const next = device.files[(device.files.indexOf(rawFile) + 1) % device.files.length]!;
      return setRaw({ file: next, cursor: 0, cited: NO_LINES, from: raw.from });
    }
  };
  // ----- input -----
  const pasteBuffer = useRef(new PasteBuffer()).current;
  /** Redraw the start screen: at once for a typed key, a few times a second while a paste streams in. */
  const refreshStart = useThrottledRedraw(PASTE_REFRESH_MS);
  const back = () => (session ? setScreen(session.devices.length > 1 ? 'picker' : 'device') : quit());
  const startActions = () => ({ busy: busy !== null, analyse: onPaste, open: onOpenPath, quit, back, refresh: refreshStart });

  /** A paste outside the start screen goes onto the start screen; into an open prompt, its first line. */
  const promptPaste = useRef('');
  const pasteElsewhere = (text: string, end: boolean) => {
    if (prompt) {
      if (promptPaste.current.length < 4096) promptPaste.current += text;
      if (!end) return;
      const first = normaliseLine(promptPaste.current.split(/[\r\n]/).find((line) => line.trim()) ?? '').trim();
      promptPaste.current = '';
      const draft = (prompt.pristine ? '' : prompt.draft) + first;
      setPrompt({ ...prompt, draft, pristine: false });
      if (prompt.kind === 'filter') setFilter(draft);
      return;
    }
    pasteBuffer.append(text);
    setStartError(null);
    setScreen('start');
    refreshStart(false);
  };

  // Keys wait their turn (use-terminal.ts); a paste that comes after keys still waiting waits behind them.
  const queue = useInputQueue<KeyPress | TerminalEvent>((next) => ('kind' in next ? onPasted(next) : onPressed(next)));
  const onPressed = (next: KeyPress) => {
    if (screen === 'start') startScreenInput(pasteBuffer, keySequence(next), startActions());
    else onKey(next.input, next.key);
  };
  const onPasted = (event: TerminalEvent) => {
    if (screen !== 'start') return pasteElsewhere(event.text, event.kind === 'paste' ? event.end : true);
    pasteBuffer.append(event.text);
    refreshStart(false);
  };

  const onTerminal = (event: TerminalEvent): void => {
    if (event.kind === 'paste') return queue.waiting() ? queue.add([event]) : onPasted(event);
    if (queue.waiting()) return queue.add(parseKeys(event.text, true).keys);
    if (screen === 'start') return startScreenInput(pasteBuffer, event.text, startActions());
    if (looksPasted(event.text)) return onPasted(event);
    queue.add(parseKeys(event.text, true).keys);
  };
  useTerminal(onTerminal);

  // ----- layout -----
  if (screen === 'start' || !session) {
    return (
      <Box flexDirection="column" height={rows - 1}>
        <StartScreen buffer={pasteBuffer} height={rows - 2} width={columns} error={startError} busy={busy} />
        <Footer width={columns} text="Ctrl-D analyse the paste  ⏎ open the typed path  Esc clear  Ctrl-C quit" />
      </Box>
    );
  }

  const badges = [
    severity !== 'all' ? `severity: ${severity}` : '',
    filter ? `filter: "${filter}"` : '',
    redacting ? 'REDACTED' : '',
    column > 0 && view !== 'model' ? `→ column ${column + 1} (0: back)` : '',
  ].filter(Boolean).join('  ');
  const statusLine = prompt
    ? prompt.kind === 'filter'
      ? { text: `/ ${prompt.draft}▏  (Enter keep, Esc clear)`, color: 'cyan' }
      : { text: `Export Markdown to: ${prompt.draft}▏  (Enter write, Esc cancel; typing replaces the default)`, color: 'cyan' }
    : status ?? { text: '' };

  let top: ReactElement;
  let body: ReactElement;
  if (screen === 'picker') {
    const worst = session.document.devices.map(worstSeverity);
    top = (
      <Box flexDirection="column">
        <Text bold wrap="truncate-end">{`slp-doctor — ${session.document.devices.length} devices  ${session.evaluated ? `✖${worst.filter((w) => w === 'error').length} with errors  ▲${worst.filter((w) => w === 'warning').length} with warnings` : 'evaluating the rules …'}`}</Text>
        <Text wrap="truncate-end" dimColor>{show(session.loaded.inputs.map((i) => i.file).join(', '))}</Text>
        <Text wrap="truncate-end" dimColor>{badges || ' '}</Text>
      </Box>
    );
    body = <DevicePicker devices={pickerDevices} cursor={pickerCursor} height={bodyHeight} show={show} evaluated={session.evaluated} />;
  } else {
    top = (
      <Box flexDirection="column">
        <Header analyzed={analyzed!} device={device!} show={show} />
        <Tabs view={view} badges={badges} />
      </Box>
    );
    // What every view with long lines takes: its height, the redaction, and how far it is scrolled sideways.
    const scrolling = { height: bodyHeight, show, column };
    if (view === 'findings') {
      body = (
        <FindingsView
          {...scrolling}
          findings={findings}
          selected={clamp(selected, 0, Math.max(0, findings.length - 1))}
          detail={detail}
          detailFocus={detailFocus}
          detailCursor={detailCursor}
          width={columns - 1}
          filtered={(analyzed?.findings.length ?? 0) > 0}
          evaluating={!session.evaluated}
        />
      );
    } else if (view === 'model') {
      body = <ModelView rows={treeRows} cursor={clamp(treeCursor, 0, Math.max(0, treeRows.length - 1))} height={bodyHeight} show={show} />;
    } else if (view === 'timeline') {
      body = (
        <TimelineView
          {...scrolling}
          chart={chart}
          events={events}
          cursor={clamp(timelineCursor, 0, Math.max(0, events.length - 1))}
          everything={everyEvent}
          hidden={allEvents.length - scopedEvents.length}
        />
      );
    } else {
      body = (
        <RawView
          {...scrolling}
          file={rawFile}
          capture={capture}
          sections={sections}
          matches={rawMatches}
          cursor={clamp(raw.cursor, 0, Math.max(0, rawTotal - 1))}
          cited={raw.file === rawFile ? raw.cited : NO_LINES}
          width={columns}
        />
      );
    }
  }
  return (
    <Box flexDirection="column" height={rows - 1} width={columns}>
      {top}
      {help ? <Help height={bodyHeight} width={columns} /> : body}
      <StatusLine text={statusLine.text} color={statusLine.color} />
      <Footer width={columns} />
    </Box>
  );
}

function rank(device: AnalyzedDevice): number {
  const worst = worstSeverity(device);
  return worst ? SEVERITY_RANK[worst] : 0;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
