// What the host's ends of the workers share: the worker started on first use, requests sent with ids and kept
// until their reply settles them, and a worker that dies failing every request in flight (onDidLoseWorker fires;
// the next request starts a new worker), and the end of the document channel (a new worker is announced, so that
// DocumentSync opens the editor's documents in it before any request). Subclasses route the replies.
import * as path from 'path';
import * as vscode from 'vscode';
import { Worker, WorkerOptions } from 'worker_threads';
import { DocumentSync } from '../../protocol/documentProtocol';

export interface PendingRequest {
  reject: (e: Error) => void;
}

export abstract class WorkerHost<Reply, P extends PendingRequest> implements vscode.Disposable {
  private worker: Worker | undefined;
  private nextId = 1;
  protected readonly pending = new Map<number, P>();
  private readonly lostWorker = new vscode.EventEmitter<Error>();
  /** Fires when the worker died (whatever it held is gone); the next request starts a fresh one. */
  readonly onDidLoseWorker = this.lostWorker.event;
  private readonly startedWorker = new vscode.EventEmitter<void>();
  /**
   * Fires when a worker was started, before any message is posted to it: a listener that posts (sync) is heard
   * before the request that started it.
   */
  readonly onDidStartWorker = this.startedWorker.event;

  /**
   * @param script the bundled worker's path
   * @param name the worker's name in errors ("the index worker")
   * @param options how the worker is started (its heap's limits)
   */
  constructor(private readonly script: string, private readonly name: string, private readonly options: WorkerOptions = {}) {}

  /** The worker's bundled script under the extension's dist/ folder. */
  static script(extensionPath: string, file: string): string {
    return path.join(extensionPath, 'dist', file);
  }

  dispose(): void {
    const worker = this.worker;
    this.worker = undefined;
    void worker?.terminate();
    this.failAll(new Error('Corpus Lens was shut down'));
    this.lostWorker.dispose();
    this.startedWorker.dispose();
  }

  /** Posts a document channel notification, if the worker runs (a worker started later is sent what is open). */
  sync(message: DocumentSync): void {
    this.notify(message);
  }

  /** True when a worker runs (the document channel sends it changes). */
  get running(): boolean {
    return this.worker !== undefined;
  }

  /** Sends `message` with a new id; `pending` makes what the reply will settle (it is told the id). */
  protected request<T>(message: object, pending: (resolve: (value: T) => void, reject: (e: Error) => void, id: number) => P): Promise<T> {
    const worker = this.ensureWorker();
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, pending(resolve, reject, id));
      worker.postMessage({ ...message, id });
    });
  }

  /** Posts a message that expects no reply (an ack), if the worker runs. */
  protected notify(message: object): void {
    this.worker?.postMessage(message);
  }

  protected ensureWorker(): Worker {
    if (this.worker) { return this.worker; }
    const worker = new Worker(this.script, this.options);
    worker.on('message', (reply: Reply) => this.onReply(reply));
    worker.on('error', (e) => this.lost(worker, e));
    worker.on('exit', (code) => this.lost(worker, new Error(`${this.name} stopped (exit code ${code})`)));
    this.worker = worker;
    this.startedWorker.fire();
    return worker;
  }

  protected abstract onReply(reply: Reply): void;

  /** Fails a request the worker will not answer any more. */
  protected abandon(p: P, e: Error): void {
    p.reject(e);
  }

  private lost(worker: Worker, e: Error): void {
    if (this.worker !== worker) { return; } // already replaced, or shut down on purpose
    this.worker = undefined;
    void worker.terminate();
    this.failAll(e);
    this.lostWorker.fire(e);
  }

  private failAll(e: Error): void {
    const all = [...this.pending.values()];
    this.pending.clear();
    for (const p of all) { this.abandon(p, e); }
  }
}
