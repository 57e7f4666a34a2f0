// `rules lint` refuses conditions whose types cannot work, at the file:line:column of the expression inside the
// YAML, and lets the ones that can work through (the whole built-in pack among them).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileExpression } from '../../src/rules/condition.js';
import { rulesLint } from '../../src/rules/commands.js';
import { builtinRulesDir } from '../../src/rules/builtin.js';
import { readPack } from '../../src/rules/rule-directories.js';
import { tempDir } from '../support/temp-dirs.js';

const problems = (text: string): string[] => compileExpression(text, 'condition').problems.map((p) => `${p.offset}: ${p.message}`);

function sink(): { write(text: string): void; text: () => string } {
  let buffer = '';
  return { write: (text) => void (buffer += text), text: () => buffer };
}

describe('types that cannot work', () => {
  it.each([
    ['usageReportSummary.availableToReport > "100"', /^0: usageReportSummary\.availableToReport is an int \(or null\) and "100" is a string: > compares two numbers or two strings \(write 100, without quotes\)$/],
    ['usageReportSummary.availableToReport == "100"', /^0: .*== can never be true/],
    ['transport.type != 3', /^0: transport\.type is a string \(or null\) and 3 is an int: != is always true$/],
    ['dataPrivacy.versionPrivacy == "DISABLED"', /^0: dataPrivacy\.versionPrivacy is a bool \(or null\) and "DISABLED" is a string/],
    ['int(licenses) > 0', /^4: int\(\) takes an int, a double or a string as value, but licenses is a list$/],
    ['int("many") > 0', /^4: int\(\): "many" is not a number$/],
    ['slpEnabled + 1 > 2', /^0: slpEnabled is a bool \(or null\) and 1 is an int: \+ adds/],
    ['slpEnabled > 1', /^0: slpEnabled is a bool .*: > compares two numbers or two strings$/],
    ['derived.reporting.daysToAckDeadline + 1 > 3', /CEL does not mix int and double: use double\(\)/],
    ['hostname && true', /^0: && joins true\/false values, but hostname is a string \(or null\)$/],
    ['!transport.type', /^1: ! negates a true\/false value, but transport\.type is a string/],
    ['transport.type in [1, 2]', /^0: transport\.type is a string \(or null\) and the list holds ints: "in" can never be true$/],
    ['3 in transport.type', /^5: "in" looks in a list, but transport\.type is a string/],
    ['size(transport.proxy.port) > 0', /^5: size\(\) takes a string, a list or a map as value, but transport\.proxy\.port is an int/],
    ['transport.proxy.port.contains("8")', /^0: \.contains\(\) is called on a string, but transport\.proxy\.port is an int/],
    ['daysUntil(3) < 3', /^10: daysUntil\(\) takes a string as time, but 3 is an int$/],
    ['daysUntil(null) < 3', /^10: daysUntil\(\): time cannot be null$/],
    ['licenses.exists(l, l.count)', /^19: exists\(\) tests each item with a true\/false condition, but l\.count is an int/],
    ['transport.type > null', /^0: > cannot order null/],
    ['cpuProcesses.exists(p, p.percent + 1 > 5)', /^23: p\.percent is a double and 1 is an int: \+ adds/],
    ['orElse(transport.proxy.port, "8080") == 80', /^0: orElse\(\) takes arguments of one type/],
    ['hostname.substring(1, 2, 3) == "a"', /^0: \.substring\(\) takes 1 to 2 arguments \(start, end\), not 3$/],
    ['licenses["a"].count > 1', /^9: a list is indexed by an int position, but "a" is a string$/],
    ['anyLine(hostname)', /^8: anyLine\(\): the pattern must be a string literal/],
    ['anyLine("(?=x)")', /^8: invalid RE2 regular expression: .*\(\?=/],
    ['countLines("^Reporting push") > "2"', /^0: countLines\("\^Reporting push"\) is an int and "2" is a string/],
  ])('%s', (text, expected) => {
    const found = problems(text);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(expected);
  });
});

describe('types that can work', () => {
  it.each([
    'usageReportSummary != null && usageReportSummary.availableToReport > 100',
    'dataPrivacy.smartLicensingHostnamePrivacy == true',
    'dataPrivacy.sendingHostname == false && dataPrivacy.versionPrivacy != null',
    'derived.reporting.daysToAckDeadline != null && derived.reporting.daysToAckDeadline < 30',
    'cpuProcesses.exists(p, p.percent >= 5)',
    'cpuProcesses.exists(p, p.percent == 5)',
    'derived.reporting.daysToAckDeadline != null && derived.reporting.daysToAckDeadline + 1.0 > 3.0',
    'licenses[0].count > 1',
    'events.exists(e, e.attrs.count == "0" && int(e.attrs.count) == 0)',
    'orElse(transport.proxy.port, 8080) == 80',
    'anyLine("^license smart privacy hostname$") || countLines("(?i)reporting push") >= 2',
    'int("30") > 2 && double(usageReporting.reportingPushIntervalDays) > 1.5',
    'transport.type in ["smart", "cslu"] && !(transport.url == null)',
    'size(licenses.filter(l, l.status == "IN USE")) == 0',
    'hostname != null && hostname.lowerAscii().startsWith("leaf") && size(hostname) > 3',
  ])('%s', (text) => {
    expect(problems(text)).toEqual([]);
  });

  it('leaves every built-in rule as it is', () => {
    const { problems: found } = readPack([builtinRulesDir()]);
    expect(found.filter((p) => p.severity === 'error')).toEqual([]);
  });
});

describe('rules lint on a type that cannot work', () => {
  it('names the file, the line and the column of the expression inside the YAML', () => {
    const dir = tempDir('slp-lint-types-');
    writeFileSync(
      join(dir, 'many-reports.yaml'),
      [
        'id: many-reports',
        'title: Many reports waiting',
        'severity: warning',
        'platforms: [iosxe]',
        'cause: c',
        'when: >',
        '  usageReportSummary != null &&',
        '  usageReportSummary.availableToReport > "100"',
        'message: m',
        'actions: []',
        'references: []',
        'tests: { fires: [a.txt], silent: [a.txt] }',
        '',
      ].join('\n'),
    );
    writeFileSync(join(dir, 'a.txt'), 'leaf-101# show clock\n');
    const [out, err] = [sink(), sink()];
    expect(rulesLint([dir], out, err)).toBe(2);
    expect(err.text()).toMatch(/many-reports\.yaml:8:3: error: when: usageReportSummary\.availableToReport is an int \(or null\) and "100" is a string/);
    expect(out.text()).toBe('1 rule checked: 1 error, 0 warnings\n');
  });
});
