// The annotations of corpus documents, as the editor sees them: one AnnotationStore per workspace folder, and a
// sidecar session per corpus document that is visible or tagged. Edits move the anchors as they are typed (the
// content changes of each event, in the pre-change offsets VS Code reports); the sidecar is written when its
// source is saved and right after each tagging command. An invalid sidecar is reported once, naming the file and
// line, and is never written over. Sidecars changed on disk (another window, the CLI, a checkout) are merged into
// open sessions; those of closed files that record decisions about findings (the annotations index tells which,
// see tagIndex.ts) are kept open too, so the findings stay hidden. No sidecar of a closed file is read here otherwise.
import * as vscode from 'vscode';
import { AnnotationStore, SidecarError, SidecarSession, TextChange, decisionOf } from '../../core/annotations';
import { readSidecarFile } from '../../core/annotations/sidecarFs';
import { CorpusFiles } from '../platform/corpusFiles';
import { readSourceText } from '../platform/readSource';
import { SIDECAR_GLOB, sidecarUriOf, sourceUriOf } from '../platform/sidecarUris';

export interface AnnotationsDeps {
  files: CorpusFiles;
  log: vscode.LogOutputChannel;
}

interface Tracked {
  store: AnnotationStore;
  /** Resolves with the session, or undefined when the sidecar could not be read. */
  opening: Promise<SidecarSession | undefined>;
  session: SidecarSession | undefined;
  /** Changes made while the sidecar was being read, applied once it is. */
  queued: TextChange[][];
}

export class AnnotationSessions implements vscode.Disposable {
  private readonly stores = new Map<string, AnnotationStore>();
  private readonly tracked = new Map<string, Tracked>();
  /** The messages of invalid sidecars already shown, so that one broken file is not reported on every switch. */
  private readonly reported = new Set<string>();
  /**
   * Sessions of closed documents whose sidecars hold decisions about findings: kept so that a dismissed finding
   * stays hidden after its document is closed. (A sidecar changed on disk meanwhile is merged on the next open.)
   */
  private readonly retained = new Map<string, SidecarSession>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  private readonly saved = new vscode.EventEmitter<vscode.Uri>();
  private readonly decisionsChanged = new vscode.EventEmitter<vscode.Uri>();
  private readonly disposables: vscode.Disposable[] = [this.changed, this.saved, this.decisionsChanged];

  /** Fires with a source document's URI when its annotations (or where they stand) changed. */
  readonly onDidChange = this.changed.event;
  /** Fires with a source document's URI after its sidecar was saved (written, or found already current). */
  readonly onDidSave = this.saved.event;
  /** Fires with a source's URI when the decisions about its findings may have changed. */
  readonly onDidChangeDecisions = this.decisionsChanged.event;

  constructor(private readonly deps: AnnotationsDeps) {
    this.disposables.push(
      vscode.window.onDidChangeVisibleTextEditors((editors) => this.openVisible(editors)),
      vscode.workspace.onDidChangeTextDocument((e) => this.edited(e)),
      vscode.workspace.onDidSaveTextDocument((doc) => { void this.save(doc.uri); }),
      vscode.workspace.onDidCloseTextDocument((doc) => this.closed(doc)),
      vscode.workspace.onDidOpenTextDocument((doc) => this.reopened(doc)),
    );
    this.openVisible(vscode.window.visibleTextEditors);
    this.watchSidecars();
    this.watchRetainedSources();
  }

  dispose(): void {
    for (const d of this.disposables) { d.dispose(); }
  }

  /** The session of a document if it is already open (without reading anything). */
  peek(uri: vscode.Uri): SidecarSession | undefined {
    const key = uri.toString();
    return this.tracked.get(key)?.session ?? this.retained.get(key);
  }

  /** Tells listeners that a decision about a finding of `uri` was recorded. */
  noteDecision(uri: vscode.Uri): void {
    this.decisionsChanged.fire(uri);
  }

  /**
   * The session of a corpus document, opened if need be. Undefined for other documents, and when the sidecar is
   * invalid (then the error is shown, always, when `report` is set: the user asked for something).
   */
  async sessionFor(doc: vscode.TextDocument, report = false): Promise<SidecarSession | undefined> {
    const loc = this.deps.files.match(doc.uri);
    if (!loc) { return undefined; }
    const key = doc.uri.toString();
    const joined = this.tracked.get(key);
    const t = joined ?? this.track(doc, key, loc.folder, report);
    const session = await t.opening;
    if (!session && report && joined) {
      // Another caller's attempt failed (and reported quietly); the user asked, so try once more and say why.
      return this.track(doc, key, loc.folder, true).opening;
    }
    return session;
  }

  /** Starts reading a document's sidecar into a session. */
  private track(doc: vscode.TextDocument, key: string, folder: vscode.WorkspaceFolder, report: boolean): Tracked {
    const store = this.storeFor(folder);
    const entry: Tracked = { store, opening: Promise.resolve(undefined), session: undefined, queued: [] };
    entry.opening = store.open(doc.uri.fsPath, doc.getText()).then((session) => {
      for (const changes of entry.queued) { session.applyChanges(changes); }
      entry.queued = [];
      entry.session = session;
      this.retained.delete(key);
      this.changed.fire(doc.uri);
      if (hasDecisions(session)) { this.decisionsChanged.fire(doc.uri); }
      return session;
    }, (e: unknown) => {
      if (this.tracked.get(key) === entry) { this.tracked.delete(key); }
      this.reportError(e, report);
      return undefined;
    });
    this.tracked.set(key, entry);
    return entry;
  }

  /**
   * Changes the annotations of a corpus file whether or not it is open, and saves its sidecar. An open document's
   * session is used (its text as the editor has it); otherwise the file is read from disk, and its session is
   * kept afterwards only if it holds decisions about findings (so that they apply while the file is closed).
   * Resolves with what `change` returned, or undefined when the sidecar is invalid (reported) or the file unreadable.
   */
  async edit<T>(uri: vscode.Uri, change: (session: SidecarSession) => T): Promise<T | undefined> {
    const key = uri.toString();
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
    if (doc || this.tracked.has(key)) {
      const session = await this.sessionFor(doc ?? await vscode.workspace.openTextDocument(uri), true);
      if (!session || !await this.caughtUp(key, session)) { return undefined; }
      const result = change(session);
      return await this.save(uri) ? result : undefined;
    }
    const loc = this.deps.files.match(uri);
    if (!loc) { return undefined; }
    const store = this.storeFor(loc.folder);
    // A closed file's sidecar is edited from the disk as it is now, never from a session kept from before (one
    // retained for its decisions was saved after each edit, so the sidecar holds what it held).
    this.retained.delete(key);
    store.close(uri.fsPath);
    try {
      return await this.editClosed(uri, key, store, change);
    } catch (e) {
      this.reportError(e, true);
      return undefined;
    }
  }

  /**
   * Merges what the sidecar on disk holds now into an open document's session before a command changes it, so that
   * a change is never made in memory against a sidecar that has since gone invalid (the file watcher may tell later
   * than the command runs): such a change could not be saved, yet would stay, and a later retry would find it done.
   * False, with the error shown and the session forgotten (as when the watcher tells), when the sidecar is invalid.
   */
  private async caughtUp(key: string, session: SidecarSession): Promise<boolean> {
    try {
      await session.reload();
      return true;
    } catch (e) {
      const tracked = this.tracked.get(key);
      if (tracked?.session === session) {
        this.tracked.delete(key);
        tracked.store.close(session.sourcePath);
      }
      this.reportError(e, true);
      return false;
    }
  }

  /** Edits a closed file's sidecar: read from disk, changed, written; throws what fails. */
  private async editClosed<T>(uri: vscode.Uri, key: string, store: AnnotationStore, change: (session: SidecarSession) => T): Promise<T> {
    const decoded = await readSourceText(uri);
    if (!decoded.ok) { throw new Error(`${vscode.workspace.asRelativePath(uri)}: ${decoded.message}`); }
    const session = await store.open(uri.fsPath, decoded.text);
    const result = change(session);
    await session.save();
    if (!this.tracked.has(key)) {
      if (hasDecisions(session)) { this.retained.set(key, session); } else { this.retained.delete(key); store.close(session.sourcePath); }
    }
    this.changed.fire(uri);
    this.saved.fire(uri);
    return result;
  }

  /** Writes a document's sidecar (when it has changes); errors are shown, not thrown. Resolves when written. */
  async save(uri: vscode.Uri): Promise<boolean> {
    const session = await this.tracked.get(uri.toString())?.opening;
    if (!session) { return false; }
    try {
      const result = await session.save();
      for (const c of result.conflicts) {
        this.deps.log.warn(`${session.sidecarPath}: ${c.reason} on annotation ${c.id}; both versions were kept`);
      }
      this.changed.fire(uri);
      this.saved.fire(uri);
      return true;
    } catch (e) {
      this.reportError(e, true);
      return false;
    }
  }

  private watchSidecars(): void {
    const watcher = vscode.workspace.createFileSystemWatcher(SIDECAR_GLOB);
    const changed = (uri: vscode.Uri) => { void this.sidecarChanged(uri); };
    this.disposables.push(watcher, watcher.onDidCreate(changed), watcher.onDidChange(changed), watcher.onDidDelete(changed));
  }

  /**
   * Keeps the session of a closed file whose sidecar records decisions about findings (the annotations index
   * found them, off this thread), so that they apply while it is closed. Nothing to do when it is open or kept.
   */
  async retainDecisions(source: vscode.Uri): Promise<void> {
    const key = source.toString();
    const loc = this.deps.files.match(source);
    if (!loc || this.tracked.has(key) || this.retained.has(key)) { return; }
    try {
      await this.retainDismissals(this.storeFor(loc.folder), sidecarUriOf(source), source);
    } catch (e) {
      this.reportError(e, false);
    }
    if (this.retained.has(key)) { this.decisionsChanged.fire(source); }
  }

  /** A sidecar on disk changed (or was found at start): merge it into its session, or read it if it dismisses findings. */
  private async sidecarChanged(sidecar: vscode.Uri): Promise<void> {
    const source = sourceUriOf(sidecar);
    const loc = this.deps.files.match(source);
    if (!loc) { return; }
    const key = source.toString();
    const store = this.storeFor(loc.folder);
    try {
      const tracked = this.tracked.get(key);
      if (tracked) {
        const session = await tracked.opening;
        try {
          await session?.reload(); // our own writes come back here too; the same text again is a no-op
        } catch (e) {
          // Made invalid on disk: the session no longer stands for the file. It is forgotten, so that a command
          // on the document reports the error instead of tagging in memory what cannot be saved; the editor gets a
          // session again once the sidecar is valid (below).
          if (session && this.tracked.get(key) === tracked) {
            this.tracked.delete(key);
            store.close(session.sourcePath);
          }
          throw e;
        }
      } else {
        // A closed file's session holds nothing unsaved: read the files afresh (or forget it, if they are gone).
        // The old session stays in place until the new one is read, so that findings published in between still
        // meet its decisions. A closed file not kept is not read here: the annotations index reads it (off this
        // thread) and has it kept if it records decisions (retainDecisions).
        const retained = this.retained.get(key);
        if (retained) {
          store.close(retained.sourcePath);
          await this.retainDismissals(store, sidecar, source);
          if (this.retained.get(key) === retained) { this.retained.delete(key); }
        }
        // Shown in an editor without a session (its sidecar was invalid): open it again now.
        const shown = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === key);
        if (shown && !this.tracked.has(key)) { void this.sessionFor(shown.document); }
      }
    } catch (e) {
      this.reportError(e, false);
    }
    this.changed.fire(source);
    this.decisionsChanged.fire(source);
  }

  /**
   * A closed file whose decisions are kept can change on disk too (an edit elsewhere, a checkout): its session is
   * re-anchored in the new text, else its decisions would be placed by the old text's offsets and hide the wrong
   * findings, or none.
   */
  private watchRetainedSources(): void {
    const watcher = vscode.workspace.createFileSystemWatcher('**/*', true, false, false);
    const changed = (uri: vscode.Uri) => { if (this.retained.has(uri.toString())) { void this.retainedSourceChanged(uri); } };
    this.disposables.push(watcher, watcher.onDidChange(changed), watcher.onDidDelete(changed));
  }

  private async retainedSourceChanged(source: vscode.Uri): Promise<void> {
    const key = source.toString();
    const session = this.retained.get(key);
    const loc = this.deps.files.match(source);
    if (!session || !loc) { return; }
    const store = this.storeFor(loc.folder);
    const decoded = await readSourceText(source).then((d) => d, () => undefined);
    // Opened in the editor meanwhile (the editor's text is the session's now), or read afresh by another event.
    if (this.tracked.has(key) || this.retained.get(key) !== session) { return; }
    if (!decoded?.ok) {
      // Gone or no longer text: nothing of it is shown, so its decisions need not be kept.
      this.retained.delete(key);
      store.close(session.sourcePath);
    } else if (await store.get(session.sourcePath) === session) {
      // (Else the sidecar changed too and a new session is being read from both files.)
      session.setText(decoded.text);
    }
    this.changed.fire(source);
    this.decisionsChanged.fire(source);
  }

  /** Reads the sidecar of a closed file and keeps its session if it holds decisions about findings. */
  private async retainDismissals(store: AnnotationStore, sidecar: vscode.Uri, source: vscode.Uri): Promise<void> {
    // Only sidecars with decisions about findings matter for a closed file (a dismissal hides a finding, a
    // duplicate's decisions show on its other copies too); the cheap test spares reading the rest.
    const root = store.options.root!;
    const raw = await readSidecarFile(sidecar.fsPath, store.limits.maxBytes, root).catch(() => '');
    if (!raw || !/\b(dismissed|confirmed|kept)\b/.test(raw)) { return; }
    const decoded = await readSourceText(source);
    if (!decoded.ok) { return; }
    const session = await store.open(source.fsPath, decoded.text);
    const key = source.toString();
    if (this.tracked.has(key)) { return; } // opened in the editor meanwhile: the editor's session now
    if (hasDecisions(session)) { this.retained.set(key, session); } else { store.close(session.sourcePath); }
  }

  private storeFor(folder: vscode.WorkspaceFolder): AnnotationStore {
    const key = folder.uri.toString();
    let store = this.stores.get(key);
    if (!store) {
      store = new AnnotationStore({ root: folder.uri.fsPath });
      this.stores.set(key, store);
    }
    return store;
  }

  private openVisible(editors: readonly vscode.TextEditor[]): void {
    for (const e of editors) { void this.sessionFor(e.document); }
  }

  private edited(e: vscode.TextDocumentChangeEvent): void {
    if (e.contentChanges.length === 0) { return; }
    const t = this.tracked.get(e.document.uri.toString());
    if (!t) { return; }
    const changes = e.contentChanges.map((c) => ({ start: c.rangeOffset, end: c.rangeOffset + c.rangeLength, text: c.text }));
    if (t.session) {
      t.session.applyChanges(changes);
      this.changed.fire(e.document.uri);
    } else {
      t.queued.push(changes);
    }
  }

  private closed(doc: vscode.TextDocument): void {
    const key = doc.uri.toString();
    const t = this.tracked.get(key);
    if (!t) { return; }
    this.tracked.delete(key);
    // Closed perhaps without saving: the next open starts again from the files on disk.
    void t.opening.then((session) => {
      if (!session || this.tracked.has(key)) { return; }
      if (hasDecisions(session)) { this.retained.set(key, session); } else { t.store.close(session.sourcePath); }
    });
    this.changed.fire(doc.uri);
  }

  /**
   * A document opened again while an editor shows it: a change of its language closes and re-opens it in the
   * same editor, and without a session its tags would vanish, edits would not move them and a save not write
   * them. Tracked again at once, it keeps its session (closed() forgets it only if nothing tracks it by then).
   */
  private reopened(doc: vscode.TextDocument): void {
    if (this.tracked.has(doc.uri.toString())) { return; }
    if (vscode.window.visibleTextEditors.some((e) => e.document === doc)) { void this.sessionFor(doc); }
  }

    private reportError(e: unknown, always: boolean): void {
    // A write that failed (a read-only folder, a full disk) is not an invalid file: the edit is kept in memory,
    // and the next save tries again.
    const message = e instanceof SidecarError && (e.reason === 'io' || e.reason === 'too-large') && /not written/.test(e.message)
      ? `Corpus Lens: could not write the sidecar ${vscode.workspace.asRelativePath(e.file)}; the change is kept in the editor and saved with the next save.\n${e.message}`
      : e instanceof SidecarError
        ? `Corpus Lens: the sidecar ${vscode.workspace.asRelativePath(e.file)} is invalid and will not be written over.\n${e.message}`
        : `Corpus Lens: ${e instanceof Error ? e.message : String(e)}`;
    this.deps.log.error(message);
    if (!always && this.reported.has(message)) { return; }
    this.reported.add(message);
    void vscode.window.showErrorMessage(message);
  }
}

function hasDecisions(session: SidecarSession): boolean {
  return session.list().some((a) => decisionOf(a.annotation) !== undefined);
}
