// `show license` of traditional (PAK) licensing, before Smart Licensing: one block per feature,
// `Index 1 Feature: securityk9` (`show license detail`: `Index: 1  Feature: securityk9  Version: 1.0`) and indented
// `Period left:`, `License Type: Permanent | EvalRightToUse`, `License State: Active, In Use`, … fields. A device that
// prints this runs traditional licensing, not SLP. NX-OS answers `show license` with its installed license files
// (`LAN_ENTERPRISE_SERVICES_PKG.lic:` then the file's lines), which are read but say nothing about the mode.
import { CstParser } from 'chevrotain';
import type { CstNode, IToken } from 'chevrotain';
import type { License } from '../../common/device.js';
import { FragmentBuilder } from '../fragment.js';
import type { CommandParser } from '../fragment.js';
import {
  countOrNull,
  group,
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

const FeatureHeading = lineToken('FeatureHeading');
const Field = lineToken('Field');
const LicenseFile = lineToken('LicenseFile');

const LINE_KINDS: LineKind[] = [
  { token: FeatureHeading, pattern: /^\s*Index:?\s*(\d+)\s+Feature:\s*(\S+)(?:\s+Version:\s*(\S+))?\s*$/i },
  { token: LicenseFile, pattern: /^\s*\S+\.lic\s*:\s*$/i },
  { token: Field, pattern: /^\s*([A-Za-z][A-Za-z ]*?)\s*:\s*(.*?)\s*$/ },
];

/** Fields of a feature block the model does not keep; read so they are not reported. */
const INFORMATIONAL_FIELDS = new Set(['period left', 'period used', 'license priority', 'store index', 'store name', 'storage', 'license addition']);

class TraditionalGrammar extends CstParser {
  constructor() {
    super([FeatureHeading, Field, LicenseFile, OtherLine], { recoveryEnabled: false, ...grammarConfig() });
    this.performSelfAnalysis();
  }

  licenses = this.RULE('licenses', () => {
    this.MANY(() =>
      this.OR([
        { ALT: () => this.SUBRULE(this.feature) },
        { ALT: () => this.SUBRULE(this.licenseFile) },
        { ALT: () => this.CONSUME(Field) },
        { ALT: () => this.CONSUME(OtherLine) },
      ]),
    );
  });

  feature = this.RULE('feature', () => {
    this.CONSUME(FeatureHeading);
    this.MANY(() => this.CONSUME(Field));
  });

  /** A license file's lines (`SERVER this_host ANY`, `INCREMENT … \`) run to the next blank line or file. */
  licenseFile = this.RULE('licenseFile', () => {
    this.CONSUME(LicenseFile);
    this.MANY(() => this.OR([{ ALT: () => this.CONSUME(Field) }, { ALT: () => this.CONSUME(OtherLine) }]));
  });
}

const traditionalGrammar = lazyGrammar(() => new TraditionalGrammar());

export const licenseTraditionalParser: CommandParser = {
  id: 'license-traditional',
  commands: ['show license'],
  fills: { scalars: ['licensing', 'slpEnabled'], lists: ['licenses'] },
  specificity: 30,
  parse(section) {
    // a blank line ends a license file: the grammar sees only non-blank lines, so the file's extent is marked here
    const blankAfter = new Set<number>();
    section.lines.forEach((line, i) => {
      if (line.text.trim() === '' && i > 0) blankAfter.add(section.lines[i - 1]!.n);
    });
    const out = new FragmentBuilder(this.id, section, this.specificity);
    readSection(section, out, traditionalGrammar, LINE_KINDS, (g) => g.licenses(), (cst, read) =>
      extractTraditional(cst, out, read, blankAfter),
    );
    return out.build();
  },
};

function extractTraditional(cst: CstNode, out: FragmentBuilder, read: ReadLines, blankAfter: Set<number>): void {
  let first: number | null = null;
  for (const block of subrulesOf(cst)) {
    if (block.name === 'feature') {
      const heading = tokensOf(block)[0]!;
      first ??= heading.startOffset;
      out.add('licenses', readFeature(block, out, read), heading.startOffset);
    } else if (block.name === 'licenseFile') {
      readLicenseFile(block, read, blankAfter);
    }
  }
  if (first === null) return;
  out.set('licensing', 'traditional', first);
  out.set('slpEnabled', false, first);
}

function readFeature(block: CstNode, out: FragmentBuilder, read: ReadLines): License {
  const [heading, ...fields] = tokensOf(block);
  read.mark(heading!);
  const license = licenseOf({ name: group(heading!, 2)! });
  for (const field of fields) readField(field, license, out, read);
  return license;
}

function readField(token: IToken, license: License, out: FragmentBuilder, read: ReadLines): void {
  read.mark(token);
  const key = group(token, 1)!.toLowerCase();
  const value = group(token, 2);
  if (key === 'license type') license.licenseType = valueOrNull(value);
  // `Active, In Use`, `Not in Use, EULA not accepted`: as printed, upper-cased
  else if (key === 'license state') license.status = licenseStatus(value);
  // `Non-Counted` has no count; `0/0  (In-use/Violation)` is the count in use
  else if (key === 'license count') license.count = countOrNull(value);
  else if (!INFORMATIONAL_FIELDS.has(key)) out.diag(token.startOffset, `unrecognised field "${group(token, 1)}" in show license`);
}

function readLicenseFile(block: CstNode, read: ReadLines, blankAfter: Set<number>): void {
  for (const token of tokensOf(block)) {
    // past a blank line the file has ended: what follows is not the file's and stays unread
    read.mark(token);
    if (blankAfter.has(token.startOffset)) return;
  }
}
