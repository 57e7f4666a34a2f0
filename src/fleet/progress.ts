// A one-line progress bar on stderr, only when stderr is a terminal (never in pipes, CI logs or tests).
export interface Progress {
  update(done: number, total: number): void;
  done(): void;
}

const WIDTH = 30;
const REDRAW_MS = 100;

export function progressBar(stream: { isTTY?: boolean; write(text: string): unknown }): Progress {
  if (!stream.isTTY) return { update() {}, done() {} };
  let lastDraw = 0;
  let drawn = false;
  const start = Date.now();
  return {
    update(done, total) {
      const now = Date.now();
      if (now - lastDraw < REDRAW_MS && done < total) return;
      lastDraw = now;
      drawn = true;
      const filled = total === 0 ? WIDTH : Math.round((done / total) * WIDTH);
      const rate = done / Math.max(0.001, (now - start) / 1000);
      stream.write(`\r[${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${done}/${total} files  ${rate.toFixed(0)}/s`);
    },
    done() {
      if (drawn) stream.write('\r\x1b[2K');
    },
  };
}
