// `show process cpu sorted` (IOS-XE) and `show processes cpu sort` (NX-OS). Only the rows that matter for licensing
// are kept: processes that use CPU now, and the Smart Agent's own (SAGetRUMIds and SAUtilRepSave grow busy when
// unacknowledged RUM reports pile up).
import type { CommandParser } from '../fragment.js';
import { FragmentBuilder } from '../fragment.js';
import { isLicensingProcess } from '../shared/processes.js';

/** IOS-XE: ` PID Runtime(ms)  Invoked  uSecs   5Sec   1Min   5Min TTY Process` — percent = 5Sec. */
const IOSXE_ROW = /^\s*\d+\s+\d+\s+\d+\s+\d+\s+([\d.]+)%\s+[\d.]+%\s+[\d.]+%\s+\d+\s+(\S.*?)\s*$/;
/** NX-OS: `PID  Runtime(ms)  Invoked  uSecs  1Sec  Process` — percent = 1Sec. */
const NXOS_ROW = /^\s*\d+\s+\d+\s+\d+\s+\d+\s+([\d.]+)%\s+(\S.*?)\s*$/;
/** Headers, separators and the utilisation summaries above and below the table. */
const SILENT = /^\s*(?:PID\s+Runtime|-{3,}|CPU utili[sz]ation|CPU util\b|Core \d|Please note|Kernel|User|Idle|\S.*:\s*[\d.]+%)/i;

export const processCpuParser: CommandParser = {
  id: 'process-cpu',
  commands: ['show process cpu sorted'],
  fills: { scalars: [], lists: ['cpuProcesses'] },
  specificity: 30,
  parse(section) {
    const out = new FragmentBuilder(this.id, section, this.specificity);
    out.touch('cpuProcesses');
    for (const line of section.lines) {
      if (line.text.trim() === '') continue;
      const row = IOSXE_ROW.exec(line.text) ?? NXOS_ROW.exec(line.text);
      if (row) {
        const percent = Number(row[1]);
        const name = row[2]!;
        if (percent > 0 || isLicensingProcess(name)) out.add('cpuProcesses', { name, percent }, line.n);
        continue;
      }
      if (SILENT.test(line.text)) continue;
      out.unrecognised(line.n);
    }
    return out.build();
  },
};
