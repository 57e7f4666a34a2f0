// `show version`: software version, host name, platform and (IOS-XE) the chassis PID and serial number. Most of
// the output (memory, interfaces, licence banners) says nothing we need and is read silently.
import type { CommandParser } from '../fragment.js';
import { FragmentBuilder } from '../fragment.js';

interface Field {
  pattern: RegExp;
  read(match: RegExpExecArray, out: FragmentBuilder, line: number, seen: Set<string>): void;
}

const FIELDS: Field[] = [
  {
    // NX-OS `NXOS: version 10.3(4a) [Maintenance Release]`, older `system:    version 9.3(5)`
    pattern: /^\s*(?:NXOS|system|NXOS image file version|kickstart):\s+version\s+(\S+)/i,
    read: (m, out, line, seen) => setOnce('softwareVersion', m[1]!, out, line, seen),
  },
  {
    pattern: /^Cisco IOS XE Software, Version\s+(\S+)/i,
    read: (m, out, line, seen) => {
      out.set('softwareVersion', m[1], line);
      seen.add('softwareVersion');
      out.set('platform', 'iosxe', line);
    },
  },
  {
    // `Cisco IOS Software [Cupertino], Catalyst L3 Switch Software (CAT9K_IOSXE), Version 17.9.4a, RELEASE SOFTWARE`
    pattern: /^Cisco IOS Software.*?,\s*Version\s+([^\s,]+)/i,
    read: (m, out, line, seen) => setOnce('softwareVersion', m[1]!, out, line, seen),
  },
  {
    pattern: /^Cisco Nexus Operating System \(NX-OS\) Software/i,
    read: (_m, out, line) => out.set('platform', 'nxos', line),
  },
  {
    // `cisco Nexus9000 C93180YC-FX Chassis`: the chassis name is not the PID (N9K-…), so only the platform is taken
    pattern: /^\s*cisco Nexus\s?\d+\b/i,
    read: (_m, out, line) => out.set('platform', 'nxos', line),
  },
  {
    pattern: /^\s*Device name:\s*(\S+)/i,
    read: (m, out, line) => out.set('hostname', m[1], line),
  },
  {
    pattern: /^(\S+) uptime is /,
    read: (m, out, line) => {
      if (!/^(?:Kernel|System|Switch)$/i.test(m[1]!)) out.set('hostname', m[1], line);
    },
  },
  {
    pattern: /^Model Number\s*:\s*(\S+)/i,
    read: (m, out, line) => out.set('udi.pid', m[1], line),
  },
  {
    pattern: /^System Serial Number\s*:\s*(\S+)/i,
    read: (m, out, line) => out.set('udi.sn', m[1], line),
  },
];

function setOnce(path: 'softwareVersion', value: string, out: FragmentBuilder, line: number, seen: Set<string>): void {
  if (seen.has(path)) return;
  seen.add(path);
  out.set(path, value, line);
}

export const versionParser: CommandParser = {
  id: 'version',
  commands: ['show version'],
  fills: { scalars: ['hostname', 'platform', 'softwareVersion', 'udi.pid', 'udi.sn'], lists: [] },
  specificity: 30,
  parse(section) {
    const out = new FragmentBuilder(this.id, section, this.specificity);
    const seen = new Set<string>();
    for (const line of section.lines) {
      for (const field of FIELDS) {
        const match = field.pattern.exec(line.text);
        if (match) {
          field.read(match, out, line.n, seen);
          break;
        }
      }
    }
    return out.build();
  },
};
