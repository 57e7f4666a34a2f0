// Command-line entry. Only what a command needs is loaded: `parse` never loads the rule engine, and nothing but
// `tui` loads Ink and React.
import { Command, CommanderError, Option } from 'commander';
import { InputError } from '../ingest/types.js';
import { formatChoices, writes, writesAnalysis } from '../report/formats.js';
import { endQuietlyOnClosedPipe } from './closed-pipe.js';
import { expandInputs } from './inputs.js';
import { collect, UsageError, type AnalyzeCliOptions, type CliIO, type PackCliOptions, type ParseCliOptions } from './options.js';

const defaultIO = (): CliIO => {
  endQuietlyOnClosedPipe(process.stdout, process.stderr);
  return { stdout: process.stdout, stderr: process.stderr, stdinIsTTY: Boolean(process.stdin.isTTY), env: process.env };
};

/** package.json's version (a test holds them together). */
export const VERSION = '0.1.0';

export async function main(argv: string[], io: CliIO = defaultIO()): Promise<number> {
  let exitCode = 0;
  const program = new Command('slp-doctor')
    .description('Diagnose Cisco Smart Licensing Using Policy (SLP) problems from show-tech, show license and syslog text.')
    // -v as most tools have it; -V, commander's own, still works.
    .version(VERSION, '-v, --version', 'print the version')
    .addOption(new Option('-V').hideHelp())
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      outputError: (s, write) => write(`slp-doctor: ${s.replace(/^error: /, '').trim()}\n`),
    })
    .showSuggestionAfterError(true);
  program.on('option:V', () => {
    io.stdout.write(`${VERSION}\n`);
    throw new CommanderError(0, 'commander.version', VERSION);
  });

  const inputs = (files: string[]): string[] => {
    const expanded = expandInputs(files, !io.stdinIsTTY);
    if (expanded.length === 0) throw new UsageError('no input: give a FILE, a directory, or - (or pipe the capture in)');
    return expanded;
  };

  program
    .command('analyze')
    .description('Find what is wrong, the lines that prove it, and the documented fix')
    .argument('[inputs...]', 'capture files, directories, globs, or - for standard input')
    .addOption(new Option('--format <format>', 'output format').choices(formatChoices(writesAnalysis, 'text')).default('text'))
    .option('--now <iso>', 'judge deadlines against this time instead of the capture time (ISO 8601)')
    .option('--rules <dir>', 'an extra rule pack directory (repeatable; same id replaces the built-in rule)', collect, [])
    .addOption(new Option('--fail-on <severity>', 'exit 1 when a finding at or above this severity exists').choices(['error', 'warning', 'info', 'never']).default('error'))
    .option('--redact', 'mask ID tokens, credentials, serial numbers, account names, host names and IP addresses')
    .option('--summary', 'print a fleet summary instead of per-device findings')
    .option('--jobs <n>', 'worker threads for many inputs (default: one per core)')
    .addOption(new Option('--color <when>', 'colour the text report: auto (a terminal, unless NO_COLOR is set), always, never').choices(['auto', 'always', 'never']).default('auto'))
    .addHelpText('after', `
Examples:
  slp-doctor analyze captures/rule-dns-not-configured.txt
  slp-doctor analyze --format markdown --redact show-tech.txt > case-notes.md
  ssh leaf-101 'show license tech support' | slp-doctor analyze -
  slp-doctor analyze --now 2024-05-01T00:00:00Z --fail-on warning captures/

Exit status: 0 nothing at or above --fail-on, 1 findings at or above it, 2 bad usage or unreadable input.`)
    .action(async (files: string[], options: AnalyzeCliOptions) => {
      const { runAnalyze } = await import('./analyze-command.js');
      // Operands are expanded by the fleet runner, which reports a bad one and still analyses the others.
      exitCode = await runAnalyze(files.length > 0 ? files : inputs(files), options, io);
    });

  program
    .command('parse')
    .description('Print the device model read from the input (no rules)')
    .argument('[inputs...]', 'capture files, directories, globs, or - for standard input')
    .addOption(new Option('--format <format>', 'output format').choices(formatChoices(writes('model'), 'json')).default('json'))
    .addHelpText('after', `
Examples:
  slp-doctor parse captures/nxos-techsupport.txt
  slp-doctor parse --format text leaf-101.log spine-1.log`)
    .action(async (files: string[], options: ParseCliOptions) => {
      const { runParse } = await import('./parse-command.js');
      exitCode = await runParse(inputs(files), options, io);
    });

  program
    .command('tui')
    .description('Open the interactive triage view (no file: paste a capture)')
    .argument('[files...]', 'capture files')
    .option('--rules <dir>', 'an extra rule pack directory (repeatable)', collect, [])
    .option('--now <iso>', 'judge deadlines against this time')
    .addHelpText('after', `
Examples:
  slp-doctor tui captures/iosxe-techsupport.txt
  slp-doctor            (on a terminal: opens the paste screen)`)
    .action(async (files: string[], options: PackCliOptions) => {
      // The TUI loads as one script compiled from a V8 code cache (src/tui/startup.ts), not as modules: it starts faster.
      const { loadTui } = await import('../tui/startup.js');
      exitCode = await (await loadTui())(files, options);
    });

  const rules = program.command('rules').description('Work with rule packs: list, lint, test, explain, schema');
  rules
    .command('list')
    .description('List the rules: id, severity, title, platforms')
    .argument('[dir]', 'a rule pack directory (default: the built-in pack)')
    .addHelpText('after', '\nExample:\n  slp-doctor rules list\n  slp-doctor rules list my-rules/')
    .action(async (dir: string | undefined) => {
      const { runRulesList } = await import('./rules-command.js');
      exitCode = await runRulesList(dir, io);
    });
  rules
    .command('lint')
    .description('Check rule files: schema, conditions, field names, duplicates, tests, evidence')
    .argument('[dir]', 'a rule pack directory (default: the built-in pack)')
    .addHelpText('after', '\nExample:\n  slp-doctor rules lint my-rules/')
    .action(async (dir: string | undefined) => {
      const { runRulesLint } = await import('./rules-command.js');
      exitCode = await runRulesLint(dir, io);
    });
  rules
    .command('test')
    .description("Run every rule's fires/silent cases against their captures")
    .argument('[dir]', 'a rule pack directory (default: the built-in pack)')
    .addHelpText('after', '\nExample:\n  slp-doctor rules test my-rules/')
    .action(async (dir: string | undefined) => {
      const { runRulesTest } = await import('./rules-command.js');
      exitCode = await runRulesTest(dir, io);
    });
  rules
    .command('schema')
    .description('Print the JSON Schema of rule files, for an editor to complete and check them')
    .option('--path', 'print where the installed schema file is instead of its content')
    .addHelpText('after', '\nExamples:\n  slp-doctor rules schema > my-rules/schema.json     (then: # yaml-language-server: $schema=./schema.json)\n  slp-doctor rules schema --path')
    .action(async (options: { path?: boolean }) => {
      const { runRulesSchema } = await import('./rules-command.js');
      exitCode = runRulesSchema(options, io);
    });
  rules
    .command('explain')
    .description('Show why a rule did or did not fire on a capture, condition by condition')
    .argument('<rule-id>', 'the rule id')
    .argument('<file>', 'a capture file')
    .option('--rules <dir>', 'an extra rule pack directory (repeatable)', collect, [])
    .option('--now <iso>', 'judge deadlines against this time')
    .addHelpText('after', '\nExample:\n  slp-doctor rules explain ack-overdue captures/nxos-techsupport.txt')
    .action(async (ruleId: string, file: string, options: PackCliOptions) => {
      const { runRulesExplain } = await import('./rules-command.js');
      exitCode = await runRulesExplain(ruleId, file, options, io);
    });

  try {
    if (argv.length === 0) {
      if (io.stdinIsTTY && io.stdout.isTTY) argv = ['tui'];
      else if (!io.stdinIsTTY) argv = ['analyze', '-'];
    }
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    return reportError(error, io);
  }
}

function reportError(error: unknown, io: CliIO): number {
  if (error instanceof CommanderError) {
    // commander already printed its message; --help and --version end here with code 0.
    return error.exitCode === 0 ? 0 : 2;
  }
  if (error instanceof InputError || error instanceof UsageError) {
    io.stderr.write(`slp-doctor: ${error.message}\n`);
    return 2;
  }
  if (error instanceof Error && error.name === 'RulePackError') {
    io.stderr.write(`${error.message}\n`);
    return 2;
  }
  io.stderr.write(`slp-doctor: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
  return 2;
}
