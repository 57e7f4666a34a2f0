// The model derived from its one definition (common/device.ts): the empty device, the blocks made on first use,
// and the paths parsers may fill, which the compiler checks (a wrong line here fails `npm run typecheck`).
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import type { TrustCodeUdi } from '../../src/common/device.js';
import { block, known, text } from '../../src/common/model/fields.js';
import type { ListItems, ListPath, ScalarPath } from '../../src/common/paths.js';
import { LAZY_BLOCKS, emptyDevice, emptyOf } from '../../src/model/empty.js';
import { modelJsonSchema } from '../../src/rules/model-json-schema.js';

describe('the empty device', () => {
  it('meets the Model JSON contract', () => {
    const validate = new Ajv2020({ allErrors: true, strict: true }).compile(modelJsonSchema());
    expect(validate({ schemaVersion: 1, devices: [emptyDevice()] }), JSON.stringify(validate.errors)).toBe(true);
  });

  it('gives never-null values their default and the rest null or empty', () => {
    const device = emptyDevice();
    expect(device.platform).toBe('unknown');
    expect(device.derived.topologyReason).toBe('nothing in the capture shows the transport');
    expect(device.transport.proxy).toEqual({ address: null, port: null, username: null, passwordSet: null });
    expect([device.legacy, device.trustpool, device.config.callHome]).toEqual([null, null, null]);
    expect([device.syslog, device.sources]).toEqual([[], {}]);
  });

  it('shares no list or block between two devices', () => {
    const one = emptyDevice();
    const other = emptyDevice();
    one.syslog.push({} as (typeof one.syslog)[number]);
    one.transport.url = 'https://smartreceiver.cisco.com/licservice/license';
    expect(other.syslog).toEqual([]);
    expect(other.transport.url).toBeNull();
  });

  it('refuses a never-null value without a default: nothing would say what it is before the capture is read', () => {
    expect(() => emptyOf(block({ name: text(), evalMode: known.flag() }))).toThrow(/evalMode is never null but has no default/);
    expect(emptyOf(block({ name: text(), evalMode: known.flag(undefined, false) }))()).toEqual({ name: null, evalMode: false });
  });
});

describe('blocks made when a parser first sets a field under them', () => {
  it('are the blocks that may be null, outside lists', () => {
    expect([...LAZY_BLOCKS.keys()].sort()).toEqual(
      ['config.callHome', 'dataConversion', 'deviceTelemetry', 'legacy', 'licenseConversion', 'productAnalytics', 'trustpool', 'usageReportSummary'],
    );
  });

  it('start from their defaults', () => {
    expect(LAZY_BLOCKS.get('trustpool')!()).toEqual({ certificates: [], complete: true });
    expect(LAZY_BLOCKS.get('legacy')!()).toEqual({ registrationStatus: null, authorizationStatus: null, evalMode: false });
  });
});

describe('paths a parser may fill', () => {
  it('reach scalars through blocks, null or not, and not the fields the builder makes', () => {
    const paths: ScalarPath[] = ['transport.proxy.port', 'config.callHome.enabled', 'legacy.evalMode', 'captureTime'];
    // @ts-expect-error derived facts are computed by the model builder, not read by parsers
    const derived: ScalarPath = 'derived.topology';
    // @ts-expect-error a list is filled item by item (ListPath)
    const aList: ScalarPath = 'trustCode.udis';
    expect([...paths, derived, aList]).toHaveLength(6);
  });

  it('give each list its item type', () => {
    const item: ListItems['trustCode.udis'] = { pid: 'C9300-48P', sn: 'FOC2345Y0AB', role: 'active', installedAt: null, installed: true, validFrom: null, expiresAt: null, type: null } satisfies TrustCodeUdi;
    const lists: ListPath[] = ['config.callHome.httpDestinations', 'syslog'];
    // @ts-expect-error the input files are the builder's
    const files: ListPath = 'files';
    expect([item.role, ...lists, files]).toHaveLength(4);
  });
});
