// The host's end of the export process (dist/exportWorker.js): forks it as the workers are forked, sends the job,
// reports its progress, and settles once with the summary, undefined when cancelled, or an error that names how
// the process ended when it ends without an answer (killed, out of memory). A cancel asks the export to stop before
// its next file; a process that has not stopped a few seconds later is killed. `vscode` is not imported, so that
// the unit tests run the real process outside the editor.
import { ChildProcess, fork } from 'child_process';
import type { ExportSummary } from '../../core/export/exportCorpus';
import { workerForkOptions } from '../../protocol/workerProcess';
import type { ExportJob, ExportWorkerMessage, ExportWorkerRequest } from './exportWorker';

/** How long a cancelled export may take to reach its next file before its process is killed. */
const CANCEL_GRACE_MS = 3000;

export interface ExportRun {
  readonly result: Promise<ExportSummary | undefined>;
  /** Asks the export to stop; `result` then resolves undefined. */
  cancel(): void;
  /** The export process's id (undefined when it could not be started). */
  readonly pid: number | undefined;
}

export function runExport(script: string, job: ExportJob, onProgress: (m: ExportWorkerMessage & { type: 'progress' }) => void): ExportRun {
  let child: ChildProcess | undefined;
  let settled = false;
  let cancelTimer: NodeJS.Timeout | undefined;
  let resolveRun!: (s: ExportSummary | undefined) => void;
  let rejectRun!: (e: Error) => void;
  const result = new Promise<ExportSummary | undefined>((resolve, reject) => { resolveRun = resolve; rejectRun = reject; });
  const send = (m: ExportWorkerRequest) => { if (child?.connected) { child.send(m); } };
  const settle = (f: () => void) => {
    if (settled) { return; }
    settled = true;
    if (cancelTimer) { clearTimeout(cancelTimer); }
    // Closing the channel ends the process (see src/worker/hostPort.ts).
    if (child?.connected) { child.disconnect(); }
    f();
  };
  try {
    child = fork(script, [], workerForkOptions([]));
  } catch (e) {
    settle(() => rejectRun(new Error(`Corpus Lens: the export could not be started: ${e instanceof Error ? e.message : String(e)}`)));
    return { result, cancel: () => undefined, pid: undefined };
  }
  child.on('message', (m: ExportWorkerMessage) => {
    if (m.type === 'progress') { onProgress(m); return; }
    if (m.type === 'done') { settle(() => resolveRun(m.summary)); return; }
    if (m.type === 'cancelled') { settle(() => resolveRun(undefined)); return; }
    settle(() => rejectRun(new Error(`Corpus Lens: the export failed: ${m.message}`)));
  });
  child.on('error', (e) => settle(() => rejectRun(new Error(`Corpus Lens: the export process failed: ${e.message}`))));
  child.on('exit', (code, signal) => settle(() => rejectRun(new Error(
    `Corpus Lens: the export process stopped before it finished (${signal ? `signal ${signal}` : `exit code ${code}`})`))));
  send({ type: 'start', job });
  return {
    result,
    pid: child.pid,
    cancel: () => {
      if (settled || cancelTimer) { return; }
      send({ type: 'cancel' });
      cancelTimer = setTimeout(() => { child?.kill(); settle(() => resolveRun(undefined)); }, CANCEL_GRACE_MS);
    },
  };
}
