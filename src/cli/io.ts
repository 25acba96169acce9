// Output plumbing for the CLI: where text goes, and a progress bar that only draws on a terminal.

export interface CliIO {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  /** True when stderr is a terminal (a progress bar may be drawn). */
  isTTY?: boolean;
}

export const processIO: CliIO = {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  isTTY: process.stderr.isTTY === true,
};

export class UsageError extends Error {}

/** A one-line progress bar redrawn in place on stderr; silent when stderr is not a terminal. */
export class ProgressBar {
  private lastDraw = 0;
  private drawn = false;

  constructor(private readonly io: CliIO) {}

  update(label: string, done: number, total: number): void {
    if (!this.io.isTTY) { return; }
    const now = Date.now();
    if (done < total && now - this.lastDraw < 100) { return; }
    this.lastDraw = now;
    const width = 30;
    const filled = total ? Math.round((done / total) * width) : width;
    const bar = '█'.repeat(filled) + '░'.repeat(width - filled);
    this.io.stderr(`\r${label.padEnd(10)} ${bar} ${done}/${total}`);
    this.drawn = true;
  }

  clear(): void {
    if (this.drawn) { this.io.stderr('\r\x1b[K'); this.drawn = false; }
  }
}
