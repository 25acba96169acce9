// The corpus index as the editor sees it: one index per workspace folder, held by the index worker. This class
// starts scans (in the background with window progress, or for the Scan command with its own progress), sends
// edits and file changes on to the worker, and takes the findings it posts into the FindingsStore. It also owns
// the folder life cycle: folders added and removed, include/exclude settings changed, workspace trust granted
// (in Restricted Mode nothing is scanned until the user asks), and the worker lost and restarted.
import * as vscode from 'vscode';
import { printable } from '../../core/io/walkFolder';
import { JsonSummary } from '../../core/report';
import { ScanProgress } from '../../core/scan';
import { IndexReply } from '../../protocol/indexProtocol';
import { packedPaths } from '../../protocol/packedFiles';
import { Activity } from '../platform/activity';
import { Config } from '../platform/config';
import { CorpusFiles } from '../platform/corpusFiles';
import { FindingsStore } from '../findings/findingsStore';
import { IndexWorkerClient } from './indexClient';
import { Settings } from '../platform/settings';
import { inSlices } from '../platform/slices';
import { ShardedSet } from '../platform/shardedMap';

export type FolderStatus = 'indexing' | 'ready' | 'restricted' | 'not-indexed';

/** The context key that is true while a folder is being scanned (gates the Cancel Indexing command). */
export const INDEXING_CONTEXT_KEY = 'corpusLens.indexing';

/** The files left out of an index that the log names one by one (a corpus may hold thousands of special files). */
const SKIPPED_LOGGED = 20;

/** After this many lost workers in one session, the index is no longer rebuilt on its own. */
const MAX_AUTOMATIC_RESTARTS = 3;

interface RunningScan {
  cancel(): void;
  background: boolean;
}

interface FolderState {
  folder: vscode.WorkspaceFolder;
  /** The worker holds an index of this folder, kept current. */
  indexed: boolean;
  scan?: RunningScan;
}

export interface IndexerDeps {
  client: IndexWorkerClient;
  store: FindingsStore;
  files: CorpusFiles;
  activity: Activity;
  log: vscode.LogOutputChannel;
}

export class CorpusIndexer implements vscode.Disposable {
  private readonly states = new Map<string, FolderState>();
  private readonly statusChanged = new vscode.EventEmitter<void>();
  /** Fires when a folder starts or stops indexing, or trust changes. */
  readonly onDidChangeStatus = this.statusChanged.event;
  private readonly disposables: vscode.Disposable[] = [this.statusChanged];
  private restarts = 0;
  private scanning = false;

  constructor(private readonly deps: IndexerDeps) {
    for (const f of deps.files.folders()) { this.stateOf(f); }
    this.disposables.push(
      vscode.workspace.onDidGrantWorkspaceTrust(() => {
        deps.log.info('workspace trusted: indexing in the background');
        this.indexInBackground(this.deps.files.folders().filter((f) => !this.stateOf(f).indexed));
      }),
      vscode.workspace.onDidChangeWorkspaceFolders((e) => this.foldersChanged(e)),
      vscode.workspace.onDidChangeConfiguration((e) => this.configurationChanged(e)),
      deps.client.onDidLoseWorker((e) => this.workerLost(e)),
    );
  }

  /** Indexes every folder in the background, when the workspace is trusted. Called once on activation. */
  start(): void {
    if (vscode.workspace.isTrusted) {
      this.indexInBackground(this.deps.files.folders());
    } else {
      this.deps.log.info('Restricted Mode: no background index until the workspace is trusted; Scan Workspace still works');
    }
    this.changed();
  }

  status(folder: vscode.WorkspaceFolder): FolderStatus {
    const s = this.states.get(folder.uri.toString());
    if (s?.scan) { return 'indexing'; }
    if (s?.indexed) { return 'ready'; }
    return vscode.workspace.isTrusted ? 'not-indexed' : 'restricted';
  }

  /** True when edits and file changes in the folder should reach the worker (it has or is building an index). */
  isLive(folder: vscode.WorkspaceFolder): boolean {
    const s = this.states.get(folder.uri.toString());
    return !!s && (s.indexed || !!s.scan);
  }

  /** Scans every folder for the Scan command; resolves to the combined summaries, or undefined when cancelled. */
  async scanAll(onProgress: (folder: vscode.WorkspaceFolder, p: ScanProgress) => void, token: vscode.CancellationToken): Promise<JsonSummary[] | undefined> {
    this.cancelBackground();
    const summaries: JsonSummary[] = [];
    for (const folder of this.deps.files.folders()) {
      const summary = await this.scan(folder, false, (p) => onProgress(folder, p), token);
      if (!summary) { return undefined; }
      summaries.push(summary);
    }
    return summaries;
  }

  /** Stops the background index (the scans already done stay). */
  cancelBackground(): void {
    for (const s of this.states.values()) {
      if (s.scan?.background) { s.scan.cancel(); }
    }
  }

  /** Stops every scan, in the background or for the Scan command; a folder keeps the index it had. */
  cancelAll(): void {
    for (const s of this.states.values()) { s.scan?.cancel(); }
  }

  /** Asks the worker to index an open document's text at `version`, which the document channel has sent it. */
  sendEdit(folder: vscode.WorkspaceFolder, doc: { path: string; version: number }, generation: number): void {
    this.send(folder, () => this.deps.client.send(
      { type: 'edit', generation, folder: folder.uri.toString(), path: doc.path, version: doc.version },
      { onFindings: (f) => this.accept(f) },
    ));
  }

  sendDiskChanges(folder: vscode.WorkspaceFolder, paths: string[], generation: number): void {
    this.send(folder, () => this.deps.client.send(
      { type: 'disk', generation, folder: folder.uri.toString(), paths },
      { onFindings: (f) => this.accept(f) },
    ).then((o) => { if (o.done) { this.logSkipped(folder, o.skipped ?? []); } }));
  }

  dispose(): void {
    for (const s of this.states.values()) { s.scan?.cancel(); }
    for (const d of this.disposables) { d.dispose(); }
  }

  private send(folder: vscode.WorkspaceFolder, request: () => Promise<unknown>): void {
    if (!this.isLive(folder)) { return; }
    request().catch((e: unknown) => this.deps.log.error(`updating the index of ${folder.name} failed: ${message(e)}`));
  }

  /** Tells listeners the status changed, and keeps the context key in step. */
  private changed(): void {
    const scanning = [...this.states.values()].some((s) => !!s.scan);
    if (scanning !== this.scanning) {
      this.scanning = scanning;
      void vscode.commands.executeCommand('setContext', INDEXING_CONTEXT_KEY, scanning);
    }
    this.statusChanged.fire();
  }

  private stateOf(folder: vscode.WorkspaceFolder): FolderState {
    const key = folder.uri.toString();
    let s = this.states.get(key);
    if (!s) {
      s = { folder, indexed: false };
      this.states.set(key, s);
    }
    return s;
  }

  /** Background scans, one folder after the other, with a spinner and a count in the status bar. */
  private indexInBackground(folders: readonly vscode.WorkspaceFolder[]): void {
    if (folders.length === 0) { return; }
    const end = this.deps.activity.begin();
    void vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Corpus Lens' }, async (progress) => {
      for (const folder of folders) {
        if (!this.states.has(folder.uri.toString())) { continue; } // removed meanwhile
        progress.report({ message: `indexing ${folder.name}` });
        try {
          await this.scan(folder, true, (p) => progress.report({ message: describeProgress(folder, p) }));
        } catch (e) {
          this.deps.log.error(`indexing ${folder.name} failed: ${message(e)}`);
          void vscode.window.showErrorMessage(`Corpus Lens: indexing ${folder.name} failed: ${message(e)}`);
        }
      }
    }).then(end, end);
  }

  /** Scans one folder, cancelling a scan of it already running; resolves to undefined when cancelled. */
  private async scan(folder: vscode.WorkspaceFolder, background: boolean, onProgress?: (p: ScanProgress) => void, token?: vscode.CancellationToken): Promise<JsonSummary | undefined> {
    const state = this.stateOf(folder);
    state.scan?.cancel();
    const cancel = new AbortController();
    const running: RunningScan = { cancel: () => cancel.abort(), background };
    state.scan = running;
    this.changed();
    const onCancel = token?.onCancellationRequested(() => running.cancel());
    const started = Date.now();
    const key = folder.uri.toString();
    const generation = this.deps.store.nextGeneration();
    // Sharded as the store's maps are: it grows past 131,072 files in the same reply as they do.
    const reported = new ShardedSet();
    // A listing of a large folder is taken into the store a slice at a time, in the order the lists came.
    let listing: Promise<unknown> = Promise.resolve();
    try {
      const outcome = await this.deps.client.send({
        type: 'scan',
        generation,
        folder: key,
        root: folder.uri.fsPath,
        selection: this.deps.files.selection(folder),
      }, {
        onProgress,
        onListed: (l) => {
          const wanted = () => this.states.get(key) === state && state.scan === running;
          listing = listing.then(() => inSlices(l.paths, (paths) => {
            this.deps.store.list(key, paths.map((rel) => ({ uri: this.deps.files.uriOf(folder, rel).toString(), path: rel })));
          }, wanted));
        },
        onFindings: (f) => {
          for (const uri of this.accept(f)) { reported.add(uri); }
        },
      }, cancel.signal);
      if (!outcome.done) {
        this.deps.log.info(`indexing ${folder.name} cancelled`);
        return undefined;
      }
      await listing;
      if (this.states.get(key) !== state) { return undefined; } // the folder left the workspace meanwhile
      state.indexed = true;
      await this.deps.store.retainScanned(key, generation, reported);
      const s = outcome.summary;
      const left = s && s.skipped.length > 0 ? `, ${s.skipped.length} left out` : '';
      this.deps.log.info(`indexed ${folder.name}: ${s?.files ?? 0} files${left}, ${s?.findings ?? 0} findings in ${Date.now() - started} ms`);
      this.logSkipped(folder, s?.skipped ?? []);
      return s;
    } finally {
      onCancel?.dispose();
      await listing.catch(() => undefined);
      // Listed files the scan did not analyse (it was cancelled, or they went meanwhile) leave the view.
      if (state.scan === running) { this.deps.store.endListing(key); }
      if (state.scan === running) { state.scan = undefined; }
      this.changed();
    }
  }

  /** Says in the log which files the index left out and why (a few; the count says how many more). */
  private logSkipped(folder: vscode.WorkspaceFolder, skipped: readonly { path: string; message: string }[]): void {
    for (const k of skipped.slice(0, SKIPPED_LOGGED)) { this.deps.log.warn(`${folder.name}: left out ${printable(k.path)}: ${printable(k.message)}`); }
    if (skipped.length > SKIPPED_LOGGED) { this.deps.log.warn(`${folder.name}: ${skipped.length - SKIPPED_LOGGED} more files left out`); }
  }

  /** Takes a findings reply into the store; returns the URIs of the files it had findings for. */
  private accept(reply: Extract<IndexReply, { type: 'findings' }>): string[] {
    const state = this.states.get(reply.folder);
    if (!state) { return []; } // the folder left the workspace
    const uri = (rel: string) => this.deps.files.uriOf(state.folder, rel).toString();
    const uris = packedPaths(reply.files).map(uri);
    this.deps.store.acceptPacked(reply.folder, reply.generation, reply.files, uris, reply.removed.map(uri));
    return uris;
  }

  private foldersChanged(e: vscode.WorkspaceFoldersChangeEvent): void {
    for (const folder of e.removed) {
      const key = folder.uri.toString();
      const s = this.states.get(key);
      if (!s) { continue; }
      s.scan?.cancel();
      this.states.delete(key);
      this.deps.store.clearFolder(key);
      void this.deps.client.send({ type: 'drop', folder: key }).catch(() => undefined);
    }
    const added = e.added.filter((f) => f.uri.scheme === 'file');
    for (const f of added) { this.stateOf(f); }
    if (vscode.workspace.isTrusted) { this.indexInBackground(added); }
    this.changed();
  }

  private configurationChanged(e: vscode.ConfigurationChangeEvent): void {
    const keys = [Settings.include.key, Settings.exclude.key];
    const changed = [...this.states.values()]
      .filter((s) => (s.indexed || s.scan || vscode.workspace.isTrusted) && Config.affects(e, keys, s.folder.uri))
      .map((s) => s.folder);
    if (changed.length > 0) {
      this.deps.log.info(`the corpus selection changed: indexing ${changed.map((f) => f.name).join(', ')} again`);
      this.indexInBackground(changed);
    }
  }

  private workerLost(e: Error): void {
    this.deps.log.error(`the index worker stopped: ${e.message}`);
    for (const s of this.states.values()) { s.indexed = false; }
    this.changed();
    if (vscode.workspace.isTrusted && this.restarts < MAX_AUTOMATIC_RESTARTS) {
      this.restarts++;
      this.indexInBackground(this.deps.files.folders());
    } else {
      void vscode.window.showErrorMessage(`Corpus Lens: the index stopped (${e.message}). Run "Scan Workspace" to rebuild it.`);
    }
  }
}

function describeProgress(folder: vscode.WorkspaceFolder, p: ScanProgress): string {
  return `${p.phase} ${p.done}/${p.total} files in ${folder.name}`;
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
