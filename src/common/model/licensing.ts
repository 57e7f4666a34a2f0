// The device's licensing state as `show license status` / `show license tech support` print it: identity (UDIs),
// transport, policy, usage reporting, trust and authorizations.
/* eslint-disable @typescript-eslint/no-empty-object-type -- each model type is an interface named after its schema, so hovers and errors say `Udi`, not its fields */
import { block, count, flag, list, named, nullable, oneOf, text, time, type Static } from './fields.js';

export const HA_ROLES = ['active', 'standby', 'member'] as const;
export type HaRole = (typeof HA_ROLES)[number];

/** `automatic` is a configured transport (`license smart transport automatic`), not a destination. */
export const TRANSPORT_TYPES = ['smart', 'cslu', 'callhome', 'off', 'automatic'] as const;
export type TransportType = (typeof TRANSPORT_TYPES)[number];

export const POLICY_CATEGORIES = ['unenforced', 'unenforced-perpetual', 'unenforced-subscription', 'enforced', 'export'] as const;
export type PolicyCategory = (typeof POLICY_CATEGORIES)[number];

const udiFields = { pid: text('Product ID'), sn: text('Serial number') };

const udi = block(udiFields);
export interface Udi extends Static<typeof udi> {}
export const Udi = named<Udi>(udi);

const haUdi = block({ ...udiFields, role: oneOf(HA_ROLES) });
export interface HaUdi extends Static<typeof haUdi> {}
export const HaUdi = named<HaUdi>(haUdi);

const proxy = block({
  address: text(),
  port: count(),
  username: text(),
  passwordSet: flag('true when a password is configured; the password itself is never kept'),
});
export interface Proxy extends Static<typeof proxy> {}
export const Proxy = named<Proxy>(proxy);

const transport = block({
  type: nullable(oneOf(TRANSPORT_TYPES)),
  url: text('Smart URL, or the CSLU / On-Prem URL when one is configured'),
  csluAddress: text(),
  proxy: Proxy,
  vrf: text(),
  sourceInterface: text(),
  ipMode: text('`IP Mode: IPv4 ONLY` (newer releases), as printed'),
  trustPoint: text('`Trust Point: SLA-TrustPoint` (newer releases)'),
  serverIdentityCheck: flag('`Server Identity Check: True` (tech support)'),
  onPremTenant: text(
    'The SSM On-Prem tenant of a CSLU-style URL (`http://<addr>/cslu/v1/pi/<tenant>`), URL-decoded (`CUBE Regression Mirabile-1`); null for a standalone CSLU URL or none',
  ),
});
export interface Transport extends Static<typeof transport> {}
export const Transport = named<Transport>(transport);

const policyAttribute = block({
  category: oneOf(POLICY_CATEGORIES),
  firstReportDays: count(),
  reportingFrequencyDays: count(),
  reportOnChangeDays: count(),
  source: text('"CISCO default", "Installed", … as printed in brackets after the value'),
});
export interface PolicyAttribute extends Static<typeof policyAttribute> {}
export const PolicyAttribute = named<PolicyAttribute>(policyAttribute);

const policy = block({
  inUse: text(),
  name: text(),
  installedAt: time(),
  reportingAckRequired: flag(),
  attributes: list(PolicyAttribute),
});
export interface Policy extends Static<typeof policy> {}
export const Policy = named<Policy>(policy);

const usageReporting = block({
  lastAckReceived: time(),
  nextAckDeadline: time(),
  reportingPushIntervalDays: count(),
  nextAckPushCheck: time(),
  nextReportPush: time(),
  lastReportPush: time(),
  lastReportFileWrite: time(),
  reportingPushState: count("Tech support's `Reporting push interval: 30  days State(4) InPolicy(60)`: the State number"),
  reportingPushInPolicy: count('…and the InPolicy number'),
});
export interface UsageReporting extends Static<typeof usageReporting> {}
export const UsageReporting = named<UsageReporting>(usageReporting);

const trustCodeUdi = block({
  ...udiFields,
  role: nullable(oneOf(HA_ROLES)),
  installedAt: time(),
  installed: flag(
    'Explicit evidence for this UDI: true for `INSTALLED on …` / `Trust Data INSTALLED`, false for `<none>` / `No Trust Data`; null when the output says neither',
  ),
  validFrom: time('`Valid on <date>` (agent 6.3 and later)'),
  expiresAt: time('`Expired on <date>`; null when not printed or printed as the epoch (`Jan 01 00:00:00 1970`, no expiry)'),
  type: text('`Trust Code Type: CSSM`'),
});
export interface TrustCodeUdi extends Static<typeof trustCodeUdi> {}
export const TrustCodeUdi = named<TrustCodeUdi>(trustCodeUdi);

const trustCode = block({
  installedAt: time('The newest installation time shown for the device, null when `<none>`'),
  installed: flag(
    'Whether the output shows trust: true when a trust code is shown installed (any layout: a date, a per-UDI `INSTALLED on`, `Trust Code Type: CSSM`, `Overall Trust: INSTALLED`); false only on explicit evidence of none (`Trust Code Installed: <none>`, every UDI `<none>`, `Overall Trust: No ID`); null when the capture does not say. When UDIs disagree, true when any has trust (trust-code-missing-standby reads the UDIs)',
  ),
  type: text('`Trust Code Type: CSSM` on the heading line (agent 6.3 and later)'),
  overallTrust: text('Tech support Other Info `Overall Trust: INSTALLED (2)` / `No ID`, as printed without the bracketed code'),
  communicationLevelAllowed: text('Tech support `Communication Level Allowed: DIRECT | INDIRECT` (DIRECT goes with trust installed)'),
  overallState: text('Tech support `Overall State: …` (`Insufficient trust for direct communication`, …); null for `<empty>`'),
  udis: list(TrustCodeUdi),
});
export interface TrustCode extends Static<typeof trustCode> {}
export const TrustCode = named<TrustCode>(trustCode);

const authorizationUdi = block(
  {
    ...udiFields,
    role: nullable(oneOf(HA_ROLES)),
    status: text('As printed, upper-cased: `SMART AUTHORIZATION INSTALLED`, `NOT INSTALLED`, … (the date is not kept here)'),
    installed: flag(),
    installedAt: time(),
    confirmationCode: text(),
  },
  '`show license authorization` / `License Authorizations`: the SLAC state per UDI',
);
export interface AuthorizationUdi extends Static<typeof authorizationUdi> {}
export const AuthorizationUdi = named<AuthorizationUdi>(authorizationUdi);

const account = block({ smartAccount: text(), virtualAccount: text() });
export interface Account extends Static<typeof account> {}
export const Account = named<Account>(account);
