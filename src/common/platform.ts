// Which platform printed some output: every clue the product knows, and how they are weighed. Ingest counts the
// clues of each section as it reads it; the model builder decides a device from its sections. Both decide here.
import type { Platform } from './device.js';
import { AGENT_FACILITY } from './syslog/facilities.js';

type Known = Exclude<Platform, 'unknown'>;

/**
 * Names: a banner or a product name, the agent's syslog facility, a PID in a license description, licenses only one
 * platform sells (NX-OS packages such as `LAN_ENTERPRISE_SERVICES_PKG`, `NXOS_…`; IOS-XE `network-advantage`, `dna-essentials`,
 * `hseck9`, `adventerprise`, `ipbase`, CUBE session licenses, `ASR_1000_…`), the Smart Agent's IOSd processes
 * (`SAGetRUMIds`). Where a PID is printed as one (`PID:…`, `P:…`) it is read whole instead (`platformOfPid`), so an
 * NX-OS PID such as `N9K-C92300YC` is not also taken for a Catalyst by its `C9230`.
 */
const NXOS_SIGN =
  /%LICMGR-|Cisco Nexus Operating System|\bNXOS\b|\bN[3579]K-|\bNexus ?[3579]|Bios:version|^!Command: show |^feature [a-z]|\b[A-Z]+(?:_[A-Z]+)*_PKG\b|\bNXOS_/;
const IOSXE_SIGN =
  /%SMART_LIC-|Cisco IOS XE Software|Cisco IOS Software|IOS-XE|(?<![\w-])(?:C9[2-8]\d0|C8[0-9]{3}|CSR1000V)|\bISR ?[0-9]|\bASR ?1|\b(?:ASR|ISR)_\d{4}|\bCatalyst\b|^Building configuration\.\.\.|^license boot level|\b(?:network|dna)-(?:essentials|advantage|premier)|\bhseck9\b|\badventerprise\b|\bipbase\b|\bCUBE_|\bSA(?:GetRUMIds|UtilRepSave)\b/;

/** `PID:C9300-48P,SN:…` (UDI, trust and authorization blocks, syslog text), `P:C9300-24P,S:…` (tech support Other Info). */
const PRINTED_PID = /\bP(?:ID)?: ?([A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*)/;
const NXOS_PID = /^(?:N[3579]K-|N77-|DS-C\d)/;
const IOSXE_PID = /^(?:C9\d{3}|C8\d{3}|C1\d{3}|CSR1000V|ISR|ASR-?1|IR\d|IE-?\d|ESR|VG\d|CAT\d)/;

/** NX-OS for Nexus (`N9K-C93180YC-FX`, `N3K-…`, `N7K-…`) and MDS (`DS-C9148S-K9`); IOS-XE for Catalyst, ISR, ASR, C8000. */
export function platformOfPid(pid: string): Platform {
  if (NXOS_PID.test(pid)) return 'nxos';
  if (IOSXE_PID.test(pid)) return 'iosxe';
  return 'unknown';
}

/**
 * Spelling: the two Smart Agents spell the same report differently (NX-OS `Smart Licensing using Policy:`, `Usage
 * reporting:`, `Trust Code installed:`, `Type: Transport Off`; IOS-XE `Smart Licensing Using Policy:`,
 * `Unenforced/Non-Export Perpetual Attributes:`, `State(4) InPolicy(90)`, and in `show license usage` `Export
 * status:`, `Feature Name:`, `Enforcement type:`), running-config headers differ (NX-OS `!Command:`/`!Time:`,
 * IOS-XE `Current configuration :`), and newer IOS-XE agents print blocks no NX-OS release has (`Account
 * Information:`, `License Conversion:` where NX-OS says `Smart License Conversion:`, `Reporting Mode:`, Device
 * Telemetry and Product Analytics summaries, `IP Mode:`, `Trust Point:`, `Server Identity Check:`, `Overall Trust:`,
 * `Communication Level Allowed:`, `Export Authorization Key:`). IOS prints its own CLI shapes too: the `exec prompt
 * timestamp` header, the memory pools of `show processes memory`, `| count`'s `Number of lines which match regexp`,
 * `%Warning:`, `flash:` file systems (NX-OS has `bootflash:`).
 * These are weaker than a name: a document may retype a sample, so they decide only where no name does.
 */
const NXOS_SPELLING = /^(?:!Command: |!Time: |\s*(?:Smart Licensing using Policy:|Usage reporting:|Trust Code installed:|Type: Transport Off$))/;
const IOSXE_SPELLING = new RegExp(
  [
    '^(?:Current configuration :|Load for five secs:|Time source is [^,]+, |No time source, |Processor Pool Total:|Number of lines which match regexp = |%Warning: )',
    '^\\s*(?:Smart Licensing Using Policy:|Unenforced\\/Non-Export Perpetual Attributes:|Account Information:$|License Conversion:$|Reporting Mode:|Device Telemetry(?: Report Summary)?:|Product Analytics Report Summary:|IP Mode:|Trust Point:|Server Identity Check:|Overall Trust:|Communication Level Allowed:|Export Authorization Key:|Export status:|Feature Name:|Enforcement type:)',
    '\\bState\\(\\d+\\) InPolicy\\(\\d+\\)',
    '(?<![\\w-])flash:',
  ].join('|'),
);

/** The platform whose devices alone print a facility: the agents' own, and IOS-XE's Call Home and CUBE. */
const FACILITY_PLATFORM: Readonly<Record<string, Known>> = {
  [AGENT_FACILITY.nxos]: 'nxos',
  [AGENT_FACILITY.iosxe]: 'iosxe',
  CALL_HOME: 'iosxe',
  CUBE: 'iosxe',
};

export function platformOfFacility(facility: string): Platform {
  return FACILITY_PLATFORM[facility] ?? 'unknown';
}

/**
 * Votes for each platform from the clues of some output; a tie (or nothing) is unknown. A space after the prompt
 * is no clue (NX-OS prints `switch# show …`, but Cisco's own IOS-XE documents print `Router# show license summary `
 * too); no space is (promptWithoutSpace).
 */
export class PlatformVotes {
  nxos = 0;
  iosxe = 0;
  private nxosSpelling = 0;
  private iosxeSpelling = 0;

  /** Count the clues in one line of device output. */
  read(text: string): void {
    if (NXOS_SIGN.test(text)) this.nxos++;
    if (IOSXE_SIGN.test(text)) this.iosxe++;
    const pid = PRINTED_PID.exec(text);
    if (pid) {
      const platform = platformOfPid(pid[1]!);
      if (platform !== 'unknown') this[platform]++;
    }
    if (NXOS_SPELLING.test(text)) this.nxosSpelling++;
    if (IOSXE_SPELLING.test(text)) this.iosxeSpelling++;
  }

  /**
   * A command typed right after the prompt mark (`c9300#show …`). NX-OS prompts end in `# `, so only IOS prints it
   * that way; the converse is no clue (Cisco's IOS-XE documents print `Router# show …` too). A spelling-weight clue.
   */
  promptWithoutSpace(): void {
    this.iosxeSpelling++;
  }

  /** A syslog message's facility. */
  facility(facility: string): void {
    const platform = platformOfFacility(facility);
    if (platform !== 'unknown') this[platform]++;
  }

  add(platform: Known, weight = 1): void {
    this[platform] += weight;
  }

  addAll(other: PlatformVotes): void {
    this.nxos += other.nxos;
    this.iosxe += other.iosxe;
    this.nxosSpelling += other.nxosSpelling;
    this.iosxeSpelling += other.iosxeSpelling;
  }

  /** What names, PIDs, facilities and show-tech banners say. */
  verdict(): Platform {
    return compare(this.nxos, this.iosxe);
  }

  /** What the Smart Agent's spelling says. */
  spellingVerdict(): Platform {
    return compare(this.nxosSpelling, this.iosxeSpelling);
  }

  /** Names, else spelling. */
  overallVerdict(): Platform {
    const named = this.verdict();
    return named !== 'unknown' ? named : this.spellingVerdict();
  }
}

/** A section's own names, else its capture's names, else its own spelling, else its capture's. */
export function sectionPlatform(own: PlatformVotes, capture: PlatformVotes): Platform {
  const named = own.verdict();
  if (named !== 'unknown') return named;
  const captureNamed = capture.verdict();
  if (captureNamed !== 'unknown') return captureNamed;
  const spelling = own.spellingVerdict();
  return spelling !== 'unknown' ? spelling : capture.spellingVerdict();
}

/** A device: a vote per section that knows its platform and per message of a platform's own facility. */
export function devicePlatform(sections: Iterable<Platform>, facilities: Iterable<string>): Platform {
  let nxos = 0;
  let iosxe = 0;
  for (const platform of [...sections, ...[...facilities].map(platformOfFacility)]) {
    if (platform === 'nxos') nxos++;
    else if (platform === 'iosxe') iosxe++;
  }
  return compare(nxos, iosxe);
}

function compare(nxos: number, iosxe: number): Platform {
  if (nxos > iosxe) return 'nxos';
  if (iosxe > nxos) return 'iosxe';
  return 'unknown';
}
