// Which files are analysed together, and the order devices are reported in. Neither depends on scheduling.
import type { FleetDevice } from './types.js';

/** Connected components of files linked by a shared host name; only components of two or more files, in input order. */
export function mergeGroups(files: string[], hostKeys: (file: string) => string[]): string[][] {
  return components(files, hostKeys).filter((c) => c.length > 1);
}

/** Every connected component of files linked by a shared host name, single files included, ordered by first file. */
export function components(files: string[], hostKeys: (file: string) => string[]): string[][] {
  const parent = files.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  const firstFileOfHost = new Map<string, number>();
  files.forEach((file, index) => {
    for (const key of hostKeys(file)) {
      const first = firstFileOfHost.get(key);
      if (first === undefined) firstFileOfHost.set(key, index);
      else parent[find(index)] = find(first);
    }
  });
  const byRoot = new Map<number, string[]>();
  files.forEach((file, index) => {
    const root = find(index);
    const component = byRoot.get(root);
    if (component) component.push(file);
    else byRoot.set(root, [file]);
  });
  return [...byRoot.values()];
}

let collator: Intl.Collator | null = null;

/** Host name (case-insensitive, unnamed devices last), then the device's files. */
export function compareDevices(a: FleetDevice, b: FleetDevice): number {
  // One collator for the whole sort: `localeCompare` with a locale looks it up on every call.
  collator ??= new Intl.Collator('en');
  const hostA = a.facts.hostname;
  const hostB = b.facts.hostname;
  if (hostA !== hostB) {
    if (hostA === null) return 1;
    if (hostB === null) return -1;
    const byName = collator.compare(hostA.toLowerCase(), hostB.toLowerCase());
    if (byName !== 0) return byName;
  }
  const filesA = a.facts.files.join('\n');
  const filesB = b.facts.files.join('\n');
  return filesA < filesB ? -1 : filesA > filesB ? 1 : 0;
}
