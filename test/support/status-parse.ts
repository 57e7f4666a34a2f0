// Running the license-status parser alone on text, for the tests of its behaviour that the goldens (which run the
// whole reading pipeline on src/parsers/license-status/goldens/) do not show: source lines, odd input, fragments.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Fragment } from '../../src/parsers/fragment.js';
import { licenseStatusParser } from '../../src/parsers/license-status/index.js';
import { section } from '../fixtures/context/section.js';
import { PARSERS_DIR } from './goldens.js';

const GOLDEN_DIR = path.join(PARSERS_DIR, 'license-status', 'goldens');

export function parseStatus(text: string, command = 'show license status'): Fragment {
  return licenseStatusParser.parse(section(command, text));
}

/** The inputs beside the license-status goldens, each as its lines. */
export function goldenInputs(): { name: string; lines: string[] }[] {
  return readdirSync(GOLDEN_DIR)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => ({ name, lines: readFileSync(path.join(GOLDEN_DIR, name), 'utf8').split('\n') }));
}

export function scalar(fragment: Fragment, path: string): unknown {
  return fragment.scalars.get(path as never)?.value;
}

export function items(fragment: Fragment, path: string): unknown[] | undefined {
  return fragment.lists.get(path as never)?.items;
}
