// Every id in the rule catalogue (../shared/RULES.md) is in the built-in pack, and the pack has nothing else.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = join(import.meta.dirname, '../..');

describe('the rule catalogue', () => {
  it('every catalogue id has exactly one rule file with that id', () => {
    const catalogue = readFileSync(join(root, '../shared/RULES.md'), 'utf8');
    const ids = [...catalogue.matchAll(/^\| ([a-z0-9-]+) \| (?:error|warning|info) \|/gm)].map((m) => m[1]!).sort();
    expect(ids.length).toBeGreaterThanOrEqual(45);
    const files = readdirSync(join(root, 'rules')).filter((f) => f.endsWith('.yaml'));
    const packIds = files.map((f) => (parse(readFileSync(join(root, 'rules', f), 'utf8')) as { id: string }).id).sort();
    expect(packIds).toEqual(ids);
    for (const f of files) expect(f).toBe(`${(parse(readFileSync(join(root, 'rules', f), 'utf8')) as { id: string }).id}.yaml`);
  });
});
