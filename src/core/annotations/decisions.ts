// An editor's decisions about detector findings (boilerplate, duplicates), kept in the sidecar so that they
// survive a re-scan. Findings meet decisions late and in one place (ARCHITECTURE principle 4): applyDecisions gives
// each finding, and each other copy it names, the decision recorded about it, and every surface (the editor's
// diagnostics, hovers and views, the report, the export) reads what it returns instead of looking decisions up.
import { DecisionStatus, decisionOf } from './model';
import type { AnchoredAnnotation } from './store';

/** What a decision is matched on: a finding's code and where it stands now. */
export interface FindingRef {
  code: string;
  start: number;
  end: number;
}

/** A decision as the lookup needs it: its annotation's id and kind, the code and status it records, where it stands now. */
export interface PlacedDecision {
  id: string;
  kind: 'boilerplate' | 'duplicate';
  code: string;
  status: DecisionStatus;
  start: number;
  end: number;
}

/** The decision recorded about a finding: the annotation that holds it and its status. */
export interface FindingDecision {
  id: string;
  status: DecisionStatus;
}

/** The code of a decision about every boilerplate finding, whatever the detector's reason (`boilerplate.*`). */
export const ANY_BOILERPLATE_CODE = 'boilerplate.*';

/** Whether a decision's code applies to a finding's code: the same code, or a `kind.*` code for every one of a kind. */
export function codeApplies(decisionCode: string, findingCode: string): boolean {
  return decisionCode === findingCode || (decisionCode.endsWith('.*') && findingCode.startsWith(decisionCode.slice(0, -1)));
}

/** The decisions among a sidecar's anchored annotations (orphans, which stand nowhere, are left out). */
export function placedDecisions(list: readonly AnchoredAnnotation[]): PlacedDecision[] {
  const out: PlacedDecision[] = [];
  for (const a of list) {
    const d = decisionOf(a.annotation);
    if (!d || a.start === null || a.end === null) { continue; }
    const kind = a.annotation.kind === 'duplicate' ? 'duplicate' : 'boilerplate';
    out.push({ id: a.annotation.id, kind, code: d.code, status: d.status, start: a.start, end: a.end });
  }
  return out;
}

/**
 * The decision recorded for a finding among `decisions`, if any: one with the finding's code (or a `kind.*` code)
 * whose range covers at least half of the finding and lies mostly within it (detectors may redraw a block's edges
 * by a few characters between scans). A decision with the finding's own code goes before one for every code of
 * its kind; among equals, the one that overlaps most.
 */
export function decisionAmong(decisions: readonly PlacedDecision[], finding: FindingRef): FindingDecision | undefined {
  let best: PlacedDecision | undefined;
  let bestScore = -1;
  for (const d of decisions) {
    if (!codeApplies(d.code, finding.code)) { continue; }
    const overlap = Math.min(d.end, finding.end) - Math.max(d.start, finding.start);
    if (overlap * 2 < Math.max(1, finding.end - finding.start) || overlap * 2 < Math.max(1, d.end - d.start)) { continue; }
    // The exact code outranks any overlap a wildcard has.
    const score = overlap + (d.code === finding.code ? Number.MAX_SAFE_INTEGER / 2 : 0);
    if (score > bestScore) { best = d; bestScore = score; }
  }
  return best && { id: best.id, status: best.status };
}

/** The decision recorded for one finding among a sidecar's annotations (for a single lookup; see applyDecisions). */
export function decisionFor(annotations: readonly AnchoredAnnotation[], finding: FindingRef): FindingDecision | undefined {
  return decisionAmong(placedDecisions(annotations), finding);
}

/** Another copy a finding names: a file's path (as the finding's producer spells it) and a range in that file. */
export interface RelatedRef {
  path: string;
  start: number;
  end: number;
}

/** What applyDecisions takes: a finding with its offsets and the other copies it names. */
export interface DecidableFinding extends FindingRef {
  related: readonly RelatedRef[];
}

/**
 * A finding as the surfaces see it: `decision` is the one recorded about it in its own file's sidecar, and each
 * other copy's `decision` the one recorded about the same code over that copy in that file's sidecar (a copy kept
 * elsewhere). Absent where none is.
 */
export type Decided<F extends DecidableFinding> = Omit<F, 'related'> & {
  decision?: FindingDecision;
  related: (F['related'][number] & { decision?: FindingDecision })[];
};

/**
 * Gives each finding of one file the decision recorded about it among `own` (that file's placed decisions), and
 * each other copy it names the decision recorded about it among `decisionsAt(path)` (called once per path; it
 * answers for the file itself too, for copies within it). Findings untouched by any decision are returned as they
 * are (the same objects; the same array when none is touched), so most files cost one pass and no allocation.
 */
export function applyDecisions<F extends DecidableFinding>(
  findings: readonly F[],
  own: readonly PlacedDecision[] | undefined,
  decisionsAt?: (path: string) => readonly PlacedDecision[] | undefined,
): readonly Decided<F>[] {
  const others = new Map<string, readonly PlacedDecision[] | undefined>();
  const at = (path: string) => {
    if (!decisionsAt) { return undefined; }
    if (!others.has(path)) {
      const list = decisionsAt(path);
      others.set(path, list && list.length > 0 ? list : undefined);
    }
    return others.get(path);
  };
  const mine = own && own.length > 0 ? own : undefined;
  let out: Decided<F>[] | undefined;
  for (let i = 0; i < findings.length; i++) {
    const f = findings[i];
    const decision = mine && decisionAmong(mine, f);
    let related: Decided<F>['related'] | undefined;
    for (let j = 0; j < f.related.length; j++) {
      const r = f.related[j];
      const there = at(r.path);
      const d = there && decisionAmong(there, { code: f.code, start: r.start, end: r.end });
      if (!d) { continue; }
      related ??= f.related.slice();
      related[j] = { ...r, decision: d };
    }
    if (!decision && !related) { continue; }
    out ??= findings.slice() as unknown as Decided<F>[];
    const decided = { ...f, related: related ?? f.related } as unknown as Decided<F>;
    if (decision) { decided.decision = decision; }
    out[i] = decided;
  }
  return out ?? (findings as unknown as readonly Decided<F>[]);
}
