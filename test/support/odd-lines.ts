// Robustness of the line parsers: lines built from the vocabulary their outputs use (headings, colons, brackets,
// quotes, stamps, tabs), shuffled. No parser may throw on them, and every diagnostic must point at a line of the input.
import fc from 'fast-check';
import type { CommandParser } from '../../src/parsers/fragment.js';
import { section } from '../fixtures/context/section.js';

export function oddLines(): fc.Arbitrary<string> {
  const words = fc.constantFrom(
    'License Usage:', 'License Authorization:', 'Status:', 'IN USE(15)', '(DCN_NDB):', 'UDI:', 'PID:C9300-48P,SN:',
    'HA UDI List:', 'Active:', '*', 'SlotID PID SN UDI', 'Report Id', 'Report Id:', 'State:', '1712555132', 'report_id:',
    'state:', 'Smart Licensing Usage Report:', '=====', '-----', '**** Event Log ****', 'No EventLog Found.',
    '2024-04-17 03:31:32.920 UTC', 'SAEVT_READY', 'error="a \\"b\\"', 'count=', '"', 'Trust Sync:', 'No past history',
    'Import POLICY:', 'Message History (oldest to newest):', 'Request:', 'Apr 17 03:31:32 2024 UTC', '<?xml', '<empty>',
    'No licenses in use', 'Index 1 Feature:', 'License State:', 'x.lic:', 'CA Certificate', 'Subject:', 'cn=', 'end   date:',
    '<<output snipped>>', 'Pool Total:', '*MallocLite*', '0', '%', '\t', '  ', '…', 'x',
  );
  const line = fc.array(words, { maxLength: 6 }).map((parts) => parts.join(' '));
  return fc.array(line, { maxLength: 25 }).map((lines) => lines.join('\n'));
}

export function neverThrows(parser: CommandParser): void {
  fc.assert(
    fc.property(oddLines(), (text) => {
      const lines = section(parser.commands[0]!, text);
      const fragment = parser.parse(lines);
      const lineNumbers = new Set(lines.lines.map((l) => l.n));
      return fragment.diagnostics.every((d) => lineNumbers.has(d.line) || d.line === 0);
    }),
    { numRuns: 300 },
  );
}
