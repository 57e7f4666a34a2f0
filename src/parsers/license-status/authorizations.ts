// Smart Licensing Authorization Codes (SLAC) per UDI, from the `License Authorizations` part of `show license all`
// or from `show license authorization`:
//   Overall status:
//     Active: PID:C8000V,SN:93POM8FF9IZ
//         Status: SMART AUTHORIZATION INSTALLED on Sep 21 13:48:56 2021 UTC
//         Last Confirmation code: 1fc54c75
//   Authorizations:            (per license; its `Term information:` repeats the UDIs, with other meanings)
//   Purchased Licenses:        (`No Purchase Information Available`)
//   Derived Licenses:          (`Entitlement Tag: regid.…`)
// Its `Last Data Push:` / `Last File Export:` are the SLAC's, not the License Conversion's of the same names.
import type { IToken } from 'chevrotain';
import type { AuthorizationUdi } from '../../common/device.js';
import { kind, type Listed, type Reading } from './reading.js';
import { afterLabel, readUdi, textOrNull } from './values.js';

type Part = 'overall' | 'other';

/** `SMART AUTHORIZATION INSTALLED on <date>` → the status and the date. */
const STATUS_ON = /^(.*?)\s+on\s+(.+)$/i;

export function readAuthorizations(reading: Reading, tokens: readonly IToken[]): void {
  const udis: Listed<AuthorizationUdi>[] = [];
  let part: Part = 'overall';
  let current: AuthorizationUdi | null = null;
  for (const token of tokens) {
    switch (kind(token)) {
      case 'OverallStatusHeading':
        part = 'overall';
        break;
      case 'AuthorizationsHeading':
      case 'PurchasedLicensesHeading':
      case 'DerivedLicensesHeading':
        part = 'other';
        current = null;
        break;
      case 'UdiRoleLine': {
        const udi = part === 'overall' ? readUdi(token.image) : undefined;
        if (!udi) break;
        current = { role: udi.role, pid: udi.pid, sn: udi.sn, status: null, installed: null, installedAt: null, confirmationCode: null };
        udis.push({ item: current, line: reading.lineOf(token) });
        break;
      }
      case 'Status':
        if (current) status(reading, current, token);
        break;
      case 'LastConfirmationCode':
        if (current) current.confirmationCode = textOrNull(afterLabel(token.image));
        break;
      default:
        // Titles, the SLAC push and export times, purchased and derived licenses: read, not kept.
        break;
    }
  }
  reading.out.touch('authorizations');
  for (const { item, line } of udis) reading.out.add('authorizations', item, line);
}

function status(reading: Reading, udi: AuthorizationUdi, token: IToken): void {
  const value = afterLabel(token.image);
  const on = STATUS_ON.exec(value);
  const text = textOrNull(on ? on[1]! : value);
  udi.status = text === null ? null : text.toUpperCase();
  udi.installedAt = on ? (reading.time(token, on[2]!) ?? null) : null;
  if (udi.status === null) udi.installed = null;
  else if (/\bNOT INSTALLED\b/.test(udi.status)) udi.installed = false;
  else udi.installed = /\bINSTALLED$/.test(udi.status) ? true : null;
}
