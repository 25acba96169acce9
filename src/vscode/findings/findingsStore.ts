// The findings the host currently shows, per file, as the index worker last reported them. It is the one place
// that decides whether a reply is still current: a reply computed before the newest change to a file (its
// generation is older) or for another version of an open document is dropped for that file. No 'vscode' import:
// files are keyed by their URI strings.
import { FileFindings } from '../../protocol/indexProtocol';

export interface StoredFindings {
  /** The file's URI, as a string. */
  readonly uri: string;
  /** The workspace folder's URI, as a string. */
  readonly folder: string;
  readonly file: FileFindings;
  readonly generation: number;
}

export type FindingsListener = (uris: readonly string[]) => void;

export class FindingsStore {
  private readonly files = new Map<string, StoredFindings>();
  /** For each file, the generation of the newest change seen to it. */
  private readonly latest = new Map<string, number>();
  private generation = 0;
  private readonly listeners = new Set<FindingsListener>();

  /** @param openVersion the version of the document open in the editor for a URI, if one is */
  constructor(private readonly openVersion: (uri: string) => number | undefined) {}

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
    for (const { uri, file } of files) {
      if (this.isStale(uri, generation, file.version)) { continue; }
      this.files.set(uri, { uri, folder, file, generation });
      changed.push(uri);
    }
    // Removals are never dropped: a file that came back since is in a later reply (the worker always reports
    // every file a request names), and replies arrive in the order of their generations.
    for (const uri of removed) {
      if (this.files.delete(uri)) { changed.push(uri); }
    }
    this.fire(changed);
    return changed;
  }

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
    for (const u of gone) { this.files.delete(u); }
    this.fire(gone);
    return gone;
  }

  /** Forgets the files of a folder (it left the workspace). */
  clearFolder(folder: string): string[] {
    const gone = [...this.files.values()].filter((s) => s.folder === folder).map((s) => s.uri);
    for (const u of gone) {
      this.files.delete(u);
      this.latest.delete(u);
    }
    this.fire(gone);
    return gone;
  }

  onDidChange(listener: FindingsListener): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  private isStale(uri: string, generation: number, version: number | undefined): boolean {
    if (generation < (this.latest.get(uri) ?? 0)) { return true; }
    if (version === undefined) { return false; }
    const open = this.openVersion(uri);
    return open !== undefined && open !== version;
  }

  private fire(uris: string[]): void {
    if (uris.length === 0) { return; }
    for (const l of this.listeners) { l(uris); }
  }
}
