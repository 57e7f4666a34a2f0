// Clues to which platform and which host a capture (or a section of it) came from.
import type { Platform } from '../common/device.js';

// Besides names and facilities, the two Smart Agents spell the same report differently: NX-OS prints
// `Smart Licensing using Policy:`, `Usage reporting:`, `Trust Code installed:` and `Type: Transport Off`, IOS-XE
// `Smart Licensing Using Policy:`, `Unenforced/Non-Export Perpetual Attributes:` and `State(4) InPolicy(90)`; the
// running-config headers differ too (NX-OS `!Command:`/`!Time:`, IOS-XE `Building configuration...`/`Current configuration :`).
// These are weaker than a name: a document may retype a sample, so they decide only where no name does.
const NXOS_SIGN = /%LICMGR-|Cisco Nexus Operating System|\bNXOS\b|\bN[39]K-|\bNexus ?[39]\d{3}|Bios:version|^!Command: show |^feature [a-z]/;
const IOSXE_SIGN =
  /%SMART_LIC-|Cisco IOS XE Software|Cisco IOS Software|IOS-XE|\bC9[2-8]\d0|\bC8[0-9]{3}|\bISR ?[0-9]|\bASR ?1|\bCatalyst\b|^Building configuration\.\.\.|^license boot level/;
const NXOS_SPELLING = /^(?:!Command: |!Time: |\s*(?:Smart Licensing using Policy:|Usage reporting:|Trust Code installed:|Type: Transport Off$))/;
const IOSXE_SPELLING = /^(?:Current configuration :|\s*(?:Smart Licensing Using Policy:|Unenforced\/Non-Export Perpetual Attributes:))|\bState\(\d+\) InPolicy\(\d+\)/;

/** Votes for each platform; a tie (or nothing) is unknown. */
export class PlatformVotes {
  nxos = 0;
  iosxe = 0;
  /**
   * NX-OS prints a space after the prompt (`leaf-101# show …`), IOS-XE does not (`c9300#show …`). Weak: documents
   * add the space to IOS-XE examples, so this only breaks a tie between the real signs.
   */
  private nxosPrompts = 0;
  private iosxePrompts = 0;
  private nxosSpelling = 0;
  private iosxeSpelling = 0;

  /** Count the signs in one line of device output. */
  read(text: string): void {
    if (NXOS_SIGN.test(text)) this.nxos++;
    if (IOSXE_SIGN.test(text)) this.iosxe++;
    if (NXOS_SPELLING.test(text)) this.nxosSpelling++;
    if (IOSXE_SPELLING.test(text)) this.iosxeSpelling++;
  }

  add(platform: Exclude<Platform, 'unknown'>, weight = 1): void {
    this[platform] += weight;
  }

  promptStyle(spaceAfterPrompt: boolean): void {
    if (spaceAfterPrompt) this.nxosPrompts++;
    else this.iosxePrompts++;
  }

  addAll(other: PlatformVotes): void {
    this.nxos += other.nxos;
    this.iosxe += other.iosxe;
    this.nxosPrompts += other.nxosPrompts;
    this.iosxePrompts += other.iosxePrompts;
    this.nxosSpelling += other.nxosSpelling;
    this.iosxeSpelling += other.iosxeSpelling;
  }

  /** What names, facilities and show-tech banners say. */
  verdict(): Platform {
    return compare(this.nxos, this.iosxe);
  }

  /** What the Smart Agent's spelling says (see NXOS_SPELLING). */
  spellingVerdict(): Platform {
    return compare(this.nxosSpelling, this.iosxeSpelling);
  }

  /** The verdict, with spelling and then the prompt style deciding a tie. */
  verdictWithPrompts(): Platform {
    const strong = this.verdict();
    if (strong !== 'unknown') return strong;
    const spelling = this.spellingVerdict();
    if (spelling !== 'unknown') return spelling;
    return compare(this.nxosPrompts, this.iosxePrompts);
  }
}

function compare(nxos: number, iosxe: number): Platform {
  if (nxos > iosxe) return 'nxos';
  if (iosxe > nxos) return 'iosxe';
  return 'unknown';
}

const CONFIG_HOSTNAME = /^(?:hostname|switchname)\s+(\S+)/;
const DEVICE_NAME = /^\s*Device name:\s*(\S+)/;
const UPTIME = /^(\S+) uptime is /;

/** `hostname leaf-101` / NX-OS `switchname leaf-101` in running-config. */
export function hostnameFromConfigLine(text: string): string | null {
  return CONFIG_HOSTNAME.exec(text)?.[1] ?? null;
}

/** NX-OS `Device name: leaf-101`, IOS-XE `c9300-edge-01 uptime is 3 weeks` (not NX-OS `Kernel uptime is …`). */
export function hostnameFromVersionLine(text: string): string | null {
  const name = DEVICE_NAME.exec(text)?.[1];
  if (name) return name;
  const uptime = UPTIME.exec(text)?.[1];
  return uptime && uptime !== 'Kernel' && uptime !== 'System' ? uptime : null;
}
