// Untagged mentions per corpus file, for the Files view's "with untagged suggestions" filter and its rows: how many
// places in each file hold a string tagged as an entity elsewhere in the corpus (the gazetteer, rejections
// respected) that the file has not tagged or turned down there. Suggestions proper are computed only for the
// documents shown; this is what can be known for the whole corpus cheaply. The suggestion worker counts in the
// background (in slices, cancelled by a newer count); nothing is counted until the filter is first chosen, then
// the counts are kept current: every file again when sidecars change (the gazetteer changed), one file when it is
// saved. Counts are of the files on disk (the saved texts and sidecars).
import * as vscode from 'vscode';
import { Activity } from '../platform/activity';
import { CorpusFiles } from '../platform/corpusFiles';
import { Config } from '../platform/config';
import { Settings } from '../platform/settings';
import { SuggestWorkerClient } from '../workers/suggestClient';
import { Suggestions } from '../suggestions/suggestions';

/** Quiet time after a change before counting again (a save writes the text and a sidecar close together). */
const RECOUNT_MS = 300;

export interface UntaggedMentionsDeps {
  client: SuggestWorkerClient;
  suggestions: Suggestions;
  files: CorpusFiles;
  log: vscode.LogOutputChannel;
}

interface FolderCount {
  /** The id of the last request sent; replies to older ones are out of date. */
  latest?: number;
  inFlight: boolean;
  /** Files to count again once the request in flight is answered. */
  paths: Set<string>;
  /** A whole count is scheduled. */
  whole: boolean;
  timer?: ReturnType<typeof setTimeout>;
  endWork?: () => void;
}

export class UntaggedMentions implements vscode.Disposable {
  /** By file URI: how many untagged mentions, for the files that have some. */
  private readonly counts = new Map<string, number>();
  /** Folders (URIs) counted whole at least once: a file of theirs not in `counts` has none. */
  private readonly counted = new Set<string>();
  private readonly folders = new Map<string, FolderCount>();
  private readonly changed = new vscode.EventEmitter<string[]>();
  /** Fires with the URIs of files whose count changed (or became known). */
  readonly onDidChange = this.changed.event;
  private readonly activity = new Activity();
  private started = false;
  /** Numbers the requests sent, to tell the last one's answer. */
  private nextRequest = 1;
  private readonly disposables: vscode.Disposable[] = [this.changed];

  constructor(private readonly deps: UntaggedMentionsDeps) {
    this.disposables.push(
      deps.suggestions.onDidSendSidecars((folder) => this.schedule(folder, undefined)),
      vscode.workspace.onDidSaveTextDocument((doc) => {
        const loc = deps.files.match(doc.uri);
        if (loc) { this.schedule(loc.folder, loc.rel); }
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (Config.affects(e, [Settings.include.key, Settings.exclude.key])) { this.recountAll(); }
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.recountAll()),
      deps.client.onDidLoseWorker(() => {
        for (const st of this.folders.values()) { st.latest = undefined; st.inFlight = false; }
        this.recountAll();
      }),
    );
  }

  dispose(): void {
    for (const st of this.folders.values()) {
      if (st.timer) { clearTimeout(st.timer); }
      st.endWork?.();
    }
    for (const d of this.disposables) { d.dispose(); }
  }

  /** Counts every corpus file of every folder, the first time it is called (later: kept current on its own). */
  start(): void {
    if (this.started) { return; }
    this.started = true;
    this.recountAll();
  }

  get isStarted(): boolean {
    return this.started;
  }

  /** The file's count of untagged mentions; undefined when its folder has not been counted yet. */
  get(uri: string): number | undefined {
    const n = this.counts.get(uri);
    if (n !== undefined) { return n; }
    for (const folder of this.counted) { if (uri.startsWith(folder + '/')) { return 0; } }
    return undefined;
  }

  /** True while a count is scheduled or in flight. */
  get busy(): boolean {
    return this.activity.busy;
  }

  /** Resolves once no count is scheduled or in flight. */
  whenIdle(): Promise<void> {
    return this.activity.whenIdle();
  }

  private recountAll(): void {
    if (!this.started) { return; }
    for (const folder of this.deps.files.folders()) { this.schedule(folder, undefined); }
  }

  /** Counts one file again (`rel`), or every file (undefined), after a quiet moment. */
  private schedule(folderOrKey: vscode.WorkspaceFolder | string, rel: string | undefined): void {
    if (!this.started) { return; }
    const folder = typeof folderOrKey === 'string'
      ? this.deps.files.folders().find((f) => f.uri.toString() === folderOrKey)
      : folderOrKey;
    if (!folder) { return; }
    const st = this.stateOf(folder);
    if (rel === undefined) { st.whole = true; st.paths.clear(); } else if (!st.whole) { st.paths.add(rel); }
    st.endWork ??= this.activity.begin();
    if (st.timer) { clearTimeout(st.timer); }
    st.timer = setTimeout(() => { st.timer = undefined; this.send(folder, st); }, RECOUNT_MS);
  }

  private stateOf(folder: vscode.WorkspaceFolder): FolderCount {
    const key = folder.uri.toString();
    let st = this.folders.get(key);
    if (!st) {
      st = { inFlight: false, paths: new Set(), whole: false };
      this.folders.set(key, st);
    }
    return st;
  }

  /**
   * Sends what is scheduled: a whole count at once (the worker cancels the one in flight); files to count again
   * only when nothing is in flight (else they wait for its answer, so that an older count cannot overwrite them).
   */
  private send(folder: vscode.WorkspaceFolder, st: FolderCount): void {
    if (st.timer) { return; } // more changes came; the timer sends
    let paths: string[] | undefined;
    if (st.whole) {
      st.whole = false;
    } else if (st.paths.size > 0 && !st.inFlight) {
      paths = [...st.paths];
      st.paths.clear();
    } else {
      if (!st.inFlight) { this.settle(st); }
      return;
    }
    st.inFlight = true;
    const id = this.nextRequest++;
    st.latest = id;
    const key = folder.uri.toString();
    void this.deps.suggestions.ensureFolder(folder)
      .then(() => this.deps.client.send({ type: 'untagged', folder: key, paths }))
      .then((reply) => {
        if (reply.type === 'untagged') { this.apply(folder, paths === undefined, reply.counted, reply.unreadable, reply.files); }
      }, (e: unknown) => {
        this.deps.log.error(`Corpus Lens: counting untagged mentions in ${folder.name} failed: ${e instanceof Error ? e.message : String(e)}`);
      })
      .finally(() => {
        // Only the answer to the last request sent ends the flight; an older one was cancelled by it.
        if (st.latest === id) { st.inFlight = false; this.send(folder, st); }
      });
  }

  private settle(st: FolderCount): void {
    const end = st.endWork;
    st.endWork = undefined;
    end?.();
  }

  /**
   * Takes in a count: a whole one replaces the folder's counts (only files with mentions are listed, so the cost
   * on this thread is in proportion to them, not to the corpus); one of named files replaces theirs.
   */
  private apply(folder: vscode.WorkspaceFolder, whole: boolean, counted: string[], unreadable: string[], files: { path: string; count: number }[]): void {
    const uriOf = (rel: string) => this.deps.files.uriOf(folder, rel).toString();
    const next = new Map(files.map((f) => [uriOf(f.path), f.count]));
    const changed: string[] = [];
    const before = (uri: string) => this.counts.get(uri) ?? 0;
    if (whole) {
      const prefix = folder.uri.toString() + '/';
      for (const [uri, n] of [...this.counts]) {
        if (uri.startsWith(prefix) && !next.has(uri)) { this.counts.delete(uri); if (n !== 0) { changed.push(uri); } }
      }
      this.counted.add(folder.uri.toString());
    } else {
      for (const rel of [...counted, ...unreadable]) {
        const uri = uriOf(rel);
        if (!next.has(uri) && this.counts.delete(uri)) { changed.push(uri); }
      }
    }
    for (const [uri, n] of next) {
      if (before(uri) !== n) { changed.push(uri); }
      this.counts.set(uri, n);
    }
    // The first whole count of a folder makes every one of its files' counts known (0 where not listed).
    if (changed.length > 0 || whole) { this.changed.fire(changed); }
  }
}
