// Bounded memory for lines we keep. A show-tech can hold a log of a million licensing messages (a device that failed
// to reach CSSM every minute for a year) or an event log as long: keeping every line would take gigabytes. Past a
// budget the first lines stay where they go and only the latest are kept after them, because what a licensing problem
// turns on is how it started and how things stand now; what falls between is counted and reported.
import type { Line } from './types.js';

/** The last `capacity` items of a stream, in order; counts the ones pushed out. */
class TailRing<T> {
  private readonly items: T[] = [];
  private start = 0;
  evicted = 0;
  firstEvicted: T | null = null;
  lastEvicted: T | null = null;

  constructor(private readonly capacity: number) {}

  push(item: T): void {
    if (this.items.length < this.capacity) {
      this.items.push(item);
      return;
    }
    const out = this.items[this.start]!;
    this.items[this.start] = item;
    this.start = (this.start + 1) % this.capacity;
    this.evicted++;
    this.firstEvicted ??= out;
    this.lastEvicted = out;
  }

  inOrder(): T[] {
    return [...this.items.slice(this.start), ...this.items.slice(0, this.start)];
  }
}

/** Lines that were not kept: how many, and the first and last of them. */
export interface DroppedLines {
  count: number;
  firstLine: number;
  lastLine: number;
}

/**
 * Lines going to one or more line lists (one per section or per host), kept up to a budget: the first `head` go
 * straight to their list, then only the last `tail` are held, and `finish` appends those to their lists in order.
 */
export class LineBudget {
  private kept = 0;
  /** Made once the head is full: most budgets (one per kept section) never need it. */
  private tail: TailRing<{ to: Line[]; line: Line }> | null = null;

  constructor(
    private readonly head: number,
    private readonly tailSize: number,
  ) {}

  keep(to: Line[], line: Line): void {
    if (this.kept < this.head) {
      this.kept++;
      to.push(line);
    } else {
      (this.tail ??= new TailRing(this.tailSize)).push({ to, line });
    }
  }

  /** Hands the held lines to their lists; what was dropped, if anything. Call once, after the last `keep`. */
  finish(): DroppedLines | null {
    if (!this.tail) return null;
    for (const { to, line } of this.tail.inOrder()) to.push(line);
    const { evicted, firstEvicted, lastEvicted } = this.tail;
    return evicted === 0 ? null : { count: evicted, firstLine: firstEvicted!.line.n, lastLine: lastEvicted!.line.n };
  }
}
