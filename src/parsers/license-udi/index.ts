// `show license udi`: `UDI: PID:N9K-C9504, SN:FOX0000X0EF` and the `HA UDI List:` (`Active:PID:…,SN:…`, `Standby:…`,
// `Member:…`, also `HA UDI List: Active: PID:…` on one line), or the older table (`SlotID PID SN UDI`, a `*` row for
// the active unit, tabs between columns).
import { CstParser } from 'chevrotain';
import type { CstNode, IToken } from 'chevrotain';
import type { HaRole } from '../../common/device.js';
import { FragmentBuilder } from '../fragment.js';
import type { CommandParser } from '../fragment.js';
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
} from '../shared/license-lines.js';
import type { LineKind } from '../shared/license-lines.js';
import { grammarConfig } from '../grammar-options.js';

const Udi = lineToken('Udi');
const HaListHeading = lineToken('HaListHeading');
const HaUdiLine = lineToken('HaUdiLine');
const TableHeader = lineToken('TableHeader');
const Underline = lineToken('Underline');
const TableRow = lineToken('TableRow');

const PID_SN = String.raw`PID\s*:\s*([^,\s]+)\s*,\s*SN\s*:\s*([^,\s]+)(?:\s*,.*)?`;

const LINE_KINDS: LineKind[] = [
  { token: Udi, pattern: new RegExp(String.raw`^\s*UDI\s*:\s*${PID_SN}\s*$`, 'i') },
  { token: HaListHeading, pattern: /^\s*HA UDI List\s*:\s*$/i },
  {
    token: HaUdiLine,
    pattern: new RegExp(String.raw`^\s*(?:HA UDI List\s*:\s*)?(Active|Standby|Member)\s*:\s*${PID_SN}\s*$`, 'i'),
  },
  { token: TableHeader, pattern: /^\s*SlotID\s+PID\s+SN\s+UDI\s*$/i },
  { token: Underline, pattern: UNDERLINE },
  // `*        C9300-48P              FOC2344X1AB     C9300-48P:FOC2344X1AB`; the slot column may be blank
  { token: TableRow, pattern: /^\s*(?:(\*\s*\d*|\d+)\s+)?(\S+)\s+(\S+)\s+(\S+:\S+)\s*$/ },
];

class UdiGrammar extends CstParser {
  constructor() {
    super([Udi, HaListHeading, HaUdiLine, TableHeader, Underline, TableRow, OtherLine], { recoveryEnabled: false, ...grammarConfig() });
    this.performSelfAnalysis();
  }

  udi = this.RULE('udi', () => {
    this.MANY(() =>
      this.OR([
        { ALT: () => this.CONSUME(Udi) },
        { ALT: () => this.SUBRULE(this.haList) },
        { ALT: () => this.CONSUME(HaUdiLine) },
        { ALT: () => this.SUBRULE(this.slotTable) },
        { ALT: () => this.CONSUME(TableRow) },
        { ALT: () => this.CONSUME(Underline) },
        { ALT: () => this.CONSUME(OtherLine) },
      ]),
    );
  });

  haList = this.RULE('haList', () => {
    this.CONSUME(HaListHeading);
    this.MANY(() => this.CONSUME(HaUdiLine));
  });

  slotTable = this.RULE('slotTable', () => {
    this.CONSUME(TableHeader);
    this.OPTION(() => this.CONSUME(Underline));
    this.MANY(() => this.CONSUME(TableRow));
  });
}

const udiGrammar = lazyGrammar(() => new UdiGrammar());

export const licenseUdiParser: CommandParser = {
  id: 'license-udi',
  commands: ['show license udi'],
  fills: { scalars: ['udi.pid', 'udi.sn'], lists: ['haUdis'] },
  specificity: 30,
  parse(section) {
    const out = new FragmentBuilder(this.id, section, this.specificity);
    readSection(section, out, udiGrammar, LINE_KINDS, (g) => g.udi(), (cst, read) => extractUdi(cst, out, read));
    return out.build();
  },
};

function extractUdi(cst: CstNode, out: FragmentBuilder, read: ReadLines): void {
  for (const token of tokensOf(cst)) {
    if (token.tokenType === Udi) {
      read.mark(token);
      out.set('udi.pid', group(token, 1), token.startOffset);
      out.set('udi.sn', group(token, 2), token.startOffset);
    } else if (token.tokenType === HaUdiLine) {
      readHaUdi(token, out, read);
    } else if (token.tokenType === Underline) {
      read.mark(token);
    }
    // a table row without its header is not trusted: it stays unrecognised
  }
  for (const block of subrulesOf(cst)) {
    if (block.name === 'haList') {
      for (const token of tokensOf(block)) {
        if (token.tokenType === HaUdiLine) readHaUdi(token, out, read);
        else read.mark(token);
      }
    } else if (block.name === 'slotTable') {
      readSlotTable(block, out, read);
    }
  }
}

function readHaUdi(token: IToken, out: FragmentBuilder, read: ReadLines): void {
  read.mark(token);
  const role = group(token, 1)!.toLowerCase() as HaRole;
  out.add('haUdis', { role, pid: group(token, 2)!, sn: group(token, 3)! }, token.startOffset);
}

/**
 * The older table lists every unit; `*` marks the active one, whose UDI is the device's. A single row is a standalone
 * device, which the SLP form prints without an HA list, so only a multi-row table fills haUdis.
 */
function readSlotTable(table: CstNode, out: FragmentBuilder, read: ReadLines): void {
  const rows = tokensOf(table).filter((token) => token.tokenType === TableRow);
  for (const token of tokensOf(table)) read.mark(token);
  const active = rows.find((row) => group(row, 1)?.startsWith('*')) ?? (rows.length === 1 ? rows[0] : undefined);
  if (active) {
    out.set('udi.pid', group(active, 2), active.startOffset);
    out.set('udi.sn', group(active, 3), active.startOffset);
  }
  if (rows.length < 2) return;
  for (const row of rows) {
    const role: HaRole = row === active ? 'active' : 'member';
    out.add('haUdis', { role, pid: group(row, 2)!, sn: group(row, 3)! }, row.startOffset);
  }
}
