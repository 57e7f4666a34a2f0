// Clues to which platform and which host a capture (or a section of it) came from.
import type { Platform } from '../common/device.js';

const NXOS_SIGN = /%LICMGR-|Cisco Nexus Operating System|\bNXOS\b|\bN[39]K-|\bNexus ?[39]\d{3}|Bios:version|^!Command: show |^feature [a-z]/;
const IOSXE_SIGN =
  /%SMART_LIC-|Cisco IOS XE Software|Cisco IOS Software|IOS-XE|\bC9[2-8]\d0|\bC8[0-9]{3}|\bISR ?[0-9]|\bASR ?1|\bCatalyst\b|^Building configuration\.\.\.|^license boot level/;

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

  /** Count the signs in one line of device output. */
  read(text: string): void {
    if (NXOS_SIGN.test(text)) this.nxos++;
    if (IOSXE_SIGN.test(text)) this.iosxe++;
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
  }

  verdict(): Platform {
    if (this.nxos > this.iosxe) return 'nxos';
    if (this.iosxe > this.nxos) return 'iosxe';
    return 'unknown';
  }

  /** The verdict, with the prompt style deciding a tie. */
  verdictWithPrompts(): Platform {
    const strong = this.verdict();
    if (strong !== 'unknown') return strong;
    if (this.nxosPrompts > this.iosxePrompts) return 'nxos';
    if (this.iosxePrompts > this.nxosPrompts) return 'iosxe';
    return 'unknown';
  }
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
