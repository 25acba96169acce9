// Near-duplicate documents: clusters of files joined by near-copy pairs, and the copy each cluster keeps. The
// copy an editor kept ("Keep this copy") stays; copies marked as the duplicate go; without a decision the rule is:
// the copy whose sidecar holds the most tags (so no tagging work is dropped), then the one with the least
// boilerplate, then the first path in sort order. A cluster never loses every copy.
import { Decided } from '../annotations/decisions';
import { DecisionStatus } from '../annotations/model';
import { Finding, NearDuplicate } from '../findings';

export interface ClusterMember {
  path: string;
  boilerplateShare: number;
  /** Claim and entity tags anchored in the file. */
  tags: number;
  /** The editor's decision on this copy: kept, confirmed (it is the duplicate), or none. */
  decision?: DecisionStatus;
}

export interface ClusterOutcome {
  /** 1-based, in the order of each cluster's first path. */
  id: number;
  kept: string[];
  /** Each dropped copy, with the kept copy it duplicates and why it was chosen. */
  dropped: { path: string; keptCopy: string; by: 'decision' | 'rule' }[];
}

/** Groups files whose near-copy pairs join them (either side of a pair is enough); clusters of two or more. */
export function nearDuplicateClusters(files: readonly { path: string; nearDuplicates: readonly NearDuplicate[] }[]): string[][] {
  const parent = new Map<string, string>();
  const find = (p: string): string => {
    let r = p;
    while (parent.get(r) !== r) { r = parent.get(r)!; }
    parent.set(p, r);
    return r;
  };
  const known = new Set(files.map((f) => f.path));
  for (const f of files) { parent.set(f.path, f.path); }
  for (const f of files) {
    for (const n of f.nearDuplicates) {
      if (!known.has(n.path)) { continue; }
      const a = find(f.path);
      const b = find(n.path);
      if (a !== b) { parent.set(a < b ? b : a, a < b ? a : b); }
    }
  }
  const groups = new Map<string, string[]>();
  for (const f of files) {
    const r = find(f.path);
    groups.set(r, [...(groups.get(r) ?? []), f.path]);
  }
  return [...groups.values()].filter((g) => g.length > 1).map((g) => g.sort()).sort((a, b) => (a[0] < b[0] ? -1 : 1));
}

/**
 * The decision an editor recorded on a copy: the strongest of the decisions on its duplicate findings (as
 * applyDecisions gave them) that name another member of the cluster (kept before confirmed).
 */
export function copyDecision(findings: readonly Decided<Finding>[], others: ReadonlySet<string>): DecisionStatus | undefined {
  let out: DecisionStatus | undefined;
  for (const f of findings) {
    if (f.kind !== 'duplicate' || !f.related.some((r) => others.has(r.path))) { continue; }
    const d = f.decision?.status;
    if (d === 'kept') { return 'kept'; }
    if (d === 'confirmed') { out = 'confirmed'; }
  }
  return out;
}

/** Which copies of one cluster stay, by the rules above. */
export function resolveCluster(id: number, members: readonly ClusterMember[]): ClusterOutcome {
  const kept = members.filter((m) => m.decision === 'kept');
  if (kept.length > 0) {
    const first = kept[0].path;
    return {
      id, kept: kept.map((m) => m.path),
      dropped: members.filter((m) => m.decision !== 'kept').map((m) => ({ path: m.path, keptCopy: first, by: 'decision' })),
    };
  }
  const candidates = members.some((m) => m.decision !== 'confirmed') ? members.filter((m) => m.decision !== 'confirmed') : [...members];
  const best = [...candidates].sort((a, b) => b.tags - a.tags || a.boilerplateShare - b.boilerplateShare || (a.path < b.path ? -1 : 1))[0];
  return {
    id, kept: [best.path],
    dropped: members.filter((m) => m !== best).map((m) => ({ path: m.path, keptCopy: best.path, by: m.decision === 'confirmed' ? 'decision' : 'rule' })),
  };
}
