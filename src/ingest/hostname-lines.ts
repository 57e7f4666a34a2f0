// The lines of `show running-config` and `show version` that name the host a capture (or a section of it) came from.
// (What names its platform: common/platform.ts.)

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
