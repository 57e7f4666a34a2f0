// The words the device model is written in. Each builds a TypeBox schema: a JSON Schema object that TypeScript also
// reads as a type (`Static<typeof schema>`), so the one definition gives both the compile-time types and, walked at
// run time, the empty model, the paths parsers may fill, the CEL type environment and the Model JSON Schema.
//
// Unknown or absent values are null, so the short names are the nullable ones (`text`, `count`, `flag`, `time`);
// `known.*` are values that always exist and say what they are before anything is read (`default`).
import {
  Kind,
  Array as ArrayOf,
  Boolean as BooleanType,
  Integer,
  Null,
  Number as NumberType,
  Object as ObjectOf,
  Record as RecordOf,
  String as StringType,
  Union,
  Unsafe,
  type Static,
  type TArray,
  type TBoolean,
  type TInteger,
  type TNull,
  type TNumber,
  type TProperties,
  type TRecord,
  type TSchema,
  type TString,
  type TUnsafe,
} from '@sinclair/typebox';

export type { Static, TSchema };

/**
 * What the Model JSON contract says of a value beyond its type, kept beside the schema keywords: `note` is shown in
 * the rule-format reference, `nothingIsNull` marks device text whose "nothing" words (`<none>`, `Not Configured`)
 * the parsers turn into null, so the contract can forbid them as strings.
 */
export interface ContractOptions {
  description?: string;
  default?: unknown;
  pattern?: string;
  minimum?: number;
  note?: string;
  nothingIsNull?: boolean;
}

/** A schema whose TypeScript type is the named interface `T` (hovers and errors then say `Udi`, not its fields). */
export type Named<T> = TUnsafe<T>;

/**
 * `S` or null (a JSON Schema `anyOf` of the two). This and TBlock are lighter types than TypeBox's own TUnion and
 * TObject (which also work out a `required` tuple): the model needs only the static type, and type-checks in a
 * third of the work.
 */
export interface Nullable<S extends TSchema> extends TSchema {
  [Kind]: 'Union';
  anyOf: [S, TNull];
  static: Static<S, this['params']> | null;
}

const options = (description: string | undefined, more: ContractOptions = {}): ContractOptions =>
  description === undefined ? more : { description, ...more };

/** A value that may be null: the capture did not show it, or showed it as "none". */
export function nullable<S extends TSchema>(schema: S, description?: string): Nullable<S> {
  return Union([schema, Null()], options(description)) as unknown as Nullable<S>;
}

const ISO_UTC = '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{3})?Z$';
const KEBAB_CASE = '^[a-z0-9]+(-[a-z0-9]+)*$';

/** Device text; null when not shown or when the device prints a word meaning "nothing" (`<none>`, `<empty>`). */
export const text = (description?: string, more: ContractOptions = {}): Nullable<TString> =>
  nullable(StringType({ nothingIsNull: true, ...more }), description);

/** Device text where a word like `none` is itself a value (`No time source` is the time source `none`). */
export const asPrinted = (description?: string): Nullable<TString> => nullable(StringType(), description);

/** A whole number as printed (days, counts, a port). */
export const count = (description?: string): Nullable<TInteger> => nullable(Integer(), description);

/** A number that may have a fraction (days computed from times). */
export const decimal = (description?: string): Nullable<TNumber> => nullable(NumberType(), description);

export const flag = (description?: string): Nullable<TBoolean> => nullable(BooleanType(), description);

/** A time, ISO 8601 UTC (`2024-04-20T09:00:00Z`, or with milliseconds). */
export const time = (description?: string): Nullable<TString> =>
  nullable(StringType({ pattern: ISO_UTC, note: 'ISO 8601 UTC time' }), description);

/** Values that are never null: each says what it is before the capture is read (`default`), unless inside a list item. */
export const known = {
  text: (description?: string, more: ContractOptions = {}): TString => StringType(options(description, more)),
  /** A heading kept as a kind: kebab-case (`usage-reporting`). */
  kind: (description?: string): TString => StringType(options(description, { pattern: KEBAB_CASE, note: 'kebab-case of the heading' })),
  integer: (description?: string, more: ContractOptions = {}): TInteger => Integer(options(description, more)),
  number: (description?: string): TNumber => NumberType(options(description)),
  flag: (description?: string, fallback?: boolean): TBoolean => BooleanType(options(description, fallback === undefined ? {} : { default: fallback })),
};

/** A closed, lower-case enumeration; its TypeScript type is the union of the values. */
export function oneOf<const V extends readonly string[]>(values: V, description?: string, fallback?: V[number]): TUnsafe<V[number]> {
  return Unsafe<V[number]>({ type: 'string', enum: [...values], ...options(description, fallback === undefined ? {} : { default: fallback }) });
}

/** A block of fields printed together; every field is always present (null when unknown). See Nullable. */
export interface TBlock<P extends TProperties> extends TSchema {
  [Kind]: 'Object';
  type: 'object';
  properties: P;
  static: { -readonly [K in keyof P]: Static<P[K], this['params']> };
}

export const block = <P extends TProperties>(properties: P, description?: string): TBlock<P> =>
  ObjectOf(properties, options(description)) as unknown as TBlock<P>;

export const list = <S extends TSchema>(item: S, description?: string): TArray<S> => ArrayOf(item, options(description));

/** A dictionary whose keys are data, not model fields (event attributes, sources by path). */
export const dictionary = <S extends TSchema>(value: S, description?: string): TRecord<TString, S> =>
  RecordOf(StringType(), value, options(description)) as TRecord<TString, S>;

/** The schema as the named type `T`, declared on the line before as `interface T extends Static<typeof schema>` (see Named). */
export const named = <T>(schema: TSchema): Named<T> => schema as Named<T>;
