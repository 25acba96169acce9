// The index worker: a long-lived thread holding one CorpusIndex per workspace folder, so that the extension
// host's thread never runs the engine. It scans a folder (on prepare workers when they are bundled beside it),
// then keeps the index current as the editor's texts and the files on disk change, and posts the findings of
// every file whose findings may have changed. The editor's open documents arrive by the document channel and are
// kept in a DocumentStore as they come (beside the queue); an edit request names a document's version, which the
// store must hold. Requests run one at a time in arrival order; an edit that a later queued edit of the same
// document overtakes is skipped.
import * as fs from 'fs';
import * as path from 'path';
import { corpusMatcher, listCorpus, listCorpusFiles, readCorpusFile } from '../core/corpus';
import type { SkippedEntry } from '../core/io/walkFolder';
import { CorpusIndex, FileAnalysis } from '../core/index/corpusIndex';
import { prepareDocument } from '../core/index/prepare';
import { scanFolderParallel } from '../core/parallelScan';
import { fileToJson, SummaryBuilder } from '../core/report';
import { ScanCancelled, scanFolder, ScanOptions, ScanResult } from '../core/scan';
import { DocumentSync, isDocumentSync } from '../protocol/documentProtocol';
import { DiskRequest, EditRequest, FileFindings, IndexReply, IndexRequest, ScanRequest, Selection, WireFinding } from '../protocol/indexProtocol';
import { packFiles } from '../protocol/packedFiles';
import { DocumentStore } from './documentStore';
import { hostPort } from './hostPort';

/**
 * Findings are posted in messages of about this many items (findings, the other copies they name, files, removed
 * files), so that the host takes each in quickly: receiving a message and storing its findings happen in one turn
 * of its event loop.
 */
const ITEMS_PER_MESSAGE = 200;

/**
 * Findings and listed replies out at once that the host has not acknowledged. More than one, so that the worker is
 * not held to one reply per turn of its event loop (a turn of a scan analyses some 32 files, whose findings fill
 * several replies); few, so that the host never has more than a few to take in at a time.
 */
const UNACKED_REPLIES = 4;

/** Paths per listed message: a slice the host takes into the Files view's rows in a few milliseconds. */
const PATHS_PER_MESSAGE = 2000;

interface FolderIndex {
  root: string;
  selection: Selection;
  index: CorpusIndex;
  /** Paths whose indexed text is the editor's, with that document's version. */
  versions: Map<string, number>;
}

export class IndexService {
  private readonly folders = new Map<string, FolderIndex>();
  /** The editor's open corpus documents. */
  readonly documents = new DocumentStore();
  private readonly queue: IndexRequest[] = [];
  private running = false;
  /** The rehearsal (see rehearse) is scheduled. */
  private rehearsing = false;
  /** The edit path has run once on this thread (see rehearse). */
  private rehearsed = false;
  /** Replies waiting to be posted (see enqueue), and how many posted ones the host has not acknowledged yet. */
  private readonly outbox: IndexReply[] = [];
  private unacked = 0;
  /** A waiting message is being taken in (see takeWaitingMessage). */
  private polling = false;
  /** Resolves drained()'s wait once the outbox is empty and every reply posted is acknowledged. */
  private emptied: (() => void) | undefined;
  /** The scan request being answered, and the scans (queued or running) the host cancelled. */
  private current: number | undefined;
  private readonly cancelled = new Set<number>();

  /**
   * @param post sends a reply to the host
   * @param options.prepareWorkerScript the bundled prepare worker; when absent, scans run on this thread
   * @param options.awaitAcks keep at most UNACKED_REPLIES findings and listed replies out unacknowledged
   * @param options.receiveWaiting takes a message from the host that is waiting, if one is (receiveMessageOnPort);
   *   without it (a worker process) messages are taken in when the scan yields to the event loop, which a scan on
   *   prepare workers does between their batches
   */
  constructor(
    private readonly post: (reply: IndexReply) => void,
    private readonly options: { prepareWorkerScript?: string; awaitAcks?: boolean; receiveWaiting?: () => IndexRequest | DocumentSync | undefined } = {},
  ) {}

  receive(req: IndexRequest | DocumentSync): void {
    // A document change is taken in at once: a request queued before it then sees the newer version, and is dropped.
    if (isDocumentSync(req)) { this.documents.apply(req); return; }
    if (req.type === 'ack') {
      this.unacked = Math.max(0, this.unacked - 1);
      this.sendQueued();
      return;
    }
    if (req.type === 'cancel') {
      // Only a scan still to be answered: a cancel that crossed its reply would stay in the set for good.
      if (req.id === this.current || this.queue.some((q) => q.id === req.id)) { this.cancelled.add(req.id); }
      return;
    }
    this.queue.push(req);
    if (!this.running) {
      // Start a turn later, so that requests arriving together are all queued and overtaken edits can be seen.
      this.running = true;
      setImmediate(() => void this.pump());
    }
  }

  /** Resolves when every request received so far has been answered (for tests). */
  async idle(): Promise<void> {
    while (this.running || this.queue.length > 0) { await new Promise((r) => setImmediate(r)); }
  }

  private async pump(): Promise<void> {
    try {
      while (this.queue.length > 0) {
        const req = this.queue.shift()!;
        this.current = req.id;
        try {
          if (this.overtaken(req)) {
            this.post({ type: 'done', id: req.id });
          } else {
            await this.handle(req);
          }
        } catch (e) {
          if (e instanceof ScanCancelled) {
            this.post({ type: 'cancelled', id: req.id });
          } else {
            this.post({ type: 'error', id: req.id, message: e instanceof Error ? e.stack ?? e.message : String(e) });
          }
        } finally {
          this.current = undefined;
          this.cancelled.delete(req.id);
        }
        // Let messages that arrived meanwhile join the queue, so overtaken edits can be skipped.
        await new Promise((r) => setImmediate(r));
      }
    } finally {
      this.running = false;
      this.scheduleRehearsal();
    }
  }

  /**
   * Once the thread is idle after the first scan, rehearses the edit path. The posting table a scan leaves partial
   * is not completed: an edit looks up its own fingerprints in it (CorpusIndex.resolve), so the table never holds
   * the corpus's tens of millions of postings beside the scan's.
   */
  private scheduleRehearsal(): void {
    if (this.rehearsed || this.rehearsing) { return; }
    this.rehearsing = true;
    setImmediate(() => {
      this.rehearsing = false;
      if (this.running || this.queue.length > 0) { return; } // the pump schedules it again
      this.rehearse();
    });
  }

  /**
   * Runs an edit's code path once on a document already indexed, discarding the result: a scan runs the per-file
   * work on the prepare workers, so without this the first edit would also pay for compiling that code on this
   * thread (~100 ms on the bench corpus instead of ~7 ms).
   */
  private rehearse(): void {
    for (const f of this.folders.values()) {
      const first = f.index.paths.next();
      if (first.done) { continue; }
      // analyze first: it re-indexes the file if it changed on disk, so the text below is the one indexed.
      fileToJson(f.index, f.index.analyze(first.value));
      prepareDocument(f.index.document(first.value)!.model.text, f.index.options.duplicates);
      this.rehearsed = true;
      return;
    }
  }

  private overtaken(req: IndexRequest): boolean {
    return req.type === 'edit'
      && this.queue.some((q) => q.type === 'edit' && q.folder === req.folder && q.path === req.path);
  }

  private async handle(req: IndexRequest): Promise<void> {
    switch (req.type) {
      case 'scan': return this.scan(req);
      case 'edit': return this.edit(req);
      case 'disk': return this.disk(req);
      case 'drop':
        this.folders.delete(req.folder);
        this.post({ type: 'done', id: req.id });
        return;
      case 'ack':
      case 'cancel':
        return; // handled on receipt
    }
  }

  /**
   * Streams the findings as the scan hands each file over (in path order, as soon as it is final), so that the
   * Files view fills while the index is built and the worker keeps no file's analysis or report beyond its
   * message: the CLI's report path. The editor's open documents are held back to the end, where their texts
   * (taken over the disk's) and the files sharing passages with them are analysed again and sent once more.
   * Findings sent before a cancel stay with the host: they are those of the files on disk.
   */
  private async scan(req: ScanRequest): Promise<void> {
    const isCancelled = () => this.isCancelled(req.id);
    await this.postListing(req, isCancelled);
    const out = new FindingsStream(req.id, req.generation, req.folder, (reply) => this.enqueue(reply));
    const totals = new SummaryBuilder();
    /** Open documents' analyses from the disk's text, held back until the editor's texts are taken in. */
    const held = new Map<string, FileAnalysis>();
    const options: ScanOptions = {
      include: req.selection.include,
      exclude: req.selection.exclude,
      isCancelled,
      onProgress: (progress) => this.post({ type: 'progress', id: req.id, progress }),
      onFile: (a, index) => {
        if (this.documents.find(req.folder, a.path)) { held.set(a.path, a); return; }
        totals.add(index, a);
        out.file(index, a, undefined);
      },
    };
    const script = this.options.prepareWorkerScript;
    let result: ScanResult;
    try {
      result = script && fs.existsSync(script)
        ? await scanFolderParallel(req.root, options, { workerScript: script })
        : scanFolder(req.root, options);
    } catch (e) {
      await this.drained(); // what was sent before the cancel or failure goes before its reply
      throw e;
    }
    const index = result.index;

    // The editor's texts take precedence over the disk's; re-analyse what they change. Only for files the scan
    // found: a document can stay open in the editor after its file was deleted. A document opened during the scan
    // was sent without its version: it is sent again with it.
    const versions = new Map<string, number>();
    const again = new Set<string>();
    for (const o of this.documents.inFolder(req.folder).values()) {
      if (!index.has(o.path)) { continue; }
      if (o.text.length > index.options.maxFileBytes) { continue; }
      versions.set(o.path, o.version);
      if (index.holdsText(o.path, o.text)) {
        if (!held.has(o.path)) { again.add(o.path); }
        continue;
      }
      again.add(o.path);
      for (const p of index.setDocument(o.path, o.text)) { again.add(p); }
    }
    const old = this.folders.get(req.folder);
    this.folders.set(req.folder, { root: req.root, selection: req.selection, index, versions });
    const last = [...new Set([...held.keys(), ...again])].filter((p) => index.has(p)).sort();
    for (const p of last) {
      const a = again.has(p) ? index.analyze(p) : held.get(p)!;
      // A file sent during the scan is in the totals already, as the disk has it.
      if (held.has(p)) { totals.add(index, a); }
      out.file(index, a, versions.get(p));
    }
    if (old) {
      for (const p of old.index.paths) {
        if (!index.has(p)) { out.removed(p); }
      }
    }
    out.end();
    await this.drained();
    this.post({ type: 'done', id: req.id, summary: totals.summary(result.skipped, result.bytes) });
  }

  private async edit(req: EditRequest): Promise<void> {
    const folder = this.folders.get(req.folder);
    if (!folder) { this.post({ type: 'done', id: req.id }); return; } // not indexed: nothing to keep current
    const doc = this.documents.find(req.folder, req.path);
    // Another version: a newer edit request follows (or the document was closed, and the disk is read again).
    if (!doc || doc.version !== req.version) { this.post({ type: 'done', id: req.id }); return; }
    const { index } = folder;
    const removed: string[] = [];
    const touched = new Set<string>();
    if (doc.text.length > index.options.maxFileBytes) {
      folder.versions.delete(req.path);
      for (const p of index.removeDocument(req.path)) { touched.add(p); }
      removed.push(req.path);
    } else {
      folder.versions.set(req.path, doc.version);
      touched.add(req.path);
      if (!index.holdsText(req.path, doc.text)) {
        for (const p of index.setDocument(req.path, doc.text)) { touched.add(p); }
      }
    }
    await this.postFindings(req.id, req.generation, req.folder, this.analyze(index, touched, removed), removed);
    this.post({ type: 'done', id: req.id });
  }

  private async disk(req: DiskRequest): Promise<void> {
    const folder = this.folders.get(req.folder);
    if (!folder) { this.post({ type: 'done', id: req.id }); return; }
    const { index, root } = folder;
    const matches = corpusMatcher(folder.selection);
    const touched = new Set<string>();
    const removed: string[] = [];
    const skipped: SkippedEntry[] = [];
    const remove = (p: string) => {
      folder.versions.delete(p);
      for (const q of index.removeDocument(p)) { touched.add(q); }
      removed.push(p);
    };
    const readIn = (p: string) => {
      folder.versions.delete(p);
      const r = readCorpusFile(root, p, index.options);
      if (!r.ok) {
        if (index.has(p)) { remove(p); }
        return;
      }
      // Analysed even when unchanged (the editor saved what it had sent): the host dropped older findings for it.
      touched.add(p);
      if (index.holdsText(p, r.text)) { return; }
      for (const q of index.setDocument(p, r.text)) { touched.add(q); }
    };
    for (const p of new Set(req.paths)) {
      let st: fs.Stats | undefined;
      try { st = fs.statSync(path.join(root, p)); } catch { st = undefined; }
      if (st?.isFile()) {
        if (matches(p)) { readIn(p); } else if (index.has(p)) { remove(p); }
      } else if (st?.isDirectory()) {
        const walked = listCorpus(root, folder.selection, p);
        skipped.push(...walked.skipped);
        for (const f of walked.files) { readIn(f); }
      } else if (index.has(p)) {
        remove(p);
      } else {
        const under = `${p}/`; // a folder that is gone
        for (const q of [...index.paths]) {
          if (q.startsWith(under)) { remove(q); }
        }
      }
    }
    for (const p of removed) { touched.delete(p); }
    await this.postFindings(req.id, req.generation, req.folder, this.analyze(index, touched, removed), removed);
    this.post({ type: 'done', id: req.id, ...(skipped.length > 0 ? { skipped } : {}) });
  }

  /**
   * The findings of `paths`. A file indexed without its text that is gone or unreadable by the time it is analysed
   * (a folder being deleted reaches the worker in several batches) leaves the index there: it joins `removed`
   * instead of failing the whole request, so the host drops it like any other removed file.
   */
  private analyze(index: CorpusIndex, paths: Iterable<string>, removed: string[]): FileAnalysis[] {
    const out: FileAnalysis[] = [];
    const all = [...paths];
    index.prepareAnalyses(all);
    for (const p of all) {
      if (!index.has(p)) { continue; }
      try {
        out.push(index.analyze(p));
      } catch (e) {
        if (index.has(p)) { throw e; }
        removed.push(p);
      }
    }
    return out;
  }

  /** Lists the folder's corpus files to the host, a slice per message, before the scan reads them. */
  private async postListing(req: ScanRequest, cancelled: () => boolean): Promise<void> {
    const paths = listCorpusFiles(req.root, req.selection);
    for (let i = 0; i < paths.length && !cancelled(); i += PATHS_PER_MESSAGE) {
      this.enqueue({ type: 'listed', id: req.id, folder: req.folder, paths: paths.slice(i, i + PATHS_PER_MESSAGE) });
      if (this.unacked >= UNACKED_REPLIES) { await this.drained(); }
    }
    await this.drained();
  }

  /**
   * Queues a reply the host acknowledges (findings, listed). When acks are awaited, at most UNACKED_REPLIES are out
   * unacknowledged, the rest wait here, and the work that produces them goes on meanwhile (a scan's findings as
   * files become final); without, it is posted at once.
   */
  private enqueue(reply: IndexReply): void {
    this.outbox.push(reply);
    this.sendQueued();
  }

  private sendQueued(): void {
    while (this.outbox.length > 0) {
      if (this.options.awaitAcks && this.unacked >= UNACKED_REPLIES && !this.takeWaitingMessage()) { break; }
      if (this.options.awaitAcks && this.unacked >= UNACKED_REPLIES) { continue; } // what came was not an ack
      const reply = this.outbox.shift()!;
      if (this.options.awaitAcks) { this.unacked++; }
      this.post(reply);
    }
    if (this.outbox.length === 0 && this.unacked === 0) {
      const emptied = this.emptied;
      this.emptied = undefined;
      emptied?.();
    }
  }

  /**
   * Takes in a message the host sent that is waiting (an ack, most often), without waiting for this thread's event
   * loop: a scan's turn takes in every reply its prepare workers have queued, and the acks would only be seen after.
   * Returns false when none waits (or the service has no way to look).
   */
  private takeWaitingMessage(): boolean {
    if (!this.options.receiveWaiting || this.polling) { return false; }
    this.polling = true;
    try {
      const message = this.options.receiveWaiting();
      if (message === undefined) { return false; }
      this.receive(message);
      return true;
    } finally {
      this.polling = false;
    }
  }

  /**
   * True when the host cancelled scan `id`. A thread looks at the messages waiting first: a scan on this thread
   * runs its loops synchronously, and a cancel would only be heard after them.
   */
  private isCancelled(id: number): boolean {
    while (this.takeWaitingMessage()) { /* taken in */ }
    return this.cancelled.has(id);
  }

  /** Resolves once every queued reply has been posted and, when acks are awaited, acknowledged. */
  private async drained(): Promise<void> {
    if (this.outbox.length === 0 && this.unacked === 0) { return; }
    await new Promise<void>((resolve) => {
      const before = this.emptied;
      this.emptied = () => { before?.(); resolve(); };
    });
  }

  private async postFindings(id: number, generation: number, folderKey: string, files: FileAnalysis[], removed: string[]): Promise<void> {
    const folder = this.folders.get(folderKey)!;
    const out = new FindingsStream(id, generation, folderKey, (reply) => this.enqueue(reply));
    for (const a of files) { out.file(folder.index, a, folder.versions.get(a.path)); }
    for (const p of removed) { out.removed(p); }
    out.end();
    await this.drained();
  }
}

/**
 * A request's findings as messages of about ITEMS_PER_MESSAGE items, each handed to `send` as it fills: a file's
 * analysis becomes its wire form at once, so that only the message being filled holds findings.
 */
class FindingsStream {
  private files: FileFindings[] = [];
  private gone: string[] = [];
  private size = 0;

  constructor(
    private readonly id: number,
    private readonly generation: number,
    private readonly folder: string,
    private readonly send: (reply: IndexReply) => void,
  ) {}

  file(index: CorpusIndex, a: FileAnalysis, version: number | undefined): void {
    // The report's JSON with the offsets added to its objects, not copied: a 1 GB scan sends two million findings,
    // and a copy of each doubled the garbage this thread makes while it scans.
    const json = fileToJson(index, a);
    const findings = json.findings as WireFinding[];
    let related = 0;
    for (let i = 0; i < findings.length; i++) {
      const f = findings[i];
      const from = a.findings[i];
      f.start = from.start;
      f.end = from.end;
      related += f.related.length;
      for (let j = 0; j < f.related.length; j++) {
        f.related[j].start = from.related[j].start;
        f.related[j].end = from.related[j].end;
      }
    }
    const wire = json as FileFindings;
    wire.version = version;
    this.files.push(wire);
    // The other copies count too: the files of a story syndicated a hundred times name a hundred copies per
    // passage, and 200 findings of those made a message the host took 260 ms to read and store.
    this.size += findings.length + related + 1;
    if (this.size >= ITEMS_PER_MESSAGE) { this.end(); }
  }

  removed(path: string): void {
    this.gone.push(path);
    if (++this.size >= ITEMS_PER_MESSAGE) { this.end(); }
  }

  /** Sends what is waiting. */
  end(): void {
    if (this.files.length === 0 && this.gone.length === 0) { return; }
    this.send({ type: 'findings', id: this.id, generation: this.generation, folder: this.folder, files: packFiles(this.files), removed: this.gone });
    this.files = [];
    this.gone = [];
    this.size = 0;
  }
}

const port = hostPort<IndexRequest | DocumentSync, IndexReply>();
if (port) {
  const service = new IndexService((reply) => port.post(reply), {
    prepareWorkerScript: path.join(__dirname, 'prepareWorker.js'),
    awaitAcks: true,
    receiveWaiting: port.receiveWaiting,
  });
  port.onMessage((req) => service.receive(req));
}
