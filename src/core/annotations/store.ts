// The annotation store: the one writer of sidecars (ARCHITECTURE principle 2). A session per source holds its
// annotations, anchors them in the source text and keeps them anchored through edits; saving merges with what
// changed on disk since it was read, writes atomically under the per-path queue and lock, and fires a change
// event that views redraw from.
import { Document } from 'yaml';
import { AnchorState, LiveAnchors } from '../anchor/liveAnchors';
import { AnchorTarget, ResolveOptions, describeRange, resolveAnchor } from '../anchor/resolve';
import { TextChange, splitsSurrogatePair } from '../anchor/textChanges';
import { ANY_BOILERPLATE_CODE, FindingRef, decisionFor } from './decisions';
import { SidecarError } from './errors';
import { MergeConflict, mergeSidecars } from './merge';
import {
  ANCHOR_FIELDS, Annotation, AnnotationKind, DecisionStatus, SIDECAR_VERSION, SidecarData, cloneData, decisionOf, deepEqual, randomId,
  sourceHashOf, timestamp, uniqueId,
} from './model';
import { LockOptions, PathQueue, defaultLockOptions, processQueue, readSidecarFile, withSidecarLock, writeSidecarFile } from './sidecarFs';
import { sidecarPathFor, sourceFieldFor } from './sidecarPaths';
import { SidecarLimits, defaultSidecarLimits, newSidecarDocument, parseSidecar, patchSidecarDocument, renderSidecar } from './sidecarYaml';
import { validateSidecarData } from './validate';
import * as path from 'node:path';

export interface AnnotationStoreOptions {
  /** The corpus root: a sidecar that resolves outside it (through a link) is not read. */
  root?: string;
  /** Recorded as `author` on new annotations. */
  author?: string;
  limits?: Partial<SidecarLimits>;
  lock?: Partial<LockOptions>;
  /** Serialises writes per path; defaults to the queue shared by the whole process. */
  queue?: PathQueue;
  resolve?: Partial<ResolveOptions>;
  /** For tests: the clock and the id generator. */
  now?: () => Date;
  generateId?: () => string;
}

/** Where an annotation stands in the current text. `pending`: an edit touched its quote and it awaits a search. */
export type AnnotationOutcome = 'exact' | 'moved' | 'fuzzy' | 'orphaned' | 'pending';

export interface AnchoredAnnotation {
  /** The annotation as last saved or edited here; its offsets are those of the sidecar, not the live ones. */
  annotation: Readonly<Annotation>;
  outcome: AnnotationOutcome;
  /** Where it stands now, in the session's text; null when orphaned or pending. */
  start: number | null;
  end: number | null;
  /** For an orphan the search gave up on for its cost (see ResolveOptions.maxWork), rather than did not find. */
  reason?: 'over-budget';
}

export interface NewAnnotation {
  kind: AnnotationKind;
  start: number;
  end: number;
  label?: string;
  attributes?: Record<string, unknown>;
  author?: string;
  [extra: string]: unknown;
}

export type SidecarChangeReason = 'loaded' | 'added' | 'updated' | 'removed' | 'reattached' | 'anchors' | 'saved' | 'reloaded';

export interface SidecarChangeEvent {
  sourcePath: string;
  sidecarPath: string;
  reason: SidecarChangeReason;
  /** The annotations concerned (all of them for 'loaded', 'saved' and 'reloaded'). */
  ids: string[];
  /** Conflicts met while merging with the file on disk; each kept both versions. */
  conflicts: MergeConflict[];
}

export interface Disposable {
  dispose(): void;
}

export interface SaveResult {
  /** False when the file already held exactly this. */
  written: boolean;
  conflicts: MergeConflict[];
}

export class AnnotationStore {
  readonly options: Readonly<AnnotationStoreOptions>;
  readonly limits: SidecarLimits;
  readonly lockOptions: LockOptions;
  private readonly sessions = new Map<string, Promise<SidecarSession>>();
  private readonly listeners = new Set<(e: SidecarChangeEvent) => void>();

  constructor(options: AnnotationStoreOptions = {}) {
    this.options = { ...options };
    this.limits = { ...defaultSidecarLimits, ...options.limits };
    this.lockOptions = { ...defaultLockOptions, ...options.lock };
  }

  sidecarPathFor(sourcePath: string): string {
    return sidecarPathFor(sourcePath);
  }

  /**
   * Opens the annotations of a source whose current text is `text` (BOM removed, as VS Code's getText gives
   * it), anchoring each. A source without a sidecar opens empty; an invalid sidecar throws a SidecarError with
   * line and column, and nothing will write over it. Opening an open source returns its session, re-anchored
   * against `text` if that differs.
   */
  async open(sourcePath: string, text: string, opts: { sidecarPath?: string } = {}): Promise<SidecarSession> {
    const key = path.resolve(sourcePath);
    const existing = this.sessions.get(key);
    if (existing) {
      const session = await existing;
      if (session.text !== text) { session.setText(text); }
      return session;
    }
    const sidecarPath = path.resolve(opts.sidecarPath ?? this.sidecarPathFor(key));
    const opening = SidecarSession.load(this, key, sidecarPath, text);
    this.sessions.set(key, opening);
    try {
      const session = await opening;
      this.fire({ sourcePath: key, sidecarPath, reason: 'loaded', ids: session.ids(), conflicts: [] });
      return session;
    } catch (e) {
      this.sessions.delete(key);
      throw e;
    }
  }

  /** The open session of a source, if any. */
  async get(sourcePath: string): Promise<SidecarSession | undefined> {
    return this.sessions.get(path.resolve(sourcePath))?.catch(() => undefined);
  }

  /** Forgets a session (unsaved changes are dropped). */
  close(sourcePath: string): void {
    this.sessions.delete(path.resolve(sourcePath));
  }

  onDidChange(listener: (e: SidecarChangeEvent) => void): Disposable {
    this.listeners.add(listener);
    return { dispose: () => { this.listeners.delete(listener); } };
  }

  /** @internal */
  fire(e: SidecarChangeEvent): void {
    for (const l of [...this.listeners]) {
      try { l(e); } catch { /* a listener's failure is its own */ }
    }
  }
}

/** The annotations of one source, anchored in its current text. Created by AnnotationStore.open. */
export class SidecarSession {
  /** The data as last read from or written to disk; undefined when there is no file. */
  private base: SidecarData | undefined;
  private baseRaw: string | undefined;
  private doc: Document | undefined;
  private eol: '\n' | '\r\n' = '\n';
  /** Ours: top-level fields and annotations in file order, with offsets as stored. */
  private top: Record<string, unknown>;
  private records: Annotation[];
  private readonly anchors: LiveAnchors;

  private constructor(
    private readonly store: AnnotationStore,
    readonly sourcePath: string,
    readonly sidecarPath: string,
    text: string,
  ) {
    this.anchors = new LiveAnchors(text, store.options.resolve);
    this.top = { version: SIDECAR_VERSION, source: sourceFieldFor(sidecarPath, sourcePath) };
    this.records = [];
  }

  /** @internal */
  static async load(store: AnnotationStore, sourcePath: string, sidecarPath: string, text: string): Promise<SidecarSession> {
    const s = new SidecarSession(store, sourcePath, sidecarPath, text);
    const raw = await readSidecarFile(sidecarPath, store.limits.maxBytes, store.options.root);
    if (raw !== undefined) {
      const parsed = parseSidecar(raw, sidecarPath, store.limits);
      s.adoptDisk(raw, parsed.doc, parsed.data, parsed.eol);
      s.setRecords(parsed.data);
    }
    s.anchors.trackAll(s.records.map((a) => ({ id: a.id, target: targetOf(a) })));
    return s;
  }

  get text(): string {
    return this.anchors.text;
  }

  ids(): string[] {
    return this.records.map((a) => a.id);
  }

  /** Every annotation, in file order, with where it stands now. */
  list(): AnchoredAnnotation[] {
    return this.records.map((a) => this.anchored(a));
  }

  get(id: string): AnchoredAnnotation | undefined {
    const a = this.records.find((r) => r.id === id);
    return a && this.anchored(a);
  }

  /** True when saving would change the file (annotations edited, or anchors moved with the text). */
  get dirty(): boolean {
    return !this.base ? this.records.length > 0 : !deepEqual(this.snapshot(false), this.base);
  }

  /** Adds an annotation on [start, end) of the current text; its quote and context are taken from the text. */
  add(input: NewAnnotation): Annotation {
    const { kind, start, end, label, attributes, author, ...extra } = input;
    this.checkRange(start, end);
    const id = uniqueId((x) => this.records.some((r) => r.id === x) || !!this.base?.annotations.some((r) => r.id === x),
      this.store.options.generateId ?? randomId);
    const record: Annotation = {
      id, kind,
      ...(label !== undefined ? { label } : {}),
      ...describeRange(this.text, start, end),
      start, end,
      ...(attributes !== undefined ? { attributes: cloneData(attributes) } : {}),
      ...((author ?? this.store.options.author) !== undefined ? { author: author ?? this.store.options.author } : {}),
      created: timestamp(this.store.options.now?.() ?? new Date()),
      ...cloneData(extra),
    };
    checkAnnotation(record, this.sidecarPath);
    this.records.push(record);
    this.anchors.place(id, targetOf(record), start, end);
    this.fire('added', [id]);
    return cloneData(record);
  }

  /**
   * Changes fields other than the id and the anchor (use `reattach` to move an annotation). A field set to
   * undefined is removed. Unknown fields are kept.
   */
  update(id: string, patch: Partial<Omit<Annotation, 'id' | 'quote' | 'prefix' | 'suffix' | 'start' | 'end'>>): Annotation {
    const i = this.indexOf(id);
    const next: Annotation = { ...this.records[i] };
    for (const [k, v] of Object.entries(patch)) {
      if (k === 'id' || (ANCHOR_FIELDS as readonly string[]).includes(k)) {
        throw new Error(`"${k}" cannot be changed with update; use reattach to move an annotation`);
      }
      if (v === undefined) { delete next[k]; } else { next[k] = cloneData(v); }
    }
    checkAnnotation(next, this.sidecarPath);
    this.records[i] = next;
    this.fire('updated', [id]);
    return cloneData(next);
  }

  remove(id: string): boolean {
    const i = this.records.findIndex((r) => r.id === id);
    if (i < 0) { return false; }
    this.records.splice(i, 1);
    this.anchors.untrack(id);
    this.fire('removed', [id]);
    return true;
  }

  /**
   * Records an editor's decision about a detector finding: updates the decision already recorded for it (see
   * decisionFor), or adds a boilerplate or duplicate annotation over the finding's range.
   */
  decide(finding: FindingRef & { kind: 'boilerplate' | 'duplicate' }, status: DecisionStatus): Annotation {
    const existing = decisionFor(this.list(), finding);
    if (existing) {
      const current = this.records[this.indexOf(existing.id)];
      return this.update(existing.id, { attributes: { ...current.attributes, status, code: finding.code } });
    }
    return this.add({ kind: finding.kind, start: finding.start, end: finding.end, attributes: { status, code: finding.code } });
  }

  /**
   * Records a decision about every boilerplate finding over [start, end), whatever its code (`boilerplate.*`),
   * and gives the decisions already recorded there for single codes the same status, so that none contradicts it.
   */
  decideAnyBoilerplate(start: number, end: number, status: DecisionStatus): Annotation {
    const here = { start, end };
    let wildcard: Annotation | undefined;
    for (const a of this.list()) {
      const d = decisionOf(a.annotation);
      if (!d || a.annotation.kind !== 'boilerplate' || !covers(a, here)) { continue; }
      const current = this.records[this.indexOf(a.annotation.id)];
      const updated = d.status === status ? current : this.update(current.id, { attributes: { ...current.attributes, status } });
      if (d.code === ANY_BOILERPLATE_CODE) { wildcard = updated; }
    }
    return wildcard ?? this.add({ kind: 'boilerplate', start, end, attributes: { status, code: ANY_BOILERPLATE_CODE } });
  }

  /** Attaches an annotation (an orphan, typically) to [start, end) of the current text. */
  reattach(id: string, start: number, end: number): Annotation {
    const i = this.indexOf(id);
    this.checkRange(start, end);
    const next: Annotation = { ...this.records[i], ...describeRange(this.text, start, end), start, end };
    this.records[i] = next;
    this.anchors.place(id, targetOf(next), start, end);
    this.fire('reattached', [id]);
    return cloneData(next);
  }

  /** Moves anchors with one editor event's changes (applied in order, as VS Code reports them). */
  applyChanges(changes: readonly TextChange[]): void {
    if (changes.length === 0) { return; }
    const touched = this.anchors.applyChanges(changes);
    this.fire('anchors', touched);
  }

  /** Replaces the whole text (a revert, a reload): every annotation is anchored again. */
  setText(text: string): void {
    this.anchors.setText(text);
    this.fire('anchors', this.ids());
  }

  /** Searches the whole text for annotations whose quote an edit touched; what is not found is orphaned. */
  settle(): void {
    const changed = this.anchors.settle();
    if (changed.length > 0) { this.fire('anchors', changed); }
  }

  /**
   * Writes the sidecar: anchors are settled and their offsets, quote, context and the source hash brought up to
   * date (orphans keep theirs), then merged with the file on disk if it changed since it was read, and written
   * atomically. Throws a SidecarError, writing nothing, if the file on disk is invalid.
   */
  save(): Promise<SaveResult> {
    const file = this.sidecarPath;
    return (this.store.options.queue ?? processQueue).run(file, () => withSidecarLock(file, async () => {
      this.settle();
      const ours = this.commitAnchors();
      const raw = await readSidecarFile(file, this.store.limits.maxBytes, this.store.options.root);
      let theirs: SidecarData | undefined;
      let doc: Document | undefined;
      let eol = this.eol;
      if (raw !== undefined && raw === this.baseRaw) {
        theirs = this.base;
        doc = this.doc?.clone();
      } else if (raw !== undefined) {
        const parsed = parseSidecar(raw, file, this.store.limits);
        theirs = parsed.data;
        doc = parsed.doc;
        eol = parsed.eol;
      }
      const merged = theirs === this.base && raw === this.baseRaw
        ? { data: ours, conflicts: [] }
        : mergeSidecars(this.base, ours, theirs, { generateId: this.store.options.generateId, sameAnchor: (t, o) => this.sameAnchor(t, o) });
      if (merged.data !== ours) { merged.data = this.anchorForeign(merged.data, ours); }
      let written = false;
      let text = raw;
      if (theirs ? !deepEqual(merged.data, theirs) : merged.data.annotations.length > 0) {
        doc ??= newSidecarDocument(merged.data);
        patchSidecarDocument(doc, merged.data);
        text = renderSidecar(doc, merged.data, eol);
        // The limit the reader applies, checked on what would be written: never write a file the next read refuses.
        const bytes = Buffer.byteLength(text, 'utf8');
        if (bytes > this.store.limits.maxBytes) {
          throw new SidecarError(file, 'too-large', [{ message: `not written: the sidecar would be ${bytes} bytes, over the limit of `
            + `${this.store.limits.maxBytes} that reading it again would refuse; split the annotations over fewer per file or raise the limit` }]);
        }
        await writeSidecarFile(file, text);
        written = true;
      }
      this.rebase(ours, merged.data, text, doc, eol);
      this.fire('saved', this.ids(), merged.conflicts);
      return { written, conflicts: merged.conflicts };
    }, this.store.lockOptions));
  }

  /**
   * Reads the file again and merges what changed there into this session, keeping unsaved changes made here.
   * Throws a SidecarError if the file is now invalid (the session is left as it was).
   */
  reload(): Promise<{ conflicts: MergeConflict[] }> {
    const file = this.sidecarPath;
    return (this.store.options.queue ?? processQueue).run(file, async () => {
      const raw = await readSidecarFile(file, this.store.limits.maxBytes, this.store.options.root);
      if (raw === this.baseRaw) { return { conflicts: [] }; }
      const parsed = raw === undefined ? undefined : parseSidecar(raw, file, this.store.limits);
      const ours = this.snapshot(false);
      const merged = mergeSidecars(this.base, ours, parsed?.data, { generateId: this.store.options.generateId, sameAnchor: (t, o) => this.sameAnchor(t, o) });
      if (parsed && raw !== undefined) {
        this.adoptDisk(raw, parsed.doc, parsed.data, parsed.eol);
      } else {
        this.base = undefined;
        this.baseRaw = undefined;
        this.doc = undefined;
      }
      this.setRecords(merged.data);
      this.syncAnchors(ours);
      this.fire('reloaded', this.ids(), merged.conflicts);
      return { conflicts: merged.conflicts };
    });
  }

  private anchored(a: Annotation): AnchoredAnnotation {
    const state = this.anchors.get(a.id)?.state;
    return { annotation: cloneData(a), ...outcomeOf(a, state, this.text) };
  }

  private indexOf(id: string): number {
    const i = this.records.findIndex((r) => r.id === id);
    if (i < 0) { throw new Error(`no annotation with id ${id} in ${this.sidecarPath}`); }
    return i;
  }

  private checkRange(start: number, end: number): void {
    const n = this.text.length;
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > n || start >= end) {
      throw new RangeError(`range [${start}, ${end}) is not a non-empty range of the text (length ${n})`);
    }
    if (splitsSurrogatePair(this.text, start) || splitsSurrogatePair(this.text, end)) {
      throw new RangeError(`range [${start}, ${end}) splits a surrogate pair (a character outside the BMP)`);
    }
  }

  /** Ours as it would be written: top-level fields and annotations, anchors brought up to date when `commit`. */
  private snapshot(commit: boolean): SidecarData {
    const records = this.records.map((a) => {
      const state = this.anchors.get(a.id)?.state;
      if (!state || state.status !== 'anchored') { return a; }
      const anchor = { ...describeRange(this.text, state.start, state.end), start: state.start, end: state.end };
      return ANCHOR_FIELDS.every((k) => a[k] === anchor[k]) ? a : { ...a, ...anchor };
    });
    const data = { ...this.top, version: SIDECAR_VERSION, sourceHash: sourceHashOf(this.text), annotations: records } as SidecarData;
    if (commit) { this.records = records; this.top = topOf(data); }
    return cloneData(data);
  }

  private commitAnchors(): SidecarData {
    return this.snapshot(true);
  }

  /** After a write: the file holds `written`; edits made here while it was written are kept on top. */
  private rebase(ours: SidecarData, written: SidecarData, raw: string | undefined, doc: Document | undefined, eol: '\n' | '\r\n'): void {
    const current = { ...this.top, annotations: this.records } as SidecarData;
    const next = mergeSidecars(ours, current, written, { generateId: this.store.options.generateId }).data;
    if (raw !== undefined && doc) {
      this.adoptDisk(raw, doc, written, eol);
    }
    this.setRecords(next);
    this.syncAnchors(ours);
  }

  private adoptDisk(raw: string, doc: Document, data: SidecarData, eol: '\n' | '\r\n'): void {
    this.base = cloneData(data);
    this.baseRaw = raw;
    this.doc = doc;
    this.eol = eol;
  }

  private setRecords(data: SidecarData): void {
    this.top = topOf(data);
    this.records = cloneData(data.annotations);
  }

  /**
   * Keeps the live anchors in step with the records. An annotation whose anchor fields are still the ones in
   * `reference` keeps its live place; one whose anchor came from disk is anchored afresh.
   */
  private syncAnchors(reference: SidecarData): void {
    const ref = new Map(reference.annotations.map((a) => [a.id, a]));
    const live = new Set(this.records.map((a) => a.id));
    for (const t of [...this.anchors.entries()]) {
      if (!live.has(t.id)) { this.anchors.untrack(t.id); }
    }
    for (const a of this.records) {
      const r = ref.get(a.id);
      const tracked = this.anchors.get(a.id);
      if (tracked && r && ANCHOR_FIELDS.every((k) => a[k] === r[k])) {
        if (tracked.state.status === 'anchored') {
          this.anchors.place(a.id, targetOf(a), tracked.state.start, tracked.state.end);
        }
        continue;
      }
      this.anchors.track(a.id, targetOf(a));
    }
  }

  /**
   * Annotations whose anchor came from disk (added or moved by another writer) hold offsets into the text that
   * writer had; the file is about to claim our text's hash, so they are anchored in our text first (orphans
   * keep what they had).
   */
  private anchorForeign(data: SidecarData, ours: SidecarData): SidecarData {
    const mine = new Map(ours.annotations.map((a) => [a.id, a]));
    const annotations = data.annotations.map((a) => {
      const o = mine.get(a.id);
      if (o && ANCHOR_FIELDS.every((k) => a[k] === o[k])) { return a; }
      const r = resolveAnchor(this.text, targetOf(a), this.store.options.resolve);
      return r.outcome === 'orphaned' ? a : { ...a, ...describeRange(this.text, r.start, r.end), start: r.start, end: r.end };
    });
    return { ...data, sourceHash: sourceHashOf(this.text), annotations };
  }

  /** Their anchor and ours mark the same place in our text. */
  private sameAnchor(theirs: Annotation, ours: Annotation): boolean {
    const r = resolveAnchor(this.text, targetOf(theirs), this.store.options.resolve);
    return r.outcome !== 'orphaned' && r.start === ours.start && r.end === ours.end;
  }

  private fire(reason: SidecarChangeReason, ids: string[], conflicts: MergeConflict[] = []): void {
    this.store.fire({ sourcePath: this.sourcePath, sidecarPath: this.sidecarPath, reason, ids, conflicts });
  }
}

/** Whether an anchored annotation and a range overlap by at least half of each (as decisionFor matches). */
function covers(a: AnchoredAnnotation, r: { start: number; end: number }): boolean {
  if (a.start === null || a.end === null) { return false; }
  const overlap = Math.min(a.end, r.end) - Math.max(a.start, r.start);
  return overlap * 2 >= Math.max(1, r.end - r.start) && overlap * 2 >= Math.max(1, a.end - a.start);
}

function targetOf(a: Annotation): AnchorTarget {
  return { quote: a.quote, prefix: a.prefix, suffix: a.suffix, start: a.start, end: a.end };
}

function topOf(data: SidecarData): Record<string, unknown> {
  return Object.fromEntries(Object.entries(data).filter(([k]) => k !== 'annotations'));
}

function outcomeOf(a: Annotation, state: AnchorState | undefined, text: string): { outcome: AnnotationOutcome; start: number | null; end: number | null; reason?: 'over-budget' } {
  if (!state || state.status !== 'anchored') {
    return { outcome: state?.status ?? 'orphaned', start: null, end: null, ...(state?.status === 'orphaned' && state.reason === 'over-budget' ? { reason: state.reason } : {}) };
  }
  const holdsQuote = text.slice(state.start, state.end) === a.quote;
  const outcome = !holdsQuote ? 'fuzzy' : state.start === a.start && state.end === a.end ? 'exact' : 'moved';
  return { outcome, start: state.start, end: state.end };
}

function checkAnnotation(a: Annotation, file: string): void {
  const issues = validateSidecarData({ version: SIDECAR_VERSION, annotations: [a] });
  if (issues.length > 0) {
    throw new SidecarError(file, 'schema', issues.map((i) => ({ message: i.message })));
  }
}
