export { analyzeFleet, compareDevices, mergeGroups, type FleetOptions, type FleetResult } from './fleet.js';
export type { FleetDevice, GroupResult } from './types.js';
