import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { indexLines, isIndexable, MARK_BYTES, toScratch, WINDOW_BYTES } from '../../src/ingest/line-index.js';

interface Indexed {
  ends: number[];
  candidates: number[];
  /** Per candidate, its first `%` (position in the input), or -1. */
  firstPercents: number[];
}

/**
 * The indexer's rules written plainly: every separator, the lines holding a mark byte or starting like a header, and
 * where each of those has its first `%`.
 */
function reference(bytes: Uint8Array, separator: number): Indexed {
  const ends: number[] = [];
  const candidates: number[] = [];
  const firstPercents: number[] = [];
  let start = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] !== separator) continue;
    const line = bytes.subarray(start, i);
    const first = line[0];
    const headerLike = first !== undefined && (first === 0x60 || first === 0x2d || (first < 32 && first !== 9));
    if (headerLike || line.some((b) => MARK_BYTES.includes(b))) {
      candidates.push(ends.length);
      const percent = line.indexOf(0x25);
      firstPercents.push(percent < 0 ? -1 : start + percent);
    }
    ends.push(i);
    start = i + 1;
  }
  return { ends, candidates, firstPercents };
}

function indexed(bytes: Uint8Array, offset: number, separator: number): Indexed {
  // Place the bytes at an arbitrary alignment inside the scratch window.
  const padded = Buffer.alloc(offset + bytes.length);
  padded.set(bytes, offset);
  const chunk = toScratch(padded, 0, padded.length).subarray(offset);
  expect(isIndexable(chunk)).toBe(true);
  const index = indexLines(chunk, separator);
  return {
    ends: Array.from(index.ends.subarray(0, index.count), (address) => address - index.base),
    candidates: Array.from(index.candidates.subarray(0, index.candidateCount)),
    firstPercents: Array.from(index.firstPercents.subarray(0, index.candidateCount), (address) => (address < 0 ? -1 : address - index.base)),
  };
}

// Bytes that matter to the indexer, often, and anything else now and then.
const interesting = [10, 13, 9, 32, 0x25, 0x23, 0x3e, 0x1b, 0x08, 0x60, 0x2d, 0x41, 0x61, 0x30, 0x00, 0x7f, 0xc3, 0x0c];
const byteArb = fc.oneof({ arbitrary: fc.constantFrom(...interesting), weight: 4 }, { arbitrary: fc.integer({ min: 0, max: 255 }), weight: 1 });

describe('line index (WebAssembly)', () => {
  it('finds the same line ends and candidate lines as the plain rules, for LF and CR separators', () => {
    fc.assert(
      fc.property(fc.tuple(fc.array(byteArb, { maxLength: 300 }), fc.integer({ min: 0, max: 31 }), fc.constantFrom(10, 13)), ([bytes, offset, separator]) => {
        const input = Uint8Array.from(bytes);
        expect(indexed(input, offset, separator)).toEqual(reference(input, separator));
      }),
      { seed: 20261123, numRuns: 3000 },
    );
  });

  it('handles a whole window of lines', () => {
    const text = Buffer.from('`show clock`\n  10:00 UTC\nleaf-101# show license status\n\n%LICMGR-3-X\r\n'.repeat(WINDOW_BYTES / 32)).subarray(0, WINDOW_BYTES);
    expect(indexed(text, 0, 10)).toEqual(reference(text, 10));
  });

  it('marks lines by their own bytes only: a mark ends with its line', () => {
    const text = Buffer.from('a#\nplain\n%\n\n-x\n\tindented\nlast');
    expect(indexed(text, 5, 10)).toEqual({ ends: [2, 8, 10, 11, 14, 24], candidates: [0, 2, 4], firstPercents: [-1, 9, -1] });
  });

  it("notes a candidate's first `%` wherever it falls against the 32-byte blocks", () => {
    // A `%` in a block before the line's end, in the block of its end after another mark, and in the bytes after the
    // last block; a line with other marks only.
    const text = Buffer.from(`${'x'.repeat(30)}%y${'z'.repeat(40)}\n${'w'.repeat(20)}#%\n${'v'.repeat(20)}%\nq>r\n`);
    expect(indexed(text, 3, 10).firstPercents).toEqual([30, 94, 116, -1]);
  });
});
