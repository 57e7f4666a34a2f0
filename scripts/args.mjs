// Command-line options for the scripts in this folder, as a user expects of any command: --help (-h) prints the
// usage and does nothing else; an unknown option, a missing value or a bad number is one line and status 2.
import { fileURLToPath } from 'node:url';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';

/** Whether the module at `url` is the script node was asked to run (not imported by another). */
export function isMain(url) {
  return Boolean(process.argv[1]) && fileURLToPath(url) === process.argv[1];
}

/**
 * The script's options and operands (node:util parseArgs, strict). `usage` is printed whole for --help; its first
 * line follows an error.
 */
export function scriptArgs(usage, options = {}, { positionals = 0, args = process.argv.slice(2) } = {}) {
  const name = basename(process.argv[1] ?? 'script');
  const fail = (message) => {
    process.stderr.write(`${name}: ${message}; ${usage.trim().split('\n')[0]} (--help for more)\n`);
    process.exit(2);
  };
  // Asked for help, a user gets help, whatever else is on the line.
  const beforeOperands = args.includes('--') ? args.slice(0, args.indexOf('--')) : args;
  if (beforeOperands.includes('--help') || beforeOperands.includes('-h')) {
    process.stdout.write(`${usage.trim()}\n`);
    process.exit(0);
  }
  let parsed;
  try {
    parsed = parseArgs({ args, options, allowPositionals: positionals > 0, strict: true });
  } catch (error) {
    fail(error.message.replace(/\. To specify a positional argument.*$/s, ''));
  }
  if (parsed.positionals.length > positionals) fail(`unexpected argument '${parsed.positionals[positionals]}'`);
  return { ...parsed, fail };
}

/** For a module another script runs: run directly, it answers --help and otherwise says who runs it (status 2). */
export function runBy(url, usage) {
  if (!isMain(url)) return;
  const { fail } = scriptArgs(usage);
  fail('not a command of its own');
}

/** A whole number of at least `min` from option `name`, or the script stops with one line. */
export function wholeNumber(value, name, fail, min = 0) {
  if (!/^\d+$/.test(value) || Number(value) < min) fail(`${name}: '${value}' is not a whole number of at least ${min}`);
  return Number(value);
}

runBy(import.meta.url, `
usage: import { scriptArgs } from './args.mjs'
The option parsing the other scripts here share; not a command of its own.`);
