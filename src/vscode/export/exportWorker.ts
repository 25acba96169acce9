// The export off the extension host, in a process of its own (as the index and suggestion workers run): it runs
// the core export, which itself prepares files on the bundled prepare workers, so whatever the export holds of a
// large corpus is out of the host's memory. The host starts it with a `start` message and may send `cancel`, which
// stops the export before its next file; the process posts its progress and one `done`, `cancelled` or `error`,
// and ends when the host disconnects. No vscode import.
import { exportCorpus, ExportCancelled, ExportOptions, ExportSummary } from '../../core/export/exportCorpus';
import { hostPort } from '../../worker/hostPort';

export interface ExportJob {
  root: string;
  options: Omit<ExportOptions, 'onProgress' | 'isCancelled'>;
}

export type ExportWorkerRequest = { type: 'start'; job: ExportJob } | { type: 'cancel' };

export type ExportWorkerMessage =
  | { type: 'progress'; phase: 'indexing' | 'exporting'; done: number; total: number }
  | { type: 'done'; summary: ExportSummary }
  | { type: 'cancelled' }
  | { type: 'error'; message: string };

const port = hostPort<ExportWorkerRequest, ExportWorkerMessage>();
if (port) {
  let cancelled = false;
  let started = false;
  port.onMessage((m) => {
    if (m.type === 'cancel') { cancelled = true; return; }
    if (started) { port.post({ type: 'error', message: 'an export is already running in this process' }); return; }
    started = true;
    exportCorpus(m.job.root, { ...m.job.options, onProgress: (p) => port.post({ type: 'progress', ...p }), isCancelled: () => cancelled })
      .then((summary) => port.post({ type: 'done', summary }))
      .catch((e: unknown) => port.post(e instanceof ExportCancelled ? { type: 'cancelled' } : { type: 'error', message: e instanceof Error ? e.message : String(e) }));
  });
}
