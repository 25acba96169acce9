// The Corpus Lens activity-bar container: the Files, Duplicates, Entities and Claims views, the corpus report,
// and the commands that act on their items. Built once in activate(); its `commands` join the extension's one
// handler map, and its providers are on the API so that integration tests read what the views list.
import * as vscode from 'vscode';
import { CLAIM_STATUSES } from '../../core/annotations';
import { sidecarUriOf } from '../platform/sidecarUris';
import { AnnotationSessions } from '../annotations/sessions';
import { CorpusFiles } from '../platform/corpusFiles';
import { FindingsStore } from '../findings/findingsStore';
import { CorpusIndexer } from '../workers/indexer';
import { DuplicatesProvider } from './duplicatesView';
import { EntityRef, editMentions, mentionsOf, pickEntity, reportEdit } from './entityEdits';
import { FilesProvider } from './filesView';
import { CLAIMS_VIEW, DUPLICATES_VIEW, ENTITIES_VIEW, FILES_VIEW } from './model/viewIds';
import { FILE_FILTERS, FILE_SORTS, FileFilter, FileSort } from './model/files';
import { claimStatuses } from './model/tags';
import { MoreNode, ViewNode } from './nodes';
import { ReportPanel } from './reportPanel';
import { RevealTarget, reveal, revealBoth } from '../platform/reveal';
import { ClaimsProvider, EntitiesProvider } from './tagViews';
import { TagIndex } from './tagIndex';
import { UntaggedMentions } from './untaggedMentions';
import { SuggestWorkerClient } from '../workers/suggestClient';

export interface CorpusViewsDeps {
  extensionUri: vscode.Uri;
  store: FindingsStore;
  files: CorpusFiles;
  sessions: AnnotationSessions;
  indexer: CorpusIndexer;
  untagged: UntaggedMentions;
  /** The suggestion worker, which holds the annotations index, and how to have it read a folder. */
  client: SuggestWorkerClient;
  ensureFolder(folder: vscode.WorkspaceFolder): Promise<void>;
  log: vscode.LogOutputChannel;
}

/** What the API exposes of the views. */
export interface CorpusViewsApi {
  readonly tags: TagIndex;
  readonly files: FilesProvider;
  readonly duplicates: DuplicatesProvider;
  readonly entities: EntitiesProvider;
  readonly claims: ClaimsProvider;
  readonly report: ReportPanel;
  readonly untagged: UntaggedMentions;
}

/** A file item, or a URI string, or nothing (then the active editor's file). */
type FileArg = { uri: string } | vscode.Uri | undefined;

export class CorpusViews implements vscode.Disposable, CorpusViewsApi {
  readonly tags: TagIndex;
  readonly files: FilesProvider;
  readonly duplicates: DuplicatesProvider;
  readonly entities: EntitiesProvider;
  readonly claims: ClaimsProvider;
  readonly report: ReportPanel;
  readonly untagged: UntaggedMentions;
  private readonly claimsView: vscode.TreeView<ViewNode>;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly deps: CorpusViewsDeps) {
    this.tags = new TagIndex({ files: deps.files, sessions: deps.sessions, client: deps.client, ensureFolder: deps.ensureFolder, log: deps.log });
    this.untagged = deps.untagged;
    this.files = new FilesProvider({ store: deps.store, tags: this.tags, untagged: deps.untagged });
    this.duplicates = new DuplicatesProvider({ store: deps.store });
    this.entities = new EntitiesProvider({ tags: this.tags, store: deps.store });
    this.claims = new ClaimsProvider({ tags: this.tags, store: deps.store });
    this.report = new ReportPanel({ extensionUri: deps.extensionUri, files: this.files, duplicates: this.duplicates, tags: this.tags, store: deps.store });
    const filesView = vscode.window.createTreeView(FILES_VIEW, { treeDataProvider: this.files, showCollapseAll: true });
    const duplicatesView = vscode.window.createTreeView(DUPLICATES_VIEW, { treeDataProvider: this.duplicates, showCollapseAll: true });
    const entitiesView = vscode.window.createTreeView(ENTITIES_VIEW, { treeDataProvider: this.entities, showCollapseAll: true });
    this.claimsView = vscode.window.createTreeView(CLAIMS_VIEW, { treeDataProvider: this.claims });
    this.files.attach(filesView);
    this.duplicates.attach(duplicatesView);
    this.disposables.push(
      this.tags, this.untagged, this.files, this.duplicates, this.entities, this.claims, this.report,
      filesView, duplicatesView, entitiesView, this.claimsView,
      deps.indexer.onDidChangeStatus(() => this.showIndexing()),
    );
    this.showIndexing();
  }

  dispose(): void {
    this.endIndexing?.();
    for (const d of this.disposables) { d.dispose(); }
  }

  /** The handlers of the view commands, for the extension's command map. */
  readonly commands = {
    revealItem: (target: RevealTarget) => reveal(this.deps.sessions, target),
    openCopies: (a: RevealTarget, b: RevealTarget) => revealBoth(this.deps.sessions, a, b),
    showMoreItems: (node: MoreNode) => {
      const providers: Record<string, { showMore(n: MoreNode): void }> = {
        [FILES_VIEW]: this.files, [DUPLICATES_VIEW]: this.duplicates, [ENTITIES_VIEW]: this.entities, [CLAIMS_VIEW]: this.claims,
      };
      providers[node.view]?.showMore(node);
    },
    sortFiles: (sort?: FileSort) => this.sortFiles(sort),
    filterFiles: (filter?: FileFilter) => this.filterFiles(filter),
    filterClaims: (statuses?: string[]) => this.filterClaims(statuses),
    renameEntity: (node?: EntityRef & { newName?: string }) => this.renameEntity(node),
    mergeEntities: (node?: EntityRef & { into?: EntityRef }) => this.mergeEntities(node),
    openSidecar: (arg?: FileArg) => this.openSidecar(arg),
    rescanFile: (arg?: FileArg) => this.rescanFile(arg),
    showReport: () => this.report.show(),
  };

  /** Ends the Files view's progress bar, while one is shown. */
  private endIndexing: (() => void) | undefined;

  /** While any folder is being indexed, the Files view shows a progress bar. */
  private showIndexing(): void {
    const busy = this.deps.files.folders().some((f) => this.deps.indexer.status(f) === 'indexing');
    if (busy && !this.endIndexing) {
      // Made before withProgress calls back (which may be later), so that an early end is not missed.
      const done = new Promise<void>((resolve) => { this.endIndexing = resolve; });
      void vscode.window.withProgress({ location: { viewId: FILES_VIEW }, title: 'Indexing the corpus' }, () => done);
    } else if (!busy && this.endIndexing) {
      this.endIndexing();
      this.endIndexing = undefined;
    }
  }

  private async sortFiles(sort?: FileSort): Promise<FileSort | undefined> {
    const chosen = sort ?? (await vscode.window.showQuickPick(
      Object.entries(FILE_SORTS).map(([key, label]) => ({ label, key: key as FileSort, description: key === this.files.sort ? 'current' : undefined })),
      { title: 'Corpus Lens: sort the Files view by' }))?.key;
    if (chosen) { this.files.setSort(chosen); }
    return chosen;
  }

  private async filterFiles(filter?: FileFilter): Promise<FileFilter | undefined> {
    const chosen = filter ?? (await vscode.window.showQuickPick(
      Object.entries(FILE_FILTERS).map(([key, label]) => ({ label, key: key as FileFilter, description: key === this.files.filter ? 'current' : undefined })),
      { title: 'Corpus Lens: show in the Files view' }))?.key;
    if (chosen) { this.files.setFilter(chosen); }
    return chosen;
  }

  private async filterClaims(statuses?: string[]): Promise<string[] | undefined> {
    let chosen = statuses;
    if (!chosen) {
      const counts = new Map(claimStatuses(this.tags.all()).map((s) => [s.status, s.count]));
      const all = [...new Set([...CLAIM_STATUSES, ...counts.keys()])];
      const current = this.claims.statusFilter;
      const picked = await vscode.window.showQuickPick(all.map((status) => ({
        label: status, description: `${counts.get(status) ?? 0} claims`, picked: !current || current.has(status),
      })), { title: 'Corpus Lens: show claims whose status is', canPickMany: true });
      if (!picked) { return undefined; }
      chosen = picked.length === all.length ? [] : picked.map((p) => p.label);
    }
    // An empty list (or every status) shows every claim.
    this.claims.setStatusFilter(chosen.length === 0 ? undefined : new Set(chosen), this.claimsView);
    return chosen;
  }

  private async renameEntity(node?: EntityRef & { newName?: string }) {
    const ref = node?.label !== undefined && node.canonical !== undefined ? node : await pickEntity(this.entities.groups(), 'Corpus Lens: rename which entity?');
    if (!ref) { return undefined; }
    const name = node?.newName ?? await vscode.window.showInputBox({
      title: `Corpus Lens: rename ${ref.label} "${ref.canonical}"`, prompt: 'The new canonical name, for every mention', value: ref.canonical,
      validateInput: (v) => (v.trim() === '' ? 'A name cannot be empty.' : undefined),
    });
    if (name === undefined || name.trim() === '' || name.trim() === ref.canonical) { return undefined; }
    await this.tags.whenIdle();
    const mentions = mentionsOf(this.entities.groups(), ref);
    const result = await this.withProgress(`Renaming "${ref.canonical}"`, (p) => editMentions(this.deps.sessions, mentions, { canonical: name.trim() }, p));
    reportEdit(`renamed "${ref.canonical}" to "${name.trim()}"`, result);
    return result;
  }

  private async mergeEntities(node?: EntityRef & { into?: EntityRef }) {
    const from = node?.label !== undefined && node.canonical !== undefined ? node : await pickEntity(this.entities.groups(), 'Corpus Lens: merge which entity?');
    if (!from) { return undefined; }
    const into = node?.into ?? await pickEntity(this.entities.groups(), `Corpus Lens: merge "${from.canonical}" into`, from);
    if (!into) { return undefined; }
    await this.tags.whenIdle();
    const mentions = mentionsOf(this.entities.groups(), from);
    const result = await this.withProgress(`Merging "${from.canonical}"`, (p) => editMentions(this.deps.sessions, mentions, { label: into.label, canonical: into.canonical }, p));
    reportEdit(`merged ${from.label} "${from.canonical}" into ${into.label} "${into.canonical}"`, result);
    return result;
  }

  private withProgress<T>(title: string, work: (progress: (done: number, total: number) => void) => Promise<T>): Thenable<T> {
    return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Corpus Lens: ${title}` }, (progress) => {
      let last = 0;
      return work((done, total) => {
        const pct = (done / total) * 100;
        progress.report({ message: `${done}/${total} files`, increment: pct - last });
        last = pct;
      });
    });
  }

  private fileOf(arg: FileArg): vscode.Uri | undefined {
    if (arg instanceof vscode.Uri) { return arg; }
    if (arg && typeof arg.uri === 'string') { return vscode.Uri.parse(arg.uri, true); }
    const active = vscode.window.activeTextEditor?.document.uri;
    return active && this.deps.files.match(active) ? active : undefined;
  }

  private async openSidecar(arg?: FileArg): Promise<vscode.TextEditor | undefined> {
    const source = this.fileOf(arg);
    if (!source) {
      void vscode.window.showInformationMessage('Corpus Lens: open a corpus file (or pick one in the Files view) to open its sidecar.');
      return undefined;
    }
    const sidecar = sidecarUriOf(source);
    const exists = await vscode.workspace.fs.stat(sidecar).then(() => true, () => false);
    if (!exists) {
      void vscode.window.showInformationMessage(`Corpus Lens: ${vscode.workspace.asRelativePath(source)} has no sidecar yet; tag some text in it to make one.`);
      return undefined;
    }
    return vscode.window.showTextDocument(sidecar, { viewColumn: vscode.ViewColumn.Beside });
  }

  /** Analyses one file again from disk (and the files that share passages with it), and re-reads its sidecar. */
  private rescanFile(arg?: FileArg): boolean {
    const uri = this.fileOf(arg);
    const loc = uri && this.deps.files.match(uri);
    if (!uri || !loc) {
      void vscode.window.showInformationMessage('Corpus Lens: open a corpus file (or pick one in the Files view) to re-scan it.');
      return false;
    }
    if (!this.deps.indexer.isLive(loc.folder)) {
      void vscode.window.showInformationMessage('Corpus Lens: this folder is not indexed yet; run "Scan Workspace" first.');
      return false;
    }
    const generation = this.deps.store.invalidate(uri.toString());
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (open?.isDirty) {
      // The editor's unsaved text is what the index holds for it; the file on disk is older.
      this.deps.indexer.sendEdit(loc.folder, { path: loc.rel, version: open.version }, generation);
    } else {
      this.deps.indexer.sendDiskChanges(loc.folder, [loc.rel], generation);
    }
    this.tags.refresh(uri);
    return true;
  }
}
