// What the test loop relies on (vitest.config.ts, test/support/build.ts), held for every test file: none reads a
// build that the run did not make, none leaves module mocks or global stubs behind for the files that share its
// worker, and none times the code it tests (the bench does: npm run bench).
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './support/shared.js';

function testSources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return testSources(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

const sources = testSources(join(repoRoot, 'test')).map((path) => ({ name: relative(repoRoot, path), text: readFileSync(path, 'utf8') }));

/** Each line of a test source matching `pattern`, as `file:line: text`. */
function linesMatching(pattern: RegExp, except: (name: string) => boolean = () => false): string[] {
  return sources
    .filter(({ name }) => name !== relative(repoRoot, import.meta.filename) && !except(name))
    .flatMap(({ name, text }) => text.split('\n').flatMap((line, i) => (pattern.test(line) ? [`${name}:${i + 1}: ${line.trim()}`] : [])));
}

describe('the test loop', () => {
  it('has test sources to hold to it', () => {
    expect(sources.length).toBeGreaterThan(50);
  });

  it('reads the built product only as the run built it: the bundle, through test/support/cli.ts', () => {
    // tsc's dist/ is built by `npm run build` for the bench scripts, never by a test run: it can be older than src/.
    const built = /['"`][^'"`]*\bdist\/(?!bundle\b)|\bdist\/bundle\b/;
    const code = (line: string) => !/^\s*(\/\/|\*|\/\*\*)/.test(line);
    const found = linesMatching(built, (name) => name === 'test/support/cli.ts').filter((line) => code(line.replace(/^[^:]*:\d+: /, '')));
    expect(found.filter((line) => !line.includes("from 'ajv/dist/"))).toEqual([]);
  });

  it('mocks no module and stubs no global: the fast suite shares modules between files', () => {
    expect(linesMatching(/\bvi\.(mock|doMock|stubGlobal|stubEnv|hoisted)\(|process\.chdir\(/)).toEqual([]);
  });

  it('times nothing it asserts: durations are the bench\'s', () => {
    expect(linesMatching(/performance\.now\(|process\.hrtime/)).toEqual([]);
  });
});
