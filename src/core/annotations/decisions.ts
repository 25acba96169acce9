// An editor's decisions about detector findings (boilerplate, duplicates), kept in the sidecar so that they
// survive a re-scan: findings meet decisions late, when they are shown (ARCHITECTURE principle 3).
import { DecisionStatus, decisionOf } from './model';
import type { AnchoredAnnotation } from './store';

/** What a decision is matched on: a finding's code and where it stands now. */
export interface FindingRef {
  code: string;
  start: number;
  end: number;
}

/**
 * The decision recorded for a finding, if any: a boilerplate or duplicate annotation with the finding's code
 * whose current range covers at least half of the finding and lies mostly within it (detectors may redraw a
 * block's edges by a few characters between scans).
 */
export function decisionFor(annotations: readonly AnchoredAnnotation[], finding: FindingRef): { id: string; status: DecisionStatus } | undefined {
  let best: { id: string; status: DecisionStatus; overlap: number } | undefined;
  for (const a of annotations) {
    const d = decisionOf(a.annotation);
    if (!d || d.code !== finding.code || a.start === null || a.end === null) { continue; }
    const overlap = Math.min(a.end, finding.end) - Math.max(a.start, finding.start);
    const findingLength = Math.max(1, finding.end - finding.start);
    const annotationLength = Math.max(1, a.end - a.start);
    if (overlap * 2 < findingLength || overlap * 2 < annotationLength) { continue; }
    if (!best || overlap > best.overlap) { best = { id: a.annotation.id, status: d.status, overlap }; }
  }
  return best && { id: best.id, status: best.status };
}
