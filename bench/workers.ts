// The workers as the extension starts them: through the host's WorkerHost (src/vscode/workers/workerHost.ts), each
// a process of its own forked with the flags its client gives it, so that what a bench measures of them (their
// memory above all, which is not in this process's RSS) is what the product's workers take. The benches speak the
// protocol themselves (their own ids and acks), so this host only passes messages on.
import * as fs from 'fs';
import * as path from 'path';
import { INDEX_WORKER_EXEC_ARGV } from '../src/protocol/indexProtocol';
import { PendingRequest, WorkerHost } from '../src/vscode/workers/workerHost';

export class BenchWorker<Reply> extends WorkerHost<Reply, PendingRequest> {
  private readonly listeners: ((reply: Reply) => void)[] = [];

  /** Posts a message, starting the worker's process on first use. */
  post(message: object): void {
    this.ensureWorker().post(message);
  }

  on(listener: (reply: Reply) => void): void {
    this.listeners.push(listener);
  }

  /** The resident bytes of the worker's process (0 when it does not run). */
  rss(): number {
    const pid = this.pid;
    if (pid === undefined) { return 0; }
    try {
      const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
      return m ? Number(m[1]) * 1024 : 0;
    } catch {
      return 0; // it exited
    }
  }

  /** The peak resident bytes of the worker's process so far (the kernel's high-water mark; 0 when it does not run). */
  peakRss(): number {
    const pid = this.pid;
    if (pid === undefined) { return 0; }
    try {
      const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
      return m ? Number(m[1]) * 1024 : 0;
    } catch {
      return 0; // it exited
    }
  }

  /** The CPU seconds the worker's process has used (user and system; 0 when it does not run). */
  cpuSeconds(): number {
    const pid = this.pid;
    if (pid === undefined) { return 0; }
    try {
      // After the command's name (in parentheses, which may hold spaces): utime and stime are fields 14 and 15, in
      // clock ticks of 1/100 s on Linux.
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return (Number(fields[11]) + Number(fields[12])) / 100;
    } catch {
      return 0;
    }
  }

  protected override onReply(reply: Reply): void {
    for (const l of this.listeners) { l(reply); }
  }
}

/** The index worker, started as IndexWorkerClient starts it. */
export function indexWorker<Reply>(): BenchWorker<Reply> {
  return new BenchWorker<Reply>(path.join(__dirname, 'scanWorker.js'), 'the index worker', { process: { execArgv: INDEX_WORKER_EXEC_ARGV } });
}

/** The suggestion worker, started as SuggestWorkerClient starts it. */
export function suggestWorker<Reply>(): BenchWorker<Reply> {
  return new BenchWorker<Reply>(path.join(__dirname, 'suggestWorker.js'), 'the suggestion worker', { process: { execArgv: [] } });
}
