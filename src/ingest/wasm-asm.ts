// Just enough of the WebAssembly binary format to write the line indexer (line-index.ts) as readable instructions
// instead of a wall of bytes: one exported function over an imported memory. A full toolchain (wabt, binaryen)
// would be a large dependency for forty instructions.

export type Code = number[];

function uleb(value: number): Code {
  const bytes: Code = [];
  do {
    let byte = value & 0x7f;
    value >>>= 7;
    if (value !== 0) byte |= 0x80;
    bytes.push(byte);
  } while (value !== 0);
  return bytes;
}

/** Signed LEB128, for i32.const. */
function sleb(value: number): Code {
  const bytes: Code = [];
  for (;;) {
    const byte = value & 0x7f;
    value >>= 7;
    const done = (value === 0 && (byte & 0x40) === 0) || (value === -1 && (byte & 0x40) !== 0);
    bytes.push(done ? byte : byte | 0x80);
    if (done) return bytes;
  }
}

const SIMD = 0xfd;
export const I32 = 0x7f;
export const V128 = 0x7b;

/** Instructions used by the indexer; `local.get n` is `get(n)`. */
export const op = {
  block: [0x02, 0x40],
  loop: [0x03, 0x40],
  if: [0x04, 0x40],
  else: [0x05],
  end: [0x0b],
  br: (depth: number): Code => [0x0c, depth],
  brIf: (depth: number): Code => [0x0d, depth],
  get: (local: number): Code => [0x20, ...uleb(local)],
  set: (local: number): Code => [0x21, ...uleb(local)],
  i32: (value: number): Code => [0x41, ...sleb(value)],
  eqz: [0x45],
  eq: [0x46],
  ne: [0x47],
  ltU: [0x49],
  gtU: [0x4b],
  geU: [0x4f],
  ctz: [0x68],
  add: [0x6a],
  sub: [0x6b],
  and: [0x71],
  or: [0x72],
  xor: [0x73],
  shl: [0x74],
  load8: [0x2d, 0x00, 0x00],
  store8: [0x3a, 0x00, 0x00],
  store32: [0x36, 0x02, 0x00],
  load128: [SIMD, 0x00, 0x00, 0x00],
  splat8: [SIMD, 0x0f],
  const128: (bytes: readonly number[]): Code => [SIMD, 0x0c, ...bytes],
  swizzle: [SIMD, 0x0e],
  and128: [SIMD, 0x4e],
  shrU8x16: [SIMD, 0x6d],
  eq8x16: [SIMD, 0x23],
  or128: [SIMD, 0x50],
  bitmask8x16: [SIMD, 0x64],
} as const;

/** Concatenates instructions. */
export function code(...parts: (Code | readonly number[])[]): Code {
  return parts.flat();
}

function section(id: number, content: Code): Code {
  return [id, ...uleb(content.length), ...content];
}

function name(text: string): Code {
  return [text.length, ...Buffer.from(text, 'latin1')];
}

export interface FunctionSpec {
  name: string;
  params: number[];
  result: number;
  /** Local variable types after the parameters, in order. */
  locals: number[];
  body: Code;
}

/**
 * A module exporting one function, over a memory it imports as `env.memory` (`pages` of 64 KiB, fixed; `shared` for
 * a memory that worker threads share).
 */
export function moduleBytes(fn: FunctionSpec, memory: { pages: number; shared: boolean }): Uint8Array {
  const localGroups: Code = [];
  let groups = 0;
  for (let i = 0; i < fn.locals.length; ) {
    let run = 1;
    while (fn.locals[i + run] === fn.locals[i]) run++;
    localGroups.push(...uleb(run), fn.locals[i]!);
    groups++;
    i += run;
  }
  const body = [...uleb(groups), ...localGroups, ...fn.body, ...op.end];
  return new Uint8Array([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, // \0asm, version 1
    ...section(1, [0x01, 0x60, ...uleb(fn.params.length), ...fn.params, 0x01, fn.result]),
    ...section(2, [0x01, ...name('env'), ...name('memory'), 0x02, memory.shared ? 0x03 : 0x01, ...uleb(memory.pages), ...uleb(memory.pages)]),
    ...section(3, [0x01, 0x00]),
    ...section(7, [0x01, ...name(fn.name), 0x00, 0x00]),
    ...section(10, [0x01, ...uleb(body.length), ...body]),
  ]);
}
