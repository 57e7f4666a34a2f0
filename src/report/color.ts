// Colour only for a person at a terminal: not when piped, not under NO_COLOR.
export interface Palette {
  bold(s: string): string;
  dim(s: string): string;
  red(s: string): string;
  yellow(s: string): string;
  cyan(s: string): string;
  green(s: string): string;
}

const wrap = (open: number, close: number) => (s: string) => `\x1b[${open}m${s}\x1b[${close}m`;

export const COLOUR: Palette = {
  bold: wrap(1, 22),
  dim: wrap(2, 22),
  red: wrap(31, 39),
  yellow: wrap(33, 39),
  cyan: wrap(36, 39),
  green: wrap(32, 39),
};

const identity = (s: string) => s;
export const PLAIN: Palette = { bold: identity, dim: identity, red: identity, yellow: identity, cyan: identity, green: identity };

export function paletteFor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): Palette {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return PLAIN;
  // As Node reads it: set and not empty forces colour, except 0 (and false) which turn it off.
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '') return env.FORCE_COLOR === '0' || env.FORCE_COLOR === 'false' ? PLAIN : COLOUR;
  return stream.isTTY ? COLOUR : PLAIN;
}
