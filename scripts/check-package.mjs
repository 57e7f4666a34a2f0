#!/usr/bin/env node
// The package as a user gets it: `npm pack`, install the tarball into a temporary prefix (as `npm install -g` does),
// and run the installed command from a directory outside the clone. The end-to-end suite runs it
// (test/package.e2e.test.ts); `npm run check:package` builds first.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { scriptArgs } from './args.mjs';

const { values } = scriptArgs(
  `
usage: node scripts/check-package.mjs [--keep]
Packs this clone (npm pack; build it first), installs the tarball into a temporary prefix with
npm install -g --prefix, and from another directory runs the installed slp-doctor: --version, analyze of a
capture, the built-in rule pack (rules list, lint, test), and rules schema --path. Dependencies come from the
npm cache or the registry. Exit 1 when a check fails. --keep: leave the temporary directory for a look.`,
  { keep: { type: 'boolean' } },
);

const root = fileURLToPath(new URL('..', import.meta.url));
const { name, version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const work = mkdtempSync(join(tmpdir(), 'slp-package-'));
const prefix = join(work, 'prefix');
const elsewhere = join(work, 'elsewhere');
mkdirSync(elsewhere);
let failures = 0;

function check(what, ok, detail = '') {
  process.stdout.write(`${ok ? 'PASS' : 'FAIL'}  ${what}${ok || !detail ? '' : `\n      ${detail.trim().split('\n').join('\n      ')}`}\n`);
  if (!ok) failures++;
}

try {
  if (!existsSync(join(root, 'dist/bundle/cli/main.js'))) throw new Error('not built: run npm run build first');
  // The build has run; packing must not run it again.
  execFileSync('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', work], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  const tarball = join(work, `${name}-${version}.tgz`);
  check(`npm pack wrote ${name}-${version}.tgz`, existsSync(tarball));
  const install = spawnSync('npm', ['install', '-g', '--prefix', prefix, '--prefer-offline', '--no-audit', '--no-fund', '--loglevel', 'error', tarball], { cwd: elsewhere, encoding: 'utf8' });
  check('npm install -g --prefix TMP the tarball', install.status === 0, install.stderr);
  // Where npm puts a global install on POSIX systems.
  const bin = join(prefix, 'bin', name);
  const installed = join(prefix, 'lib/node_modules', name);
  const run = (...args) => spawnSync(bin, args, { cwd: elsewhere, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

  const shown = run('--version');
  check(`slp-doctor --version prints ${version}`, shown.status === 0 && shown.stdout === `${version}\n`, shown.stdout + shown.stderr);

  copyFileSync(join(root, 'captures/rule-dns-not-configured.txt'), join(elsewhere, 'capture.txt'));
  const analyzed = run('analyze', join(elsewhere, 'capture.txt'));
  check('slp-doctor analyze /elsewhere/capture.txt finds dns-not-configured (status 1)', analyzed.status === 1 && analyzed.stdout.includes('[dns-not-configured]'), analyzed.stdout + analyzed.stderr);

  const listed = run('rules', 'list');
  check('the built-in rule pack is found (rules list)', listed.status === 0 && listed.stdout.includes('dns-not-configured'), listed.stderr);
  const linted = run('rules', 'lint');
  check('rules lint: the built-in pack is clean', linted.status === 0, linted.stdout + linted.stderr);
  const tested = run('rules', 'test');
  check('rules test: every built-in rule case passes with the shipped captures', tested.status === 0, tested.stdout.split('\n').filter((l) => l.startsWith('FAIL')).join('\n') + tested.stderr);

  const schema = run('rules', 'schema', '--path');
  const schemaPath = schema.stdout.trim();
  check('rules schema --path names the installed schema', schema.status === 0 && schemaPath === join(installed, 'rules/schema.json') && existsSync(schemaPath), schema.stdout + schema.stderr);
} catch (error) {
  check('the package check ran', false, error instanceof Error ? error.message : String(error));
} finally {
  if (values.keep) process.stdout.write(`kept ${work}\n`);
  else rmSync(work, { recursive: true, force: true });
}
process.stdout.write(failures === 0 ? `${name} ${version}: the packed package installs and runs outside the clone\n` : `${failures} check(s) failed\n`);
process.exitCode = failures === 0 ? 0 : 1;
