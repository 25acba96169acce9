// The host's end of the suggestion worker (dist/suggestWorker.js): each request is settled by its one reply. The
// extension starts it on activation (start()), so that it warms up (loads the language model, runs the engine
// once) before the first document is shown. If the worker dies, every request in flight fails, onDidLoseWorker
// fires (the folders it had read are gone) and the next request starts a new worker (see WorkerHost).
import * as vscode from 'vscode';
import { FoundFile, SearchRequest, SuggestWorkerReply, UnsentSuggestRequest } from '../../protocol/suggestProtocol';
import { WorkerHost } from './workerHost';

/** The final reply of a request other than an error (errors reject). */
export type SuggestOutcome = Exclude<SuggestWorkerReply, { type: 'error' | 'warmedUp' | 'searchProgress' | 'foundPage' }>;

type WarmedUp = Extract<SuggestWorkerReply, { type: 'warmedUp' }>;

interface Pending {
  resolve: (r: SuggestOutcome) => void;
  reject: (e: Error) => void;
  onProgress?: (done: number, total: number) => void;
  /** A search's pages, taken in one after another (see search). */
  onPage?: (files: FoundFile[]) => void | Promise<void>;
  /** The pages taken in so far: the final reply settles after them. */
  pages?: Promise<void>;
}

export class SuggestWorkerClient extends WorkerHost<SuggestWorkerReply, Pending> {
  private readonly warmedUp = new vscode.EventEmitter<WarmedUp>();
  /** Fires when a (new) worker has loaded the model and run the engine once, with the time that took. */
  readonly onDidWarmUp = this.warmedUp.event;

  constructor(extensionPath: string) {
    // A process of its own, as the index worker: its model, gazetteers and searches stay out of the host's memory.
    super(WorkerHost.script(extensionPath, 'suggestWorker.js'), 'the suggestion worker', { process: { execArgv: [] } });
  }

  /** Starts the worker now, if it is not running, so that it warms up before the first request. */
  start(): void {
    this.ensureWorker();
  }

  send(request: UnsentSuggestRequest): Promise<SuggestOutcome> {
    return this.request<SuggestOutcome>(request, (resolve, reject) => ({ resolve, reject }));
  }

  /**
   * Searches a folder's corpus files in the worker, reporting how far it has come; each page of files found is
   * handed to `onPage` in turn, and acknowledged once the promise it returns settles (the worker waits for that
   * when a few pages are out). Cancelling the token stops the search (the reply is then `skipped`); so does an
   * error in `onPage`, which the promise then rejects with. Resolves after the last page was taken in.
   */
  search(
    request: Omit<SearchRequest, 'id' | 'type'>, token: vscode.CancellationToken,
    onProgress: (done: number, total: number) => void, onPage: (files: FoundFile[]) => void | Promise<void>,
  ): Promise<SuggestOutcome> {
    let cancel: vscode.Disposable | undefined;
    return this.request<SuggestOutcome>({ ...request, type: 'search' }, (resolve, reject, id) => {
      const stop = () => this.notify({ type: 'cancel', id: 0, search: id });
      cancel = token.onCancellationRequested(stop);
      if (token.isCancellationRequested) { stop(); }
      let failed = false;
      const fail = (e: unknown) => {
        if (failed) { return; }
        failed = true;
        stop();
        reject(e instanceof Error ? e : new Error(String(e)));
      };
      return {
        resolve: (r) => { if (!failed) { resolve(r); } }, reject: fail, onProgress, pages: Promise.resolve(),
        // Pages that were out when the search was cancelled or failed are not taken in.
        onPage: (files) => (failed || token.isCancellationRequested ? undefined : onPage(files)),
      };
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
    if (reply.type === 'foundPage') {
      const { onPage } = p;
      p.pages = (p.pages ?? Promise.resolve()).then(() => onPage?.(reply.files)).then(
        () => this.notify({ type: 'searchAck', id: 0, search: reply.id }),
        (e: unknown) => p.reject(e instanceof Error ? e : new Error(String(e))));
      return;
    }
    this.pending.delete(reply.id);
    if (reply.type === 'error') {
      p.reject(new Error(reply.message));
    } else if (p.pages) {
      // The final reply comes after the last page: it settles once the pages were taken in.
      void p.pages.then(() => p.resolve(reply));
    } else {
      p.resolve(reply);
    }
  }
}
