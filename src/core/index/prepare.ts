// Preparing a document for the index: its text model, blocks, block shapes, word tokens and fingerprints. This is
// the per-file work of a scan, pure and independent of the corpus, so it can run on worker threads; a prepared
// document travels between threads as typed arrays (transferred, not copied) and is rebuilt on the other side,
// without its text: the receiving index reads the text from disk again if it ever needs it.
import { analyseUnits, BoilerplateOptions, foldedWords, UnitAnalysis } from '../detect/boilerplate';
import { BlockShaper } from '../detect/boilerplateUnits';
import { TokenOffsets } from '../detect/tokenOffsets';
import { tokenizeWide, Tokens } from '../detect/tokens';
import { Fingerprints, winnow } from '../detect/winnow';
import { DuplicateOptions } from '../detect/duplicates';
import { Block, TextModel } from '../text';

export interface PreparedDocument {
  model: TextModel;
  blocks: Block[];
  /** The blocks as startLine, endLine, start, end each, when they came so (from a worker): `blocks` is made on demand. */
  packedBlocks?: Uint32Array;
  shapes: ArrayLike<number>;
  /** The distinct non-zero shapes (distinctShapes), when they came made (from a worker). */
  uniqueShapes?: Float64Array;
  tokens: Tokens;
  fingerprints: Fingerprints;
  /** The boilerplate detector's measures, when prepareDocument was given its options. */
  analysis?: UnitAnalysis;
}

/**
 * With `boilerplate`, also measures the document for the boilerplate detector (the measures give the block shapes
 * in the same pass), for a caller that keeps the document until the corpus's shape counts are known.
 */
export function prepareDocument(text: string, options: Pick<DuplicateOptions, 'k' | 'window'>, boilerplate?: BoilerplateOptions): PreparedDocument {
  const model = new TextModel(text);
  const blocks = model.blocks();
  const analysis = boilerplate && analyseUnits(model, blocks, boilerplate);
  // Without the measures the block shapes come from the tokenizer's pass (BlockShaper): one reading of the text.
  const shaper = analysis ? undefined : new BlockShaper(text, blocks, foldedWords);
  const { tokens, wide } = tokenizeWide(text, shaper);
  const shapes = analysis ? analysis.blockShapes : shaper!.done();
  const fingerprints = winnow(wide, options.k, options.window);
  return { model, blocks, shapes, tokens, fingerprints, analysis };
}

/** A prepared document as plain data and typed arrays, for postMessage. */
export interface PackedDocument {
  lineStarts: Uint32Array;
  lineEnds: Uint32Array;
  /** startLine, endLine, start, end per block. */
  blocks: Uint32Array;
  shapes: Float64Array;
  /** The distinct non-zero shapes, sorted (distinctShapes). */
  uniqueShapes: Float64Array;
  tokHash: Uint16Array;
  /** The packed token offsets (see TokenOffsets). */
  tokBytes: Uint8Array;
  tokAnchors: Uint32Array;
  tokLong: Uint32Array;
  fpHash: Uint32Array;
  fpPos: Uint32Array;
}

export function packDocument(p: PreparedDocument): { packed: PackedDocument; transfer: ArrayBuffer[] } {
  const blocks = packBlocks(p.blocks);
  const { starts, ends } = p.model.lineTables();
  const packed: PackedDocument = {
    lineStarts: starts,
    lineEnds: ends,
    blocks,
    shapes: Float64Array.from(p.shapes),
    uniqueShapes: distinctShapes(p.shapes),
    tokHash: p.tokens.hash,
    tokBytes: p.tokens.offsets.packed.bytes,
    tokAnchors: p.tokens.offsets.packed.anchors,
    tokLong: p.tokens.offsets.packed.long,
    fpHash: p.fingerprints.hash,
    fpPos: p.fingerprints.pos,
  };
  const transfer = new Set<ArrayBuffer>();
  for (const a of [blocks, packed.shapes, packed.uniqueShapes, packed.tokHash, packed.tokBytes, packed.tokAnchors, packed.tokLong, packed.fpHash, packed.fpPos]) {
    // Tokens in a SharedArrayBuffer (packBatch) are shared, not transferred: both threads read the same bytes.
    if (a.buffer instanceof ArrayBuffer) { transfer.add(a.buffer); }
  }
  // The line tables stay with the sender's model, so they are copied rather than transferred.
  return { packed, transfer: [...transfer] };
}

/**
 * A batch of packed documents as three buffers, for one postMessage: the fingerprints in an ArrayBuffer of their
 * own (transferred, not shared: only the index's thread reads them, and only up to the bulk sort of a one-shot
 * scan, which then drops them (CorpusIndex.dropFingerprints), so apart from the arrays that live on the buffer can
 * be freed: 203 MB at 1 GB), every other array (line tables, blocks, shapes and word tokens) in one
 * SharedArrayBuffer, and `layout`, where each document's arrays stand in them (see LAYOUT_WORDS). Sent to another
 * thread, the shared bytes are not copied: the index on the main thread and the span searches on the workers read
 * the same hashes, which exist once. One buffer a batch, not one per array: each buffer costs an ArrayBuffer
 * object and a native record besides its bytes (seven a document were 1.2 KB a file, 170 MB at 1 GB), and
 * thousands of small buffers that live as long as the index, allocated between the file buffers a worker reads
 * and frees, kept the allocator from giving pages back. And one layout, not a dozen views a document: the
 * structured clone of eleven views a document cost each worker 0.1-0.2 s at 100 MB, and the receiver as much.
 */
export interface PackedBatch {
  shared: SharedArrayBuffer;
  fingerprints: ArrayBuffer;
  layout: Uint32Array;
}

/**
 * Numbers a document in a batch's layout: byte offset and length of shapes, uniqueShapes, lineStarts, lineEnds,
 * blocks, tokAnchors, tokLong, tokHash and tokBytes in the shared buffer, then the fingerprints' first index (in
 * 32-bit words) and their count in the fingerprint buffer (fpHash, then fpPos, each `count` long).
 */
const LAYOUT_WORDS = 20;

/** Packs a batch of documents into one PackedBatch (each array copied once; no view made on the buffers). */
export function packBatch(docs: PackedDocument[]): PackedBatch {
  // Each document's part: the 64-bit shapes first, then the 32-bit arrays, then the 16-bit hashes and the
  // bytes, each part rounded up to 8 bytes so that the next document's shapes start aligned.
  const round = (n: number, to: number) => Math.ceil(n / to) * to;
  let bytes = 0;
  let fpWords = 0;
  for (const d of docs) {
    const n = 8 * (d.shapes.length + d.uniqueShapes.length) +
      4 * (d.lineStarts.length + d.lineEnds.length + d.blocks.length + d.tokAnchors.length + d.tokLong.length);
    bytes += round(round(n + 2 * d.tokHash.length, 4) + d.tokBytes.length, 8);
    fpWords += d.fpHash.length + d.fpPos.length;
  }
  const shared = new SharedArrayBuffer(Math.max(8, bytes));
  const fingerprints = new ArrayBuffer(4 * Math.max(1, fpWords));
  const layout = new Uint32Array(LAYOUT_WORDS * docs.length);
  const f64 = new Float64Array(shared, 0, shared.byteLength >> 3);
  const u32 = new Uint32Array(shared, 0, shared.byteLength >> 2);
  const u16 = new Uint16Array(shared, 0, shared.byteLength >> 1);
  const u8 = new Uint8Array(shared);
  const fp = new Uint32Array(fingerprints);
  let at = 0;
  let fpAt = 0;
  let l = 0;
  const mark = (length: number) => { layout[l++] = at; layout[l++] = length; };
  const put32 = (a: Uint32Array) => { mark(a.length); u32.set(a, at >> 2); at += 4 * a.length; };
  for (const d of docs) {
    mark(d.shapes.length);
    f64.set(d.shapes, at >> 3);
    at += 8 * d.shapes.length;
    mark(d.uniqueShapes.length);
    f64.set(d.uniqueShapes, at >> 3);
    at += 8 * d.uniqueShapes.length;
    put32(d.lineStarts);
    put32(d.lineEnds);
    put32(d.blocks);
    put32(d.tokAnchors);
    put32(d.tokLong);
    mark(d.tokHash.length);
    u16.set(d.tokHash, at >> 1);
    at = round(at + 2 * d.tokHash.length, 4);
    mark(d.tokBytes.length);
    u8.set(d.tokBytes, at);
    at = round(at + d.tokBytes.length, 8);
    layout[l++] = fpAt;
    layout[l++] = d.fpHash.length;
    fp.set(d.fpHash, fpAt);
    fp.set(d.fpPos, fpAt + d.fpHash.length);
    fpAt += d.fpHash.length + d.fpPos.length;
  }
  return { shared, fingerprints, layout };
}

/** The documents of a packed batch, in the order packBatch was given them, every array a view on its buffers. */
export function unpackBatch(batch: PackedBatch): PackedDocument[] {
  const { shared, fingerprints, layout } = batch;
  const docs: PackedDocument[] = [];
  for (let l = 0; l < layout.length; l += LAYOUT_WORDS) {
    const fpAt = 4 * layout[l + 18];
    const fpCount = layout[l + 19];
    docs.push({
      shapes: new Float64Array(shared, layout[l], layout[l + 1]),
      uniqueShapes: new Float64Array(shared, layout[l + 2], layout[l + 3]),
      lineStarts: new Uint32Array(shared, layout[l + 4], layout[l + 5]),
      lineEnds: new Uint32Array(shared, layout[l + 6], layout[l + 7]),
      blocks: new Uint32Array(shared, layout[l + 8], layout[l + 9]),
      tokAnchors: new Uint32Array(shared, layout[l + 10], layout[l + 11]),
      tokLong: new Uint32Array(shared, layout[l + 12], layout[l + 13]),
      tokHash: new Uint16Array(shared, layout[l + 14], layout[l + 15]),
      tokBytes: new Uint8Array(shared, layout[l + 16], layout[l + 17]),
      fpHash: new Uint32Array(fingerprints, fpAt, fpCount),
      fpPos: new Uint32Array(fingerprints, fpAt + 4 * fpCount, fpCount),
    });
  }
  return docs;
}

/** The distinct non-zero shapes, sorted (a typed sort: no boxed numbers, no Set). */
export function distinctShapes(shapes: ArrayLike<number>): Float64Array {
  const sorted = Float64Array.from(shapes).sort();
  let n = 0;
  for (let i = 0; i < sorted.length; i++) {
    if (sorted[i] !== 0 && (n === 0 || sorted[i] !== sorted[n - 1])) { sorted[n++] = sorted[i]; }
  }
  return sorted.slice(0, n);
}

/** Blocks as four numbers each (startLine, endLine, start, end): 16 bytes a block instead of an object. */
export function packBlocks(blocks: Block[]): Uint32Array {
  const out = new Uint32Array(blocks.length * 4);
  blocks.forEach((b, i) => { out[i * 4] = b.startLine; out[i * 4 + 1] = b.endLine; out[i * 4 + 2] = b.start; out[i * 4 + 3] = b.end; });
  return out;
}

export function unpackBlocks(packed: Uint32Array): Block[] {
  const blocks: Block[] = [];
  for (let i = 0; i < packed.length; i += 4) {
    blocks.push({ startLine: packed[i], endLine: packed[i + 1], start: packed[i + 2], end: packed[i + 3] });
  }
  return blocks;
}

/**
 * `load` gives the text when it is needed (see TextModel.withoutText). The blocks and shapes stay typed arrays;
 * `blocks` is made from them on demand.
 */
export function unpackDocument(d: PackedDocument, load: () => string): PreparedDocument {
  return {
    model: TextModel.withoutText(d.lineStarts, d.lineEnds, load),
    get blocks() { return unpackBlocks(d.blocks); },
    packedBlocks: d.blocks,
    shapes: d.shapes,
    uniqueShapes: d.uniqueShapes,
    tokens: {
      count: d.tokHash.length,
      hash: d.tokHash,
      offsets: new TokenOffsets({ bytes: d.tokBytes, anchors: d.tokAnchors, long: d.tokLong }),
    },
    fingerprints: { count: d.fpHash.length, hash: d.fpHash, pos: d.fpPos },
  };
}
