import { describe, expect, it } from 'vitest';
import { kebabKind, licenseHistoryParser } from '../../src/parsers/license-history.js';
import type { HistoryMessage } from '../../src/common/device.js';
import { fixture, golden, neverThrows, plain, sectionOf } from '../fixtures/small/harness.js';

const parse = (text: string) => licenseHistoryParser.parse(sectionOf('show license history message', text));
const messages = (text: string) => (parse(text).lists.get('history')?.items ?? []) as HistoryMessage[];

describe('show license history message', () => {
  it('matches the golden output for history-iosxe', async () => {
    const fragment = parse(fixture('history-iosxe.txt'));
    expect(fragment.diagnostics).toEqual([]);
    await expect(plain(fragment)).toMatchFileSnapshot(golden('history-iosxe'));
  });

  it('keeps one summary line per message under its kebab-case kind, not the XML', () => {
    expect(messages(fixture('history-iosxe.txt'))).toEqual([
      { kind: 'trust-establishment', time: '2023-01-16T10:12:21Z', summary: 'Request: POST https://smartreceiver.cisco.com/licservice/license', line: 5, file: 't.txt' },
      { kind: 'trust-establishment', time: '2023-01-16T10:12:23Z', summary: 'Response: 200 OK', line: 10, file: 't.txt' },
      { kind: 'usage-reporting', time: '2024-04-17T03:31:32Z', summary: 'Request: POST http://192.0.2.10:8182/cslu/v1/pi/FOC2344X1AB', line: 15, file: 't.txt' },
      { kind: 'usage-reporting', time: '2024-04-17T03:31:33Z', summary: 'Response: 200 OK', line: 20, file: 't.txt' },
    ]);
  });

  it('names every documented heading', () => {
    expect(['Trust Establishment', 'Usage Reporting', 'Result Polling', 'Authorization Request', 'Authorization Return', 'Trust Sync'].map(kebabKind))
      .toEqual(['trust-establishment', 'usage-reporting', 'result-polling', 'authorization-request', 'authorization-return', 'trust-sync']);
  });

  it('reads the empty history of the case study without diagnostics', () => {
    const text = 'Message History (oldest to newest):\n=====\n\nTrust Establishment:\n\nUsage Reporting:\n\nResult Polling:\n\nAuthorization Request:\n\nAuthorization Return:\n\nTrust Sync:\n';
    const fragment = parse(text);
    expect(fragment.diagnostics).toEqual([]);
    expect(fragment.lists.has('history')).toBe(false);
  });

  it('uses the stamped line as summary when no request/response line follows, and ISO stamps', () => {
    expect(messages('Result Polling:\n  2024-04-17 03:40:00 UTC polling for result of request 7\n  <?xml version="1.0"?><poll/>')).toEqual([
      { kind: 'result-polling', time: '2024-04-17T03:40:00Z', summary: '2024-04-17 03:40:00 UTC polling for result of request 7', line: 2, file: 't.txt' },
    ]);
  });

  it('reports year-less stamps, stray text outside messages, and never throws', () => {
    const text = 'Usage Reporting:\n  free text before any message\n  Request: Apr 17 03:31:32 UTC\n  <xml/>\n<orphan-xml/>\n';
    const fragment = parse(text);
    expect(messages(text)).toEqual([{ kind: 'usage-reporting', time: null, summary: 'Request: Apr 17 03:31:32 UTC', line: 3, file: 't.txt' }]);
    expect(fragment.diagnostics).toEqual([
      { line: 3, message: 'message time "Apr 17 03:31:32 UTC" has no year; time left unknown' },
      { line: 2, message: 'unrecognised line in show license history message' },
    ]);
  });

  it('never throws on odd input, and points every diagnostic at an input line', () => {
    neverThrows(licenseHistoryParser);
  });
});
