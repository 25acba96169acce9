// ShapeStats over the per-block counts that the index computed for one document: how a worker thread runs the
// boilerplate detector without holding the corpus's shape table.
import { ShapeStats } from './detect/boilerplate';

export function shapeStatsFromCounts(shapes: number[], counts: Int32Array, totalFiles: number): ShapeStats {
  const byShape = new Map<number, number>();
  shapes.forEach((s, i) => { if (s !== 0) { byShape.set(s, counts[i]); } });
  return { totalFiles, filesWithShape: (shape) => byShape.get(shape) ?? 0 };
}
