// A whole-folder scan on several threads. Workers read and prepare files (the per-file work) and later run the
// boilerplate detector and the span search on them; this thread keeps the one CorpusIndex, links prepared
// documents into it, finds the shared fingerprints (one sort), and makes the findings from the spans the workers
// find. The word hashes exist once, in buffers shared by all threads. Same result as scanFolder. A file that
// changes on disk between the two phases is re-indexed here, with the files that share passages with it.
import * as os from 'os';
import * as v8 from 'v8';
import * as vm from 'vm';
import { Worker } from 'worker_threads';
import { listCorpus } from './corpus';
import { CorpusIndex, FileAnalysis } from './index/corpusIndex';
import { FindingsReader } from './index/findingsPack';
import { unpackBatch, unpackDocument } from './index/prepare';
import { ScanCancelled, ScanOptions, ScanResult, SkippedFile, StageClock } from './scan';
import { AnalyseItem, PrepareReply, PrepareRequest } from './index/prepareProtocol';
import { readStamped, stampOf, textLoader } from './index/sourceFile';
import { MemoryTrace } from './memoryTrace';

const BATCH = 32;
/**
 * A prepare worker's old generation, in MB. What a worker keeps (stamps and its files' token views) is some 50 MB
 * at 1 GB; without a limit V8 lets the garbage of preparing grow far past that before a full collection.
 */
const WORKER_OLD_MB = 256;
/**
 * Batches a worker may hold unanswered in phase two: enough for the workers to keep busy while this thread sorts
 * the shared fingerprints and makes findings, few enough that the findings waiting here stay small.
 */
const IN_FLIGHT = 48;
/**
 * Share of the files that go out for their boilerplate before this thread sorts the shared fingerprints. The
 * sort's time grows with the corpus, so a fixed number of batches did not cover it: at 1 GB the workers ran out
 * of boilerplate to find and waited some 3 s each. A share keeps the workers busy for longer the larger the
 * corpus; it is kept small because every file sent before the sort is answered in a burst once the shared
 * postings come, and those answers wait here (at 1 GB a share of 0.25 raised the main heap at the end of phase
 * two from 380 to 790 MB and the peak past 2 GB). Below IN_FLIGHT batches a worker (100 MB), IN_FLIGHT holds.
 */
const AHEAD_SHARE = 0.1;
/**
 * How far this thread's heap may grow past what a full collection left before the scan collects again (HeapCap):
 * at 1 GB the heap holds some 230 MB in phase two, and without the cap the garbage on top of it reached 130-390 MB.
 */
export const HEAP_HEADROOM_MB = 128;

export interface ParallelOptions {
  /** Path of the bundled prepare worker (dist/prepareWorker.js). */
  workerScript: string;
  /** Number of worker threads; default: the number of cores, at most 4. */
  workers?: number;
  /** Batches a worker may hold unanswered in phase two; default IN_FLIGHT. */
  inFlight?: number;
  /**
   * This thread's heap is collected in full once it has grown this many MB past what the last such collection
   * left (see HeapCap); default HEAP_HEADROOM_MB, for every caller: the CLI, the bench and the editor's index
   * worker all hold the same index and make the same garbage. `false` (or CORPUS_LENS_HEAP_CAP=off in the
   * environment, which wins) leaves the heap to V8, for measuring what the cap does.
   */
  heapHeadroomMb?: number | false;
  /**
   * The index is not edited after the scan (a report is written, then the process ends: the CLI): every
   * document's fingerprints are dropped as the sort's last pass reads them (CorpusIndex.sharedPostings).
   */
  dropFingerprints?: boolean;
}

/** The headroom a scan runs with: the caller's, unless the environment turns the cap off. */
export function heapHeadroom(parallel: Pick<ParallelOptions, 'heapHeadroomMb'>, env: NodeJS.ProcessEnv = process.env): number | undefined {
  if (env.CORPUS_LENS_HEAP_CAP === 'off') { return undefined; }
  const mb = parallel.heapHeadroomMb ?? HEAP_HEADROOM_MB;
  return mb === false ? undefined : mb;
}

/**
 * A full collection of this thread's heap whenever it has grown a set amount past what the last one left. In phase
 * two the main heap holds some 230 MB at 1 GB and gains garbage steadily (the findings made, the replies read, the
 * report's strings), and V8 let 130 to 390 MB of it pile up before collecting, by timing that changed from run to
 * run: that was most of the 250 MB by which the peak moved. A collection costs this thread a few hundred ms at
 * 1 GB, while the workers go on with their batches. Without a way to collect (no gc exposed, and the flag cannot
 * be set), it does nothing.
 */
class HeapCap {
  private readonly collect: (() => void) | undefined;
  private limit = 0;

  constructor(private readonly headroom: number) {
    this.collect = exposedGc();
  }

  /** Whether a collection can be asked for in this thread. */
  get active(): boolean {
    return this.collect !== undefined;
  }

  /** Collects if the heap has grown past its limit; returns the ms the collection took, or 0. */
  check(): number {
    if (!this.collect || v8.getHeapStatistics().used_heap_size < this.limit) { return 0; }
    const t = performance.now();
    this.settle();
    return performance.now() - t;
  }

  /** Collects now, and sets the next limit above what is left. */
  settle(): void {
    if (!this.collect) { return; }
    this.collect();
    this.limit = v8.getHeapStatistics().used_heap_size + this.headroom * 1024 * 1024;
  }
}

/**
 * A function that collects this thread's heap in full. Without --expose-gc (the editor starts its index worker
 * without it, and so does a user running the CLI), the flag is set now and a new context made: V8 installs
 * `gc` in contexts made after the flag is on. That was chosen over a worker's resourceLimits, the other lever:
 * an old-generation limit makes V8 collect more often only as the heap nears it, and a scan that needs more than
 * the limit then dies of it, while a collection asked for costs time and never fails a scan.
 */
export function exposedGc(): (() => void) | undefined {
  const global = (globalThis as { gc?: () => void }).gc;
  if (global) { return global; }
  try {
    v8.setFlagsFromString('--expose-gc');
    return vm.runInNewContext('gc') as () => void;
  } catch {
    return undefined;
  }
}

export async function scanFolderParallel(root: string, options: ScanOptions, parallel: ParallelOptions): Promise<ScanResult> {
  const clock = new StageClock();
  const { files: paths, skipped } = listCorpus(root, options);
  clock.end('list files');
  const index = new CorpusIndex(options.engine);
  const count = Math.max(1, Math.min(parallel.workers ?? Math.min(4, os.availableParallelism?.() ?? os.cpus().length), Math.ceil(paths.length / BATCH) || 1));
  // CORPUS_LENS_MEMTRACE=<file> samples where the memory is through the stages (see memoryTrace.ts).
  const trace = MemoryTrace.fromEnvironment();
  const workerOptions = { resourceLimits: { maxOldGenerationSizeMb: WORKER_OLD_MB } };
  const workers = Array.from({ length: count }, () => (trace ? trace.worker(parallel.workerScript, workerOptions) : new Worker(parallel.workerScript, workerOptions)));
  let bytes = 0;
  try {
    // Phase one: prepare and link, batches handed to whichever worker is free. Each worker holds two batches, so
    // it prepares the next while this thread links the last one.
    let next = 0;
    let done = 0;
    await Promise.all(workers.map((w) => new Promise<void>((resolve, reject) => {
      let out = 0;
      const send = () => {
        if (next >= paths.length) { return; }
        const files = paths.slice(next, next + BATCH);
        next += files.length;
        out++;
        const req: PrepareRequest = {
          type: 'prepare', root, files, maxFileBytes: index.options.maxFileBytes,
          k: index.options.duplicates.k, window: index.options.duplicates.window,
        };
        w.postMessage(req);
      };
      w.on('error', reject);
      const onMessage = (r: PrepareReply) => {
        if (r.type === 'error') { reject(new Error(r.message)); return; }
        if (r.type !== 'prepared') { return; }
        out--;
        send();
        const docs = unpackBatch(r.batch);
        let d = 0;
        for (const f of r.files) {
          if (f.ok) {
            const load = textLoader(root, f.path, f.stamp, index.options);
            index.loadPrepared(f.path, unpackDocument(docs[d++], load), f.stamp, load);
            bytes += f.bytes;
          } else {
            skipped.push({ path: f.path, reason: f.reason, message: f.message });
          }
        }
        done += r.files.length;
        if (options.isCancelled?.()) { reject(new ScanCancelled()); return; }
        options.onProgress?.({ phase: 'reading', done, total: paths.length });
        if (out === 0) { w.off('message', onMessage); resolve(); }
      };
      w.on('message', onMessage);
      send();
      send();
      if (out === 0) { w.off('message', onMessage); resolve(); }
    })));
    clock.end('read, prepare (workers) and link');
    trace?.mark('read, prepare (workers) and link');

    // Phase two: boilerplate and duplicate spans on the workers (they read the text again and every document's
    // word hashes from the buffers they share with the index); the findings are
    // made here, as results come back.
    const out = new InOrder(paths, index, root, options.onFile);
    const changed: string[] = [];
    let analysed = 0;
    const totalFiles = index.totalFiles;
    // The first requests go out first, so the workers run the boilerplate detector while this thread sorts out
    // the shared fingerprints; they hold those files until the shared postings come, then search their spans.
    // Files go out in path order, a batch at a time, to whichever worker answers: each item carries the file's
    // stamp and token views, so any worker can analyse it, and the workers move along the path order together.
    // An analysis then seldom waits long for the files before it: when each worker had its own files, the one
    // ahead left its analyses waiting here long enough to reach the old generation, and at 1 GB those were
    // most of phase two's garbage. Each worker has at most IN_FLIGHT batches it has not answered yet.
    const order = paths.filter((p) => index.has(p));
    const batches = Math.ceil(order.length / BATCH);
    let sent = 0;
    /** Batches sent to each worker that it has not answered yet. */
    const outstanding = workers.map(() => 0);
    if (trace) { trace.gauge = () => `waiting ${out.waiting}, unanswered ${outstanding.join('/')}, sent ${sent}`; }
    const sendBatch = (wi: number) => {
      const items: AnalyseItem[] = order.slice(sent * BATCH, (sent + 1) * BATCH).map((p) => {
        const doc = index.document(p)!;
        const t = index.heldTokensOf(p);
        // The lines and blocks go as views on the batch's shared buffer: the worker need not find them again.
        const lines = { ...doc.model.lineTables(), blocks: doc.packedBlocks };
        return { path: p, id: doc.id, counts: index.shapeCountsFor(p), stamp: doc.stamp, tokens: t && { hash: t.hash, offsets: t.offsets.packed }, lines };
      });
      sent++;
      outstanding[wi]++;
      const req: PrepareRequest = { type: 'analyse', items, totalFiles, options: index.options.boilerplate };
      workers[wi].postMessage(req);
    };
    const inFlight = Math.max(1, parallel.inFlight ?? IN_FLIGHT);
    // Before the sort, each worker gets its share of AHEAD_SHARE of the batches, or inFlight batches if that is
    // more; after it, a worker gets another batch for each it answers while it holds fewer than inFlight.
    const ahead = parallel.inFlight !== undefined ? inFlight : Math.max(inFlight, Math.ceil(AHEAD_SHARE * batches / workers.length));
    for (let round = 0; round < ahead && sent < batches; round++) {
      workers.forEach((_, wi) => { if (sent < batches) { sendBatch(wi); } });
    }
    clock.end('shape counts to the workers');
    trace?.mark('shape counts to the workers');
    const headroom = heapHeadroom(parallel);
    const cap = headroom !== undefined ? new HeapCap(headroom) : undefined;
    if (index.totalFiles > 0) {
      // The sort's garbage, and the fingerprints when dropped, are collected as the shared arrays are made (see
      // sharedPostings).
      const shared = index.sharedPostings(cap && (() => cap.settle()), parallel.dropFingerprints);
      const spans: PrepareRequest = { type: 'spans', shared, tokens: index.tokenDirectory(), options: index.options.duplicates };
      for (const w of workers) { w.postMessage(spans); }
    }
    // What the sort made to find the shared fingerprints (and the fingerprints, when dropped) is garbage now: this
    // collection frees it before phase two adds to it, and sets the cap's first limit.
    cap?.settle();
    let collections = 0;
    let collectMs = 0;
    clock.end('shared fingerprints (sort)');
    trace?.mark('shared fingerprints (sort)');
    await new Promise<void>((resolve, reject) => {
      let answered = 0;
      if (batches === 0) { resolve(); return; }
      workers.forEach((w, wi) => {
        w.on('error', reject);
        w.on('message', (r: PrepareReply) => {
          if (r.type === 'error') { reject(new Error(r.message)); return; }
          if (r.type !== 'analysed') { return; }
          outstanding[wi]--;
          if (sent < batches && outstanding[wi] < inFlight) { sendBatch(wi); }
          const findings = new FindingsReader(r.findings);
          let at = 0;
          for (const res of r.results) {
            if (res.changed) {
              changed.push(res.path);
              out.changed(res.path);
            } else {
              const others = out.streaming ? new Set<string>() : undefined;
              const spans = r.spans.subarray(at, at += 5 * res.spans);
              out.analysed(index.analyzeFound(res.path, findings.next(res.findings), spans, others), others);
            }
          }
          out.flush();
          const ms = cap?.check() ?? 0;
          if (ms > 0) { collections++; collectMs += ms; }
          analysed += r.results.length;
          if (options.isCancelled?.()) { reject(new ScanCancelled()); return; }
          options.onProgress?.({ phase: 'analysing', done: analysed, total: totalFiles });
          if (++answered === batches) { resolve(); }
        });
      });
    });
    clock.end('boilerplate and duplicate spans (workers), findings');
    trace?.mark('boilerplate and duplicate spans (workers), findings', cap ? `${collections} full collections, ${collectMs.toFixed(0)} ms` : '');
    if (changed.length > 0) { bytes += reindexChanged(root, index, changed, out, skipped); }
    const files = out.finish();
    skipped.sort((a, b) => (a.path < b.path ? -1 : 1));
    return { root, index, files, skipped, bytes, stages: clock.stages, heapCollections: cap?.active ? { count: collections, ms: collectMs } : undefined };
  } finally {
    trace?.close();
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

/**
 * The analyses in path order. Without a receiver they are kept and returned at the end (ScanResult.files). With
 * one (ScanOptions.onFile), a file is handed over as soon as it and every file before it are analysed, so only a
 * window of analyses waits here. The rule for files that change on disk during the scan: a file is handed over
 * only when every other file its passages name (`others`) is still, at that moment, the version indexed (its
 * phase-two read matched its stamp, or its stamp is checked then). A file found changed, and any file naming a
 * file that changed, stops the stream: they and every file after them wait for the end, when the changed files
 * are re-indexed and the files sharing passages with them analysed again (reindexChanged). So no report is
 * written with offsets into a version of a file that had been replaced when it was written.
 */
class InOrder {
  private readonly ready = new Map<string, { analysis: FileAnalysis; others: Set<string> | undefined }>();
  /** Files checked to be the version indexed: their phase-two read, or a stamp check, matched. */
  private readonly unchanged = new Set<string>();
  private readonly changedFiles = new Set<string>();
  private readonly kept: FileAnalysis[] = [];
  private next = 0;
  private held = false;
  /** Each path's place in the order, made only if a file changed during a streamed scan. */
  private position: Map<string, number> | undefined;

  constructor(
    private readonly paths: string[],
    private readonly index: CorpusIndex,
    private readonly root: string,
    private readonly receiver: ((a: FileAnalysis, index: CorpusIndex) => void) | undefined,
  ) {}

  analysed(a: FileAnalysis, others?: Set<string>): void {
    this.unchanged.add(a.path);
    this.ready.set(a.path, { analysis: a, others: others && others.size > 0 ? others : undefined });
  }

  changed(path: string): void {
    this.changedFiles.add(path);
    this.ready.delete(path);
  }

  /** Hands over what can be handed over now (nothing without a receiver: then all waits for the end). */
  flush(): void {
    if (!this.receiver) { return; }
    while (!this.held && this.next < this.paths.length) {
      const p = this.paths[this.next];
      if (this.changedFiles.has(p)) { this.held = true; return; }
      if (!this.index.has(p)) { this.next++; continue; } // skipped when read
      const r = this.ready.get(p);
      if (!r) { return; }
      if (r.others && !this.allUnchanged(r.others)) { this.held = true; return; }
      this.give(p, r.analysis);
    }
  }

  /** After the scan (and any re-indexing): everything left, in path order; the kept analyses without a receiver. */
  finish(): FileAnalysis[] {
    for (; this.next < this.paths.length;) {
      const p = this.paths[this.next];
      const r = this.ready.get(p);
      if (r && this.index.has(p)) { this.give(p, r.analysis); } else { this.next++; }
    }
    return this.kept;
  }

  /** The final analysis of a file not handed over yet (re-indexed or analysed again at the end). */
  replace(a: FileAnalysis): void {
    this.changedFiles.delete(a.path);
    this.ready.set(a.path, { analysis: a, others: undefined });
  }

  /** A file dropped at the end (no longer readable). */
  drop(path: string): void {
    this.ready.delete(path);
  }

  /** Analyses waiting for the files before them. */
  get waiting(): number {
    return this.ready.size;
  }

  /** Whether the other files a file's passages name are worth collecting (only a receiver checks them). */
  get streaming(): boolean {
    return this.receiver !== undefined;
  }

  isHandedOver(path: string): boolean {
    if (!this.receiver) { return false; }
    if (!this.position) { this.position = new Map(this.paths.map((p, i) => [p, i])); }
    return (this.position.get(path) ?? Infinity) < this.next;
  }

  private give(p: string, a: FileAnalysis): void {
    this.ready.delete(p);
    this.next++;
    if (this.receiver) { this.receiver(a, this.index); } else { this.kept.push(a); }
  }

  private allUnchanged(others: Set<string>): boolean {
    for (const o of others) {
      if (this.changedFiles.has(o)) { return false; }
      if (this.unchanged.has(o)) { continue; }
      const was = this.index.document(o)?.stamp;
      const now = stampOf(this.root, o);
      if (!was || !now || was.size !== now.size || was.mtimeMs !== now.mtimeMs) { return false; }
      this.unchanged.add(o);
    }
    return true;
  }
}

/**
 * Files that changed on disk after they were prepared: read again and re-indexed (or dropped, when no longer
 * readable), then they and every file that shares passages with their old or new text are analysed again, so
 * no finding is reported with offsets into the text that was replaced. A file already handed over to a
 * streaming receiver is not analysed again (see InOrder: it names no changed file). Returns the change in bytes.
 */
function reindexChanged(root: string, index: CorpusIndex, changed: string[], out: InOrder, skipped: SkippedFile[]): number {
  const again = new Set<string>();
  let bytes = 0;
  for (const rel of changed) {
    // The stamp's size is the size of the version read first (a change during that read changes the stamp).
    bytes -= index.document(rel)?.stamp?.size ?? 0;
    const { read, stamp } = readStamped(root, rel, index.options);
    if (read.ok) { bytes += read.bytes; }
    const affected = read.ok ? index.setDocument(rel, read.text, stamp) : index.removeDocument(rel);
    if (read.ok) { again.add(rel); } else { skipped.push({ path: rel, reason: read.reason, message: read.message }); }
    out.drop(rel);
    for (const p of affected) { again.add(p); }
  }
  for (const p of again) {
    if (index.has(p) && !out.isHandedOver(p)) { out.replace(index.analyze(p)); }
  }
  return bytes;
}
