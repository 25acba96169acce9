// The annotations index of one corpus folder: every sidecar under the root, read once through the safe sidecar
// reader, by the absolute path of its source. It keeps each file's annotations (the suggestion gazetteer and the
// untagged counts need them) and, built on demand and kept until the file changes, what the views need of it: its
// tags (entities with label and canonical name, claims with speaker and status) at their offsets in the source's
// current text, re-anchored when the sidecar's hash says the text changed; how many annotations no longer anchor;
// whether it records decisions about findings. Updated per file: a sidecar read again, a source changed on disk.
// Whole-corpus passes take a `pause` callback between files, so that a worker can answer other requests meanwhile.
import * as path from 'node:path';
import { readCorpusFile } from '../corpus';
import { DEFAULT_MAX_FILE_BYTES } from '../options';
import { resolveAnchor } from '../anchor/resolve';
import { isRejection } from '../suggest/rejections';
import { SidecarError } from './errors';
import { Annotation, decisionOf, sourceHashOf } from './model';
import { readSidecarFile } from './sidecarFs';
import { defaultSourcePathFor, findSidecars, resolveSourceField, sidecarPathFor } from './sidecarPaths';
import { defaultSidecarLimits, parseSidecar } from './sidecarYaml';

export const UNVERIFIED = 'unverified';

/** One entity or claim as the views list it (decisions, rejections and notes are not tags). */
export interface IndexedTag {
  id: string;
  kind: 'entity' | 'claim';
  /** An entity's label ('' for a claim). */
  label: string;
  quote: string;
  /** Where the tag stands in the source's current text (those of the sidecar when the text is unchanged). */
  start: number;
  end: number;
  /** An entity's canonical name (its quote when none is set). */
  canonical: string;
  speaker?: string;
  /** A claim's status ('unverified' when none is set). */
  status?: string;
  orphaned: boolean;
}

/** What the views know of one file's sidecar. */
export interface FileSummary {
  /** The source's absolute path. */
  source: string;
  tags: IndexedTag[];
  /** Annotations of any kind that no longer anchor in the source. */
  orphaned: number;
  /** The sidecar's error, when it cannot be read; its tags are then unknown. */
  invalid?: string;
  /** It records decisions about findings (which must apply while the file is closed). */
  decisions: boolean;
}

interface Entry {
  sidecarPath: string;
  annotations: Annotation[];
  sourceHash?: string;
  invalid?: string;
  /** Built on first use; dropped when the sidecar or the source changes. */
  summary?: FileSummary;
}

function text(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
}

/** The tag of an annotation placed at `start`-`end`, or undefined for annotations that are not tags. */
export function indexedTagOf(a: Readonly<Annotation>, start: number, end: number, orphaned: boolean): IndexedTag | undefined {
  // A turned-down suggestion is an entity or claim annotation too, but a decision, not a tag.
  if ((a.kind !== 'entity' && a.kind !== 'claim') || isRejection(a)) { return undefined; }
  const attrs = a.attributes ?? {};
  return {
    id: a.id, kind: a.kind, label: a.kind === 'entity' ? a.label ?? 'other' : '', quote: a.quote, start, end,
    canonical: text(attrs.canonical) ?? a.quote.replace(/\s+/g, ' ').trim(),
    ...(a.kind === 'claim' ? { speaker: text(attrs.speaker), status: text(attrs.status) ?? UNVERIFIED } : {}),
    orphaned,
  };
}

/**
 * A file's summary from its annotations. `sourceText` is the source's current text, when it could be read: if the
 * sidecar's hash says it changed since the anchors were checked, each annotation is anchored again, to count the
 * orphans and give the tags their current offsets.
 */
export function summarize(source: string, annotations: readonly Annotation[], sourceHash: string | undefined, sourceText: string | undefined): FileSummary {
  const recheck = sourceText !== undefined && sourceHash !== sourceHashOf(sourceText);
  let orphaned = 0;
  let decisions = false;
  const tags: IndexedTag[] = [];
  for (const a of annotations) {
    let start = a.start;
    let end = a.end;
    let lost = false;
    if (recheck) {
      const r = resolveAnchor(sourceText, { quote: a.quote, prefix: a.prefix, suffix: a.suffix, start: a.start, end: a.end });
      if (r.outcome === 'orphaned') { lost = true; } else { start = r.start; end = r.end; }
    }
    if (lost) { orphaned++; }
    if (decisionOf(a)) { decisions = true; }
    const t = indexedTagOf(a, start, end, lost);
    if (t) { tags.push(t); }
  }
  return { source, tags, orphaned, decisions };
}

export interface CorpusAnnotationsOptions {
  /** Sources over this size are not read to re-anchor (their tags keep the sidecar's offsets). */
  maxFileBytes?: number;
}

export class CorpusAnnotations {
  private readonly entries = new Map<string, Entry>();
  private readonly maxFileBytes: number;

  constructor(readonly root: string, options: CorpusAnnotationsOptions = {}) {
    this.root = path.resolve(root);
    this.maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  }

  /** Reads every sidecar under the root; what cannot be read or parsed is reported and kept as an invalid file. */
  async load(report: (message: string) => void): Promise<void> {
    this.entries.clear();
    const found = findSidecars(this.root);
    for (const s of found.skipped) { report(`${s.path}: skipped: ${s.message}`); }
    for (const p of found.sidecars) { await this.readSidecar(p, defaultSourcePathFor(p), report); }
  }

  /**
   * Reads the sidecars of these sources (absolute paths) again, and forgets what was built from their texts. A
   * sidecar gone drops its file; an invalid one keeps the annotations last read (a half-typed edit should not
   * drop its tags from the gazetteer) and marks the file invalid.
   */
  async reload(sources: readonly string[], report: (message: string) => void): Promise<void> {
    for (const s of sources) {
      const abs = path.resolve(s);
      await this.readSidecar(this.entries.get(abs)?.sidecarPath ?? sidecarPathFor(abs), abs, report);
    }
  }

  /** The annotations of a source (absolute path); empty when it has no sidecar. */
  annotationsOf(source: string): readonly Annotation[] {
    return this.entries.get(path.resolve(source))?.annotations ?? [];
  }

  /**
   * Every source with a sidecar, its sidecar and its annotations; `invalid` is the sidecar's error when it could
   * not be read (the annotations are then those last read from it, if any).
   */
  *annotations(): IterableIterator<{ path: string; sidecarPath: string; annotations: Annotation[]; invalid?: string }> {
    for (const [p, e] of this.entries) { yield { path: p, sidecarPath: e.sidecarPath, annotations: e.annotations, invalid: e.invalid }; }
  }

  get size(): number {
    return this.entries.size;
  }

  /**
   * A page of the sources with a sidecar, in path order: at most `limit` after `after` (from the first when
   * undefined); `more` when others follow the page.
   */
  page(after: string | undefined, limit: number): { sources: string[]; more: boolean } {
    const keys = [...this.entries.keys()].filter((k) => after === undefined || k > after).sort();
    return { sources: keys.slice(0, limit), more: keys.length > limit };
  }

  /**
   * The summaries of these sources (every file with a sidecar when undefined), built where need be (the source is
   * read then); a source named without a sidecar is in `removed`. `pause` is awaited between files that cost a
   * build; when it resolves false the pass stops and undefined is returned.
   */
  async summaries(sources: readonly string[] | undefined, pause?: () => Promise<boolean>): Promise<{ files: FileSummary[]; removed: string[] } | undefined> {
    const files: FileSummary[] = [];
    const removed: string[] = [];
    const keys = sources ? sources.map((s) => path.resolve(s)) : [...this.entries.keys()];
    for (const key of keys) {
      const entry = this.entries.get(key);
      if (!entry) { removed.push(key); continue; }
      if (!entry.summary) {
        if (pause && !await pause()) { return undefined; }
        // Changed while the pass waited: it is gone, or its summary is built already.
        const now = this.entries.get(key);
        if (!now) { removed.push(key); continue; }
        now.summary ??= this.build(key, now);
        files.push(now.summary);
        continue;
      }
      files.push(entry.summary);
    }
    return { files, removed };
  }

  private build(source: string, entry: Entry): FileSummary {
    if (entry.invalid !== undefined) { return { source, tags: [], orphaned: 0, invalid: entry.invalid, decisions: false }; }
    const rel = path.relative(this.root, source).split(path.sep).join('/');
    const read = rel.startsWith('../') ? undefined : readCorpusFile(this.root, rel, { maxFileBytes: this.maxFileBytes });
    return summarize(source, entry.annotations, entry.sourceHash, read?.ok ? read.text : undefined);
  }

  private async readSidecar(sidecarPath: string, fallbackSource: string, report: (message: string) => void): Promise<void> {
    try {
      const raw = await readSidecarFile(sidecarPath, defaultSidecarLimits.maxBytes, this.root);
      if (raw === undefined) { this.entries.delete(path.resolve(fallbackSource)); return; }
      const data = parseSidecar(raw, sidecarPath).data;
      const source = path.resolve(typeof data.source === 'string' ? resolveSourceField(sidecarPath, data.source) : fallbackSource);
      this.entries.set(source, { sidecarPath, annotations: data.annotations, sourceHash: data.sourceHash });
    } catch (err) {
      if (!(err instanceof SidecarError)) { throw err; }
      report(`${path.relative(this.root, sidecarPath).split(path.sep).join('/')}: invalid sidecar, not used: ${err.message}`);
      const source = path.resolve(fallbackSource);
      const before = this.entries.get(source);
      this.entries.set(source, { sidecarPath, annotations: before?.annotations ?? [], sourceHash: before?.sourceHash, invalid: err.message });
    }
  }
}
