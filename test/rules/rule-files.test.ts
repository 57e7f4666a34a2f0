import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPack, readPack } from '../../src/rules/rule-directories.js';
import { readRuleFile } from '../../src/rules/rule-files.js';
import { RulePackError, formatProblem, type RuleProblem } from '../../src/rules/types.js';
import { tempDir } from '../support/temp-dirs.js';

const hostile = (name: string): string => join(import.meta.dirname, 'fixtures', 'hostile', name);

/** A hostile file's problems (the bench times them: scripts/bench-worst-case.mjs). */
function problemsOf(name: string): RuleProblem[] {
  const { rule, problems } = readRuleFile(hostile(name));
  if (problems.some((p) => p.severity === 'error')) expect(rule).toBeNull();
  return problems;
}

const messages = (problems: RuleProblem[]): string => problems.map(formatProblem).join('\n');

describe('loading rule files', () => {
  it('loads the fixture pack without problems', () => {
    const { pack, problems } = readPack([join(import.meta.dirname, 'fixtures', 'pack')]);
    expect(problems).toEqual([]);
    expect(pack.rules.map((r) => r.id)).toEqual(['ack-deadline-approaching', 'comm-failure-cslu', 'transport-off-offline']);
    const rule = pack.get('comm-failure-cslu')!;
    expect(rule.platforms).toEqual(['nxos', 'iosxe']);
    expect(rule.actions[1]).toMatchObject({ platforms: ['nxos'], topologies: null });
    expect(rule.tests.silent[0]).toMatchObject({ capture: '../captures/cslu-restored.txt', now: '2024-04-18T07:45:10Z' });
    expect(rule.tests.silent[0]!.path).toMatch(/fixtures[/\\]captures[/\\]cslu-restored\.txt$/);
  });

  it('refuses a YAML alias bomb without expanding it', () => {
    const problems = problemsOf('alias-bomb.yaml');
    expect(messages(problems)).toMatch(/alias-bomb\.yaml:3:\d+: error: YAML aliases \(\*a\) are not allowed/);
  });

  it('keeps a catastrophic regular expression linear (RE2)', () => {
    expect(problemsOf('catastrophic-regex.yaml')).toEqual([]);
  });

  it('reports unknown keys with did-you-mean, at their line and column', () => {
    const text = messages(problemsOf('unknown-keys.yaml'));
    expect(text).toContain('unknown-keys.yaml:10:1: error: unknown key "condition" in a rule');
    expect(text).toMatch(/unknown-keys\.yaml:13:5: error: unknown key "whre" in an evidence entry \(did you mean "where"\?\)/);
  });

  it('reports wrong types and bad enumerations all together', () => {
    const text = messages(problemsOf('wrong-types.yaml'));
    expect(text).toContain('id "Wrong_Types" must be kebab-case');
    expect(text).toContain('wrong-types.yaml:2:8: error: title must be a string, not number');
    expect(text).toContain('severity "critical" is not one of error, warning, info');
    expect(text).toContain('platforms must be a non-empty list of: nxos, iosxe');
    expect(text).toContain('message must be a string');
    expect(text).toContain('action topologies: "cloud" is not one of');
    expect(text).toContain('references must be a list');
    expect(text).toContain('tests.fires must be a list');
  });

  it('reports a condition field that does not exist at its position inside a folded scalar', () => {
    const text = messages(problemsOf('unknown-field.yaml'));
    expect(text).toMatch(/unknown-field\.yaml:8:18: error: when: unknown field "nextAckDeadlin" in usageReporting \(did you mean "nextAckDeadline"\?\)/);
  });

  it('refuses a condition that is not true or false', () => {
    expect(messages(problemsOf('non-bool.yaml'))).toContain('when: a condition must be true or false, but this expression gives an int');
  });

  it('refuses huge and deeply nested expressions', () => {
    expect(messages(problemsOf('huge-expression.yaml'))).toMatch(/expression is \d+ characters long; the limit is 4000/);
    expect(messages(problemsOf('deep-expression.yaml'))).toMatch(/Exceeded maxDepth/);
  });

  it('refuses duplicate ids within one directory', () => {
    const { problems } = readPack([join(import.meta.dirname, 'fixtures', 'dup')]);
    expect(messages(problems)).toMatch(/b\.yaml:1:5: error: duplicate id "same-id": also defined in .*a\.yaml/);
  });

  it('lets a later directory replace a rule with the same id', () => {
    const user = tempDir('slp-rules-');
    writeFileSync(
      join(user, 'transport-off-offline.yaml'),
      'id: transport-off-offline\ntitle: Replaced\nseverity: warning\nplatforms: [iosxe]\ncause: c\nwhen: transport.type == "off"\nmessage: m\nactions: []\nreferences: []\n',
    );
    const pack = loadPack([join(import.meta.dirname, 'fixtures', 'pack'), user]);
    expect(pack.rules).toHaveLength(3);
    expect(pack.get('transport-off-offline')).toMatchObject({ title: 'Replaced', severity: 'warning' });
  });

  it('throws one RulePackError listing every error', () => {
    expect(() => loadPack([hostile('')])).toThrow(RulePackError);
    try {
      loadPack([hostile('')]);
    } catch (error) {
      const files = new Set((error as RulePackError).problems.map((p) => p.file.split(/[/\\]/).pop()));
      expect(files).toEqual(new Set(['alias-bomb.yaml', 'unknown-keys.yaml', 'wrong-types.yaml', 'unknown-field.yaml', 'non-bool.yaml', 'huge-expression.yaml', 'deep-expression.yaml']));
    }
  });

  it('reports a missing directory and YAML syntax errors with positions', () => {
    const dir = tempDir('slp-rules-');
    writeFileSync(join(dir, 'broken.yaml'), 'id: broken\ntitle: [unclosed\n');
    const { problems } = readPack([join(dir, 'nope'), dir]);
    expect(problems[0]).toMatchObject({ message: 'rule directory does not exist' });
    expect(messages(problems)).toMatch(/broken\.yaml:\d+:\d+: error: YAML: /);
  });

  it('checks evidence entries, templates and regexes', () => {
    const dir = tempDir('slp-rules-');
    writeFileSync(
      join(dir, 'bad-evidence.yaml'),
      [
        'id: bad-evidence',
        'title: t',
        'severity: info',
        'platforms: [nxos]',
        'cause: c',
        'when: syslog.exists(m, m.text.matches("(unclosed"))',
        'evidence:',
        '  - list: sylog',
        '  - field: transport.ulr',
        '  - lines: "a{2,1}"',
        '  - list: syslog',
        '    field: transport.url',
        '  - list: derived.communication',
        '  - list: syslog',
        '    where: it.mnemonc == "X"',
        'message: "{{ transport.csluAdress }} and {{ unclosed"',
        'actions: []',
        'references: []',
      ].join('\n'),
    );
    const text = messages(readPack([dir]).problems);
    expect(text).toMatch(/:6:\d+: error: when: invalid RE2 regular expression: .*missing closing \)/);
    expect(text).toMatch(/:8:11: error: evidence list "sylog" is not a model list \(did you mean "syslog"\?\)/);
    expect(text).toMatch(/:9:12: error: evidence field "transport.ulr" is not a model field \(did you mean "url"\?\)/);
    expect(text).toMatch(/:10:12: error: evidence lines: invalid RE2/);
    expect(text).toMatch(/:11:5: error: an evidence entry needs exactly one of list, field or lines/);
    expect(text).toMatch(/:13:11: error: evidence list "derived.communication": derived facts carry no input lines/);
    expect(text).toMatch(/:15:15: error: where: unknown field "mnemonc" in an item of syslog \(did you mean "mnemonic"\?\)/);
    expect(text).toMatch(/:16:\d+: error: message: "\{\{" is never closed/);
  });
});
