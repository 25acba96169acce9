// The tags of the corpus as the views list them: one record per entity or claim of a sidecar, read from a
// sidecar's YAML (for files not open in the editor) or from a live session. Grouping of entities by label and
// canonical name, and claims by status. No 'vscode' import, so it is unit-tested.
import { Annotation, SidecarError, parseSidecar, sourceHashOf } from '../../../core/annotations';
import { resolveAnchor } from '../../../core/anchor/resolve';
import { isRejection } from '../../../core/suggest/rejections';

export interface TagRecord {
  /** The source file's URI, as a string. */
  uri: string;
  id: string;
  kind: 'entity' | 'claim';
  /** An entity's label ('' for a claim). */
  label: string;
  quote: string;
  /** Where the tag stands in the source: live offsets for an open session, else those of the sidecar. */
  start: number;
  end: number;
  /** An entity's canonical name (its quote when none is set). */
  canonical: string;
  speaker?: string;
  /** A claim's status ('unverified' when none is set). */
  status?: string;
  orphaned: boolean;
}

/** What the views know about one file's sidecar. */
export interface FileTags {
  uri: string;
  tags: TagRecord[];
  /** Tags (and decisions) that no longer anchor in the source. */
  orphaned: number;
  /** The sidecar's error, when it cannot be read; its tags are then unknown. */
  invalid?: string;
}

export const UNVERIFIED = 'unverified';

function text(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
}

/** A tag record of an annotation, or undefined for annotations that are not tags (decisions, rejections, notes). */
export function tagRecordOf(uri: string, a: Readonly<Annotation>, start: number, end: number, orphaned: boolean): TagRecord | undefined {
  // A turned-down suggestion is an entity or claim annotation too, but a decision, not a tag.
  if ((a.kind !== 'entity' && a.kind !== 'claim') || isRejection(a)) { return undefined; }
  const attrs = a.attributes ?? {};
  return {
    uri, id: a.id, kind: a.kind, label: a.kind === 'entity' ? a.label ?? 'other' : '', quote: a.quote, start, end,
    canonical: text(attrs.canonical) ?? a.quote.replace(/\s+/g, ' ').trim(),
    ...(a.kind === 'claim' ? { speaker: text(attrs.speaker), status: text(attrs.status) ?? UNVERIFIED } : {}),
    orphaned,
  };
}

/**
 * The tags of a sidecar read from disk. `source` is the source's current text, when it could be read: if the
 * sidecar's hash says the text changed since the anchors were checked, each annotation is anchored again to count
 * the orphans and to give the tags their current offsets. An invalid sidecar gives no tags and its error.
 */
export function readFileTags(uri: string, raw: string, sidecarPath: string, source: string | undefined): FileTags {
  let annotations: Annotation[];
  let hash: string | undefined;
  try {
    const parsed = parseSidecar(raw, sidecarPath);
    annotations = parsed.data.annotations;
    hash = parsed.data.sourceHash;
  } catch (e) {
    return { uri, tags: [], orphaned: 0, invalid: e instanceof SidecarError ? e.message : String(e) };
  }
  const recheck = source !== undefined && hash !== sourceHashOf(source);
  let orphaned = 0;
  const tags: TagRecord[] = [];
  for (const a of annotations) {
    let start = a.start;
    let end = a.end;
    let lost = false;
    if (recheck) {
      const r = resolveAnchor(source, { quote: a.quote, prefix: a.prefix, suffix: a.suffix, start: a.start, end: a.end });
      if (r.outcome === 'orphaned') { lost = true; } else { start = r.start; end = r.end; }
    }
    if (lost) { orphaned++; }
    const t = tagRecordOf(uri, a, start, end, lost);
    if (t) { tags.push(t); }
  }
  return { uri, tags, orphaned };
}

/** A canonical entity: the mentions tagged with one label and one canonical name. */
export interface EntityGroup {
  label: string;
  canonical: string;
  mentions: TagRecord[];
  /** How many files mention it. */
  files: number;
}

export interface LabelGroup {
  label: string;
  entities: EntityGroup[];
  mentions: number;
}

// One collator, made once: localeCompare with options builds one per call, which dominated grouping 20,000 tags.
const collator = new Intl.Collator('en', { sensitivity: 'base' });
const byText = (a: string, b: string) => collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);

/** Every entity of `files`, by label (alphabetically), then by canonical name (most mentioned first). */
export function groupEntities(files: Iterable<FileTags>): LabelGroup[] {
  const labels = new Map<string, Map<string, TagRecord[]>>();
  for (const f of files) {
    for (const t of f.tags) {
      if (t.kind !== 'entity') { continue; }
      let names = labels.get(t.label);
      if (!names) { labels.set(t.label, names = new Map()); }
      const key = t.canonical;
      const list = names.get(key);
      if (list) { list.push(t); } else { names.set(key, [t]); }
    }
  }
  return [...labels.entries()].sort(([a], [b]) => byText(a, b)).map(([label, names]) => {
    const entities = [...names.entries()].map(([canonical, mentions]) => ({
      label, canonical, mentions: mentions.sort(byPlace), files: new Set(mentions.map((m) => m.uri)).size,
    })).sort((a, b) => b.mentions.length - a.mentions.length || byText(a.canonical, b.canonical));
    return { label, entities, mentions: entities.reduce((n, e) => n + e.mentions.length, 0) };
  });
}

/** Mentions in file order, then text order. */
export function byPlace(a: TagRecord, b: TagRecord): number {
  return (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0) || a.start - b.start;
}

/** The claims of `files` whose status is among `statuses` (all when undefined), in file and text order. */
export function listClaims(files: Iterable<FileTags>, statuses?: ReadonlySet<string>): TagRecord[] {
  const out: TagRecord[] = [];
  for (const f of files) {
    for (const t of f.tags) {
      if (t.kind === 'claim' && (!statuses || statuses.has(t.status ?? UNVERIFIED))) { out.push(t); }
    }
  }
  return out.sort(byPlace);
}

/** The statuses claims have in `files`, with their counts, most frequent first. */
export function claimStatuses(files: Iterable<FileTags>): { status: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const f of files) {
    for (const t of f.tags) {
      if (t.kind === 'claim') { counts.set(t.status ?? UNVERIFIED, (counts.get(t.status ?? UNVERIFIED) ?? 0) + 1); }
    }
  }
  return [...counts.entries()].map(([status, count]) => ({ status, count })).sort((a, b) => b.count - a.count || byText(a.status, b.status));
}
