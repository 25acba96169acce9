// `npm run bench` part two: the extension host's side of indexing. Drives the real index worker
// (dist/scanWorker.js) the way the extension does (scan, acks, an edit), on a 10,000-file corpus from the
// generator, and measures how long this thread's event loop is ever blocked while findings arrive, and how long
// an edited 20 KB document takes to come back with findings. Prints figures; never passes or fails.
import * as fs from 'fs';
import * as path from 'path';
import { monitorEventLoopDelay } from 'perf_hooks';
import { watchLongestBlock } from './blockWatch';
import { CORPUS_VERSION, generateCorpus } from './generate';
import { DocumentSync } from '../src/protocol/documentProtocol';
import { IndexReply, IndexRequest } from '../src/protocol/indexProtocol';
import { FINDING, H_FINDINGS, H_LENGTH, RELATED, fileStarts, packedPaths } from '../src/protocol/packedFiles';
import { duplicateGroups, duplicateGroupSteps, StoredFile } from '../src/vscode/views/model/duplicates';
import { finish } from '../src/vscode/views/model/steps';
import { arrangeRows, arrangeSteps, FILE_SORTS, FileSort, fileRow, mergeSteps, page } from '../src/vscode/views/model/files';
import { reportBody, reportModel } from '../src/vscode/views/model/report';
import { FindingsStore } from '../src/vscode/findings/findingsStore';
import { indexWorker } from './workers';

const FILES = Number(process.argv[process.argv.indexOf('--files') + 1]) || 10000;
/** `--corpus DIR`: a corpus already generated (the scan bench's 1 GB one has 133,000 files), instead of one of its own. */
const given = process.argv.includes('--corpus') ? path.resolve(process.argv[process.argv.indexOf('--corpus') + 1]) : undefined;
const dir = given ?? path.join(__dirname, '..', 'bench-corpus', `host-${FILES}files-${CORPUS_VERSION}`);
const MB = 1024 * 1024;

/** The live heap after a full collection, when the bench runs with --expose-gc (else the heap as it is). */
function liveHeap(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed;
}
const IDLE_AFTER_SCAN_MS = 3000;

/** This thread's time on a core so far, in ms (/proc/self/task/PID/schedstat), or undefined without that file. */
function threadClock(): (() => number) | undefined {
  let fd: number;
  try { fd = fs.openSync(`/proc/self/task/${process.pid}/schedstat`, 'r'); } catch { return undefined; }
  const buf = Buffer.alloc(96);
  return () => Number(buf.toString('latin1', 0, fs.readSync(fd, buf, 0, buf.length, 0)).split(' ')[0]) / 1e6;
}

const uriOf = (p: string) => `file://${dir}/${p}`;

async function main(): Promise<void> {
  const marker = path.join(dir, '.complete');
  if (!given && !fs.existsSync(marker)) {
    process.stdout.write(`generating ${FILES} files in ${dir} ...\n`);
    generateCorpus(dir, FILES * 100_000, 7, FILES);
    fs.writeFileSync(marker, '');
  }
  // A process of its own, as the extension starts it: its messages reach this thread as they reach the host's.
  const worker = indexWorker<IndexReply>();
  const replies: ((r: IndexReply) => void)[] = [];
  worker.on((r) => replies.forEach((f) => f(r)));
  const send = (r: IndexRequest | DocumentSync) => worker.post(r);

  // The findings go into the extension's own store, as the indexer gives them to it: what it holds afterwards is
  // what the host's heap holds per file, and taking a reply in is part of the host's block.
  const store = new FindingsStore(() => undefined, { decisionsOf: () => undefined });
  const heapBefore = liveHeap();
  let longestAccept = 0;
  /** What the reply the store took longest to take held. */
  let longestReply = '';
  let acceptMs = 0;
  let peakHeap = 0;
  const blocks = watchLongestBlock();
  const delay = monitorEventLoopDelay({ resolution: 1 });
  delay.enable();

  const t0 = performance.now();
  let files = 0;
  let messages = 0;
  let listed = 0;
  let firstListedMs: number | undefined;
  await new Promise<void>((resolve, reject) => {
    replies.push((r) => {
      if (r.id !== 1) { return; }
      if (r.type === 'listed') {
        // The Files view shows these rows at once, before the index is built.
        firstListedMs ??= performance.now() - t0;
        listed += r.paths.length;
        send({ type: 'ack', id: 1 });
      } else if (r.type === 'findings') {
        // What the host does with a findings reply, short of making vscode.Diagnostic objects: the store takes it.
        // What the reply holds, read from its files' headers before the store adopts (and renumbers) them.
        let findings = 0;
        let related = 0;
        for (const at of fileStarts(r.files)) {
          const count = r.files.numbers[at + H_FINDINGS];
          findings += count;
          related += (r.files.numbers[at + H_LENGTH] - count * FINDING) / RELATED;
        }
        const started = performance.now();
        store.acceptPacked(r.folder, r.generation, r.files, packedPaths(r.files).map(uriOf), r.removed);
        const took = performance.now() - started;
        if (took > longestAccept) {
          longestReply = `${r.files.count} files, ${findings} findings naming ${related} other copies, ${r.removed.length} removed`;
        }
        longestAccept = Math.max(longestAccept, took);
        acceptMs += took;
        peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
        files += r.files.count;
        messages++;
        send({ type: 'ack', id: 1 });
      } else if (r.type === 'done') {
        resolve();
      } else if (r.type === 'error') {
        reject(new Error(r.message));
      }
    });
    send({
      type: 'scan', id: 1, generation: 1, folder: 'bench', root: dir,
      selection: { include: ['**/*.txt'], exclude: [] },
    });
  });
  const scanSeconds = (performance.now() - t0) / 1000;
  // The index worker's own peak while it indexed (its prepare threads included), and its CPU.
  const workerPeak = worker.peakRss();
  const workerCpu = worker.cpuSeconds();
  delay.disable();
  const longest = blocks.stop();
  const storeHeap = liveHeap() - heapBefore;

  // A person reads before typing: the worker completes its posting table in the background meanwhile (an edit
  // arriving before that ends waits for the rest of it, up to the whole completion, ~0.7 s on the bench corpus).
  await new Promise((r) => setTimeout(r, IDLE_AFTER_SCAN_MS));

  // An edit to a 20 KB document, as the editor sends it after its debounce.
  const target = 'doc000007.txt';
  const original = fs.readFileSync(path.join(dir, target), 'utf8');
  const editTimes: number[] = [];
  for (let i = 0; i < 12; i++) {
    const text = original.slice(0, 10_000) + ` edit${i} ` + original.slice(10_000);
    const id = 100 + i;
    const started = performance.now();
    await new Promise<void>((resolve) => {
      let seen = false;
      replies.push((r) => {
        if (r.id !== id) { return; }
        if (r.type === 'findings') {
          if (!seen && packedPaths(r.files).includes(target)) { seen = true; editTimes.push(performance.now() - started); }
          send({ type: 'ack', id });
        } else if (r.type === 'done' || r.type === 'error' || r.type === 'cancelled') {
          resolve();
        }
      });
      // The editor's change reaches the worker by the document channel first, then the request to index it.
      const sync: DocumentSync = i === 0
        ? { type: 'didOpen', uri: target, folder: 'bench', path: target, version: i + 1, text }
        : { type: 'didChange', uri: target, version: i + 1, changes: [{ text }] };
      send(sync);
      send({ type: 'edit', id, generation: 2 + i, folder: 'bench', path: target, version: i + 1 });
    });
  }
  worker.dispose();

  // The sidebar's models on the same 10,000 files, as the views build them on the host's thread (no tags: the
  // generated corpus has no sidecars).
  const ms = (f: () => unknown) => { const s = performance.now(); f(); return performance.now() - s; };
  const stored: StoredFile[] = store.entries();
  let rows = stored.map((s) => fileRow(s.uri, s.path, s.file, undefined));
  const rowsMs = ms(() => { rows = stored.map((s) => fileRow(s.uri, s.path, s.file, undefined)); });
  const sortMs = Math.max(...(Object.keys(FILE_SORTS) as FileSort[]).map((s) => ms(() => page(arrangeRows(rows, s, 'duplicated'), 500, 1))));
  // The Files view arranges its order a step at a time (the longest step is what one turn of the host can be held
  // for, at most a slice's budget more being the view's own clock); a listing's batch of 4,096 rows merged in too.
  const longestStep = (steps: Generator<void, unknown>) => {
    let longest = 0;
    for (;;) {
      const s = performance.now();
      const r = steps.next();
      longest = Math.max(longest, performance.now() - s);
      if (r.done) { return longest; }
    }
  };
  // The same in this thread's time on a core (the scheduler's counters: process.cpuUsage() counts the collector's
  // helper threads as well), which the machine's load does not stretch: on a shared machine a step of a few
  // milliseconds' work can take a hundred of wall clock. Undefined where there are no such counters.
  const threadMs = threadClock();
  const longestStepCpu = (steps: Generator<void, unknown>) => {
    if (!threadMs) { return NaN; }
    let longest = 0;
    for (;;) {
      const s = threadMs();
      const r = steps.next();
      longest = Math.max(longest, threadMs() - s);
      if (r.done) { return longest; }
    }
  };
  const sorts = Object.keys(FILE_SORTS) as FileSort[];
  const stepMs = Math.max(...sorts.map((s) => longestStep(arrangeSteps(rows, s, 'all'))));
  const mergeStepMs = Math.max(...sorts.map((s) => longestStep(mergeSteps(arrangeRows(rows.slice(4096), s, 'all'), rows.slice(0, 4096), s, 'all'))));
  let groups = duplicateGroups(stored);
  const groupsMs = ms(() => { groups = duplicateGroups(stored); });
  // What the Duplicates view's groups hold (live, after a collection), and its longest step at the view's step size.
  groups = [];
  const heapWithout = liveHeap();
  groups = duplicateGroups(stored);
  const groupsHeap = liveHeap() - heapWithout;
  const groupStepMs = longestStep(duplicateGroupSteps(stored, 200));
  // As the view rebuilds them again and again: sized from the last rebuild (the first above sizes nothing).
  const sizes = { pairs: 0, passages: 0 };
  finish(duplicateGroupSteps(stored, 200, sizes));
  const groupStepCpuMs = longestStepCpu(duplicateGroupSteps(stored, 200));
  const resizedStepCpuMs = longestStepCpu(duplicateGroupSteps(stored, 200, sizes));
  const reportMs = ms(() => reportBody(reportModel(rows, groups, [])));
  const first = editTimes.shift()!;
  editTimes.sort((a, b) => a - b);
  console.log(`host: index ${files} files in ${scanSeconds.toFixed(1)} s on the worker, ${messages} findings messages; first of ${listed} files listed (Files view) after ${(firstListedMs ?? NaN).toFixed(0)} ms`);
  console.log(`host: the index worker's peak ${(workerPeak / MB).toFixed(0)} MB RSS while indexing, ${workerCpu.toFixed(1)} s CPU (its prepare threads included)`);
  console.log(`host: longest block of the host thread ${longest.toFixed(1)} ms (event-loop delay p99 ${(delay.percentile(99) / 1e6).toFixed(1)} ms, max ${(delay.max / 1e6).toFixed(1)} ms); longest take of a findings reply by the store ${longestAccept.toFixed(1)} ms (${longestReply}), all of them ${acceptMs.toFixed(0)} ms`);
  console.log(`host: the findings store holds ${(storeHeap / MB).toFixed(0)} MB of heap for ${store.uris().length} files (the heap peaked at ${(peakHeap / MB).toFixed(0)} MB while indexing) (${(storeHeap / Math.max(1, store.uris().length) / 1024).toFixed(1)} KB per file${(globalThis as { gc?: unknown }).gc ? '' : '; run with --expose-gc for a live figure'})`);
  console.log(`host: sidebar models for ${rows.length} files: rows ${rowsMs.toFixed(1)} ms, slowest sort + filter + first page ${sortMs.toFixed(1)} ms (the view's longest step of one ${stepMs.toFixed(1)} ms, of a batch's merge ${mergeStepMs.toFixed(1)} ms), ${groups.length} duplicate groups ${groupsMs.toFixed(1)} ms (holding ${(groupsHeap / MB).toFixed(1)} MB, ${groups.reduce((n, g) => n + g.pairs.length, 0)} pairs; longest step ${groupStepMs.toFixed(1)} ms; on a core ${groupStepCpuMs.toFixed(1)} ms, sized from the last rebuild ${resizedStepCpuMs.toFixed(1)} ms), report ${reportMs.toFixed(1)} ms`);
  console.log(`host: edited 20 KB file's findings back in median ${editTimes[5].toFixed(1)} ms, max ${editTimes[editTimes.length - 1].toFixed(1)} ms (11 edits, after the debounce); the first edit, ${IDLE_AFTER_SCAN_MS / 1000} s after the scan, ${first.toFixed(1)} ms`);
}

main().catch((e) => { console.error(e); process.exitCode = 1; });
