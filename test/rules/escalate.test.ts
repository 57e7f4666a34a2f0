// A rule's severity follows the harm (RULES.md, Precision): comm-agent-failing is a warning while the device still
// gets through and its ACK deadline is far, an error where the deadline is at risk.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeFiles } from '../../src/pipeline/analyze.js';
import { captureDir } from '../fixtures/captures/sidecar.js';

async function severityOf(capture: string, ruleId: string): Promise<string | undefined> {
  const { devices } = await analyzeFiles([path.join(captureDir, capture)]);
  return devices.flatMap((d) => d.findings).find((f) => f.ruleId === ruleId)?.severity;
}

describe('escalate', () => {
  it('comm-agent-failing: a warning with the deadline 68 days away, an error with it 13 days away', async () => {
    expect(await severityOf('rule-comm-agent-failing.txt', 'comm-agent-failing')).toBe('warning');
    expect(await severityOf('rule-comm-agent-failing-deadline-near.txt', 'comm-agent-failing')).toBe('error');
  });
});
