// Keeps the index current between scans. The document channel (documentSync.ts) sends the workers every change
// of an open corpus document as it happens; after a pause in typing, this asks the index worker to index the
// document's version; files created, changed, deleted or renamed on disk (a file-system watcher per
// workspace folder) are sent in short batches. A change marks the file's findings as outdated at once, so a
// reply computed before it is dropped. While a document is open with edits the editor's text is the one
// indexed, and disk events for it are ignored until it is closed.
import * as vscode from 'vscode';
import { Activity } from '../platform/activity';
import { CorpusFiles } from '../platform/corpusFiles';
import { FindingsStore } from '../findings/findingsStore';
import { CorpusIndexer } from './indexer';

/** Pause after the last keystroke before an edited document is re-analysed. */
export const EDIT_DEBOUNCE_MS = 300;
/** File-system events arriving within this time are sent together. */
const DISK_BATCH_MS = 100;

export interface LiveUpdateDeps {
  indexer: CorpusIndexer;
  files: CorpusFiles;
  store: FindingsStore;
  activity: Activity;
}

interface Timer {
  handle: NodeJS.Timeout;
  end: () => void;
}

export function registerLiveUpdates(deps: LiveUpdateDeps): vscode.Disposable {
  return new LiveUpdates(deps);
}

class LiveUpdates implements vscode.Disposable {
  private readonly edits = new Map<string, Timer>();
  /** Open documents whose text the worker was sent: their disk events are ignored while they are open. */
  private readonly editorOwned = new Set<string>();
  private readonly diskPaths = new Map<string, { folder: vscode.WorkspaceFolder; paths: Set<string> }>();
  private diskTimer: Timer | undefined;
  private readonly watchers = new Map<string, vscode.Disposable>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly deps: LiveUpdateDeps) {
    for (const f of deps.files.folders()) { this.watch(f); }
    this.disposables.push(
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length > 0) { this.edited(e.document); }
      }),
      vscode.workspace.onDidOpenTextDocument((doc) => {
        if (doc.isDirty) { this.edited(doc); } // restored with unsaved changes, or reopened with a new language
      }),
      vscode.workspace.onDidCloseTextDocument((doc) => this.closed(doc)),
      vscode.workspace.onDidRenameFiles((e) => {
        for (const { oldUri, newUri } of e.files) {
          this.diskEvent(oldUri, 'delete');
          this.diskEvent(newUri, 'create');
        }
      }),
      vscode.workspace.onDidChangeWorkspaceFolders((e) => {
        for (const f of e.removed) {
          this.watchers.get(f.uri.toString())?.dispose();
          this.watchers.delete(f.uri.toString());
        }
        for (const f of e.added) { this.watch(f); }
      }),
    );
  }

  dispose(): void {
    for (const t of this.edits.values()) { stop(t); }
    this.edits.clear();
    if (this.diskTimer) { stop(this.diskTimer); }
    for (const w of this.watchers.values()) { w.dispose(); }
    for (const d of this.disposables) { d.dispose(); }
  }

  private watch(folder: vscode.WorkspaceFolder): void {
    if (folder.uri.scheme !== 'file' || this.watchers.has(folder.uri.toString())) { return; }
    // Every path, not just the include globs: a folder moved or deleted as a whole reports only itself.
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, '**/*'));
    this.watchers.set(folder.uri.toString(), vscode.Disposable.from(
      watcher,
      watcher.onDidCreate((uri) => this.diskEvent(uri, 'create')),
      watcher.onDidChange((uri) => this.diskEvent(uri, 'change')),
      watcher.onDidDelete((uri) => this.diskEvent(uri, 'delete')),
    ));
  }

  private edited(doc: vscode.TextDocument): void {
    const loc = this.deps.files.match(doc.uri);
    if (!loc || !this.deps.indexer.isLive(loc.folder)) { return; }
    const key = doc.uri.toString();
    this.deps.store.invalidate(key);
    const pending = this.edits.get(key);
    if (pending) { stop(pending); }
    const end = this.deps.activity.begin();
    const handle = setTimeout(() => {
      this.edits.delete(key);
      try {
        if (doc.isClosed) { return; }
        this.editorOwned.add(key);
        const generation = this.deps.store.invalidate(key);
        this.deps.indexer.sendEdit(loc.folder, { path: loc.rel, version: doc.version }, generation);
      } finally {
        end();
      }
    }, EDIT_DEBOUNCE_MS);
    this.edits.set(key, { handle, end });
  }

  private closed(doc: vscode.TextDocument): void {
    const key = doc.uri.toString();
    const pending = this.edits.get(key);
    if (pending) {
      stop(pending);
      this.edits.delete(key);
    }
    // Closed, perhaps without saving: the file on disk is the truth again.
    if (this.editorOwned.delete(key) || pending) { this.diskEvent(doc.uri, 'change'); }
  }

  private diskEvent(uri: vscode.Uri, kind: 'create' | 'change' | 'delete'): void {
    const loc = this.deps.files.locate(uri);
    if (!loc || !this.deps.indexer.isLive(loc.folder)) { return; }
    const isCorpusFile = !!this.deps.files.match(uri);
    // A created or deleted path may be a folder of corpus files; a changed one matters only as a corpus file.
    if (!isCorpusFile && (kind === 'change' || !this.deps.files.mayHoldCorpusFiles(loc.folder, loc.rel))) { return; }
    const key = uri.toString();
    if (this.editorOwned.has(key) && vscode.workspace.textDocuments.some((d) => d.uri.toString() === key)) { return; }
    this.deps.store.invalidate(key);
    const folderKey = loc.folder.uri.toString();
    let batch = this.diskPaths.get(folderKey);
    if (!batch) {
      batch = { folder: loc.folder, paths: new Set() };
      this.diskPaths.set(folderKey, batch);
    }
    batch.paths.add(loc.rel);
    if (!this.diskTimer) {
      const end = this.deps.activity.begin();
      const handle = setTimeout(() => {
        this.diskTimer = undefined;
        try { this.flushDisk(); } finally { end(); }
      }, DISK_BATCH_MS);
      this.diskTimer = { handle, end };
    }
  }

  private flushDisk(): void {
    const batches = [...this.diskPaths.values()];
    this.diskPaths.clear();
    for (const { folder, paths } of batches) {
      const rels = [...paths];
      const generation = this.deps.store.invalidateAll(rels.map((r) => this.deps.files.uriOf(folder, r).toString()));
      this.deps.indexer.sendDiskChanges(folder, rels, generation);
    }
  }
}

function stop(t: Timer): void {
  clearTimeout(t.handle);
  t.end();
}
