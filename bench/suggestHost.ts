// `npm run bench` part three: the suggestion worker's round trip, as the extension host sees it. Starts the bundled
// worker (dist/suggestWorker.js) the way the extension does, and times a 20 KB document's suggest request from
// posting to reply: (a) posted right as the worker starts (it waits for the warm-up), (b) posted after the worker
// reported its warm-up done, then (c) a second, different document (new words cost more the first time the
// language model meets them), and (d) the first document again, several times. The documents are made of the
// invented paragraphs in eval/suggestions/entities.dev.txt and entities.test.txt (markup removed), with a sidecar
// tagging some of the first one's names, so the gazetteer is used. Then, on the 10,000-file corpus of the host
// bench, the Files view's count of untagged mentions, and a corpus-wide search for a common word (as tag-all makes
// it, its pages taken in and acknowledged): how long the worker takes for the whole corpus, how long suggest
// requests sent meanwhile take, and the longest block of this thread. `--corpus DIR` runs the search on a corpus
// already generated instead and leaves the count out (the count writes a sidecar into its corpus while it runs,
// which a shared corpus should not get). Prints figures; never passes or fails.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Worker } from 'worker_threads';
import { watchLongestBlock } from './blockWatch';
import { CORPUS_VERSION, generateCorpus } from './generate';
import { DocumentSync } from '../src/protocol/documentProtocol';
import { SuggestWorkerReply, UnsentSuggestRequest } from '../src/protocol/suggestProtocol';

const RUNS = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 5;
/** `--corpus DIR`: a corpus already generated for the search, instead of the host bench's (the count is left out). */
const GIVEN_CORPUS = process.argv.includes('--corpus') ? path.resolve(process.argv[process.argv.indexOf('--corpus') + 1]) : undefined;
const WARM_REQUESTS = 10;

/** The eval paragraphs of one half with their markup removed, repeated to 20 KB; and the tags the markup gave. */
function document(half: 'dev' | 'test'): { text: string; tags: { quote: string; label: string }[] } {
  const raw = fs.readFileSync(path.join(__dirname, '..', 'eval', 'suggestions', `entities.${half}.txt`), 'utf8');
  const paragraphs = raw.split(/\n\s*\n/).filter((p) => !p.startsWith('#'));
  const tags = new Map<string, string>();
  const labels: Record<string, string> = { PER: 'person', ORG: 'organization', LOC: 'location' };
  const plain = paragraphs.map((p) => p.replace(/\[([^\]]+)\]\((PER|ORG|LOC)\)/g, (_m, quote: string, type: string) => {
    tags.set(quote, labels[type]);
    return quote;
  }));
  let text = 'Week in review\n\n';
  for (let i = 0; text.length < 20480; i++) { text += plain[i % plain.length] + '\n\n'; }
  return { text, tags: [...tags].map(([quote, label]) => ({ quote, label })) };
}

/** A folder with one file whose sidecar tags every third name of the document, for the corpus gazetteer. */
function corpusFolder(tags: { quote: string; label: string }[]): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-lens-bench-suggest-'));
  const chosen = tags.filter((_t, i) => i % 3 === 0);
  const text = chosen.map((t) => `${t.quote} was named.`).join('\n') + '\n';
  fs.writeFileSync(path.join(root, 'tagged.txt'), text);
  const lines = ['version: 1', 'source: tagged.txt', 'annotations:'];
  let offset = 0;
  chosen.forEach((t, i) => {
    lines.push(`  - id: b${i}`, '    kind: entity', `    label: ${t.label}`, `    quote: ${JSON.stringify(t.quote)}`,
      `    start: ${offset}`, `    end: ${offset + t.quote.length}`);
    offset += `${t.quote} was named.\n`.length;
  });
  fs.writeFileSync(path.join(root, 'tagged.txt.annotations.yaml'), lines.join('\n') + '\n');
  return root;
}

class Client {
  readonly worker = new Worker(path.join(__dirname, 'suggestWorker.js'));
  private next = 1;
  private readonly waiting = new Map<number, (r: SuggestWorkerReply) => void>();
  readonly warmedUp: Promise<number>;
  /** Places in the search pages taken in, and how many pages. */
  pagePlaces = 0;
  pages = 0;

  constructor() {
    let warm: (ms: number) => void = () => undefined;
    this.warmedUp = new Promise((r) => { warm = r; });
    this.worker.on('message', (r: SuggestWorkerReply) => {
      if (r.type === 'warmedUp') { warm(r.ms); return; }
      if (r.type === 'searchProgress') { return; }
      if (r.type === 'foundPage') {
        // Taken in as tag-all does (its places kept), then acknowledged.
        this.pages++;
        for (const f of r.files) { this.pagePlaces += f.places.length; }
        this.worker.postMessage({ type: 'searchAck', id: 0, search: r.id });
        return;
      }
      this.waiting.get(r.id)?.(r);
      this.waiting.delete(r.id);
    });
  }

  /** Sends a document's text by the document channel, as the editor does before it asks for its suggestions. */
  open(folder: string, version: number, text: string): void {
    const message: DocumentSync = { type: 'didOpen', uri: 'doc', folder, path: 'doc.txt', version, text };
    this.worker.postMessage(message);
  }

  send(req: UnsentSuggestRequest): Promise<SuggestWorkerReply> {
    const id = this.next++;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      this.worker.postMessage({ ...req, id });
    });
  }
}

async function main(): Promise<void> {
  const { text, tags } = document('dev');
  const other = document('test').text;
  const root = corpusFolder(tags);
  const folder = { type: 'folder' as const, folder: 'bench', root, selection: { include: ['**/*.txt'], exclude: [] } };
  let generation = 0;
  /** One suggest request's round trip, in ms, from posting to reply. */
  const roundTrip = async (client: Client, doc = text): Promise<number> => {
    const started = performance.now();
    client.open('bench', ++generation, doc);
    const reply = await client.send({
      type: 'suggest', folder: 'bench', doc: 'doc', version: generation, generation, annotations: [], entities: true, claims: true,
    });
    if (reply.type !== 'suggestions') { throw new Error(`unexpected reply ${JSON.stringify(reply).slice(0, 200)}`); }
    return performance.now() - started;
  };

  const atStart: number[] = [];
  const afterWarmUp: number[] = [];
  const warmUps: number[] = [];
  const second: number[] = [];
  const warm: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    // (a) The first request posted as the worker starts, after the request to read the folder (as the extension
    // sends them when a document is open at start), timed from its posting.
    const a = new Client();
    void a.send(folder);
    atStart.push(await roundTrip(a));
    await a.worker.terminate();
    // (b) The first request posted once the worker said it had warmed up.
    const b = new Client();
    warmUps.push(await b.warmedUp);
    await b.send(folder);
    afterWarmUp.push(await roundTrip(b));
    second.push(await roundTrip(b, other));
    for (let i = 0; i < WARM_REQUESTS; i++) { warm.push(await roundTrip(b)); }
    await b.worker.terminate();
  }
  fs.rmSync(root, { recursive: true, force: true });
  const range = (xs: number[]) => {
    const s = [...xs].sort((x, y) => x - y);
    return `median ${s[Math.floor(s.length / 2)].toFixed(0)} ms (${s[0].toFixed(0)}-${s[s.length - 1].toFixed(0)})`;
  };
  console.log(`suggest: 20 KB documents (${(Buffer.byteLength(text) / 1024).toFixed(1)} and ${(Buffer.byteLength(other) / 1024).toFixed(1)} KB), gazetteer of ${tags.filter((_t, i) => i % 3 === 0).length} strings, ${RUNS} fresh workers each`);
  console.log(`suggest: the worker's warm-up ${range(warmUps)}`);
  console.log(`suggest: first request posted right at start: round trip ${range(atStart)}`);
  console.log(`suggest: first request posted after the warm-up: round trip ${range(afterWarmUp)}`);
  console.log(`suggest: then a different 20 KB document: round trip ${range(second)}`);
  console.log(`suggest: the first document again (${WARM_REQUESTS} per worker): round trip ${range(warm)}`);
}

/**
 * The untagged count on the host bench's 10,000 files, with a sidecar tagging 30 capitalized words of one file
 * (up to 30, as person names), while a suggest request goes every 100 ms.
 */
async function untaggedOnLargeCorpus(text: string): Promise<void> {
  const dir = largeCorpus();
  const source = fs.readFileSync(path.join(dir, 'doc000001.txt'), 'utf8');
  const names = [...new Set([...source.matchAll(/(?<=\. )[A-Z][a-z]{5,}(?= )/g)].map((m) => m[0]))].slice(0, 30);
  const sidecar = path.join(dir, 'doc000001.txt.annotations.yaml');
  const lines = ['version: 1', 'source: doc000001.txt', 'annotations:'];
  names.forEach((name, i) => {
    const start = source.indexOf(`. ${name} `) + 2;
    lines.push(`  - id: n${i}`, '    kind: entity', '    label: person', `    quote: ${name}`, `    start: ${start}`, `    end: ${start + name.length}`);
  });
  fs.writeFileSync(sidecar, lines.join('\n') + '\n');
  try {
    const client = new Client();
    await client.warmedUp;
    await client.send({ type: 'folder', folder: 'big', root: dir, selection: { include: ['**/*.txt'], exclude: [] } });
    const blocks = watchLongestBlock();
    const started = performance.now();
    let counting = true;
    const count = client.send({ type: 'untagged', folder: 'big' }).then((r) => { counting = false; return r; });
    const during: number[] = [];
    let generation = 0;
    while (counting) {
      const t = performance.now();
      client.open('big', ++generation, text);
      await client.send({
        type: 'suggest', folder: 'big', doc: 'doc', version: generation, generation, annotations: [], entities: true, claims: true,
      });
      if (counting) { during.push(performance.now() - t); }
      await new Promise((r) => setTimeout(r, 100));
    }
    const reply = await count;
    const seconds = (performance.now() - started) / 1000;
    const longest = blocks.stop();
    await client.worker.terminate();
    if (reply.type !== 'untagged') { throw new Error(`unexpected reply ${reply.type}`); }
    during.sort((a, b) => a - b);
    console.log(`untagged: ${path.basename(dir)}: ${names.length} tagged strings: counted in ${seconds.toFixed(1)} s on the worker; ${reply.files.length} files with untagged mentions`);
    console.log(`untagged: ${during.length} suggest requests (20 KB) meanwhile: round trip median ${during[Math.floor(during.length / 2)]?.toFixed(0)} ms, max ${during[during.length - 1]?.toFixed(0)} ms; longest block of this thread ${longest.toFixed(1)} ms`);
  } finally {
    fs.rmSync(sidecar, { force: true });
  }
}

/** The host bench's 10,000 files (generated the first time), or the corpus `--corpus` names. */
function largeCorpus(): string {
  if (GIVEN_CORPUS) { return GIVEN_CORPUS; }
  const FILES = 10000;
  const dir = path.join(__dirname, '..', 'bench-corpus', `host-${FILES}files-${CORPUS_VERSION}`);
  if (!fs.existsSync(path.join(dir, '.complete'))) {
    process.stdout.write(`generating ${FILES} files in ${dir} ...\n`);
    generateCorpus(dir, FILES * 100_000, 7, FILES);
    fs.writeFileSync(path.join(dir, '.complete'), '');
  }
  return dir;
}

/**
 * A corpus-wide search for the most frequent word (of four letters or more) of one file, as tag-all makes it,
 * while a suggest request goes every 100 ms.
 */
async function searchOnLargeCorpus(text: string): Promise<void> {
  const dir = largeCorpus();
  const counts = new Map<string, number>();
  for (const w of fs.readFileSync(path.join(dir, 'doc000007.txt'), 'utf8').match(/\p{L}{4,}/gu) ?? []) { counts.set(w, (counts.get(w) ?? 0) + 1); }
  const needle = [...counts].sort((a, b) => b[1] - a[1])[0][0];
  const client = new Client();
  await client.warmedUp;
  await client.send({ type: 'folder', folder: 'big', root: dir, selection: { include: ['**/*.txt'], exclude: [] } });
  const rss0 = process.memoryUsage().rss;
  let peak = rss0;
  const sampler = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 50);
  const blocks = watchLongestBlock();
  const started = performance.now();
  let searching = true;
  const search = client.send({ type: 'search', folder: 'big', query: { kind: 'text', needle }, lineTexts: 2000 })
    .then((r) => { searching = false; return r; });
  const during: number[] = [];
  let generation = 0;
  while (searching) {
    const t = performance.now();
    client.open('big', ++generation, text);
    await client.send({ type: 'suggest', folder: 'big', doc: 'doc', version: generation, generation, annotations: [], entities: true, claims: true });
    if (searching) { during.push(performance.now() - t); }
    await new Promise((r) => setTimeout(r, 100));
  }
  const reply = await search;
  const seconds = (performance.now() - started) / 1000;
  const longest = blocks.stop();
  clearInterval(sampler);
  await client.worker.terminate();
  if (reply.type !== 'found') { throw new Error(`unexpected reply ${reply.type}`); }
  during.sort((a, b) => a - b);
  console.log(`search: "${needle}" in ${path.basename(dir)}: ${reply.places} places in ${reply.files} files in ${seconds.toFixed(1)} s, ${client.pages} pages (${client.pagePlaces} places taken in); process RSS peak +${((peak - rss0) / 1024 / 1024).toFixed(0)} MB`);
  console.log(`search: ${during.length} suggest requests (20 KB) meanwhile: round trip median ${during[Math.floor(during.length / 2)]?.toFixed(0)} ms, max ${during[during.length - 1]?.toFixed(0)} ms; longest block of this thread ${longest.toFixed(1)} ms`);
}

main()
  .then(() => (GIVEN_CORPUS ? undefined : untaggedOnLargeCorpus(document('dev').text)))
  .then(() => searchOnLargeCorpus(document('dev').text))
  .catch((e) => { console.error(e); process.exitCode = 1; });
