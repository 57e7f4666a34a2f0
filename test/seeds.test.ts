// Every `show license status` / `show license all`-style sample in the source documents has a fixture,
// test/fixtures/captures/seed-<doc>-<line>-<what>.txt: the sample's layout (header-free body, line structure restored
// where the guide flattens a sample into one HTML cell) with invented values, because Cisco's text stays in
// ../shared/seeds. Each must go through the whole pipeline with no diagnostics, follow the sample it cites by layout,
// and copy none of its values; so must every golden input citing a document line. No value of Cisco's lab (serial,
// host, account, token, report id) may appear anywhere in the repository.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCaptures } from '../src/pipeline/captures.js';
import { listGoldens, readGolden } from './support/goldens.js';
import { copiedValues, labValues, layoutDepartures, seedWindow, type SeedWindow } from './support/seed-layout.js';
import { repoRoot, sharedPath } from './support/shared.js';

const fixtureDir = path.join(repoRoot, 'test/fixtures/captures');
const SEED_FILES: Record<string, string> = {
  guide: 'nexus-slp-user-guide.txt',
  case: 'slp-troubleshooting-case-studies.txt',
};
const STATUS_FAMILY = ['show license status', 'show license all', 'show license tech support', 'show tech-support license'];
const seedsDir = sharedPath('seeds');

const fixtures = readdirSync(fixtureDir)
  .filter((name) => /^seed-(guide|case)-\d+-.+\.txt$/.test(name))
  .sort();

function seedLines(file: string): string[] {
  return readFileSync(path.join(seedsDir!, file), 'utf8').split('\n');
}

/** The document window a sample citing `line` (1-based) is compared with: a little before, the sample and its notes after. */
function windowAt(file: string, line: number): SeedWindow {
  return seedWindow(seedLines(file), line - 5, line + 80);
}

function fixtureLines(name: string): string[] {
  return readFileSync(path.join(fixtureDir, name), 'utf8').split('\n');
}

describe('seed samples', () => {
  it('there is one fixture per documented status/all sample', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(14);
  });

  describe.each(fixtures)('%s', (name) => {
    const [, doc, line] = /^seed-(guide|case)-(\d+)-/.exec(name)!;

    it('parses through loadCaptures with no diagnostics', async () => {
      const { devices } = await loadCaptures([path.join(fixtureDir, name)], {});
      expect(devices).toHaveLength(1);
      const device = devices[0]!;
      const read = device.sections.filter((s) => STATUS_FAMILY.includes(s.command) && s.parser !== null);
      expect(read.length, `sections: ${JSON.stringify(device.sections.map((s) => s.command))}`).toBeGreaterThan(0);
      expect(device.diagnostics).toEqual([]);
    });

    describe.skipIf(!seedsDir)('against the document', () => {
      it('follows the layout of the sample at the line its name gives', () => {
        expect(layoutDepartures(windowAt(SEED_FILES[doc!]!, Number(line)), fixtureLines(name))).toEqual([]);
      });

      it('copies none of its values', () => {
        expect(copiedValues(windowAt(SEED_FILES[doc!]!, Number(line)), fixtureLines(name))).toEqual([]);
      });
    });
  });
});

// A golden input taken from a document says so in its description: "layout of seeds/<file> line N, values invented".
const CITATION = /seeds\/([\w.-]+\.txt),? lines? (\d+)/;
const citingGoldens = listGoldens()
  .map((file) => readGolden(file))
  .filter((golden) => golden.input !== null && CITATION.test(golden.description.replace(/\s+/g, ' ')));
// A prompt line the golden added so that the section is found; the documents often print none.
const PROMPT = /^[\w.:()-]*#\s?\S/;

describe.skipIf(!seedsDir)('goldens taken from a source document', () => {
  it('there are some (the citation is still written as the test reads it)', () => {
    expect(citingGoldens.length).toBeGreaterThanOrEqual(14);
  });

  describe.each(citingGoldens.map((g) => [g.name, g] as const))('%s', (_, golden) => {
    const [, file, line] = CITATION.exec(golden.description.replace(/\s+/g, ' '))!;
    const lines = () => readFileSync(golden.input!, 'utf8').split('\n').map((l) => (PROMPT.test(l) ? '' : l));

    it('follows the layout of the line it cites', () => {
      expect(layoutDepartures(windowAt(file!, Number(line)), lines())).toEqual([]);
    });

    it('copies none of its values', () => {
      expect(copiedValues(windowAt(file!, Number(line)), lines())).toEqual([]);
    });
  });
});

const SKIP_DIRS = new Set(['node_modules', 'dist', 'coverage', '.git']);
const TEXT_FILE = /\.(?:txt|log|ya?ml|json|md|ts|tsx|js|mjs|cjs)$/;

function repositoryFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return SKIP_DIRS.has(entry.name) ? [] : repositoryFiles(full);
    return TEXT_FILE.test(entry.name) ? [full] : [];
  });
}

describe.skipIf(!seedsDir)("values of Cisco's lab", () => {
  const values = () => Object.values(SEED_FILES).flatMap((file) => labValues(seedLines(file).join('\n')));

  it('are found in the documents (the patterns still see them)', () => {
    expect(labValues(seedLines(SEED_FILES.guide!).join('\n')).length).toBeGreaterThanOrEqual(10);
    expect(labValues(seedLines(SEED_FILES.case!).join('\n')).length).toBeGreaterThanOrEqual(4);
  });

  it('appear nowhere in the repository (fixtures, goldens, captures, tests, sources)', () => {
    const wanted = values();
    const found = repositoryFiles(repoRoot).flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      return wanted.filter((value) => text.includes(value)).map((value) => `${path.relative(repoRoot, file)}: ${value}`);
    });
    expect(found).toEqual([]);
  });
});
