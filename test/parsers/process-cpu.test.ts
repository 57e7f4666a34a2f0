import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { processCpuParser } from '../../src/parsers/process-cpu/index.js';
import { list, listLines, section } from '../fixtures/context/section.js';

const parse = (text: string) => processCpuParser.parse(section('show process cpu sorted', text));

describe('process cpu', () => {
  it('golden IOS-XE: percent is 5Sec; busy and licensing processes kept', () => {
    const f = parse(
      [
        'CPU utilization for five seconds: 48%/1%; one minute: 45%; five minutes: 44%',
        ' PID Runtime(ms)     Invoked      uSecs   5Sec   1Min   5Min TTY Process ',
        ' 512    98123456     1234567         79 42.15% 40.02% 39.88%   0 SAGetRUMIds      ',
        ' 513     1234567       12345         99  0.00%  0.10%  0.12%   0 SAUtilRepSave    ',
        '  88       12345        1234         10  1.20%  0.90%  0.80%   0 IOSD ipc task    ',
        '   1           9          31        290  0.00%  0.00%  0.00%   0 Chunk Manager    ',
      ].join('\n'),
    );
    expect(list(f, 'cpuProcesses')).toEqual([
      { name: 'SAGetRUMIds', percent: 42.15 },
      { name: 'SAUtilRepSave', percent: 0 },
      { name: 'IOSD ipc task', percent: 1.2 },
    ]);
    expect(listLines(f, 'cpuProcesses')).toEqual([3, 4, 5]);
    expect(f.diagnostics).toEqual([]);
  });

  it('golden NX-OS: percent is 1Sec', () => {
    const f = parse(
      [
        'PID    Runtime(ms)  Invoked   uSecs  1Sec    Process',
        '-----  -----------  --------  -----  ------  -----------',
        '26734     1234567    123456     12   25.50%  licmgr',
        '    1       12345      5678      2    0.00%  init',
        'CPU util  :    3.50% user,    2.50% kernel,   94.00% idle',
        'Please note that only processes from the requested vdc are shown above',
      ].join('\n'),
    );
    expect(list(f, 'cpuProcesses')).toEqual([{ name: 'licmgr', percent: 25.5 }]);
    expect(f.diagnostics).toEqual([]);
  });

  it('reports garbage and never throws', () => {
    expect(parse('%%% nonsense').diagnostics).toHaveLength(1);
    fc.assert(fc.property(fc.string(), (s) => {
        expect(parse(s).parser).toBe('process-cpu');
      }), { numRuns: 300 });
  });
});
