// The host's end of the document channel (src/protocol/documentProtocol.ts): the one place where the editor's
// corpus documents are sent to the workers, as a language client syncs a server. Opening a corpus document sends
// its text and version, every change sends only the changes (incrementally) with the new version, closing it
// sends a close. Both workers get the same messages; a worker started later (or again, after it was lost) is sent
// every open document before anything else. A change of the corpus selection or of the workspace folders opens
// the documents that became corpus files and closes the ones that left.
import * as vscode from 'vscode';
import { ContentChange, DocumentSync as SyncMessage } from '../../protocol/documentProtocol';
import { Config } from '../platform/config';
import { CorpusFiles } from '../platform/corpusFiles';
import { Settings } from '../platform/settings';

/** A worker that the channel feeds (WorkerHost). */
export interface SyncTarget {
  readonly running: boolean;
  sync(message: SyncMessage): void;
  readonly onDidStartWorker: vscode.Event<void>;
}

interface Synced {
  doc: vscode.TextDocument;
  folder: string;
  path: string;
  /** The version of the last change sent (a worker ignores a change no newer than what it holds). */
  version: number;
}

export interface DocumentSyncDeps {
  files: CorpusFiles;
  targets: SyncTarget[];
}

export class DocumentSync implements vscode.Disposable {
  private readonly synced = new Map<string, Synced>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly deps: DocumentSyncDeps) {
    for (const target of deps.targets) {
      this.disposables.push(target.onDidStartWorker(() => {
        for (const s of this.synced.values()) { target.sync(openOf(s)); }
      }));
    }
    this.disposables.push(
      vscode.workspace.onDidOpenTextDocument((doc) => this.open(doc)),
      vscode.workspace.onDidChangeTextDocument((e) => this.changed(e)),
      vscode.workspace.onDidCloseTextDocument((doc) => this.close(doc.uri.toString())),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (Config.affects(e, [Settings.include.key, Settings.exclude.key])) { this.reconcile(); }
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.reconcile()),
    );
    this.reconcile();
  }

  dispose(): void {
    for (const d of this.disposables) { d.dispose(); }
    this.synced.clear();
  }

  /** The version of a document last sent to the workers, if it is synced (for tests). */
  versionOf(uri: vscode.Uri): number | undefined {
    return this.synced.get(uri.toString())?.version;
  }

  private send(message: SyncMessage): void {
    for (const t of this.deps.targets) {
      if (t.running) { t.sync(message); }
    }
  }

  private open(doc: vscode.TextDocument): void {
    const loc = doc.isClosed ? undefined : this.deps.files.match(doc.uri);
    if (!loc) { return; }
    const s: Synced = { doc, folder: loc.folder.uri.toString(), path: loc.rel, version: doc.version };
    this.synced.set(doc.uri.toString(), s);
    this.send(openOf(s));
  }

  private changed(e: vscode.TextDocumentChangeEvent): void {
    const s = this.synced.get(e.document.uri.toString());
    // Sent even when a worker opened the document meanwhile with this version's text (it ignores it then).
    if (!s || (e.contentChanges.length === 0 && e.document.version === s.version)) { return; }
    s.version = e.document.version;
    // No content changes but a new version (the end-of-line sequence changed): the whole text, as LSP allows.
    const changes: ContentChange[] = e.contentChanges.length > 0
      ? e.contentChanges.map((c) => ({ rangeOffset: c.rangeOffset, rangeLength: c.rangeLength, text: c.text }))
      : [{ text: e.document.getText() }];
    this.send({ type: 'didChange', uri: e.document.uri.toString(), version: s.version, changes });
  }

  private close(uri: string): void {
    if (!this.synced.delete(uri)) { return; }
    this.send({ type: 'didClose', uri });
  }

  /** Brings the synced set in line with the open documents and the current corpus selection. */
  private reconcile(): void {
    const open = new Set<string>();
    for (const doc of vscode.workspace.textDocuments) {
      const key = doc.uri.toString();
      const loc = this.deps.files.match(doc.uri);
      const s = this.synced.get(key);
      if (!loc) { continue; }
      open.add(key);
      if (s && s.folder === loc.folder.uri.toString() && s.path === loc.rel) { continue; }
      if (s) { this.close(key); }
      this.open(doc);
    }
    for (const key of [...this.synced.keys()]) {
      if (!open.has(key)) { this.close(key); }
    }
  }
}

/** The document as it is now (a worker started during a change event gets the changed text and version). */
function openOf(s: Synced): SyncMessage {
  return { type: 'didOpen', uri: s.doc.uri.toString(), folder: s.folder, path: s.path, version: s.doc.version, text: s.doc.getText() };
}
