// The evaluation context of one device: the model's fields as CEL sees them (integers as BigInt, doubles as
// numbers, only the fields the shape declares), built once per device and reused by every rule.
import type { DeviceModel } from '../common/device.js';
import { DEVICE_SHAPE, type Shape } from './model-schema.js';

function convert(value: unknown, shape: Shape): unknown {
  if (value === null || value === undefined) return null;
  switch (shape.kind) {
    case 'scalar':
      if (shape.type === 'int' && typeof value === 'number') return Number.isSafeInteger(value) ? BigInt(value) : value;
      return value;
    case 'list':
      return Array.isArray(value) ? value.map((item) => convert(item, shape.item)) : [];
    case 'object': {
      if (typeof value !== 'object') return null;
      const source = value as Record<string, unknown>;
      const out: Record<string, unknown> = {};
      for (const [name, field] of shape.fields) out[name] = convert(source[name], field);
      return out;
    }
    case 'map':
      return convertLoose(value);
  }
}

/** Dictionaries (event attrs, sources) have no declared shape: integers become ints, the rest stays. */
function convertLoose(value: unknown): unknown {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? BigInt(value) : value;
  if (Array.isArray(value)) return value.map(convertLoose);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = convertLoose(item);
    return out;
  }
  return value;
}

const MODEL = Symbol('model');
const FIELDS = Symbol('fields');
const CONVERTED = Symbol('converted');

/** A device's context whose fields are converted on first read (the getters live on the prototype, made once). */
class LazyContext {
  readonly [CONVERTED]: Record<string, unknown> = {};
  readonly [MODEL]: Record<string, unknown>;
  readonly [FIELDS]: ReadonlySet<string>;
  constructor(
    model: Record<string, unknown>,
    fields: ReadonlySet<string>,
    readonly now: string | null,
  ) {
    this[MODEL] = model;
    this[FIELDS] = fields;
  }
}

for (const [name, shape] of DEVICE_SHAPE.fields) {
  Object.defineProperty(LazyContext.prototype, name, {
    enumerable: true,
    // `this` may be an object made with the context as prototype (evidence `where` scopes): it shares the cache.
    get(this: LazyContext): unknown {
      if (!this[FIELDS].has(name)) return null;
      const converted = this[CONVERTED];
      if (!(name in converted)) converted[name] = convert(this[MODEL][name], shape);
      return converted[name];
    },
  });
}

/**
 * `fields` limits the context to the model's top-level fields a rule pack reads (see `packFields`), each converted
 * the first time a rule reads it: most rules are settled by their guard (guard.ts) and never read the context.
 */
export function buildContext(device: DeviceModel, now: string | null, fields?: ReadonlySet<string>): Record<string, unknown> {
  if (fields) return new LazyContext(device as unknown as Record<string, unknown>, fields, now) as unknown as Record<string, unknown>;
  const context = convert(device, DEVICE_SHAPE) as Record<string, unknown>;
  context.now = now;
  return context;
}

/** The converted items of a model list (dotted path), for `where` predicates. */
export function listItems(context: Record<string, unknown>, path: string): unknown[] {
  let value: unknown = context;
  for (const part of path.split('.')) {
    if (!value || typeof value !== 'object') return [];
    value = (value as Record<string, unknown>)[part];
  }
  return Array.isArray(value) ? value : [];
}
