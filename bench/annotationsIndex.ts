// The tag index's build on a generated workspace with a sidecar for every file (`node dist/benchAnnotations.js
// [--files N] [--rounds N]`, default 5,000 files, 3 rounds), as the extension host's thread sees it, two ways in
// alternation:
// - on the host (the TagIndex before the annotations index): every sidecar read, parsed and, where its hash says the
//   source changed, re-anchored on this thread, eight files at a time, and every sidecar read once more for the
//   sessions' decisions (the startup scan they made);
// - in the suggestion worker (now): the folder read and the tags asked of dist/suggestWorker.js (started and
//   warmed up once, as activation does); this thread only turns the summaries into the views' records.
// A first round of each is not measured (this thread's code warms up). Prints, per way, the median of this thread's busy time (event-loop utilisation), the longest block, and the wall
// time until every file's tags are known, with the load average. Prints figures; never passes or fails.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { Worker } from 'worker_threads';
import { watchLongestBlock } from './blockWatch';
import { generateCorpus } from './generate';
import { sourceHashOf } from '../src/core/annotations/model';
import { readSidecarFile } from '../src/core/annotations/sidecarFs';
import { findSidecars, sidecarPathFor } from '../src/core/annotations/sidecarPaths';
import { defaultSidecarLimits, parseSidecar } from '../src/core/annotations/sidecarYaml';
import { summarize } from '../src/core/annotations/corpusAnnotations';
import { corpusMatcher, readCorpusFileAsync } from '../src/core/corpus';
import { DEFAULT_MAX_FILE_BYTES } from '../src/core/options';
import { SuggestWorkerReply, UnsentSuggestRequest } from '../src/protocol/suggestProtocol';
import { FileTags, fileTagsOf } from '../src/vscode/views/model/tags';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) || fallback : fallback;
};
const FILES = arg('--files', 5000);
const ROUNDS = arg('--rounds', 3);
const dir = path.join(__dirname, '..', 'bench-corpus', `tags-${FILES}files`);
/** One file in this many was edited after it was tagged: its sidecar's hash is stale and its tags re-anchor. */
const EDITED_EVERY = 5;

/** A sidecar for each generated file: four entities (capitalised words) and one claim (a sentence). */
function writeSidecars(): void {
  const rels = fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.txt')).sort();
  rels.forEach((rel, n) => {
    const file = path.join(dir, rel);
    const text = fs.readFileSync(file, 'utf8');
    const items: string[] = [];
    const words = [...text.matchAll(/\b[A-Z][a-z]{3,}\b/g)].filter((_m, i) => i % 7 === 3).slice(0, 4);
    words.forEach((m, i) => items.push(annotation(`e${i}`, 'entity', m[0], m.index, text, i % 2 ? 'person' : 'organization')));
    const sentence = /[A-Z][^.!?\n]{40,160}[.!?]/.exec(text);
    if (sentence) { items.push(annotation('c0', 'claim', sentence[0], sentence.index, text)); }
    const sidecar = `version: 1\nsource: ${path.basename(rel)}\nsourceHash: ${sourceHashOf(text)}\nannotations:\n${items.join('')}`;
    fs.writeFileSync(sidecarPathFor(file), sidecar);
    if (n % EDITED_EVERY === 0) { fs.writeFileSync(file, `Updated on Tuesday.\n\n${text}`); }
  });
}

function annotation(id: string, kind: string, quote: string, start: number, text: string, label?: string): string {
  return `  - id: ${id}\n    kind: ${kind}\n${label ? `    label: ${label}\n` : ''}    quote: ${JSON.stringify(quote)}\n`
    + `    prefix: ${JSON.stringify(text.slice(Math.max(0, start - 24), start))}\n`
    + `    suffix: ${JSON.stringify(text.slice(start + quote.length, start + quote.length + 24))}\n`
    + `    start: ${start}\n    end: ${start + quote.length}\n`;
}

interface Result { busyMs: number; blockMs: number; wallMs: number; files: number; tags: number }

/** Runs `work`, measuring this thread's busy time, its longest block and the wall time. */
async function measure(work: () => Promise<Map<string, FileTags>>): Promise<Result> {
  const block = watchLongestBlock();
  const elu = performance.eventLoopUtilization();
  const started = performance.now();
  const files = await work();
  const wallMs = performance.now() - started;
  const busy = performance.eventLoopUtilization(elu);
  const blockMs = block.stop();
  let tags = 0;
  for (const f of files.values()) { tags += f.tags.length; }
  return { busyMs: busy.active, blockMs, wallMs, files: files.size, tags };
}

const uriOf = (p: string) => pathToFileURL(p).toString();

/** The TagIndex before: every sidecar read and re-anchored on this thread, eight at a time; the sessions' scan. */
async function onHost(): Promise<Map<string, FileTags>> {
  const sidecars = findSidecars(dir).sidecars;
  const out = new Map<string, FileTags>();
  let next = 0;
  const reader = async () => {
    while (next < sidecars.length) {
      const sidecar = sidecars[next++];
      const source = sidecar.slice(0, -'.annotations.yaml'.length);
      const raw = await readSidecarFile(sidecar, defaultSidecarLimits.maxBytes, dir);
      const rel = path.relative(dir, source).split(path.sep).join('/');
      const read = await readCorpusFileAsync(dir, rel, { maxFileBytes: DEFAULT_MAX_FILE_BYTES });
      if (raw === undefined) { continue; }
      const data = parseSidecar(raw, sidecar).data;
      out.set(uriOf(source), fileTagsOf(uriOf(source), summarize(source, data.annotations, data.sourceHash, read.ok ? read.text : undefined)));
      // The sessions' startup scan: the sidecar read again, for decisions about findings.
      const again = await readSidecarFile(sidecar, defaultSidecarLimits.maxBytes, dir);
      if (again && /\b(dismissed|confirmed|kept)\b/.test(again)) { throw new Error('the generated sidecars hold no decisions'); }
    }
  };
  await Promise.all(Array.from({ length: 8 }, reader));
  return out;
}

/** The suggestion worker, started once and warmed up (as activation starts it), one pending request per id. */
class SuggestWorker {
  private readonly worker = new Worker(path.join(__dirname, 'suggestWorker.js'));
  private nextId = 1;
  private readonly waiting = new Map<number, (r: SuggestWorkerReply) => void>();
  readonly warmedUp: Promise<void>;

  constructor() {
    let warm: () => void = () => undefined;
    this.warmedUp = new Promise((resolve) => { warm = resolve; });
    this.worker.on('message', (r: SuggestWorkerReply) => {
      if (r.type === 'warmedUp') { warm(); return; }
      this.waiting.get(r.id)?.(r);
      this.waiting.delete(r.id);
    });
  }

  send(req: UnsentSuggestRequest): Promise<SuggestWorkerReply> {
    return new Promise((resolve) => {
      const id = this.nextId++;
      this.waiting.set(id, resolve);
      this.worker.postMessage({ ...req, id });
    });
  }

  terminate(): Promise<number> {
    return this.worker.terminate();
  }
}

/** Now: the suggestion worker reads the folder (afresh) and answers the tags; this thread makes the views' records. */
async function inWorker(worker: SuggestWorker): Promise<Map<string, FileTags>> {
  await worker.send({ type: 'folder', folder: 'f', root: dir, selection: { include: ['**/*.txt'], exclude: [] } });
  const matches = corpusMatcher({ include: ['**/*.txt'] });
  const out = new Map<string, FileTags>();
  let after: string | undefined;
  do {
    const reply = await worker.send({ type: 'tags', folder: 'f', after });
    if (reply.type !== 'tags') { throw new Error(`the worker answered ${reply.type}`); }
    // What TagIndex does with a page: each file matched against the selection and made the views' record.
    for (const f of reply.files) {
      if (!matches(path.relative(dir, f.source).split(path.sep).join('/'))) { continue; }
      out.set(uriOf(f.source), fileTagsOf(uriOf(f.source), f));
    }
    after = reply.next;
  } while (after !== undefined);
  return out;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main(): Promise<void> {
  const marker = path.join(dir, '.complete');
  if (!fs.existsSync(marker)) {
    process.stdout.write(`generating ${FILES} files with sidecars in ${dir} ...\n`);
    fs.rmSync(dir, { recursive: true, force: true });
    generateCorpus(dir, FILES * 10_000, 11, FILES);
    writeSidecars();
    fs.writeFileSync(marker, '');
  }
  const worker = new SuggestWorker();
  await worker.warmedUp;
  const ways = { 'on the host (before)': onHost, 'in the worker (now)': () => inWorker(worker) };
  const results = new Map<string, Result[]>(Object.keys(ways).map((k) => [k, []]));
  // A round unmeasured first, so that this thread's compiled code (the YAML parser, the anchoring) is as warm as a
  // running extension host's.
  for (const way of Object.values(ways)) { await way(); }
  const load = os.loadavg()[0];
  for (let round = 0; round < ROUNDS; round++) {
    for (const [name, way] of Object.entries(ways)) { results.get(name)!.push(await measure(way)); }
  }
  console.log(`tag index build: ${FILES} files with sidecars (one in ${EDITED_EVERY} edited since tagged), median of ${ROUNDS} rounds, `
    + `load average ${load.toFixed(1)} -> ${os.loadavg()[0].toFixed(1)}`);
  for (const [name, rs] of results) {
    console.log(`  ${name.padEnd(22)} host thread busy ${median(rs.map((r) => r.busyMs)).toFixed(0).padStart(6)} ms`
      + `  longest block ${median(rs.map((r) => r.blockMs)).toFixed(0).padStart(5)} ms  wall ${median(rs.map((r) => r.wallMs)).toFixed(0).padStart(6)} ms`
      + `  (${rs[0].files} files, ${rs[0].tags} tags)`);
  }
  await worker.terminate();
}

void main();
