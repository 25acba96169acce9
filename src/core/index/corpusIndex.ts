// CorpusIndex: the single source of truth for findings. It holds, per document, the line tables, block shapes,
// word tokens and winnowed fingerprints (the text only of documents given as text, or read again when needed);
// across documents, how many files hold each shape and a posting table from fingerprint to places. Updating one document costs time in proportion to that document (plus the
// postings its fingerprints share), never to the corpus.
import { detectBoilerplate, ShapeStats } from '../detect/boilerplate';
import { trimBoilerplateEnds } from '../detect/boilerplateSpans';
import { DuplicateOptions, findSharedSpans, FingerprintedDoc, GroupedPostings, SharedFingerprints, SharedSpan } from '../detect/duplicates';
import { tokenize, tokenizeWide, Tokens } from '../detect/tokens';
import { Fingerprints, winnow } from '../detect/winnow';
import { DuplicateCode, Finding, NearDuplicate, RelatedLocation } from '../findings';
import { EngineOptions, EngineOptionsInput, resolveOptions } from '../options';
import { Block, TextModel } from '../text';
import { HashSet32, SortedKeyIndex } from './hashSet';
import { HashFilter, PostingTable } from './postings';
import { countedRuns } from './radixSort';
import { ShapeCounter } from './shapeCounter';
import { distinctShapes, packBlocks, prepareDocument, PreparedDocument, unpackBlocks } from './prepare';
import { ChangedOnDisk, SourceStamp } from './sourceFile';

export interface IndexedDocument extends FingerprintedDoc {
  path: string;
  model: TextModel;
  blocks: Block[];
  /** Number of blocks (without making the block objects). */
  blockCount: number;
  /** The blocks as startLine, endLine, start, end each: a view where they lie, no objects made. */
  packedBlocks: Uint32Array;
  shapes: ArrayLike<number>;
  /** Distinct non-zero shapes, each counted once for this file. */
  uniqueShapes: Float64Array;
  tokens: Tokens;
  fingerprints: Fingerprints;
  /** The version of the file on disk that was indexed, when the text came from disk. */
  stamp?: SourceStamp;
}

/**
 * A document's seldom-read arrays in one buffer, when they are not in one already (documents prepared on this
 * thread): the 64-bit shapes first, so that every array is aligned.
 */
function oneBuffer(arrays: { shapes: Float64Array; unique: Float64Array; blocks: Uint32Array }): typeof arrays {
  const { shapes, unique, blocks } = arrays;
  const buffer = new ArrayBuffer(8 * (shapes.length + unique.length) + 4 * blocks.length);
  let at = 0;
  const put = <T extends Uint32Array | Float64Array>(a: T): T => {
    const v = (a instanceof Float64Array ? new Float64Array(buffer, at, a.length) : new Uint32Array(buffer, at, a.length)) as T;
    v.set(a);
    at += a.byteLength;
    return v;
  };
  return { shapes: put(shapes), unique: put(unique), blocks: put(blocks) };
}

/** A document's fingerprints in one buffer, when they are not in one already. */
function oneFingerprintBuffer(fp: Fingerprints): { hash: Uint32Array; pos: Uint32Array } {
  if (fp.hash.buffer === fp.pos.buffer) { return fp; }
  const both = new Uint32Array(fp.hash.length + fp.pos.length);
  both.set(fp.hash);
  both.set(fp.pos, fp.hash.length);
  return { hash: both.subarray(0, fp.hash.length), pos: both.subarray(fp.hash.length) };
}

/** Words (32-bit) of a chunk of FingerprintChunks: 64 MB, past the largest block malloc takes from its heap. */
const CHUNK_WORDS = 16 * 1024 * 1024;

/**
 * The fingerprints of documents loaded in bulk, copied into chunks of 64 MB. A worker's batch of them is some
 * 50 KB, which malloc takes from its heap among everything else: freed after the sort, such blocks gave back 8 MB
 * of the 203 at 1 GB, the rest kept for the scan's later allocations. A chunk this large is a mapping of its
 * own (glibc maps blocks above its threshold, which it never raises past 32 MB), unmapped when it is freed, and
 * the pages of a chunk's unused end are never touched.
 */
class FingerprintChunks {
  private chunk: Uint32Array | undefined;
  private used = 0;

  /** A copy of the fingerprints' first `count` entries, the hashes then the places, in the current chunk. */
  put(fp: Fingerprints): Fingerprints {
    const n = fp.count;
    if (!this.chunk || this.used + 2 * n > this.chunk.length) {
      this.chunk = new Uint32Array(Math.max(CHUNK_WORDS, 2 * n));
      this.used = 0;
    }
    const hash = this.chunk.subarray(this.used, this.used + n);
    const pos = this.chunk.subarray(this.used + n, this.used + 2 * n);
    hash.set(fp.hash.subarray(0, n));
    pos.set(fp.pos.subarray(0, n));
    this.used += 2 * n;
    return { count: n, hash, pos };
  }

  /** Starts a new chunk for what comes next: the documents' views keep the old ones as long as they need them. */
  close(): void {
    this.chunk = undefined;
    this.used = 0;
  }
}

/**
 * An indexed document. Its word tokens can be dropped and made again from the text (kept, or read from disk
 * under the stamp check): a bulk scan drops those of documents that share no fingerprint, which no span search
 * of the scan can reach. A later search that does reach one (after an edit elsewhere) tokenizes it again; a file
 * that changed on disk since it was indexed gives no tokens then, so it matches nothing until it is re-indexed.
 */
class StoredDocument implements IndexedDocument {
  readonly model: TextModel;
  /** Characters of the blocks (text without blank lines and edge white space), for the covered shares. */
  readonly blockChars: number;
  private kept: Tokens | undefined;
  // The arrays a document holds but seldom reads (its fingerprints, block shapes and blocks) are kept as where
  // they lie in their buffer, usually the batch's shared one, and a view is made when one is asked for: a view
  // costs about 100 bytes of the heap, and six of them were some 80 MB of the main heap at 1 GB, which a full
  // collection marks every time and the heap's growth before each collection multiplies. The fingerprints lie
  // in a buffer of their own (the batch's, from a worker), which a one-shot scan drops after its sort.
  private readonly buffer: ArrayBufferLike;
  private fpBuffer: ArrayBufferLike | undefined;
  private fpCount: number;
  private fpHashAt: number;
  private fpHashLength: number;
  private fpPosAt: number;
  private fpPosLength: number;
  private readonly shapesAt: number;
  private readonly shapesLength: number;
  private readonly uniqueAt: number;
  private readonly uniqueLength: number;
  /** startLine, endLine, start, end per block: the blocks as objects are made only when asked for. */
  private readonly blocksAt: number;
  private readonly blocksLength: number;

  constructor(
    readonly id: number,
    readonly path: string,
    uniqueShapes: Float64Array,
    p: PreparedDocument,
    readonly stamp: SourceStamp | undefined,
    private readonly reread: (() => string) | undefined,
    private readonly counts: { retokenized: number; refingerprinted: number },
    private readonly duplicateOptions: Pick<DuplicateOptions, 'k' | 'window'>,
  ) {
    this.model = p.model;
    let arrays = {
      unique: uniqueShapes,
      shapes: p.shapes instanceof Float64Array ? p.shapes : Float64Array.from(p.shapes),
      blocks: p.packedBlocks ?? packBlocks(p.blocks),
    };
    const buffer = arrays.shapes.buffer;
    if (Object.values(arrays).some((a) => a.buffer !== buffer)) { arrays = oneBuffer(arrays); }
    this.buffer = arrays.shapes.buffer;
    const fp = oneFingerprintBuffer(p.fingerprints);
    this.fpBuffer = fp.hash.buffer;
    this.fpCount = p.fingerprints.count;
    this.fpHashAt = fp.hash.byteOffset;
    this.fpHashLength = fp.hash.length;
    this.fpPosAt = fp.pos.byteOffset;
    this.fpPosLength = fp.pos.length;
    this.shapesAt = arrays.shapes.byteOffset;
    this.shapesLength = arrays.shapes.length;
    this.uniqueAt = arrays.unique.byteOffset;
    this.uniqueLength = arrays.unique.length;
    this.blocksAt = arrays.blocks.byteOffset;
    this.blocksLength = arrays.blocks.length;
    this.kept = p.tokens;
    const packedBlocks = arrays.blocks;
    let chars = 0;
    for (let i = 0; i < packedBlocks.length; i += 4) { chars += packedBlocks[i + 3] - packedBlocks[i + 2]; }
    this.blockChars = chars;
  }

  /**
   * The document's fingerprints; made again from its text (kept, or read from disk under the stamp check) when
   * they were dropped, and kept from then on. A file changed on disk since gives none: it pairs with nothing
   * until it is re-indexed, as with dropped tokens.
   */
  get fingerprints(): Fingerprints {
    const buffer = this.heldFingerprintBuffer();
    return {
      count: this.fpCount,
      hash: new Uint32Array(buffer, this.fpHashAt, this.fpHashLength),
      pos: new Uint32Array(buffer, this.fpPosAt, this.fpPosLength),
    };
  }

  /** The fingerprints' buffer, their arrays made again first if they were dropped. */
  private heldFingerprintBuffer(): ArrayBufferLike {
    if (!this.fpBuffer) {
      this.counts.refingerprinted++;
      // The same pass as prepareDocument's: the wide word hashes, winnowed.
      const made = winnow(tokenizeWide(this.textForTokens()).wide, this.duplicateOptions.k, this.duplicateOptions.window);
      const fp = oneFingerprintBuffer(made);
      this.fpBuffer = fp.hash.buffer;
      this.fpCount = made.count;
      this.fpHashAt = fp.hash.byteOffset;
      this.fpHashLength = fp.hash.length;
      this.fpPosAt = fp.pos.byteOffset;
      this.fpPosLength = fp.pos.length;
    }
    return this.fpBuffer as ArrayBufferLike;
  }

  /**
   * Where the fingerprints' hashes lie: their buffer (made again if dropped), the first one's place in it in
   * 32-bit words, and their count; for a pass over every document's hashes that makes no view of each.
   */
  get fingerprintHashes(): [ArrayBufferLike, number, number] {
    return [this.heldFingerprintBuffer(), this.fpHashAt / 4, this.fpCount];
  }

  /** Whether the fingerprints are held now (not dropped). */
  get holdsFingerprints(): boolean {
    return this.fpBuffer !== undefined;
  }

  dropFingerprints(): void {
    this.fpBuffer = undefined;
  }

  get shapes(): Float64Array {
    return new Float64Array(this.buffer, this.shapesAt, this.shapesLength);
  }

  /** Distinct non-zero shapes, each counted once for this file. */
  get uniqueShapes(): Float64Array {
    return new Float64Array(this.buffer, this.uniqueAt, this.uniqueLength);
  }

  get packedBlocks(): Uint32Array {
    return new Uint32Array(this.buffer, this.blocksAt, this.blocksLength);
  }

  get blocks(): Block[] {
    return unpackBlocks(this.packedBlocks);
  }

  get blockCount(): number {
    return this.blocksLength / 4;
  }

  get tokens(): Tokens {
    if (!this.kept) {
      this.counts.retokenized++;
      this.kept = tokenize(this.textForTokens());
    }
    return this.kept;
  }

  /** The tokens if they are held now, without making them again. */
  get heldTokens(): Tokens | undefined {
    return this.kept;
  }

  dropTokens(): void {
    this.kept = undefined;
  }

  private textForTokens(): string {
    if (this.model.textLoaded || !this.reread) { return this.model.text; }
    try {
      return this.reread();
    } catch (e) {
      if (e instanceof ChangedOnDisk) { return ''; } // no tokens: its fingerprints pair with nothing now
      throw e;
    }
  }
}

export interface FileAnalysis {
  path: string;
  findings: Finding[];
  /** Share of the document's non-blank characters inside boilerplate findings, 0 to 1. */
  boilerplateShare: number;
  /** Share of the document's non-blank characters inside duplicated passages, 0 to 1. */
  duplicateShare: number;
  /** Other documents that share at least the near-duplicate threshold of this one's words. */
  nearDuplicates: NearDuplicate[];
}

/** A bulk load's shared postings for span searches on worker threads (CorpusIndex.sharedPostings). */
export interface SharedPostings {
  postings: GroupedPostings;
  /** Every document's shared fingerprints in text order, as group numbers and token positions. */
  candGroup: Uint32Array;
  candPos: Uint32Array;
  /** Document id's candidates: candFirst[id] to candFirst[id + 1] (exclusive). */
  candFirst: Int32Array;
}

/** Where each document's word hashes are (CorpusIndex.tokenDirectory): buffer, byte offset, length per id. */
export interface TokenDirectory {
  buffers: SharedArrayBuffer[];
  directory: Int32Array;
}

const NO_FINGERPRINTS: SharedFingerprints = { count: 0, hash: [], pos: [] };

export class CorpusIndex implements ShapeStats {
  readonly options: EngineOptions;
  private readonly docs = new Map<string, StoredDocument>();
  private readonly byId = new Map<number, StoredDocument>();
  private readonly counts = { retokenized: 0, refingerprinted: 0 };
  private readonly shapeFiles = new ShapeCounter();
  private table: PostingTable;
  private nextId = 1;
  /**
   * Documents loaded in bulk whose fingerprints are not in the posting table yet. A bulk scan finds the shared
   * fingerprints by sorting all of them at once (sharedFingerprints), which is far cheaper than inserting
   * millions of fingerprints that stand only once; an incremental call then looks up what it needs (resolve).
   */
  private readonly deferred = new Set<StoredDocument>();
  /**
   * The table holds only the shared fingerprints of a bulk analysis, and those that incremental calls looked up
   * since (resolve): every fingerprint it holds, it holds with all its postings; the others are in `pooled`.
   */
  private partialTable = false;
  /** The documents of a bulk analysis whose fingerprints are in the table only where resolved (partialTable). */
  private readonly pooled = new Set<StoredDocument>();
  /** The pooled documents' fingerprints, made by the first lookup in them (see resolve). */
  private poolFilter: HashFilter | undefined;
  /** The full table being built beside a partial one (completeTableStep), and the documents still to add. */
  private rebuild: { table: PostingTable; docs: StoredDocument[]; next: number } | undefined;
  private fingerprints = 0;
  private readonly chunks = new FingerprintChunks();

  constructor(options: EngineOptionsInput = {}, expectedPostings?: number) {
    this.options = resolveOptions(options);
    this.table = new PostingTable(expectedPostings);
  }

  get totalFiles(): number {
    return this.docs.size;
  }

  get paths(): IterableIterator<string> {
    return this.docs.keys();
  }

  /** Fingerprints of all indexed documents (in the posting table or waiting for it). */
  get postingCount(): number {
    return this.fingerprints;
  }

  has(path: string): boolean {
    return this.docs.has(path);
  }

  document(path: string): IndexedDocument | undefined {
    return this.docs.get(path);
  }

  filesWithShape(shape: number): number {
    return this.shapeFiles.get(shape);
  }

  /**
   * Adds or replaces a document. Returns the paths of the other documents whose duplicate findings may have
   * changed (those that shared fingerprints with the old or the new text).
   */
  setDocument(path: string, text: string, stamp?: SourceStamp): string[] {
    const prepared = prepareDocument(text, this.options.duplicates);
    const affected = new Set<string>();
    const old = this.docs.get(path);
    this.resolve(old ? [old.fingerprints, prepared.fingerprints] : [prepared.fingerprints]);
    if (old) {
      this.collectSharing(old, affected);
      this.unlink(old);
    }
    const doc = this.linkPrepared(path, prepared, false, stamp);
    this.collectSharing(doc, affected);
    affected.delete(path);
    return [...affected];
  }

  /** Adds a document during a bulk load, without working out which others it affects. */
  load(path: string, text: string, stamp?: SourceStamp): void {
    this.loadPrepared(path, prepareDocument(text, this.options.duplicates), stamp);
  }

  /**
   * Adds a document prepared elsewhere (a worker thread), during a bulk load. `reread` gives the indexed text
   * (or throws ChangedOnDisk) without keeping it, for tokens dropped and needed again; without it the model's
   * text is used.
   */
  loadPrepared(path: string, prepared: PreparedDocument, stamp?: SourceStamp, reread?: () => string): void {
    const old = this.docs.get(path);
    if (old) { this.unlink(old); }
    this.rebuild = undefined; // a table being completed would miss this document: start it again when asked
    // After a bulk analysis the document joins the table at once, as an incremental one does.
    if (this.partialTable) { this.resolve([prepared.fingerprints]); }
    prepared.fingerprints = this.chunks.put(prepared.fingerprints);
    this.linkPrepared(path, prepared, !this.partialTable, stamp, reread);
  }

  /** Documents whose dropped tokens were made again (after an edit reached them, or an analysis of their own). */
  get retokenized(): number {
    return this.counts.retokenized;
  }

  /** Documents whose dropped fingerprints were made again (dropFingerprints). */
  get refingerprinted(): number {
    return this.counts.refingerprinted;
  }

  /**
   * Drops every document's fingerprints, for a one-shot scan whose bulk sort has found the shared ones
   * (sharedPostings): nothing of the scan reads them after it, and a batch's buffer of them goes with its last
   * document's (203 MB at 1 GB). An incremental call made later on (a file that changed during the scan) makes
   * those it looks up in again from the texts, the whole corpus's for the first lookup in the pooled documents
   * (see resolve): the price of a rare case in a scan that is not kept for editing.
   */
  dropFingerprints(): void {
    for (const d of this.docs.values()) { d.dropFingerprints(); }
    this.chunks.close();
  }

  /** A document's word tokens if they are held now (a bulk scan drops some), without making them again. */
  heldTokensOf(path: string): Tokens | undefined {
    return this.docs.get(path)?.heldTokens;
  }

  /** The word tokens held now: documents holding them, their words and bytes (dropped ones are not counted). */
  heldTokens(): { documents: number; words: number; bytes: number } {
    let documents = 0;
    let words = 0;
    let bytes = 0;
    for (const d of this.docs.values()) {
      const t = d.heldTokens;
      if (!t) { continue; }
      const o = t.offsets.packed;
      documents++;
      words += t.count;
      bytes += t.hash.byteLength + o.bytes.byteLength + o.anchors.byteLength + o.long.byteLength;
    }
    return { documents, words, bytes };
  }

  private linkPrepared(path: string, p: PreparedDocument, defer: boolean, stamp: SourceStamp | undefined, reread?: () => string): StoredDocument {
    const uniqueShapes = p.uniqueShapes ?? distinctShapes(p.shapes);
    const doc = new StoredDocument(this.nextId++, path, uniqueShapes, p, stamp, reread, this.counts, this.options.duplicates);
    this.docs.set(path, doc);
    this.byId.set(doc.id, doc);
    for (const s of uniqueShapes) { this.shapeFiles.add(s, 1); }
    this.fingerprints += p.fingerprints.count;
    if (defer) {
      this.deferred.add(doc);
    } else {
      this.addPostings(doc);
    }
    return doc;
  }

  private addPostings(doc: IndexedDocument, table = this.table): void {
    const fp = doc.fingerprints;
    for (let i = 0; i < fp.count; i++) { table.add(fp.hash[i], doc.id, fp.pos[i]); }
  }

  /** Puts every document's fingerprints in the posting table, as a bulk analysis of an indexed corpus needs. */
  private completeTable(): void {
    this.completeTableStep(Infinity);
  }

  /**
   * Makes the table hold every posting of these fingerprints, as an incremental call on them needs. After a bulk
   * analysis only the fingerprints it does not hold yet are looked up, in one pass over the pooled documents'
   * fingerprints (0.15 s at 100 MB, 1-2 s at 1 GB on a shared machine), skipped when a Bloom filter of them says
   * none stands there, instead of building the whole table (26.6 million postings at 1 GB, ~10 s and ~1.4 GB
   * beside the partial one) on the first edit. Otherwise the table is completed, as before.
   */
  private resolve(fingerprints: Fingerprints[]): void {
    if (!this.partialTable) { this.completeTable(); return; }
    this.rebuild = undefined; // a table being completed beside this one would miss the change that follows
    let n = 0;
    for (const fp of fingerprints) { n += fp.count; }
    const missing = new HashSet32(n);
    const filter = this.poolFilter;
    for (const fp of fingerprints) {
      for (let i = 0; i < fp.count; i++) {
        const h = fp.hash[i];
        if (this.table.countOf(h) === 0 && (!filter || filter.mayHave(h))) { missing.add(h); }
      }
    }
    if (missing.size === 0) { return; }
    let pooledFingerprints = 0;
    if (!filter) { for (const d of this.pooled) { pooledFingerprints += d.fingerprints.count; } }
    const made = filter ? undefined : new HashFilter(pooledFingerprints);
    for (const d of this.pooled) {
      const fp = d.fingerprints;
      for (let i = 0; i < fp.count; i++) {
        const h = fp.hash[i];
        made?.add(h);
        if (missing.has(h)) { this.table.add(h, d.id, fp.pos[i]); }
      }
    }
    this.poolFilter ??= made;
  }

  /**
   * Makes the table hold the postings of these documents' fingerprints in one lookup, for a caller about to analyse
   * them all (the files an edit affects), instead of one lookup per analysis.
   */
  prepareAnalyses(paths: Iterable<string>): void {
    const fingerprints: Fingerprints[] = [];
    for (const p of paths) {
      const d = this.docs.get(p);
      if (d) { fingerprints.push(d.fingerprints); }
    }
    if (fingerprints.length > 0) { this.resolve(fingerprints); }
  }

  /** Postings held in the posting table now (after a bulk analysis, fewer than postingCount until completed). */
  get tablePostings(): number {
    return this.table.count;
  }

  /**
   * Completes the posting table a part at a time, for a caller with idle time between requests: adds the postings
   * of documents until about `maxPostings` were added. Returns true when the table is complete. Reads and bulk
   * analyses meanwhile use the table as it was; an incremental call drops the completion and looks up what it needs.
   */
  completeTableStep(maxPostings: number): boolean {
    let added = 0;
    if (this.partialTable) {
      // The table holds only a bulk analysis's shared fingerprints: build the full one beside it, then swap.
      if (!this.rebuild) {
        let total = 0;
        for (const d of this.docs.values()) { total += d.fingerprints.count; }
        this.rebuild = { table: new PostingTable(total), docs: [...this.docs.values()], next: 0 };
      }
      const r = this.rebuild;
      while (r.next < r.docs.length && added < maxPostings) {
        const d = r.docs[r.next++];
        this.addPostings(d, r.table);
        added += d.fingerprints.count;
      }
      if (r.next < r.docs.length) { return false; }
      this.table = r.table;
      this.rebuild = undefined;
      this.partialTable = false;
      this.pooled.clear();
      this.poolFilter = undefined;
      this.deferred.clear();
      return true;
    }
    for (const d of this.deferred) {
      if (added >= maxPostings) { return false; }
      this.addPostings(d);
      this.deferred.delete(d);
      added += d.fingerprints.count;
    }
    return true;
  }

  /** Removes a document; returns the paths whose duplicate findings may have changed. */
  removeDocument(path: string): string[] {
    const old = this.docs.get(path);
    this.resolve(old ? [old.fingerprints] : []);
    if (!old) { return []; }
    const affected = new Set<string>();
    this.collectSharing(old, affected);
    this.unlink(old);
    affected.delete(path);
    return [...affected];
  }

  /**
   * The findings and shares of one document, as the corpus stands now. A document indexed without its text whose
   * file changed on disk since is re-indexed from the disk first, so the findings never use the old offsets.
   */
  analyze(path: string): FileAnalysis {
    this.refreshFromDisk(path);
    return this.analyzeWith(path, this.detectBoilerplate(path));
  }

  /**
   * True when the document is indexed with exactly this text. For a document indexed without its text this reads
   * the file; a file changed on disk since does not hold the indexed text any more, so the answer is false.
   */
  holdsText(path: string, text: string): boolean {
    const doc = this.docs.get(path);
    if (!doc || doc.model.length !== text.length) { return false; }
    try {
      return doc.model.text === text;
    } catch (e) {
      if (e instanceof ChangedOnDisk) { return false; }
      throw e;
    }
  }

  private refreshFromDisk(path: string): void {
    const doc = this.mustGet(path);
    if (doc.model.textLoaded) { return; }
    try {
      void doc.model.text;
    } catch (e) {
      if (!(e instanceof ChangedOnDisk)) { throw e; }
      if (!e.now.ok) {
        this.removeDocument(path);
        throw new Error(`${path} was removed from the index: ${e.now.message}`);
      }
      this.setDocument(path, e.now.text, e.stamp);
    }
  }

  /** The boilerplate findings of one document, as the corpus's shape counts stand now. */
  detectBoilerplate(path: string): Finding[] {
    const doc = this.mustGet(path);
    return detectBoilerplate(doc.model, doc.blocks, this, this.options.boilerplate);
  }

  /**
   * For each block of a document, the number of files holding its shape: what a worker thread needs to run
   * the boilerplate detector on a document it prepared, without the corpus's shape table.
   */
  shapeCountsFor(path: string): Int32Array {
    const doc = this.mustGet(path);
    const shapes = doc.shapes;
    // A plain loop: Int32Array.from with a map function takes the generic iteration path, a call per block.
    const counts = new Int32Array(shapes.length);
    for (let i = 0; i < shapes.length; i++) { counts[i] = shapes[i] === 0 ? 0 : this.shapeFiles.get(shapes[i]); }
    return counts;
  }

  /**
   * For every document, its fingerprints that stand in other places too (but not too many), in text order: one
   * pass over the posting table instead of a lookup per fingerprint. For analysing a whole corpus at once.
   */
  sharedFingerprints(): Map<string, SharedFingerprints> {
    if (this.deferred.size > 0 && this.table.count === 0 && !this.partialTable) { return this.sharedFromDeferred(); }
    this.completeTable();
    const byDoc = new Map<number, number[]>();
    this.table.forEachPostingOfKeys(2, this.options.duplicates.maxPostings, (hash, doc, pos) => {
      let list = byDoc.get(doc);
      if (!list) { list = []; byDoc.set(doc, list); }
      list.push(pos, hash);
    });
    return this.candidatesByPath(byDoc);
  }

  /**
   * The bulk path: every deferred fingerprint in three flat arrays; a sort of the hashes finds those standing 2
   * to maxPostings times, which become the candidates, and only their postings enter the table that the span
   * search reads; the rest waits for completeTable.
   */
  private sharedFromDeferred(): Map<string, SharedFingerprints> {
    const { docs, sorted, distinct, sharedCount } = this.sortDeferred();
    const sharedHashes = new HashSet32(distinct);
    for (let i = 0; i < distinct; i++) { sharedHashes.add(sorted[2 * i]); }
    // The shared entries, in entry order: each document's are then in text order already (winnowing selects
    // fingerprints at increasing positions), and they enter the table in the order of the documents.
    this.table = new PostingTable(Math.max(1024, sharedCount), distinct);
    const outHash = new Uint32Array(sharedCount);
    const outPos = new Uint32Array(sharedCount);
    const out = new Map<string, SharedFingerprints>();
    let o = 0;
    for (const d of docs) {
      this.pooled.add(d);
      const fp = d.fingerprints;
      const first = o;
      for (let i = 0; i < fp.count; i++) {
        if (!sharedHashes.has(fp.hash[i])) { continue; }
        this.table.add(fp.hash[i], d.id, fp.pos[i]);
        outHash[o] = fp.hash[i];
        outPos[o] = fp.pos[i];
        o++;
      }
      if (o > first) {
        out.set(d.path, { count: o - first, hash: outHash.subarray(first, o), pos: outPos.subarray(first, o) });
      } else {
        // No span search of this analysis can reach a document without a shared fingerprint: its tokens go.
        d.dropTokens();
      }
    }
    this.deferred.clear();
    this.partialTable = true;
    return out;
  }

  /**
   * The hashes of the deferred fingerprints that stand 2 to maxPostings times, as (hash, postings) pairs in
   * ascending order of hash: pair i at 2i, 2i + 1. Sorted in linear time (the native sort grew as n log n: 1.9 s
   * alone for the 26.6 million of 1 GB, against 0.6 s) a window of hashes at a time (countedRuns), so that no array
   * of every hash (106 MB at 1 GB) stands beside the fingerprints it is read from.
   */
  private sortDeferred(): { docs: StoredDocument[]; sorted: Uint32Array; distinct: number; sharedCount: number } {
    const docs = [...this.deferred];
    const arrays: Uint32Array[] = [];
    const numbers = new Map<ArrayBufferLike, number>();
    const ranges = new Uint32Array(3 * docs.length);
    docs.forEach((d, r) => {
      const [buffer, first, count] = d.fingerprintHashes;
      let a = numbers.get(buffer);
      if (a === undefined) { a = arrays.length; arrays.push(new Uint32Array(buffer)); numbers.set(buffer, a); }
      ranges[3 * r] = a;
      ranges[3 * r + 1] = first;
      ranges[3 * r + 2] = first + count;
    });
    const { pairs, runs, keys } = countedRuns({ arrays, ranges }, 2, this.options.duplicates.maxPostings);
    return { docs, sorted: pairs, distinct: runs, sharedCount: keys };
  }

  /**
   * The bulk path for span searches on worker threads: like sharedFingerprints, but the shared postings come
   * grouped by fingerprint in SharedArrayBuffers (GroupedPostings, walked in the order the posting table would
   * walk them), with every document's shared fingerprints as group numbers. Nothing enters the posting table: an
   * incremental call looks up the fingerprints it needs in the pooled documents (resolve). Documents with no shared
   * fingerprint drop their tokens. `collect`, when given, is called once the sort's garbage can go and before the
   * shared arrays are made: a caller that can collect the heap in full frees it first. `dropFingerprints`, for a
   * one-shot scan, drops each document's fingerprints once they are read (see dropFingerprints), with a call to
   * `collect` each time a chunk of them (64 MB) is left behind: the candidates are made first, and the postings from
   * them, so that the postings' two arrays are made once the fingerprints (203 MB at 1 GB) are garbage, all but the
   * last chunk collected.
   */
  sharedPostings(collect?: () => void, dropFingerprints = false): SharedPostings {
    if (this.deferred.size === 0 || this.table.count !== 0 || this.partialTable) {
      throw new Error('sharedPostings is for a bulk load whose fingerprints are all deferred');
    }
    const { docs, sorted, distinct, sharedCount } = this.sortDeferred();
    collect?.();
    const groupOf = new SortedKeyIndex(sorted, distinct);
    const start = new Int32Array(new SharedArrayBuffer(4 * (distinct + 1)));
    for (let g = 0; g < distinct; g++) { start[g + 1] = start[g] + sorted[2 * g + 1]; }
    const candGroup = new Uint32Array(new SharedArrayBuffer(4 * Math.max(1, sharedCount)));
    const candPos = new Uint32Array(new SharedArrayBuffer(4 * Math.max(1, sharedCount)));
    const candFirst = new Int32Array(new SharedArrayBuffer(4 * (this.nextId + 1)));
    if (dropFingerprints) { this.chunks.close(); }
    // The fingerprints' buffer being read, and the bytes of those left behind since the last collection.
    let reading: ArrayBufferLike | undefined;
    let left = 0;
    let o = 0;
    for (const d of docs) {
      this.pooled.add(d); // looked up in by incremental calls (resolve), as after sharedFingerprints
      const fp = d.fingerprints;
      candFirst[d.id] = o;
      for (let i = 0; i < fp.count; i++) {
        const g = groupOf.get(fp.hash[i]);
        if (g < 0) { continue; }
        candGroup[o] = g;
        candPos[o] = fp.pos[i];
        o++;
      }
      candFirst[d.id + 1] = o;
      if (o === candFirst[d.id]) { d.dropTokens(); }
      if (!dropFingerprints) { continue; }
      d.dropFingerprints();
      if (fp.hash.buffer !== reading) {
        left += reading?.byteLength ?? 0;
        reading = fp.hash.buffer;
        if (left >= 4 * CHUNK_WORDS) { collect?.(); left = 0; }
      }
    }
    if (dropFingerprints) {
      // Any document not loaded in bulk (a file indexed again during the scan) drops its fingerprints too.
      // The last chunk goes with the caller's next collection: the postings' arrays made next stand far under the
      // sort's peak.
      this.dropFingerprints();
    }
    // A posting table walks a fingerprint's postings from the last added: each group is filled from its end, in
    // the order of the documents and of their candidates.
    const fill = Int32Array.from(start.subarray(1));
    const doc = new Uint32Array(new SharedArrayBuffer(4 * Math.max(1, sharedCount)));
    const pos = new Uint32Array(new SharedArrayBuffer(4 * Math.max(1, sharedCount)));
    for (const d of docs) {
      for (let c = candFirst[d.id], end = candFirst[d.id + 1]; c < end; c++) {
        const s = --fill[candGroup[c]];
        doc[s] = d.id;
        pos[s] = candPos[c];
      }
    }
    this.deferred.clear();
    this.table = new PostingTable();
    this.partialTable = true;
    return { postings: { start, doc, pos }, candGroup, candPos, candFirst };
  }

  /**
   * Where every document's word hashes are, for threads that share them: the distinct buffers, and per document id
   * the buffer's number, the byte offset and the length (-1, 0, 0 for a document without tokens). Hashes not in a
   * SharedArrayBuffer are copied into one.
   */
  tokenDirectory(): TokenDirectory {
    const buffers: SharedArrayBuffer[] = [];
    const numbers = new Map<SharedArrayBuffer, number>();
    const directory = new Int32Array(new SharedArrayBuffer(12 * (this.nextId + 1))).fill(-1);
    for (const d of this.byId.values()) {
      const t = d.heldTokens;
      if (!t) { continue; }
      let h = t.hash;
      if (!(h.buffer instanceof SharedArrayBuffer)) {
        const copy = new Uint16Array(new SharedArrayBuffer(Math.max(4, h.byteLength)), 0, h.length);
        copy.set(h);
        h = copy;
      }
      const buffer = h.buffer as SharedArrayBuffer;
      let b = numbers.get(buffer);
      if (b === undefined) { b = buffers.length; buffers.push(buffer); numbers.set(buffer, b); }
      directory[3 * d.id] = b;
      directory[3 * d.id + 1] = h.byteOffset;
      directory[3 * d.id + 2] = h.length;
    }
    return { buffers, directory };
  }

  /**
   * Like analyzeWith, with the shared spans found elsewhere too (a worker's findSharedSpansGrouped, trimmed of
   * boilerplate ends there), as flat (other, aStart, aEnd, bStart, bEnd) groups.
   */
  analyzeFound(path: string, boilerplate: Finding[], found: ArrayLike<number>, others?: Set<string>): FileAnalysis {
    const doc = this.mustGet(path);
    const spans: SharedSpan[] = [];
    for (let i = 0; i + 4 < found.length; i += 5) {
      spans.push({ other: found[i], aStart: found[i + 1], aEnd: found[i + 2], bStart: found[i + 3], bEnd: found[i + 4] });
    }
    return this.analysisOf(doc, boilerplate, spans, others);
  }

  private candidatesByPath(byDoc: Map<number, number[]>): Map<string, SharedFingerprints> {
    const out = new Map<string, SharedFingerprints>();
    for (const [id, flat] of byDoc) {
      const d = this.byId.get(id);
      if (!d) { continue; }
      const order = Array.from({ length: flat.length / 2 }, (_, i) => i).sort((x, y) => flat[2 * x] - flat[2 * y]);
      out.set(d.path, { count: order.length, pos: order.map((i) => flat[2 * i]), hash: order.map((i) => flat[2 * i + 1]) });
    }
    return out;
  }

  /**
   * Like analyze, with the boilerplate findings computed elsewhere (a worker thread). `shared`, from
   * sharedFingerprints(), spares the span search a lookup per fingerprint. `others` receives the paths of the
   * other documents whose passages the analysis used (its offsets into them are only as good as their versions).
   */
  analyzeWith(path: string, boilerplate: Finding[], shared?: Map<string, SharedFingerprints>, others?: Set<string>): FileAnalysis {
    const doc = this.mustGet(path);
    if (!shared) { this.resolve([doc.fingerprints]); }
    const candidates = shared ? shared.get(path) ?? NO_FINGERPRINTS : undefined;
    // Without a shared fingerprint there is no span (and the document's tokens may have been dropped).
    const spans = candidates && candidates.count === 0 ? [] : trimBoilerplateEnds(
      doc.tokens,
      findSharedSpans(doc, this.table, (id) => this.byId.get(id), this.options.duplicates, candidates),
      boilerplate,
      this.options.duplicates.minWords,
      (id) => this.byId.get(id)?.tokens,
      this.options.duplicates.maxGap,
    );
    return this.analysisOf(doc, boilerplate, spans, others);
  }

  private analysisOf(doc: StoredDocument, boilerplate: Finding[], spans: SharedSpan[], others?: Set<string>): FileAnalysis {
    if (others) {
      for (const sp of spans) { if (sp.other !== doc.id) { others.add(this.byId.get(sp.other)!.path); } }
    }
    const duplicates = this.duplicateFindings(doc, spans);
    const findings = [...boilerplate, ...duplicates].sort((x, y) => x.start - y.start || x.end - y.end);
    return {
      path: doc.path,
      findings,
      boilerplateShare: coveredShare(doc.blockChars, boilerplate),
      duplicateShare: coveredShare(doc.blockChars, duplicates),
      nearDuplicates: this.nearDuplicates(doc, spans),
    };
  }

  private mustGet(path: string): StoredDocument {
    const doc = this.docs.get(path);
    if (!doc) { throw new Error(`not in the index: ${path}`); }
    return doc;
  }

  private unlink(doc: StoredDocument): void {
    this.deferred.delete(doc);
    this.pooled.delete(doc);
    this.fingerprints -= doc.fingerprints.count;
    for (const s of doc.uniqueShapes) { this.shapeFiles.add(s, -1); }
    this.table.removeDoc(doc.id, doc.fingerprints.hash);
    this.docs.delete(doc.path);
    this.byId.delete(doc.id);
  }

  private collectSharing(doc: IndexedDocument, into: Set<string>): void {
    const fp = doc.fingerprints;
    const limit = this.options.duplicates.maxPostings;
    for (let i = 0; i < fp.count; i++) {
      const h = fp.hash[i];
      if (this.table.countOf(h) > limit) { continue; }
      for (let s = this.table.first(h); s >= 0; s = this.table.nextOf(s)) {
        const other = this.byId.get(this.table.docOf(s));
        if (other && other !== doc) { into.add(other.path); }
      }
    }
  }

  /** Spans that cover the same part of this document become one finding listing every other copy. */
  private duplicateFindings(doc: IndexedDocument, spans: SharedSpan[]): Finding[] {
    if (spans.length === 0) { return []; }
    const t = doc.tokens;
    const items = spans.map((s) => {
      const other = s.other === doc.id ? doc : this.byId.get(s.other)!;
      return {
        start: t.offsets.start(s.aStart),
        end: t.offsets.end(s.aEnd - 1),
        inFile: s.other === doc.id,
        related: { path: other.path, start: other.tokens.offsets.start(s.bStart), end: other.tokens.offsets.end(s.bEnd - 1) },
        relatedModel: other.model,
      };
    });
    // Ties go by the other copy's path and place, not by the order in which documents were linked (which
    // follows the workers' timing): the same corpus gives the same report on every run.
    items.sort((x, y) => x.start - y.start || y.end - x.end || byPath(x.related.path, y.related.path) || x.related.start - y.related.start);
    const groups: (typeof items)[] = [];
    for (const it of items) {
      const g = groups[groups.length - 1];
      if (g) {
        const gs = g[0].start;
        const ge = Math.max(...g.map((x) => x.end));
        const overlap = Math.min(ge, it.end) - Math.max(gs, it.start);
        if (overlap > 0.5 * Math.min(ge - gs, it.end - it.start)) { g.push(it); continue; }
      }
      groups.push([it]);
    }
    return groups.map((g) => {
      const start = Math.min(...g.map((x) => x.start));
      const end = Math.max(...g.map((x) => x.end));
      const related: RelatedLocation[] = g.slice(0, this.options.maxRelated).map((x) => x.related);
      const first = g[0];
      const firstLines = lineSpan(first.relatedModel, first.related.start, first.related.end);
      const chars = (end - start).toLocaleString('en-US');
      const where = first.inFile ? `repeated in this file at ${firstLines}` : `same passage as ${first.related.path} ${firstLines}`;
      const more = g.length > 1 ? ` and ${g.length - 1} other ${g.length - 1 === 1 ? 'copy' : 'copies'}` : '';
      const allInFile = g.every((x) => x.inFile);
      return {
        kind: 'duplicate' as const,
        code: allInFile ? DuplicateCode.inFile : DuplicateCode.crossFile,
        message: `${where}${more} (${chars} characters)`,
        score: 1,
        start,
        end,
        related,
      };
    });
  }

  private nearDuplicates(doc: IndexedDocument, spans: SharedSpan[]): NearDuplicate[] {
    if (spans.length === 0 || doc.tokens.count === 0) { return []; }
    const covered = new Map<number, number>();
    for (const s of spans) {
      if (s.other === doc.id) { continue; }
      covered.set(s.other, (covered.get(s.other) ?? 0) + (s.aEnd - s.aStart));
    }
    const out: NearDuplicate[] = [];
    for (const [id, words] of covered) {
      const similarity = Math.min(1, words / doc.tokens.count);
      const other = this.byId.get(id);
      if (other && similarity >= this.options.nearDuplicateThreshold) {
        out.push({ path: other.path, similarity: Math.round(similarity * 1000) / 1000 });
      }
    }
    return out.sort((x, y) => y.similarity - x.similarity || byPath(x.path, y.path));
  }
}

function byPath(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function lineSpan(model: TextModel, start: number, end: number): string {
  const a = model.lineAt(start) + 1;
  const b = model.lineAt(Math.max(start, end - 1)) + 1;
  return a === b ? `line ${a}` : `lines ${a}-${b}`;
}

/** Share of the blocks' characters (`total`: text without blank lines and edge white space) inside the findings' union. */
function coveredShare(total: number, findings: Finding[]): number {
  if (total === 0 || findings.length === 0) { return 0; }
  const ranges = findings.map((f) => [f.start, f.end]).sort((x, y) => x[0] - y[0]);
  let covered = 0;
  let cs = ranges[0][0];
  let ce = ranges[0][1];
  for (const [s, e] of ranges) {
    if (s > ce) { covered += ce - cs; cs = s; ce = e; } else { ce = Math.max(ce, e); }
  }
  covered += ce - cs;
  return Math.min(1, covered / total);
}
