// A prepare worker of a parallel scan: reads and prepares its share of the files (decode, blocks, shapes,
// tokens, fingerprints) and sends them to the index as typed arrays (all of a batch's in one SharedArrayBuffer,
// shared with the index); later runs the boilerplate detector and the span search on
// the same files, given each block's shape count, the corpus's shared postings and read access to every
// document's word hashes. Phase two's files come with their stamps and token views, from whichever worker
// prepared them, and are read again (if unchanged): a worker keeps nothing of a file between the two phases,
// so its own memory does not grow with the corpus.
import { parentPort } from 'worker_threads';
import { analyseUnits, detectBoilerplate } from '../core/detect/boilerplate';
import { trimBoilerplateEnds } from '../core/detect/boilerplateSpans';
import { DuplicateOptions, findSharedSpansGrouped, SharedSpan } from '../core/detect/duplicates';
import { TokenOffsets } from '../core/detect/tokenOffsets';
import { Tokens } from '../core/detect/tokens';
import { Finding } from '../core/findings';
import { SharedPostings, TokenDirectory } from '../core/index/corpusIndex';
import { packFindings } from '../core/index/findingsPack';
import { packBatch, packDocument, PackedDocument, prepareDocument, unpackBlocks } from '../core/index/prepare';
import { readIfUnchanged, readStamped, resolveRoot } from '../core/index/sourceFile';
import { shapeStatsFromCounts } from '../core/shapeCounts';
import { TextModel } from '../core/text';
import { AnalyseItem, AnalyseResult, PreparedFile, PrepareReply, PrepareRequest } from '../core/index/prepareProtocol';

let root = '';
let maxFileBytes = 0;

interface Spans {
  shared: SharedPostings;
  options: DuplicateOptions;
  hashesOf: (id: number) => Uint16Array | undefined;
}
let spans: Spans | undefined;
/** Files whose boilerplate was found before the shared postings came: they wait for the span search. */
type Held = { item: AnalyseItem; findings: Finding[] } | { item: AnalyseItem; changed: true };
const held: Held[][] = [];

function reply(r: PrepareReply, transfer: ArrayBuffer[] = []): void {
  parentPort!.postMessage(r, transfer);
}

function prepare(req: Extract<PrepareRequest, { type: 'prepare' }>): void {
  root = req.root;
  maxFileBytes = req.maxFileBytes;
  // Each file is packed as soon as it is prepared, so a batch holds no text (files run up to maxFileBytes);
  // only its arrays wait, to be moved into the batch's shared buffer at the end.
  const files: PreparedFile[] = [];
  const packed: PackedDocument[] = [];
  const realRoot = resolveRoot(req.root);
  const folders = new Map<string, string>();
  for (const rel of req.files) {
    const { read: r, stamp } = readStamped(req.root, rel, { maxFileBytes: req.maxFileBytes }, realRoot, folders);
    if (!r.ok) {
      files.push({ path: rel, ok: false, reason: r.reason, message: r.message });
      continue;
    }
    // Only the block shapes, not the detector's measures: phase two reads the text again and measures it then, so
    // measuring here too would only be thrown away (shapeHash gives the same shapes for half the work).
    const prepared = prepareDocument(r.text, { k: req.k, window: req.window });
    packed.push(packDocument(prepared).packed);
    files.push({ path: rel, ok: true, bytes: r.bytes, stamp });
  }
  // Every array of the batch but the fingerprints goes into one shared buffer, and both threads hold views; the
  // fingerprints, read by the index's thread alone, go into a buffer of their own, transferred; one layout says
  // where each document's arrays are (packBatch).
  const batch = packBatch(packed);
  reply({ type: 'prepared', files, batch }, [batch.fingerprints, batch.layout.buffer as ArrayBuffer]);
}

/** The boilerplate findings of one file read again, or changed when it is no longer the version prepared. */
function boilerplateOf(
  item: AnalyseItem, totalFiles: number, req: Extract<PrepareRequest, { type: 'analyse' }>, realRoot: string | undefined, folders: Map<string, string>,
): Held {
  const rel = item.path;
  const again = readIfUnchanged(root, rel, item.stamp, { maxFileBytes }, realRoot, folders);
  if (again.changed) { return { item, changed: true }; }
  const text = again.text;
  const lines = item.lines;
  // Phase one's lines and blocks of this version, when they came: a text of another length is not that version.
  if (lines && lines.ends[lines.ends.length - 1] !== text.length) { return { item, changed: true }; }
  const model = lines ? new TextModel(text, lines) : new TextModel(text);
  const blocks = lines ? unpackBlocks(lines.blocks) : model.blocks();
  // The index counted the block shapes: only those of whole-block units are looked up (shapeStatsFromCounts skips 0).
  const analysis = analyseUnits(model, blocks, req.options, false);
  // Same stamp, same text, same blocks: a count per block that does not fit means the text is not the same.
  if (analysis.blockShapes.length !== item.counts.length) { return { item, changed: true }; }
  const stats = shapeStatsFromCounts(analysis.blockShapes, item.counts, totalFiles);
  return { item, findings: detectBoilerplate(model, blocks, stats, req.options, analysis) };
}

/** A file's shared passages, before they are written into the batch's one buffer (see answer). */
type Found = { path: string; changed: true } | { path: string; changed: false; findings: Finding[]; spans: SharedSpan[] };

/** The shared passages of one file, trimmed of boilerplate ends. */
function spansOf(h: Held, s: Spans): Found {
  const rel = h.item.path;
  const t = h.item.tokens;
  const tokens: Tokens | undefined = t && { count: t.hash.length, hash: t.hash, offsets: new TokenOffsets(t.offsets) };
  if ('changed' in h) { return { path: rel, changed: true }; }
  const { candGroup, candPos, candFirst, postings } = s.shared;
  const first = candFirst[h.item.id];
  const count = candFirst[h.item.id + 1] - first;
  let found: SharedSpan[] = [];
  if (count > 0 && tokens) {
    const candidates = { count, group: candGroup.subarray(first, first + count), pos: candPos.subarray(first, first + count) };
    found = trimBoilerplateEnds(
      tokens,
      findSharedSpansGrouped(h.item.id, tokens.hash, candidates, postings, s.hashesOf, s.options),
      h.findings,
      s.options.minWords,
      (id) => { const hash = s.hashesOf(id); return hash && { hash }; },
      s.options.maxGap,
    );
  }
  return { path: rel, changed: false, findings: h.findings, spans: found };
}

function hashReader(t: TokenDirectory): (id: number) => Uint16Array | undefined {
  // Filled to its length at once: an empty array given its first view at a high id turns into a dictionary, and
  // the span search looks a view up for every posting it checks.
  const views = new Array<Uint16Array | undefined>(t.directory.length / 3).fill(undefined);
  return (id) => {
    let v = views[id];
    if (!v) {
      const b = t.directory[3 * id];
      if (b === undefined || b < 0) { return undefined; }
      v = new Uint16Array(t.buffers[b], t.directory[3 * id + 1], t.directory[3 * id + 2]);
      views[id] = v;
    }
    return v;
  };
}

/**
 * Replies with a batch's results. Every file's spans go flat (other, aStart, aEnd, bStart, bEnd) into one buffer,
 * which lists them file by file: one buffer transferred a batch, and no view a file to clone. The findings go
 * packed too.
 */
function answer(batch: Held[], s: Spans): void {
  const found = batch.map((h) => spansOf(h, s));
  let n = 0;
  for (const f of found) { if (!f.changed) { n += 5 * f.spans.length; } }
  const flat = new Int32Array(n);
  let at = 0;
  const results: AnalyseResult[] = found.map((f) => {
    if (f.changed) { return f; }
    for (const sp of f.spans) {
      flat[at] = sp.other;
      flat[at + 1] = sp.aStart;
      flat[at + 2] = sp.aEnd;
      flat[at + 3] = sp.bStart;
      flat[at + 4] = sp.bEnd;
      at += 5;
    }
    return { path: f.path, changed: false, findings: f.findings.length, spans: f.spans.length };
  });
  const findings = packFindings(found.map((f) => (f.changed ? [] : f.findings)));
  reply({ type: 'analysed', results, spans: flat, findings }, [flat.buffer, findings.head.buffer, findings.nums.buffer, findings.related.buffer]);
}

parentPort?.on('message', (req: PrepareRequest) => {
  try {
    if (req.type === 'prepare') {
      prepare(req);
    } else if (req.type === 'analyse') {
      const realRoot = resolveRoot(root);
      // The folders are resolved once a batch, as the root is: a batch's files mostly share a few.
      const folders = new Map<string, string>();
      const batch = req.items.map((item) => boilerplateOf(item, req.totalFiles, req, realRoot, folders));
      if (spans) { answer(batch, spans); } else { held.push(batch); }
    } else {
      const s: Spans = { shared: req.shared, options: req.options, hashesOf: hashReader(req.tokens) };
      spans = s;
      for (const batch of held.splice(0)) { answer(batch, s); }
    }
  } catch (e) {
    reply({ type: 'error', message: e instanceof Error ? e.stack ?? e.message : String(e) });
  }
});
