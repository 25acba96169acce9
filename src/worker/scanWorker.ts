// The scan worker: runs the engine on a worker thread so the extension host's thread never blocks on a scan.
// The scan is synchronous, so cancellation is a flag in shared memory that the host sets and the scan reads
// between files.
import { parentPort } from 'worker_threads';
import { toJsonReport } from '../core/report';
import { ScanCancelled, scanFolder } from '../core/scan';
import { WorkerReply, WorkerRequest } from './protocol';

function post(reply: WorkerReply): void {
  parentPort!.postMessage(reply);
}

parentPort?.on('message', (req: WorkerRequest) => {
  const flag = new Int32Array(req.cancel);
  const started = Date.now();
  try {
    const result = scanFolder(req.root, {
      include: req.include,
      exclude: req.exclude,
      isCancelled: () => Atomics.load(flag, 0) !== 0,
      onProgress: (progress) => post({ type: 'progress', id: req.id, progress }),
    });
    post({ type: 'result', id: req.id, report: toJsonReport(result), seconds: (Date.now() - started) / 1000 });
  } catch (e) {
    if (e instanceof ScanCancelled) {
      post({ type: 'cancelled', id: req.id });
    } else {
      post({ type: 'error', id: req.id, message: e instanceof Error ? e.message : String(e) });
    }
  }
});
