// `show license eventlog`: the Smart Agent's event log. After a `**** Event Log ****` banner, one event per line:
// `2024-04-17 03:31:32.920 UTC SAEVT_ENDPOINT_USAGE count="0" entitlementTag="regid.…"`,
// `… SAEVT_PLATFORM eventSource="INFRA_SL" eventName="…"`; an empty log says ` No EventLog Found.`. Attribute values
// are quoted, may hold spaces and escaped quotes (`error="Unable to \"connect\""`), and are read by a small lexer.
import { CstParser, Lexer, createToken } from 'chevrotain';
import type { CstNode } from 'chevrotain';
import { parseDeviceTime } from '../../common/time.js';
import { FragmentBuilder } from '../fragment.js';
import type { CommandParser } from '../fragment.js';
import {
  group,
  lazyGrammar,
  lineToken,
  OtherLine,
  ReadLines,
  readSection,
  tokensOf,
} from '../shared/license-lines.js';
import type { LineKind } from '../shared/license-lines.js';
import { grammarConfig, LEXER_CHECKS } from '../grammar-options.js';

const Banner = lineToken('Banner');
const Event = lineToken('Event');
const NoEvents = lineToken('NoEvents');

const LINE_KINDS: LineKind[] = [
  { token: Banner, pattern: /^\s*\*+\s*Event Log\s*\*+\s*$/i },
  { token: NoEvents, pattern: /^\s*No EventLog Found\.?\s*$/i },
  // the zone is optional; event types always carry an underscore (SAEVT_READY), zones never do
  {
    token: Event,
    pattern:
      /^\s*(\d{4}-\d{2}-\d{2}[ T]\d{1,2}:\d{2}:\d{2}(?:[.,]\d+)?)\s+(?:([A-Z]{1,5}|[+-]\d{2}:?\d{2})\s+)?([A-Z][A-Z0-9]*_[A-Z0-9_]+)\b\s*(.*)$/,
  },
];

class EventlogGrammar extends CstParser {
  constructor() {
    super([Banner, NoEvents, Event, OtherLine], { recoveryEnabled: false, ...grammarConfig() });
    this.performSelfAnalysis();
  }

  eventlog = this.RULE('eventlog', () => {
    this.MANY(() =>
      this.OR([
        { ALT: () => this.CONSUME(Banner) },
        { ALT: () => this.CONSUME(NoEvents) },
        { ALT: () => this.CONSUME(Event) },
        { ALT: () => this.CONSUME(OtherLine) },
      ]),
    );
  });
}

// Attributes: name="quoted value" or name=bare-value, separated by spaces.
const AttrName = createToken({ name: 'AttrName', pattern: /[A-Za-z_][\w.-]*/ });
const Equals = createToken({ name: 'Equals', pattern: /=/ });
const QuotedValue = createToken({ name: 'QuotedValue', pattern: /"(?:[^"\\]|\\.)*"/ });
const BareValue = createToken({ name: 'BareValue', pattern: /[^\s"=]+/ });
const Spaces = createToken({ name: 'Spaces', pattern: /\s+/, group: Lexer.SKIPPED });
/** Built on first use: building a lexer analyses its patterns, ~10 ms of every start-up that reads no event log. */
let attributeLexer: Lexer | undefined;
const attributes = (): Lexer =>
  (attributeLexer ??= new Lexer([Spaces, QuotedValue, AttrName, Equals, BareValue], {
    positionTracking: 'onlyOffset',
    ensureOptimizations: false,
    ...LEXER_CHECKS,
  }));

const eventlogGrammar = lazyGrammar(() => new EventlogGrammar());

export const licenseEventlogParser: CommandParser = {
  id: 'license-eventlog',
  commands: ['show license eventlog'],
  fills: { scalars: [], lists: ['events'] },
  specificity: 30,
  parse(section) {
    const out = new FragmentBuilder(this.id, section, this.specificity);
    readSection(section, out, eventlogGrammar, LINE_KINDS, (g) => g.eventlog(), (cst, read) => extractEvents(cst, out, read));
    return out.build();
  },
};

function extractEvents(cst: CstNode, out: FragmentBuilder, read: ReadLines): void {
  for (const token of tokensOf(cst)) {
    if (token.tokenType === Banner) read.mark(token);
    if (token.tokenType === NoEvents) {
      read.mark(token);
      out.touch('events');
    }
    if (token.tokenType !== Event) continue;
    read.mark(token);
    const line = token.startOffset;
    const stamp = [group(token, 1), group(token, 2)].filter((part) => part !== undefined).join(' ');
    const time = parseDeviceTime(stamp);
    if (time === null) out.diag(line, `unreadable event time "${stamp}"`);
    else if (time.unknownZone) out.diag(line, `unknown time zone "${time.zone}" (read as UTC)`);
    const { attrs, problem } = readAttributes(group(token, 4) ?? '');
    if (problem) out.diag(line, problem);
    out.add('events', { time: time?.iso ?? null, type: group(token, 3)!, attrs, line, file: out.file }, line);
  }
}

/** Reads `name="value" name=value …`; what cannot be read is reported, the rest kept. */
export function readAttributes(text: string): { attrs: Record<string, string>; problem: string | null } {
  const attrs: Record<string, string> = {};
  const lexed = attributes().tokenize(text);
  // an unterminated quote stops reading: the rest of the line is the value it was meant to be
  const stopAt = lexed.errors[0]?.offset ?? Number.POSITIVE_INFINITY;
  const tokens = lexed.tokens.filter((token) => token.startOffset < stopAt);
  let problem: string | null = lexed.errors.length > 0 ? 'unterminated quote in event attributes' : null;
  let i = 0;
  while (i < tokens.length) {
    const name = tokens[i]!;
    const equals = tokens[i + 1];
    if (name.tokenType !== AttrName || equals?.tokenType !== Equals) {
      problem ??= `unreadable event attribute text "${name.image}"`;
      i += 1;
      continue;
    }
    const value = tokens[i + 2];
    const adjacent = value !== undefined && value.startOffset === equals.startOffset + 1;
    if (adjacent && value.tokenType === QuotedValue) {
      attrs[name.image] = value.image.slice(1, -1).replace(/\\(.)/g, '$1');
      i += 3;
    } else if (adjacent) {
      // a bare value runs to the next space even where it looks like several tokens (`regid.2017-03.com…,1.0_…`)
      const end = /\s|$/.exec(text.slice(value.startOffset))!.index + value.startOffset;
      attrs[name.image] = text.slice(value.startOffset, end);
      i += 2;
      while (i < tokens.length && tokens[i]!.startOffset < end) i += 1;
    } else {
      const open = stopAt === equals.startOffset + 1 ? /^"(.*)$/s.exec(text.slice(stopAt)) : null;
      attrs[name.image] = open ? open[1]!.replace(/\\(.)/g, '$1').trimEnd() : '';
      i += 2;
    }
  }
  return { attrs, problem };
}
