// The device around licensing: clock and NTP, the PKI trustpool, processes, and the configuration rules read (DNS,
// NTP, HTTP client, call-home).
/* eslint-disable @typescript-eslint/no-empty-object-type -- each model type is an interface named after its schema, so hovers and errors say `DeviceConfig`, not its fields */
import { asPrinted, block, flag, known, list, named, nullable, text, time, type Static } from './fields.js';

const deviceClock = block(
  {
    timeSource: asPrinted(
      '`Time source is NTP, …` → `NTP`; `hardware calendar`, `user configuration`; `No time source` → `none`; as printed, lower-case except NTP / SNTP',
    ),
    authoritative: flag('false when the device marks its time `*` (never set, not authoritative); true for an unmarked or `.` time'),
    ntpSynchronized: flag(
      'Synchronised to NTP: `Clock sync-ed with NTP: True|False` (tech support), `show ntp status`, or a time-source header (`NTP` with no mark: true; `.` or `*`: false)',
    ),
  },
  'The device clock as the capture shows it',
);
export interface DeviceClock extends Static<typeof deviceClock> {}
export const DeviceClock = named<DeviceClock>(deviceClock);

const trustpoolCertificate = block(
  {
    subject: text('The `cn=` of the Subject (`IdenTrust Commercial Root CA 1`)'),
    origin: text('`Trustpool: Downloaded | Built-In`'),
    validUntil: time('`end date:`'),
  },
  'One CA certificate of `show crypto pki trustpool`',
);
export interface TrustpoolCertificate extends Static<typeof trustpoolCertificate> {}
export const TrustpoolCertificate = named<TrustpoolCertificate>(trustpoolCertificate);

const trustpool = block({
  certificates: list(TrustpoolCertificate),
  complete: known.flag('false when the output was cut (`<<output snipped>>`, a pager quit): absence of a CA then proves nothing', true),
});
export interface Trustpool extends Static<typeof trustpool> {}
export const Trustpool = named<Trustpool>(trustpool);

const memoryProcess = block(
  { name: known.text(), holding: known.integer('Bytes held (`Holding`)') },
  'One row of `show processes memory sorted`',
);
export interface MemoryProcess extends Static<typeof memoryProcess> {}
export const MemoryProcess = named<MemoryProcess>(memoryProcess);

const cpuProcess = block({
  name: known.text(),
  percent: known.number('5-second CPU percentage (IOS-XE) or total % (NX-OS)'),
});
export interface CpuProcess extends Static<typeof cpuProcess> {}
export const CpuProcess = named<CpuProcess>(cpuProcess);

const ntpStatus = block({
  synchronized: flag('true when `show ntp status` / `show clock` says the clock is synchronised to NTP'),
  peers: list(known.text()),
});
export interface NtpStatus extends Static<typeof ntpStatus> {}
export const NtpStatus = named<NtpStatus>(ntpStatus);

const nameServer = block({ address: known.text(), vrf: text() });
export interface NameServer extends Static<typeof nameServer> {}
export const NameServer = named<NameServer>(nameServer);

const ntpServer = block({ address: known.text(), prefer: known.flag(), vrf: text() });
export interface NtpServer extends Static<typeof ntpServer> {}
export const NtpServer = named<NtpServer>(ntpServer);

const ipHost = block({ name: known.text(), addresses: list(known.text()) });
export interface IpHost extends Static<typeof ipHost> {}
export const IpHost = named<IpHost>(ipHost);

const callHomeConfig = block({
  httpDestinations: list(known.text(), '`destination-profile … http …` / `destination address http …` URLs in the callhome block'),
  transportHttpVrf: text('`transport http use-vrf <vrf>`'),
  httpProxy: text('`transport http proxy server …`'),
  enabled: flag(),
  sourceInterface: text('NX-OS `source-interface <if>` under callhome (10.3(2)F and later)'),
});
export interface CallHomeConfig extends Static<typeof callHomeConfig> {}
export const CallHomeConfig = named<CallHomeConfig>(callHomeConfig);

const deviceConfig = block(
  {
    licenseSmartLines: list(known.text(), 'Every `license smart …` configuration line, as written (without leading spaces)'),
    nameServers: list(NameServer),
    domainName: text(),
    domainLookup: flag('true for `ip domain-lookup`, false for `no ip domain-lookup`, null when not shown'),
    ipHosts: list(IpHost),
    ntpServers: list(NtpServer),
    httpClientSourceInterface: text(),
    vrfs: list(known.text()),
    callHome: nullable(CallHomeConfig),
  },
  'Configuration from `show running-config` and friends; rules read DNS, NTP and HTTP client settings here',
);
export interface DeviceConfig extends Static<typeof deviceConfig> {}
export const DeviceConfig = named<DeviceConfig>(deviceConfig);

const callHomeProfile = block({
  name: known.text(),
  status: text('"active" | "inactive" as printed, lower-cased'),
  httpDestinations: list(known.text()),
  transportMethod: text(),
});
export interface CallHomeProfile extends Static<typeof callHomeProfile> {}
export const CallHomeProfile = named<CallHomeProfile>(callHomeProfile);

const dataConversion = block({ empty: known.flag(undefined, true), lines: list(known.text()) });
export interface DataConversion extends Static<typeof dataConversion> {}
export const DataConversion = named<DataConversion>(dataConversion);
