// License Usage blocks: `Handle: N` (tech support), `name (description):` (IOS-XE `show license all`) and NX-OS
// `(FEATURE_NAME):`. An application HA pair adds `Application HA Info:` / `Peer Info:` with the peer's host name and
// UDI: those describe the peer, so they are read and not kept.
import type { IToken } from 'chevrotain';
import type { License } from '../../common/device.js';
import { kind } from './reading.js';
import { afterLabel, firstNumber, isNothing, textOrNull, withoutCode } from './values.js';

export function readLicense(tokens: readonly IToken[]): License | null {
  const [heading, ...fields] = tokens;
  if (!heading) return null;
  const license: License = {
    name: null,
    entitlementTag: null,
    description: null,
    count: null,
    status: null,
    enforcementType: null,
    licenseType: null,
  };
  if (kind(heading) === 'LicenseHeading') {
    const match = /^(.*?)\s*\(([^()]*)\)\s*:\s*$/.exec(heading.image);
    const before = textOrNull(match?.[1] ?? '');
    const inParens = textOrNull(match?.[2] ?? '');
    // IOS-XE prints `name (description):` or, newer, `feature-name (TAG_SHORT_NAME):` (`network-premier_10M
    // (ESR_P_10M_P):`); NX-OS prints `(FEATURE_NAME):`, or `Truncated descr... (FEATURE_NAME):`.
    if (before === null || before.endsWith('...')) {
      license.name = inParens;
      license.description = null;
    } else {
      license.name = before;
      license.description = inParens;
    }
  }
  for (const token of fields) {
    const value = afterLabel(token.image);
    switch (kind(token)) {
      case 'LicenseName':
        license.name = textOrNull(value) ?? license.name;
        break;
      case 'EntitlementTag':
        license.entitlementTag = textOrNull(value);
        break;
      case 'Description':
        license.description = textOrNull(value) ?? license.description;
        break;
      case 'Count':
        // The first count is the license's; nested measurement counts repeat or refine it.
        license.count ??= isNothing(value) ? null : firstNumber(value);
        break;
      case 'Status':
        license.status = textOrNull(withoutCode(value));
        break;
      case 'FeatureName':
        license.name ??= textOrNull(value);
        break;
      case 'FeatureDescription':
        license.description ??= textOrNull(value);
        break;
      case 'EnforcementType':
        license.enforcementType = textOrNull(value);
        break;
      case 'LicenseType':
        license.licenseType = textOrNull(value);
        break;
      default:
        break;
    }
  }
  return license;
}
