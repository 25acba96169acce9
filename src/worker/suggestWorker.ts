// The suggestion worker: a long-lived thread that computes entity and claim suggestions for the documents the
// editor shows, so that the extension host's thread never runs the language model (loading it takes about 100 ms,
// once per worker; a 20 KB document then takes about 20 ms). It keeps, per workspace folder, every sidecar's
// annotations, from which it builds the corpus gazetteer (again only after a sidecar changed). Requests run one at
// a time in arrival order; a suggest request that a later queued one for the same document overtakes is skipped.
// The editor's open documents arrive by the document channel and are kept in a DocumentStore as they come (beside
// the queue): a suggest request names a document's version, which the store must hold, and the searches and counts
// read the store's text for an open document instead of the file on disk.
// The count of untagged mentions across the corpus (for the Files view) and the corpus searches of the actions that
// reach every file run beside the queue, in slices, so that neither holds the other requests nor the host's thread.
import * as path from 'path';
import { DEFAULT_MAX_FILE_BYTES } from '../core/options';
import { CorpusAnnotations } from '../core/annotations/corpusAnnotations';
import { listCorpus, listCorpusFiles, readCorpusFile } from '../core/corpus';
import { Gazetteer, suggest, untaggedMentions } from '../core/suggest';
import { findOccurrences, identicalLines, withLines } from '../core/anchor/occurrences';
import { CITIES, GIVEN_NAMES, ORGANIZATIONS } from '../core/suggest/lexicon';
import { DocumentSync, isDocumentSync } from '../protocol/documentProtocol';
import { Selection } from '../protocol/indexProtocol';
import {
  CorpusQuery, FileOccurrences, FolderRequest, FoundFile, FoundPlace, SEARCH_PAGES_IN_FLIGHT, SEARCH_PAGE_PLACES, SearchRequest,
  SidecarsRequest, SuggestRequest, SuggestWorkerReply, SuggestWorkerRequest, TagsRequest, UntaggedRequest,
} from '../protocol/suggestProtocol';
import { DocumentStore } from './documentStore';
import { hostPort } from './hostPort';

/** The untagged count works in slices of about this many ms, between which other requests are answered. */
const UNTAGGED_SLICE_MS = 10;
/** Files in one page of a tags answer: about 5,000 tags, which the host takes in a few ms. */
const TAGS_PAGE_FILES = 1000;
/** A search posts how far it has come at most this often. */
const SEARCH_PROGRESS_MS = 100;

interface FolderState {
  root: string;
  selection: Selection;
  /** Every sidecar's annotations by the source's absolute path, and what the views need of them. */
  sidecars: CorpusAnnotations;
  /** Built on first use after a change. */
  gazetteer: Gazetteer | undefined;
  /** Bumped when the sidecars are read again: an untagged count begun before is out of date. */
  sidecarsVersion: number;
  /** The id of the untagged count that is current for the folder (an older one stops at its next slice). */
  untaggedJob?: number;
}

export class SuggestService {
  private readonly folders = new Map<string, FolderState>();
  /** The editor's open corpus documents. */
  readonly documents = new DocumentStore();
  private readonly queue: SuggestWorkerRequest[] = [];
  private running = false;
  /** Untagged counts still working (current or cancelled but not yet stopped). */
  private jobs = 0;
  /** Searches asked to stop (by id), until they do. */
  private readonly cancelled = new Set<number>();
  /** The searches running, by id: the pages each has out. */
  private readonly searches = new Map<number, PageStream>();

  /** `sliceMs`: how long the untagged count works before it lets other requests in (tests make it 0). */
  constructor(private readonly post: (reply: SuggestWorkerReply) => void, private readonly sliceMs = UNTAGGED_SLICE_MS) {}

  receive(req: SuggestWorkerRequest | DocumentSync): void {
    // A document change is taken in at once: a request queued before it then sees the newer version, and is skipped.
    if (isDocumentSync(req)) { this.documents.apply(req); return; }
    // A cancel cannot wait in the queue behind the requests it is meant to overtake.
    if (req.type === 'cancel') {
      this.cancelled.add(req.search);
      this.searches.get(req.search)?.wake();
      return;
    }
    // Neither can an ack: it lets a search go on.
    if (req.type === 'searchAck') { this.searches.get(req.search)?.acked(); return; }
    this.queue.push(req);
    if (!this.running) {
      // Start a turn later, so that requests arriving together are all queued and overtaken ones can be seen.
      this.running = true;
      setImmediate(() => void this.pump());
    }
  }

  /**
   * Loads the language model and runs the engine (entities, claims, a gazetteer) on a text of its own, so that V8
   * has compiled the rules before the first real document arrives; then posts `warmedUp` with the time it took.
   * One round per turn, the first on one paragraph (it loads the model), so that a request arriving meanwhile waits
   * at most for one round; a round does not start while a request waits or runs (it stops the warm-up).
   */
  async warmUp(rounds = WARM_UP_ROUNDS): Promise<void> {
    const started = performance.now();
    try {
      const text = warmUpText();
      const gazetteer = Gazetteer.fromEntries([{ text: 'Quarry Lane', label: 'location' }, { text: 'Week in review', label: 'other' }]);
      let done = 0;
      for (; done < rounds; done++) {
        // Before the first round, a moment for requests posted as the worker started to arrive.
        await new Promise((r) => (done === 0 ? setTimeout(r, FIRST_WARM_UP_DELAY_MS) : setImmediate(r)));
        if (this.running || this.queue.length > 0) { break; }
        suggest(done === 0 ? text.slice(0, text.indexOf('\n\n', 300)) : text, { entities: true, claims: true, gazetteer });
      }
      this.post({ type: 'warmedUp', id: 0, ms: performance.now() - started, rounds: done });
    } catch (e) {
      // A warm-up that fails costs only speed; the first real request reports whatever is wrong.
      this.post({ type: 'warmedUp', id: 0, ms: -1, rounds: 0, message: e instanceof Error ? e.message : String(e) });
    }
  }

  /** Resolves when every request received so far has been answered (for tests). */
  async idle(): Promise<void> {
    while (this.running || this.queue.length > 0 || this.jobs > 0) { await new Promise((r) => setImmediate(r)); }
  }

  private async pump(): Promise<void> {
    try {
      while (this.queue.length > 0) {
        const req = this.queue.shift()!;
        try {
          if (req.type === 'suggest' && this.queue.some((q) => q.type === 'suggest' && q.doc === req.doc)) {
            this.post({ type: 'skipped', id: req.id });
          } else {
            await this.handle(req);
          }
        } catch (e) {
          this.post({ type: 'error', id: req.id, message: e instanceof Error ? e.stack ?? e.message : String(e) });
        }
        // Let messages that arrived meanwhile join the queue, so overtaken requests can be skipped.
        await new Promise((r) => setImmediate(r));
      }
    } finally {
      this.running = false;
    }
  }

  private handle(req: SuggestWorkerRequest): Promise<void> | void {
    switch (req.type) {
      case 'folder': return this.loadFolder(req);
      case 'sidecars': return this.reloadSidecars(req);
      case 'suggest': return this.suggest(req);
      case 'search': return this.startJob(req.id, () => this.search(req));
      case 'cancel': return;
      case 'searchAck': return;
      case 'untagged': return this.startUntagged(req);
      case 'tags': return this.tags(req);
    }
  }

  private async loadFolder(req: FolderRequest): Promise<void> {
    const problems: string[] = [];
    const sidecars = new CorpusAnnotations(req.root, { maxFileBytes: DEFAULT_MAX_FILE_BYTES });
    await sidecars.load((m) => problems.push(m));
    this.folders.set(req.folder, { root: req.root, selection: req.selection, sidecars, gazetteer: undefined, sidecarsVersion: 0 });
    this.post({ type: 'done', id: req.id, problems });
  }

  private async reloadSidecars(req: SidecarsRequest): Promise<void> {
    const folder = this.folderOf(req.folder);
    // A count running now is out of date from here on (and so is one begun before the reading below ends).
    folder.sidecarsVersion++;
    const problems: string[] = [];
    // An invalid sidecar keeps the annotations last read from it: a half-typed edit should not drop its tags.
    await folder.sidecars.reload(req.sources, (m) => problems.push(m));
    folder.gazetteer = undefined;
    folder.sidecarsVersion++;
    this.post({ type: 'done', id: req.id, problems });
  }

  private suggest(req: SuggestRequest): void {
    const started = performance.now();
    const folder = this.folderOf(req.folder);
    const doc = this.documents.get(req.doc);
    // Another version: a newer request follows (or the document was closed, and nothing is shown for it).
    if (!doc || doc.version !== req.version) { this.post({ type: 'skipped', id: req.id }); return; }
    folder.gazetteer ??= this.gazetteerOf(folder);
    const suggestions = suggest(doc.text, {
      entities: req.entities, claims: req.claims, gazetteer: folder.gazetteer, annotations: req.annotations,
    });
    this.post({
      type: 'suggestions', id: req.id, doc: req.doc, version: req.version, generation: req.generation, suggestions,
      ms: performance.now() - started,
    });
  }

  private async search(req: SearchRequest): Promise<void> {
    const folder = this.folderOf(req.folder);
    const { files: paths, skipped } = listCorpus(folder.root, folder.selection);
    const quoteOf = req.query.kind === 'lines' ? req.query.line : req.query.needle;
    const stream = new PageStream(req.id, (reply) => this.post(reply));
    this.searches.set(req.id, stream);
    try {
      let page: FoundFile[] = [];
      let inPage = 0;
      let files = 0;
      let places = 0;
      let unreadable = 0;
      let lineTexts = req.lineTexts ?? Infinity;
      let slice = performance.now();
      let reported = slice;
      const stopped = () => {
        if (!this.cancelled.delete(req.id)) { return false; }
        this.post({ type: 'skipped', id: req.id });
        return true;
      };
      for (let i = 0; i < paths.length; i++) {
        if (performance.now() - slice >= this.sliceMs) {
          await new Promise((r) => setImmediate(r));
          if (stopped()) { return; }
          slice = performance.now();
          if (slice - reported >= SEARCH_PROGRESS_MS) {
            this.post({ type: 'searchProgress', id: req.id, done: i, total: paths.length });
            reported = slice;
          }
        }
        const rel = paths[i];
        const text = this.textOf(req.folder, folder.root, rel);
        if (text === undefined) { unreadable++; continue; }
        const ranges = findQuery(text, req.query);
        if (ranges.length === 0) { continue; }
        const found: FoundPlace[] = withLines(text, ranges).map(({ lineText, ...o }) => {
          const place: FoundPlace = o;
          if (lineTexts > 0) { place.lineText = lineText; lineTexts--; }
          const quote = text.slice(o.start, o.end);
          if (quote !== quoteOf) { place.quote = quote; }
          return place;
        });
        page.push({ path: rel, places: found });
        files++;
        places += found.length;
        inPage += found.length;
        if (inPage >= SEARCH_PAGE_PLACES) {
          // Wait for the host to take in pages before searching on: it holds at most a few at once.
          if (!await stream.post(page, () => this.cancelled.has(req.id))) { stopped(); return; }
          page = [];
          inPage = 0;
          slice = performance.now();
        }
      }
      if (page.length > 0 && !await stream.post(page, () => this.cancelled.has(req.id))) { stopped(); return; }
      if (stopped()) { return; }
      this.post({ type: 'found', id: req.id, files, places, unreadable, skipped: skipped.length });
    } finally {
      this.searches.delete(req.id);
    }
  }

  /** Runs `work` beside the queue; an exception in it is the request's error reply. */
  private startJob(id: number, work: () => Promise<void>): void {
    this.jobs++;
    void work().catch((e: unknown) => {
      this.post({ type: 'error', id, message: e instanceof Error ? e.stack ?? e.message : String(e) });
    }).finally(() => { this.jobs--; });
  }

  /** Starts an untagged count in the background (the queue goes on meanwhile); it replies when done or cancelled. */
  private startUntagged(req: UntaggedRequest): void {
    const folder = this.folderOf(req.folder);
    folder.untaggedJob = req.id;
    this.startJob(req.id, () => this.countUntagged(req, folder));
  }

  private async countUntagged(req: UntaggedRequest, folder: FolderState): Promise<void> {
    const version = folder.sidecarsVersion;
    const current = () => this.folders.get(req.folder) === folder && folder.untaggedJob === req.id && folder.sidecarsVersion === version;
    folder.gazetteer ??= this.gazetteerOf(folder);
    const gazetteer = folder.gazetteer;
    const paths = req.paths ?? listCorpusFiles(folder.root, folder.selection);
    const files: FileOccurrences[] = [];
    const counted: string[] = [];
    const unreadable: string[] = [];
    let slice = performance.now();
    for (const rel of paths) {
      if (!gazetteer.hasProposals()) { counted.push(rel); continue; } // nothing tagged: nothing to read
      if (performance.now() - slice >= this.sliceMs) {
        await new Promise((r) => setImmediate(r));
        if (!current()) { this.post({ type: 'skipped', id: req.id }); return; }
        slice = performance.now();
      }
      const abs = path.join(folder.root, ...rel.split('/'));
      const text = this.textOf(req.folder, folder.root, rel);
      if (text === undefined) { unreadable.push(rel); continue; }
      const count = untaggedMentions(text, gazetteer, folder.sidecars.annotationsOf(abs));
      counted.push(rel);
      if (count > 0) { files.push({ path: rel, count }); }
    }
    if (!current()) { this.post({ type: 'skipped', id: req.id }); return; }
    folder.untaggedJob = undefined;
    const named = req.paths !== undefined;
    this.post({ type: 'untagged', id: req.id, files, counted: named ? counted : [], unreadable: named ? unreadable : [] });
  }

  /** A corpus file's text: the editor's, when it is open there, else the file's on disk (undefined: unreadable). */
  private textOf(key: string, root: string, rel: string): string | undefined {
    const doc = this.documents.find(key, rel);
    if (doc) { return doc.text; }
    const read = readCorpusFile(root, rel, { maxFileBytes: DEFAULT_MAX_FILE_BYTES });
    return read.ok ? read.text : undefined;
  }

  private gazetteerOf(folder: FolderState): Gazetteer {
    return Gazetteer.fromAnnotations([...folder.sidecars.annotations()]);
  }

  // ---- The annotations index: the tags the views list, built here in slices instead of on the host's thread ----

  /**
   * Answers a tags request: the named sources' sidecars read again in the queue (so that a request after it sees
   * them as they are now), then the files' summaries built beside the queue, in slices.
   */
  private async tags(req: TagsRequest): Promise<void> {
    const folder = this.folderOf(req.folder);
    const problems: string[] = [];
    if (req.sources) {
      folder.sidecarsVersion++;
      await folder.sidecars.reload(req.sources, (m) => problems.push(m));
      folder.gazetteer = undefined;
      folder.sidecarsVersion++;
    }
    this.startJob(req.id, () => this.summaries(req, folder, problems));
  }

  private async summaries(req: TagsRequest, folder: FolderState, problems: string[]): Promise<void> {
    const page = req.sources ? undefined : folder.sidecars.page(req.after, TAGS_PAGE_FILES);
    let slice = performance.now();
    const result = await folder.sidecars.summaries(req.sources ?? page!.sources, async () => {
      if (performance.now() - slice >= this.sliceMs) {
        await new Promise((r) => setImmediate(r));
        slice = performance.now();
      }
      // The folder read again meanwhile (a new folder request): this answer would be of the old one.
      return this.folders.get(req.folder) === folder;
    });
    if (!result) { this.post({ type: 'skipped', id: req.id }); return; }
    const next = page?.more ? page.sources[page.sources.length - 1] : undefined;
    this.post({ type: 'tags', id: req.id, files: result.files, removed: result.removed, problems, ...(next !== undefined ? { next } : {}) });
  }

  private folderOf(key: string): FolderState {
    const folder = this.folders.get(key);
    if (!folder) { throw new Error(`the suggestion worker has not read the folder ${key}`); }
    return folder;
  }
}

/** The ranges of a corpus query in one text. */
/**
 * A search's pages out to the host: posting one waits while SEARCH_PAGES_IN_FLIGHT are unacknowledged, so that a
 * search of a common word holds a few pages in either thread instead of every place at once.
 */
class PageStream {
  private unacked = 0;
  private wakeUp: (() => void) | undefined;

  constructor(private readonly id: number, private readonly postReply: (reply: SuggestWorkerReply) => void) {}

  /** Posts a page once the host has room for it; false when `cancelled` turned true while waiting. */
  async post(files: FoundFile[], cancelled: () => boolean): Promise<boolean> {
    while (this.unacked >= SEARCH_PAGES_IN_FLIGHT) {
      if (cancelled()) { return false; }
      await new Promise<void>((r) => { this.wakeUp = r; });
    }
    if (cancelled()) { return false; }
    this.unacked++;
    this.postReply({ type: 'foundPage', id: this.id, files });
    return true;
  }

  acked(): void {
    this.unacked = Math.max(0, this.unacked - 1);
    this.wake();
  }

  /** Lets a wait for an ack look again (an ack or a cancel came). */
  wake(): void {
    const w = this.wakeUp;
    this.wakeUp = undefined;
    w?.();
  }
}

function findQuery(text: string, query: CorpusQuery): [number, number][] {
  if (query.kind === 'lines') { return text.includes(query.line) ? identicalLines(text, query.line) : []; }
  // A quick test first: most files of a corpus do not hold the string at all (a case-blind search cannot use it).
  if (query.caseSensitive !== false && !text.includes(query.needle)) { return []; }
  return findOccurrences(text, query.needle, query);
}

/**
 * Sentence patterns of its own for the warm-up (invented), filled with names from the engine's word lists so that
 * the text varies as news does: titles, ages, figures, quotations and attributions, a question, an opinion, site
 * boilerplate. {G} a given name, {S} a made-up surname, {C} a city, {O} an organization, {N} a number, {w} a
 * made-up word.
 */
const WARM_UP_PATTERNS = [
  'Harbour master {G} {S}, {N}, said on Monday that the {S} Valley Water Board had approved a second pier at Port {S}.',
  '"We carried {N},000 passengers last year, up {N} percent," {S} told the {C} Gazette.',
  'According to Mr. {S}, the council will vote in March on a fare rise of ${N}.50.',
  'The {S} Cycling Club asked Mayor {G} {S} for a safer crossing on Quarry Lane, where {N} riders were injured in June.',
  'Officials at the {O} said the city would spend {N}.4 million on new lights by 2027, more than twice the 2019 amount.',
  'In Lake {S}, volunteers from {S} University counted {N} herons, the highest number since records began.',
  '"I think we must protect the reed beds," said Dr. {G} {S} of the {C} Wildlife Trust.',
  'Is it too late? {G} {S}, who runs a bakery in {C}, was not sure.',
  'Sign up for our newsletter. Read more about cookies.',
  '{S} Freight Ltd and the {O} signed a deal worth ${N} million, the {C} Ministry of Transport said.',
  'The {w} {w} of the {w} were {w} by {S}, who {w} the {w} {w} in {C}.',
];
const WARM_UP_SYLLABLES = ['Tar', 'vel', 'Cor', 'ran', 'Mor', 'wick', 'Len', 'dal', 'Brae', 'thorn', 'Ash', 'by'];

/** Long enough that V8 optimises the rules for a document of ordinary size (a short text leaves them half-compiled). */
const WARM_UP_CHARS = 20_000;
/** The first round loads the model on a short text; the later ones, on the whole text, let V8 optimise the rules. */
const WARM_UP_ROUNDS = 5;
const FIRST_WARM_UP_DELAY_MS = 10;

/** The warm-up text: the patterns above, filled in turn from the word lists, to about WARM_UP_CHARS. */
export function warmUpText(): string {
  const given = [...GIVEN_NAMES];
  const cities = [...CITIES];
  const orgs = [...ORGANIZATIONS];
  let n = 0;
  const pick = <T>(xs: readonly T[]) => xs[(n * 7919) % xs.length];
  const fill = (pattern: string) => pattern.replace(/\{([GSCONw])\}/g, (_m, slot: string) => {
    n++;
    switch (slot) {
      // A made-up word: the model meets new words in every real document, and adds each to its lexicon.
      case 'w': return [0, 1, 2].map((k) => WARM_UP_SYLLABLES[(n * (k + 3) + k) % WARM_UP_SYLLABLES.length].toLowerCase()).join('') + String.fromCharCode(97 + n % 26);
      case 'G': return pick(given);
      case 'C': return pick(cities);
      case 'O': return pick(orgs);
      case 'N': return String(3 + (n * 37) % 90);
      default: return WARM_UP_SYLLABLES[n % 6 * 2] + WARM_UP_SYLLABLES[(n * 5) % 6 * 2 + 1];
    }
  });
  const paragraphs: string[] = ['Week in review'];
  let length = 0;
  for (let i = 0; length < WARM_UP_CHARS; i++) {
    const paragraph = [0, 1, 2, 3].map((k) => fill(WARM_UP_PATTERNS[(i * 3 + k) % WARM_UP_PATTERNS.length])).join(' ');
    paragraphs.push(paragraph);
    length += paragraph.length + 2;
  }
  return paragraphs.join('\n\n') + '\n';
}

const port = hostPort<SuggestWorkerRequest | DocumentSync, SuggestWorkerReply>();
if (port) {
  const service = new SuggestService((reply) => port.post(reply));
  port.onMessage((req) => service.receive(req));
  // Warm up as soon as the worker starts (the extension starts it on activation).
  void service.warmUp();
}
