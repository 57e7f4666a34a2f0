import { describe, expect, it } from 'vitest';
import { devicePlatform, platformOfPid, PlatformVotes, sectionPlatform } from '../../src/common/platform.js';

describe('platformOfPid', () => {
  it.each([
    ['C9300-48P', 'iosxe'], ['C9800-CL-K9', 'iosxe'], ['C8000V', 'iosxe'], ['C8200L-1N-4T', 'iosxe'], ['ASR1006-X', 'iosxe'],
    ['ISR4331/K9', 'iosxe'], ['CSR1000V', 'iosxe'], ['C1111-8P', 'iosxe'], ['IR1101-K9', 'iosxe'],
    ['N9K-C93180YC-FX', 'nxos'], ['N9K-C92300YC', 'nxos'], ['N3K-C3548P-10GX', 'nxos'], ['N7K-C7010', 'nxos'], ['N77-C7706', 'nxos'],
    ['DS-C9148S-K9', 'nxos'], ['UCSC-C220-M5SX', 'unknown'],
  ])('%s is %s', (pid, platform) => {
    expect(platformOfPid(pid)).toBe(platform);
  });
});

describe('PlatformVotes', () => {
  const votes = (...texts: string[]) => {
    const v = new PlatformVotes();
    for (const text of texts) v.read(text);
    return v;
  };

  it('counts a PID once, whole', () => {
    expect(votes('UDI: PID:N9K-C92300YC,SN:FDO0000X0AB').verdict()).toBe('nxos');
    expect(votes('P:C9300-24P,S:FOC0000X0AB: state[2], Trust Data INSTALLED').verdict()).toBe('iosxe');
  });

  it('reads the blocks only IOS-XE agents print as spelling, weaker than a name', () => {
    for (const line of ['Account Information:', 'License Conversion:', '  Reporting Mode: STANDARD', 'Device Telemetry Report Summary:',
      '  Server Identity Check: True', 'Load for five secs: 2%/0%; one minute: 1%; five minutes: 1%', 'Time source is NTP, 14:02:31.412 UTC Tue Mar 12 2024'])
      expect(votes(line).spellingVerdict(), line).toBe('iosxe');
    expect(votes('Smart License Conversion:').spellingVerdict()).toBe('unknown');
    expect(votes('Account Information:', 'leaf-101 %LICMGR-3-LOG_SMART_LIC_COMM_FAILED: x').overallVerdict()).toBe('nxos');
  });

  it('gives a section its own names, then the capture names, then its own spelling, then the capture spelling', () => {
    const capture = votes('Cisco Nexus Operating System (NX-OS) Software');
    expect(sectionPlatform(votes('Account Information:'), capture)).toBe('nxos');
    expect(sectionPlatform(votes('Account Information:'), votes())).toBe('iosxe');
    expect(sectionPlatform(votes(), votes('Usage reporting:'))).toBe('nxos');
  });

  it('decides a device from its sections and its messages of a platform facility', () => {
    expect(devicePlatform(['nxos', 'unknown'], ['SMART_LIC', 'CALL_HOME'])).toBe('iosxe');
    expect(devicePlatform(['nxos'], ['SMART_LIC'])).toBe('unknown');
    expect(devicePlatform([], ['PKI'])).toBe('unknown');
  });
});
