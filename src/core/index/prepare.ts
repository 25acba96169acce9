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
    // Tokens in a SharedArrayBuffer (shareTokens) are shared, not transferred: both threads read the same bytes.
    if (a.buffer instanceof ArrayBuffer) { transfer.add(a.buffer); }
  }
  // The line tables stay with the sender's model, so they are copied rather than transferred.
  return { packed, transfer: [...transfer] };
}

/**
 * Moves the fingerprints of a batch of packed documents into one ArrayBuffer of their own, replacing each
 * document's by views on it, and returns that buffer, to be transferred. Only the index's thread reads them, and
 * only up to the bulk sort of a one-shot scan, which then drops them (CorpusIndex.dropFingerprints): apart from
 * the arrays that live on, the buffer can be freed (203 MB at 1 GB).
 */
export function fingerprintBuffer(docs: PackedDocument[]): ArrayBuffer {
  let n = 0;
  for (const d of docs) { n += d.fpHash.length + d.fpPos.length; }
  const buffer = new ArrayBuffer(4 * Math.max(1, n));
  let at = 0;
  const take = (a: Uint32Array) => {
    const v = new Uint32Array(buffer, at, a.length);
    v.set(a);
    at += 4 * a.length;
    return v;
  };
  for (const d of docs) {
    d.fpHash = take(d.fpHash);
    d.fpPos = take(d.fpPos);
  }
  return buffer;
}

/**
 * Moves every other array of a batch of packed documents (line tables, blocks, shapes and word tokens; the
 * fingerprints have a buffer of their own, fingerprintBuffer) into one SharedArrayBuffer, replacing each array of `docs` by a view on it, and returns the documents' tokens as
 * views too. Sent to another thread, the views share the bytes instead of copying them: the index on the main
 * thread and the span searches on the workers read the same hashes, which exist once. One buffer a batch, not
 * one per array: each buffer costs an ArrayBuffer object and a native record besides its bytes (seven a
 * document were 1.2 KB a file, 170 MB at 1 GB), and thousands of small buffers that live as long as the index,
 * allocated between the file buffers a worker reads and frees, kept the allocator from giving pages back.
 */
export function shareDocuments(docs: PackedDocument[]): Tokens[] {
  // Each document's part: the 64-bit shapes first, then the 32-bit arrays, then the 16-bit hashes and the
  // bytes, each part rounded up to 8 bytes so that the next document's shapes start aligned.
  const round = (n: number, to: number) => Math.ceil(n / to) * to;
  const wide = (d: PackedDocument) => [d.lineStarts, d.lineEnds, d.blocks, d.tokAnchors, d.tokLong];
  const size = (d: PackedDocument) => {
    let n = 8 * (d.shapes.length + d.uniqueShapes.length);
    for (const a of wide(d)) { n += 4 * a.length; }
    return round(round(n + 2 * d.tokHash.length, 4) + d.tokBytes.length, 8);
  };
  let bytes = 0;
  for (const d of docs) { bytes += size(d); }
  const buffer = new SharedArrayBuffer(Math.max(8, bytes));
  let at = 0;
  const take32 = (a: Uint32Array) => {
    const v = new Uint32Array(buffer, at, a.length);
    v.set(a);
    at += 4 * a.length;
    return v;
  };
  return docs.map((d) => {
    const shapes = new Float64Array(buffer, at, d.shapes.length);
    shapes.set(d.shapes);
    at += 8 * d.shapes.length;
    d.shapes = shapes;
    const unique = new Float64Array(buffer, at, d.uniqueShapes.length);
    unique.set(d.uniqueShapes);
    at += 8 * d.uniqueShapes.length;
    d.uniqueShapes = unique;
    d.lineStarts = take32(d.lineStarts);
    d.lineEnds = take32(d.lineEnds);
    d.blocks = take32(d.blocks);
    d.tokAnchors = take32(d.tokAnchors);
    d.tokLong = take32(d.tokLong);
    const hash = new Uint16Array(buffer, at, d.tokHash.length);
    hash.set(d.tokHash);
    at = round(at + 2 * d.tokHash.length, 4);
    d.tokHash = hash;
    const packedBytes = new Uint8Array(buffer, at, d.tokBytes.length);
    packedBytes.set(d.tokBytes);
    at = round(at + d.tokBytes.length, 8);
    d.tokBytes = packedBytes;
    return { count: hash.length, hash, offsets: new TokenOffsets({ bytes: packedBytes, anchors: d.tokAnchors, long: d.tokLong }) };
  });
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
