// Preparing a document for the index: its text model, blocks, block shapes, word tokens and fingerprints. This is
// the per-file work of a scan, pure and independent of the corpus, so it can run on worker threads; a prepared
// document travels between threads as typed arrays (transferred, not copied) and is rebuilt on the other side,
// without its text: the receiving index reads the text from disk again if it ever needs it.
import { analyseUnits, blockShapes, BoilerplateOptions, UnitAnalysis } from '../detect/boilerplate';
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
  const shapes = analysis ? analysis.blockShapes : blockShapes(model, blocks);
  const { tokens, wide } = tokenizeWide(text);
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
    tokHash: p.tokens.hash,
    tokBytes: p.tokens.offsets.packed.bytes,
    tokAnchors: p.tokens.offsets.packed.anchors,
    tokLong: p.tokens.offsets.packed.long,
    fpHash: p.fingerprints.hash,
    fpPos: p.fingerprints.pos,
  };
  const transfer = new Set<ArrayBuffer>();
  for (const a of [blocks, packed.shapes, packed.tokHash, packed.tokBytes, packed.tokAnchors, packed.tokLong, packed.fpHash, packed.fpPos]) {
    // Tokens in a SharedArrayBuffer (shareTokens) are shared, not transferred: both threads read the same bytes.
    if (a.buffer instanceof ArrayBuffer) { transfer.add(a.buffer); }
  }
  // The line tables stay with the sender's model, so they are copied rather than transferred.
  return { packed, transfer: [...transfer] };
}

/**
 * Moves the word tokens of a batch of documents into one SharedArrayBuffer and returns them as views on it. Sent
 * to another thread, the views share the bytes instead of copying them: the index on the main thread and the span
 * searches on the workers read the same hashes, which exist once. One buffer a batch, not one per array: each
 * buffer costs a native record besides its bytes.
 */
export function shareTokens(batch: Tokens[]): Tokens[] {
  // Each document's part: the 32-bit arrays first, then the hashes and the bytes, each rounded up to 4 bytes so
  // that the next 32-bit array starts aligned.
  const round = (n: number) => (n + 3) & ~3;
  const size = (t: Tokens) =>
    4 * (t.offsets.packed.anchors.length + t.offsets.packed.long.length) + round(2 * t.hash.length) + round(t.offsets.packed.bytes.length);
  let bytes = 0;
  for (const t of batch) { bytes += size(t); }
  const buffer = new SharedArrayBuffer(Math.max(4, bytes));
  let at = 0;
  const take32 = (a: Uint32Array) => {
    const v = new Uint32Array(buffer, at, a.length);
    v.set(a);
    at += 4 * a.length;
    return v;
  };
  return batch.map((t) => {
    const anchors = take32(t.offsets.packed.anchors);
    const long = take32(t.offsets.packed.long);
    const hash = new Uint16Array(buffer, at, t.hash.length);
    hash.set(t.hash);
    at += round(2 * t.hash.length);
    const b = t.offsets.packed.bytes;
    const packedBytes = new Uint8Array(buffer, at, b.length);
    packedBytes.set(b);
    at += round(b.length);
    return { count: t.count, hash, offsets: new TokenOffsets({ bytes: packedBytes, anchors, long }) };
  });
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
    tokens: {
      count: d.tokHash.length,
      hash: d.tokHash,
      offsets: new TokenOffsets({ bytes: d.tokBytes, anchors: d.tokAnchors, long: d.tokLong }),
    },
    fingerprints: { count: d.fpHash.length, hash: d.fpHash, pos: d.fpPos },
  };
}
