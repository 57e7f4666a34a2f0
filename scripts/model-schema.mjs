#!/usr/bin/env node
// Writes schema/model.schema.json, the Model JSON contract as a JSON Schema, from the built model schema
// (src/common/device.ts, walked by src/rules/model-json-schema.ts). Run after changing the model: `npm run schema`
// (it builds first); a test fails while the committed file differs from what the model gives.
//   node scripts/model-schema.mjs
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { scriptArgs } from './args.mjs';

scriptArgs(`usage: node scripts/model-schema.mjs
  writes schema/model.schema.json from dist/ (run \`npm run build\` first, or \`npm run schema\`)`);

const target = fileURLToPath(new URL('../schema/model.schema.json', import.meta.url));
const { modelJsonSchemaText } = await import('../dist/rules/model-json-schema.js');
writeFileSync(target, modelJsonSchemaText());
process.stdout.write(`wrote ${target}\n`);
