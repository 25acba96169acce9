// `npm run bench` part four: the editor at corpus scale, as the extension host sees it. Starts the index worker
// and the suggestion worker together (as activation does, each a process of its own) on the generated corpus of
// the host bench, and prints: when the first file is listed (the Files view), how long the index takes, how much
// memory this process and the workers' processes add, how long edits of one document take right after the scan,
// then a corpus-wide tag-all search (a common word and a rarer one), a search for every identical line, and how
// soon a cancelled search stops; throughout, the longest block of this thread, which the host's share of that work
// (listing the places found) must keep short. Prints figures; never passes or fails.
import * as fs from 'fs';
import * as path from 'path';
import { watchLongestBlock } from './blockWatch';
import { CORPUS_VERSION, generateCorpus } from './generate';
import { IndexReply, IndexRequest } from '../src/protocol/indexProtocol';
import { CorpusQuery, FoundFile, SuggestWorkerReply, UnsentSuggestRequest } from '../src/protocol/suggestProtocol';
import { indexWorker, suggestWorker } from './workers';

const FILES = Number(process.argv[process.argv.indexOf('--files') + 1]) || 10000;
/** `--corpus DIR`: a corpus already generated (the scan bench's 1 GB one has 133,000 files), instead of one of its own. */
const given = process.argv.includes('--corpus') ? path.resolve(process.argv[process.argv.indexOf('--corpus') + 1]) : undefined;
const dir = given ?? path.join(__dirname, '..', 'bench-corpus', `host-${FILES}files-${CORPUS_VERSION}`);
const MB = 1024 * 1024;

/**
 * The suggestion worker, with one pending request per id (progress replies are counted, not settled; a search's
 * pages go to its `onPage` and are acknowledged at once, as the host does once it has taken one in).
 */
class SuggestWorker {
  readonly worker = suggestWorker<SuggestWorkerReply>();
  private nextId = 1;
  private readonly waiting = new Map<number, (r: SuggestWorkerReply) => void>();
  private readonly pages = new Map<number, (files: FoundFile[]) => void>();
  progressReplies = 0;
  pageReplies = 0;

  constructor() {
    this.worker.on((r) => {
      if (r.type === 'searchProgress') { this.progressReplies++; return; }
      if (r.type === 'foundPage') {
        this.pageReplies++;
        this.pages.get(r.id)?.(r.files);
        this.worker.post({ type: 'searchAck', id: 0, search: r.id });
        return;
      }
      this.waiting.get(r.id)?.(r);
      this.waiting.delete(r.id);
      this.pages.delete(r.id);
    });
  }

  send(req: UnsentSuggestRequest, onPage?: (files: FoundFile[]) => void): { id: number; reply: Promise<SuggestWorkerReply> } {
    const id = this.nextId++;
    const reply = new Promise<SuggestWorkerReply>((resolve) => this.waiting.set(id, resolve));
    if (onPage) { this.pages.set(id, onPage); }
    this.worker.post({ ...req, id });
    return { id, reply };
  }
}

function cpuSeconds(): number {
  const u = process.resourceUsage();
  return (u.userCPUTime + u.systemCPUTime) / 1e6;
}

/** The most frequent word of a file that is at least 4 letters, and a word that occurs once in it. */
function wordsOf(text: string): { common: string; rare: string } {
  const counts = new Map<string, number>();
  for (const w of text.match(/\p{L}{4,}/gu) ?? []) { counts.set(w, (counts.get(w) ?? 0) + 1); }
  const sorted = [...counts].sort((a, b) => b[1] - a[1]);
  return { common: sorted[0][0], rare: sorted.find(([, n]) => n === 1)?.[0] ?? sorted[sorted.length - 1][0] };
}

async function main(): Promise<void> {
  const marker = path.join(dir, '.complete');
  if (!given && !fs.existsSync(marker)) {
    process.stdout.write(`generating ${FILES} files in ${dir} ...\n`);
    generateCorpus(dir, FILES * 100_000, 7, FILES);
    fs.writeFileSync(marker, '');
  }
  // The workers are processes of their own, as the extension starts them (started on first use): the memory and CPU
  // figures are this process's and theirs together.
  const index = indexWorker<IndexReply>();
  const suggest = new SuggestWorker();
  const rssNow = () => process.memoryUsage().rss + index.rss() + suggest.worker.rss();
  const cpuNow = () => cpuSeconds() + index.cpuSeconds() + suggest.worker.cpuSeconds();
  const baseRss = rssNow();
  let peakRss = baseRss;
  /** The peak since the last search began (each search's own memory). */
  let searchPeak = baseRss;
  const sampler = setInterval(() => {
    const rss = rssNow();
    peakRss = Math.max(peakRss, rss);
    searchPeak = Math.max(searchPeak, rss);
  }, 50);
  const cpu0 = cpuNow();
  const blocks = watchLongestBlock();

  const send = (r: IndexRequest) => index.post(r);
  const t0 = performance.now();
  let firstListedMs: number | undefined;
  let firstFindingsMs: number | undefined;
  let indexed = 0;
  await new Promise<void>((resolve, reject) => {
    index.on((r) => {
      if (r.id !== 1) { return; }
      if (r.type === 'listed') {
        firstListedMs ??= performance.now() - t0;
        send({ type: 'ack', id: 1 });
      } else if (r.type === 'findings') {
        firstFindingsMs ??= performance.now() - t0;
        indexed += r.files.count;
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
  const indexMs = performance.now() - t0;
  const indexBlock = blocks.stop();
  const indexRss = peakRss;
  const indexCpu = cpuNow() - cpu0;

  // Edits of one open document right after the scan: the first looks its fingerprints up in the posting table the
  // scan left partial (the table is not completed for it), the others as typing would send them.
  const editTimes: number[] = [];
  const editRssBefore = peakRss;
  const editPath = 'doc000007.txt';
  const original = fs.readFileSync(path.join(dir, editPath), 'utf8');
  const uri = `file:///bench/${editPath}`;
  await new Promise<void>((resolve, reject) => {
    let version = 0;
    let started = 0;
    const next = () => {
      version++;
      const at = Math.floor(original.length / 2) + version * 7;
      const text = `${original.slice(0, at)} edit${version} ${original.slice(at)}`;
      index.post(version === 1
        ? { type: 'didOpen', uri, folder: 'bench', path: editPath, version, text }
        : { type: 'didChange', uri, version, changes: [{ text }] });
      started = performance.now();
      send({ type: 'edit', id: 1 + version, generation: 1, folder: 'bench', path: editPath, version });
    };
    index.on((r) => {
      if (r.id !== 1 + version) { return; }
      if (r.type === 'findings') { send({ type: 'ack', id: r.id }); return; }
      if (r.type === 'error') { reject(new Error(r.message)); return; }
      if (r.type !== 'done') { return; }
      editTimes.push(performance.now() - started);
      if (version < 11) { next(); } else { resolve(); }
    });
    next();
  });
  const laterEdits = editTimes.slice(1).sort((a, b) => a - b);
  const editRss = peakRss;

  await suggest.send({ type: 'folder', folder: 'bench', root: dir, selection: { include: ['**/*.txt'], exclude: [] } }).reply;
  const sample = fs.readFileSync(path.join(dir, 'doc000007.txt'), 'utf8');
  const { common, rare } = wordsOf(sample);
  const line = sample.split('\n').map((l) => l.trim()).find((l) => l.length > 20) ?? sample.trim().split('\n')[0];
  const searches: [string, CorpusQuery][] = [
    [`tag-all "${common}"`, { kind: 'text', needle: common }],
    [`tag-all "${rare}"`, { kind: 'text', needle: rare }],
    ['every identical line', { kind: 'lines', line }],
  ];
  const lines: string[] = [];
  for (const [what, query] of searches) {
    const watch = watchLongestBlock();
    const cpu = cpuNow();
    const rssBefore = rssNow();
    searchPeak = rssBefore;
    const started = performance.now();
    // The host's part: the match list's rows (as tag-all keeps them), taken in page by page.
    let listMs = 0;
    const rows: { rel: string; start: number }[] = [];
    const reply = await suggest.send({ type: 'search', folder: 'bench', query, lineTexts: 2000 }, (files) => {
      const t = performance.now();
      for (const f of files) { for (const p of f.places) { rows.push({ ...p, rel: f.path }); } }
      listMs += performance.now() - t;
    }).reply;
    const ms = performance.now() - started;
    // (One folder's pages come in path order, as tag-all lists them: no sort.)
    const files = reply.type === 'found' ? reply.files : 0;
    lines.push(`editor: ${what}: ${rows.length} places in ${files} files in ${(ms / 1000).toFixed(2)} s on the worker (CPU of this process and the workers ${(cpuNow() - cpu).toFixed(2)} s), listing them ${listMs.toFixed(1)} ms, longest host block ${watch.stop().toFixed(1)} ms, RSS of this process and the workers: peak +${((Math.max(searchPeak, rssNow()) - rssBefore) / MB).toFixed(0)} MB`);
  }
  const cancelStarted = performance.now();
  const search = suggest.send({ type: 'search', folder: 'bench', query: { kind: 'text', needle: common, caseSensitive: false } });
  await new Promise((r) => setTimeout(r, 100));
  const cancelAt = performance.now();
  suggest.worker.post({ type: 'cancel', id: 0, search: search.id });
  const cancelled = await search.reply;
  const stopMs = performance.now() - cancelAt;
  clearInterval(sampler);

  console.log(`editor: ${indexed} files; first listed after ${(firstListedMs ?? NaN).toFixed(0)} ms, first findings after ${((firstFindingsMs ?? NaN) / 1000).toFixed(1)} s, indexed in ${(indexMs / 1000).toFixed(1)} s (CPU of this process and the workers ${indexCpu.toFixed(1)} s); longest host block while indexing ${indexBlock.toFixed(1)} ms`);
  console.log(`editor: workers' memory (RSS of this process and the two worker processes): +${((indexRss - baseRss) / MB).toFixed(0)} MB at the end of indexing, peak +${((peakRss - baseRss) / MB).toFixed(0)} MB`);
  console.log(`editor: edits of ${editPath} after the scan: first ${editTimes[0].toFixed(0)} ms, then median ${laterEdits[Math.floor(laterEdits.length / 2)].toFixed(1)} ms of ${laterEdits.length} (peak +${((editRssBefore - baseRss) / MB).toFixed(0)} MB before them, +${((editRss - baseRss) / MB).toFixed(0)} MB after)`);
  for (const l of lines) { console.log(l); }
  console.log(`editor: a cancelled search (${(cancelAt - cancelStarted).toFixed(0)} ms in) replied ${cancelled.type} ${stopMs.toFixed(1)} ms after the cancel; ${suggest.progressReplies} progress replies and ${suggest.pageReplies} pages in all`);
  console.log(`editor: CPU of this process and the workers ${(cpuNow() - cpu0).toFixed(1)} s over ${((performance.now() - t0) / 1000).toFixed(1)} s wall`);
  // (Stopped after the last figure: a stopped worker's CPU is no longer read.)
  index.dispose();
  suggest.worker.dispose();
}

main().catch((e) => { console.error(e); process.exitCode = 1; });
