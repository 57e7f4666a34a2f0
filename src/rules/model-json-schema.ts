// The Model JSON contract (DESIGN.md "Model JSON") as a JSON Schema (draft 2020-12), generated from the model
// description the compiler checks against the TypeScript types (DEVICE_DESCRIPTION), plus what the types cannot say
// at run time: the members of each enumeration (checked against their union types below), which strings are times
// (ISO 8601 UTC), and that device text meaning "nothing" is null, never a string. `npm run schema` writes it to
// schema/model.schema.json; a test holds the committed file to what this produces.
import type {
  Destination,
  DestinationState,
  ExchangeFailure,
  HaRole,
  LicensingMode,
  Platform,
  PolicyCategory,
  ReachabilityTest,
  Topology,
  TransportType,
} from '../common/device.js';
import { DEVICE_SHAPE, type Shape } from './model-schema.js';

/** The members of a string union as a list: the compiler rejects a list that misses a member or adds one. */
const members =
  <T extends string>() =>
  <const A extends readonly T[]>(values: A & ([T] extends [A[number]] ? unknown : { missing: Exclude<T, A[number]> })): readonly string[] =>
    values;

const HA_ROLES = members<HaRole>()(['active', 'standby', 'member']);

/** Enumerations by model path (`[]` marks the items of a list). */
const ENUMS: Record<string, readonly string[]> = {
  platform: members<Platform>()(['nxos', 'iosxe', 'unknown']),
  licensing: members<LicensingMode>()(['slp', 'smart-licensing', 'traditional']),
  'transport.type': members<TransportType>()(['smart', 'cslu', 'callhome', 'off', 'automatic']),
  'haUdis[].role': HA_ROLES,
  'trustCode.udis[].role': HA_ROLES,
  'authorizations[].role': HA_ROLES,
  'policy.attributes[].category': members<PolicyCategory>()([
    'unenforced',
    'unenforced-perpetual',
    'unenforced-subscription',
    'enforced',
    'export',
  ]),
  'reachability[].result': members<ReachabilityTest['result']>()(['success', 'failure', 'unresolved', 'unknown']),
  'derived.topology': members<Topology>()(['cslu', 'cslu-disconnected', 'direct-smart', 'direct-callhome', 'onprem', 'onprem-disconnected', 'offline', 'unknown']),
  'derived.communication[].destination': members<Destination>()(['cssm', 'cslu', 'onprem', 'callhome', 'unknown']),
  'derived.communication[].state': members<DestinationState['state']>()(['failing', 'restored', 'flapping', 'ok']),
  'derived.failingExchanges[].failure': members<ExchangeFailure>()(['no-answer', 'rejected', 'not-sent', 'unknown']),
};

/** Every time in the model: ISO 8601 UTC, with or without milliseconds. */
const TIMES = [
  'captureTime',
  'licenseConversion.lastDataPush',
  'licenseConversion.lastFileExport',
  'authorizations[].installedAt',
  'policy.installedAt',
  'usageReporting.lastAckReceived',
  'usageReporting.nextAckDeadline',
  'usageReporting.nextAckPushCheck',
  'usageReporting.nextReportPush',
  'usageReporting.lastReportPush',
  'usageReporting.lastReportFileWrite',
  'trustCode.installedAt',
  'trustCode.udis[].installedAt',
  'trustCode.udis[].validFrom',
  'trustCode.udis[].expiresAt',
  'communication[].lastSuccessTime',
  'communication[].lastFailureTime',
  'syslog[].time',
  'events[].time',
  'history[].time',
  'trustpool.certificates[].validUntil',
  'derived.communication[].firstFailure',
  'derived.communication[].lastFailure',
  'derived.communication[].lastRestore',
  'derived.failingExchanges[].lastFailureTime',
];

const ISO_UTC = '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{3})?Z$';
const KEBAB_CASE = '^[a-z0-9]+(-[a-z0-9]+)*$';

/** Other string shapes the contract promises, by model path. */
const PATTERNS: Record<string, { pattern: string; description: string }> = {
  'communication[].kind': { pattern: KEBAB_CASE, description: 'kebab-case of the heading' },
  'derived.failingExchanges[].kind': { pattern: KEBAB_CASE, description: 'kebab-case of the heading' },
  'history[].kind': { pattern: KEBAB_CASE, description: 'kebab-case of the heading' },
  'rumReports[].state': { pattern: '^[^a-z]*$', description: 'as printed, upper-cased' },
  'licenses[].status': { pattern: '^(?!.*\\(\\d+\\)\\s*$)', description: 'trailing "(15)"-style codes dropped' },
};

/** The values of a dictionary, by model path (other dictionaries hold any JSON). */
const MAP_VALUES: Record<string, object> = {
  'events[].attrs': { type: 'string' },
  sources: {
    type: 'object',
    required: ['file', 'line'],
    additionalProperties: false,
    properties: { file: { type: 'string' }, line: { type: 'integer', minimum: 0 } },
  },
};

/** Fields where a word that usually means "nothing" is a value: `No time source` is the time source `none`. */
const NOTHING_ALLOWED = ['clock.timeSource'];

/** Device text that means "nothing" (any case, blank around it), or an empty string: null in the model. */
const NOTHING = '^\\s*(<[Nn][Oo][Nn][Ee]>|<[Ee][Mm][Pp][Tt][Yy]>|[Nn][Oo][Nn][Ee]|[Nn][Oo][Tt] [Cc][Oo][Nn][Ff][Ii][Gg][Uu][Rr][Ee][Dd])?\\s*$';

const SCALAR_TYPES = { string: 'string', int: 'integer', double: 'number', bool: 'boolean' } as const;

/** The JSON Schema of what `slp-doctor parse --format json` prints. */
export function modelJsonSchema(): object {
  const used = new Set<string>();
  const device = schemaOf(DEVICE_SHAPE, '', used);
  const annotated = [...Object.keys(ENUMS), ...TIMES, ...Object.keys(PATTERNS), ...Object.keys(MAP_VALUES), ...NOTHING_ALLOWED];
  const unknown = annotated.filter((path) => !used.has(path));
  if (unknown.length > 0) throw new Error(`model-json-schema: no such model field: ${unknown.join(', ')}`);
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: 'slp-doctor Model JSON',
    description:
      'What `slp-doctor parse --format json` prints (DESIGN.md "Model JSON"). Generated from src/rules/model-json-schema.ts by `npm run schema`; do not edit.',
    type: 'object',
    required: ['schemaVersion', 'devices'],
    additionalProperties: false,
    properties: {
      schemaVersion: { const: 1 },
      devices: { type: 'array', items: { $ref: '#/$defs/device' } },
    },
    $defs: {
      device,
      nothing: { type: 'string', pattern: NOTHING, description: 'device text meaning "nothing" (<none>, <empty>, None, Not Configured, ""): null instead' },
    },
  };
}

function schemaOf(shape: Shape, path: string, used: Set<string>): object {
  used.add(path);
  switch (shape.kind) {
    case 'list':
      return { type: 'array', items: schemaOf(shape.item, `${path}[]`, used) };
    case 'map':
      return { type: 'object', additionalProperties: MAP_VALUES[path] ?? true };
    case 'object': {
      const properties: Record<string, object> = {};
      for (const [name, field] of shape.fields) properties[name] = schemaOf(field, path === '' ? name : `${path}.${name}`, used);
      return {
        type: shape.nullable ? ['object', 'null'] : 'object',
        required: [...shape.fields.keys()],
        additionalProperties: false,
        properties,
      };
    }
    case 'scalar':
      return scalarSchema(shape, path);
  }
}

function scalarSchema(shape: Extract<Shape, { kind: 'scalar' }>, path: string): object {
  const nullable = shape.nullable;
  const values = ENUMS[path];
  if (values) return { enum: nullable ? [...values, null] : [...values] };
  const type = nullable ? [SCALAR_TYPES[shape.type], 'null'] : SCALAR_TYPES[shape.type];
  if (shape.type !== 'string') return { type };
  if (TIMES.includes(path)) return { type, pattern: ISO_UTC, description: 'ISO 8601 UTC' };
  // Where null says "nothing", a string must not say it again.
  const notNothing = nullable && !NOTHING_ALLOWED.includes(path) ? { not: { $ref: '#/$defs/nothing' } } : {};
  return { type, ...PATTERNS[path], ...notNothing };
}

/** What the contract says of a field beyond its type (its values, that it is a time), for the rule-format reference. */
export function fieldNote(path: string): string | null {
  const values = ENUMS[path];
  if (values) return `one of ${values.map((v) => `\`${v}\``).join(', ')}`;
  if (TIMES.includes(path)) return 'ISO 8601 UTC time';
  return PATTERNS[path]?.description ?? null;
}

/** The schema as committed in schema/model.schema.json. */
export function modelJsonSchemaText(): string {
  return `${JSON.stringify(modelJsonSchema(), null, 2)}\n`;
}
