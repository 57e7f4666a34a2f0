// From what an engineer typed (or a show-tech header printed) to a canonical command name. IOS-XE and NX-OS accept
// any unambiguous prefix of each keyword (`sh lic stat`), so we match word by word against the spellings of the
// command table (commands.ts): every typed word must be a prefix of the spelling's word.
import { COMMAND_ROWS, NUMBER, REST, type CommandName } from './commands.js';

/** Every spelling of every command, split into words; abbreviations are matched against these. */
const SPELLINGS = COMMAND_ROWS.flatMap((row) => (row.typed ?? []).map((form) => ({ command: row.name, words: form.split(' ') })));

/** A show-tech prints the same few headers thousands of times. */
const resolved = new Map<string, CommandName | null>();
const RESOLVED_CACHE_LIMIT = 10_000;

/** The canonical command for a typed command line, or null when it is not one slp-doctor reads. */
export function resolveCommand(typed: string): CommandName | null {
  const known = resolved.get(typed);
  if (known !== undefined) return known;
  const command = resolveUncached(typed);
  if (resolved.size < RESOLVED_CACHE_LIMIT) resolved.set(typed, command);
  return command;
}

function resolveUncached(typed: string): CommandName | null {
  const words = commandWords(typed);
  if (words.length === 0) return null;
  let best: { command: CommandName; exact: number } | null = null;
  let ambiguous = false;
  for (const spelling of SPELLINGS) {
    const exact = matchSpelling(words, spelling.words);
    if (exact === null) continue;
    if (best === null || exact > best.exact) {
      best = { command: spelling.command, exact };
      ambiguous = false;
    } else if (exact === best.exact && spelling.command !== best.command) ambiguous = true;
  }
  return best !== null && !ambiguous ? best.command : null;
}

/**
 * The words of the command itself: lower-case, without an output filter (`| include …`), a config-mode `do`, or a
 * bracketed note after it (`sh license summary (standby)`, as Cisco's guides print the command of each HA unit).
 */
export function commandWords(typed: string): string[] {
  const pipe = typed.indexOf('|');
  const words = (pipe >= 0 ? typed.slice(0, pipe) : typed).trim().toLowerCase().split(/\s+/).filter((w) => w !== '');
  if (words[0] === 'do' && words.length > 1) words.shift();
  while (words.length > 1 && /^\(.*\)$/.test(words[words.length - 1]!)) words.pop();
  return words;
}

/** Number of words matched in full, or null when the typed words do not fit the spelling. */
function matchSpelling(typed: string[], spelling: string[]): number | null {
  let exact = 0;
  for (let i = 0; i < spelling.length; i++) {
    const want = spelling[i]!;
    if (want === REST) return exact;
    const word = typed[i];
    if (word === undefined) return null;
    if (want === NUMBER) {
      if (!/^\d+$/.test(word)) return null;
      continue;
    }
    if (word === want) exact++;
    else if (!(word.length >= 2 && want.startsWith(word))) return null;
  }
  return typed.length === spelling.length ? exact : null;
}

/** Words that start a command an engineer types at an exec or config prompt; guards prompt detection. */
const EXEC_VERBS = [
  'show', 'ping', 'telnet', 'traceroute', 'ssh', 'test', 'terminal', 'configure', 'copy', 'dir', 'license', 'exit',
  'end', 'enable', 'disable', 'write', 'more', 'debug', 'undebug', 'clear', 'reload', 'run', 'tclsh', 'request',
  'install', 'where', 'who', 'logout', 'quit', 'do', 'attach', 'bash', 'echo', 'delete', 'verify', 'monitor',
  'service', 'crypto', 'callhome', 'call-home', 'ip', 'ntp', 'no', 'hostname', 'switchname',
];

export function startsWithExecVerb(typed: string): boolean {
  const first = typed.trim().split(/\s+/, 1)[0]?.toLowerCase() ?? '';
  if (first.length < 2) return false;
  return EXEC_VERBS.some((verb) => verb.startsWith(first));
}
