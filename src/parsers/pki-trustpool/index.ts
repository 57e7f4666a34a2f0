// `show crypto pki trustpool` (IOS-XE): the CA certificates the device trusts for TLS, one `CA Certificate` block
// each, with indented fields (`Status:`, `Certificate Serial Number (hex):`, `Associated Trustpoints:`, `Trustpool:
// Downloaded | Built-In`) and sub-blocks (`Issuer:` / `Subject:` with `cn=…`, `o=…` lines, `Validity Date:` with
// `start date:` / `end   date:`, `CRL Distribution Points:` with URLs). Smart Licensing over Smart or Call Home transport
// needs the CA of Cisco's servers here (FN72323: IdenTrust Commercial Root CA 1 replaced QuoVadis). A cut output
// (`<<output snipped>>`, a pager quit mid-certificate) proves nothing about an absent CA, so it is marked incomplete.
import { CstParser } from 'chevrotain';
import type { CstNode } from 'chevrotain';
import type { TrustpoolCertificate } from '../../common/device.js';
import { parseDeviceTime } from '../../common/time.js';
import { FragmentBuilder } from '../fragment.js';
import type { CommandParser } from '../fragment.js';
import { group, lazyGrammar, lineToken, OtherLine, ReadLines, readSection, subrulesOf, tokensOf, valueOrNull } from '../shared/license-lines.js';
import type { LineKind } from '../shared/license-lines.js';
import { grammarConfig } from '../grammar-options.js';

const ExecTimestamp = lineToken('ExecTimestamp');
const CertificateHeading = lineToken('CertificateHeading');
const Snipped = lineToken('Snipped');
const CliError = lineToken('CliError');
const ValidityDate = lineToken('ValidityDate');
const NameAttribute = lineToken('NameAttribute');
const Url = lineToken('Url');
const Field = lineToken('Field');

const LINE_KINDS: LineKind[] = [
  // `terminal exec prompt timestamp` prints these above any output; ingest reads them for the capture time
  { token: ExecTimestamp, pattern: /^\s*(?:Load for five secs:|Time source is |No time source\b)/ },
  { token: CertificateHeading, pattern: /^\s*(?:CA |Router |Trustpool )?Certificate\s*$/i },
  { token: Snipped, pattern: /^\s*(?:<<\s*output (?:snipped|omitted)\s*>>|<snip>|\.{3}\s*output (?:snipped|omitted)\s*\.{0,3})\s*$/i },
  { token: CliError, pattern: /^\s*%\s*\S/ },
  { token: ValidityDate, pattern: /^\s*(start|end)\s+date\s*:\s*(.*?)\s*$/i },
  { token: NameAttribute, pattern: /^\s+([A-Za-z][A-Za-z0-9.]*)\s*=\s*(.*?)\s*$/ },
  { token: Url, pattern: /^\s+(?:https?|ldap|file):\/\/\S+\s*$/i },
  // `Certificate Serial Number (hex): 0509`, `Issuer: ` (its lines follow), `Trustpool: Built-In`
  { token: Field, pattern: /^\s+([A-Za-z][A-Za-z ()-]*?)\s*:\s*(.*?)\s*$/ },
];

class TrustpoolGrammar extends CstParser {
  constructor() {
    super([ExecTimestamp, CertificateHeading, Snipped, CliError, ValidityDate, NameAttribute, Url, Field, OtherLine], {
      recoveryEnabled: false,
      ...grammarConfig(),
    });
    this.performSelfAnalysis();
  }

  trustpool = this.RULE('trustpool', () => {
    this.MANY(() =>
      this.OR([
        { ALT: () => this.SUBRULE(this.certificate) },
        { ALT: () => this.CONSUME(ExecTimestamp) },
        { ALT: () => this.CONSUME(Snipped) },
        { ALT: () => this.CONSUME(CliError) },
        // certificate lines outside a certificate are not read (they stay unrecognised)
        { ALT: () => this.CONSUME(Field) },
        { ALT: () => this.CONSUME(NameAttribute) },
        { ALT: () => this.CONSUME(ValidityDate) },
        { ALT: () => this.CONSUME(Url) },
        { ALT: () => this.CONSUME(OtherLine) },
      ]),
    );
  });

  certificate = this.RULE('certificate', () => {
    this.CONSUME(CertificateHeading);
    this.MANY(() =>
      this.OR([
        { ALT: () => this.CONSUME(Field) },
        { ALT: () => this.CONSUME(NameAttribute) },
        { ALT: () => this.CONSUME(ValidityDate) },
        { ALT: () => this.CONSUME(Url) },
      ]),
    );
  });
}

const trustpoolGrammar = lazyGrammar(() => new TrustpoolGrammar());

export const pkiTrustpoolParser: CommandParser = {
  id: 'pki-trustpool',
  commands: ['show crypto pki trustpool'],
  fills: { scalars: ['trustpool.complete'], lists: ['trustpool.certificates'] },
  specificity: 30,
  parse(section) {
    const out = new FragmentBuilder(this.id, section, this.specificity);
    readSection(section, out, trustpoolGrammar, LINE_KINDS, (g) => g.trustpool(), (cst, read) => extractTrustpool(cst, out, read));
    return out.build();
  },
};

function extractTrustpool(cst: CstNode, out: FragmentBuilder, read: ReadLines): void {
  let complete = true;
  let cliErrors = 0;
  for (const token of tokensOf(cst)) {
    if (token.tokenType === ExecTimestamp) read.mark(token);
    else if (token.tokenType === Snipped) {
      read.mark(token);
      complete = false;
    } else if (token.tokenType === CliError) {
      // A refusal (`% Invalid input`) is read by ingest as an unknown command's answer; another `%` line is not ours
      // to read, and stays unread.
      cliErrors += 1;
    }
  }
  const certificates = subrulesOf(cst).filter((block) => block.name === 'certificate');
  // the device answered with a `%` line instead of certificates: what the trustpool holds is unknown
  if (cliErrors > 0 && certificates.length === 0) return;
  out.touch('trustpool.certificates');
  for (const block of certificates) {
    const { certificate, whole } = readCertificate(block, out, read);
    out.add('trustpool.certificates', certificate, tokensOf(block)[0]!.startOffset);
    // a pager quit leaves the last certificate without its subject or validity
    if (!whole) complete = false;
  }
  const first = tokensOf(cst)[0]?.startOffset ?? 0;
  out.set('trustpool.complete', complete, first);
}

function readCertificate(block: CstNode, out: FragmentBuilder, read: ReadLines): { certificate: TrustpoolCertificate; whole: boolean } {
  const certificate: TrustpoolCertificate = { subject: null, origin: null, validUntil: null };
  /** The field whose lines follow (`Subject:`, `Issuer:`, `Validity Date:`, `CRL Distribution Points:`). */
  let under = '';
  let subjectNames: { key: string; value: string }[] = [];
  let endDateSeen = false;
  for (const token of tokensOf(block)) {
    read.mark(token);
    if (token.tokenType === Field) {
      under = group(token, 1)!.toLowerCase();
      if (under === 'trustpool') certificate.origin = valueOrNull(group(token, 2));
      if (under === 'subject') subjectNames = [];
    } else if (token.tokenType === NameAttribute && under === 'subject') {
      subjectNames.push({ key: group(token, 1)!.toLowerCase(), value: group(token, 2)! });
    } else if (token.tokenType === ValidityDate && group(token, 1)!.toLowerCase() === 'end') {
      endDateSeen = true;
      certificate.validUntil = certificateTime(group(token, 2)!, token.startOffset, out);
    }
  }
  // a CA is known by its common name; one without a `cn=` by the first part of its name
  const name = subjectNames.find((part) => part.key === 'cn') ?? subjectNames[0];
  certificate.subject = name?.value ?? null;
  return { certificate, whole: name !== undefined && endDateSeen };
}

function certificateTime(text: string, line: number, out: FragmentBuilder): string | null {
  const time = parseDeviceTime(text);
  if (time === null) {
    out.diag(line, `unreadable certificate date "${text}"`);
    return null;
  }
  if (time.unknownZone) out.diag(line, `unknown time zone "${time.zone}" (read as UTC)`);
  return time.iso;
}
