// The generated parts of docs/RULE-FORMAT.md: the functions and methods a rule can call (cel-functions.ts) and the
// model fields a condition reads (model-schema.ts, with what the Model JSON contract says of each). `npm run schema`
// writes them into the page (scripts/rule-format.mjs); a test fails while the committed page differs, so the
// reference cannot drift from what lint checks and the engine runs.
import { CEL_FUNCTIONS, CEL_METHODS, SLP_FUNCTIONS, callForm, type CelFunction } from './cel-functions.js';
import { fieldNote } from './model-json-schema.js';
import { DEVICE_SHAPE, EXTRA_VARIABLES, describeShape, type Shape } from './model-schema.js';

const cell = (text: string): string => text.replace(/\|/g, '\\|');

function functionRows(entries: readonly CelFunction[]): string[] {
  return [
    '| call | what it gives | example |',
    '| --- | --- | --- |',
    ...entries.map((entry) => `| \`${callForm(entry)}\` | ${cell(entry.doc)} | \`${cell(entry.example)}\` |`),
  ];
}

export function functionsReference(): string {
  return [
    '### Functions slp-doctor adds',
    '',
    ...functionRows(SLP_FUNCTIONS),
    '',
    "### CEL's own functions",
    '',
    ...functionRows(CEL_FUNCTIONS),
    '',
    '### Methods',
    '',
    ...functionRows(CEL_METHODS),
  ].join('\n');
}

function typeOf(shape: Shape, path: string): string {
  if (shape.kind === 'list') return shape.item.kind === 'object' ? `list of items (\`${path}[].…\`)` : `list of ${describeShape(shape.item)}`;
  if (shape.kind === 'object') return shape.nullable ? 'object or null' : 'object';
  return describeShape(shape);
}

function fieldRows(shape: Shape, path: string, rows: string[]): void {
  // An item of a list of objects has no row of its own: its fields do.
  if (path !== '' && !path.endsWith('[]')) {
    const note = fieldNote(path);
    rows.push(`| \`${path}\` | ${typeOf(shape, path)} | ${note ? cell(note) : ''} |`);
  }
  if (shape.kind === 'list' && shape.item.kind === 'object') fieldRows(shape.item, `${path}[]`, rows);
  if (shape.kind === 'object') for (const [name, field] of shape.fields) fieldRows(field, path === '' ? name : `${path}.${name}`, rows);
}

export function modelFieldsReference(): string {
  const rows = ['| field | type | values |', '| --- | --- | --- |'];
  fieldRows(DEVICE_SHAPE, '', rows);
  for (const [name, shape] of EXTRA_VARIABLES) rows.push(`| \`${name}\` | ${typeOf(shape, name)} | the capture time, or \`--now\` (ISO 8601 UTC); null when neither is known |`);
  return rows.join('\n');
}

const BLOCKS: Record<string, () => string> = { functions: functionsReference, 'model-fields': modelFieldsReference };

/** The page with every `<!-- generated:NAME -->…<!-- end generated:NAME -->` block filled from the code. */
export function withGeneratedBlocks(page: string): string {
  let out = page;
  for (const [name, generate] of Object.entries(BLOCKS)) {
    const start = `<!-- generated:${name} (npm run schema writes this; do not edit) -->`;
    const end = `<!-- end generated:${name} -->`;
    const from = out.indexOf(start);
    const to = out.indexOf(end);
    if (from < 0 || to < from) throw new Error(`the page has no block "${start}" … "${end}"`);
    out = `${out.slice(0, from + start.length)}\n\n${generate()}\n\n${out.slice(to)}`;
  }
  return out;
}
