// Rules whose condition failed on a device (a null where a value was needed, text that is no number): they did not
// fire there, and analyze says so on stderr instead of letting the silence pass for "no problem". One line per rule,
// naming the first device it failed on and how many others. The exit status stays what the findings decide: the
// pack itself is valid (lint refuses what would fail on every device), and the other rules ran.
import { dirname, relative, resolve } from 'node:path';
import type { RuleFailure } from '../rules/types.js';
import { BUILTIN_RULES_DIR } from '../pipeline/rule-pack.js';

interface Failed {
  failure: RuleFailure;
  device: string;
  file: string | null;
  others: number;
}

const shown = (path: string): string => {
  const near = relative(process.cwd(), path);
  return near === '' || near.startsWith('..') ? path : near;
};

export class RuleFailureLog {
  private readonly byRule = new Map<string, Failed>();

  add(failures: readonly RuleFailure[], device: { hostname: string | null; files: readonly string[] }): void {
    for (const failure of failures) {
      const earlier = this.byRule.get(failure.ruleId);
      if (earlier) earlier.others++;
      else this.byRule.set(failure.ruleId, { failure, device: device.hostname ?? '(unnamed device)', file: device.files[0] ?? null, others: 0 });
    }
  }

  /** One line per rule; `mask` hides device names and files (--redact). */
  lines(mask: (text: string) => string = (text) => text): string[] {
    return [...this.byRule.values()].map(({ failure, device, file, others }) => {
      const where = `${mask(device)}${file ? ` (${mask(shown(file))})` : ''}${others > 0 ? ` and ${others} other device${others === 1 ? '' : 's'}` : ''}`;
      const dir = dirname(failure.file);
      const pack = resolve(dir) === resolve(BUILTIN_RULES_DIR) ? '' : ` --rules ${shown(dir)}`;
      const explain = file ? `; see: slp-doctor rules explain ${failure.ruleId} ${mask(shown(file))}${pack}` : '';
      return `slp-doctor: rule ${failure.ruleId} (${shown(failure.file)}) could not be evaluated on ${where}: ${failure.error}; it did not fire there${explain}`;
    });
  }
}
