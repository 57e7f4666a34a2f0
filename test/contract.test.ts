// The Model JSON contract (DESIGN.md "Model JSON"): what `slp-doctor parse --format json` prints, held to the JSON
// Schema the repository ships (schema/model.schema.json, generated from the model schema in src/common/device.ts by `npm run schema`).
// Every capture and every real output is validated through the functions, and all of them once through the binary.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import type { DeviceModel } from '../src/common/device.js';
import { loadCaptures } from '../src/pipeline/captures.js';
import { modelJsonSchemaText } from '../src/rules/model-json-schema.js';
import { captureDir, listCaptures, readSidecar, repoRoot } from './fixtures/captures/sidecar.js';
import { runBinary } from './support/cli.js';
import { sharedPath } from './support/shared.js';

const schemaFile = path.join(repoRoot, 'schema/model.schema.json');
const validate = new Ajv2020({ allErrors: true, strict: true }).compile(JSON.parse(readFileSync(schemaFile, 'utf8')) as object);

/** Where and why a document breaks the contract; empty when it meets it. */
function contractProblems(document: unknown): string[] {
  if (validate(document)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}${e.params && 'allowedValues' in e.params ? ` ${JSON.stringify(e.params.allowedValues)}` : ''}`);
}

/** The document as parse --format json prints it: serialised and read back. */
const printed = (document: unknown): unknown => JSON.parse(JSON.stringify(document));

const realOutputs = sharedPath('real-outputs');
const realFiles = realOutputs === null ? [] : readdirSync(realOutputs).filter((name) => name.endsWith('.txt')).sort();

describe('Model JSON schema', () => {
  it('is what the model schema generates (run `npm run schema` after changing the model)', () => {
    expect(readFileSync(schemaFile, 'utf8'), 'schema/model.schema.json is stale: run `npm run schema`').toBe(modelJsonSchemaText());
  });

  it('is shipped in the npm package', () => {
    const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { files: string[] };
    expect(manifest.files).toContain('schema');
  });

  describe('rejects what the contract forbids', async () => {
    const { document } = await loadCaptures([path.join(captureDir, 'iosxe-techsupport.txt')]);
    const broken = (change: (device: Record<string, unknown> & DeviceModel) => void): string[] => {
      const copy = printed(document) as { devices: (Record<string, unknown> & DeviceModel)[] };
      change(copy.devices[0]!);
      return contractProblems(copy);
    };

    it('accepts the document it starts from', () => {
      expect(contractProblems(printed(document))).toEqual([]);
    });

    it.each([
      ['a "<none>" string', (d: DeviceModel) => (d.hostname = '<none>'), '/devices/0/hostname must NOT be valid'],
      ['"Not Configured"', (d: DeviceModel) => (d.transport.proxy.address = 'Not Configured'), '/devices/0/transport/proxy/address must NOT be valid'],
      ['"<empty>" in a list item', (d: DeviceModel) => (d.licenses[0]!.description = '<empty>'), '/devices/0/licenses/0/description must NOT be valid'],
      ['an upper-case enumeration', (d: DeviceModel) => ((d as { platform: string }).platform = 'IOSXE'), '/devices/0/platform must be equal to one of the allowed values ["nxos","iosxe","unknown"]'],
      ['an unknown transport', (d: DeviceModel) => ((d.transport as { type: string }).type = 'Smart'), '/devices/0/transport/type must be equal to one of the allowed values ["smart","cslu","callhome","off","automatic",null]'],
      ['a time without a zone', (d: DeviceModel) => (d.captureTime = '2024-04-18 09:14:31'), '/devices/0/captureTime must match pattern'],
      ['a time not in UTC', (d: DeviceModel) => (d.usageReporting.nextAckDeadline = '2024-06-10T12:21:33+02:00'), '/devices/0/usageReporting/nextAckDeadline must match pattern'],
      ['a status code kept', (d: DeviceModel) => (d.licenses[0]!.status = 'IN USE(15)'), '/devices/0/licenses/0/status must match pattern'],
      ['a missing field', (d: DeviceModel) => delete (d.transport as Partial<DeviceModel['transport']>).type, "/devices/0/transport must have required property 'type'"],
      ['a field the contract does not have', (d: Record<string, unknown>) => (d.serialNumber = 'FOC2345Y0AB'), '/devices/0 must NOT have additional properties'],
      ['a number as text', (d: DeviceModel) => ((d.usageReporting as { reportingPushIntervalDays: unknown }).reportingPushIntervalDays = '30'), '/devices/0/usageReporting/reportingPushIntervalDays must be integer,null'],
    ] as const)('%s', (_what, change, problem) => {
      expect(broken(change as (d: Record<string, unknown> & DeviceModel) => void)).toEqual([expect.stringContaining(problem)]);
    });
  });
});

describe.each(listCaptures())('captures/%s', (capture) => {
  it('parses to a document that meets the contract', async () => {
    const { document } = await loadCaptures([path.join(captureDir, capture)], { now: readSidecar(capture).now });
    expect(contractProblems(printed(document))).toEqual([]);
  });
});

describe.skipIf(realOutputs === null)('real outputs', () => {
  it.each(realFiles)('real-outputs/%s parses to a document that meets the contract', async (name) => {
    const { document } = await loadCaptures([path.join(realOutputs!, name)]);
    expect(contractProblems(printed(document))).toEqual([]);
  });
});

it('the built binary prints a contract-conforming document for parse --format json of every capture and real output', () => {
  const files = [...listCaptures().map((name) => path.join('captures', name)), ...realFiles.map((name) => path.join(realOutputs!, name))];
  const result = runBinary(['parse', '--format', 'json', ...files], { cwd: repoRoot, timeout: 120_000 });
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  const document = JSON.parse(result.stdout) as { devices: { hostname: string | null; files: string[] }[] };
  expect(contractProblems(document)).toEqual([]);
  expect(document.devices.find((d) => d.files.includes('captures/nxos-techsupport.txt'))!.hostname).toBe('leaf-101');
});
