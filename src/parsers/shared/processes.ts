// Which processes of `show processes cpu` / `show processes memory` bear on licensing: the Smart Agent's own
// (SAGetRUMIds and SAUtilRepSave grow busy when unacknowledged RUM reports pile up, FN72578) and, for memory,
// `*MallocLite*`, where the Smart Agent's leak of FN72578 (CSCwa85525) shows.
const LICENSING_PROCESS = /SAGetRUMIds|SAUtilRepSave|smart|lic/i;

export function isLicensingProcess(name: string): boolean {
  return LICENSING_PROCESS.test(name);
}

export function isLicensingMemoryHolder(name: string): boolean {
  return name === '*MallocLite*' || isLicensingProcess(name);
}
