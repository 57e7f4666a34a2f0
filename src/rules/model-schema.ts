// The shape of the DeviceModel as rule conditions see it, written once. The literal below is checked against the
// TypeScript types in common/device.ts by `Describe<DeviceModel>`: a field added to or removed from the model
// without updating this file is a compile error, so load-time field checking cannot drift from the model.
import type { DeviceModel } from '../common/device.js';

type ScalarName<T, N extends boolean> = [T] extends [string]
  ? N extends true ? 'string?' : 'string'
  : [T] extends [number]
    ? N extends true ? 'int?' | 'double?' : 'int' | 'double'
    : [T] extends [boolean]
      ? N extends true ? 'bool?' : 'bool'
      : never;

type DescribeNonNull<T, N extends boolean> = [T] extends [readonly (infer I)[]]
  ? { list: Describe<I> }
  : [T] extends [string | number | boolean]
    ? ScalarName<T, N>
    : string extends keyof T
      ? 'map'
      : N extends true
        ? { nullable: { [K in keyof T]-?: Describe<T[K]> } }
        : { [K in keyof T]-?: Describe<T[K]> };

/** The description notation of one field: `'string?'` is a nullable string, `{ list: … }` a list, `'map'` a dictionary. */
export type Describe<T> = null extends T ? DescribeNonNull<NonNullable<T>, true> : DescribeNonNull<T, false>;

const udi = { pid: 'string?', sn: 'string?' } as const;
const reportChannel = { available: 'bool?', dataChannel: 'string?', reportsOnDisk: 'int?', notAvailableReason: 'string?' } as const;

export const DEVICE_DESCRIPTION: Describe<DeviceModel> = {
  hostname: 'string?',
  aliases: { list: 'string' },
  platform: 'string',
  captureTime: 'string?',
  captureTimeSource: 'string?',
  softwareVersion: 'string?',
  agentVersion: 'string?',
  udi,
  haUdis: { list: { ...udi, role: 'string' } },
  slpEnabled: 'bool?',
  licensing: 'string?',
  reportingMode: 'string?',
  utilityEnabled: 'bool?',
  licenseConversion: {
    nullable: { automaticConversionEnabled: 'bool?', status: 'string?', lastDataPush: 'string?', lastFileExport: 'string?' },
  },
  exportAuthorizedFeatures: { list: 'string' },
  authorizations: {
    list: { ...udi, role: 'string?', status: 'string?', installed: 'bool?', installedAt: 'string?', confirmationCode: 'string?' },
  },
  dataPrivacy: {
    sendingHostname: 'bool?',
    callhomeHostnamePrivacy: 'bool?',
    smartLicensingHostnamePrivacy: 'bool?',
    versionPrivacy: 'bool?',
  },
  clock: { timeSource: 'string?', authoritative: 'bool?', ntpSynchronized: 'bool?' },
  deviceTelemetry: { nullable: reportChannel },
  productAnalytics: { nullable: reportChannel },
  legacy: { nullable: { registrationStatus: 'string?', authorizationStatus: 'string?', evalMode: 'bool' } },
  account: { smartAccount: 'string?', virtualAccount: 'string?' },
  transport: {
    type: 'string?',
    url: 'string?',
    csluAddress: 'string?',
    proxy: { address: 'string?', port: 'int?', username: 'string?', passwordSet: 'bool?' },
    vrf: 'string?',
    sourceInterface: 'string?',
    ipMode: 'string?',
    trustPoint: 'string?',
    serverIdentityCheck: 'bool?',
    onPremTenant: 'string?',
  },
  policy: {
    inUse: 'string?',
    name: 'string?',
    installedAt: 'string?',
    reportingAckRequired: 'bool?',
    attributes: {
      list: {
        category: 'string',
        firstReportDays: 'int?',
        reportingFrequencyDays: 'int?',
        reportOnChangeDays: 'int?',
        source: 'string?',
      },
    },
  },
  usageReporting: {
    lastAckReceived: 'string?',
    nextAckDeadline: 'string?',
    reportingPushIntervalDays: 'int?',
    nextAckPushCheck: 'string?',
    nextReportPush: 'string?',
    lastReportPush: 'string?',
    lastReportFileWrite: 'string?',
    reportingPushState: 'int?',
    reportingPushInPolicy: 'int?',
  },
  trustCode: {
    installedAt: 'string?',
    installed: 'bool?',
    type: 'string?',
    overallTrust: 'string?',
    communicationLevelAllowed: 'string?',
    overallState: 'string?',
    udis: {
      list: {
        ...udi,
        role: 'string?',
        installedAt: 'string?',
        installed: 'bool?',
        validFrom: 'string?',
        expiresAt: 'string?',
        type: 'string?',
      },
    },
  },
  licenses: {
    list: {
      name: 'string?',
      entitlementTag: 'string?',
      description: 'string?',
      count: 'int?',
      status: 'string?',
      enforcementType: 'string?',
      licenseType: 'string?',
    },
  },
  rumReports: { list: { id: 'int', state: 'string', flag: 'string?', featureName: 'string?' } },
  usageReportSummary: {
    nullable: {
      total: 'int?',
      purged: 'int?',
      ackReceived: 'int?',
      waitingForAck: 'int?',
      availableToReport: 'int?',
      collectingData: 'int?',
      inStorage: 'int?',
      mia: 'int?',
      purgedBracketed: 'int?',
      waitingForAckBracketed: 'int?',
      miaBracketed: 'int?',
      maximumDisplay: 'int?',
      reportModuleStatus: 'string?',
    },
  },
  communication: {
    list: {
      kind: 'string',
      total: 'int?',
      success: 'int?',
      fail: 'int?',
      ongoingFailure: 'int?',
      ongoingCommunicationFailure: 'int?',
      lastResponse: 'string?',
      failureReason: 'string?',
      lastSuccessTime: 'string?',
      lastFailureTime: 'string?',
    },
  },
  syslog: {
    list: {
      time: 'string?',
      host: 'string?',
      facility: 'string',
      severity: 'int',
      mnemonic: 'string',
      text: 'string',
      line: 'int',
      file: 'string',
      name: 'string?',
      variant: 'string?',
      yearInferred: 'bool',
    },
  },
  events: { list: { time: 'string?', type: 'string', attrs: 'map', line: 'int', file: 'string' } },
  history: { list: { kind: 'string', time: 'string?', summary: 'string', line: 'int', file: 'string' } },
  config: {
    licenseSmartLines: { list: 'string' },
    nameServers: { list: { address: 'string', vrf: 'string?' } },
    domainName: 'string?',
    domainLookup: 'bool?',
    ipHosts: { list: { name: 'string', addresses: { list: 'string' } } },
    ntpServers: { list: { address: 'string', prefer: 'bool', vrf: 'string?' } },
    httpClientSourceInterface: 'string?',
    vrfs: { list: 'string' },
    callHome: {
      nullable: {
        httpDestinations: { list: 'string' },
        transportHttpVrf: 'string?',
        httpProxy: 'string?',
        enabled: 'bool?',
        sourceInterface: 'string?',
      },
    },
  },
  callHomeProfiles: {
    list: { name: 'string', status: 'string?', httpDestinations: { list: 'string' }, transportMethod: 'string?' },
  },
  ntp: { synchronized: 'bool?', peers: { list: 'string' } },
  cpuProcesses: { list: { name: 'string', percent: 'double' } },
  memoryProcesses: { list: { name: 'string', holding: 'int' } },
  trustpool: {
    nullable: { certificates: { list: { subject: 'string?', origin: 'string?', validUntil: 'string?' } }, complete: 'bool' },
  },
  savedRumReportCount: 'int?',
  dataConversion: { nullable: { empty: 'bool', lines: { list: 'string' } } },
  reachability: {
    list: { command: 'string', target: 'string', result: 'string', line: 'int', file: 'string' },
  },
  messages: { list: { command: 'string', text: 'string', line: 'int', file: 'string' } },
  writeEraseOccurred: 'bool?',
  derived: {
    topology: 'string',
    topologyReason: 'string',
    onPrem: 'bool',
    communication: {
      list: {
        destination: 'string',
        state: 'string',
        failures: 'int',
        restores: 'int',
        firstFailure: 'string?',
        lastFailure: 'string?',
        lastRestore: 'string?',
        lastFailureText: 'string?',
      },
    },
    liveCommFailure: 'bool',
    failingExchanges: {
      list: {
        kind: 'string',
        ongoingFailure: 'int',
        failure: 'string',
        lastResponse: 'string?',
        failureReason: 'string?',
        lastFailureTime: 'string?',
      },
    },
    reporting: {
      daysToAckDeadline: 'double?',
      ackOverdue: 'bool',
      reportPushOverdueDays: 'double?',
      ackPendingHours: 'double?',
      ackedSinceLastReport: 'bool',
      onTrack: 'bool',
      requiredInDays: 'double?',
    },
    trustInstalled: 'bool',
    clockSynchronized: 'bool?',
    csluVirtualAccounts: { list: 'string' },
  },
  sections: {
    list: { command: 'string', startLine: 'int', endLine: 'int', parser: 'string?', file: 'string' },
  },
  diagnostics: { list: { line: 'int', message: 'string', file: 'string' } },
  sources: 'map',
  files: { list: 'string' },
};

export type ScalarType = 'string' | 'int' | 'double' | 'bool';

/** The normalised shape the checker and the context builder walk. */
export type Shape =
  | { kind: 'scalar'; type: ScalarType; nullable: boolean }
  | { kind: 'list'; item: Shape }
  | { kind: 'object'; fields: ReadonlyMap<string, Shape>; nullable: boolean }
  /** A string-keyed dictionary whose keys are data, not model fields (event attrs, sources). */
  | { kind: 'map' };

function normalise(description: unknown, nullable = false): Shape {
  if (typeof description === 'string') {
    if (description === 'map') return { kind: 'map' };
    const optional = description.endsWith('?');
    return { kind: 'scalar', type: description.replace('?', '') as ScalarType, nullable: optional };
  }
  const record = description as Record<string, unknown>;
  if ('list' in record) return { kind: 'list', item: normalise(record.list) };
  if ('nullable' in record) return normalise(record.nullable, true);
  const fields = new Map<string, Shape>();
  for (const [name, field] of Object.entries(record)) fields.set(name, normalise(field));
  return { kind: 'object', fields, nullable };
}

export const DEVICE_SHAPE = normalise(DEVICE_DESCRIPTION) as Extract<Shape, { kind: 'object' }>;

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
