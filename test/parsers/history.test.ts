// Behaviour the goldens of src/parsers/license-history/goldens do not show: other stamps, stray and odd lines.
import { describe, expect, it } from 'vitest';
import { kebabKind, licenseHistoryParser } from '../../src/parsers/license-history/index.js';
import type { HistoryMessage } from '../../src/common/device.js';
import { section } from '../fixtures/context/section.js';
import { neverThrows } from '../support/odd-lines.js';

const parse = (text: string) => licenseHistoryParser.parse(section('show license history message', text));
const messages = (text: string) => (parse(text).lists.get('history')?.items ?? []) as HistoryMessage[];

describe('show license history message', () => {
  it('names every documented heading', () => {
    expect(
      ['Trust Establishment', 'Usage Reporting', 'Result Polling', 'Authorization Request', 'Authorization Return', 'Trust Sync', 'Import TRUST CODE', 'Import RUM ACK'].map(kebabKind),
    ).toEqual(['trust-establishment', 'usage-reporting', 'result-polling', 'authorization-request', 'authorization-return', 'trust-sync', 'import-trust-code', 'import-rum-ack']);
  });

  it('reads the empty history of the case study without diagnostics', () => {
    const text = 'Message History (oldest to newest):\n=====\n\nTrust Establishment:\n\nUsage Reporting:\n\nResult Polling:\n\nAuthorization Request:\n\nAuthorization Return:\n\nTrust Sync:\n';
    const fragment = parse(text);
    expect(fragment.diagnostics).toEqual([]);
    expect(fragment.lists.has('history')).toBe(false);
  });

  it('uses the stamped line as summary when no request/response line follows, and ISO stamps', () => {
    expect(messages('Import RUM ACK:\n  2024-04-17 03:40:00 UTC imported ACK for 12 reports\n  <?xml version="1.0"?><ack/>')).toEqual([
      { kind: 'import-rum-ack', time: '2024-04-17T03:40:00Z', summary: '2024-04-17 03:40:00 UTC imported ACK for 12 reports', line: 2, file: 't.txt' },
    ]);
  });

  it('reports year-less stamps, stray text outside messages, "No past history" outside a kind, and never throws', () => {
    const text = 'Usage Reporting:\n  free text before any message\n  Request: Apr 17 03:31:32 UTC\n  <xml/>\n<orphan-xml/>\n';
    const fragment = parse(text);
    expect(messages(text)).toEqual([{ kind: 'usage-reporting', time: null, summary: 'Request: Apr 17 03:31:32 UTC', line: 3, file: 't.txt' }]);
    expect(fragment.diagnostics).toEqual([
      { line: 3, message: 'message time "Apr 17 03:31:32 UTC" has no year; time left unknown' },
      { line: 2, message: 'unrecognised line in show license history message' },
    ]);
    expect(parse('  No past history\nTrust Sync:\n  No past history').diagnostics).toEqual([
      { line: 1, message: 'unrecognised line in show license history message' },
    ]);
  });

  it('never throws on odd input, and points every diagnostic at an input line', () => {
    neverThrows(licenseHistoryParser);
  });
});
