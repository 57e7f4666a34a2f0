// Reading the model's schemas at run time: what kind of field a schema node is. The empty model, the CEL type
// environment and the Model JSON Schema each walk the device schema through this one reading.
import type { ContractOptions, TSchema } from './fields.js';

export type ValueType = 'string' | 'integer' | 'number' | 'boolean';

export type Field =
  /** May be null; `of` is the schema of the value when there is one. */
  | { kind: 'nullable'; of: TSchema; description?: string }
  | { kind: 'block'; fields: readonly (readonly [string, TSchema])[]; description?: string }
  | { kind: 'list'; item: TSchema; description?: string }
  /** Keys are data, not model fields. */
  | { kind: 'dictionary'; value: TSchema; description?: string }
  | { kind: 'value'; type: ValueType; values?: readonly string[]; options: ContractOptions };

const fieldCache = new WeakMap<TSchema, Field>();

export function readField(schema: TSchema): Field {
  let field = fieldCache.get(schema);
  if (!field) {
    field = classify(schema);
    fieldCache.set(schema, field);
  }
  return field;
}

function classify(schema: TSchema): Field {
  const description = schema.description as string | undefined;
  const described = description === undefined ? {} : { description };
  if (Array.isArray(schema.anyOf)) {
    const members = schema.anyOf as TSchema[];
    const of = members.find((member) => member.type !== 'null');
    if (members.length !== 2 || !of) throw new Error(`model schema: a union other than "value or null": ${JSON.stringify(schema)}`);
    return { kind: 'nullable', of, ...described };
  }
  switch (schema.type) {
    case 'array':
      return { kind: 'list', item: schema.items as TSchema, ...described };
    case 'object': {
      const patterns = schema.patternProperties as Record<string, TSchema> | undefined;
      if (patterns) return { kind: 'dictionary', value: Object.values(patterns)[0]!, ...described };
      return { kind: 'block', fields: Object.entries(schema.properties as Record<string, TSchema>), ...described };
    }
    case 'string':
    case 'integer':
    case 'number':
    case 'boolean': {
      const values = schema.enum as readonly string[] | undefined;
      return { kind: 'value', type: schema.type, ...(values ? { values } : {}), options: schema as ContractOptions };
    }
  }
  throw new Error(`model schema: a kind of field the model does not use: ${JSON.stringify(schema)}`);
}

