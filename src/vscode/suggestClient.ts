// The host's end of the suggestion worker (dist/suggestWorker.js): started on first use, requests sent with ids and
// settled by their one reply. If the worker dies, every request in flight fails, onDidLoseWorker fires (the folders
// it had read are gone) and the next request starts a new worker.
import * as path from 'path';
import * as vscode from 'vscode';
import { Worker } from 'worker_threads';
import { SuggestWorkerReply, SuggestWorkerRequest, UnsentSuggestRequest } from '../worker/suggestProtocol';

/** The final reply of a request other than an error (errors reject). */
export type SuggestOutcome = Exclude<SuggestWorkerReply, { type: 'error' }>;

interface Pending {
  resolve: (r: SuggestOutcome) => void;
  reject: (e: Error) => void;
}

export class SuggestWorkerClient implements vscode.Disposable {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly lostWorker = new vscode.EventEmitter<Error>();
  /** Fires when the worker died; whatever it had read is gone. */
  readonly onDidLoseWorker = this.lostWorker.event;

  constructor(private readonly extensionPath: string) {}

  send(request: UnsentSuggestRequest): Promise<SuggestOutcome> {
    const worker = this.ensureWorker();
    const id = this.nextId++;
    return new Promise<SuggestOutcome>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ ...request, id } as SuggestWorkerRequest);
    });
  }

  dispose(): void {
    const worker = this.worker;
    this.worker = undefined;
    void worker?.terminate();
    this.failAll(new Error('Corpus Lens was shut down'));
    this.lostWorker.dispose();
  }

  private ensureWorker(): Worker {
    if (this.worker) { return this.worker; }
    const worker = new Worker(path.join(this.extensionPath, 'dist', 'suggestWorker.js'));
    worker.on('message', (reply: SuggestWorkerReply) => this.onReply(reply));
    worker.on('error', (e) => this.lost(worker, e));
    worker.on('exit', (code) => this.lost(worker, new Error(`the suggestion worker stopped (exit code ${code})`)));
    this.worker = worker;
    return worker;
  }

  private lost(worker: Worker, e: Error): void {
    if (this.worker !== worker) { return; } // already replaced, or shut down on purpose
    this.worker = undefined;
    void worker.terminate();
    this.failAll(e);
    this.lostWorker.fire(e);
  }

  private onReply(reply: SuggestWorkerReply): void {
    const p = this.pending.get(reply.id);
    if (!p) { return; }
    this.pending.delete(reply.id);
    if (reply.type === 'error') {
      p.reject(new Error(reply.message));
    } else {
      p.resolve(reply);
    }
  }

  private failAll(e: Error): void {
    const all = [...this.pending.values()];
    this.pending.clear();
    for (const p of all) { p.reject(e); }
  }
}
