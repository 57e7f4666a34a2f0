#!/usr/bin/env node
// Writes a deterministic NX-OS `show tech-support` of a given size: many unrelated sections (interfaces, module,
// processes, logging) with the licensing sections from a bundled capture buried inside. Seeded, so every run of
// the benchmark reads the same bytes.
//   node scripts/gen-showtech.mjs OUT.txt SIZE_MB [SEED]
import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isMain, scriptArgs, wholeNumber } from './args.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function fillerSection(random, index) {
  const kind = index % 4;
  const lines = [];
  if (kind === 0) {
    lines.push('`show interface`');
    for (let port = 1; port <= 48; port++) {
      const packets = Math.floor(random() * 1e9);
      lines.push(
        `Ethernet1/${port} is up`,
        'admin state is up, Dedicated Interface',
        `  Hardware: 100000 Ethernet, address: 00de.fb${(port + 16).toString(16).padStart(2, '0')}.1a2b (bia 00de.fb00.1a2b)`,
        '  MTU 9216 bytes, BW 100000000 Kbit , DLY 10 usec',
        `  reliability 255/255, txload 1/255, rxload ${1 + (port % 9)}/255`,
        `    ${packets} unicast packets  ${Math.floor(packets / 97)} multicast packets  0 broadcast packets`,
        `    ${packets * 9} bytes`,
      );
    }
  } else if (kind === 1) {
    lines.push('`show processes cpu history`');
    for (let row = 0; row < 60; row++) lines.push(`  ${String(row).padStart(2)}  ${'#'.repeat(Math.floor(random() * 40))}`);
  } else if (kind === 2) {
    lines.push('`show system internal mts buffers summary`');
    for (let row = 0; row < 200; row++)
      lines.push(`sup    ${String(1000 + row).padEnd(6)} ${Math.floor(random() * 100).toString().padEnd(6)} 0      0      0`);
  } else {
    lines.push('`show logging logfile`');
    for (let row = 0; row < 150; row++) {
      const second = String(row % 60).padStart(2, '0');
      lines.push(`2024 Apr 17 0${row % 10}:1${row % 6}:${second} leaf-101 %ETHPORT-5-IF_UP: Interface Ethernet1/${1 + (row % 48)} is up in mode access`);
    }
  }
  return lines.join('\n') + '\n\n';
}

/** Write `sizeBytes` of show-tech to `path`, with `licensing` (text) inserted at 20 %, 50 % and 80 %. */
export function writeShowTech(path, sizeBytes, seed = 42, licensing = defaultLicensing()) {
  const random = mulberry32(seed);
  const fd = openSync(path, 'w');
  const inserts = [0.2, 0.5, 0.8].map((f) => Math.floor(sizeBytes * f));
  let written = 0;
  let index = 0;
  let buffer = '`show version`\nCisco Nexus Operating System (NX-OS) Software\n  NXOS: version 10.3(4a) [Maintenance Release]\nDevice name: leaf-101\n\n';
  while (written + buffer.length < sizeBytes) {
    if (inserts.length > 0 && written + buffer.length >= inserts[0]) {
      inserts.shift();
      buffer += licensing;
    }
    buffer += fillerSection(random, index++);
    if (buffer.length > 4 * 1024 * 1024) {
      written += writeSync(fd, buffer);
      buffer = '';
    }
  }
  written += writeSync(fd, buffer);
  closeSync(fd);
  return written;
}

/**
 * Inputs made to exhaust memory if what is kept were not bounded (README, "Big inputs"): `licensing-log`, a log of
 * nothing but licensing messages; `prompts`, a terminal session of one typed command after another; `config`, one
 * running-config after another, each longer than a command's budget.
 */
export function writePathological(path, kind, sizeBytes) {
  const fd = openSync(path, 'w');
  let written = 0;
  for (let block = 0; written < sizeBytes; block++) {
    const lines = [];
    if (kind === 'licensing-log') {
      if (block === 0) lines.push('`show logging logfile`');
      for (let i = 0; i < 10_000; i++) {
        const t = block * 10_000 + i;
        const stamp = `${String(Math.floor(t / 3600) % 24).padStart(2, '0')}:${String(Math.floor(t / 60) % 60).padStart(2, '0')}:${String(t % 60).padStart(2, '0')}`;
        lines.push(`2024 Apr 17 ${stamp} leaf-101 %LICMGR-3-LOG_SMART_LIC_COMM_FAILED: Communications failure with the Cisco Smart Software Manager (CSSM) : Unable to resolve server hostname/domain name`);
      }
    } else if (kind === 'prompts') {
      for (let i = 0; i < 10_000; i++) lines.push(`leaf-101# show interface ethernet1/${i % 48}`, `Ethernet1/${i % 48} is up`);
    } else if (kind === 'config') {
      lines.push('leaf-101# show running-config');
      for (let i = 0; i < 60_000; i++) lines.push(`interface Ethernet${block}/${i}`, `  description uplink ${i}`);
    } else {
      throw new Error(`unknown pathological input ${kind}`);
    }
    written += writeSync(fd, lines.join('\n') + '\n');
  }
  closeSync(fd);
  return written;
}

export function defaultLicensing() {
  for (const name of ['nxos-techsupport.txt', 'nxos-showtech-bundle.txt']) {
    try {
      const text = readFileSync(`${root}/captures/${name}`, 'utf8');
      // Re-head a terminal capture as show-tech sections when it was written with prompts.
      return text.replace(/^[\w.-]+# (show .+)$/gm, '`$1`') + '\n';
    } catch {
      // try the next one
    }
  }
  return [
    '`show license status`',
    'Smart Licensing Using Policy:',
    '  Status: ENABLED',
    '',
    'Transport:',
    '  Type: CSLU',
    '  Cslu address: cslu-local',
    '',
    '`show logging logfile | include LICMGR`',
    '2024 Apr 17 03:31:32 leaf-101 %LICMGR-3-LOG_SMART_LIC_COMM_FAILED: Communications failure with the Cisco Smart License Utility (CSLU) : Unable to resolve server hostname/domain name',
    '',
  ].join('\n');
}

const USAGE = `
usage: node scripts/gen-showtech.mjs OUT.txt SIZE_MB [SEED]
Writes a deterministic NX-OS show tech-support of SIZE_MB megabytes to OUT.txt: unrelated sections with the
licensing sections of a bundled capture buried inside. SEED (default 42) chooses the filler.`;

if (isMain(import.meta.url)) {
  const { positionals, fail } = scriptArgs(USAGE, {}, { positionals: 3 });
  const [out, sizeMb, seed = '42'] = positionals;
  if (out === undefined || sizeMb === undefined) fail('give OUT.txt and SIZE_MB');
  const bytes = writeShowTech(out, wholeNumber(sizeMb, 'SIZE_MB', fail, 1) * 1024 * 1024, wholeNumber(seed, 'SEED', fail));
  process.stdout.write(`${out}: ${(bytes / 1024 / 1024).toFixed(1)} MB\n`);
}
