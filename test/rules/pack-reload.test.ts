// A process that loads a pack twice (the TUI, a test run) reads a rule directory again only when one of its files
// changed; an edit between two loads is always seen, and a broken file is reported every time.
import { cpSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPack } from '../../src/rules/rule-directories.js';
import { RulePackError } from '../../src/rules/types.js';
import { tempDir } from '../support/temp-dirs.js';

const examples = join(import.meta.dirname, '../../docs/examples/site-rules');

function sitePack(): string {
  const dir = tempDir('slp-pack-reload-');
  cpSync(examples, dir, { recursive: true });
  return dir;
}

describe('loading a pack again in one process', () => {
  it('gives the same rules while nothing changed, and the edited rule after an edit', () => {
    const dir = sitePack();
    const first = loadPack([dir], { precompiled: [] });
    expect(loadPack([dir], { precompiled: [] }).get('custom-id-missing')).toBe(first.get('custom-id-missing'));
    const file = join(dir, 'custom-id-missing.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('severity: info', 'severity: warning'));
    // Same second as the first write on a coarse clock: the size changed, so it is read again.
    expect(loadPack([dir], { precompiled: [] }).get('custom-id-missing')?.severity).toBe('warning');
  });

  it('reads a file again when only its time changed (an edit of the same length)', () => {
    const dir = sitePack();
    const file = join(dir, 'custom-id-missing.yaml');
    loadPack([dir], { precompiled: [] });
    writeFileSync(file, readFileSync(file, 'utf8').replace('severity: info', 'severity: warn'));
    const later = new Date(Date.now() + 5_000);
    utimesSync(file, later, later);
    expect(() => loadPack([dir], { precompiled: [] })).toThrow(RulePackError);
    // A broken directory is not remembered: the error comes again.
    expect(() => loadPack([dir], { precompiled: [] })).toThrow(RulePackError);
  });
});
