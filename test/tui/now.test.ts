import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { isoInstant } from '../../src/common/time.js';
import { bin, root } from './tmux.js';

describe('tui --now', () => {
  it('accepts an ISO 8601 date or time that exists, as analyze does (one check, common/time.ts), nothing else', () => {
    const accepted: Record<string, string> = {
      '2024-05-01': '2024-05-01T00:00:00Z',
      '2024-05-01T00:00:00Z': '2024-05-01T00:00:00Z',
      '2024-05-01T10:03:27.551Z': '2024-05-01T10:03:27.551Z',
      '2024-05-01T10:03+02:00': '2024-05-01T08:03:00Z',
      '2024-05-01T10:03': '2024-05-01T10:03:00Z',
      '2024-02-29T00:00:00Z': '2024-02-29T00:00:00Z',
    };
    for (const [given, utc] of Object.entries(accepted)) expect(isoInstant(given), given).toBe(utc);
    for (const bad of ['garbage', '', 'May 1 2024', '2024-02-30', '2023-02-29', '2024-13-01', '2024-05-01T25:00:00Z', '1714521600000']) expect(isoInstant(bad), bad).toBeNull();
  });

  it('refuses a time that is none with one line and exit 2, before it needs a terminal', () => {
    const run = spawnSync(process.execPath, [bin, 'tui', '--now', 'garbage', 'captures/rule-dns-not-configured.txt'], { cwd: root, encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('slp-doctor: --now "garbage" is not an ISO 8601 time (for example 2024-05-01T00:00:00Z)\n');
    expect(run.stdout).toBe('');
  });
});
