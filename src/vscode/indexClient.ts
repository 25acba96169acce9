// The host's end of the index worker (dist/scanWorker.js): starts it on first use, sends requests with ids,
// routes progress and findings to the request's callbacks, and settles each request's promise with its final
// reply. Every request in flight counts as activity, so whenIdle() waits for it. If the worker dies, every
// request in flight fails, and the next request starts a new worker with empty indexes.
import * as path from 'path';
import * as vscode from 'vscode';
import { Worker } from 'worker_threads';
import { JsonSummary } from '../core/report';
import { ScanProgress } from '../core/scan';
import { IndexReply, IndexRequest, UnsentRequest } from '../worker/protocol';
import { Activity } from './activity';

type Findings = Extract<IndexReply, { type: 'findings' }>;

export interface RequestCallbacks {
  onProgress?: (p: ScanProgress) => void;
  onFindings?: (f: Findings) => void;
}

/** How a request ended: done (with a scan's summary) or cancelled. */
export type Outcome = { done: true; summary?: JsonSummary } | { done: false };

interface Pending extends RequestCallbacks {
  resolve: (o: Outcome) => void;
  reject: (e: Error) => void;
  end: () => void;
}

export class IndexWorkerClient implements vscode.Disposable {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly restarted = new vscode.EventEmitter<Error>();
  /** Fires when the worker died (its indexes are gone); the next request starts a fresh one. */
  readonly onDidLoseWorker = this.restarted.event;

  constructor(
    private readonly extensionPath: string,
    private readonly activity: Activity,
  ) {}

  send(request: UnsentRequest, callbacks: RequestCallbacks = {}): Promise<Outcome> {
    const worker = this.ensureWorker();
    const id = this.nextId++;
    return new Promise<Outcome>((resolve, reject) => {
      this.pending.set(id, { ...callbacks, resolve, reject, end: this.activity.begin() });
      worker.postMessage({ ...request, id } as IndexRequest);
    });
  }

  dispose(): void {
    const worker = this.worker;
    this.worker = undefined;
    void worker?.terminate();
    this.failAll(new Error('Corpus Lens was shut down'));
    this.restarted.dispose();
  }

  private ensureWorker(): Worker {
    if (this.worker) { return this.worker; }
    const worker = new Worker(path.join(this.extensionPath, 'dist', 'scanWorker.js'));
    worker.on('message', (reply: IndexReply) => this.onReply(reply));
    worker.on('error', (e) => this.lost(worker, e));
    worker.on('exit', (code) => this.lost(worker, new Error(`the index worker stopped (exit code ${code})`)));
    this.worker = worker;
    return worker;
  }

  private lost(worker: Worker, e: Error): void {
    if (this.worker !== worker) { return; } // already replaced, or shut down on purpose
    this.worker = undefined;
    void worker.terminate();
    this.failAll(e);
    this.restarted.fire(e);
  }

  private onReply(reply: IndexReply): void {
    const p = this.pending.get(reply.id);
    if (reply.type === 'findings') {
      // Taken in (the store and the publishing queue are quick): the worker may send the next one.
      try {
        p?.onFindings?.(reply);
      } finally {
        this.worker?.postMessage({ type: 'ack', id: reply.id } satisfies IndexRequest);
      }
      return;
    }
    if (!p) { return; }
    switch (reply.type) {
      case 'progress':
        p.onProgress?.(reply.progress);
        return;
      case 'done':
        this.settle(reply.id, p);
        p.resolve({ done: true, summary: reply.summary });
        return;
      case 'cancelled':
        this.settle(reply.id, p);
        p.resolve({ done: false });
        return;
      case 'error':
        this.settle(reply.id, p);
        p.reject(new Error(reply.message));
        return;
    }
  }

  private settle(id: number, p: Pending): void {
    this.pending.delete(id);
    p.end();
  }

  private failAll(e: Error): void {
    const all = [...this.pending.values()];
    this.pending.clear();
    for (const p of all) {
      p.end();
      p.reject(e);
    }
  }
}
