// Every id in the rule catalogue (../shared/RULES.md) is in the built-in pack, and the pack has nothing else. The
// catalogue writes the ids beyond the source documents in backticks; they ship too, so they count.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { repoRoot as root, sharedPath } from '../support/shared.js';

const catalogueFile = sharedPath('RULES.md');
const files = readdirSync(join(root, 'rules')).filter((f) => f.endsWith('.yaml'));
const idOf = (file: string) => (parse(readFileSync(join(root, 'rules', file), 'utf8')) as { id: string }).id;

describe('the rule catalogue', () => {
  it.skipIf(catalogueFile === null)('every catalogue id has exactly one rule file with that id', () => {
    const catalogue = readFileSync(catalogueFile!, 'utf8');
    const ids = [...catalogue.matchAll(/^\| `?([a-z0-9-]+)`? \| (?:error|warning|info) \|/gm)].map((m) => m[1]!).sort();
    expect(ids.length).toBeGreaterThanOrEqual(54);
    expect(files.map(idOf).sort()).toEqual(ids);
  });

  it('every rule file is named by its id', () => {
    for (const f of files) expect(f).toBe(`${idOf(f)}.yaml`);
  });
});
