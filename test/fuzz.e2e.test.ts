// A seeded share of scripts/fuzz.mjs against the sources: hostile input never crashes the pipeline. How long the
// slowest case takes is measured by the bench (scripts/bench-worst-case.mjs).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ByteLineReader } from '../src/ingest/line-reader.js';
import { InputError } from '../src/ingest/types.js';
import { fromIngested } from '../src/pipeline/captures.js';
import { evaluateDevice } from '../src/rules/engine.js';
import { loadRulePack } from '../src/pipeline/rule-pack.js';

interface FuzzModule {
  loadTemplates(): string[];
  arbitraryInput(check: typeof fc, templates: string[]): fc.Arbitrary<Buffer>;
  checkInput(api: object, pack: unknown, bytes: Buffer): string | null;
}

// A computed path: the script is plain JavaScript without type declarations.
const fuzzScript = new URL('../scripts/fuzz.mjs', import.meta.url).href;
const { arbitraryInput, checkInput, loadTemplates } = (await import(fuzzScript)) as FuzzModule;
const api = { ByteLineReader, InputError, fromIngested, evaluateDevice };
const pack = loadRulePack([]);

describe('fuzz (seeded share of scripts/fuzz.mjs)', () => {
  it('2,000 hostile inputs: no crash', () => {
    const templates = loadTemplates();
    fc.assert(
      fc.property(arbitraryInput(fc, templates), (bytes) => {
        expect(checkInput(api, pack, bytes)).toBeNull();
      }),
      { numRuns: 2_000, seed: 20240418 },
    );
  }, 240_000);

  it('a 50 MB single line is read into diagnostics, not a crash', () => {
    expect(checkInput(api, pack, Buffer.alloc(50 * 1024 * 1024, 0x41))).toBeNull();
  });

  it('the checker itself notices a pipeline that throws', () => {
    const broken = { ...api, fromIngested: () => { throw new Error('boom'); } };
    expect(checkInput(broken, pack, Buffer.from('leaf-101# show license status\nSmart Licensing Using Policy:\n  Status: ENABLED\n'))).toMatch(/boom/);
  });
});
