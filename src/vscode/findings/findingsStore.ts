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
import { Decided, PlacedDecision, applyDecisions } from '../../core/annotations/decisions';
import { FileFindings, WireFinding } from '../../protocol/indexProtocol';

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
  readonly file: ShownFileFindings;
  readonly generation: number;
}

/** Where the store finds the decisions recorded about a file's findings (its sidecar, as the editor holds it). */
export interface DecisionSource {
  /** The decisions placed in a file's current text, by the file's URI; undefined (the usual answer) when none. */
  decisionsOf(uri: string): readonly PlacedDecision[] | undefined;
}

interface Entry extends StoredFindings {
  /** What the worker reported, before decisions. */
  readonly reported: FileFindings;
}

export type FindingsListener = (uris: readonly string[]) => void;

export class FindingsStore {
  private readonly files = new Map<string, Entry>();
  /** For each folder, its stored files' URIs by path: the other copies a finding names are found by their paths. */
  private readonly paths = new Map<string, Map<string, string>>();
  /** For each file, the generation of the newest change seen to it. */
  private readonly latest = new Map<string, number>();
  private generation = 0;
  private readonly listeners = new Set<FindingsListener>();
  /** Files a running scan listed that have no findings stored yet: URI to folder and path. */
  private readonly listed = new Map<string, { folder: string; path: string }>();
  private readonly listListeners = new Set<FindingsListener>();

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
    const changed: string[] = [];
    const accepted = files.filter(({ uri, file }) => !this.isStale(uri, generation, file.version));
    // Every path first, so that the other copies a finding names in this reply are found.
    for (const { uri, file } of accepted) {
      const before = this.files.get(uri);
      if (before && before.reported.path !== file.path) { this.paths.get(folder)?.delete(before.reported.path); }
      this.pathsOf(folder).set(file.path, uri);
    }
    for (const { uri, file } of accepted) {
      this.files.set(uri, this.decided({ uri, folder, reported: file, file, generation }));
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
      this.files.set(u, this.decided({ ...e, file: e.reported }));
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

  /** Every file that has findings stored (possibly none). */
  uris(): string[] {
    return [...this.files.keys()];
  }

  /**
   * After a scan of a folder: forgets its files that the scan did not report, unless they changed after the scan
   * was sent (those are in a later reply). Covers files the worker no longer knows of, as after a restart.
   */
  retainScanned(folder: string, generation: number, reported: ReadonlySet<string>): string[] {
    const gone = [...this.files.values()]
      .filter((s) => s.folder === folder && !reported.has(s.uri) && (this.latest.get(s.uri) ?? 0) <= generation)
      .map((s) => s.uri);
    for (const u of gone) { this.forget(u); }
    this.fire(gone);
    return gone;
  }

  /** Forgets the files of a folder (it left the workspace). */
  clearFolder(folder: string): string[] {
    this.endListing(folder);
    const gone = [...this.files.values()].filter((s) => s.folder === folder).map((s) => s.uri);
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
    if (paths?.get(entry.reported.path) === uri) { paths.delete(entry.reported.path); }
    return true;
  }

  private pathsOf(folder: string): Map<string, string> {
    let paths = this.paths.get(folder);
    if (!paths) { this.paths.set(folder, paths = new Map()); }
    return paths;
  }

  /** An entry whose findings have met the decisions about them and about their other copies, as they are now. */
  private decided(entry: Entry): Entry {
    const source = this.decisions;
    if (!source) { return entry; }
    const paths = this.paths.get(entry.folder);
    const decisionsAt = (path: string) => {
      const uri = path === entry.reported.path ? entry.uri : paths?.get(path);
      return uri === undefined ? undefined : source.decisionsOf(uri);
    };
    const findings = applyDecisions(entry.reported.findings, source.decisionsOf(entry.uri), decisionsAt);
    const file = findings === entry.reported.findings ? entry.reported : { ...entry.reported, findings };
    return file === entry.file ? entry : { ...entry, file };
  }

  /** Applies the decisions to the stored files among `uris` again; returns those whose findings changed. */
  private redecide(uris: Iterable<string>): string[] {
    const changed: string[] = [];
    for (const u of uris) {
      const entry = this.files.get(u);
      if (!entry) { continue; }
      const next = this.decided({ ...entry, file: entry.reported });
      // Unchanged when neither before nor now any decision touched it (both are the findings as reported).
      if (next.file === entry.reported && entry.file === entry.reported) { continue; }
      this.files.set(u, next);
      changed.push(u);
    }
    return changed;
  }

  /** The stored files holding the other copies that a file's findings name (not the file itself). */
  private otherCopies(entry: Entry): string[] {
    const paths = this.paths.get(entry.folder);
    const out = new Set<string>();
    for (const f of entry.reported.findings) {
      for (const r of f.related) {
        const u = r.path === entry.reported.path ? undefined : paths?.get(r.path);
        if (u !== undefined) { out.add(u); }
      }
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
