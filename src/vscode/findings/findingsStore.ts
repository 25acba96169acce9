// The findings the host currently shows, per file, as the index worker last reported them and as they meet the
// editor's decisions. It is the one place that decides whether a reply is still current: a reply computed before
// the newest change to a file (its generation is older) or for another version of an open document is dropped for
// that file. It is also the one place on the host where findings meet decisions (the core's applyDecisions, by the
// findings' offsets): what get() returns carries each finding's decision and its other copies', and every surface
// (diagnostics, hovers, the views, the report) reads that. A change of decisions re-applies them to the file and to
// the files holding the other copies of its passages, and tells listeners as a change of their findings. It also
// holds the files a running scan has listed but not yet analysed, so that the Files view can show them at once;
// those are told apart (onDidList) because they have no findings to publish. No 'vscode' import: files are keyed by
// their URI strings.
//
// A corpus of 133,000 files has some two million findings: the store keeps each file packed (packedFindings.ts),
// and what get() returns makes the finding objects when its `file` is read, so that they exist only for the files a
// surface is showing. Only the findings that decisions touch (a few files) are kept as objects.
import { Decided, PlacedDecision, applyDecisions } from '../../core/annotations/decisions';
import { DuplicateCode } from '../../core/findings';
import { FileFindings, WireFinding } from '../../protocol/indexProtocol';
import { FINDING, H_PATH, PackedFiles, RELATED, fileStarts, packFiles, versionAt } from '../../protocol/packedFiles';
import { PackedFindings, StringTable, adoptFile, relatedPaths, replyIds, unpackFindings } from './packedFindings';
import { ShardedMap } from '../platform/shardedMap';
import { inSlices } from '../platform/slices';

/** A finding as every surface shows it: with the decision recorded about it, and about each of its other copies. */
export type ShownFinding = Decided<WireFinding>;

/** A file's findings as reported, each with its decisions. */
export interface ShownFileFindings extends Omit<FileFindings, 'findings'> {
  readonly findings: readonly ShownFinding[];
}

export interface StoredFindings {
  /** The file's URI, as a string. */
  readonly uri: string;
  /** The workspace folder's URI, as a string. */
  readonly folder: string;
  /** The path relative to the folder (the file's `path`, without making its findings). */
  readonly path: string;
  /** Whether the file shares a passage with another file or has near-copies (known without making its findings). */
  readonly linked: boolean;
  /** The findings with their decisions: made when read (read it once per use, not in a loop over its findings). */
  readonly file: ShownFileFindings;
  /** The same with only its cross-file duplicate findings: what the Duplicates groups read (made when read). */
  readonly shared: ShownFileFindings;
  readonly generation: number;
}

/** Where the store finds the decisions recorded about a file's findings (its sidecar, as the editor holds it). */
export interface DecisionSource {
  /** The decisions placed in a file's current text, by the file's URI; undefined (the usual answer) when none. */
  decisionsOf(uri: string): readonly PlacedDecision[] | undefined;
}

/**
 * The last files made into objects, by their packed form: a surface that reads `file` of the same entry a few
 * times in a row (the diagnostics and the hover of one document) gets the same objects without making them again.
 */
class Unpacked {
  private readonly recent: { packed: PackedFindings; file: FileFindings }[] = [];
  private next = 0;

  constructor(readonly strings: StringTable) {}

  of(packed: PackedFindings): FileFindings {
    for (const r of this.recent) { if (r.packed === packed) { return r.file; } }
    const file = unpackFindings(packed, this.strings);
    this.recent[this.next] = { packed, file };
    this.next = (this.next + 1) % RECENT;
    return file;
  }
}

const RECENT = 4;

class Entry implements StoredFindings {
  constructor(
    readonly uri: string,
    readonly folder: string,
    readonly generation: number,
    readonly packed: PackedFindings,
    /** The findings as decisions changed them; undefined (the usual case) when none touches them. */
    readonly decided: ShownFileFindings | undefined,
    private readonly unpacked: Unpacked,
  ) {}

  get path(): string {
    return this.packed.path;
  }

  get linked(): boolean {
    return this.packed.linked;
  }

  get file(): ShownFileFindings {
    return this.decided ?? this.reported();
  }

  get shared(): ShownFileFindings {
    if (this.decided) { return { ...this.decided, findings: this.decided.findings.filter((f) => f.code === DuplicateCode.crossFile) }; }
    return unpackFindings(this.packed, this.unpacked.strings, DuplicateCode.crossFile);
  }

  /** What the worker reported, before decisions. */
  reported(): FileFindings {
    return this.unpacked.of(this.packed);
  }
}

export type FindingsListener = (uris: readonly string[]) => void;

export class FindingsStore {
  // The maps of a corpus's files are sharded: one Map of 133,000 files rehashed them all as it grew, inside the take
  // of one reply, and the files, their paths and the indexer's reported set grew past 131,072 in the same one.
  private readonly files = new ShardedMap<Entry>();
  /** For each folder, its stored files' URIs by path: the other copies a finding names are found by their paths. */
  private readonly paths = new Map<string, ShardedMap<string>>();
  /** For each file, the generation of the newest change seen to it. */
  private readonly latest = new ShardedMap<number>();
  private generation = 0;
  private readonly listeners = new Set<FindingsListener>();
  /** Files a running scan listed that have no findings stored yet: URI to folder and path. */
  private readonly listed = new ShardedMap<{ folder: string; path: string }>();
  private readonly listListeners = new Set<FindingsListener>();
  private readonly strings = new StringTable();
  private readonly unpacked = new Unpacked(this.strings);

  /**
   * @param openVersion the version of the document open in the editor for a URI, if one is
   * @param decisions the decisions recorded about files' findings (none, without it)
   */
  constructor(private readonly openVersion: (uri: string) => number | undefined, private readonly decisions?: DecisionSource) {}

  /** A new generation, for a request that changes nothing in particular (a scan). */
  nextGeneration(): number {
    return ++this.generation;
  }

  /** Notes that a file changed (or is about to be sent): replies computed before now are dropped for it. */
  invalidate(uri: string): number {
    const g = ++this.generation;
    this.latest.set(uri, g);
    return g;
  }

  /** Notes that several files changed at once; returns the one generation they share. */
  invalidateAll(uris: Iterable<string>): number {
    const g = ++this.generation;
    for (const u of uris) { this.latest.set(u, g); }
    return g;
  }

  /** Takes a reply's findings and removals; returns the URIs whose findings changed (and tells listeners). */
  accept(folder: string, generation: number, files: { uri: string; file: FileFindings }[], removed: string[]): string[] {
    return this.acceptPacked(folder, generation, packFiles(files.map((f) => f.file)), files.map((f) => f.uri), removed);
  }

  /**
   * Takes a reply's files as the worker packed them (`uris`, their URIs in the reply's order) and its removals;
   * returns the URIs whose findings changed (and tells listeners). No finding is made as an object, unless
   * decisions touch it.
   */
  acceptPacked(folder: string, generation: number, reply: PackedFiles, uris: readonly string[], removed: string[]): string[] {
    const changed: string[] = [];
    const starts = fileStarts(reply);
    const accepted: { uri: string; at: number }[] = [];
    for (let i = 0; i < starts.length; i++) {
      if (!this.isStale(uris[i], generation, versionAt(reply, starts[i]))) { accepted.push({ uri: uris[i], at: starts[i] }); }
    }
    const ids = accepted.length === 0 ? [] : replyIds(reply, this.strings);
    // Every path first, so that the other copies a finding names in this reply are found.
    const shared = this.strings.intern(folder);
    for (const { uri, at } of accepted) {
      const path = this.strings.at(ids[reply.numbers[at + H_PATH]]);
      const before = this.files.get(uri);
      if (before && before.path !== path) { this.paths.get(shared)?.delete(before.path); }
      this.pathsOf(shared).set(path, uri);
    }
    for (const { uri, at } of accepted) {
      this.files.set(uri, this.entry(uri, shared, generation, adoptFile(reply, at, ids, this.strings)));
      this.listed.delete(uri);
      changed.push(uri);
    }
    // Removals are never dropped: a file that came back since is in a later reply (the worker always reports
    // every file a request names), and replies arrive in the order of their generations.
    for (const uri of removed) {
      if (this.forget(uri)) { changed.push(uri); }
    }
    // A file with decisions that was not here before, when the files holding its other copies were, left their
    // findings without its decisions about those copies: they meet them now.
    if (this.decisions) {
      const again = new Set<string>();
      for (const { uri } of accepted) {
        if (!this.decisions.decisionsOf(uri)) { continue; }
        for (const u of this.otherCopies(this.files.get(uri)!)) { again.add(u); }
      }
      for (const u of changed) { again.delete(u); }
      changed.push(...this.redecide(again));
    }
    this.fire(changed);
    return changed;
  }

  /**
   * The decisions recorded about `uri`'s findings changed (or may have): they meet its findings again, and the
   * findings of the files holding the other copies of its passages (whose copies' decisions they show). Tells
   * listeners, and returns, all of those files, changed or not: a sidecar changed, and its file and the files that
   * show its decisions are shown again (as the diagnostics always did; tests wait for that after a sidecar change).
   */
  decisionsChanged(uri: string): string[] {
    const entry = this.files.get(uri);
    if (!entry) { return []; }
    const changed = [uri, ...this.otherCopies(entry)];
    for (const u of changed) {
      const e = this.files.get(u)!;
      this.files.set(u, this.entry(e.uri, e.folder, e.generation, e.packed));
    }
    this.fire(changed);
    return changed;
  }

  /** Notes files a scan of `folder` found, before their findings come; returns those new to the store. */
  list(folder: string, entries: readonly { uri: string; path: string }[]): string[] {
    const added: string[] = [];
    for (const { uri, path } of entries) {
      if (this.files.has(uri) || this.listed.has(uri)) { continue; }
      this.listed.set(uri, { folder, path });
      added.push(uri);
    }
    this.fireList(added);
    return added;
  }

  /** The path of a file listed by a running scan and not analysed yet. */
  listedPath(uri: string): string | undefined {
    return this.listed.get(uri)?.path;
  }

  /** The scan of `folder` ended: files it listed but never analysed are no longer known. */
  endListing(folder: string): string[] {
    const gone = [...this.listed].filter(([, l]) => l.folder === folder).map(([uri]) => uri);
    for (const u of gone) { this.listed.delete(u); }
    this.fireList(gone);
    return gone;
  }

  /** Fires with files that were listed, or no longer are (their findings, if any, come through onDidChange). */
  onDidList(listener: FindingsListener): { dispose(): void } {
    this.listListeners.add(listener);
    return { dispose: () => this.listListeners.delete(listener) };
  }

  /** A file's findings, each with the decisions about it. */
  get(uri: string): StoredFindings | undefined {
    return this.files.get(uri);
  }

  /** Every stored file's entry, in the order they came (one copy of the list, without a lookup per file). */
  entries(): StoredFindings[] {
    return this.files.valueList();
  }

  /** Every file that has findings stored (possibly none). */
  uris(): string[] {
    return this.files.keyList();
  }

  /**
   * After a scan of a folder: forgets its files that the scan did not report, unless they changed after the scan
   * was sent (those are in a later reply). Covers files the worker no longer knows of, as after a restart. Looks
   * at the files a slice at a time: at the end of a scan of 133,000 files, one pass over them all held the
   * host's thread for 65 ms (the profile of the host in the real editor). A file that a later reply brought
   * meanwhile is kept (it is looked at again before it is forgotten).
   */
  async retainScanned(folder: string, generation: number, reported: { has(uri: string): boolean }): Promise<string[]> {
    const unreported = (uri: string) => !reported.has(uri) && (this.latest.get(uri) ?? 0) <= generation;
    const candidates: string[] = [];
    await inSlices(this.files.valueList(), (run) => {
      for (const s of run) { if (s.folder === folder && unreported(s.uri)) { candidates.push(s.uri); } }
    });
    const gone = candidates.filter((u) => this.files.has(u) && unreported(u));
    for (const u of gone) { this.forget(u); }
    this.fire(gone);
    return gone;
  }

  /** Forgets the files of a folder (it left the workspace). */
  clearFolder(folder: string): string[] {
    this.endListing(folder);
    const gone = this.files.valueList().filter((s) => s.folder === folder).map((s) => s.uri);
    for (const u of gone) {
      this.forget(u);
      this.latest.delete(u);
    }
    this.paths.delete(folder);
    this.fire(gone);
    return gone;
  }

  onDidChange(listener: FindingsListener): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  private forget(uri: string): boolean {
    const entry = this.files.get(uri);
    if (!entry) { return false; }
    this.files.delete(uri);
    const paths = this.paths.get(entry.folder);
    if (paths?.get(entry.path) === uri) { paths.delete(entry.path); }
    return true;
  }

  private pathsOf(folder: string): ShardedMap<string> {
    let paths = this.paths.get(folder);
    if (!paths) { this.paths.set(folder, paths = new ShardedMap()); }
    return paths;
  }

  /** A file's entry, its findings as reported meeting the decisions about them and their other copies as they are now. */
  private entry(uri: string, folder: string, generation: number, packed: PackedFindings): Entry {
    return new Entry(uri, folder, generation, packed, this.decide(uri, folder, packed), this.unpacked);
  }

  /**
   * The findings with the decisions that touch them; undefined when none does. Whether any does is seen from the
   * packed numbers: the findings are made as objects only for a file with decisions of its own or about its copies.
   */
  private decide(uri: string, folder: string, packed: PackedFindings): ShownFileFindings | undefined {
    const source = this.decisions;
    if (!source) { return undefined; }
    const paths = this.paths.get(folder);
    const decisionsAt = (path: string) => {
      const other = path === packed.path ? uri : paths?.get(path);
      return other === undefined ? undefined : source.decisionsOf(other);
    };
    const own = source.decisionsOf(uri);
    if (!(own && own.length > 0) && !this.anyDecided(packed, decisionsAt)) { return undefined; }
    const reported = this.unpacked.of(packed);
    const findings = applyDecisions(reported.findings, own, decisionsAt);
    return findings === reported.findings ? undefined : { ...reported, findings };
  }

  /** Whether any other copy a file's findings name is in a file with decisions. */
  private anyDecided(packed: PackedFindings, decisionsAt: (path: string) => readonly PlacedDecision[] | undefined): boolean {
    const { numbers } = packed;
    let last = -1;
    for (let r = packed.count * FINDING; r < numbers.length; r += RELATED) {
      // A passage's copies in one file come together: each file is looked up once per run of them.
      if (numbers[r] === last) { continue; }
      last = numbers[r];
      const list = decisionsAt(this.strings.at(last));
      if (list && list.length > 0) { return true; }
    }
    return false;
  }

  /** Applies the decisions to the stored files among `uris` again; returns those whose findings changed. */
  private redecide(uris: Iterable<string>): string[] {
    const changed: string[] = [];
    for (const u of uris) {
      const entry = this.files.get(u);
      if (!entry) { continue; }
      const next = this.entry(entry.uri, entry.folder, entry.generation, entry.packed);
      // Unchanged when neither before nor now any decision touched it (both are the findings as reported).
      if (!next.decided && !entry.decided) { continue; }
      this.files.set(u, next);
      changed.push(u);
    }
    return changed;
  }

  /** The stored files holding the other copies that a file's findings name (not the file itself). */
  private otherCopies(entry: Entry): string[] {
    const paths = this.paths.get(entry.folder);
    const out = new Set<string>();
    for (const path of relatedPaths(entry.packed, this.strings)) {
      const u = path === entry.path ? undefined : paths?.get(path);
      if (u !== undefined) { out.add(u); }
    }
    return [...out];
  }

  private isStale(uri: string, generation: number, version: number | undefined): boolean {
    if (generation < (this.latest.get(uri) ?? 0)) { return true; }
    if (version === undefined) { return false; }
    const open = this.openVersion(uri);
    return open !== undefined && open !== version;
  }

  private fireList(uris: string[]): void {
    if (uris.length === 0) { return; }
    for (const l of this.listListeners) { l(uris); }
  }

  private fire(uris: string[]): void {
    if (uris.length === 0) { return; }
    for (const l of this.listeners) { l(uris); }
  }
}
