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

/**
 * `fields` limits the context to the model's top-level fields a rule pack reads (see `packFields`), each converted
 * the first time a rule reads it: most rules are settled by their guard (guard.ts) and never read the context.
 */
export function buildContext(device: DeviceModel, now: string | null, fields?: ReadonlySet<string>): Record<string, unknown> {
  if (!fields) {
    const context = convert(device, DEVICE_SHAPE) as Record<string, unknown>;
    context.now = now;
    return context;
  }
  const context: Record<string, unknown> = { now };
  const source = device as unknown as Record<string, unknown>;
  for (const [name, shape] of DEVICE_SHAPE.fields) {
    if (!fields.has(name)) {
      context[name] = null;
      continue;
    }
    Object.defineProperty(context, name, {
      configurable: true,
      enumerable: true,
      get() {
        const value = convert(source[name], shape);
        Object.defineProperty(context, name, { value, writable: true, enumerable: true, configurable: true });
        return value;
      },
    });
  }
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
