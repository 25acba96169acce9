// The export off the extension host: a worker thread runs the core export (which itself prepares files on the
// bundled prepare workers) and posts its progress; the host cancels it by terminating the thread. No vscode import.
import { parentPort, workerData } from 'worker_threads';
import { exportCorpus, ExportOptions } from '../../core/export/exportCorpus';

export interface ExportJob {
  root: string;
  options: Omit<ExportOptions, 'onProgress' | 'isCancelled'>;
}

export type ExportWorkerMessage =
  | { type: 'progress'; phase: 'indexing' | 'exporting'; done: number; total: number }
  | { type: 'done'; summary: Awaited<ReturnType<typeof exportCorpus>> }
  | { type: 'error'; message: string };

const job = workerData as ExportJob;
const post = (m: ExportWorkerMessage) => parentPort?.postMessage(m);
exportCorpus(job.root, { ...job.options, onProgress: (p) => post({ type: 'progress', ...p }) })
  .then((summary) => post({ type: 'done', summary }))
  .catch((e: unknown) => post({ type: 'error', message: e instanceof Error ? e.message : String(e) }));
