// The model before anything is read, made from the model's schema (common/device.ts): null where a value may be
// null, empty lists and dictionaries, and each never-null value's `default`. Keys come in schema order, which is
// the key order of `parse --format json`.
import { DeviceModel } from '../common/device.js';
import type { TSchema } from '../common/model/fields.js';
import { readField } from '../common/model/walk.js';

type Make = () => unknown;

/** A function that makes the empty value of `schema` afresh each call (no two devices share a list). */
function maker(schema: TSchema, path: string): Make {
  const field = readField(schema);
  switch (field.kind) {
    case 'nullable':
      return () => null;
    case 'list':
      return () => [];
    case 'dictionary':
      return () => ({});
    case 'block': {
      const makers = field.fields.map(([name, child]) => [name, maker(child, path === '' ? name : `${path}.${name}`)] as const);
      return () => {
        const out: Record<string, unknown> = {};
        for (const [name, make] of makers) out[name] = make();
        return out;
      };
    }
    case 'value': {
      if (!('default' in field.options)) {
        throw new Error(`model schema: ${path} is never null but has no default: give it one, or make it nullable`);
      }
      const value = field.options.default;
      return () => value;
    }
  }
}

/**
 * Blocks that are null until a value under them is known (`legacy`, `config.callHome`), by path, each with the
 * maker of its empty block. Lists are not entered: their items come whole from the parsers.
 */
function lazyBlocks(schema: TSchema, path: string, out: Map<string, () => object>): Map<string, () => object> {
  const field = readField(schema);
  if (field.kind === 'nullable') {
    if (readField(field.of).kind !== 'block') return out;
    out.set(path, maker(field.of, path) as () => object);
    return lazyBlocks(field.of, path, out);
  }
  if (field.kind === 'block') for (const [name, child] of field.fields) lazyBlocks(child, path === '' ? name : `${path}.${name}`, out);
  return out;
}

/** The maker of the empty value of any model schema (a block, a list, …). */
export const emptyOf = (schema: TSchema): Make => maker(schema, '');

const makeDevice = maker(DeviceModel, '') as () => DeviceModel;

/** A device with every field present and unknown: the merge target, and the base of test fixtures. */
export function emptyDevice(): DeviceModel {
  return makeDevice();
}

/** The blocks the model builder creates when a parser first sets a field under them. */
export const LAZY_BLOCKS: ReadonlyMap<string, () => object> = lazyBlocks(DeviceModel, '', new Map());
