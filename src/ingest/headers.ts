// The lines that start a command's output: a terminal prompt with the command typed after it, or the header a
// show-tech prints before each command it runs.
import { resolveCommand, startsWithExecVerb } from './resolve-command.js';

export type HeaderKind = 'prompt' | 'nxos-showtech' | 'iosxe-showtech';

export interface Header {
  kind: HeaderKind;
  /** Host named by the prompt; null for show-tech headers and a bare `#show …`. */
  host: string | null;
  /** The command as typed or printed; empty for a prompt with nothing after it. */
  typed: string;
  /** `switch(config)#`, `Router(config-if)#` */
  configMode: boolean;
  /** The command follows the prompt mark with no space (`c9300#show …`): an NX-OS prompt always ends in `# `. */
  tight: boolean;
}

/**
 * IOS-XE show-tech: `------------------ show license status ------------------`. The command starts with a letter
 * and holds no run of dashes, so a table rule (`---------  ---------------  ----`) is not taken for a header.
 */
const IOSXE_SHOWTECH = /^-{10,} ([a-z](?:[^-]|-(?!-))*?) -{10,}$/;
/** `leaf-101# show license status`, `Router#sh lic all`, `switch(config)# …`, `c9300>show version`, `#show …`. */
const PROMPT = /^([A-Za-z][\w.-]*)?(\([\w./ -]*\))?(#|>)( ?)(.*)$/;

export function parseHeader(text: string): Header | null {
  const first = text.charCodeAt(0);
  if (first === 96 /* ` */) {
    // NX-OS show-tech: a line holding just `` `show license status` `` (a hundred thousand of them in a big one: no regex).
    const last = text.length - 1;
    if (last < 2 || text.indexOf('`', 1) !== last) return null;
    return { kind: 'nxos-showtech', host: null, typed: text.slice(1, last).trim(), configMode: false, tight: false };
  }
  if (first === 45 /* - */) {
    const m = IOSXE_SHOWTECH.exec(text);
    return m ? { kind: 'iosxe-showtech', host: null, typed: m[1]!.trim(), configMode: false, tight: false } : null;
  }
  if (!promptMarkInFirstWord(text)) return null;
  const m = PROMPT.exec(text);
  if (!m) return null;
  const host = m[1] ?? null;
  const configMode = m[2] !== undefined;
  const typed = m[5]!.trim();
  if (!promptIsPlausible(host, configMode, m[3]!, typed)) return null;
  return { kind: 'prompt', host, typed, configMode, tight: typed !== '' && m[4] === '' };
}

/** Cheap reject for the many lines that are not prompts: the `#`/`>` of a prompt ends its first word. */
function promptMarkInFirstWord(text: string): boolean {
  const limit = Math.min(text.length, 80);
  for (let i = 0; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (c === 35 /* # */ || c === 62 /* > */) return true;
    if (c === 32 || c === 9) return false;
  }
  return false;
}

/**
 * Output text can contain `#` and `>` too (`<none>`, banners), so a prompt must look like one: a bare `#` needs a
 * command we read; otherwise the command is empty (an idle prompt), or starts like an exec command, or follows a
 * config-mode prompt, where anything may be typed.
 */
function promptIsPlausible(host: string | null, configMode: boolean, mark: string, typed: string): boolean {
  if (host === null && !configMode) return mark === '#' && resolveCommand(typed) !== null;
  if (typed === '') return host !== null;
  if (configMode) return true;
  return startsWithExecVerb(typed);
}
