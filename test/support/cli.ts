// Two ways to run slp-doctor from a test. `runCli` calls the command line's main() in this process, on the sources,
// with its output caught: what the fast suite uses for options, messages and exit statuses. `runBinary` spawns the
// real binary (bin/slp-doctor.js and the bundle test/support/build.ts built before the run): for the smoke checks and
// the end-to-end suite, where pipes, processes and worker threads are the point.
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { cpSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { main } from '../../src/cli/main.js';
import { repoRoot } from './shared.js';

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export const bin = join(repoRoot, 'bin/slp-doctor.js');

/** A script of the built bundle, e.g. the fleet's or the read-ahead worker (`fleet/worker.js`). */
export const bundled = (relative: string): URL => pathToFileURL(join(repoRoot, 'dist/bundle', relative));

/** The bundle's folder in an install of the built product (this repository's by default). */
export const bundleDir = (install = repoRoot): string => join(install, 'dist/bundle');

/** A copy of the built product in `install` (its dependencies linked, not copied), to spoil without touching the build. */
export function copyBuiltProduct(install: string): void {
  for (const part of ['bin', 'dist/bundle', 'dist/rules-pack.json', 'rules', 'package.json']) cpSync(join(repoRoot, part), join(install, part), { recursive: true });
  symlinkSync(join(repoRoot, 'node_modules'), join(install, 'node_modules'));
}

function sink(): { stream: Writable; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  return { stream, text: () => chunks.join('') };
}

/**
 * `slp-doctor ARGS` in this process: stdout and stderr are pipes (not terminals), standard input is a terminal (so
 * nothing is read from it) and the environment is `env` alone.
 */
export async function runCli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliResult> {
  const stdout = sink();
  const stderr = sink();
  const code = await main(args, { stdout: stdout.stream, stderr: stderr.stream, stdinIsTTY: true, env });
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

/** `node bin/slp-doctor.js ARGS` in a process of its own; `input` is its standard input. */
export function runBinary(args: string[], options: SpawnSyncOptions & { input?: string | Buffer } = {}): CliResult {
  const result = spawnSync(process.execPath, [bin, ...args], { timeout: 60_000, maxBuffer: 256 << 20, ...options, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
