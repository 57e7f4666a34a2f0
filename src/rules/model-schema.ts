// The shape of the DeviceModel as rule conditions see it, read from the model's schema (common/device.ts): load-time
// field checking, the CEL type environment and the evaluation context cannot drift from the model.
import { DeviceModel } from '../common/device.js';
import type { TSchema } from '../common/model/fields.js';
import { readField, type ValueType } from '../common/model/walk.js';

export type ScalarType = 'string' | 'int' | 'double' | 'bool';

/** The normalised shape the checker and the context builder walk. */
export type Shape =
  | { kind: 'scalar'; type: ScalarType; nullable: boolean }
  | { kind: 'list'; item: Shape }
  | { kind: 'object'; fields: ReadonlyMap<string, Shape>; nullable: boolean }
  /** A string-keyed dictionary whose keys are data, not model fields (event attrs, sources). */
  | { kind: 'map' };

const CEL_TYPES: Record<ValueType, ScalarType> = { string: 'string', integer: 'int', number: 'double', boolean: 'bool' };

function shapeOf(schema: TSchema, nullable = false): Shape {
  const field = readField(schema);
  switch (field.kind) {
    case 'nullable':
      return shapeOf(field.of, true);
    case 'list':
      return { kind: 'list', item: shapeOf(field.item) };
    case 'dictionary':
      return { kind: 'map' };
    case 'block':
      return { kind: 'object', fields: new Map(field.fields.map(([name, child]) => [name, shapeOf(child)])), nullable };
    case 'value':
      return { kind: 'scalar', type: CEL_TYPES[field.type], nullable };
  }
}

export const DEVICE_SHAPE = shapeOf(DeviceModel) as Extract<Shape, { kind: 'object' }>;

/** Variables every condition can use besides the model fields. */
export const EXTRA_VARIABLES: ReadonlyMap<string, Shape> = new Map([
  ['now', { kind: 'scalar', type: 'string', nullable: false } as Shape],
]);

/** Resolves a dotted model path (`transport.url`, `derived.communication`) to its shape, or null. */
export function shapeAt(path: string): Shape | null {
  let shape: Shape = DEVICE_SHAPE;
  for (const part of path.split('.')) {
    if (shape.kind !== 'object') return null;
    const next = shape.fields.get(part);
    if (!next) return null;
    shape = next;
  }
  return shape;
}

/** Field names that exist next to the last part of `path` (for "did you mean"). */
export function siblingNames(path: string): string[] {
  const parts = path.split('.');
  parts.pop();
  const parent = parts.length === 0 ? DEVICE_SHAPE : shapeAt(parts.join('.'));
  return parent?.kind === 'object' ? [...parent.fields.keys()] : [];
}

/** The CEL type to declare for a value of this shape. Nullable values are `dyn` so `x == null` type-checks. */
export function celType(shape: Shape): string {
  switch (shape.kind) {
    case 'scalar':
      return shape.nullable ? 'dyn' : shape.type;
    case 'list':
      return `list<${celType(shape.item)}>`;
    case 'object':
      return shape.nullable ? 'dyn' : 'map<string, dyn>';
    case 'map':
      return 'map<string, dyn>';
  }
}

export function describeShape(shape: Shape): string {
  switch (shape.kind) {
    case 'scalar':
      return shape.nullable ? `${shape.type} or null` : shape.type;
    case 'list':
      return `list of ${shape.item.kind === 'object' ? 'items' : describeShape(shape.item)}`;
    case 'object':
      return shape.nullable ? 'object or null' : 'object';
    case 'map':
      return 'map';
  }
}
