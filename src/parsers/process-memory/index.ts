// `show processes memory sorted` (IOS-XE): the memory pools, then one row per process
// (` PID TTY  Allocated      Freed      Holding    Getbufs    Retbufs Process`). What matters for licensing is who
// holds the most and what the Smart Agent holds: FN72578's leak shows as `*MallocLite*` holding gigabytes. So the
// largest holders are kept, and every licensing holder wherever it sorts; the rest of a 500-row table is read only.
import type { MemoryProcess } from '../../common/device.js';
import type { CommandParser } from '../fragment.js';
import { FragmentBuilder } from '../fragment.js';
import { isLicensingMemoryHolder } from '../shared/processes.js';

/** Rows kept besides the licensing ones: the holders a reader of the output would look at first. */
export const LARGEST_HOLDERS = 20;

const ROW = /^\s*\d+\s+\d+\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s+(\S.*?)\s*$/;
/** `Processor Pool Total: 1348707052 Used:  317607088 Free: 1031099964`, the column header, a closing total. */
const SILENT =
  /^\s*(?:\S.*Pool Total:\s*\d+\s+Used:\s*\d+\s+Free:\s*\d+|PID\s+TTY\s+Allocated\s+Freed\s+Holding\s+Getbufs\s+Retbufs\s+Process|\d+\s+Total)\s*$/i;

export const processMemoryParser: CommandParser = {
  id: 'process-memory',
  commands: ['show processes memory sorted'],
  fills: { scalars: [], lists: ['memoryProcesses'] },
  specificity: 30,
  parse(section) {
    const out = new FragmentBuilder(this.id, section, this.specificity);
    const rows: { process: MemoryProcess; line: number }[] = [];
    for (const line of section.lines) {
      if (line.text.trim() === '') continue;
      const row = ROW.exec(line.text);
      if (row) rows.push({ process: { name: row[6]!, holding: Number(row[3]) }, line: line.n });
      else if (!SILENT.test(line.text)) out.unrecognised(line.n);
    }
    const largest = new Set([...rows].sort((a, b) => b.process.holding - a.process.holding).slice(0, LARGEST_HOLDERS));
    out.touch('memoryProcesses');
    for (const row of rows) if (largest.has(row) || isLicensingMemoryHolder(row.process.name)) out.add('memoryProcesses', row.process, row.line);
    return out.build();
  },
};
