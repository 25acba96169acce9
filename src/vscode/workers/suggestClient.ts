// The host's end of the suggestion worker (dist/suggestWorker.js): each request is settled by its one reply. The
// extension starts it on activation (start()), so that it warms up (loads the language model, runs the engine
// once) before the first document is shown. If the worker dies, every request in flight fails, onDidLoseWorker
// fires (the folders it had read are gone) and the next request starts a new worker (see WorkerHost).
import * as vscode from 'vscode';
import { SearchRequest, SuggestWorkerReply, UnsentSuggestRequest } from '../../protocol/suggestProtocol';
import { WorkerHost } from './workerHost';

/** The final reply of a request other than an error (errors reject). */
export type SuggestOutcome = Exclude<SuggestWorkerReply, { type: 'error' | 'warmedUp' | 'searchProgress' }>;

type WarmedUp = Extract<SuggestWorkerReply, { type: 'warmedUp' }>;

interface Pending {
  resolve: (r: SuggestOutcome) => void;
  reject: (e: Error) => void;
  onProgress?: (done: number, total: number) => void;
}

export class SuggestWorkerClient extends WorkerHost<SuggestWorkerReply, Pending> {
  private readonly warmedUp = new vscode.EventEmitter<WarmedUp>();
  /** Fires when a (new) worker has loaded the model and run the engine once, with the time that took. */
  readonly onDidWarmUp = this.warmedUp.event;

  constructor(extensionPath: string) {
    super(WorkerHost.script(extensionPath, 'suggestWorker.js'), 'the suggestion worker');
  }

  /** Starts the worker now, if it is not running, so that it warms up before the first request. */
  start(): void {
    this.ensureWorker();
  }

  send(request: UnsentSuggestRequest): Promise<SuggestOutcome> {
    return this.request<SuggestOutcome>(request, (resolve, reject) => ({ resolve, reject }));
  }

  /**
   * Searches a folder's corpus files in the worker, reporting how far it has come; cancelling the token stops it
   * (the reply is then `skipped`).
   */
  search(request: Omit<SearchRequest, 'id' | 'type'>, token: vscode.CancellationToken, onProgress: (done: number, total: number) => void): Promise<SuggestOutcome> {
    let cancel: vscode.Disposable | undefined;
    return this.request<SuggestOutcome>({ ...request, type: 'search' }, (resolve, reject, id) => {
      cancel = token.onCancellationRequested(() => this.notify({ type: 'cancel', id: 0, search: id }));
      if (token.isCancellationRequested) { this.notify({ type: 'cancel', id: 0, search: id }); }
      return { resolve, reject, onProgress };
    }).finally(() => cancel?.dispose());
  }

  override dispose(): void {
    super.dispose();
    this.warmedUp.dispose();
  }

  protected override onReply(reply: SuggestWorkerReply): void {
    if (reply.type === 'warmedUp') { this.warmedUp.fire(reply); return; }
    const p = this.pending.get(reply.id);
    if (!p) { return; }
    if (reply.type === 'searchProgress') { p.onProgress?.(reply.done, reply.total); return; }
    this.pending.delete(reply.id);
    if (reply.type === 'error') {
      p.reject(new Error(reply.message));
    } else {
      p.resolve(reply);
    }
  }
}
