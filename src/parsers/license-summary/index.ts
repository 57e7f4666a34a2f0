// `show license summary` on NX-OS and IOS-XE: the `License Usage:` table (header `Entitlement Tag` or `Entitlement
// tag`, rows indented by 2 or 4, columns placed differently by release), `No licenses in use`, the `Account
// Information:` of SLP releases 17.7 and later, and the classic Smart Licensing summary (`Smart Licensing is
// ENABLED`, `Registration:`, `License Authorization:`) that shows a device not yet on SLP.
import { CstParser } from 'chevrotain';
import type { CstNode, IToken } from 'chevrotain';
import type { License } from '../../common/device.js';
import type { RawSection } from '../../ingest/types.js';
import { FragmentBuilder } from '../fragment.js';
import type { CommandParser } from '../fragment.js';
import {
  countOrNull,
  group,
  isShortEntitlementTag,
  isSlpLicenseStatus,
  lazyGrammar,
  licenseOf,
  licenseStatus,
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

const SmartLicensingState = lineToken('SmartLicensingState');
const RegistrationHeading = lineToken('RegistrationHeading');
const AuthorizationHeading = lineToken('AuthorizationHeading');
const ConversionHeading = lineToken('ConversionHeading');
const UsageHeading = lineToken('UsageHeading');
const AccountHeading = lineToken('AccountHeading');
const TableHeader = lineToken('TableHeader');
const Underline = lineToken('Underline');
const NoLicenses = lineToken('NoLicenses');
const EmptyDescription = lineToken('EmptyDescription');
const LicenseRow = lineToken('LicenseRow');
const UntaggedRow = lineToken('UntaggedRow');
const Field = lineToken('Field');

const STATUS_WORDS = '(?:NOT )?IN USE|EVAL (?:MODE|EXPIRED)|(?:NOT )?AUTHORIZED|OUT OF COMPLIANCE|RESERVED|INVALID';

const LINE_KINDS: LineKind[] = [
  { token: SmartLicensingState, pattern: /^\s*Smart Licensing is (ENABLED|DISABLED)\s*$/i },
  { token: RegistrationHeading, pattern: /^\s*Registration:\s*$/ },
  { token: AuthorizationHeading, pattern: /^\s*License Authorization:\s*$/ },
  { token: ConversionHeading, pattern: /^\s*Smart License Conversion:\s*$/ },
  { token: UsageHeading, pattern: /^\s*License Usage:\s*$/ },
  { token: AccountHeading, pattern: /^\s*Account Information:\s*$/ },
  { token: TableHeader, pattern: /^\s*License\s+(?:Entitlement tag\s+Count|Count\s+Entitlement tag)\s+Status\s*$/i },
  { token: Underline, pattern: UNDERLINE },
  { token: NoLicenses, pattern: /^\s*No licenses in use[\s-]*$/i },
  { token: EmptyDescription, pattern: /^\s*<empty>\s*$/i },
  // `network-advantage (C9300-48 Network Advan...) 1 IN USE` / `LAN license for Nexus 9... (LAN_ENTERPRISE_SERVICES_PKG) 1 IN USE`
  { token: LicenseRow, pattern: /^\s*(\S[^()]*?)?\s*\(([^()]*)\)\s+(\d+)\s+(\S(?:.*\S)?)\s*$/ },
  { token: UntaggedRow, pattern: new RegExp(`^\\s*(\\S.*?)\\s+(\\d+)\\s+(${STATUS_WORDS})(?:\\s*\\(\\d+\\))?\\s*$`, 'i') },
  { token: Field, pattern: /^\s*([A-Za-z][A-Za-z -]*?)\s*:\s*(.*?)\s*$/ },
];

const ALL_TOKENS = [...new Set([...LINE_KINDS.map((k) => k.token), OtherLine])];

class SummaryGrammar extends CstParser {
  constructor() {
    super(ALL_TOKENS, { recoveryEnabled: false, ...grammarConfig() });
    this.performSelfAnalysis();
  }

  summary = this.RULE('summary', () => {
    this.MANY(() =>
      this.OR([
        { ALT: () => this.CONSUME(SmartLicensingState) },
        { ALT: () => this.SUBRULE(this.registration) },
        { ALT: () => this.SUBRULE(this.authorization) },
        { ALT: () => this.SUBRULE(this.conversion) },
        { ALT: () => this.SUBRULE(this.account) },
        { ALT: () => this.SUBRULE(this.usage) },
        // a table without its `License Usage:` heading (pasted from the middle) still reads as a table
        { ALT: () => this.SUBRULE(this.licenseTable) },
        { ALT: () => this.CONSUME(Field) },
        { ALT: () => this.CONSUME(OtherLine) },
      ]),
    );
  });

  registration = this.RULE('registration', () => {
    this.CONSUME(RegistrationHeading);
    this.MANY(() => this.CONSUME(Field));
  });

  authorization = this.RULE('authorization', () => {
    this.CONSUME(AuthorizationHeading);
    this.MANY(() => this.CONSUME(Field));
  });

  conversion = this.RULE('conversion', () => {
    this.CONSUME(ConversionHeading);
    this.MANY(() => this.CONSUME(Field));
  });

  account = this.RULE('account', () => {
    this.CONSUME(AccountHeading);
    this.MANY(() => this.CONSUME(Field));
  });

  usage = this.RULE('usage', () => {
    this.CONSUME(UsageHeading);
    this.OPTION(() => this.SUBRULE(this.licenseTable));
  });

  licenseTable = this.RULE('licenseTable', () => {
    this.OR([{ ALT: () => this.CONSUME(TableHeader) }, { ALT: () => this.SUBRULE1(this.tableLine) }]);
    this.MANY(() => this.SUBRULE2(this.tableLine));
  });

  tableLine = this.RULE('tableLine', () => {
    this.OR([
      { ALT: () => this.CONSUME(Underline) },
      { ALT: () => this.CONSUME(LicenseRow) },
      { ALT: () => this.CONSUME(UntaggedRow) },
      { ALT: () => this.CONSUME(EmptyDescription) },
      { ALT: () => this.CONSUME(NoLicenses) },
    ]);
  });
}

const summaryGrammar = lazyGrammar(() => new SummaryGrammar());

export const licenseSummaryParser: CommandParser = {
  id: 'license-summary',
  commands: ['show license summary'],
  fills: {
    scalars: [
      'account.smartAccount', 'account.virtualAccount', 'legacy.authorizationStatus', 'legacy.evalMode',
      'legacy.registrationStatus', 'licenseConversion.automaticConversionEnabled', 'licenseConversion.status',
      'licensing', 'slpEnabled',
    ],
    lists: ['licenses'],
  },
  specificity: 25,
  parse(section) {
    const out = new FragmentBuilder(this.id, section, this.specificity);
    readSection(section, out, summaryGrammar, LINE_KINDS, (g) => g.summary(), (cst, read) => extractSummary(cst, out, read, firstBodyLine(section)));
    return out.build();
  },
};

function extractSummary(cst: CstNode, out: FragmentBuilder, read: ReadLines, firstLine: number): void {
  let legacy = false;
  let authorizationSeen = false;
  /** Classic `License Authorization: Status: No Licenses in Use`: the usage table is then empty by right. */
  let noLicensesInUse = false;
  /** Where the output shows classic Smart Licensing, and where it shows SLP. */
  let classicLine: number | null = null;
  let slpLine: number | null = null;
  for (const token of tokensOf(cst)) {
    if (token.tokenType === SmartLicensingState) {
      read.mark(token);
      legacy = true;
      if (/ENABLED/i.test(group(token, 1) ?? '')) classicLine ??= token.startOffset;
    }
  }
  for (const block of subrulesOf(cst)) {
    const blockLine = tokensOf(block)[0]?.startOffset ?? firstLine;
    switch (block.name) {
      case 'registration':
        legacy = true;
        classicLine ??= blockLine;
        readRegistration(block, out, read);
        break;
      case 'account':
        // IOS-XE 17.7+ SLP summary: the account CSSM named in its last ACK (classic prints it under Registration)
        slpLine ??= blockLine;
        readRegistration(block, out, read);
        break;
      case 'authorization': {
        legacy = true;
        classicLine ??= blockLine;
        const status = readAuthorization(block, out, read);
        authorizationSeen = status !== undefined;
        noLicensesInUse = /^No Licenses in Use$/i.test(status ?? '');
        break;
      }
      case 'conversion':
        readConversion(block, out, read);
        legacy = true;
        break;
      case 'usage':
        for (const token of tokensOf(block)) read.mark(token);
        for (const table of subrulesOf(block)) {
          const rowLine = readLicenseTable(table, out, read, noLicensesInUse);
          slpLine ??= rowLine;
        }
        break;
      case 'licenseTable': {
        const rowLine = readLicenseTable(block, out, read, noLicensesInUse);
        slpLine ??= rowLine;
        break;
      }
    }
  }
  if (legacy) {
    out.set('slpEnabled', false, firstLine);
    if (!authorizationSeen) out.set('legacy.evalMode', false, firstLine);
  }
  // A summary that shows neither (a table of AUTHORIZED rows pasted alone, `No licenses in use`) does not say.
  if (classicLine !== null) out.set('licensing', 'smart-licensing', classicLine);
  else if (slpLine !== null) out.set('licensing', 'slp', slpLine);
}

function readRegistration(block: CstNode, out: FragmentBuilder, read: ReadLines): void {
  for (const token of tokensOf(block)) {
    read.mark(token);
    if (token.tokenType !== Field) continue;
    const key = group(token, 1)!.toLowerCase();
    // `Smart Account: Example Corp As of Apr 17 03:31:32 2024 UTC`: the date is when CSSM last said so
    const value = valueOrNull(group(token, 2)?.replace(/\s+As of\s+.*$/, ''));
    const line = token.startOffset;
    if (key === 'status') out.set('legacy.registrationStatus', value, line);
    else if (key === 'smart account') out.set('account.smartAccount', value, line);
    else if (key === 'virtual account') out.set('account.virtualAccount', value, line);
  }
}

/** `Smart License Conversion:` of classic Smart Licensing: `Automatic Conversion Enabled: False`, `Status: Not started`. */
function readConversion(block: CstNode, out: FragmentBuilder, read: ReadLines): void {
  for (const token of tokensOf(block)) {
    read.mark(token);
    if (token.tokenType !== Field) continue;
    const key = group(token, 1)!.toLowerCase();
    const value = valueOrNull(group(token, 2));
    if (key === 'automatic conversion enabled') out.set('licenseConversion.automaticConversionEnabled', value === null ? null : /^true$/i.test(value), token.startOffset);
    // `Successful on Aug 13 17:19:07 2021 UTC`: the date is when, not what
    else if (key === 'status') out.set('licenseConversion.status', valueOrNull(value?.replace(/\s+on\s+.*$/i, '')), token.startOffset);
  }
}

/** Returns the authorization status read (null: printed empty), or undefined when there was none. */
function readAuthorization(block: CstNode, out: FragmentBuilder, read: ReadLines): string | null | undefined {
  let lastStatus: string | null | undefined;
  for (const token of tokensOf(block)) {
    read.mark(token);
    if (token.tokenType !== Field || group(token, 1)!.toLowerCase() !== 'status') continue;
    // `AUTHORIZED on Jul 16 14:26:01 2021 UTC`: the date is when, not what
    const status = valueOrNull(group(token, 2)?.replace(/\s+on\s+.*$/i, ''));
    out.set('legacy.authorizationStatus', status, token.startOffset);
    out.set('legacy.evalMode', /EVAL/i.test(status ?? ''), token.startOffset);
    lastStatus = status;
  }
  return lastStatus;
}

/**
 * Reads the rows; returns the line of the first row whose status only SLP prints, or null. `emptyByRight`: the output
 * said no license is in use, so a table without rows is not cut short.
 */
function readLicenseTable(table: CstNode, out: FragmentBuilder, read: ReadLines, emptyByRight: boolean): number | null {
  const lines = [...tokensOf(table), ...subrulesOf(table).flatMap(tokensOf)].sort((a, b) => a.startOffset - b.startOffset);
  // a lone `<empty>` line is the description of the row that follows (NX-OS pre-SLP eval output wraps that way)
  let pendingEmptyDescription = false;
  let slpLine: number | null = null;
  for (const token of lines) {
    read.mark(token);
    let license: License | null = null;
    if (token.tokenType === NoLicenses) out.touch('licenses');
    else if (token.tokenType === EmptyDescription) pendingEmptyDescription = true;
    else if (token.tokenType === LicenseRow) license = tableLicense(token, pendingEmptyDescription);
    else if (token.tokenType === UntaggedRow) license = untaggedLicense(token);
    if (license === null) continue;
    out.add('licenses', license, token.startOffset);
    pendingEmptyDescription = false;
    if (isSlpLicenseStatus(license.status)) slpLine ??= token.startOffset;
  }
  const rows = lines.filter((t) => t.tokenType === LicenseRow || t.tokenType === UntaggedRow);
  const header = lines.find((t) => t.tokenType === TableHeader);
  if (header && rows.length === 0 && !emptyByRight && !lines.some((t) => t.tokenType === NoLicenses)) {
    out.diag(header.startOffset, 'license usage table has no rows (output cut short?)');
  }
  return slpLine;
}

/**
 * The two platforms fill the columns differently: NX-OS prints a truncated description and the package tag in
 * brackets (`LAN license for Nexus 9... (LAN_ENTERPRISE_SERVICES_PKG)`) and calls the license by that tag; IOS-XE
 * prints the license name and in brackets the tag's short name (routers: `network-premier_10M (ESR_P_10M_P)`) or a
 * display name (Catalyst: `network-advantage (C9300-48 Network Advan...)`). The name is what `show license usage`
 * calls the license, so both commands describe the same license the same way.
 */
function tableLicense(token: IToken, emptyDescription: boolean): License {
  const left = valueOrNull(group(token, 1));
  const bracketed = valueOrNull(group(token, 2));
  // an IOS-XE name is one word (`booster_performance (ISR_4331_BOOST)`); an NX-OS description has spaces or is empty
  const packageTag = bracketed !== null && /^[A-Z0-9_]+$/.test(bracketed) && (left === null || /\s/.test(left));
  const tag = !packageTag && bracketed !== null && (bracketed.startsWith('regid.') || isShortEntitlementTag(bracketed));
  return licenseOf({
    name: packageTag ? bracketed : left,
    entitlementTag: tag ? bracketed : null,
    description: packageTag ? (emptyDescription ? null : left) : tag ? null : bracketed,
    count: countOrNull(group(token, 3)),
    status: licenseStatus(group(token, 4)),
  });
}

function untaggedLicense(token: IToken): License {
  return licenseOf({ name: valueOrNull(group(token, 1)), count: countOrNull(group(token, 2)), status: licenseStatus(group(token, 3)) });
}

function firstBodyLine(section: RawSection): number {
  return section.lines.find((line) => line.text.trim() !== '')?.n ?? section.headerLine ?? 0;
}
