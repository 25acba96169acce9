// Three-way merge of a sidecar: what we read (base), what we hold now (ours), what is on disk now (theirs).
// Annotations are keyed by id and merged field by field, the anchor fields (quote, context, offsets) as one
// unit. A true conflict (the same id changed differently on both sides, or changed on one and deleted on the
// other) is never settled by dropping a side: both are kept and the conflict is reported.
import { ANCHOR_FIELDS, Annotation, SidecarData, deepEqual, uniqueId } from './model';
import { isPlainObject } from './validate';

export type ConflictReason =
  | 'changed-on-both-sides'       // kept theirs under the id, ours re-added under `oursId`
  | 'added-on-both-sides'         // the same new id on both sides with different content: as above
  | 'changed-here-deleted-there'  // kept ours
  | 'deleted-here-changed-there'; // kept theirs (our deletion is undone)

export interface MergeConflict {
  id: string;
  reason: ConflictReason;
  /** The id our version was re-added under, when both versions were kept. */
  oursId?: string;
}

export interface MergeResult {
  data: SidecarData;
  conflicts: MergeConflict[];
}

export interface MergeOptions {
  /** Generates ids for re-added versions (defaults to random six-character ids). */
  generateId?: () => string;
  /**
   * True when their anchor and ours mark the same place (e.g. both re-anchored against the same text): anchor
   * fields are derived data, so two such versions are not a conflict and ours, made against our text, is kept.
   */
  sameAnchor?: (theirs: Annotation, ours: Annotation) => boolean;
}

const CONFLICT = Symbol('conflict');

/** Merges the three versions. `base` is undefined for a sidecar we did not read; `theirs` when there is no file. */
export function mergeSidecars(
  base: SidecarData | undefined, ours: SidecarData, theirs: SidecarData | undefined, options: MergeOptions = {},
): MergeResult {
  const b = base ?? { version: ours.version, annotations: [] };
  const t = theirs ?? { version: ours.version, annotations: [] };
  const conflicts: MergeConflict[] = [];

  // Top-level fields: a side that changed a field wins; if both did, ours (they are derived: source, hash).
  const bTop = topLevel(b);
  const oTop = topLevel(ours);
  const tTop = topLevel(t);
  const top: Record<string, unknown> = {};
  for (const key of orderedKeys(tTop, oTop)) {
    const merged = merge3(bTop[key], oTop[key], tTop[key]);
    const v = merged === CONFLICT ? oTop[key] : merged;
    if (v !== undefined) { top[key] = v; }
  }

  const baseById = byId(b.annotations);
  const oursById = byId(ours.annotations);
  const theirsById = byId(t.annotations);
  const taken = new Set<string>([...baseById.keys(), ...oursById.keys(), ...theirsById.keys()]);
  const newId = () => {
    const id = uniqueId((x) => taken.has(x), options.generateId);
    taken.add(id);
    return id;
  };
  const readd = (o: Annotation, id: string, reason: ConflictReason): Annotation => {
    const oursId = newId();
    conflicts.push({ id, reason, oursId });
    return { ...o, id: oursId };
  };

  const out: Annotation[] = [];
  const placed = new Set<string>();
  // Their order first (the file as it stands), then what only we have, in our order.
  for (const ta of t.annotations) {
    const id = ta.id;
    placed.add(id);
    const ba = baseById.get(id);
    const oa = oursById.get(id);
    if (!ba) {
      if (!oa || deepEqual(oa, ta)) { out.push(ta); continue; }
      out.push(ta, readd(oa, id, 'added-on-both-sides'));
      continue;
    }
    if (!oa) {
      // We deleted it. If they left it as it was, it goes; if they changed it, their change is kept.
      if (deepEqual(ta, ba)) { continue; }
      conflicts.push({ id, reason: 'deleted-here-changed-there' });
      out.push(ta);
      continue;
    }
    const merged = mergeAnnotation(ba, oa, ta, options.sameAnchor);
    if (merged === CONFLICT) {
      out.push(ta, readd(oa, id, 'changed-on-both-sides'));
    } else {
      out.push(merged);
    }
  }
  for (const oa of ours.annotations) {
    if (placed.has(oa.id)) { continue; }
    const ba = baseById.get(oa.id);
    if (!ba) { out.push(oa); continue; }
    // They deleted it. If we left it as it was, it goes; if we changed it, our change is kept.
    if (deepEqual(oa, ba)) { continue; }
    conflicts.push({ id: oa.id, reason: 'changed-here-deleted-there' });
    out.push(oa);
  }
  return { data: { ...top, version: (top.version as number | undefined) ?? ours.version, annotations: out }, conflicts };
}

function mergeAnnotation(
  b: Annotation, o: Annotation, t: Annotation, sameAnchor: MergeOptions['sameAnchor'],
): Annotation | typeof CONFLICT {
  if (deepEqual(o, b)) { return t; }
  if (deepEqual(t, b) || deepEqual(o, t)) { return o; }
  const anchorOf = (a: Annotation) => Object.fromEntries(ANCHOR_FIELDS.map((k) => [k, a[k]]));
  let anchor = merge3(anchorOf(b), anchorOf(o), anchorOf(t), false);
  if (anchor === CONFLICT && sameAnchor?.(t, o)) { anchor = anchorOf(o); }
  if (anchor === CONFLICT) { return CONFLICT; }
  const result: Record<string, unknown> = {};
  for (const key of orderedKeys(t, o)) {
    if ((ANCHOR_FIELDS as readonly string[]).includes(key)) {
      const v = (anchor as Record<string, unknown>)[key];
      if (v !== undefined) { result[key] = v; }
      continue;
    }
    if (key === 'id') { result.id = t.id; continue; }
    const v = merge3(b[key], o[key], t[key]);
    if (v === CONFLICT) { return CONFLICT; }
    if (v !== undefined) { result[key] = v; }
  }
  return result as Annotation;
}

/** Three-way merge of one value; plain objects key by key when `deep`, anything else as a whole. */
function merge3(b: unknown, o: unknown, t: unknown, deep = true): unknown {
  if (deepEqual(o, b)) { return t; }
  if (deepEqual(t, b) || deepEqual(o, t)) { return o; }
  if (deep && isPlainObject(b) && isPlainObject(o) && isPlainObject(t)) {
    const out: Record<string, unknown> = {};
    for (const key of orderedKeys(t, o)) {
      const v = merge3(b[key], o[key], t[key]);
      if (v === CONFLICT) { return CONFLICT; }
      if (v !== undefined) { out[key] = v; }
    }
    return out;
  }
  return CONFLICT;
}

/** Keys of `first` in its order, then those only in `second`. */
function orderedKeys(first: Record<string, unknown>, second: Record<string, unknown>): string[] {
  const keys = Object.keys(first);
  for (const k of Object.keys(second)) { if (!(k in first)) { keys.push(k); } }
  return keys;
}

function topLevel(data: SidecarData): Record<string, unknown> {
  return Object.fromEntries(Object.entries(data).filter(([k]) => k !== 'annotations'));
}

function byId(list: Annotation[]): Map<string, Annotation> {
  return new Map(list.map((a) => [a.id, a]));
}
