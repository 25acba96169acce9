// The tags of every corpus file, for the views and the report. The annotations index lives in the suggestion
// worker (src/core/annotations/corpusAnnotations.ts), which reads the sidecars there anyway for the gazetteer: it
// reads every sidecar and re-anchors off this thread, in slices, and answers with what the views need of each file.
// The host keeps those summaries, and takes a document's tags from its editor session instead while one is open
// (its offsets follow unsaved edits). A file changed on disk (its sidecar or its source), or closed, is asked for
// again, in one request per folder for the files changed together. It also tells the sessions which closed files
// record decisions about findings. Listeners hear which files changed, in debounced batches.
import * as vscode from 'vscode';
import { FileSummary } from '../../core/annotations/corpusAnnotations';
import { AnnotationSessions } from '../annotations/sessions';
import { Activity } from '../platform/activity';
import { Config } from '../platform/config';
import { CorpusFiles } from '../platform/corpusFiles';
import { Settings } from '../platform/settings';
import { SuggestWorkerClient } from '../workers/suggestClient';
import { FileTags, fileTagsOf, tagRecordOf } from './model/tags';

/** Changes arriving within this time are told to listeners together. */
const BATCH_MS = 150;
/** File-system events within this time are asked of the worker in one request. */
const REQUEST_MS = 20;

export interface TagIndexDeps {
  files: CorpusFiles;
  sessions: AnnotationSessions;
  client: SuggestWorkerClient;
  /** Resolves once the suggestion worker has read the folder's sidecars. */
  ensureFolder(folder: vscode.WorkspaceFolder): Promise<void>;
  log: vscode.LogOutputChannel;
}

export class TagIndex implements vscode.Disposable {
  private readonly files = new Map<string, FileTags>();
  /** Sources to ask the worker about again, by folder URI. */
  private readonly queued = new Map<string, { folder: vscode.WorkspaceFolder; sources: Map<string, vscode.Uri> }>();
  private requestTimer: NodeJS.Timeout | undefined;
  /**
   * The number of the latest request sent that names a file: an answer from an older request (a whole-folder
   * pass that read the file before it changed) must not overwrite a newer one.
   */
  private readonly asked = new Map<string, number>();
  private nextRequest = 1;
  private readonly activity = new Activity();
  private readonly pending = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private endBatch: (() => void) | undefined;
  private readonly changed = new vscode.EventEmitter<readonly string[]>();
  private readonly disposables: vscode.Disposable[] = [this.changed];

  /** Fires with the URIs (strings) of the files whose tags changed. */
  readonly onDidChange = this.changed.event;

  constructor(private readonly deps: TagIndexDeps) {
    // A source changed on disk moves its tags (or orphans them): only files with tags are asked about.
    const watcher = vscode.workspace.createFileSystemWatcher('**/*', true, false, false);
    const sourceChanged = (uri: vscode.Uri) => { if (this.files.has(uri.toString()) && !deps.sessions.peek(uri)) { this.refresh(uri); } };
    this.disposables.push(
      deps.sessions.onDidChange((uri) => this.refresh(uri)),
      watcher, watcher.onDidChange(sourceChanged), watcher.onDidDelete(sourceChanged),
      deps.client.onDidLoseWorker(() => this.loadAll()),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.loadAll()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (Config.affects(e, [Settings.include.key, Settings.exclude.key])) { this.loadAll(); }
      }),
    );
    this.loadAll();
  }

  dispose(): void {
    if (this.timer) { clearTimeout(this.timer); }
    if (this.requestTimer) { clearTimeout(this.requestTimer); }
    this.endBatch?.();
    for (const d of this.disposables) { d.dispose(); }
  }

  get(uri: string): FileTags | undefined {
    return this.files.get(uri);
  }

  all(): IterableIterator<FileTags> {
    return this.files.values();
  }

  /** Resolves once every folder's files and every change since have been answered and told to listeners. */
  whenIdle(): Promise<void> {
    return this.activity.whenIdle();
  }

  /** Takes a file's tags again: from its open session, or from the annotations index (its files on disk). */
  refresh(source: vscode.Uri): void {
    const loc = this.deps.files.match(source);
    if (!loc) { return; }
    const session = this.deps.sessions.peek(source);
    const key = source.toString();
    if (session) {
      const tags = session.list().flatMap((a) => {
        const t = tagRecordOf(key, a.annotation, a.start ?? a.annotation.start, a.end ?? a.annotation.end, a.start === null && a.outcome === 'orphaned');
        return t ? [t] : [];
      });
      const orphaned = session.list().filter((a) => a.outcome === 'orphaned').length;
      this.set({ uri: key, tags, orphaned });
      return;
    }
    const folderKey = loc.folder.uri.toString();
    let batch = this.queued.get(folderKey);
    if (!batch) { this.queued.set(folderKey, batch = { folder: loc.folder, sources: new Map() }); }
    batch.sources.set(key, source);
    if (!this.requestTimer) {
      const end = this.activity.begin();
      this.requestTimer = setTimeout(() => {
        this.requestTimer = undefined;
        const batches = [...this.queued.values()];
        this.queued.clear();
        for (const b of batches) { this.track(this.ask(b.folder, [...b.sources.values()])); }
        end();
      }, REQUEST_MS);
    }
  }

  /** Asks the worker for every file of every folder (at start, and after the worker or the selection changed). */
  private loadAll(): void {
    for (const folder of this.deps.files.folders()) { this.track(this.ask(folder, undefined)); }
  }

  private track(work: Promise<void>): void {
    const end = this.activity.begin();
    void work.catch((e: unknown) => {
      this.deps.log.error(`Corpus Lens: could not read the tags of the corpus: ${e instanceof Error ? e.message : String(e)}`);
    }).finally(end);
  }

  /**
   * Asks for `sources` of a folder, or for every file of it (undefined) page by page, and applies the answers; a
   * file not in a whole folder's answer has no sidecar now.
   */
  private async ask(folder: vscode.WorkspaceFolder, sources: vscode.Uri[] | undefined): Promise<void> {
    const n = this.nextRequest++;
    if (sources) { for (const s of sources) { this.asked.set(s.toString(), n); } }
    await this.deps.ensureFolder(folder);
    const folderKey = folder.uri.toString();
    const answered = new Set<string>();
    let after: string | undefined;
    do {
      const reply = await this.deps.client.send({ type: 'tags', folder: folderKey, ...(sources ? { sources: sources.map((s) => s.fsPath) } : { after }) });
      if (reply.type !== 'tags') { return; } // skipped: the folder was read again meanwhile, and asked for again
      for (const p of reply.problems) { this.deps.log.warn(`Corpus Lens: ${p}`); }
      this.apply(n, reply.files, answered);
      if (sources) { this.drop(n, reply.removed.map((p) => vscode.Uri.file(p).toString())); }
      after = reply.next;
    } while (after !== undefined);
    if (sources) {
      for (const s of sources) { if (this.asked.get(s.toString()) === n) { this.asked.delete(s.toString()); } }
    } else {
      this.drop(n, [...this.files.keys()].filter((k) => !answered.has(k) && this.deps.files.match(vscode.Uri.parse(k, true))?.folder.uri.toString() === folderKey));
    }
  }

  /** The answer of request `n`: files a newer request names, or that an open session stands for, are passed over. */
  private apply(n: number, files: readonly FileSummary[], answered: Set<string>): void {
    for (const f of files) {
      const uri = vscode.Uri.file(f.source);
      const key = uri.toString();
      answered.add(key);
      if ((this.asked.get(key) ?? 0) > n || !this.deps.files.match(uri)) { continue; }
      this.noteDecisions(uri, f);
      if (this.deps.sessions.peek(uri)) { continue; } // the open session's tags stand
      this.set(fileTagsOf(key, f));
    }
  }

  /** Files that request `n` found without a sidecar. */
  private drop(n: number, keys: readonly string[]): void {
    for (const key of keys) {
      if ((this.asked.get(key) ?? 0) <= n && this.files.has(key) && !this.deps.sessions.peek(vscode.Uri.parse(key, true))) {
        this.files.delete(key);
        this.note(key);
      }
    }
  }

  /** A closed file that records decisions about findings: the sessions keep it, so that they apply while it is closed. */
  private noteDecisions(uri: vscode.Uri, f: FileSummary): void {
    if (f.decisions) { this.track(this.deps.sessions.retainDecisions(uri)); }
  }

  private set(tags: FileTags): void {
    const before = this.files.get(tags.uri);
    if (before && sameTags(before, tags)) { return; }
    if (tags.tags.length === 0 && tags.orphaned === 0 && tags.invalid === undefined) {
      if (!before) { return; }
      this.files.delete(tags.uri);
    } else {
      this.files.set(tags.uri, tags);
    }
    this.note(tags.uri);
  }

  private note(uri: string): void {
    this.pending.add(uri);
    this.endBatch ??= this.activity.begin();
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      const uris = [...this.pending];
      this.pending.clear();
      this.changed.fire(uris);
      const end = this.endBatch;
      this.endBatch = undefined;
      end?.();
    }, BATCH_MS);
  }
}

function sameTags(a: FileTags, b: FileTags): boolean {
  return a.orphaned === b.orphaned && a.invalid === b.invalid && a.tags.length === b.tags.length
    && a.tags.every((t, i) => JSON.stringify(t) === JSON.stringify(b.tags[i]));
}
