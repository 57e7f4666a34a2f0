export { analyzeFleet, type FleetOptions, type FleetResult } from './fleet.js';
export { compareDevices, mergeGroups } from './order.js';
export { streamFleet, type StreamOptions, type StreamResult } from './stream.js';
export type { DeviceFacts, FleetDevice, GroupResult } from './types.js';
