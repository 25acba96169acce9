// The one way core reads a file it was pointed at by a folder (a corpus file, a sidecar, a sidecar's source):
// regular files only, inside the folder once links are resolved, size checked on the opened descriptor before
// a byte is read, and a read bounded by that limit. The open is non-blocking, so a FIFO named like a corpus file
// cannot hang the run, and what is refused comes back with a reason a person can act on (never a throw).
import * as fs from 'node:fs';
import * as path from 'node:path';

export type SafeReadReason =
  | 'missing'       // no such file
  | 'outside'       // a link (or a component of the path) leads out of the folder
  | 'not-regular'   // a folder, FIFO, socket or device
  | 'too-large'     // over the size limit
  | 'unreadable';   // the system refused (permissions, I/O error, a name too long)

export type SafeReadResult =
  | {
    ok: true; bytes: Buffer; realPath: string;
    /** The opened descriptor's stat before the read (the one the size check used). */
    stat: fs.Stats;
    /** The descriptor's stat after the read, when asked for (SafeReadOptions.statAfter). */
    after?: fs.Stats;
  }
  | { ok: false; reason: SafeReadReason; message: string; code?: string };

export interface SafeReadOptions {
  /** Refuse files over this many bytes, unread. */
  maxBytes: number;
  /** The folder the file must stay inside after resolving links; unset: anywhere. */
  root?: string;
  /**
   * `root` with its links resolved, by a caller reading a batch of files under it: one realpath for the batch
   * instead of one more per file.
   */
  realRoot?: string;
  /**
   * Stat the descriptor again after the read: a write during the read shows in its size or modification time,
   * without a stat of the path (and its lookup) after the read.
   */
  statAfter?: boolean;
  /**
   * The folders already resolved in a batch of reads under `realRoot` (their paths to their resolved paths), filled
   * as the batch goes. A file is then opened as its resolved folder and its name, refusing a link in the last step
   * (O_NOFOLLOW): one realpath a folder instead of one a file, whose walk of every step of the path cost a worker
   * more than its reads. A file that is itself a link takes the full resolution, as without the map.
   */
  folders?: Map<string, string>;
}

// O_NONBLOCK: opening a FIFO for reading otherwise waits for a writer forever. O_NOFOLLOW on the resolved
// path: a link swapped in after realpath is refused instead of followed.
const OPEN_FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0) | (fs.constants.O_NOFOLLOW ?? 0);

/** Reads `file` within the limits of `options`. Synchronous: corpus scans read on worker threads. */
export function readFileSafeSync(file: string, options: SafeReadOptions): SafeReadResult {
  const resolve = (p: string) => fs.realpathSync.native(p);
  const full = () => locate(file, options.realRoot ?? options.root, resolve, options.realRoot !== undefined);
  const folders = options.realRoot !== undefined ? options.folders : undefined;
  let where = folders ? locateInFolder(file, options.realRoot!, folders, resolve) : full();
  // Found through its folder's resolved path but refused as outside: the full resolution says why, in its words.
  if (folders && !where.ok && where.reason === 'outside') { where = full(); }
  if (!where.ok) { return where; }
  let fd: number;
  try {
    fd = fs.openSync(where.realPath, OPEN_FLAGS);
  } catch (e) {
    // A link as the file's own name (O_NOFOLLOW refuses it) is resolved in full, and checked, as without the map.
    if (!folders || (e as NodeJS.ErrnoException)?.code !== 'ELOOP') { return failure(e, 'cannot open'); }
    where = full();
    if (!where.ok) { return where; }
    try {
      fd = fs.openSync(where.realPath, OPEN_FLAGS);
    } catch (again) {
      return failure(again, 'cannot open');
    }
  }
  try {
    const st = fs.fstatSync(fd);
    const refused = checkStat(st, options.maxBytes);
    if (refused) { return refused; }
    // One byte past the limit is asked for, so a file that grew since the stat is still caught.
    const buf = Buffer.allocUnsafe(Math.min(st.size, options.maxBytes) + 1);
    let n = 0;
    for (;;) {
      const got = fs.readSync(fd, buf, n, buf.length - n, n);
      if (got === 0) { break; }
      n += got;
      if (n === buf.length) { break; }
    }
    if (n > options.maxBytes) { return overLimit(n, options.maxBytes, true); }
    const after = options.statAfter ? fs.fstatSync(fd) : undefined;
    return { ok: true, bytes: buf.subarray(0, n), realPath: where.realPath, stat: st, after };
  } catch (e) {
    return failure(e, 'cannot read');
  } finally {
    fs.closeSync(fd);
  }
}

/** The same as readFileSafeSync, without blocking the thread (the editor's host, the CLI's sidecar loop). */
export async function readFileSafe(file: string, options: SafeReadOptions): Promise<SafeReadResult> {
  const where = await locateAsync(file, options.root, options.realRoot);
  if (!where.ok) { return where; }
  const real = where.realPath;
  let handle: fs.promises.FileHandle;
  try {
    handle = await fs.promises.open(real, OPEN_FLAGS);
  } catch (e) {
    return failure(e, 'cannot open');
  }
  try {
    const st = await handle.stat();
    const refused = checkStat(st, options.maxBytes);
    if (refused) { return refused; }
    const buf = Buffer.allocUnsafe(Math.min(st.size, options.maxBytes) + 1);
    let n = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buf, n, buf.length - n, n);
      if (bytesRead === 0) { break; }
      n += bytesRead;
      if (n === buf.length) { break; }
    }
    if (n > options.maxBytes) { return overLimit(n, options.maxBytes, true); }
    const after = options.statAfter ? await handle.stat() : undefined;
    return { ok: true, bytes: buf.subarray(0, n), realPath: real, stat: st, after };
  } catch (e) {
    return failure(e, 'cannot read');
  } finally {
    await handle.close();
  }
}

/** True when `file` is `folder` or inside it (both already absolute and resolved). */
export function isWithin(folder: string, file: string): boolean {
  const rel = path.relative(folder, file);
  return rel === '' || (rel !== '..' && !rel.startsWith('..' + path.sep) && !path.isAbsolute(rel));
}

type Located = { ok: true; realPath: string } | (SafeReadResult & { ok: false });

function locate(file: string, root: string | undefined, realpath: (p: string) => string, rootResolved = false): Located {
  let real: string;
  let realRoot: string | undefined;
  try {
    real = realpath(file);
    realRoot = root === undefined || rootResolved ? root : realpath(root);
  } catch (e) {
    return failure(e, 'cannot resolve');
  }
  return checkInside(real, realRoot);
}

/**
 * The file as its folder's resolved path (from `folders`, or resolved now and kept there) and its own name: its
 * real path when the name is no link, which the open checks (O_NOFOLLOW).
 */
function locateInFolder(file: string, realRoot: string, folders: Map<string, string>, realpath: (p: string) => string): Located {
  const folder = path.dirname(file);
  let real = folders.get(folder);
  if (real === undefined) {
    try {
      real = realpath(folder);
    } catch (e) {
      return failure(e, 'cannot resolve');
    }
    folders.set(folder, real);
  }
  return checkInside(path.join(real, path.basename(file)), realRoot);
}

async function locateAsync(file: string, root: string | undefined, resolvedRoot: string | undefined): Promise<Located> {
  try {
    const real = await fs.promises.realpath(file);
    const realRoot = resolvedRoot ?? (root === undefined ? undefined : await fs.promises.realpath(root));
    return checkInside(real, realRoot);
  } catch (e) {
    return failure(e, 'cannot resolve');
  }
}

function checkInside(real: string, realRoot: string | undefined): Located {
  if (realRoot !== undefined && !isWithin(realRoot, real)) {
    return { ok: false, reason: 'outside', message: `resolves to ${real}, outside the folder; not reading it` };
  }
  return { ok: true, realPath: real };
}

function checkStat(st: fs.Stats, maxBytes: number): (SafeReadResult & { ok: false }) | undefined {
  if (!st.isFile()) {
    return { ok: false, reason: 'not-regular', message: `not a regular file (${kindOf(st)}); not reading it` };
  }
  return st.size > maxBytes ? overLimit(st.size, maxBytes, false) : undefined;
}

/** What a non-regular entry is, in words ("a named pipe"), from its stat or directory entry. */
export function kindOf(st: Pick<fs.Stats, 'isDirectory' | 'isFIFO' | 'isSocket' | 'isCharacterDevice' | 'isBlockDevice' | 'isSymbolicLink'>): string {
  if (st.isDirectory()) { return 'a folder'; }
  if (st.isFIFO()) { return 'a named pipe'; }
  if (st.isSocket()) { return 'a socket'; }
  if (st.isCharacterDevice() || st.isBlockDevice()) { return 'a device'; }
  if (st.isSymbolicLink()) { return 'a symbolic link'; }
  return 'not a file';
}

function overLimit(size: number, maxBytes: number, grew: boolean): SafeReadResult & { ok: false } {
  return {
    ok: false, reason: 'too-large',
    message: grew ? `file grew past the limit of ${maxBytes} bytes while being read` : `file is ${size} bytes, over the limit of ${maxBytes}`,
  };
}

function failure(e: unknown, what: string): SafeReadResult & { ok: false } {
  const code = (e as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') { return { ok: false, reason: 'missing', message: 'no such file', code }; }
  // A name longer than the file system allows names no file that can exist: the sidecar of a source with a
  // 240-character name, say. Unreadable would make every export of such a corpus fail over a file that is not there.
  if (code === 'ENAMETOOLONG') { return { ok: false, reason: 'missing', message: 'no such file (its name is too long for the file system)', code }; }
  if (code === 'ELOOP') { return { ok: false, reason: 'outside', message: 'a link that changed while being read, or a loop of links; not reading it', code }; }
  return { ok: false, reason: 'unreadable', message: `${what}: ${describeErrno(e)}`, code };
}

/** An errno error in words, with its code: "permission denied (EACCES)". */
export function describeErrno(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  const words: Record<string, string> = {
    EACCES: 'permission denied', EPERM: 'operation not permitted', EROFS: 'read-only file system',
    ENOSPC: 'no space left on the device', EDQUOT: 'disk quota exceeded', ENAMETOOLONG: 'file name too long',
    EIO: 'input/output error', EISDIR: 'is a folder', ENOTDIR: 'a part of the path is not a folder',
    EMFILE: 'too many open files', ENOENT: 'no such file or folder', EXDEV: 'not on the same file system',
  };
  if (err && typeof err.code === 'string') { return `${words[err.code] ?? err.message} (${err.code})`; }
  return err instanceof Error ? err.message : String(e);
}
