// The one way the engine reads an indexed file again: only when it is still the file that was indexed (same size
// and modification time), so that text read later (for the boilerplate detector, messages, exact ranges) always
// matches the offsets the index holds. Reads go through the corpus's safe reader (regular files inside the
// folder, size checked before reading). A file that changed is reported as changed, for the caller to re-index.
import * as fs from 'fs';
import * as path from 'path';
import { readCorpusFile, ReadResult } from '../corpus';
import { DecodeOptions } from '../text';

/** What identifies the version of a file that was indexed. */
export interface SourceStamp {
  size: number;
  mtimeMs: number;
}

/** The stamp of a file as it is now, or undefined when it cannot be stat'ed. */
export function stampOf(root: string, rel: string): SourceStamp | undefined {
  try {
    const st = fs.statSync(path.join(root, ...rel.split('/')));
    return { size: st.size, mtimeMs: st.mtimeMs };
  } catch {
    return undefined;
  }
}

/**
 * Reads a file and the stamp it had just before reading: a change during the read gives a newer stamp later, so
 * it is caught by readIfUnchanged instead of passing as the version read.
 */
export function readStamped(root: string, rel: string, options: DecodeOptions): { read: ReadResult; stamp: SourceStamp | undefined } {
  const stamp = stampOf(root, rel);
  return { read: readCorpusFile(root, rel, options), stamp };
}

export type RereadResult = { changed: false; text: string } | { changed: true };

/** The file's text if it is still the version `stamp` names; otherwise (or when it cannot be read) changed. */
export function readIfUnchanged(root: string, rel: string, stamp: SourceStamp | undefined, options: DecodeOptions): RereadResult {
  const now = stampOf(root, rel);
  if (!stamp || !now || now.size !== stamp.size || now.mtimeMs !== stamp.mtimeMs) { return { changed: true }; }
  const r = readCorpusFile(root, rel, options);
  // The stamp is checked again after the read: a write that began during it changes the modification time.
  const after = stampOf(root, rel);
  if (!r.ok || !after || after.size !== stamp.size || after.mtimeMs !== stamp.mtimeMs) { return { changed: true }; }
  return { changed: false, text: r.text };
}

/** Thrown by a text loader when the file is no longer the version indexed; carries what the disk holds now. */
export class ChangedOnDisk extends Error {
  constructor(readonly absPath: string, readonly now: ReadResult, readonly stamp: SourceStamp | undefined) {
    super(`${absPath} changed on disk since it was indexed`);
  }
}

/** Loads the indexed version of a file's text for TextModel.withoutText, or throws ChangedOnDisk. */
export function textLoader(root: string, rel: string, stamp: SourceStamp | undefined, options: DecodeOptions): () => string {
  return () => {
    const r = readIfUnchanged(root, rel, stamp, options);
    if (!r.changed) { return r.text; }
    const { read, stamp: now } = readStamped(root, rel, options);
    throw new ChangedOnDisk(path.join(root, ...rel.split('/')), read, now);
  };
}
