// Rule files checked against rules/schema.json (src/rules/rule-schema.ts): the schema allows the values the code
// knows, and each schema error reads as one problem at its file:line:column.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRuleFile } from '../../src/rules/rule-files.js';
import { ruleSchemaPath } from '../../src/rules/rule-schema.js';
import { RULE_PLATFORMS, RULE_SEVERITIES, TOPOLOGIES, formatProblem } from '../../src/rules/types.js';
import { tempDir } from '../support/temp-dirs.js';

const dir = tempDir('slp-schema-');
const HEAD = 'id: a-rule\ntitle: t\nseverity: warning\nplatforms: [nxos]\ncause: c\nwhen: "true"\nmessage: m\nactions: []\nreferences: []\n';

/** The problems of a rule file holding `text`, as `line:column: message`. */
function problems(text: string): string[] {
  const file = join(dir, 'rule.yaml');
  writeFileSync(file, text);
  const { rule, problems } = readRuleFile(file);
  if (problems.length > 0) expect(rule).toBeNull();
  return problems.map((problem) => formatProblem(problem).slice(file.length + 1));
}

describe('rules/schema.json', () => {
  const schema = JSON.parse(readFileSync(ruleSchemaPath(), 'utf8')) as {
    properties: { severity: { enum: string[] } };
    $defs: { platform: { enum: string[] }; topology: { enum: string[] } };
  };

  it('allows the platforms, severities and topologies the engine knows', () => {
    expect(schema.$defs.platform.enum).toEqual(RULE_PLATFORMS);
    expect(schema.properties.severity.enum).toEqual(RULE_SEVERITIES);
    expect(schema.$defs.topology.enum).toEqual(TOPOLOGIES);
  });

  it('holds for a correct rule', () => {
    expect(problems(HEAD)).toEqual([]);
  });
});

describe('schema errors in words', () => {
  it('a value listed twice and a blank title', () => {
    expect(problems(HEAD.replace('[nxos]', '[nxos, iosxe, nxos]').replace('title: t', 'title: "  "'))).toEqual([
      '2:8: error: title must not be empty',
      '4:12: error: platforms: "nxos" is listed twice',
    ]);
  });

  it('an evidence entry of two kinds, or with a key its kind does not have', () => {
    const evidence = 'evidence:\n  - { list: syslog, field: transport.url }\n  - { lines: "x", context: true }\n  - { list: syslog, where: 42 }\n';
    expect(problems(HEAD + evidence)).toEqual([
      '11:5: error: an evidence entry needs exactly one of list, field or lines (found list and field)',
      '12:19: error: unknown key "context" in an evidence entry; allowed: lines',
      '13:28: error: evidence where must be a string, not number',
    ]);
  });

  it('an action of neither form, or without its text', () => {
    expect(problems(HEAD.replace('actions: []', 'actions: [42, { platforms: [nxos] }, { text: t, platforms: [nxso] }]'))).toEqual([
      '8:11: error: an action must be a non-empty string or {text, platforms, topologies}',
      '8:15: error: an action is missing the required key "text"',
      '8:61: error: action platforms: "nxso" is not one of nxos, iosxe (did you mean "nxos"?)',
    ]);
  });

  it('test cases: a list of paths or {capture, now}', () => {
    const tests = 'tests:\n  fires:\n    - 42\n    - { capture: a.txt, now: yesterday }\n  silent: b.txt\n';
    expect(problems(HEAD + tests)).toEqual([
      '12:7: error: a tests.fires case must be a capture path or {capture, now}',
      '13:30: error: now: "yesterday" is not an ISO time such as 2024-04-18T07:45:10Z',
      '14:11: error: tests.silent must be a list',
    ]);
  });
});
