// Boilerplate detection, per block. Combines repetition across documents (of a normalised "shape"),
// repetition within the document, intrinsic cues (length, punctuation, phrasing), and context.
// PROVISIONAL first version: the contract (exports below) is fixed; the rules are being written.
import { Finding, BoilerplateCode } from '../findings';
import { hash52 } from '../hash';
import { TextModel, Block } from '../text';

export interface BoilerplateOptions {
  /** A block whose shape stands in at least this many files is boilerplate. */
  minFilesForRepeated: number;
  /** ...and in at least this share of the corpus's files (guards small corpora). */
  minShareForRepeated: number;
}

export const defaultBoilerplateOptions: BoilerplateOptions = {
  minFilesForRepeated: 3,
  minShareForRepeated: 0,
};

/** What the corpus knows about shapes, supplied by the index. */
export interface ShapeStats {
  /** Number of distinct files (this one included) holding a block of this shape. */
  filesWithShape(shape: number): number;
  /** Number of files in the corpus. */
  readonly totalFiles: number;
}

/**
 * The normalised form of a block's text, hashed: case, white space, digits and punctuation folded, so that
 * "Updated 3 hours ago - Politics & Policy" and "51 mins ago - World" can share a shape. Returns 0 for a
 * block with no letters (never counted).
 */
export function shapeOf(text: string): number {
  const folded = text.toLowerCase().replace(/[0-9]+/g, '0').replace(/[^\p{L}0]+/gu, ' ').trim();
  return folded.length === 0 ? 0 : hash52(folded);
}

/** The shapes of a document's blocks, in block order; the index counts them across files. */
export function blockShapes(model: TextModel, blocks: Block[]): number[] {
  return blocks.map((b) => shapeOf(model.text.slice(b.start, b.end)));
}

export function detectBoilerplate(
  model: TextModel,
  blocks: Block[],
  shapes: number[],
  stats: ShapeStats,
  options: BoilerplateOptions = defaultBoilerplateOptions,
): Finding[] {
  const out: Finding[] = [];
  void model; // the intrinsic cues read the text; the provisional rule needs only shapes
  blocks.forEach((b, i) => {
    const shape = shapes[i];
    if (shape === 0) { return; }
    const files = stats.filesWithShape(shape);
    if (files >= options.minFilesForRepeated && files / Math.max(1, stats.totalFiles) >= options.minShareForRepeated) {
      out.push({
        kind: 'boilerplate', code: BoilerplateCode.repeatedAcrossFiles, message: `appears in ${files} files`,
        score: Math.min(1, 0.6 + files / 20), start: b.start, end: b.end, related: [],
      });
    }
  });
  return out;
}
