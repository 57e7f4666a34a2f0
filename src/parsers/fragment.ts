// What one parser extracted from one section: scalar values by dotted path (each with its source line), list items,
// and diagnostics. The model builder merges fragments into a DeviceModel.
import type { CommandName } from '../ingest/commands.js';
import type { RawSection } from '../ingest/types.js';
import type { ListItems, ListPath, ScalarPath } from '../common/paths.js';

export type Scalar = string | number | boolean | null;

export interface FragmentValue {
  value: Scalar;
  line: number;
}

export interface Fragment {
  parser: string;
  command: string;
  file: string;
  hostname: string | null;
  /** Higher wins when two sections give the same field (a dedicated command beats a summary inside tech support). */
  specificity: number;
  scalars: Map<ScalarPath, FragmentValue>;
  lists: Map<ListPath, { items: unknown[]; lines: number[] }>;
  diagnostics: { line: number; message: string }[];
  startLine: number;
  endLine: number;
}

export class FragmentBuilder {
  private readonly fragment: Fragment;

  constructor(parser: string, section: RawSection, specificity: number) {
    const first = section.headerLine ?? section.lines[0]?.n ?? 0;
    const last = section.lines.length > 0 ? section.lines[section.lines.length - 1]!.n : first;
    this.fragment = {
      parser,
      command: section.command,
      file: section.file,
      hostname: section.hostname,
      specificity,
      scalars: new Map(),
      lists: new Map(),
      diagnostics: [],
      startLine: first,
      endLine: last,
    };
  }

  get file(): string {
    return this.fragment.file;
  }

  /** Record a scalar. `undefined` is ignored; null means the device printed "none"/"<empty>"/"Not Configured". */
  set(path: ScalarPath, value: Scalar | undefined, line: number): void {
    if (value === undefined) return;
    this.fragment.scalars.set(path, { value, line });
  }

  add<K extends ListPath>(path: K, item: ListItems[K], line: number): void {
    let list = this.fragment.lists.get(path);
    if (!list) {
      list = { items: [], lines: [] };
      this.fragment.lists.set(path, list);
    }
    list.items.push(item);
    list.lines.push(line);
  }

  /** Mark a list as present but empty (e.g. "No licenses in use"), so it overrides less specific sections. */
  touch(path: ListPath): void {
    if (!this.fragment.lists.has(path)) this.fragment.lists.set(path, { items: [], lines: [] });
  }

  /** A line of command output that states a result or an error (`% Invalid input …`), as a `messages` item. */
  message(text: string, line: number, command: string = this.fragment.command): void {
    this.add('messages', { command, text: text.trim(), line, file: this.fragment.file }, line);
  }

  diag(line: number, message: string): void {
    this.fragment.diagnostics.push({ line, message });
  }

  /** The standard diagnostic for a line inside a known section that no grammar rule reads. */
  unrecognised(line: number): void {
    this.diag(line, `unrecognised line in ${this.fragment.command}`);
  }

  build(): Fragment {
    return this.fragment;
  }
}

/** A parser, declared by the `index.ts` of its folder and listed in registry.ts. */
export interface CommandParser {
  /** Registry id and folder name, shown in the model's sections[].parser (`license-status`). */
  id: string;
  /** Canonical commands (ingest/commands.ts) this parser reads. */
  commands: readonly CommandName[];
  /** The model fields its fragments may give; test/goldens.test.ts holds every parser to them. */
  fills: { scalars: readonly ScalarPath[]; lists: readonly ListPath[] };
  specificity: number;
  /** True when a section of blank lines gives this parser nothing to record (so it need not be asked). */
  emptyWhenBlank?: boolean;
  /** Never throws: odd input becomes diagnostics. */
  parse(section: RawSection): Fragment;
}
