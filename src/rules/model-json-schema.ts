// The Model JSON contract (DESIGN.md "Model JSON") as a JSON Schema (draft 2020-12), generated from the model's
// schema (common/device.ts): its types, descriptions, enumerations, time and text patterns. What the contract adds
// here is the form: every field required, no other field allowed, null written into the type, and device text
// meaning "nothing" rejected where the parsers turn it into null. `npm run schema` writes it to
// schema/model.schema.json; a test holds the committed file to what this produces.
import { DeviceModel } from '../common/device.js';
import type { ContractOptions, TSchema } from '../common/model/fields.js';
import { readField, type Field } from '../common/model/walk.js';

/** Device text that means "nothing" (any case, blank around it), or an empty string: null in the model. */
const NOTHING = '^\\s*(<[Nn][Oo][Nn][Ee]>|<[Ee][Mm][Pp][Tt][Yy]>|[Nn][Oo][Nn][Ee]|[Nn][Oo][Tt] [Cc][Oo][Nn][Ff][Ii][Gg][Uu][Rr][Ee][Dd])?\\s*$';

/** What the contract says of a field beyond its type, by model path (`[]` marks the items of a list). */
const notes = new Map<string, string>();

/** The JSON Schema of what `slp-doctor parse --format json` prints. */
export function modelJsonSchema(): object {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: 'slp-doctor Model JSON',
    description:
      'What `slp-doctor parse --format json` prints (DESIGN.md "Model JSON"). Generated from the model schema (src/common/device.ts) by `npm run schema`; do not edit.',
    type: 'object',
    required: ['schemaVersion', 'devices'],
    additionalProperties: false,
    properties: {
      schemaVersion: { const: 1 },
      devices: { type: 'array', items: { $ref: '#/$defs/device' } },
    },
    $defs: {
      device: schemaOf(DeviceModel, ''),
      nothing: { type: 'string', pattern: NOTHING, description: 'device text meaning "nothing" (<none>, <empty>, None, Not Configured, ""): null instead' },
    },
  };
}

const described = (schema: object, ...texts: (string | undefined)[]): object => {
  const description = texts.filter((text) => text !== undefined).join('; ');
  return description === '' ? schema : { ...schema, description };
};

function schemaOf(schema: TSchema, path: string, nullable = false, description?: string): object {
  const field: Field = readField(schema);
  switch (field.kind) {
    case 'nullable':
      return schemaOf(field.of, path, true, field.description);
    case 'list':
      return described({ type: 'array', items: schemaOf(field.item, `${path}[]`) }, field.description);
    case 'dictionary':
      return described({ type: 'object', additionalProperties: schemaOf(field.value, `${path}{}`) }, field.description);
    case 'block': {
      const properties: Record<string, object> = {};
      for (const [name, child] of field.fields) properties[name] = schemaOf(child, path === '' ? name : `${path}.${name}`);
      const object = {
        type: nullable ? ['object', 'null'] : 'object',
        required: field.fields.map(([name]) => name),
        additionalProperties: false,
        properties,
      };
      return described(object, description, field.description);
    }
    case 'value': {
      const note = field.values ? `one of ${field.values.map((v) => `\`${v}\``).join(', ')}` : field.options.note;
      if (note !== undefined) notes.set(path, note);
      return described(valueSchema(field, nullable), description ?? field.options.description, field.options.note);
    }
  }
}

function valueSchema(field: Extract<Field, { kind: 'value' }>, nullable: boolean): object {
  if (field.values) return { enum: nullable ? [...field.values, null] : [...field.values] };
  const type = nullable ? [field.type, 'null'] : field.type;
  const { pattern, minimum, nothingIsNull }: ContractOptions = field.options;
  // Where null says "nothing", a string must not say it again.
  return {
    type,
    ...(pattern === undefined ? {} : { pattern }),
    ...(minimum === undefined ? {} : { minimum }),
    ...(nullable && nothingIsNull ? { not: { $ref: '#/$defs/nothing' } } : {}),
  };
}

/** What the contract says of a field beyond its type (its values, that it is a time), for the rule-format reference. */
export function fieldNote(path: string): string | null {
  if (notes.size === 0) modelJsonSchema();
  return notes.get(path) ?? null;
}

/** The schema as committed in schema/model.schema.json. */
export function modelJsonSchemaText(): string {
  return `${JSON.stringify(modelJsonSchema(), null, 2)}\n`;
}
