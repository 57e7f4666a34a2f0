// Inputs without licensing output are refused (model/licensing-output.ts), the same way for the CLI, the TUI and the
// fleet; inputs that hold some, or that add context to a device that has some, are not.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestText } from '../../src/ingest/index.js';
import { fromIngested, loadCaptures } from '../../src/pipeline/captures.js';
import { NothingFoundError, parsePaste } from '../../src/tui/session.js';
import { captureDir, listCaptures } from '../fixtures/captures/sidecar.js';
import { sharedPath } from '../support/shared.js';

const refusedOf = (entries: [string, string][]) => fromIngested(entries.map(([name, text]) => ingestText(text, name))).refused.map((e) => e.file);

const PROSE = 'Hi team,\n\nthe branch router was rebooted on Monday after the power cut. Can you check it?\n\nThanks, Sam\n';
const VERSION = `edge-rtr-07#show version
Cisco IOS XE Software, Version 17.09.04a
Cisco IOS Software [Cupertino], c8000be Software (X86_64_LINUX_IOSD-UNIVERSALK9-M), Version 17.9.4a, RELEASE SOFTWARE (fc3)
edge-rtr-07 uptime is 3 weeks, 2 days, 4 hours, 12 minutes
`;
const UNRELATED_CONFIG = `edge-rtr-07#show running-config
Building configuration...

hostname edge-rtr-07
!
interface GigabitEthernet0/0/0
 ip address 192.0.2.1 255.255.255.0
!
ip route 0.0.0.0 0.0.0.0 192.0.2.254
ntp server 192.0.2.123
!
end
`;
const LICENSING_CONFIG = UNRELATED_CONFIG.replace('ntp server 192.0.2.123', 'ntp server 192.0.2.123\nlicense smart transport smart\nlicense smart url default');
const CLOCK = 'edge-rtr-07#show clock\n10:00:00.000 UTC Tue Mar 5 2024\n';
const LOG = (message: string) => `edge-rtr-07#show logging\nMar  5 09:30:00.000 UTC: ${message}\n`;
const STATUS = `edge-rtr-07#show license status
Smart Licensing Using Policy:
  Status: ENABLED

Transport:
  Type: Smart
`;

describe('licensing output', () => {
  it('a page of prose, a bare show version and an unrelated running-config have none', () => {
    expect(refusedOf([['prose.txt', PROSE], ['version.txt', VERSION], ['config.txt', UNRELATED_CONFIG]])).toEqual(['prose.txt', 'version.txt', 'config.txt']);
  });

  it('show clock with a log has some when the log holds a licensing message, and none when it does not', () => {
    const licensing = LOG('%SMART_LIC-3-COMM_FAILED: Communications failure with the Cisco Smart Software Manager (CSSM) : Couldn\'t connect to server');
    const callHome = LOG('%CALL_HOME-5-SL_MESSAGE_FAILED: Fail to send out Smart Licensing message to: https://tools.cisco.com/its/service/oddce/services/DDCEService (ERR 205 : Request Aborted)');
    const other = LOG('%SYS-5-CONFIG_I: Configured from console by admin on vty0 (192.0.2.250)');
    // Three hosts: files of one host are judged together.
    const host = (name: string, text: string) => text.replaceAll('edge-rtr-07', name);
    expect(
      refusedOf([['licensing.txt', host('rtr-1', CLOCK + licensing)], ['call-home.txt', host('rtr-2', CLOCK + callHome)], ['other.txt', host('rtr-3', CLOCK + other)]]),
    ).toEqual(['other.txt']);
  });

  it('a running-config with license smart lines has some', () => {
    expect(refusedOf([['config.txt', LICENSING_CONFIG]])).toEqual([]);
  });

  it('a command about licensing that no grammar reads counts (license smart save usage)', () => {
    const save = 'edge-rtr-07#license smart save usage all file flash:report.txt\nedge-rtr-07#\n';
    expect(refusedOf([['save.txt', save]])).toEqual([]);
  });

  it('a bare show version of a host is context for that host\'s licensing output in another file', () => {
    expect(refusedOf([['version.txt', VERSION], ['status.txt', STATUS]])).toEqual([]);
    const { devices } = fromIngested([ingestText(VERSION, 'version.txt'), ingestText(STATUS, 'status.txt')]);
    expect(devices.map((d) => d.files)).toEqual([['status.txt', 'version.txt']]);
  });

  it('a refused input gives no device; the others are still built', () => {
    const loaded = fromIngested([ingestText(PROSE, 'prose.txt'), ingestText(STATUS, 'status.txt')]);
    expect(loaded.refused.map((e) => e.message)).toEqual(['prose.txt: no NX-OS or IOS-XE licensing output found (show license … output, a show-tech or licensing syslog lines)']);
    expect(loaded.devices.map((d) => d.hostname)).toEqual(['edge-rtr-07']);
  });

  it('the TUI refuses a paste without licensing output with the same message', () => {
    expect(() => parsePaste(VERSION)).toThrow(NothingFoundError);
    expect(() => parsePaste(VERSION)).toThrow('<paste>: no NX-OS or IOS-XE licensing output found');
    expect(parsePaste(STATUS).devices).toHaveLength(1);
  });
});

describe('no capture and no real output is refused', () => {
  it.each(listCaptures())('captures/%s', async (name) => {
    expect((await loadCaptures([path.join(captureDir, name)])).refused).toEqual([]);
  });

  const real = sharedPath('real-outputs');
  const outputs = real === null ? [] : readdirSync(real).filter((name) => name.endsWith('.txt'));
  it.skipIf(real === null).each(outputs)('real-outputs/%s', async (name) => {
    expect((await loadCaptures([path.join(real!, name)])).refused).toEqual([]);
  });
});

