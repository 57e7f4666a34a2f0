// Behaviour the goldens of src/parsers/process-memory/goldens do not show: other layouts, odd input.
import { describe, expect, it } from 'vitest';
import { processMemoryParser } from '../../src/parsers/process-memory/index.js';
import { list, section } from '../fixtures/context/section.js';
import { neverThrows } from '../support/odd-lines.js';

const parse = (text: string) => processMemoryParser.parse(section('show processes memory sorted', text));

describe('show processes memory sorted', () => {
  it('keeps the largest holders even when the table is not sorted', () => {
    const rows = Array.from({ length: 25 }, (_, i) => ` ${i + 1} 0 ${1000 + i} 0 ${1000 + i} 0 0 Proc ${i + 1}`);
    const kept = list(parse(rows.join('\n')), 'memoryProcesses') as { name: string }[];
    expect(kept.map((p) => p.name)).toEqual(Array.from({ length: 20 }, (_, i) => `Proc ${i + 6}`));
  });

  it('reports lines of another layout (NX-OS `show processes memory`)', () => {
    const fragment = parse('PID    MemAlloc  MemLimit    MemUsed     StackBase/Ptr      Process\n-----  --------  ----------  ----------  -----------------  ----------------\n    1    159744  0           4706304     ffe5b7a0/ffe5b23c  init');
    expect(fragment.diagnostics.map((d) => d.line)).toEqual([1, 2, 3]);
    expect(list(fragment, 'memoryProcesses')).toEqual([]);
  });

  it('never throws on odd input, and points every diagnostic at an input line', () => {
    neverThrows(processMemoryParser);
  });
});
