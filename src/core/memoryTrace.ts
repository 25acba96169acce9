// A sampled record of where a parallel scan's memory is, for finding what makes its peak: the process's resident
// set and its high-water mark, this thread's heap and typed arrays, and each prepare worker's heap, every 200 ms
// and at the end of each stage. Asked for with CORPUS_LENS_MEMTRACE=<file> (a tab-separated table, in MB); costs
// nothing otherwise. The main thread is busy for seconds at a time (linking, the sort), so a sample can come late:
// the stage ends are sampled too, and the high-water mark says where between two samples the peak was reached.
import * as fs from 'fs';
import { Worker } from 'worker_threads';

/** What a traced worker posts of itself, every 200 ms while it is between batches. */
export interface WorkerMemory {
  type: 'memory';
  heapUsed: number;
  heapTotal: number;
  arrayBuffers: number;
}

const MB = 1024 * 1024;
const EVERY_MS = 200;

/**
 * The code a traced worker runs: it posts its heap figures every EVERY_MS, then runs the worker script itself. The
 * worker script is not changed; the scan ignores messages it does not know.
 */
function tracedSource(script: string): string {
  return `const v8 = require('v8');
const { parentPort } = require('worker_threads');
setInterval(() => {
  const h = v8.getHeapStatistics();
  parentPort.postMessage({ type: 'memory', heapUsed: h.used_heap_size, heapTotal: h.total_heap_size, arrayBuffers: process.memoryUsage().arrayBuffers });
}, ${EVERY_MS}).unref();
require(${JSON.stringify(script)});`;
}

export class MemoryTrace {
  private readonly fd: number;
  private readonly started = performance.now();
  private readonly workerHeaps: (WorkerMemory | undefined)[] = [];
  private readonly timer: ReturnType<typeof setInterval>;
  private stage = 'start';
  /** More figures for each sample, as text (the scan's queues, say). */
  gauge: (() => string) | undefined;

  /** The trace asked for in the environment, or none. */
  static fromEnvironment(): MemoryTrace | undefined {
    const file = process.env.CORPUS_LENS_MEMTRACE;
    return file ? new MemoryTrace(file) : undefined;
  }

  constructor(file: string) {
    this.fd = fs.openSync(file, 'w');
    fs.writeSync(this.fd, 'ms\tstage\trss\tmaxRss\tmainHeapUsed\tmainHeapTotal\tmainExternal\tmainArrayBuffers\tworkers (heapUsed/heapTotal/arrayBuffers)\n');
    this.timer = setInterval(() => this.sample(), EVERY_MS);
    this.timer.unref();
  }

  /** A worker that reports its heap to this trace. */
  worker(script: string, options: ConstructorParameters<typeof Worker>[1]): Worker {
    const w = new Worker(tracedSource(script), { ...options, eval: true });
    const i = this.workerHeaps.length;
    this.workerHeaps.push(undefined);
    w.on('message', (m: { type?: string }) => {
      if (m.type === 'memory') { this.workerHeaps[i] = m as WorkerMemory; }
    });
    return w;
  }

  /** Marks the end of a stage (sampled at once) and the start of the next. */
  mark(stage: string, note = ''): void {
    this.sample(`end of ${stage}${note ? ` (${note})` : ''}`);
    this.stage = `after ${stage}`;
  }

  sample(label = this.stage): void {
    const m = process.memoryUsage();
    const mb = (n: number) => (n / MB).toFixed(0);
    const workers = this.workerHeaps.map((w) => (w ? `${mb(w.heapUsed)}/${mb(w.heapTotal)}/${mb(w.arrayBuffers)}` : '-')).join(' ');
    fs.writeSync(this.fd, `${(performance.now() - this.started).toFixed(0)}\t${label}\t${mb(m.rss)}\t${mb(process.resourceUsage().maxRSS * 1024)}\t` +
      `${mb(m.heapUsed)}\t${mb(m.heapTotal)}\t${mb(m.external)}\t${mb(m.arrayBuffers)}\t${workers}\t${this.gauge?.() ?? ''}\n`);
  }

  close(): void {
    clearInterval(this.timer);
    this.sample('closed');
    fs.closeSync(this.fd);
  }
}
