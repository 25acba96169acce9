// A whole-folder scan on several threads. Workers read and prepare files (the per-file work) and later run the
// boilerplate detector on them; this thread keeps the one CorpusIndex, links prepared documents into it, and
// finds duplicated passages, which need the whole corpus's posting table. Same result as scanFolder. A file that
// changes on disk between the two phases is re-indexed here, with the files that share passages with it.
import * as os from 'os';
import { Worker } from 'worker_threads';
import { listCorpus } from './corpus';
import { CorpusIndex, FileAnalysis } from './index/corpusIndex';
import { unpackDocument } from './index/prepare';
import { ScanCancelled, ScanOptions, ScanResult, SkippedFile, StageClock } from './scan';
import { PrepareReply, PrepareRequest } from './index/prepareProtocol';
import { readStamped, textLoader } from './index/sourceFile';

const BATCH = 32;

export interface ParallelOptions {
  /** Path of the bundled prepare worker (dist/prepareWorker.js). */
  workerScript: string;
  /** Number of worker threads; default: the number of cores, at most 4. */
  workers?: number;
}

export async function scanFolderParallel(root: string, options: ScanOptions, parallel: ParallelOptions): Promise<ScanResult> {
  const clock = new StageClock();
  const { files: paths, skipped } = listCorpus(root, options);
  clock.end('list files');
  const index = new CorpusIndex(options.engine);
  const count = Math.max(1, Math.min(parallel.workers ?? Math.min(4, os.availableParallelism?.() ?? os.cpus().length), Math.ceil(paths.length / BATCH) || 1));
  const workers = Array.from({ length: count }, () => new Worker(parallel.workerScript));
  const owner = new Map<string, number>();
  let bytes = 0;
  try {
    // Phase one: prepare and link, batches handed to whichever worker is free.
    let next = 0;
    let done = 0;
    await Promise.all(workers.map((w, wi) => new Promise<void>((resolve, reject) => {
      const send = () => {
        if (next >= paths.length) { w.removeAllListeners('message'); resolve(); return; }
        const files = paths.slice(next, next + BATCH);
        next += files.length;
        const req: PrepareRequest = {
          type: 'prepare', root, files, maxFileBytes: index.options.maxFileBytes,
          k: index.options.duplicates.k, window: index.options.duplicates.window, boilerplate: index.options.boilerplate,
        };
        w.postMessage(req);
      };
      w.on('error', reject);
      w.on('message', (r: PrepareReply) => {
        if (r.type === 'error') { reject(new Error(r.message)); return; }
        if (r.type !== 'prepared') { return; }
        for (const f of r.files) {
          if (f.ok) {
            const load = textLoader(root, f.path, f.stamp, index.options);
            index.loadPrepared(f.path, unpackDocument(f.doc, load), f.stamp);
            owner.set(f.path, wi);
            bytes += f.bytes;
          } else {
            skipped.push({ path: f.path, reason: f.reason, message: f.message });
          }
        }
        done += r.files.length;
        if (options.isCancelled?.()) { reject(new ScanCancelled()); return; }
        options.onProgress?.({ phase: 'reading', done, total: paths.length });
        send();
      });
      send();
    })));
    clock.end('read, prepare (workers) and link');

    // Phase two: boilerplate on the workers that hold each file's text, duplicates here as results come back.
    const analyses = new Map<string, FileAnalysis>();
    const changed: string[] = [];
    let analysed = 0;
    const totalFiles = index.totalFiles;
    // The requests go out first, so the workers run the boilerplate detector while this thread sorts out the
    // shared fingerprints; their replies wait in the queue until then (all of this happens in one turn).
    const sent = workers.map((w, wi) => {
      const mine = paths.filter((p) => owner.get(p) === wi);
      let batches = 0;
      for (let i = 0; i < mine.length; i += BATCH) {
        const items = mine.slice(i, i + BATCH).map((p) => ({ path: p, counts: index.shapeCountsFor(p) }));
        const req: PrepareRequest = { type: 'boilerplate', items, totalFiles, options: index.options.boilerplate };
        w.postMessage(req);
        batches++;
      }
      return batches;
    });
    clock.end('shape counts to the workers');
    const shared = index.sharedFingerprints();
    clock.end('shared fingerprints (sort)');
    await Promise.all(workers.map((w, wi) => new Promise<void>((resolve, reject) => {
      let pending = sent[wi];
      if (pending === 0) { resolve(); return; }
      w.on('message', (r: PrepareReply) => {
        if (r.type === 'error') { reject(new Error(r.message)); return; }
        if (r.type !== 'boilerplate') { return; }
        for (const res of r.results) {
          if (res.changed) { changed.push(res.path); } else { analyses.set(res.path, index.analyzeWith(res.path, res.findings, shared)); }
        }
        analysed += r.results.length;
        if (options.isCancelled?.()) { reject(new ScanCancelled()); return; }
        options.onProgress?.({ phase: 'analysing', done: analysed, total: totalFiles });
        if (--pending === 0) { resolve(); }
      });
    })));
    clock.end('boilerplate (workers) and duplicate spans');
    if (changed.length > 0) { bytes += reindexChanged(root, index, changed, analyses, skipped); }
    const files = paths.filter((p) => analyses.has(p)).map((p) => analyses.get(p)!);
    skipped.sort((a, b) => (a.path < b.path ? -1 : 1));
    return { root, index, files, skipped, bytes, stages: clock.stages };
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

/**
 * Files that changed on disk after they were prepared: read again and re-indexed (or dropped, when no longer
 * readable), then they and every file that shares passages with their old or new text are analysed again, so
 * no finding is reported with offsets into the text that was replaced. Returns the change in bytes read.
 */
function reindexChanged(root: string, index: CorpusIndex, changed: string[], analyses: Map<string, FileAnalysis>, skipped: SkippedFile[]): number {
  const again = new Set<string>();
  let bytes = 0;
  for (const rel of changed) {
    // The stamp's size is the size of the version read first (a change during that read changes the stamp).
    bytes -= index.document(rel)?.stamp?.size ?? 0;
    const { read, stamp } = readStamped(root, rel, index.options);
    if (read.ok) { bytes += read.bytes; }
    const affected = read.ok ? index.setDocument(rel, read.text, stamp) : index.removeDocument(rel);
    if (read.ok) { again.add(rel); } else { skipped.push({ path: rel, reason: read.reason, message: read.message }); }
    analyses.delete(rel);
    for (const p of affected) { again.add(p); }
  }
  for (const p of again) {
    if (index.has(p)) { analyses.set(p, index.analyze(p)); }
  }
  return bytes;
}
