// `show ntp status` and `show ntp peers` / `show ntp associations` / `show ntp peer-status`: is the clock in sync,
// and with which servers. IOS-XE says it in words (`Clock is synchronized, stratum 3, reference is 192.0.2.123`);
// the peer tables mark the server the clock follows with a leading `*`.
import type { CommandParser } from '../fragment.js';
import { FragmentBuilder } from '../fragment.js';

const CLOCK_STATE = /^Clock is (synchronized|unsynchronized)\b/i;
/** A peer row: optional marks (`*`, `+`, `~`, `#`, …), then the peer address. */
const PEER_ROW = /^\s*([*+#x~=-]*)\s*(\d{1,3}(?:\.\d{1,3}){3}|[0-9a-f]*:[0-9a-f:]+:[0-9a-f:]*|[A-Za-z][\w-]*(?:\.[\w-]+)+)\s/i;
/** Headers, legends, separators and summary lines that carry nothing for us. */
const SILENT =
  /^\s*(?:-{3,}|={3,}|Peer IP Address|remote\s+local|address\s+ref clock|\*\s*sys\.peer|\*\s*-\s*selected|-\s*-\s*peer|Total peers|Distribution\s*:|Last operational state|NTP |ntp |Clock is|nominal freq|actual freq|precision|reference time|clock offset|root delay|root dispersion|reach|loopfilter|system poll|leap|sys\.peer|[a-z ]+:)/i;

export const ntpParser: CommandParser = {
  id: 'ntp',
  commands: ['show ntp status', 'show ntp peers'],
  fills: { scalars: ['ntp.synchronized'], lists: ['ntp.peers'] },
  specificity: 30,
  parse(section) {
    const out = new FragmentBuilder(this.id, section, this.specificity);
    let peerRows = 0;
    let selected: number | null = null;
    let stated = false;
    let lastPeerLine = 0;

    for (const line of section.lines) {
      const text = line.text;
      if (text.trim() === '') continue;
      const state = CLOCK_STATE.exec(text.trim());
      if (state) {
        out.set('ntp.synchronized', state[1]!.toLowerCase() === 'synchronized', line.n);
        stated = true;
        continue;
      }
      const peer = PEER_ROW.exec(text);
      if (peer && !/^\s*(?:Peer|remote|address)\b/i.test(text)) {
        out.add('ntp.peers', peer[2]!, line.n);
        peerRows++;
        lastPeerLine = line.n;
        if (peer[1]!.includes('*')) selected = line.n;
        continue;
      }
      if (SILENT.test(text)) continue;
      out.unrecognised(line.n);
    }

    // Only a table with sync marks tells sync state; `show ntp peers` on NX-OS has no marks column.
    const hasMarks = section.lines.some((l) => /^\s*[*+=-]\s*\d/.test(l.text) || /selected for sync|sys\.peer/.test(l.text));
    if (!stated && peerRows > 0 && hasMarks) out.set('ntp.synchronized', selected !== null, selected ?? lastPeerLine);
    return out.build();
  },
};
