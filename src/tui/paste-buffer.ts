// The start screen's buffer: a paste arrives in many reads (a show-tech is megabytes), kept raw as it came. Counting
// and the preview look only at what arrived; the text is joined once, when the user asks for the analysis.
import { normaliseLine } from '../ingest/index.js';

export class PasteBuffer {
  private chunks: string[] = [];
  private chars = 0;
  private breaks = 0;
  /** The last character counted was a CR: a following LF ends the same line. */
  private afterCr = false;

  append(text: string): void {
    if (!text) return;
    this.chunks.push(text);
    this.chars += text.length;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 13 || (c === 10 && !this.afterCr)) this.breaks++;
      this.afterCr = c === 13;
    }
  }

  /** Backspace typed by the user: the last character goes. */
  eraseLast(): void {
    const last = this.chunks.pop();
    if (last === undefined) return;
    const code = last.charCodeAt(last.length - 1);
    if (code === 13 || code === 10) {
      this.chunks.push(last);
      return; // a line already given is not taken back
    }
    this.chars--;
    if (last.length > 1) this.chunks.push(last.slice(0, -1));
  }

  clear(): void {
    this.chunks = [];
    this.chars = 0;
    this.breaks = 0;
    this.afterCr = false;
  }

  get size(): number {
    return this.chars;
  }

  /** Line breaks received: 0 while a single line (a path) is typed. */
  get lines(): number {
    return this.breaks;
  }

  /** What was typed on the one line so far (a path); empty once a line is given or it is too long to be a path. */
  get typed(): string {
    return this.breaks === 0 && this.chars <= 4096 ? this.chunks.join('') : '';
  }

  /** The last `count` lines as they will be read (colour codes and pager residue gone), for the preview. */
  preview(count: number): string[] {
    let tail = '';
    for (let i = this.chunks.length - 1; i >= 0 && tail.length < 8000; i--) tail = this.chunks[i]! + tail;
    return terminalText(tail.slice(-8000)).split('\n').slice(-count).map(normaliseLine);
  }

  /** Everything received, with the terminal's line endings turned back into the capture's. */
  take(): string {
    const text = terminalText(this.chunks.join(''));
    this.clear();
    return text;
  }
}

/**
 * A terminal sends Enter, and a pasted line break, as CR. Pasted text without any LF is therefore a capture whose
 * line ends became CR: LF → CR (most terminals, tmux) or, for a capture saved with CRLF, CR CR. When nearly every CR
 * comes in a pair, each pair is a CRLF and a single CR is what it was in the capture (a pager erasing its prompt,
 * which ingest replays); otherwise every CR ends a line (a capture with LF endings has far more single CRs, one per
 * line, than pairs, one per blank line). Text with LF is left to ingest as it is.
 */
export function terminalText(text: string): string {
  if (text.includes('\n') || !text.includes('\r')) return text;
  let pairs = 0;
  let singles = 0;
  for (const run of text.match(/\r+/g) ?? []) {
    pairs += Math.floor(run.length / 2);
    singles += run.length % 2;
  }
  return pairs > 0 && pairs >= 4 * singles ? text.replace(/\r\r/g, '\r\n') : text.replace(/\r/g, '\n');
}
