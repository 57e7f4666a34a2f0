// `show call-home profile all` (IOS-XE) and NX-OS `show callhome destination-profile`: which Call Home profiles
// exist, whether they are active, and where they send over HTTP. The Call Home transport needs CiscoTAC-1 ACTIVE
// with the DDCEService URL.
//   IOS-XE                                         NX-OS
//   Profile Name: CiscoTAC-1                        CiscoTAC-1 destination profile information
//       Profile status: ACTIVE                      transport-method:http
//       Transport Method: http                      url addresses configured:
//       HTTP  address(es): https://tools.cisco…     https://tools.cisco.com/…
// Also the short form quoted in the guide: `Profile: CiscoTAC-1 (status: ACTIVE)` / `Destination URL(s): …`.
import type { CallHomeProfile } from '../../common/device.js';
import type { CommandParser } from '../fragment.js';
import { FragmentBuilder } from '../fragment.js';

const PROFILE_NAME = /^\s*Profile Name:\s*(\S.*?)\s*$/i;
const PROFILE_SHORT = /^\s*Profile:\s*(\S+)\s*\(status:\s*(\w+)\)/i;
const NXOS_PROFILE = /^\s*(\S+) destination profile information\s*$/i;
const STATUS = /^\s*Profile status:\s*(\S+)/i;
const TRANSPORT = /^\s*(?:Transport Method|transport-method)\s*:\s*(\S+)/i;
const HTTP_ADDRESSES = /^\s*(?:HTTP\s+address\(es\)|Destination URL\(s\))\s*:\s*(.*)$/i;
const NXOS_URL_HEADING = /^\s*url addresses configured:\s*$/i;
const URL = /^https?:\/\/\S+$/i;
/** Lines before the first profile that are part of the output, not garbage. */
const PREAMBLE = /^\s*(?:Current smart-licensing transport settings|Smart-license messages)/i;

export const callHomeProfileParser: CommandParser = {
  id: 'call-home-profile',
  commands: ['show call-home profile all'],
  fills: { scalars: [], lists: ['callHomeProfiles'] },
  specificity: 30,
  parse(section) {
    const out = new FragmentBuilder(this.id, section, this.specificity);
    out.touch('callHomeProfiles');
    const open: { current: { profile: CallHomeProfile; line: number } | null } = { current: null };
    // after `HTTP address(es):` or `url addresses configured:` further URLs may follow on their own lines
    let collectingUrls = false;

    const finish = (): void => {
      if (open.current) out.add('callHomeProfiles', open.current.profile, open.current.line);
      open.current = null;
    };
    const start = (name: string, line: number): CallHomeProfile => {
      finish();
      const profile: CallHomeProfile = { name, status: null, httpDestinations: [], transportMethod: null };
      open.current = { profile, line };
      return profile;
    };

    for (const line of section.lines) {
      const text = line.text;
      if (text.trim() === '') {
        collectingUrls = false;
        continue;
      }
      let m: RegExpExecArray | null;
      if ((m = PROFILE_NAME.exec(text)) ?? (m = NXOS_PROFILE.exec(text))) {
        start(m[1]!, line.n);
        collectingUrls = false;
        continue;
      }
      if ((m = PROFILE_SHORT.exec(text))) {
        start(m[1]!, line.n).status = m[2]!.toLowerCase();
        collectingUrls = false;
        continue;
      }
      const profile = open.current?.profile ?? null;
      if (profile === null) {
        if (!PREAMBLE.test(text)) out.unrecognised(line.n);
        continue;
      }
      if ((m = STATUS.exec(text))) profile.status = m[1]!.toLowerCase();
      else if ((m = TRANSPORT.exec(text))) profile.transportMethod = m[1]!.toLowerCase();
      else if ((m = HTTP_ADDRESSES.exec(text))) {
        profile.httpDestinations.push(...urlsIn(m[1]!));
        collectingUrls = true;
        continue;
      } else if (NXOS_URL_HEADING.test(text)) {
        collectingUrls = true;
        continue;
      } else if (collectingUrls && URL.test(text.trim())) {
        profile.httpDestinations.push(text.trim());
        continue;
      }
      // alert groups, message sizes, schedules, e-mail addresses: part of the profile, not needed here
      collectingUrls = false;
    }
    finish();
    return out.build();
  },
};

function urlsIn(text: string): string[] {
  return text.split(/[\s,]+/).filter((word) => URL.test(word));
}
