// Finding and reading a corpus's files on disk: a folder walked with include/exclude globs, each file decoded
// as UTF-8 text or skipped with a reason a person can act on.
import * as fs from 'fs';
import * as path from 'path';
import picomatch from 'picomatch';
import { decodeText, DecodeOptions, tooLarge } from './text';

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
 * Lists the corpus files under `root` (or only under its sub-folder `under`), as sorted paths relative to
 * `root` with forward slashes. Folders that an exclude glob matches whole are not entered. Symbolic links are
 * not followed. An unreadable `root` is an error; an unreadable sub-folder, `under` included, lists nothing.
 */
export function listCorpusFiles(root: string, selection: CorpusSelection = {}, under = ''): string[] {
  const matches = corpusMatcher(selection);
  const excludeDir = picomatch(selection.exclude?.length ? selection.exclude : defaultExclude, { dot: true });
  const out: string[] = [];
  const walk = (dir: string, rel: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      if (rel === '') { throw e; }
      return; // an unreadable sub-folder is passed over; the root must be readable
    }
    for (const e of entries) {
      const r = rel === '' ? e.name : `${rel}/${e.name}`;
      if (e.isDirectory()) {
        if (!excludeDir(`${r}/`) && !excludeDir(`${r}/x`)) { walk(path.join(dir, e.name), r); }
      } else if (e.isFile() && matches(r)) {
        out.push(r);
      }
    }
  };
  walk(under === '' ? root : path.join(root, under), under);
  return out.sort();
}

export type ReadResult =
  | { ok: true; text: string; bytes: number }
  | { ok: false; reason: 'binary' | 'too-large' | 'invalid-utf8' | 'unreadable'; message: string };

export function readCorpusFile(absPath: string, options: DecodeOptions): ReadResult {
  let bytes: Buffer;
  try {
    const st = fs.statSync(absPath);
    if (st.size > options.maxFileBytes) {
      return tooLarge(st.size, options.maxFileBytes);
    }
    bytes = fs.readFileSync(absPath);
  } catch (e) {
    return { ok: false, reason: 'unreadable', message: `cannot read: ${(e as NodeJS.ErrnoException).code ?? String(e)}` };
  }
  const r = decodeText(bytes, options);
  return r.ok ? { ok: true, text: r.text, bytes: bytes.length } : r;
}
