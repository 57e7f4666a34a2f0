// `show license rum id all` (IOS-XE 17.7+, NX-OS 10.2+): the `Smart Licensing Usage Report:` table
// (`Report Id  State  Flag  Feature Name`, newer releases with commas: `Report Id,   State,   Flag, Feature Name`), and
// the older `test license smart rum id-list` form (`report_id:1712841240 state:SmartAgentRumStateUnacknowledged`),
// which captures often paste under the same heading. `show license rum id all detail` prints one block per report:
// `Report Id: 1600650817`, then indented fields, several to a line (`State: ACK, State Change Reason: ACKED`).
import { CstParser } from 'chevrotain';
import type { CstNode, IToken } from 'chevrotain';
import type { RumReport } from '../../common/device.js';
import { FragmentBuilder } from '../fragment.js';
import type { CommandParser } from '../fragment.js';
import {
  group,
  lazyGrammar,
  payloadOf,
  lineToken,
  OtherLine,
  ReadLines,
  readSection,
  subrulesOf,
  tokensOf,
  UNDERLINE,
  valueOrNull,
} from '../shared/license-lines.js';
import type { LineKind } from '../shared/license-lines.js';
import { grammarConfig } from '../grammar-options.js';

const ReportTitle = lineToken('ReportTitle');
const Underline = lineToken('Underline');
const TableHeader = lineToken('TableHeader');
const ReportRow = lineToken('ReportRow');
const LabelledRow = lineToken('LabelledRow');
const AgentRow = lineToken('AgentRow');
const NoReports = lineToken('NoReports');
const DetailTitle = lineToken('DetailTitle');
const DetailId = lineToken('DetailId');
const DetailFields = lineToken('DetailFields');

const LINE_KINDS: LineKind[] = [
  { token: ReportTitle, pattern: /^\s*Smart Licensing Usage Report\s*:\s*$/i },
  { token: DetailTitle, pattern: /^\s*Smart Licensing Usage Report Detail\s*:\s*$/i },
  { token: Underline, pattern: UNDERLINE },
  { token: TableHeader, pattern: /^\s*Report Id,?\s+State,?\s+Flag,?\s+Feature Name\s*$/i },
  // `1712555132 UNACK E  Error network-advantage_100M`: some releases spell the flag out after its letter
  {
    token: ReportRow,
    pattern: /^\s*(\d{4,}),?\s+([A-Za-z_]+),?\s+(?:([A-Z]),?(?:\s+(?:Error|Normal))?\s+)?(\S(?:.*\S)?)\s*$/,
  },
  { token: DetailId, pattern: /^\s*Report Id\s*:\s*(\d+)\s*$/i },
  {
    token: LabelledRow,
    pattern: /^\s*Report Id\s*:\s*(\d+)\s+State\s*:\s*(\S+)(?:\s+Flag\s*:\s*(\S+))?(?:\s+Feature Name\s*:\s*(.*?))?\s*$/i,
  },
  { token: AgentRow, pattern: /^\s*report_id\s*:\s*(\d+)\s+state\s*:\s*(\S+)\s*$/i },
  { token: NoReports, pattern: /^\s*No (?:report|reports|RUM reports?) (?:in device|found|available)\.?\s*$/i },
  // `  Metric Name: ENTITLEMENT`, `  Previous Report Id: 0, Next Report Id: 1600650818`: indented, one field or more
  { token: DetailFields, pattern: /^\s+[A-Z][A-Za-z ]*?\s*:.*$/ },
];

/** `State: ACK, State Change Reason: ACKED` → two fields; a comma inside a value (`PID:C9300,SN:…`) has no space. */
const FIELD_SEPARATOR = /,\s+(?=[A-Z][A-Za-z ]*?\s*:)/;
const DETAIL_FIELD = /^\s*([A-Z][A-Za-z ]*?)\s*:\s*(.*?)\s*$/;

class RumGrammar extends CstParser {
  constructor() {
    super([ReportTitle, DetailTitle, Underline, TableHeader, ReportRow, LabelledRow, AgentRow, DetailId, DetailFields, NoReports, OtherLine], {
      recoveryEnabled: false,
      ...grammarConfig(),
    });
    this.performSelfAnalysis();
  }

  rum = this.RULE('rum', () => {
    this.MANY(() =>
      this.OR([
        { ALT: () => this.SUBRULE(this.title) },
        { ALT: () => this.SUBRULE(this.table) },
        { ALT: () => this.SUBRULE(this.detail) },
        { ALT: () => this.CONSUME(ReportRow) },
        { ALT: () => this.CONSUME(LabelledRow) },
        { ALT: () => this.CONSUME(AgentRow) },
        { ALT: () => this.CONSUME(NoReports) },
        { ALT: () => this.CONSUME(Underline) },
        // a field outside any report block is not read (it stays unrecognised)
        { ALT: () => this.CONSUME(DetailFields) },
        { ALT: () => this.CONSUME(OtherLine) },
      ]),
    );
  });

  title = this.RULE('title', () => {
    this.OR([{ ALT: () => this.CONSUME(ReportTitle) }, { ALT: () => this.CONSUME(DetailTitle) }]);
    this.OPTION(() => this.CONSUME(Underline));
  });

  detail = this.RULE('detail', () => {
    this.CONSUME(DetailId);
    this.MANY(() => this.CONSUME(DetailFields));
  });

  table = this.RULE('table', () => {
    this.CONSUME(TableHeader);
    this.OPTION(() => this.CONSUME(Underline));
    this.MANY(() => this.CONSUME(ReportRow));
  });
}

const rumGrammar = lazyGrammar(() => new RumGrammar());

export const licenseRumParser: CommandParser = {
  id: 'license-rum',
  commands: ['show license rum id all', 'show license rum id all detail'],
  fills: { scalars: [], lists: ['rumReports'] },
  specificity: 30,
  parse(section) {
    const out = new FragmentBuilder(this.id, section, this.specificity);
    readSection(section, out, rumGrammar, LINE_KINDS, (g) => g.rum(), (cst, read) => extractReports(cst, out, read));
    return out.build();
  },
};

function extractReports(cst: CstNode, out: FragmentBuilder, read: ReadLines): void {
  const blocks = subrulesOf(cst);
  const details = blocks.filter((block) => block.name === 'detail');
  const tokens = [...tokensOf(cst), ...blocks.filter((block) => block.name !== 'detail').flatMap(tokensOf)];
  const entries: { line: number; report: RumReport | null; touches: boolean }[] = [];
  for (const token of tokens) {
    if (token.tokenType === OtherLine || token.tokenType === DetailFields) continue;
    read.mark(token);
    // a printed table (or "No report in device") with no rows means the device holds no reports
    const touches = token.tokenType === NoReports || token.tokenType === TableHeader || token.tokenType === DetailTitle;
    entries.push({ line: token.startOffset, report: reportOf(token), touches });
  }
  for (const block of details) {
    const [id] = tokensOf(block);
    entries.push({ line: id!.startOffset, report: detailReport(block, read, out), touches: false });
  }
  entries.sort((a, b) => a.line - b.line);
  for (const { line, report, touches } of entries) {
    if (report) out.add('rumReports', report, line);
    else if (touches) out.touch('rumReports');
  }
}

/**
 * One block of `show license rum id … detail`; the model keeps its id, state and feature. A block without a State
 * line (output cut short) is reported rather than given a state it did not print.
 */
function detailReport(block: CstNode, read: ReadLines, out: FragmentBuilder): RumReport | null {
  const [id, ...lines] = tokensOf(block);
  read.mark(id!);
  let state: string | null = null;
  let featureName: string | null = null;
  for (const line of lines) {
    read.mark(line);
    for (const part of payloadOf(line).line.text.split(FIELD_SEPARATOR)) {
      const field = DETAIL_FIELD.exec(part);
      if (!field) continue;
      const key = field[1]!.toLowerCase();
      if (key === 'state') state = rumState(field[2]!);
      else if (key === 'feature name') featureName = valueOrNull(field[2]);
    }
  }
  if (state === null) {
    out.diag(id!.startOffset, `report ${group(id!, 1)} has no State line (output cut short?)`);
    return null;
  }
  return { id: Number(group(id!, 1)), state, flag: null, featureName };
}

function reportOf(token: IToken): RumReport | null {
  if (token.tokenType === ReportRow || token.tokenType === LabelledRow) {
    return {
      id: Number(group(token, 1)),
      state: rumState(group(token, 2)!),
      flag: valueOrNull(group(token, 3)),
      featureName: valueOrNull(group(token, 4)),
    };
  }
  if (token.tokenType === AgentRow) {
    return { id: Number(group(token, 1)), state: rumState(group(token, 2)!), flag: null, featureName: null };
  }
  return null;
}

/** `SmartAgentRumStateUnacknowledged` → `UNACKNOWLEDGED`; table states (`ACK`, `UNACK`, `OPEN`) are only upper-cased. */
export function rumState(text: string): string {
  return text.replace(/^SmartAgentRumState/i, '').toUpperCase();
}
