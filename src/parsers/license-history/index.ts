// `show license history message`: the messages exchanged with CSSM / CSLU / SSM On-Prem, oldest first, under
// `Message History (oldest to newest):` and one heading per message kind (`Trust Establishment:`, `Usage Reporting:`,
// `Result Polling:`, `Authorization Request:`, `Authorization Return:`, `Trust Sync:`), then what was imported offline
// under `Import Message History (oldest to newest):` (`Import POLICY:`, `Import AUTH:`, `Import TRUST CODE:`,
// `Import RUM ACK:`, `Import CONVERSION ACK:`, `Import ACCOUNT INFO:`). A kind without messages says `No past history`
// (`No past Import history`). Each message starts at a line with a timestamp; the request/response line after it is
// its summary; the XML (or JSON) body is read, not kept.
import { CstParser } from 'chevrotain';
import type { CstNode, IToken } from 'chevrotain';
import { MONTH_ABBREVIATIONS, parseDeviceTime } from '../../common/time.js';
import { FragmentBuilder } from '../fragment.js';
import type { CommandParser } from '../fragment.js';
import {
  group,
  lazyGrammar,
  lineToken,
  OtherLine,
  payloadOf,
  ReadLines,
  readSection,
  subrulesOf,
  tokensOf,
  UNDERLINE,
} from '../shared/license-lines.js';
import type { LineKind } from '../shared/license-lines.js';
import { grammarConfig } from '../grammar-options.js';

const Title = lineToken('Title');
const Underline = lineToken('Underline');
const KindHeading = lineToken('KindHeading');
const MessageBody = lineToken('MessageBody');
const Stamped = lineToken('Stamped');
const RequestResponse = lineToken('RequestResponse');
const NoHistory = lineToken('NoHistory');

const MONTH = `(?:${MONTH_ABBREVIATIONS})`;
const CLOCK = String.raw`\d{1,2}:\d{2}:\d{2}(?:\.\d+)?`;
const ZONE = String.raw`(?:\s+[A-Z]{2,5})?`;
// `Jan 16 10:12:21 2023 UTC`, `Jan 16 10:12:21 UTC 2023`, `2023-01-16 10:12:21.123 UTC`
const STAMP = String.raw`(${MONTH}\s+\d{1,2}\s+${CLOCK}(?:\s+\d{4})?${ZONE}(?:\s+\d{4})?|\d{4}-\d{2}-\d{2}[ T]${CLOCK}${ZONE})`;

const LINE_KINDS: LineKind[] = [
  { token: Title, pattern: /^\s*(?:Import )?Message History\s*\(oldest to newest\)\s*:?\s*$/i },
  { token: NoHistory, pattern: /^\s*No past (?:Import )?history\.?\s*$/i },
  { token: Underline, pattern: UNDERLINE },
  { token: KindHeading, pattern: /^\s*([A-Z][A-Za-z]*(?:[ -][A-Z][A-Za-z]*)+)\s*:\s*$/ },
  { token: MessageBody, pattern: /^\s*[<{}[\]"]/ },
  { token: Stamped, pattern: new RegExp(String.raw`^.*?\b${STAMP}`) },
  { token: RequestResponse, pattern: /^\s*(?:Request|Response|Sent|Send|Received|Receive|Reply|Message|Status|Error|HTTP)\b.*$/i },
];

class HistoryGrammar extends CstParser {
  constructor() {
    super([Title, Underline, KindHeading, NoHistory, MessageBody, Stamped, RequestResponse, OtherLine], { recoveryEnabled: false, ...grammarConfig() });
    this.performSelfAnalysis();
  }

  history = this.RULE('history', () => {
    this.MANY(() =>
      this.OR([
        { ALT: () => this.SUBRULE(this.title) },
        { ALT: () => this.SUBRULE(this.kind) },
        { ALT: () => this.SUBRULE(this.message) },
        { ALT: () => this.CONSUME(MessageBody) },
        { ALT: () => this.CONSUME(RequestResponse) },
        { ALT: () => this.CONSUME(Underline) },
        // outside a kind it says nothing: not read, so it is reported
        { ALT: () => this.CONSUME(NoHistory) },
        { ALT: () => this.CONSUME(OtherLine) },
      ]),
    );
  });

  title = this.RULE('title', () => {
    this.CONSUME(Title);
    this.OPTION(() => this.CONSUME(Underline));
  });

  kind = this.RULE('kind', () => {
    this.CONSUME(KindHeading);
    this.OPTION(() => this.CONSUME(Underline));
    this.MANY(() =>
      this.OR([
        { ALT: () => this.CONSUME(NoHistory) },
        { ALT: () => this.SUBRULE(this.message) },
        { ALT: () => this.CONSUME(RequestResponse) },
        { ALT: () => this.CONSUME(MessageBody) },
        // stray text between messages is reported but does not end the kind's block
        { ALT: () => this.CONSUME(OtherLine) },
      ]),
    );
  });

  message = this.RULE('message', () => {
    this.CONSUME(Stamped);
    this.MANY(() =>
      this.OR([
        { ALT: () => this.CONSUME(RequestResponse) },
        { ALT: () => this.CONSUME(MessageBody) },
        // wrapped XML, base64 signatures: inside a message any other line is body text
        { ALT: () => this.CONSUME(OtherLine) },
      ]),
    );
  });
}

const historyGrammar = lazyGrammar(() => new HistoryGrammar());

export const licenseHistoryParser: CommandParser = {
  id: 'license-history',
  commands: ['show license history message'],
  fills: { scalars: [], lists: ['history'] },
  specificity: 30,
  parse(section) {
    const out = new FragmentBuilder(this.id, section, this.specificity);
    readSection(section, out, historyGrammar, LINE_KINDS, (g) => g.history(), (cst, read) => extractHistory(cst, out, read));
    return out.build();
  },
};

/** `Trust Establishment` → `trust-establishment` */
export function kebabKind(heading: string): string {
  return heading.trim().toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

function extractHistory(cst: CstNode, out: FragmentBuilder, read: ReadLines): void {
  for (const token of tokensOf(cst)) {
    // XML outside any message is still message text, not something we failed to read
    if (token.tokenType === MessageBody || token.tokenType === Underline) read.mark(token);
  }
  for (const block of subrulesOf(cst)) {
    if (block.name === 'title') tokensOf(block).forEach((token) => read.mark(token));
    else if (block.name === 'message') readMessage(block, 'unknown', out, read);
    else if (block.name === 'kind') readKind(block, out, read);
  }
}

function readKind(block: CstNode, out: FragmentBuilder, read: ReadLines): void {
  const tokens = tokensOf(block);
  const heading = tokens.find((token) => token.tokenType === KindHeading);
  const kind = heading ? kebabKind(group(heading, 1) ?? 'unknown') : 'unknown';
  for (const token of tokens) {
    if (token.tokenType === OtherLine) continue;
    read.mark(token);
    // a request/response line with no timestamp before it is a message whose time was not printed
    if (token.tokenType === RequestResponse) addMessage(out, kind, null, summaryOf(token), token.startOffset);
  }
  for (const message of subrulesOf(block)) readMessage(message, kind, out, read);
}

function readMessage(block: CstNode, kind: string, out: FragmentBuilder, read: ReadLines): void {
  const tokens = tokensOf(block);
  tokens.forEach((token) => read.mark(token));
  const stamped = tokens[0]!;
  const line = stamped.startOffset;
  const stamp = group(stamped, 1) ?? '';
  const time = parseDeviceTime(stamp);
  if (time === null) out.diag(line, `message time "${stamp}" has no year; time left unknown`);
  else if (time.unknownZone) out.diag(line, `unknown time zone "${time.zone}" (read as UTC)`);
  const summaryLine = tokens.find((token) => token.tokenType === RequestResponse) ?? stamped;
  addMessage(out, kind, time?.iso ?? null, summaryOf(summaryLine), line);
}

function addMessage(out: FragmentBuilder, kind: string, time: string | null, summary: string, line: number): void {
  out.add('history', { kind, time, summary, line, file: out.file }, line);
}

function summaryOf(token: IToken): string {
  const text = payloadOf(token).line.text.trim().replace(/\s+/g, ' ');
  return text.length > 200 ? `${text.slice(0, 197)}...` : text;
}
