// Every parser's golden pairs (test/support/goldens.ts says the convention): the input read through the whole
// reading pipeline (ingest, the parsers, the model builder) must give the hand-written fields, leave no line of a
// known section unread, and, where the golden says so, fire exactly the listed error and warning rules. Every parser
// folder is registered, has goldens, and gives only the model fields its index.ts declares.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { analyzeFiles } from '../src/pipeline/analyze.js';
import { loadRulePack } from '../src/pipeline/rule-pack.js';
import type { DeviceModel } from '../src/common/device.js';
import { ingestFile } from '../src/ingest/index.js';
import { loadCaptures } from '../src/pipeline/captures.js';
import { PARSERS, parserFor } from '../src/parsers/registry.js';
import { actualAt, captureDir, listCaptures } from './fixtures/captures/sidecar.js';
import { listGoldens, PARSERS_DIR, readGolden, type Golden } from './support/goldens.js';
import { sharedPath } from './support/shared.js';

const goldens = listGoldens();
/** The built-in pack, loaded once for every golden. */
const pack = loadRulePack();

function pair<T extends { hostname: string | null }>(golden: Golden, devices: T[]): { model: Record<string, unknown>; device: T }[] {
  const known = devices.map((d) => d.hostname);
  if (golden.devices.length === 1 && golden.devices[0]!.hostname === null) {
    expect(known, 'a golden with `model:` needs exactly one device').toHaveLength(1);
    return [{ model: golden.devices[0]!.model, device: devices[0]! }];
  }
  expect(known.length, `devices found: ${JSON.stringify(known)}`).toBe(golden.devices.length);
  return golden.devices.map(({ hostname, model }) => {
    const device = devices.find((d) => d.hostname?.toLowerCase() === hostname!.toLowerCase());
    if (!device) throw new Error(`no device ${hostname}; found ${JSON.stringify(known)}`);
    return { model, device };
  });
}

describe('goldens', () => {
  it('every golden folder is named after a registered parser', () => {
    const ids = new Set(PARSERS.map((p) => p.id));
    const folders = [...new Set(goldens.map((file) => path.basename(path.dirname(path.dirname(file)))))];
    expect(folders.filter((folder) => !ids.has(folder))).toEqual([]);
  });

  describe.each(goldens.map((file) => [path.relative('src/parsers', path.relative(process.cwd(), file)), file]))('%s', (_name, file) => {
    const golden = readGolden(file);
    const run = golden.input === null ? it.skip : it;

    run('is read by its parser, gives the hand-written fields and leaves no line unread', async () => {
      const { devices } = await loadCaptures([golden.input!], { now: golden.now });
      const parsers = new Set(devices.flatMap((d: DeviceModel) => d.sections.map((s) => s.parser)));
      expect(parsers.has(golden.parser), `no section of the input is read by ${golden.parser}`).toBe(true);
      for (const { model, device } of pair(golden, devices)) {
        const actual = actualAt(device, model);
        const wrong = Object.keys(model)
          .filter((key) => !isDeepStrictEqual(actual[key], model[key]))
          .map((key) => `${key}: got ${JSON.stringify(actual[key])}, expected ${JSON.stringify(model[key])}`);
        expect(wrong, `${golden.name} ${device.hostname ?? ''}`).toEqual([]);
      }
      const diagnostics = devices.flatMap((d) => d.diagnostics.map((x) => `${x.line}: ${x.message}`));
      const unexpected = diagnostics.filter((d) => !golden.diagnostics.some((allowed) => d.startsWith(allowed)));
      const absent = golden.diagnostics.filter((allowed) => !diagnostics.some((d) => d.startsWith(allowed)));
      expect({ unexpected, absent }, golden.name).toEqual({ unexpected: [], absent: [] });
    });

    if (golden.findings !== null)
      run('fires exactly the listed error and warning rules', async () => {
        const analysis = await analyzeFiles([golden.input!], { now: golden.now, pack });
        const ids = [...new Set(analysis.devices.flatMap((d) => d.findings.filter((f) => f.severity !== 'info').map((f) => f.ruleId)))];
        expect(ids.sort(), golden.name).toEqual([...golden.findings!].sort());
      });
  });
});

describe('parser folders', () => {
  const folders = readdirSync(PARSERS_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(PARSERS_DIR, entry.name, 'index.ts')))
    .map((entry) => entry.name)
    .sort();

  it('every folder with an index.ts is one registered parser of that id', () => {
    expect(PARSERS.map((p) => p.id).sort()).toEqual(folders);
  });

  it('every parser has at least one golden', () => {
    const covered = new Set(goldens.map((file) => readGolden(file).parser));
    expect(folders.filter((folder) => !covered.has(folder))).toEqual([]);
  });

  it('over every capture and golden input, each parser gives only the model fields it declares', async () => {
    const inputs = [
      ...listCaptures().map((name) => path.join(captureDir, name)),
      ...goldens.map((file) => readGolden(file).input).filter((input): input is string => input !== null),
    ];
    const undeclared = new Set<string>();
    const given = new Set<string>();
    for (const input of inputs) {
      for (const section of (await ingestFile(input)).sections) {
        const parser = parserFor(section.command);
        if (!parser) continue;
        const fragment = parser.parse(section);
        const declared = new Set<string>([...parser.fills.scalars, ...parser.fills.lists]);
        for (const field of [...fragment.scalars.keys(), ...fragment.lists.keys()]) {
          given.add(`${parser.id} ${field}`);
          if (!declared.has(field)) undeclared.add(`${parser.id} gives ${field} (${path.relative(process.cwd(), input)})`);
        }
      }
    }
    expect([...undeclared]).toEqual([]);
    // A declaration wider than what the parser gives would let a field's parser go unnoticed.
    const unused = PARSERS.flatMap((p) => [...p.fills.scalars, ...p.fills.lists].map((field) => `${p.id} ${field}`));
    expect(unused.filter((entry) => !given.has(entry))).toEqual([]);
  });
});

describe('real device output', () => {
  const dir = sharedPath('real-outputs');
  it.skipIf(dir === null)('every file of ../shared/real-outputs has a golden', () => {
    const covered = new Set(goldens.map((file) => readGolden(file).shared).filter((s): s is string => s !== null));
    const files = readdirSync(dir!).filter((name) => name.endsWith('.txt'));
    expect(files.filter((name) => !covered.has(`real-outputs/${name}`))).toEqual([]);
  });
});
