// The licensing system messages the source documents describe: every `%LICMGR` message in the NX-OS SLP user
// guide's system-messages section (Chapter 7) and the `%SMART_LIC` messages shown in the IOS-XE case studies.
// Keyed by the name common to both platforms (NX-OS `LOG_SMART_LIC_COMM_FAILED` and IOS-XE `COMM_FAILED` are
// both `COMM_FAILED`). Only documented messages are listed; an unlisted name simply has no meaning to show.

export interface CatalogueEntry {
  name: string;
  /** Severity as documented (0 emergency … 7 debug). */
  severity: number;
  meaning: string;
  /** Where the message is documented: guide = Nexus SLP user guide, case-studies = IOS-XE case studies. */
  source: 'guide' | 'case-studies';
}

const ENTRIES: CatalogueEntry[] = [
  { name: 'POLICY_INSTALL_FAILED', severity: 3, source: 'guide',
    meaning: 'Installing a new licensing policy failed (signature or timestamp mismatch: check the clock and NTP).' },
  { name: 'AUTHORIZATION_INSTALL_FAILED', severity: 3, source: 'guide',
    meaning: 'Installing a licensing authorization code failed (not applicable to Nexus switches).' },
  { name: 'COMM_FAILED', severity: 3, source: 'guide',
    meaning: 'Smart Licensing communication with CSSM or CSLU failed; raised for every failed attempt.' },
  { name: 'COMM_RESTORED', severity: 3, source: 'guide',
    meaning: 'Communication with CSSM or CSLU has been restored; no action required.' },
  { name: 'POLICY_REMOVED', severity: 3, source: 'guide',
    meaning: 'The installed licensing policy was removed (e.g. license smart factory reset); the Cisco default policy applies.' },
  { name: 'TRUST_CODE_INSTALL_FAILED', severity: 3, source: 'guide',
    meaning: 'Installing a trust code failed (already installed, Smart/Virtual Account mismatch, or clock mismatch).' },
  { name: 'REPORTING_NOT_SUPPORTED', severity: 4, source: 'guide',
    meaning: 'The CSSM On-Prem the device is connected to is down-rev and does not support SLP usage reporting.' },
  { name: 'POLICY_INSTALL_SUCCESS', severity: 6, source: 'guide',
    meaning: 'A new licensing policy was successfully installed.' },
  { name: 'AUTHORIZATION_INSTALL_SUCCESS', severity: 6, source: 'guide',
    meaning: 'A new licensing authorization code was successfully installed.' },
  { name: 'AUTHORIZATION_REMOVED', severity: 6, source: 'guide',
    meaning: 'A licensing authorization code was removed from the device.' },
  { name: 'REPORTING_REQUIRED', severity: 6, source: 'guide',
    meaning: 'A usage report acknowledgement will be required within the stated number of days.' },
  { name: 'TRUST_CODE_INSTALL_SUCCESS', severity: 6, source: 'guide',
    meaning: 'A new licensing trust code was successfully installed.' },
  { name: 'EXPORT_CONTROLLED', severity: 6, source: 'case-studies',
    meaning: 'Usage of an export-controlled feature (e.g. hseck9) is allowed.' },
];

export const LICENSING_MESSAGES: ReadonlyMap<string, CatalogueEntry> = new Map(ENTRIES.map((e) => [e.name, e]));

/** Facilities whose messages are about Smart Licensing. */
export const LICENSING_FACILITIES = ['LICMGR', 'SMART_LIC'] as const;

/**
 * The platform-neutral licensing name of a message, or null for other facilities.
 * NX-OS prefixes its Smart Licensing mnemonics with `LOG_SMART_LIC_` (older license manager ones with `LOG_`).
 */
export function licensingName(facility: string, mnemonic: string): string | null {
  if (facility === 'SMART_LIC') return mnemonic;
  if (facility === 'LICMGR') return mnemonic.replace(/^LOG_SMART_LIC_/, '').replace(/^LOG_/, '');
  return null;
}

export function describeMessage(name: string | null): CatalogueEntry | undefined {
  return name === null ? undefined : LICENSING_MESSAGES.get(name);
}
