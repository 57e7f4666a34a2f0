import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LineBudget } from '../../src/ingest/line-budget.js';
import type { Line } from '../../src/ingest/types.js';

describe('line budget', () => {
  it('keeps the first `head` and the last `tail` lines, in order, in the lists they were meant for', () => {
    fc.assert(
      fc.property(fc.nat({ max: 6 }), fc.integer({ min: 1, max: 6 }), fc.array(fc.nat({ max: 2 }), { maxLength: 40 }), (head, tail, targets) => {
        const lists: Line[][] = [[], [], []];
        const budget = new LineBudget(head, tail);
        targets.forEach((to, i) => budget.keep(lists[to]!, { n: i + 1, text: `line ${i + 1}` }));
        const dropped = budget.finish();
        // Which lines survive: the first `head` and the last `tail` of all of them.
        const kept = new Set(targets.map((_, i) => i + 1).filter((n) => n <= head || n > Math.max(head, targets.length - tail)));
        for (let to = 0; to < 3; to++) {
          const expected = targets.map((t, i) => [t, i + 1] as const).filter(([t, n]) => t === to && kept.has(n)).map(([, n]) => n);
          expect(lists[to]!.map((l) => l.n)).toEqual(expected);
        }
        const missing = targets.map((_, i) => i + 1).filter((n) => !kept.has(n));
        expect(dropped).toEqual(missing.length === 0 ? null : { count: missing.length, firstLine: missing[0], lastLine: missing.at(-1) });
      }),
      { seed: 20261123, numRuns: 2000 },
    );
  });
});
