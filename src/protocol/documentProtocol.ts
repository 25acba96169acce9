// The one channel by which the editor's documents reach the workers, as a language client syncs a server
// (TextDocumentSyncKind.Incremental): a corpus document is opened with its whole text and version, then each change
// sends only what changed with the new version, and closing it hands the file on disk back as the truth. These are
// notifications (no id, no reply), posted on the same port as the requests and so received in order with them. A
// request names a document and its version, never its text; a worker that holds another version drops it.

/**
 * One change of a document's text. Offsets are UTF-16 code units in the text as it was before this change, and the
 * changes of one message apply one after the other (VS Code lists them so that this holds). No range: `text` is the
 * whole new text.
 */
export interface ContentChange {
  rangeOffset?: number;
  rangeLength?: number;
  text: string;
}

/** A corpus document was opened (or the worker started, or the document became a corpus file). */
export interface DidOpen {
  type: 'didOpen';
  /** The host's key for the document (its URI). */
  uri: string;
  /** The host's key for its workspace folder (the folder's URI). */
  folder: string;
  /** Folder-relative, with forward slashes. */
  path: string;
  version: number;
  text: string;
}

export interface DidChange {
  type: 'didChange';
  uri: string;
  /** The version after the changes. A change no newer than what the worker holds is ignored. */
  version: number;
  changes: ContentChange[];
}

/** The document was closed (or left the corpus): the file on disk is the truth again. */
export interface DidClose {
  type: 'didClose';
  uri: string;
}

export type DocumentSync = DidOpen | DidChange | DidClose;

const SYNC_TYPES: ReadonlySet<string> = new Set<DocumentSync['type']>(['didOpen', 'didChange', 'didClose']);

/** True for a message of the document channel (the workers route them to their store, not their queue). */
export function isDocumentSync(message: { type: string }): message is DocumentSync {
  return SYNC_TYPES.has(message.type);
}
