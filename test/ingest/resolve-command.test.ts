import { describe, expect, it } from 'vitest';
import { COMMAND_ROWS, NUMBER, REST } from '../../src/ingest/commands.js';
import { resolveCommand } from '../../src/ingest/resolve-command.js';

/** Every spelling of the command table as an engineer would type it in full. */
const SPELLINGS = COMMAND_ROWS.flatMap((row) =>
  (row.typed ?? []).map((spelling) => [spelling.replace(NUMBER, '17').replace(` ${REST}`, ''), row.name] as const),
);

describe('resolveCommand', () => {
  it.each([
    ['sh lic stat', 'show license status'],
    ['show lic status', 'show license status'],
    ['show license status | include Next', 'show license status'],
    ['do show license status', 'show license status'],
    ['show lic all', 'show license all'],
    ['sh lic tech sup', 'show license tech support'],
    ['show license tech-support', 'show license tech support'],
    ['show tech-support license', 'show tech-support license'],
    ['show tech license', 'show tech-support license'],
    ['sh lic udi', 'show license udi'],
    ['sh lic sum', 'show license summary'],
    ['sh lic usage', 'show license usage'],
    ['show license rum id 0', 'show license rum id all'],
    ['show license rum id all', 'show license rum id all'],
    ['show license rum id all detail', 'show license rum id all detail'],
    ['show license rum id 1712040011 detail', 'show license rum id all detail'],
    ['test license smart rum id-list', 'show license rum id all'],
    ['sh lic eventlog', 'show license eventlog'],
    ['show license history message', 'show license history message'],
    ['show license data conversion', 'show license data conversion'],
    ['show license', 'show license'],
    ['sh lic', 'show license'],
    ['sh license summary (standby)', 'show license summary'],
    ['show crypto pki trustpool', 'show crypto pki trustpool'],
    ['sh cry pki trustpool', 'show crypto pki trustpool'],
    ['show processes memory sorted', 'show processes memory sorted'],
    ['show proc mem sorted holding', 'show processes memory sorted'],
    ['sh run', 'show running-config'],
    ['show run license', 'show running-config'],
    ['show running-config callhome', 'show running-config'],
    ['show running-config callhome all', 'show running-config'],
    ['show running-config license', 'show running-config'],
    ['show callhome', 'show call-home profile all'],
    ['show callhome destination-profile', 'show call-home profile all'],
    ['show call-home profile all', 'show call-home profile all'],
    ['sh clock', 'show clock'],
    ['show ver', 'show version'],
    ['show ntp status', 'show ntp status'],
    ['show ntp peers', 'show ntp peers'],
    ['show ntp associations', 'show ntp peers'],
    ['show processes cpu sort', 'show process cpu sorted'],
    ['show process cpu sorted', 'show process cpu sorted'],
    ['show logging', 'show logging'],
    ['show logging logfile', 'show logging'],
    ['show log', 'show logging'],
    ['ping cslu-local vrf management', 'ping'],
    ['telnet smartreceiver.cisco.com 443', 'telnet'],
  ])('%s → %s', (typed, canonical) => {
    expect(resolveCommand(typed)).toBe(canonical);
  });

  it.each([
    'show interface',
    'show processes memory',
    'show license (on the standby)',
    'show module',
    'show tech-support',
    'show lic u',
    'configure terminal',
    '',
  ])('%s is not a command we read', (typed) => {
    expect(resolveCommand(typed)).toBeNull();
  });

  it.each(SPELLINGS)('the table spelling %s is %s', (typed, canonical) => {
    expect(resolveCommand(typed)).toBe(canonical);
  });
});
