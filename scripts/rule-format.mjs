#!/usr/bin/env node
// Writes the generated blocks of docs/RULE-FORMAT.md (the functions a rule can call, the model fields it reads) from
// the built code (src/rules/format-reference.ts). Run after changing a function or the model: `npm run schema` (it
// builds first); a test fails while the committed page differs from what the code gives.
//   node scripts/rule-format.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { scriptArgs } from './args.mjs';

scriptArgs(`usage: node scripts/rule-format.mjs
  writes the generated blocks of docs/RULE-FORMAT.md from dist/ (run \`npm run build\` first, or \`npm run schema\`)`);

const target = fileURLToPath(new URL('../docs/RULE-FORMAT.md', import.meta.url));
const { withGeneratedBlocks } = await import('../dist/rules/format-reference.js');
writeFileSync(target, withGeneratedBlocks(readFileSync(target, 'utf8')));
process.stdout.write(`wrote ${target}\n`);
