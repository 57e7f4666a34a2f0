// `show license usage`: an optional `License Authorization:` block, then one block per license headed `(DCN_NDB):`
// (NX-OS) or `network-advantage (C9300-48 Network Advantage):` / `prem_250M (ax_250M):` (IOS-XE) with `Description:`,
// `Count:`, `Status:` … fields, with or without blank lines between blocks; or `No licenses in use`. SLP prints the
// authorization status `Not Applicable`; classic Smart Licensing `AUTHORIZED on …` or `EVAL MODE`.
import { CstParser } from 'chevrotain';
import type { CstNode, IToken } from 'chevrotain';
import type { License } from '../../common/device.js';
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
  valueOrNull,
} from '../shared/license-lines.js';
import type { LineKind } from '../shared/license-lines.js';
import { grammarConfig } from '../grammar-options.js';

const AuthorizationHeading = lineToken('AuthorizationHeading');
const LicenseHeading = lineToken('LicenseHeading');
const NoLicenses = lineToken('NoLicenses');
const Field = lineToken('Field');

const LINE_KINDS: LineKind[] = [
  { token: AuthorizationHeading, pattern: /^\s*License Authorization:\s*$/ },
  { token: NoLicenses, pattern: /^\s*No licenses in use[\s-]*$/i },
  { token: LicenseHeading, pattern: /^\s*(?:(\S.*?)\s+)?\((.+)\)\s*:\s*$/ },
  { token: Field, pattern: /^\s*([A-Za-z][A-Za-z ./-]*?)\s*:\s*(.*?)\s*$/ },
];

/** Fields every release prints that the model does not keep; read so they are not reported. */
const INFORMATIONAL_FIELDS = new Set([
  'version',
  'export status',
  'feature name',
  'feature description',
  'reservation',
  'reservation status',
  'total reserved count',
  'subscription id',
  'start date',
  'end date',
  'term count',
  'measurements',
]);

class UsageGrammar extends CstParser {
  constructor() {
    super([AuthorizationHeading, LicenseHeading, NoLicenses, Field, OtherLine], { recoveryEnabled: false, ...grammarConfig() });
    this.performSelfAnalysis();
  }

  usage = this.RULE('usage', () => {
    this.MANY(() =>
      this.OR([
        { ALT: () => this.SUBRULE(this.authorization) },
        { ALT: () => this.SUBRULE(this.license) },
        { ALT: () => this.CONSUME(NoLicenses) },
        { ALT: () => this.CONSUME(Field) },
        { ALT: () => this.CONSUME(OtherLine) },
      ]),
    );
  });

  authorization = this.RULE('authorization', () => {
    this.CONSUME(AuthorizationHeading);
    this.MANY(() => this.CONSUME(Field));
  });

  license = this.RULE('license', () => {
    this.CONSUME(LicenseHeading);
    this.MANY(() => this.CONSUME(Field));
  });
}

const usageGrammar = lazyGrammar(() => new UsageGrammar());

export const licenseUsageParser: CommandParser = {
  id: 'license-usage',
  commands: ['show license usage'],
  fills: { scalars: ['legacy.authorizationStatus', 'legacy.evalMode', 'licensing', 'slpEnabled'], lists: ['licenses'] },
  specificity: 30,
  parse(section) {
    const out = new FragmentBuilder(this.id, section, this.specificity);
    readSection(section, out, usageGrammar, LINE_KINDS, (g) => g.usage(), (cst, read) => extractUsage(cst, out, read));
    return out.build();
  },
};

function extractUsage(cst: CstNode, out: FragmentBuilder, read: ReadLines): void {
  for (const token of tokensOf(cst)) {
    if (token.tokenType !== NoLicenses) continue;
    read.mark(token);
    out.touch('licenses');
  }
  let licensing: { mode: 'slp' | 'smart-licensing'; line: number } | null = null;
  for (const block of subrulesOf(cst)) {
    if (block.name === 'authorization') licensing = readAuthorization(block, out, read) ?? licensing;
    else if (block.name === 'license') {
      const license = readLicense(block, out, read);
      if (isSlpLicenseStatus(license.status)) licensing ??= { mode: 'slp', line: tokensOf(block)[0]!.startOffset };
    }
  }
  if (licensing) out.set('licensing', licensing.mode, licensing.line);
}

/** What the authorization status says about the licensing the device runs, or null when it shows no status. */
function readAuthorization(block: CstNode, out: FragmentBuilder, read: ReadLines): { mode: 'slp' | 'smart-licensing'; line: number } | null {
  let licensing: { mode: 'slp' | 'smart-licensing'; line: number } | null = null;
  for (const token of tokensOf(block)) {
    read.mark(token);
    if (token.tokenType !== Field || group(token, 1)!.toLowerCase() !== 'status') continue;
    const status = valueOrNull(group(token, 2)?.replace(/\s+on\s+.*$/i, ''));
    if (status === null) continue;
    // SLP prints `Not Applicable` (Nexus SLP guide, line 2092); anything else is classic Smart Licensing
    if (/^not applicable$/i.test(status)) {
      licensing = { mode: 'slp', line: token.startOffset };
      continue;
    }
    licensing = { mode: 'smart-licensing', line: token.startOffset };
    out.set('slpEnabled', false, token.startOffset);
    out.set('legacy.authorizationStatus', status, token.startOffset);
    out.set('legacy.evalMode', /EVAL/i.test(status), token.startOffset);
  }
  return licensing;
}

function readLicense(block: CstNode, out: FragmentBuilder, read: ReadLines): License {
  const [heading, ...fields] = tokensOf(block);
  read.mark(heading!);
  const named = valueOrNull(group(heading!, 1));
  const bracketed = valueOrNull(group(heading!, 2));
  // NX-OS prints only the package in brackets; IOS-XE the name, then the tag's short name or a display name
  const tag = named !== null && bracketed !== null && isShortEntitlementTag(bracketed) ? bracketed : null;
  const license = licenseOf({ name: named ?? bracketed, entitlementTag: tag });
  let featureDescription: string | null = null;
  for (const field of fields) readLicenseField(field, license, out, read, (d) => (featureDescription = d));
  license.description ??= named !== null && tag === null ? (bracketed ?? featureDescription) : featureDescription;
  out.add('licenses', license, heading!.startOffset);
  return license;
}

function readLicenseField(
  token: IToken,
  license: License,
  out: FragmentBuilder,
  read: ReadLines,
  setFeatureDescription: (description: string | null) => void,
): void {
  const key = group(token, 1)!.toLowerCase();
  const raw = group(token, 2);
  const value = valueOrNull(raw);
  switch (key) {
    case 'description':
      license.description = value;
      break;
    case 'count':
      license.count = countOrNull(raw);
      break;
    case 'status':
      license.status = licenseStatus(raw);
      break;
    case 'enforcement type':
      license.enforcementType = value;
      break;
    case 'license type':
      license.licenseType = value;
      break;
    case 'entitlement tag':
      license.entitlementTag = value;
      break;
    case 'feature description':
      setFeatureDescription(value);
      break;
    default:
      if (!INFORMATIONAL_FIELDS.has(key)) {
        out.diag(token.startOffset, `unrecognised field "${group(token, 1)}" in show license usage`);
      }
  }
  read.mark(token);
}
