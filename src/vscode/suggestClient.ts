// The host's end of the suggestion worker (dist/suggestWorker.js): started on first use or by start(), requests sent with ids and
// settled by their one reply. The extension starts it on activation (start()), so that it warms up (loads the
// language model, runs the engine once) before the first document is shown. If the worker dies, every request in flight fails, onDidLoseWorker fires (the folders
// it had read are gone) and the next request starts a new worker.
import * as path from 'path';
import * as vscode from 'vscode';
import { Worker } from 'worker_threads';
import { SuggestWorkerReply, SuggestWorkerRequest, UnsentSuggestRequest } from '../worker/suggestProtocol';

/** The final reply of a request other than an error (errors reject). */
export type SuggestOutcome = Exclude<SuggestWorkerReply, { type: 'error' | 'warmedUp' }>;

type WarmedUp = Extract<SuggestWorkerReply, { type: 'warmedUp' }>;

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
  private readonly warmedUp = new vscode.EventEmitter<WarmedUp>();
  /** Fires when a (new) worker has loaded the model and run the engine once, with the time that took. */
  readonly onDidWarmUp = this.warmedUp.event;

  constructor(private readonly extensionPath: string) {}

  /** Starts the worker now, if it is not running, so that it warms up before the first request. */
  start(): void {
    this.ensureWorker();
  }

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
    this.warmedUp.dispose();
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
    if (reply.type === 'warmedUp') { this.warmedUp.fire(reply); return; }
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
