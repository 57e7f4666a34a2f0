/** `value` as UTF-16 bytes in either order, with or without a byte-order mark: as Windows tools save text. */
export function utf16(value: string, order: 'le' | 'be', bom: boolean): Buffer {
  const le = Buffer.from(`${bom ? '\uFEFF' : ''}${value}`, 'utf16le');
  return order === 'le' ? le : Buffer.from(le).swap16();
}
