// Runs scans on the engine's worker thread and turns its messages into a promise with progress callbacks.
import * as path from 'path';
import * as vscode from 'vscode';
import { Worker } from 'worker_threads';
import { JsonReport } from '../core/report';
import { ScanProgress } from '../core/scan';
import { WorkerReply, WorkerRequest } from '../worker/protocol';

export interface ScanOutcome {
  report: JsonReport;
  seconds: number;
}

export class ScanWorkerClient implements vscode.Disposable {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (o: ScanOutcome | undefined) => void; reject: (e: Error) => void; progress?: (p: ScanProgress) => void }>();

  constructor(private readonly extensionPath: string) {}

  /** Scans a folder; resolves to undefined when cancelled through `token`. */
  scan(
    root: string,
    selection: { include: string[]; exclude: string[] },
    token?: vscode.CancellationToken,
    progress?: (p: ScanProgress) => void,
  ): Promise<ScanOutcome | undefined> {
    const worker = this.ensureWorker();
    const id = this.nextId++;
    const cancel = new SharedArrayBuffer(4);
    const request: WorkerRequest = { type: 'scan', id, root, include: selection.include, exclude: selection.exclude, cancel };
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, progress });
      token?.onCancellationRequested(() => Atomics.store(new Int32Array(cancel), 0, 1));
      worker.postMessage(request);
    });
  }

  dispose(): void {
    void this.worker?.terminate();
    this.worker = undefined;
    for (const p of this.pending.values()) { p.reject(new Error('Corpus Lens was shut down during a scan')); }
    this.pending.clear();
  }

  private ensureWorker(): Worker {
    if (this.worker) { return this.worker; }
    const worker = new Worker(path.join(this.extensionPath, 'dist', 'scanWorker.js'));
    worker.on('message', (reply: WorkerReply) => this.onReply(reply));
    worker.on('error', (e) => this.failAll(e));
    worker.on('exit', (code) => {
      if (this.worker === worker) { this.worker = undefined; }
      if (code !== 0) { this.failAll(new Error(`the scan worker stopped (exit code ${code})`)); }
    });
    this.worker = worker;
    return worker;
  }

  private onReply(reply: WorkerReply): void {
    const p = this.pending.get(reply.id);
    if (!p) { return; } // a reply to a request nobody waits for any more
    switch (reply.type) {
      case 'progress':
        p.progress?.(reply.progress);
        return;
      case 'result':
        this.pending.delete(reply.id);
        p.resolve({ report: reply.report, seconds: reply.seconds });
        return;
      case 'cancelled':
        this.pending.delete(reply.id);
        p.resolve(undefined);
        return;
      case 'error':
        this.pending.delete(reply.id);
        p.reject(new Error(reply.message));
        return;
    }
  }

  private failAll(e: Error): void {
    for (const p of this.pending.values()) { p.reject(e); }
    this.pending.clear();
  }
}
