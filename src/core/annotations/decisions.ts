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

/** The code of a decision about every boilerplate finding, whatever the detector's reason (`boilerplate.*`). */
export const ANY_BOILERPLATE_CODE = 'boilerplate.*';

/** Whether a decision's code applies to a finding's code: the same code, or a `kind.*` code for every one of a kind. */
export function codeApplies(decisionCode: string, findingCode: string): boolean {
  return decisionCode === findingCode || (decisionCode.endsWith('.*') && findingCode.startsWith(decisionCode.slice(0, -1)));
}

/**
 * The decision recorded for a finding, if any: a boilerplate or duplicate annotation with the finding's code (or
 * a `kind.*` code) whose current range covers at least half of the finding and lies mostly within it (detectors
 * may redraw a block's edges by a few characters between scans). A decision with the finding's own code goes
 * before one for every code of its kind.
 */
export function decisionFor(annotations: readonly AnchoredAnnotation[], finding: FindingRef): { id: string; status: DecisionStatus } | undefined {
  let best: { id: string; status: DecisionStatus; overlap: number } | undefined;
  for (const a of annotations) {
    const d = decisionOf(a.annotation);
    if (!d || !codeApplies(d.code, finding.code) || a.start === null || a.end === null) { continue; }
    const overlap = Math.min(a.end, finding.end) - Math.max(a.start, finding.start);
    const findingLength = Math.max(1, finding.end - finding.start);
    const annotationLength = Math.max(1, a.end - a.start);
    if (overlap * 2 < findingLength || overlap * 2 < annotationLength) { continue; }
    // The exact code outranks any overlap a wildcard has.
    const score = overlap + (d.code === finding.code ? Number.MAX_SAFE_INTEGER / 2 : 0);
    if (!best || score > best.overlap) { best = { id: a.annotation.id, status: d.status, overlap: score }; }
  }
  return best && { id: best.id, status: best.status };
}
