// The probe of the real-editor scale benchmark (bench/editorReal.mjs). VS Code loads it in the extension host as
// the "tests" of a run, beside the installed Corpus Lens, on a workspace of a generated corpus (tens of thousands
// of files) with one hand-written article in it. From inside the extension host it measures what a user meets
// while the background index runs and after:
//   - the extension host process's resident memory (its threads included: the export worker), and beside it that of
//     each worker process it forked (the index worker, the suggestion worker), sampled every 250 ms from /proc;
//   - the longest block of the host's thread (a 10 ms timer's lateness) during the index and during tag-all;
//   - when the Files view lists its first file, and when every listed file has been analysed;
//   - tagging while the index runs: open the article, select a word, ask for the code actions (as Ctrl+. does),
//     run "Tag as entity: person", and wait for the sidecar to be written;
//   - tag-all over the corpus once indexed: from the command to the list of matches shown.
// Writes the figures to $CORPUS_LENS_BENCH_RESULT. Times are from the extension host's start (process.uptime()).
const fs = require('fs');
const path = require('path');
const vscode = require('vscode');

const EXTENSION_ID = 'corpus-lens.corpus-lens';
const INDEX_TIMEOUT_MS = Number(process.env.CORPUS_LENS_BENCH_INDEX_TIMEOUT_MS) || 1_800_000;

const now = () => process.uptime() * 1000;

/**
 * The host thread's time on a core and its time waiting for one, in ms, from the scheduler's counters
 * (/proc/self/task/TID/schedstat: run and run-queue wait, in ns; the main thread's TID is the process's id). Read
 * through one descriptor, some 5 microseconds a read. Undefined where there is no such file.
 */
function schedClock() {
  let fd;
  try { fd = fs.openSync(`/proc/self/task/${process.pid}/schedstat`, 'r'); } catch { return undefined; }
  const buf = Buffer.alloc(96);
  return () => {
    const [run, wait] = buf.toString('latin1', 0, fs.readSync(fd, buf, 0, buf.length, 0)).split(' ').map(Number);
    return { runMs: run / 1e6, waitMs: wait / 1e6 };
  };
}

/**
 * The longest lateness of a 10 ms timer, per named phase; and every lateness over 50 ms, with when it ended on the
 * clock of a CPU profile (microseconds of the monotonic clock), so that a profile's samples in it are found, and how
 * much of it the thread ran (cpuMs) and waited for a core (waitMs): on a shared machine a block can be mostly the
 * scheduler's, which the profile cannot show (its sampling thread waits for a core too).
 */
function blockWatch() {
  const longest = {};
  const over = [];
  let phase = 'start';
  let last = performance.now();
  const sched = schedClock();
  let lastSched = sched?.();
  const timer = setInterval(() => {
    const t = performance.now();
    const late = t - last - 10;
    const now = sched?.();
    if (late > (longest[phase] ?? 0)) { longest[phase] = late; }
    if (late > 50) {
      const block = { phase, endUs: Number(process.hrtime.bigint() / 1000n), ms: late };
      if (now && lastSched) { block.cpuMs = now.runMs - lastSched.runMs; block.waitMs = now.waitMs - lastSched.waitMs; }
      over.push(block);
    }
    last = t;
    lastSched = now;
  }, 10);
  return { phase: (p) => { phase = p; }, over, stop: () => { clearInterval(timer); return longest; } };
}

/** The resident bytes of process `pid` (0 when it is gone). */
function rssOf(pid) {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/**
 * The worker processes the extension host forked, by their script's name ("scanWorker"): children of this process
 * whose command line runs one of the extension's dist/*Worker.js. Found by a walk of /proc (some 2.5 ms here), so
 * only now and then (see memoryWatch); a worker started again between walks is found at the next.
 */
function workerProcesses() {
  const found = new Map();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) { continue; }
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      // The parent's pid is the second field after the command's name, which is in parentheses and may hold spaces.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid !== process.pid) { continue; }
      const script = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').find((a) => /Worker\.js$/.test(a));
      if (script) { found.set(path.basename(script, '.js'), Number(entry)); }
    } catch {
      // The process ended meanwhile.
    }
  }
  return found;
}

/** Walks /proc for the worker processes every this many samples. */
const WORKER_WALK_SAMPLES = 16;

function memoryWatch() {
  let peak = 0;
  let peakHeap = 0;
  /** Peak RSS per worker process (by script), and the peak of the host's and the workers' sum at one time. */
  const peakWorkers = {};
  let peakTotal = 0;
  let workers = new Map();
  let n = 0;
  const samples = [];
  const sample = () => {
    if (n++ % WORKER_WALK_SAMPLES === 0) { workers = workerProcesses(); }
    const { rss, heapUsed, external, arrayBuffers } = process.memoryUsage();
    peak = Math.max(peak, rss);
    // The host thread's own heap (the export thread's is in the RSS only).
    peakHeap = Math.max(peakHeap, heapUsed + external - arrayBuffers);
    let total = rss;
    let index = 0;
    for (const [name, pid] of workers) {
      const r = rssOf(pid);
      peakWorkers[name] = Math.max(peakWorkers[name] ?? 0, r);
      total += r;
      if (name === 'scanWorker') { index = r; }
    }
    peakTotal = Math.max(peakTotal, total);
    samples.push([Math.round(now()), rss, heapUsed, index]);
  };
  const timer = setInterval(sample, 250);
  sample();
  return { stop: () => { clearInterval(timer); sample(); return { peak, peakHeap, peakWorkers, peakTotal, samples }; } };
}

function waitUntil(check, what, timeoutMs, intervalMs = 100) {
  return new Promise((resolve, reject) => {
    const deadline = Date.now() + timeoutMs;
    const tick = () => {
      let value;
      try { value = check(); } catch (e) { reject(e); return; }
      if (value) { resolve(value); return; }
      if (Date.now() > deadline) { reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)); return; }
      setTimeout(tick, intervalMs);
    };
    tick();
  });
}

/** Selects `word` in the article, asks for the code actions and runs "Tag as entity: person"; times each step. */
async function tagWhileIndexing(api, articleUri, word) {
  const t0 = now();
  const doc = await vscode.workspace.openTextDocument(articleUri);
  const editor = await vscode.window.showTextDocument(doc);
  const opened = now();
  const at = doc.getText().indexOf(word);
  if (at < 0) { throw new Error(`"${word}" is not in ${articleUri.fsPath}`); }
  const range = new vscode.Range(doc.positionAt(at), doc.positionAt(at + word.length));
  editor.selection = new vscode.Selection(range.start, range.end);
  const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', doc.uri, range);
  const offered = now();
  const titles = (actions ?? []).map((a) => a.title);
  const person = (actions ?? []).find((a) => a.title === 'Tag as entity: person');
  if (!person?.command) { return { openMs: opened - t0, actionsMs: offered - opened, titles, taggedMs: undefined }; }
  const saved = new Promise((resolve) => {
    const sub = api.onDidSaveSidecar((uri) => { if (uri.toString() === doc.uri.toString()) { sub.dispose(); resolve(); } });
  });
  await vscode.commands.executeCommand(person.command.command, ...(person.command.arguments ?? []));
  await saved;
  return { openMs: opened - t0, actionsMs: offered - opened, titles, taggedMs: now() - offered, totalMs: now() - t0 };
}

/** "Tag all occurrences in the corpus" of `word`: the time until its list of matches is shown, then closes it. */
async function tagAllInCorpus(api, articleUri, word) {
  const t0 = now();
  const shown = new Promise((resolve) => {
    const sub = api.onDidShowMatches((n) => { sub.dispose(); resolve(n); });
  });
  const running = vscode.commands.executeCommand('corpusLens.tagAllInCorpus', { uri: articleUri.toString(), text: word, kind: 'entity', label: 'other' });
  const matches = await shown;
  const listedMs = now() - t0;
  await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
  await running;
  return { word, matches, listedMs };
}

/** A CPU profile of the extension host's thread, when $CORPUS_LENS_BENCH_PROFILE names a file to write it to. */
function profiler() {
  const file = process.env.CORPUS_LENS_BENCH_PROFILE;
  if (!file) { return { stop: async () => {} }; }
  const inspector = require('inspector');
  const session = new inspector.Session();
  session.connect();
  const post = (method, params) => new Promise((resolve, reject) => session.post(method, params, (e, r) => (e ? reject(e) : resolve(r))));
  const ready = post('Profiler.enable').then(() => post('Profiler.setSamplingInterval', { interval: 500 })).then(() => post('Profiler.start'));
  return {
    stop: async () => {
      await ready;
      const { profile } = await post('Profiler.stop');
      fs.writeFileSync(file, JSON.stringify(profile));
      session.disconnect();
    },
  };
}

exports.run = async function run() {
  const started = now();
  const profile = profiler();
  const blocks = blockWatch();
  const memory = memoryWatch();
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  if (!ext) { throw new Error(`${EXTENSION_ID} is not installed`); }
  const api = await ext.activate();
  const activated = now();
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) { throw new Error('no workspace folder'); }
  const articleUri = vscode.Uri.file(path.join(folder.uri.fsPath, process.env.CORPUS_LENS_BENCH_ARTICLE));
  const result = { probeStartedMs: started, activatedMs: activated };
  try {
    await vscode.commands.executeCommand('corpusLens.files.focus');
    blocks.phase('indexing');
    // The view's list as it holds it: spread again (133,000 rows through an iterator, twice a second) it took 6 s
    // of the host's thread in one run, and read through allRows, which takes in every change the view has not taken
    // yet at once, one read held the thread for 363 ms: the probe's own cost in the blocks it measures.
    const rows = () => api.views.files.rowsSoFar();
    const firstFile = waitUntil(() => rows().length > 0, 'the first file in the Files view', INDEX_TIMEOUT_MS, 50)
      .then(() => { result.firstFileMs = now(); result.listedAtFirst = rows().length; });
    // Tagging while the index runs, as soon as the host has come up.
    result.tagging = await tagWhileIndexing(api, articleUri, process.env.CORPUS_LENS_BENCH_TAG_WORD);
    result.taggingStartedMs = activated;
    await firstFile;
    await waitUntil(() => {
      const all = rows();
      return all.length > 1 && all.every((r) => !r.pending) && rows;
    }, 'every file analysed', INDEX_TIMEOUT_MS, 500);
    await api.whenIdle();
    result.indexedMs = now();
    result.files = rows().length;
    if (process.env.CORPUS_LENS_BENCH_HEAPSNAPSHOT) {
      // A heap snapshot of the host's thread as indexing ends (its heap near its peak), for bench/heapSnapshot.mjs.
      // Writing one holds the thread for seconds: a phase of its own, so that its block is not counted as indexing's.
      blocks.phase('snapshot');
      result.heapBeforeSnapshot = process.memoryUsage().heapUsed;
      require('v8').writeHeapSnapshot(process.env.CORPUS_LENS_BENCH_HEAPSNAPSHOT);
      result.heapAfterSnapshot = process.memoryUsage().heapUsed;
      // The block watcher sees the block at its next tick: the phase stays until it has.
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    blocks.phase('tag-all');
    result.tagAll = await tagAllInCorpus(api, articleUri, process.env.CORPUS_LENS_BENCH_TAGALL_WORD);
    blocks.phase('after');
  } finally {
    await profile.stop();
    result.longestBlockMs = blocks.stop();
    result.longBlocks = blocks.over;
    const mem = memory.stop();
    result.peakRss = mem.peak;
    result.peakHostHeap = mem.peakHeap;
    result.peakWorkerRss = mem.peakWorkers;
    result.peakTotalRss = mem.peakTotal;
    result.rssSamples = mem.samples.filter((_, i) => i % 8 === 0);
    fs.writeFileSync(process.env.CORPUS_LENS_BENCH_RESULT, JSON.stringify(result));
  }
};
