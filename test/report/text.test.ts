import { describe, expect, it } from 'vitest';
import type { AnalyzeDocument } from '../../src/common/findings.js';
import { PLAIN } from '../../src/report/color.js';
import { renderText } from '../../src/report/text.js';

const document = (diagnosticCount: number): AnalyzeDocument => ({
  schemaVersion: 1,
  devices: [
    {
      hostname: 'leaf-101',
      platform: 'nxos',
      captureTime: '2024-04-18T07:45:10Z',
      topology: 'cslu',
      daysToAckDeadline: 12,
      files: ['leaf-101.txt'],
      findings: [],
      diagnosticCount,
    },
  ],
});

describe('text report header', () => {
  it('points at `parse` for the diagnostics about the input, and says nothing when there are none', () => {
    expect(renderText(document(3), PLAIN)).toContain('Input:         leaf-101.txt  (3 diagnostic(s) about the input: see slp-doctor parse)');
    expect(renderText(document(0), PLAIN)).toMatch(/Input: {9}leaf-101\.txt\n/);
  });
});
