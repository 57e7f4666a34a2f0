import { describe, expect, it } from 'vitest';
import { ingestText } from '../../src/ingest/index.js';
import type { RawSection } from '../../src/ingest/types.js';
import { cliOutputParser } from '../../src/parsers/cli-output/index.js';
import { parserFor } from '../../src/parsers/registry.js';

const lines = (...text: string[]): string => text.join('\n') + '\n';

function messagesOf(section: RawSection) {
  const fragment = cliOutputParser.parse(section);
  return { items: fragment.lists.get('messages')?.items ?? [], lines: fragment.lists.get('messages')?.lines ?? [], diagnostics: fragment.diagnostics };
}

function only(text: string, command: string): RawSection {
  const section = ingestText(text, 'paste.txt').sections.find((s) => s.command === command);
  expect(section, `no ${command} section`).toBeDefined();
  return section!;
}

describe('cli-output: commands no grammar reads', () => {
  it('is the parser for unknown sections and On-Prem log lines', () => {
    expect(parserFor('unknown')?.id).toBe('cli-output');
    expect(parserFor('onprem log')?.id).toBe('cli-output');
  });

  it('turns the result line of license smart save usage into a message of that command', () => {
    const section = only(
      lines('leaf-107# license smart save usage all bootflash:all_rum.txt', 'Failure: save status: The requested item was not found', 'leaf-107# '),
      'unknown',
    );
    expect(messagesOf(section)).toEqual({
      items: [
        {
          command: 'license smart save usage all bootflash:all_rum.txt',
          text: 'Failure: save status: The requested item was not found',
          line: 2,
          file: 'paste.txt',
        },
      ],
      lines: [2],
      diagnostics: [],
    });
  });

  it.each([
    ['% Invalid input detected at \'^\' marker.'],
    ['Error: Invalid ACK file'],
    ['Success: import status'],
    ['Trust code import failed'],
  ])('reads `%s` as a result line', (result) => {
    const section = only(lines('c9200-access-01#license smart import bootflash:ack.txt', '  some progress output', result), 'unknown');
    const { items, diagnostics } = messagesOf(section);
    expect(items).toEqual([{ command: 'license smart import bootflash:ack.txt', text: result, line: 3, file: 'paste.txt' }]);
    expect(diagnostics).toEqual([]);
  });

  it('records a command that printed no result as a message of its own, at its prompt line, so rules see `write erase`', () => {
    const section = only(
      lines('leaf-112# show clock', '07:45:10.482 UTC Thu Apr 18 2024', 'leaf-112# write erase', 'Warning: This command will erase the startup-configuration.', 'Do you wish to proceed anyway? (y/n)  [n] y'),
      'unknown',
    );
    expect(messagesOf(section)).toEqual({
      items: [{ command: 'write erase', text: 'write erase', line: 3, file: 'paste.txt' }],
      lines: [3],
      diagnostics: [],
    });
  });

  it('reads other output silently: no messages beyond the command, no diagnostics', () => {
    const section = only(lines('leaf-101# license smart sync all', 'Triggered sync of all product instances.', 'Please check the status later.'), 'unknown');
    const { items, diagnostics } = messagesOf(section);
    expect(items).toHaveLength(1);
    expect(diagnostics).toEqual([]);
  });

  it('keeps the count of RUM reports in a saved usage file, and no other count', () => {
    const count = (typed: string, answer: string) =>
      cliOutputParser.parse(only(lines(`c9300-acc-08#${typed}`, answer), 'unknown')).scalars.get('savedRumReportCount');
    expect(count('more flash:rum.txt | count RUMReport', 'Number of lines which match regexp = 1187')).toEqual({ value: 1187, line: 2 });
    expect(count('more flash:rum.txt | count <RUMReport>', 'Number of lines which match regexp = 3')?.value).toBe(3);
    expect(count('more flash:rum.txt | count Entitlement', 'Number of lines which match regexp = 2374')).toBeUndefined();
    expect(count('more flash:rum.txt', 'Number of lines which match regexp = 12')).toBeUndefined();
  });

  it('never throws on a section found by shape with no prompt', () => {
    const section: RawSection = { command: 'unknown', rawCommand: null, file: 'x', headerLine: null, hostname: null, platform: 'unknown', lines: [{ n: 4, text: 'Error: x' }] };
    expect(messagesOf(section).items).toEqual([{ command: 'unknown', text: 'Error: x', line: 4, file: 'x' }]);
  });
});

describe('cli-output: SSM On-Prem log lines', () => {
  const log = [
    'Apr 15 20:49:16 ssm-onprem cf881d42a1b7: 2024/04/15 20:49:16#011[ERROR]#011adapters/pi_routes_impl.go:1322#011Finding SL product by UDI {N9K-C93180YC-FX FDO23120DEF} failed due to the following error: record not found.',
    '2024/04/16 01:01:04\t[INFO]\tadapters/pi_routes_impl.go:1290\tReceived usage report from UDI {N9K-C93180YC-FX FDO23120DEF}',
  ];

  it('makes every line a message with the relay prefix and tab escapes removed', () => {
    const section = only(lines('leaf-105# show license summary', '', 'leaf-105# ', ...log), 'onprem log');
    expect(section.hostname).toBe('leaf-105');
    const { items, diagnostics } = messagesOf(section);
    expect(items).toEqual([
      {
        command: 'onprem log',
        text: '2024/04/15 20:49:16 [ERROR] adapters/pi_routes_impl.go:1322 Finding SL product by UDI {N9K-C93180YC-FX FDO23120DEF} failed due to the following error: record not found.',
        line: 4,
        file: 'paste.txt',
      },
      {
        command: 'onprem log',
        text: '2024/04/16 01:01:04 [INFO] adapters/pi_routes_impl.go:1290 Received usage report from UDI {N9K-C93180YC-FX FDO23120DEF}',
        line: 5,
        file: 'paste.txt',
      },
    ]);
    expect(diagnostics).toEqual([]);
  });
});
