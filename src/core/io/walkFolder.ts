// Walking a folder for the files a command wants (corpus files, sidecars), with every entry it cannot use
// reported instead of dropped: FIFOs, sockets and devices named like a wanted file, folders so named, names that
// are not valid UTF-8, and folders that cannot be read (the root included). Links are listed, not followed; the
// safe reader later decides whether what a link names is inside the folder and a regular file.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describeErrno, kindOf } from './safeRead';

/** An entry left out, with why: `path` is relative to the root, forward slashes, a folder ending in "/". */
export interface SkippedEntry {
  path: string;
  reason: 'unreadable' | 'not-regular' | 'bad-name' | string;
  message: string;
}

export interface WalkSpec {
  /** Whether to descend into the sub-folder at `rel`. */
  enter(rel: string): boolean;
  /** Whether the entry at `rel` is one the caller wants (by its name). */
  wants(rel: string): boolean;
}

export interface WalkResult {
  /** Wanted files and links, relative to the root with forward slashes, sorted. */
  files: string[];
  skipped: SkippedEntry[];
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Walks `root` (or only its sub-folder `under`). Never throws for the file system: failures are skipped entries. */
export function walkFolder(root: string, spec: WalkSpec, under = ''): WalkResult {
  const files: string[] = [];
  const skipped: SkippedEntry[] = [];
  const walk = (dir: string, rel: string) => {
    let entries: fs.Dirent<Buffer>[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true, encoding: 'buffer' });
    } catch (e) {
      skipped.push({ path: rel === '' ? '.' : `${rel}/`, reason: 'unreadable', message: `cannot read the folder: ${describeErrno(e)}` });
      return;
    }
    for (const e of entries) {
      const name = decodeName(e.name);
      const r = rel === '' ? name.text : `${rel}/${name.text}`;
      if (!name.valid) {
        if (e.isDirectory() || spec.wants(r)) {
          skipped.push({ path: r, reason: 'bad-name', message: 'the name is not valid UTF-8; rename it to have it read' });
        }
      } else if (e.isDirectory()) {
        if (spec.wants(r)) {
          skipped.push({ path: r, reason: 'not-regular', message: 'a folder named like a wanted file (its contents are looked at)' });
        }
        if (spec.enter(r)) { walk(path.join(dir, name.text), r); }
      } else if (e.isFile() || e.isSymbolicLink()) {
        if (spec.wants(r)) { files.push(r); }
      } else if (spec.wants(r)) {
        skipped.push({ path: r, reason: 'not-regular', message: `not a regular file (${kindOf(e)}); not reading it` });
      }
    }
  };
  walk(under === '' ? root : path.join(root, ...under.split('/')), under);
  files.sort(byCodeUnits);
  skipped.sort((a, b) => byCodeUnits(a.path, b.path));
  return { files, skipped };
}

function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A file name as text; bytes that are not UTF-8 are shown as \xNN, so that a person can find the file. */
export function decodeName(bytes: Buffer): { text: string; valid: boolean } {
  try {
    return { text: utf8.decode(bytes), valid: true };
  } catch {
    let text = '';
    for (let i = 0; i < bytes.length;) {
      const len = sequenceLength(bytes[i]);
      let piece: string | undefined;
      if (len > 0 && i + len <= bytes.length) {
        try { piece = utf8.decode(bytes.subarray(i, i + len)); } catch { piece = undefined; }
      }
      if (piece !== undefined) {
        text += piece;
        i += len;
      } else {
        text += `\\x${bytes[i].toString(16).padStart(2, '0')}`;
        i++;
      }
    }
    return { text, valid: false };
  }
}

function sequenceLength(lead: number): number {
  if (lead < 0x80) { return 1; }
  if (lead >= 0xc2 && lead <= 0xdf) { return 2; }
  if (lead >= 0xe0 && lead <= 0xef) { return 3; }
  if (lead >= 0xf0 && lead <= 0xf4) { return 4; }
  return 0;
}

/**
 * A path or message safe to print on a terminal: control characters (which could move the cursor or rewrite
 * what was printed before) are shown as escapes.
 */
export function printable(s: string): string {
  return s.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => {
    const code = c.charCodeAt(0);
    return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}
