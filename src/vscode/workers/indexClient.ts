// The host's end of the index worker (dist/scanWorker.js): routes progress and findings to the request's
// callbacks and settles each request's promise with its final reply. Every request in flight counts as activity,
// so whenIdle() waits for it. If the worker dies, every request in flight fails, and the next request starts a new
// worker with empty indexes (see WorkerHost).
import type { SkippedEntry } from '../../core/io/walkFolder';
import { JsonSummary } from '../../core/report';
import { ScanProgress } from '../../core/scan';
import { INDEX_WORKER_EXEC_ARGV, IndexReply, IndexRequest, UnsentRequest } from '../../protocol/indexProtocol';
import { Activity } from '../platform/activity';
import { WorkerHost } from './workerHost';

type Findings = Extract<IndexReply, { type: 'findings' }>;
type Listed = Extract<IndexReply, { type: 'listed' }>;

export interface RequestCallbacks {
  onProgress?: (p: ScanProgress) => void;
  onListed?: (l: Listed) => void;
  onFindings?: (f: Findings) => void;
}

/** How a request ended: done (with a scan's summary, or what a walk of a disk request left out) or cancelled. */
export type Outcome = { done: true; summary?: JsonSummary; skipped?: SkippedEntry[] } | { done: false };

interface Pending extends RequestCallbacks {
  resolve: (o: Outcome) => void;
  reject: (e: Error) => void;
  end: () => void;
}

export class IndexWorkerClient extends WorkerHost<IndexReply, Pending> {
  constructor(extensionPath: string, private readonly activity: Activity) {
    // A process of its own: the index of a large corpus is gigabytes, which the extension host should not hold. In
    // the background: the scan takes every core it is given, and the host's thread should not wait for one.
    super(WorkerHost.script(extensionPath, 'scanWorker.js'), 'the index worker', { process: { execArgv: INDEX_WORKER_EXEC_ARGV, background: true } });
  }

  /** Sends a request; aborting `signal` cancels it (a scan is then answered with cancelled). */
  send(request: UnsentRequest, callbacks: RequestCallbacks = {}, signal?: AbortSignal): Promise<Outcome> {
    return this.request<Outcome>(request, (resolve, reject, id) => {
      const cancel = () => this.notify({ type: 'cancel', id } satisfies IndexRequest);
      // Aborted already: the cancel follows the request, which is posted once this returns.
      if (signal?.aborted) { queueMicrotask(cancel); } else { signal?.addEventListener('abort', cancel, { once: true }); }
      const busy = this.activity.begin();
      return { ...callbacks, resolve, reject, end: () => { signal?.removeEventListener('abort', cancel); busy(); } };
    });
  }

  protected override onReply(reply: IndexReply): void {
    const p = this.pending.get(reply.id);
    if (reply.type === 'findings' || reply.type === 'listed') {
      // Taken in (the store and the publishing queue are quick): the worker may send the next one.
      try {
        if (reply.type === 'findings') { p?.onFindings?.(reply); } else { p?.onListed?.(reply); }
      } finally {
        this.notify({ type: 'ack', id: reply.id } satisfies IndexRequest);
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
        p.resolve({ done: true, summary: reply.summary, skipped: reply.skipped });
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

  protected override abandon(p: Pending, e: Error): void {
    p.end();
    p.reject(e);
  }

  private settle(id: number, p: Pending): void {
    this.pending.delete(id);
    p.end();
  }
}
