// The rule-format reference and the authoring guide: the reference's tables are what the code checks and runs, no
// file cites a document or a section that does not exist, and the guide's two worked rules pass lint and test.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CEL_FUNCTIONS, CEL_METHODS, SLP_FUNCTIONS } from '../src/rules/cel-functions.js';
import { compileExpression } from '../src/rules/condition.js';
import { withGeneratedBlocks } from '../src/rules/format-reference.js';
import { DEVICE_SHAPE } from '../src/rules/model-schema.js';
import { repoRoot } from './support/shared.js';

const read = (path: string): string => readFileSync(join(repoRoot, path), 'utf8');
const reference = read('docs/RULE-FORMAT.md');
const guide = read('docs/RULE-AUTHORING.md');

describe('docs/RULE-FORMAT.md', () => {
  it('lists the functions and model fields the code has (npm run schema writes them)', () => {
    expect(reference, 'docs/RULE-FORMAT.md is stale: run npm run schema').toBe(withGeneratedBlocks(reference));
  });

  it('names every function, method and top-level model field', () => {
    for (const entry of [...SLP_FUNCTIONS, ...CEL_FUNCTIONS, ...CEL_METHODS]) expect(reference).toContain(`${entry.name}(`);
    for (const name of DEVICE_SHAPE.fields.keys()) expect(reference).toContain(`| \`${name}\` |`);
    expect(reference).toContain('| `dataPrivacy.smartLicensingHostnamePrivacy` | bool or null |');
  });

  it('gives examples that lint accepts', () => {
    for (const entry of [...SLP_FUNCTIONS, ...CEL_FUNCTIONS, ...CEL_METHODS]) {
      const { expression, problems } = compileExpression(entry.example, 'template');
      expect(problems, `${entry.name}: ${entry.example}`).toEqual([]);
      expect(expression).not.toBeNull();
    }
  });

  it('describes every key of a rule file the schema allows', () => {
    const schema = JSON.parse(read('rules/schema.json')) as { properties: Record<string, unknown> };
    for (const key of Object.keys(schema.properties)) expect(reference).toContain(`| \`${key}\` |`);
  });
});

/** Text files of the repository that could cite a document (not the shared material, not generated output). */
function citingFiles(dir = repoRoot): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    if (['node_modules', 'dist', '.git', 'captures'].includes(name)) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...citingFiles(path));
    else if (/\.(ts|tsx|mjs|js|md|json|yaml)$/.test(name) && !name.endsWith('.schema.json') && name !== 'package-lock.json') out.push(path);
  }
  return out;
}

const headings = (markdown: string): string[] => [...markdown.matchAll(/^#+ (.+)$/gm)].map((m) => m[1]!.trim());

describe('citations', () => {
  // This file names what it looks for.
  const files = citingFiles().filter((file) => file !== import.meta.filename);

  it('name no path outside the repository that does not exist', () => {
    const cited = files.filter((file) => readFileSync(file, 'utf8').includes('/work/brief'));
    expect(cited.map((file) => relative(repoRoot, file))).toEqual([]);
  });

  it('cite RULE-FORMAT.md where it is, and sections it has', () => {
    const sections = headings(reference);
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const where = relative(repoRoot, file);
      // A repository path (docs/RULE-FORMAT.md), or a path relative to the citing file (a link between docs).
      for (const match of text.matchAll(/([\w./-]*)RULE-FORMAT\.md/g)) {
        const cited = `${match[1]}RULE-FORMAT.md`;
        const exists = [join(repoRoot, cited), join(dirname(file), cited)].some((path) => statSync(path, { throwIfNoEntry: false })?.isFile());
        expect(exists, `${where} cites ${cited}`).toBe(true);
      }
      for (const match of text.matchAll(/RULE-FORMAT\.md\)?,? \\?"([^"\\]+)\\?"/g)) {
        expect(sections, `${where} cites the section "${match[1]}"`).toContain(match[1]);
      }
    }
  });

  it('link only to files that exist from the docs and the README', () => {
    for (const file of [...files.filter((f) => f.includes(`${join(repoRoot, 'docs')}`) && f.endsWith('.md')), join(repoRoot, 'README.md')]) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/\]\(([^)#\s]+)(#[^)]*)?\)/g)) {
        const target = match[1]!;
        if (/^[a-z]+:/.test(target)) continue;
        expect(() => statSync(join(dirname(file), target)), `${relative(repoRoot, file)} links ${target}`).not.toThrow();
      }
    }
  });

  it('link to sections of RULE-FORMAT.md that exist', () => {
    const anchors = headings(reference).map((h) => h.toLowerCase().replace(/[^a-z0-9 -]/g, '').replace(/ /g, '-'));
    for (const match of reference.matchAll(/\]\(#([^)]+)\)/g)) expect(anchors, `#${match[1]}`).toContain(match[1]);
  });
});

describe('the guide walks through a privacy rule and an anyLine rule', () => {
  const examples = 'docs/examples/site-rules';
  const bin = join(repoRoot, 'bin/slp-doctor.js');
  const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { cwd: repoRoot, encoding: 'utf8' });

  it('that read the Data Privacy flags and the device lines', () => {
    expect(read(`${examples}/hostname-sent-to-cisco.yaml`)).toMatch(/dataPrivacy\.smartLicensingHostnamePrivacy == false/);
    expect(read(`${examples}/custom-id-missing.yaml`)).toMatch(/anyLine\("/);
  });

  it('as the files have them', () => {
    for (const file of ['hostname-sent-to-cisco.yaml', 'custom-id-missing.yaml']) {
      const when = /^when: >\n((?: {2}.*\n)+)/m.exec(read(`${examples}/${file}`))![0];
      expect(guide, file).toContain(when);
    }
  });

  it('pass rules lint', () => {
    expect(run('rules', 'lint', examples)).toMatchObject({ status: 0, stdout: '2 rules checked: 0 errors, 0 warnings\n', stderr: '' });
  });

  it('pass rules test, each firing on one capture and silent on the other', () => {
    const result = run('rules', 'test', examples);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(
      [
        'PASS  custom-id-missing  fires  captures/dist-sw-07.txt',
        'PASS  custom-id-missing  silent  captures/dist-sw-08.txt',
        'PASS  hostname-sent-to-cisco  fires  captures/dist-sw-07.txt',
        'PASS  hostname-sent-to-cisco  silent  captures/dist-sw-08.txt',
        '4 passed, 0 failed',
        '',
      ].join('\n'),
    );
    expect(guide).toContain(result.stdout.trim());
  });
});
