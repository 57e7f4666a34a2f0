// Terminal pastes carry what the terminal drew, not what the device meant: colour codes, pager prompts erased with
// backspaces or carriage returns, tabs. We replay the drawing (cursor moves, overwrites) so the line reads as it
// looked on screen, then drop what is left of the pager.

/** Any C0 control except tab and newline, or DEL. */
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f]/g;
/**
 * CSI (`ESC [ … final`), OSC (`ESC ] … BEL|ST`), escapes with intermediates (charset designation `ESC ( B`,
 * `ESC # 8`), two-byte escapes (`ESC =` keypad mode, `ESC 7` / `ESC 8` save and restore the cursor, `ESC M`), lone ESC.
 */
const ANSI = /\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[ -/]+[0-~]|[0-~]|)/g;
/** `ESC [ K` / `ESC [ 0 K`: erase from the cursor to the end of the line (a pager wiping `--More--` after a CR). */
const ERASE_TO_END = /\x1b\[0?K/g;
/** Stands for ERASE_TO_END while the cursor is replayed; a control character, so nothing of it is left after. */
const ERASE_MARK = '\x0b';
/** What a pager leaves when the capture kept its prompt but not the erasing: IOS ` --More-- `, `<--- More --->`. */
const PAGER = / ?--More-- ?|<-+ ?More ?-+>/g;

const TAB_STOP = 8;

export function normaliseLine(raw: string): string {
  let text = raw;
  // Single-character searches are much faster than a character-class scan on long log lines. Other control
  // characters (a bell, a form feed) are removed only when one of these sent the line down the slow path.
  if (text.includes('\x1b') || text.includes('\b') || text.includes('\r') || text.includes('\x00')) {
    const moves = text.includes('\b') || text.includes('\r');
    if (text.includes('\x1b')) {
      if (moves) text = text.replace(ERASE_TO_END, ERASE_MARK);
      text = text.replace(ANSI, '');
    }
    if (text.includes('\x00')) text = text.replace(/\x00/g, '');
    if (moves) text = replayCursor(text);
    text = text.replace(CONTROL, '');
  }
  if (text.includes('More')) text = text.replace(PAGER, '');
  if (text.includes('\t')) text = expandTabs(text);
  return text.trimEnd();
}

/**
 * Backspace erases the character before the cursor when the cursor is at the end of the line (what pagers rely on
 * to wipe `--More--`), otherwise it only moves left; carriage return moves to column 0 so later text overwrites;
 * an erase to the end of the line drops what lies from the cursor on.
 */
function replayCursor(text: string): string {
  const cells: string[] = [];
  let cursor = 0;
  for (const ch of text) {
    if (ch === '\b') {
      if (cursor === 0) continue;
      cursor--;
      if (cursor === cells.length - 1) cells.pop();
    } else if (ch === '\r') {
      cursor = 0;
    } else if (ch === ERASE_MARK) {
      cells.length = Math.min(cells.length, cursor);
    } else {
      if (cursor < cells.length) cells[cursor] = ch;
      else cells.push(ch);
      cursor++;
    }
  }
  return cells.join('');
}

function expandTabs(text: string): string {
  let out = '';
  for (const ch of text) {
    if (ch === '\t') out += ' '.repeat(TAB_STOP - (out.length % TAB_STOP));
    else out += ch;
  }
  return out;
}
