// Every `show license status` / `show license all`-style sample in the source documents, extracted into
// test/fixtures/captures/seed-<doc>-<line>-<what>.txt (header-free body, line structure restored where the guide
// flattens a sample into one HTML <pre> cell), must go through the whole pipeline with no diagnostics.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCaptures } from '../src/model/load.js';
import { repoRoot } from './fixtures/captures/sidecar.js';
import { sharedPath } from './support/shared.js';

const fixtureDir = path.join(repoRoot, 'test/fixtures/captures');
// Cisco's documents stay in ../shared; without it the fixtures are still parsed, only the comparison is skipped.
const SEED_FILES: Record<string, string | null> = {
  guide: sharedPath('seeds/nexus-slp-user-guide.txt'),
  case: sharedPath('seeds/slp-troubleshooting-case-studies.txt'),
};
const STATUS_FAMILY = ['show license status', 'show license all', 'show license tech support', 'show tech-support license'];

const fixtures = readdirSync(fixtureDir)
  .filter((name) => /^seed-(guide|case)-\d+-.+\.txt$/.test(name))
  .sort();

function seedRef(name: string): { doc: string; line: number } {
  const [, doc, line] = /^seed-(guide|case)-(\d+)-/.exec(name)!;
  return { doc: doc!, line: Number(line) };
}

/** Seed text as plain words: HTML cells and markdown emphasis removed, entities decoded, whitespace collapsed. */
function plain(text: string): string {
  return text
    .replace(/<\/?(b|p|pre|i|hr|code|ul|li|br|table|thead|tbody|tr|th|td|a)\b[^>]*>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\*\*/g, '')
    .replace(/^#{1,6} /gm, '')
    .replace(/\\_/g, '_')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A fixture line is in the seed window verbatim, or (where a cell boundary split it) as its words in order. */
function foundIn(window: string, line: string): boolean {
  const wanted = plain(line);
  if (window.includes(wanted)) return true;
  let from = 0;
  for (const word of wanted.split(' ')) {
    const at = window.indexOf(word, from);
    if (at < 0) return false;
    from = at + word.length;
  }
  return true;
}

describe('seed samples', () => {
  it('there is one fixture per documented status/all sample', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(14);
  });

  describe.each(fixtures)('%s', (name) => {
    it('parses through loadCaptures with no diagnostics', async () => {
      const { devices } = await loadCaptures([path.join(fixtureDir, name)], {});
      expect(devices).toHaveLength(1);
      const device = devices[0]!;
      const read = device.sections.filter((s) => STATUS_FAMILY.includes(s.command) && s.parser !== null);
      expect(read.length, `sections: ${JSON.stringify(device.sections.map((s) => s.command))}`).toBeGreaterThan(0);
      expect(device.diagnostics).toEqual([]);
    });

    const { doc, line } = seedRef(name);
    const seedFile = SEED_FILES[doc] ?? null;
    it.skipIf(seedFile === null)('matches the seed at the line its name gives', () => {
      const seed = readFileSync(seedFile!, 'utf8').split('\n');
      const window = plain(seed.slice(Math.max(0, line - 5), line + 80).join('\n'));
      const lines = readFileSync(path.join(fixtureDir, name), 'utf8')
        .split('\n')
        .filter((l) => l.trim() !== '');
      const missing = lines.filter((l) => !foundIn(window, l));
      expect(missing).toEqual([]);
    });
  });
});
