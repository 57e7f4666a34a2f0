// Small text helpers for fixed-width terminal layout.

/** Word-wrap to `width` columns; words longer than a line are broken. Blank input gives one empty line. */
export function wrap(text: string, width: number): string[] {
  const limit = Math.max(10, width);
  const out: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      let rest = word;
      while (rest.length > limit) {
        if (line) {
          out.push(line);
          line = '';
        }
        out.push(rest.slice(0, limit));
        rest = rest.slice(limit);
      }
      if (!line) line = rest;
      else if (line.length + 1 + rest.length <= limit) line += ` ${rest}`;
      else {
        out.push(line);
        line = rest;
      }
    }
    out.push(line);
  }
  return out;
}

/** First row of a window of `height` rows that keeps `cursor` visible, a third from the top when scrolling. */
export function windowStart(cursor: number, total: number, height: number): number {
  if (total <= height) return 0;
  const start = cursor - Math.floor(height / 3);
  return Math.max(0, Math.min(start, total - height));
}

export function clamp(value: number, min: number, max: number): number {
  return Math.max(min, Math.min(max, value));
}

export function fit(text: string, width: number): string {
  if (width <= 0) return '';
  return text.length > width ? `${text.slice(0, Math.max(0, width - 1))}…` : text;
}

/**
 * `text` scrolled sideways by `column` characters, as less -S does: what is cut on the left is marked by `…` (the
 * right edge is cut by the row, with its own `…`).
 */
export function scrolled(text: string, column: number): string {
  if (column <= 0) return text;
  const chars = [...text];
  return chars.length <= column ? '…' : `…${chars.slice(column + 1).join('')}`;
}
