// The licensing system messages devices print: every `%LICMGR` message of the NX-OS SLP user guide (Chapter 7), the
// `%SMART_LIC` messages of the IOS-XE case studies, field notices and device logs, and the messages of other
// facilities that speak of licensing (`%CALL_HOME-5-SL_MESSAGE_FAILED`, `%PKI-6-AUTHORITATIVE_CLOCK`,
// `%CUBE-5-LICENSE_INFO`). Keyed by the name common to both platforms (NX-OS `LOG_SMART_LIC_COMM_FAILED` and
// IOS-XE `COMM_FAILED` are both `COMM_FAILED`). Only messages seen in a source are listed; an unlisted name simply
// has no meaning to show.
import { AGENT_FACILITY } from '../../common/syslog/facilities.js';

/** Where a message is documented or seen. */
export type MessageSource =
  | 'guide' // Nexus SLP user guide, Chapter 7 (seeds)
  | 'case-studies' // Smart Licensing Troubleshooting and Case Studies (seeds)
  | 'field-notice' // FN72323 / FN72578 (real-outputs)
  | 'cube-guide' // CUBE configuration guide, Smart Licensing chapter
  | 'device-log'; // real device logs, backed by the CISCO-SMART-LIC-MIB notification of the same event

/** One mnemonic printed with meanings that differ by its text. */
export interface MessageVariant {
  /** Lower-case kebab-case, as the model's `syslog[].variant` carries it. */
  variant: string;
  text: RegExp;
  meaning: string;
}

export interface CatalogueEntry {
  name: string;
  /**
   * The severity (0 emergency … 7 debug) each facility prints the message with. The platforms differ for the same
   * event: COMM_RESTORED is `%SMART_LIC-5-` on IOS-XE devices but `%LICMGR-3-` in the NX-OS guide. The model keeps
   * the severity a line printed; this says what devices print.
   */
  printed: Readonly<Record<string, number>>;
  meaning: string;
  source: MessageSource;
  /** Printed by classic Smart Licensing only (registration, evaluation): seeing it means a release before SLP. */
  preSlp?: boolean;
  variants?: readonly MessageVariant[];
}

const BOTH = (severity: number) => ({ [AGENT_FACILITY.nxos]: severity, [AGENT_FACILITY.iosxe]: severity });
const IOSXE = (severity: number) => ({ [AGENT_FACILITY.iosxe]: severity });

const ENTRIES: CatalogueEntry[] = [
  { name: 'POLICY_INSTALL_FAILED', printed: BOTH(3), source: 'guide',
    meaning: 'Installing a new licensing policy failed (signature or timestamp mismatch: check the clock and NTP).' },
  { name: 'AUTHORIZATION_INSTALL_FAILED', printed: BOTH(3), source: 'guide',
    meaning: 'Installing a licensing authorization code failed (not applicable to Nexus switches).' },
  { name: 'COMM_FAILED', printed: BOTH(3), source: 'guide',
    meaning: 'Smart Licensing communication with CSSM or CSLU failed; raised for every failed attempt.' },
  { name: 'COMM_RESTORED', printed: { [AGENT_FACILITY.nxos]: 3, [AGENT_FACILITY.iosxe]: 5 }, source: 'guide',
    meaning: 'Communication with CSSM or CSLU has been restored; no action required.' },
  { name: 'POLICY_REMOVED', printed: BOTH(3), source: 'guide',
    meaning: 'The installed licensing policy was removed (e.g. license smart factory reset); the Cisco default policy applies.' },
  { name: 'TRUST_CODE_INSTALL_FAILED', printed: BOTH(3), source: 'guide',
    meaning: 'Installing a trust code failed (already installed, Smart/Virtual Account mismatch, or clock mismatch).' },
  { name: 'REPORTING_NOT_SUPPORTED', printed: BOTH(4), source: 'guide',
    meaning: 'The CSSM On-Prem the device is connected to is down-rev and does not support SLP usage reporting.' },
  { name: 'POLICY_INSTALL_SUCCESS', printed: BOTH(6), source: 'guide',
    meaning: 'A new licensing policy was successfully installed.' },
  { name: 'AUTHORIZATION_INSTALL_SUCCESS', printed: BOTH(6), source: 'guide',
    meaning: 'A new licensing authorization code was successfully installed.' },
  { name: 'AUTHORIZATION_REMOVED', printed: BOTH(6), source: 'guide',
    meaning: 'A licensing authorization code was removed from the device.' },
  { name: 'REPORTING_REQUIRED', printed: BOTH(6), source: 'guide',
    meaning: 'A usage report acknowledgement will be required within the stated number of days.' },
  { name: 'TRUST_CODE_INSTALL_SUCCESS', printed: BOTH(6), source: 'guide',
    meaning: 'A new licensing trust code was successfully installed.' },
  { name: 'EXPORT_CONTROLLED', printed: IOSXE(6), source: 'case-studies',
    meaning: 'Whether export-controlled features (e.g. hseck9) may be used.',
    variants: [
      { variant: 'not-allowed', text: /\bnot allowed\b/i,
        meaning: 'Export-controlled features may not be used: no Smart Licensing Authorization Code (SLAC) is installed for them.' },
      { variant: 'allowed', text: /\ballowed\b/i,
        meaning: 'Usage of an export-controlled feature (e.g. hseck9) is allowed.' },
    ] },
  { name: 'AUTH_RENEW_FAILED', printed: IOSXE(3), source: 'field-notice', preSlp: true,
    meaning: 'Renewing the registration authorization with CSSM failed (classic Smart Licensing; FN72323: import the IdenTrust root CA or upgrade).' },
  { name: 'AGENT_REG_FAILED', printed: IOSXE(3), source: 'field-notice', preSlp: true,
    meaning: 'Registering the Smart Agent with CSSM failed (classic Smart Licensing; FN72323: import the IdenTrust root CA or upgrade).' },
  { name: 'SYSTEM_CLOCK_CHANGED', printed: IOSXE(5), source: 'device-log',
    meaning: 'The system clock was changed; trust and policy timestamps are checked against it.' },
  { name: 'AGENT_ENABLED', printed: IOSXE(6), source: 'device-log',
    meaning: 'The Smart Agent for Licensing is enabled (printed at every boot).' },
  { name: 'AGENT_READY', printed: IOSXE(6), source: 'device-log',
    meaning: 'The Smart Agent for Licensing is initialized (printed at every boot).' },
  { name: 'PLATFORM_ERROR', printed: IOSXE(2), source: 'device-log',
    meaning: 'The Smart Agent met an internal software error (e.g. an invalid UDI list from the platform); the message asks to contact TAC.' },
  { name: 'EVAL_START', printed: IOSXE(5), source: 'device-log', preSlp: true,
    meaning: 'Evaluation mode started (classic Smart Licensing: SLP has no evaluation period).' },
  { name: 'EVAL_EXPIRED', printed: IOSXE(3), source: 'device-log', preSlp: true,
    meaning: 'The evaluation period expired (classic Smart Licensing).' },
  { name: 'SL_MESSAGE_FAILED', printed: { CALL_HOME: 5 }, source: 'field-notice',
    meaning: 'Call Home could not deliver a Smart Licensing message (TLS certificate or reachability; FN72323: the QuoVadis root CA).' },
  { name: 'CALL_HOME_ENABLED', printed: { CALL_HOME: 6 }, source: 'device-log',
    meaning: 'Call Home was enabled by the Smart Agent for Licensing (printed at boot).' },
  { name: 'NON_AUTHORITATIVE_CLOCK', printed: { PKI: 2 }, source: 'case-studies',
    meaning: 'PKI cannot start until the clock is authoritative (NTP): HTTPS to CSSM fails until then.' },
  { name: 'AUTHORITATIVE_CLOCK', printed: { PKI: 6 }, source: 'device-log',
    meaning: 'The system clock has been set: PKI can start (clears NON_AUTHORITATIVE_CLOCK).' },
  { name: 'LICENSE_INFO', printed: { CUBE: 5 }, source: 'cube-guide',
    meaning: 'CUBE requested trunk licenses (e.g. the active of a box-to-box HA pair).' },
];

export const LICENSING_MESSAGES: ReadonlyMap<string, CatalogueEntry> = new Map(ENTRIES.map((e) => [e.name, e]));

/** `FACILITY MNEMONIC` of the messages other facilities print about licensing. */
const OTHER_FACILITY_NAMES: ReadonlyMap<string, string> = new Map(
  ENTRIES.flatMap((entry) =>
    Object.keys(entry.printed)
      .filter((facility) => facility !== AGENT_FACILITY.nxos && facility !== AGENT_FACILITY.iosxe)
      .map((facility) => [`${facility} ${entry.name}`, entry.name] as const),
  ),
);

/**
 * The platform-neutral licensing name of a message, or null when it is not about licensing. Every mnemonic of the
 * agents' own facilities is; NX-OS prefixes its Smart Licensing mnemonics with `LOG_SMART_LIC_` (older license
 * manager ones with `LOG_`). Other facilities' messages are named when the catalogue lists them.
 */
export function licensingName(facility: string, mnemonic: string): string | null {
  if (facility === AGENT_FACILITY.iosxe) return mnemonic;
  if (facility === AGENT_FACILITY.nxos) return mnemonic.replace(/^LOG_SMART_LIC_/, '').replace(/^LOG_/, '');
  return OTHER_FACILITY_NAMES.get(`${facility} ${mnemonic}`) ?? null;
}

export function describeMessage(name: string | null): CatalogueEntry | undefined {
  return name === null ? undefined : LICENSING_MESSAGES.get(name);
}

/** Which of its meanings a message's text carries (`not-allowed` for EXPORT_CONTROLLED … is not allowed), or null. */
export function messageVariant(name: string | null, text: string): string | null {
  const variants = describeMessage(name)?.variants;
  return variants?.find((v) => v.text.test(text))?.variant ?? null;
}
