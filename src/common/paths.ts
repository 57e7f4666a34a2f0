// Names of the model fields a parser can fill. Scalars are addressed by dotted path and keep a source line each;
// lists are filled item by item. The model builder checks and merges them (model/build.ts).
import type { BUILT_BY_MODEL, DeviceModel } from './device.js';

/** The fields parsers fill: the model less what the builder makes itself. */
type ParsedFields = Omit<DeviceModel, (typeof BUILT_BY_MODEL)[number]>;

type OneValue = string | number | boolean;

/** Dotted paths to the fields that hold one value, through blocks (null or not), never into lists or dictionaries. */
type ScalarPaths<T, Prefix extends string = ''> = {
  [K in keyof T & string]: NonNullable<T[K]> extends readonly unknown[]
    ? never
    : NonNullable<T[K]> extends OneValue
      ? `${Prefix}${K}`
      : string extends keyof NonNullable<T[K]>
        ? never
        : ScalarPaths<NonNullable<T[K]>, `${Prefix}${K}.`>;
}[keyof T & string];

/** `[path, item type]` of every list outside a list, through blocks. */
type ListEntries<T, Prefix extends string = ''> = {
  [K in keyof T & string]: NonNullable<T[K]> extends readonly (infer Item)[]
    ? [`${Prefix}${K}`, Item]
    : NonNullable<T[K]> extends OneValue
      ? never
      : string extends keyof NonNullable<T[K]>
        ? never
        : ListEntries<NonNullable<T[K]>, `${Prefix}${K}.`>;
}[keyof T & string];

/** A field a parser sets with one value (`transport.url`); the builder keeps its source line. */
export type ScalarPath = ScalarPaths<ParsedFields>;

/** The item type of every list a parser can add to, by path (`trustCode.udis`). */
export type ListItems = { [Entry in ListEntries<ParsedFields> as Entry[0]]: Entry[1] };

export type ListPath = keyof ListItems;

/**
 * Lists that are logs: every section adds to them and the builder concatenates (dropping exact repeats of the
 * same file and line). The other lists (but NAME_LISTS) describe state: the most specific section that has the list
 * wins.
 */
export const LOG_LISTS: readonly ListPath[] = ['syslog', 'events', 'history', 'reachability', 'messages'];

/** Lists of names the device goes by: every section's names count, each kept once, in the order first given. */
export const NAME_LISTS: readonly ListPath[] = ['aliases'];

/**
 * Blocks of fields one output block prints together (`Transport:`, `Usage Reporting:`, `Trust Code Installed:`, …):
 * of several files, the newest that shows a block gives all of it, so an old capture's `Cslu address:` does not
 * survive next to a newer `Type: Smart`. Fields outside these blocks (configuration, clock, versions) come one by one.
 */
export const STATE_BLOCKS: readonly string[] = [
  'account',
  'transport',
  'policy',
  'usageReporting',
  'trustCode',
  'usageReportSummary',
  'licenseConversion',
  'dataPrivacy',
  'deviceTelemetry',
  'productAnalytics',
  'legacy',
] satisfies readonly (keyof DeviceModel)[];
