// Output plumbing for the CLI: where text goes, what a failed write of the report does, and a progress bar that
// only draws on a terminal.
import { describeErrno } from '../core/io/safeRead';

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

/**
 * What the process does when its report cannot be written (stdout a file on a full disk, /dev/full, a closed
 * pipe): a reader that stopped early (EPIPE, `scan --json | head`) ends it quietly with 0, as Unix tools do; any
 * other failure is one line on stderr and exit 1, never a stack trace and never 0 for a report cut short.
 */
export function handleOutputErrors(
  stream: { on(event: 'error', listener: (e: NodeJS.ErrnoException) => void): unknown },
  stderr: (s: string) => void,
  exit: (code: number) => void,
): void {
  stream.on('error', (e) => {
    if (e.code === 'EPIPE') { exit(0); return; }
    stderr(`corpus-lens: cannot write the output: ${describeErrno(e)}; what was written is incomplete\n`);
    exit(1);
  });
}

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
