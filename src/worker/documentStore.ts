// The documents the editor has open, as a worker holds them: kept current by the document channel's open, change
// and close notifications (src/protocol/documentProtocol.ts). Both workers keep one. A worker looks a document up by
// the host's URI (suggestions) or by folder and path (the index, the corpus searches); whatever it does not hold,
// it reads from disk.
import { ContentChange, DocumentSync } from '../protocol/documentProtocol';

export interface SyncedDocument {
  readonly uri: string;
  readonly folder: string;
  /** Folder-relative, with forward slashes. */
  readonly path: string;
  readonly version: number;
  readonly text: string;
}

export class DocumentStore {
  private readonly byUri = new Map<string, SyncedDocument>();
  /** Folder key -> path -> document. */
  private readonly byFolder = new Map<string, Map<string, SyncedDocument>>();

  /**
   * Takes in one notification. Returns false when it was ignored: a change for a document not open or no newer
   * than the version held, or one whose range does not fit the text held (the document is then dropped, so that
   * the worker reads the file rather than a text that is out of step with the editor's).
   */
  apply(message: DocumentSync): boolean {
    switch (message.type) {
      case 'didOpen':
        this.remove(message.uri);
        this.put({ uri: message.uri, folder: message.folder, path: message.path, version: message.version, text: message.text });
        return true;
      case 'didChange': {
        const doc = this.byUri.get(message.uri);
        if (!doc || message.version <= doc.version) { return false; }
        const text = applyChanges(doc.text, message.changes);
        if (text === undefined) {
          this.remove(message.uri);
          return false;
        }
        this.put({ ...doc, version: message.version, text });
        return true;
      }
      case 'didClose':
        return this.remove(message.uri);
    }
  }

  get(uri: string): SyncedDocument | undefined {
    return this.byUri.get(uri);
  }

  find(folder: string, path: string): SyncedDocument | undefined {
    return this.byFolder.get(folder)?.get(path);
  }

  /** The open documents of a folder, by path. */
  inFolder(folder: string): ReadonlyMap<string, SyncedDocument> {
    return this.byFolder.get(folder) ?? new Map<string, SyncedDocument>();
  }

  get size(): number {
    return this.byUri.size;
  }

  private put(doc: SyncedDocument): void {
    this.byUri.set(doc.uri, doc);
    let paths = this.byFolder.get(doc.folder);
    if (!paths) {
      paths = new Map();
      this.byFolder.set(doc.folder, paths);
    }
    paths.set(doc.path, doc);
  }

  private remove(uri: string): boolean {
    const doc = this.byUri.get(uri);
    if (!doc) { return false; }
    this.byUri.delete(uri);
    const paths = this.byFolder.get(doc.folder);
    if (paths?.get(doc.path) === doc) {
      paths.delete(doc.path);
      if (paths.size === 0) { this.byFolder.delete(doc.folder); }
    }
    return true;
  }
}

/** `text` with the changes applied in order; undefined when a range falls outside the text it applies to. */
export function applyChanges(text: string, changes: readonly ContentChange[]): string | undefined {
  let out = text;
  for (const c of changes) {
    if (c.rangeOffset === undefined) {
      out = c.text;
      continue;
    }
    const start = c.rangeOffset;
    const end = start + (c.rangeLength ?? 0);
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start || end > out.length) { return undefined; }
    out = out.slice(0, start) + c.text + out.slice(end);
  }
  return out;
}
