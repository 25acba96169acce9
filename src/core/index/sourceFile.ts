// The one way the engine reads an indexed file again: only when it is still the file that was indexed (same size
// and modification time), so that text read later (for the boilerplate detector, messages, exact ranges) always
// matches the offsets the index holds. Reads go through the corpus's safe reader (regular files inside the
// folder, size checked before reading). A file that changed is reported as changed, for the caller to re-index.
import * as fs from 'fs';
import * as path from 'path';
import { decoded, ReadResult } from '../corpus';
import { readFileSafeSync } from '../io/safeRead';
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
 * The folder's path with its links resolved, for a batch of reads under it (readStamped, readIfUnchanged): one
 * realpath a batch instead of one a file. Undefined when it cannot be resolved; each read then says why.
 */
export function resolveRoot(root: string): string | undefined {
  try {
    return fs.realpathSync.native(root);
  } catch {
    return undefined;
  }
}

const stampFrom = (st: fs.Stats): SourceStamp => ({ size: st.size, mtimeMs: st.mtimeMs });

const sameStamp = (a: SourceStamp, st: fs.Stats | undefined) => st !== undefined && st.size === a.size && st.mtimeMs === a.mtimeMs;

/**
 * A corpus file through the safe reader (readCorpusFile's checks, the decoding after `check` passes), with the
 * opened descriptor's stat before the read and, when asked, after it. The stats come from the descriptor: no
 * stat of the path before or after, which cost a lookup of the path each (two a file in phase two of a scan).
 */
function readDescribed(
  root: string, rel: string, options: DecodeOptions, realRoot: string | undefined, folders: Map<string, string> | undefined, statAfter: boolean,
  check: (before: fs.Stats, after: fs.Stats | undefined) => boolean = () => true,
): { read: ReadResult; stat?: fs.Stats } | undefined {
  const r = readFileSafeSync(path.join(root, ...rel.split('/')), { root, realRoot, folders, maxBytes: options.maxFileBytes, statAfter });
  if (!r.ok) { return { read: decoded(r, options) }; }
  if (!check(r.stat, r.after)) { return undefined; }
  return { read: decoded(r, options), stat: r.stat };
}

/**
 * Reads a file and the stamp it had just before reading (its descriptor's, once opened): a change during the read
 * gives a newer stamp later, so it is caught by readIfUnchanged instead of passing as the version read.
 * `realRoot`: the root resolved for a batch of reads (resolveRoot); `folders`: the folders under it resolved so far
 * in the batch (SafeReadOptions.folders), a map the caller keeps for the batch.
 */
export function readStamped(root: string, rel: string, options: DecodeOptions, realRoot?: string, folders?: Map<string, string>): { read: ReadResult; stamp: SourceStamp | undefined } {
  const { read, stat } = readDescribed(root, rel, options, realRoot, folders, false)!;
  return { read, stamp: stat ? stampFrom(stat) : stampOf(root, rel) };
}

export type RereadResult = { changed: false; text: string } | { changed: true };

/**
 * The file's text if it is still the version `stamp` names; otherwise (or when it cannot be read) changed. The
 * descriptor's stamp is checked before the read and again after it: a write that began during the read changes
 * the modification time. `realRoot` and `folders` as for readStamped.
 */
export function readIfUnchanged(root: string, rel: string, stamp: SourceStamp | undefined, options: DecodeOptions, realRoot?: string, folders?: Map<string, string>): RereadResult {
  if (!stamp) { return { changed: true }; }
  const r = readDescribed(root, rel, options, realRoot, folders, true, (before, after) => sameStamp(stamp, before) && sameStamp(stamp, after));
  if (!r || !r.read.ok) { return { changed: true }; }
  return { changed: false, text: r.read.text };
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
