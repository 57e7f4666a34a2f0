// --redact: no serial number, token, password, account name, host name or IP address of any capture appears in
// any output format.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeLoaded } from '../src/pipeline/analyze.js';
import { loadRulePack } from '../src/pipeline/rule-pack.js';
import { loadCaptures } from '../src/pipeline/captures.js';
import { renderMarkdown } from '../src/report/markdown.js';
import { PLAIN } from '../src/report/color.js';
import { Redactor } from '../src/report/redact.js';
import { renderText } from '../src/report/text.js';
import { renderModelText } from '../src/report/model-text.js';
import { runCli } from './support/cli.js';

const root = join(import.meta.dirname, '..');
const captures = readdirSync(join(root, 'captures')).filter((f) => f.endsWith('.txt')).sort();
const pack = loadRulePack();

const IPV4 = /\b(?:\d{1,3}\.){3}\d{1,3}\b/g;

function secretsOf(text: string, loaded: Awaited<ReturnType<typeof loadCaptures>>): Set<string> {
  const secrets = new Set<string>();
  for (const ip of text.match(IPV4) ?? []) if (ip.split('.').every((o) => Number(o) <= 255)) secrets.add(ip);
  for (const m of text.matchAll(/idtoken\s+(\S+)/gi)) if (!m[1]!.startsWith('<')) secrets.add(m[1]!);
  for (const m of text.matchAll(/password\s+(?:\d\s+)?(\S+)/gi)) if (!m[1]!.startsWith('<')) secrets.add(m[1]!);
  for (const d of loaded.devices) {
    for (const value of [d.hostname, d.udi.sn, d.account.smartAccount, d.account.virtualAccount, d.transport.proxy.username,
      ...d.haUdis.map((u) => u.sn), ...d.trustCode.udis.map((u) => u.sn), ...d.syslog.map((m) => m.host), ...d.aliases])
      if (value && value.length >= 3) secrets.add(value);
    // The site's own servers and SSM On-Prem tenant; Cisco's servers and cslu-local are not secrets.
    for (const url of [d.transport.url, d.transport.csluAddress]) {
      const host = url ? /^[a-z]+:\/\/([^/:\s]+)/i.exec(url)?.[1] : undefined;
      if (host && /[a-z]/i.test(host) && !/(^|\.)cisco\.com$/i.test(host) && host !== 'cslu-local') secrets.add(host);
    }
    if (d.transport.onPremTenant) secrets.add(d.transport.onPremTenant);
  }
  return secrets;
}

describe('--redact', () => {
  it.each(captures)('%s leaks nothing in text, json, markdown or the model summary', async (name) => {
    const path = join('captures', name);
    const text = readFileSync(join(root, path), 'utf8');
    const loaded = await loadCaptures([join(root, path)]);
    const document = analyzeLoaded(loaded, pack);
    const redactor = new Redactor().learn(loaded.devices);
    const outputs = {
      text: redactor.redact(renderText(document, PLAIN)),
      json: redactor.redact(JSON.stringify(document, null, 2)),
      markdown: redactor.redact(renderMarkdown(document)),
      model: redactor.redact(renderModelText(loaded.document)),
      modelJson: redactor.redact(JSON.stringify(loaded.document)),
    };
    for (const secret of secretsOf(text, loaded))
      for (const [format, output] of Object.entries(outputs))
        expect(output.includes(secret), `${secret} appears in ${format}`).toBe(false);
  });

  it('one input value, one mask', async () => {
    const loaded = await loadCaptures([join(root, 'captures/syslog-multi-host.txt')]);
    const redactor = new Redactor().learn(loaded.devices);
    const out = redactor.redact('192.0.2.10 then 192.0.2.10 and 192.0.2.11');
    expect(out).toBe('<ip-1> then <ip-1> and <ip-2>');
  });
});

describe('slp-doctor analyze --redact', () => {
  it.each(['text', 'json', 'markdown'])('masks the command\'s output in %s', async (format) => {
    const file = join(root, 'captures/rule-trust-code-account-mismatch.txt');
    const loaded = await loadCaptures([file]);
    const result = await runCli(['analyze', '--redact', '--format', format, file]);
    expect(result.stdout.length).toBeGreaterThan(100);
    for (const secret of secretsOf(readFileSync(file, 'utf8'), loaded)) expect(result.stdout).not.toContain(secret);
    expect(result.stdout).toMatch(/<(host|sn|account|ip|token)-1>/);
  });
});

describe('slp-doctor analyze --redact on a syslog-server extract', () => {
  // Written from the capture: the host names inside the messages, the relays in front of them, and the rest.
  const NAMES = ['edge-rtr-07', 'edge-rtr-08', 'leaf-102', 'leaf-103', '192.0.2.7', '198.51.100.9', '10.1.1.5', '203.0.113.25', 'FDO0000X4QR'];

  it.each(['text', 'json', 'markdown'])('masks every device name and relay address in %s', async (format) => {
    const file = join(root, 'captures/syslog-server-relays.txt');
    const result = await runCli(['analyze', '--redact', '--fail-on', 'never', '--format', format, file]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/<host-4>/);
    expect(NAMES.filter((name) => result.stdout.includes(name))).toEqual([]);
  });
});

describe('Redactor: URLs', () => {
  it('masks a site host name and the SSM On-Prem tenant, never Cisco\'s servers or cslu-local', () => {
    const redactor = new Redactor();
    const out = redactor.redact([
      'url https://ssm.corp.example.net/cslu/v1/pi/ACME-INVENTORY-1',
      'url http://ssm.corp.example.net:8080/cslu/v1/pi/ACME-INVENTORY-1 again',
      'Smart URL: https://smartreceiver.cisco.com/licservice/license',
      'CSLU address: http://cslu-local:8182/cslu/v1/pi',
    ].join('\n'));
    expect(out).toBe([
      'url https://<host-1>/cslu/v1/pi/<account-1>',
      'url http://<host-1>:8080/cslu/v1/pi/<account-1> again',
      'Smart URL: https://smartreceiver.cisco.com/licservice/license',
      'CSLU address: http://cslu-local:8182/cslu/v1/pi',
    ].join('\n'));
  });

  it('masks the On-Prem host and tenant a device model names wherever they appear later', async () => {
    const loaded = await loadCaptures([join(root, 'captures/layout-onprem-http-tenant.txt')]);
    const device = loaded.devices[0]!;
    expect(device.transport.onPremTenant).toBeTruthy();
    const redactor = new Redactor().learn(loaded.devices);
    const out = redactor.redact(`tenant ${device.transport.onPremTenant} on ${device.transport.url}`);
    expect(out).not.toContain(device.transport.onPremTenant!);
    expect(out).toMatch(/^tenant <account-\d+> on /);
  });
});

describe('Redactor: learned values', () => {
  it('masks a learned value only between non-alphanumerics, the longest where several start at one place', () => {
    const redactor = new Redactor().learnValues([['host', 'leaf-1'], ['host', 'leaf-10'], ['account', 'Example Corp']]);
    expect(redactor.redact('leaf-10 leaf-1x leaf-1. xleaf-1 Example Corporation, Example Corp')).toBe(
      '<host-1> leaf-1x <host-2>. xleaf-1 Example Corporation, <account-1>',
    );
  });

  it('keeps one mask per value when values are learned between outputs', () => {
    const redactor = new Redactor().learnValues([['host', 'leaf-1']]);
    expect(redactor.redact('leaf-1 leaf-2')).toBe('<host-1> leaf-2');
    redactor.learnValues([['host', 'leaf-2']]);
    expect(redactor.redact('leaf-2 leaf-1')).toBe('<host-2> <host-1>');
  });
});
