// The words Cisco output prints where a value would be when there is none. The Model JSON contract makes every one
// of them null, so every parser asks here rather than keeping its own list.

/**
 * `<none>`, `<empty>` (Smart Agent), `None`, `Not Configured` (proxy, VRF), `Not Available`, `Not Supported`, `N/A`,
 * as printed in any case. `Not Applicable` is not among them: it is a status (`License Authorization: Status: Not
 * Applicable`), not an absent value.
 */
export const NOTHING_WORDS = ['<none>', '<empty>', 'None', 'Not Configured', 'Not Available', 'Not Supported', 'N/A'] as const;

/** The words as a pattern alternation, for lexers that match a value alone on its line. */
export const NOTHING_PATTERN = NOTHING_WORDS.map((word) => word.replace(/[/]/g, '\\/')).join('|');

const NOTHING = new RegExp(`^(?:${NOTHING_PATTERN})$`, 'i');

/** Whether the printed value (trimmed) is empty or one of the words for nothing. */
export function isNothing(value: string): boolean {
  const trimmed = value.trim();
  return trimmed === '' || NOTHING.test(trimmed);
}

/** The printed value trimmed, or null for nothing (an absent or empty value, or one of the words for nothing). */
export function textOrNull(value: string | undefined): string | null {
  if (value === undefined) return null;
  const trimmed = value.trim();
  return trimmed === '' || NOTHING.test(trimmed) ? null : trimmed;
}
