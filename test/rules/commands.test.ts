import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DeviceModel } from '../../src/common/device.js';
import { rulesExplain, rulesLint, rulesList, rulesTest, type RunCapture } from '../../src/rules/commands.js';
import { loadPack } from '../../src/rules/rule-directories.js';
import { linesOf, makeDevice, syslogMessage } from './fixtures/device.js';
import { tempDir } from '../support/temp-dirs.js';

const fixtures = join(import.meta.dirname, 'fixtures');

function sink(): { write(text: string): void; text: () => string } {
  let buffer = '';
  return { write: (text) => void (buffer += text), text: () => buffer };
}

function csluDevice(state: 'failing' | 'restored'): DeviceModel {
  return makeDevice({
    hostname: 'leaf-101',
    platform: 'nxos',
    captureTime: '2024-04-18T07:45:10Z',
    transport: { type: 'cslu' },
    usageReporting: { nextAckDeadline: state === 'failing' ? '2024-05-01T00:00:00Z' : '2024-09-01T00:00:00Z' },
    syslog: [syslogMessage(2, 'COMM_FAILED', 'Communications failure with the Cisco Smart License Utility (CSLU) : Unable to connect')],
    derived: {
      topology: 'cslu',
      communication: [{ destination: 'cslu', state, failures: 1, restores: state === 'restored' ? 1 : 0, firstFailure: null, lastFailure: null, lastRestore: null, lastFailureText: 'Unable to connect' }],
    },
    files: ['capture.txt'],
  });
}

/** Stands in for ingest + parse + build: the capture's file name says which device it holds. */
const fakeRunCapture: RunCapture = (path) => {
  const name = basename(path);
  const text = readFileSync(path, 'utf8');
  const devices =
    name === 'cslu-failing.txt' ? [csluDevice('failing')]
    : name === 'cslu-restored.txt' ? [csluDevice('restored')]
    : name === 'transport-off.txt' ? [makeDevice({ hostname: 'c9300-edge-01', platform: 'iosxe', transport: { type: 'off' } })]
    : [];
  return { devices, lines: linesOf(path, text) };
};

describe('rules list', () => {
  it('prints a table of the pack', () => {
    const out = sink();
    expect(rulesList([join(fixtures, 'pack')], out)).toBe(0);
    expect(out.text()).toMatch(/^ID\s+SEVERITY\s+PLATFORMS\s+TITLE\n/);
    expect(out.text()).toMatch(/comm-failure-cslu\s+error\s+nxos,iosxe\s+Communication with CSLU is failing/);
    expect(out.text()).toContain('3 rules');
  });
  it('exits 2 on an invalid pack', () => {
    const out = sink();
    expect(rulesList([join(fixtures, 'hostile')], out)).toBe(2);
    expect(out.text()).toMatch(/alias-bomb\.yaml:3:\d+: error: /);
  });
});

describe('rules lint', () => {
  it('passes a complete pack', () => {
    const [out, err] = [sink(), sink()];
    expect(rulesLint([join(fixtures, 'pack')], out, err)).toBe(0);
    expect(err.text()).toBe('');
    expect(out.text()).toBe('3 rules checked: 0 errors, 0 warnings\n');
  });
  it('fails on hostile files, listing every problem with file:line:column', () => {
    const [out, err] = [sink(), sink()];
    expect(rulesLint([join(fixtures, 'hostile')], out, err)).toBe(2);
    expect(err.text()).toMatch(/unknown-field\.yaml:8:18: error: when: unknown field "nextAckDeadlin"/);
    expect(err.text()).toMatch(/non-bool\.yaml:\d+:\d+: error: when: a condition must be true or false/);
    // Every file is counted, those its errors kept out of the pack too; every problem printed is counted once.
    const printed = err.text().trim().split('\n');
    expect(printed.every((line) => / error: /.test(line))).toBe(true);
    expect(out.text()).toBe(`8 rules checked: ${printed.length} errors, 0 warnings\n`);
  });
  it('reports missing tests, missing captures and evidence the condition never uses', () => {
    const dir = tempDir('slp-lint-');
    writeFileSync(
      join(dir, 'untested.yaml'),
      'id: untested\ntitle: t\nseverity: info\nplatforms: [nxos]\ncause: c\nwhen: transport.type == "off"\nevidence:\n  - field: transport.url\n  - field: transport.type\nmessage: m\nactions: []\nreferences: []\ntests:\n  fires: [missing.txt]\n',
    );
    const [out, err] = [sink(), sink()];
    expect(rulesLint([dir], out, err)).toBe(2);
    expect(err.text()).toContain('untested.yaml:13:1: error: rule "untested" has no tests.silent case');
    expect(err.text()).toMatch(/untested\.yaml:14:\d+: error: test capture missing\.txt does not exist/);
    expect(err.text()).toContain('untested.yaml:8:5: warning: evidence field "transport.url" is never used by the condition');
    expect(err.text()).not.toContain('"transport.type" is never used');
    expect(out.text()).toBe('1 rule checked: 2 errors, 1 warning\n');
  });

  it('refuses an escalation that does not go up, or whose condition does not compile', () => {
    const dir = tempDir('slp-lint-');
    const body = 'title: t\nplatforms: [nxos]\ncause: c\nwhen: "true"\nmessage: m\nactions: []\nreferences: []\n';
    writeFileSync(join(dir, 'down.yaml'), `id: down\nseverity: warning\n${body}escalate: { severity: info, when: "true" }\n`);
    writeFileSync(join(dir, 'same.yaml'), `id: same\nseverity: warning\n${body}escalate: { severity: warning, when: "true" }\n`);
    writeFileSync(join(dir, 'bad.yaml'), `id: bad\nseverity: warning\n${body}escalate: { severity: error, when: "transport.nope == 1" }\n`);
    const [out, err] = [sink(), sink()];
    expect(rulesLint([dir], out, err)).toBe(2);
    expect(err.text()).toContain('down.yaml:10:23: error: escalate.severity "info" is not one of error, warning: an escalation is a higher severity than the rule\'s own');
    expect(err.text()).toContain('same.yaml:10:23: error: escalate.severity "warning" is not higher than the rule\'s severity "warning"');
    expect(err.text()).toMatch(/bad\.yaml:\d+:\d+: error: .*nope/);
  });

  it('warns about a deferTo id no rule checked has, and refuses one that is no id or the rule itself', () => {
    const dir = tempDir('slp-lint-');
    const body = 'title: t\nseverity: info\nplatforms: [nxos]\ncause: c\nwhen: "true"\nmessage: m\nactions: []\nreferences: []\n';
    writeFileSync(join(dir, 'a.yaml'), `id: a\n${body}deferTo: [nowhere]\n`);
    writeFileSync(join(dir, 'b.yaml'), `id: b\n${body}deferTo: [b, Not_An_Id]\n`);
    const [out, err] = [sink(), sink()];
    expect(rulesLint([dir], out, err)).toBe(2);
    expect(err.text()).toContain('a.yaml:10:1: warning: deferTo: no rule "nowhere" in the rules checked');
    expect(err.text()).toContain('deferTo: "b" is not another rule\'s id');
    expect(err.text()).toContain('deferTo: "Not_An_Id" is not a rule id, which is kebab-case');
  });
});

describe('rules test', () => {
  it('passes every case of a correct pack', async () => {
    const out = sink();
    expect(await rulesTest([join(fixtures, 'pack')], out, fakeRunCapture)).toBe(0);
    expect(out.text()).toContain('PASS  comm-failure-cslu  fires  ../captures/cslu-failing.txt');
    expect(out.text()).toContain('PASS  comm-failure-cslu  silent  ../captures/cslu-restored.txt');
    expect(out.text()).toContain('6 passed, 0 failed');
  });

  it('fails (non-zero) when a rule is broken', async () => {
    // The pack beside a copy of its captures, as in the fixtures: its `../captures/` paths then resolve.
    const root = tempDir('slp-test-');
    const dir = join(root, 'pack');
    mkdirSync(dir);
    cpSync(join(fixtures, 'captures'), join(root, 'captures'), { recursive: true });
    const broken = readFileSync(join(fixtures, 'pack', 'comm-failure-cslu.yaml'), 'utf8')
      .replace('["failing", "flapping"]', '["failing", "flapping", "restored"]');
    writeFileSync(join(dir, 'comm-failure-cslu.yaml'), broken);
    const out = sink();
    expect(await rulesTest([dir], out, fakeRunCapture)).toBe(1);
    expect(out.text()).toMatch(/FAIL {2}comm-failure-cslu {2}silent {2}.*cslu-restored\.txt: expected silent, but fired on leaf-101/);
    expect(out.text()).toContain('1 passed, 1 failed');
  });

  it('reports a capture that cannot be read as a failure', async () => {
    const failing: RunCapture = () => {
      throw new Error('unreadable input');
    };
    const out = sink();
    expect(await rulesTest([join(fixtures, 'pack')], out, failing)).toBe(1);
    expect(out.text()).toContain('capture could not be read: unreadable input');
  });
});

describe('rules explain', () => {
  const pack = loadPack([join(fixtures, 'pack')]);
  it('shows each part of the condition with its value', async () => {
    const out = sink();
    expect(await rulesExplain(pack, 'comm-failure-cslu', fakeRunCapture, out, join(fixtures, 'captures', 'cslu-restored.txt'))).toBe(0);
    const text = out.text();
    expect(text).toContain('device leaf-101 (nxos, topology cslu, now 2024-04-18T07:45:10Z): silent');
    expect(text).toMatch(/ {2}derived\.communication\.exists\(d, d\.destination == "cslu" && d\.state in \["failing", "flapping"\]\)\n {6}= false {2}\(0 of 1 items match\)/);
    expect(text).toMatch(/!syslog\.exists\(m, m\.name == "COMM_FAILED" && m\.text\.matches\("\(\?i\)resolve server hostname"\)\)\n\s+= true/);
  });
  it('says when the rule does not apply and suggests rule ids', async () => {
    const out = sink();
    await rulesExplain(pack, 'comm-failure-cslu', fakeRunCapture, out, join(fixtures, 'captures', 'transport-off.txt'));
    expect(out.text()).toMatch(/device c9300-edge-01 \(iosxe, topology unknown, now unknown\): silent/);
    const missing = sink();
    expect(await rulesExplain(pack, 'comm-failure-csl', fakeRunCapture, missing, 'x.txt')).toBe(2);
    expect(missing.text()).toContain('did you mean comm-failure-cslu?');
  });
});
