// `show license rum id all` (IOS-XE 17.7+, NX-OS 10.2+): the `Smart Licensing Usage Report:` table
// (`Report Id  State  Flag  Feature Name`), and the older `test license smart rum id-list` form
// (`report_id:1673725840 state:SmartAgentRumStateUnacknowledged`), which captures often paste under the same heading.
import { CstParser } from 'chevrotain';
import type { CstNode, IToken } from 'chevrotain';
import type { RumReport } from '../common/device.js';
import { FragmentBuilder } from './fragment.js';
import type { CommandParser } from './fragment.js';
import {
  group,
  lazyGrammar,
  lineToken,
  OtherLine,
  ReadLines,
  readSection,
  subrulesOf,
  tokensOf,
  UNDERLINE,
  valueOrNull,
} from './shared/license-lines.js';
import type { LineKind } from './shared/license-lines.js';
import { GRAMMAR_CHECKS } from './grammar-options.js';

const ReportTitle = lineToken('ReportTitle');
const Underline = lineToken('Underline');
const TableHeader = lineToken('TableHeader');
const ReportRow = lineToken('ReportRow');
const LabelledRow = lineToken('LabelledRow');
const AgentRow = lineToken('AgentRow');
const NoReports = lineToken('NoReports');

const LINE_KINDS: LineKind[] = [
  { token: ReportTitle, pattern: /^\s*Smart Licensing Usage Report\s*:\s*$/i },
  { token: Underline, pattern: UNDERLINE },
  { token: TableHeader, pattern: /^\s*Report Id\s+State\s+Flag\s+Feature Name\s*$/i },
  // `1673377132 UNACK E  Error network-advantage_100M`: some releases spell the flag out after its letter
  {
    token: ReportRow,
    pattern: /^\s*(\d{4,})\s+([A-Za-z_]+)\s+(?:([A-Z])(?:\s+(?:Error|Normal))?\s+)?(\S(?:.*\S)?)\s*$/,
  },
  {
    token: LabelledRow,
    pattern: /^\s*Report Id\s*:\s*(\d+)\s+State\s*:\s*(\S+)(?:\s+Flag\s*:\s*(\S+))?(?:\s+Feature Name\s*:\s*(.*?))?\s*$/i,
  },
  { token: AgentRow, pattern: /^\s*report_id\s*:\s*(\d+)\s+state\s*:\s*(\S+)\s*$/i },
  { token: NoReports, pattern: /^\s*No (?:report|reports|RUM reports?) (?:in device|found|available)\.?\s*$/i },
];

class RumGrammar extends CstParser {
  constructor() {
    super([ReportTitle, Underline, TableHeader, ReportRow, LabelledRow, AgentRow, NoReports, OtherLine], {
      recoveryEnabled: false,
      ...GRAMMAR_CHECKS,
    });
    this.performSelfAnalysis();
  }

  rum = this.RULE('rum', () => {
    this.MANY(() =>
      this.OR([
        { ALT: () => this.SUBRULE(this.title) },
        { ALT: () => this.SUBRULE(this.table) },
        { ALT: () => this.CONSUME(ReportRow) },
        { ALT: () => this.CONSUME(LabelledRow) },
        { ALT: () => this.CONSUME(AgentRow) },
        { ALT: () => this.CONSUME(NoReports) },
        { ALT: () => this.CONSUME(Underline) },
        { ALT: () => this.CONSUME(OtherLine) },
      ]),
    );
  });

  title = this.RULE('title', () => {
    this.CONSUME(ReportTitle);
    this.OPTION(() => this.CONSUME(Underline));
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
  commands: ['show license rum id all'],
  specificity: 30,
  parse(section) {
    const out = new FragmentBuilder(this.id, section, this.specificity);
    readSection(section, out, rumGrammar, LINE_KINDS, (g) => g.rum(), (cst, read) => extractReports(cst, out, read));
    return out.build();
  },
};

function extractReports(cst: CstNode, out: FragmentBuilder, read: ReadLines): void {
  const tokens = [...tokensOf(cst), ...subrulesOf(cst).flatMap(tokensOf)].sort((a, b) => a.startOffset - b.startOffset);
  for (const token of tokens) {
    if (token.tokenType === OtherLine) continue;
    read.mark(token);
    const report = reportOf(token);
    // a printed table (or "No report in device") with no rows means the device holds no reports
    if (report) out.add('rumReports', report, token.startOffset);
    else if (token.tokenType === NoReports || token.tokenType === TableHeader) out.touch('rumReports');
  }
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
