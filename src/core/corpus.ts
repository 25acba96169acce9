// Finding and reading a corpus's files on disk: a folder walked with include/exclude globs, each file decoded
// as UTF-8 text or skipped with a reason a person can act on.
import * as path from 'path';
import picomatch from 'picomatch';
import { readFileSafe, readFileSafeSync, SafeReadReason, SafeReadResult } from './io/safeRead';
import { walkFolder, WalkResult } from './io/walkFolder';
import { decodeText, DecodeOptions } from './text';

export const defaultInclude = ['**/*.txt'];
export const defaultExclude = ['**/node_modules/**', '**/.git/**'];

export interface CorpusSelection {
  include?: string[];
  exclude?: string[];
}

/** A matcher for corpus-relative paths (forward slashes). */
export function corpusMatcher(selection: CorpusSelection = {}): (relPath: string) => boolean {
  const include = picomatch(selection.include?.length ? selection.include : defaultInclude, { dot: false });
  const exclude = picomatch(selection.exclude?.length ? selection.exclude : defaultExclude, { dot: true });
  return (rel) => include(rel) && !exclude(rel);
}

/**
 * The corpus files under `root` (or only under its sub-folder `under`), as sorted paths relative to `root` with
 * forward slashes, and the entries left out with why (special files, folders that cannot be read, the root
 * included, names that are not UTF-8). Folders that an exclude glob matches whole are not entered. Links are
 * listed, not followed: readCorpusFile decides whether what they name may be read.
 */
export function listCorpus(root: string, selection: CorpusSelection = {}, under = ''): WalkResult {
  const matches = corpusMatcher(selection);
  const excludeDir = picomatch(selection.exclude?.length ? selection.exclude : defaultExclude, { dot: true });
  return walkFolder(root, { wants: matches, enter: (r) => !excludeDir(`${r}/`) && !excludeDir(`${r}/x`) }, under);
}

/** listCorpus's files alone, for callers that have nowhere to report what was left out. */
export function listCorpusFiles(root: string, selection: CorpusSelection = {}, under = ''): string[] {
  return listCorpus(root, selection, under).files;
}

export type ReadResult =
  | { ok: true; text: string; bytes: number }
  | { ok: false; reason: 'binary' | 'too-large' | 'invalid-utf8' | SafeReadReason; message: string };

/** Reads and decodes the corpus file at `rel` (forward slashes) under `root`, through the safe reader. */
export function readCorpusFile(root: string, rel: string, options: DecodeOptions): ReadResult {
  return decoded(readFileSafeSync(path.join(root, ...rel.split('/')), { root, maxBytes: options.maxFileBytes }), options);
}

/** readCorpusFile without blocking the thread: for the editor's extension host. */
export async function readCorpusFileAsync(root: string, rel: string, options: DecodeOptions): Promise<ReadResult> {
  return decoded(await readFileSafe(path.join(root, ...rel.split('/')), { root, maxBytes: options.maxFileBytes }), options);
}

/** A safe read's result as a corpus file's: its failure as it is, or its bytes decoded as a corpus text. */
export function decoded(read: SafeReadResult, options: DecodeOptions): ReadResult {
  if (!read.ok) { return { ok: false, reason: read.reason, message: read.message }; }
  const r = decodeText(read.bytes, options);
  return r.ok ? { ok: true, text: r.text, bytes: read.bytes.length } : r;
}
