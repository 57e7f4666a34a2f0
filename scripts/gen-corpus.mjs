#!/usr/bin/env node
// A deterministic fleet of captures for benchmarks and the redaction test. Every capture is one of the bundled
// captures in captures/ used as a template: host names, serial numbers, documentation-range IP addresses, Smart
// Account names and dates are replaced with seeded invented values (dates move by whole weeks, so weekdays stay
// right and every interval inside a capture is kept), some captures get an ID token in their running-config, and
// unrelated show output pads each to ~15 KB. A manifest.json next to the captures lists every value put in.
//   node scripts/gen-corpus.mjs [--out DIR] [--count 10000] [--seed 1] [--showtech 200,1024]
// writes DIR/fleet/batch-NN/*.txt, DIR/fleet/manifest.json and DIR/showtech-<MB>mb.txt
// Needs `npm run build` (templates are read with the real ingest and model to find their host names and serials;
// tests pass the sources' instead).
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMain, scriptArgs, wholeNumber } from './args.mjs';
import { mulberry32, writeShowTech } from './gen-showtech.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MON = MONTHS.join('|');
const DOC_IP = /(?<![\d.])(?:192\.0\.2|198\.51\.100|203\.0\.113)\.\d{1,3}(?![\d.])/g;
const SERIAL = /\b[A-Z]{3}\d{4}[A-Z0-9]{4}\b/g;
const TARGET_BYTES = 15 * 1024;

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// A value standing on its own: not inside a longer name, but it may follow a terminal colour code (`ESC[1mleaf-1#`).
const word = (value) => new RegExp(`(?<=^|[^A-Za-z0-9_-]|\\x1b\\[[0-9;]*[A-Za-z])${escape(value)}(?![A-Za-z0-9_])`, 'g');

/**
 * Read every bundled capture once: its text and the identifying values the real model finds in it. `pipeline` holds
 * ingestText and fromIngested: tsc's build in dist/ unless given (tests give the sources', never an older build).
 */
export async function loadTemplates(pipeline) {
  const { ingestText, fromIngested } = pipeline ?? { ...(await import('../dist/ingest/index.js')), ...(await import('../dist/pipeline/captures.js')) };
  const dir = join(root, 'captures');
  const templates = [];
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.txt')).sort()) {
    const text = readFileSync(join(dir, name), 'utf8');
    const input = ingestText(text, name);
    const { devices } = fromIngested([input]);
    const hosts = new Set();
    if (input.hostname) hosts.add(input.hostname);
    for (const section of input.sections) if (section.hostname) hosts.add(section.hostname);
    const serials = new Set(text.match(SERIAL) ?? []);
    const accounts = new Set();
    for (const d of devices) {
      if (d.hostname) hosts.add(d.hostname);
      for (const m of d.syslog) if (m.host) hosts.add(m.host);
      for (const sn of [d.udi.sn, ...d.haUdis.map((u) => u.sn), ...d.trustCode.udis.map((u) => u.sn)]) if (sn && sn.length >= 6) serials.add(sn);
      for (const account of [d.account.smartAccount, d.account.virtualAccount]) if (account && account.length >= 3) accounts.add(account);
    }
    const platform = devices.find((d) => d.platform !== 'unknown')?.platform ?? input.platform;
    // Longest first, so `leaf-101-mgmt` is replaced before `leaf-101`.
    const byLength = (a, b) => b.length - a.length || (a < b ? -1 : 1);
    templates.push({ name, text, platform, hosts: [...hosts].filter((h) => h.length >= 3).sort(byLength), serials: [...serials].sort(byLength), accounts: [...accounts].sort(byLength) });
  }
  return templates;
}

function serial(random) {
  const letters = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
  const alnum = `${letters}0123456789`;
  const pick = (set) => set[Math.floor(random() * set.length)];
  const prefix = ['FDO', 'FOC', 'SAL', 'FXS', 'JAE'][Math.floor(random() * 5)];
  return `${prefix}${String(1800 + Math.floor(random() * 700)).padStart(4, '0')}${pick(letters)}${pick(alnum)}${pick(letters)}${pick(letters)}`;
}

function token(random, length = 88) {
  const set = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let out = '';
  while (out.length < length - 3) out += set[Math.floor(random() * set.length)];
  return `${out}aA1`;
}

/**
 * Documentation addresses the rule pack's own words use (`ntp server 198.51.100.100 version 2 prefer`): never given to a
 * device, or the redaction test would take the rule's example, which --redact rightly leaves, for a leaked address.
 */
const RULE_TEXT_IPS = new Set(
  readdirSync(join(root, 'rules'))
    .filter((name) => name.endsWith('.yaml'))
    .flatMap((name) => readFileSync(join(root, 'rules', name), 'utf8').match(DOC_IP) ?? []),
);

function ip(random) {
  const nets = ['192.0.2', '198.51.100', '203.0.113'];
  for (;;) {
    const address = `${nets[Math.floor(random() * 3)]}.${2 + Math.floor(random() * 250)}`;
    if (!RULE_TEXT_IPS.has(address)) return address;
  }
}

/** Move every date in the text by `days` (a multiple of 7). Year-less syslog stamps are taken as `defaultYear`. */
export function shiftDates(text, days, defaultYear = 2024) {
  if (days === 0) return text;
  const move = (year, month, day) => {
    const d = new Date(Date.UTC(year, month, day) + days * 86_400_000);
    return { year: d.getUTCFullYear(), month: d.getUTCMonth(), day: d.getUTCDate() };
  };
  const dayText = (day, original, spaces) => (original.startsWith('0') ? String(day).padStart(2, '0') : spaces.length > 1 ? String(day).padStart(2, ' ') : String(day));
  const pattern = new RegExp(
    [
      '(\\d{4})-(\\d{2})-(\\d{2})(?=[T ]|\\b)', // ISO
      `(\\d{4}) (${MON})( +)(\\d{1,2})\\b`, // 2024 Apr 17
      `(${MON})( +)(\\d{1,2})( \\d\\d:\\d\\d:\\d\\d(?:\\.\\d+)?(?: [A-Z]{3,4})? )(\\d{4})\\b`, // Mar 12 10:21:33 2024
      `(${MON})( +)(\\d{1,2}) (\\d{4})\\b`, // Apr 18 2024
      `(${MON})( +)(\\d{1,2})(?= \\d\\d:\\d\\d:\\d\\d)`, // Apr 17 03:31:32 (no year)
    ].join('|'),
    'g',
  );
  return text.replace(pattern, (...m) => {
    if (m[1]) {
      const t = move(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
      return `${t.year}-${String(t.month + 1).padStart(2, '0')}-${String(t.day).padStart(2, '0')}`;
    }
    if (m[4]) {
      const t = move(Number(m[4]), MONTHS.indexOf(m[5]), Number(m[7]));
      return `${t.year} ${MONTHS[t.month]}${m[6]}${dayText(t.day, m[7], m[6])}`;
    }
    if (m[8]) {
      const t = move(Number(m[12]), MONTHS.indexOf(m[8]), Number(m[10]));
      return `${MONTHS[t.month]}${m[9]}${dayText(t.day, m[10], m[9])}${m[11]}${t.year}`;
    }
    if (m[13]) {
      const t = move(Number(m[16]), MONTHS.indexOf(m[13]), Number(m[15]));
      return `${MONTHS[t.month]}${m[14]}${dayText(t.day, m[15], m[14])} ${t.year}`;
    }
    const t = move(defaultYear, MONTHS.indexOf(m[17]), Number(m[19]));
    return `${MONTHS[t.month]}${m[18]}${dayText(t.day, m[19], m[18])}`;
  });
}

function filler(host, platform, random) {
  const lines = [`${host}# show interface brief`, ''];
  const prefix = platform === 'iosxe' ? 'GigabitEthernet1/0/' : 'Ethernet1/';
  for (let port = 1; port <= 48; port++) {
    const up = random() < 0.7;
    lines.push(`${`${prefix}${port}`.padEnd(24)}${up ? 'up  ' : 'down'}  access  ${1 + Math.floor(random() * 4000)}  ${up ? '10G' : 'auto'}`);
  }
  return `${lines.join('\n')}\n`;
}

/** One capture of the fleet: a template with every identifying value replaced. Returns the text and what was put in. */
export function makeCapture(template, index, random) {
  const platformPrefix = template.platform === 'nxos' ? 'leaf' : 'c9300-edge';
  const values = { hostnames: [], serials: [], accounts: [], ips: [], tokens: [] };
  let text = template.text;
  // Placeholders first, so a new value is never caught by a later replacement of an old one.
  const placeholders = [];
  const put = (pattern, value, kind) => {
    const key = `\u0000${placeholders.length}\u0000`;
    placeholders.push(value);
    values[kind].push(value);
    text = text.replace(pattern, key);
  };
  template.hosts.forEach((host, n) => put(word(host), `${platformPrefix}-${String(index).padStart(5, '0')}${n === 0 ? '' : `-${n}`}`, 'hostnames'));
  for (const sn of template.serials) put(word(sn), serial(random), 'serials');
  template.accounts.forEach((account, n) => put(word(account), n === 0 ? `Example Corp ${index}` : `VA-Campus-${index}-${n}`, 'accounts'));
  for (const address of new Set(text.match(DOC_IP) ?? [])) put(new RegExp(`(?<![\\d.])${escape(address)}(?![\\d.])`, 'g'), ip(random), 'ips');
  text = text.replace(/\u0000(\d+)\u0000/g, (_m, n) => placeholders[Number(n)]);
  text = shiftDates(text, 7 * Math.floor(random() * 9));

  const host = values.hostnames[0] ?? `${platformPrefix}-${String(index).padStart(5, '0')}`;
  if (!values.hostnames.includes(host)) values.hostnames.push(host);
  if (!text.endsWith('\n')) text += '\n';
  if (random() < 0.2) {
    const idtoken = token(random);
    values.tokens.push(idtoken);
    text += `${host}# show running-config | include idtoken\nlicense smart trust idtoken ${idtoken} local\n`;
  }
  while (text.length < TARGET_BYTES) text += filler(host, template.platform, random);
  return { text, values };
}

/** Write `count` captures into `dir` (sub-directories of 1,000) and dir/manifest.json. */
export async function generateFleet({ dir = mkdtempSync(join(tmpdir(), 'slp-fleet-')), count = 10_000, seed = 1, templates, pipeline } = {}) {
  const random = mulberry32(seed);
  const pool = templates ?? (await loadTemplates(pipeline));
  const manifest = { seed, count, captures: [] };
  let bytes = 0;
  for (let index = 1; index <= count; index++) {
    const template = pool[Math.floor(random() * pool.length)];
    const { text, values } = makeCapture(template, index, random);
    const sub = join(dir, `batch-${String(Math.floor((index - 1) / 1000)).padStart(2, '0')}`);
    if ((index - 1) % 1000 === 0) mkdirSync(sub, { recursive: true });
    const file = join(sub, `${values.hostnames[0] ?? `capture-${index}`}.txt`);
    writeFileSync(file, text);
    bytes += Buffer.byteLength(text);
    manifest.captures.push({ file, template: template.name, platform: template.platform, ...values });
  }
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  return { dir, bytes, manifest };
}

/** The seeded show-techs of gen-showtech.mjs, one per size in MB. */
export function generateShowTechs(dir, sizesMb, seed = 7) {
  return sizesMb.map((mb) => {
    const file = join(dir, `showtech-${mb}mb.txt`);
    writeShowTech(file, mb * 1024 * 1024, seed);
    return file;
  });
}

const USAGE = `
usage: node scripts/gen-corpus.mjs [--out DIR] [--count N] [--seed N] [--showtech MB[,MB…]]
Writes a seeded fleet of invented captures (bundled captures as templates) for benchmarks and tests.
  --out DIR        where to write (default: a new temporary directory): DIR/fleet/batch-NN/*.txt,
                   DIR/fleet/manifest.json (every invented value) and DIR/showtech-<MB>mb.txt
  --count N        how many captures (default 10000)
  --seed N         the seed (default 1; the same seed writes the same bytes)
  --showtech LIST  also write show-techs of these sizes in MB, e.g. 200,1024 (seed 7 unless --seed is given)
Needs \`npm run build\` first.`;

if (isMain(import.meta.url)) {
  const { values, fail } = scriptArgs(USAGE, { out: { type: 'string' }, count: { type: 'string' }, seed: { type: 'string' }, showtech: { type: 'string' } });
  const count = wholeNumber(values.count ?? '10000', '--count', fail, 1);
  const seed = values.seed === undefined ? undefined : wholeNumber(values.seed, '--seed', fail);
  const sizes = values.showtech === undefined ? [] : values.showtech.split(',').map((mb) => wholeNumber(mb.trim(), '--showtech', fail, 1));
  const dir = values.out ?? mkdtempSync(join(tmpdir(), 'slp-fleet-'));
  mkdirSync(dir, { recursive: true });
  const started = Date.now();
  const { bytes } = await generateFleet({ dir: join(dir, 'fleet'), count, seed: seed ?? 1 });
  process.stdout.write(`${join(dir, 'fleet')}: ${count} captures, ${(bytes / 1024 / 1024).toFixed(1)} MB in ${Date.now() - started} ms\n`);
  for (const file of generateShowTechs(dir, sizes, seed ?? 7)) process.stdout.write(`${file}\n`);
}
