// The one way core replaces a file it owns (a sidecar): a temporary file in the same folder that takes the old
// file's mode and owner, flushed, then renamed over the target, so a reader sees the old file or the new one and
// the person who set 0600 or 0444, or owns the file, finds it as they left it. A failure (read-only file system,
// full disk, permissions, a name too long) leaves the target untouched, removes the temporary file, and comes
// back as a WriteError that says which step failed, in words.
import { randomBytes } from 'node:crypto';
import { promises as fs, constants } from 'node:fs';
import * as path from 'node:path';
import { describeErrno } from './safeRead';

export class WriteError extends Error {
  constructor(readonly file: string, message: string, readonly code?: string) {
    super(message);
    this.name = 'WriteError';
  }
}

/** Temporary files of writers that died are removed once older than this (a live write takes milliseconds). */
const STALE_TMP_MS = 10_000;
/** File names longer than this many bytes are shortened in temporary and lock names (most systems allow 255). */
const NAME_BUDGET = 200;

/** Writes `text` (UTF-8) to `file` atomically, keeping the mode and owner of the file it replaces. */
export async function writeFileAtomic(file: string, text: string): Promise<void> {
  const dir = path.dirname(file);
  const old = await step(file, 'cannot inspect', () => fs.lstat(file).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') { return undefined; }
    throw e;
  }));
  if (old && !old.isFile()) {
    throw new WriteError(file, `${old.isSymbolicLink() ? 'is a symbolic link' : 'is not a regular file'}; not replacing it`);
  }
  if (old) {
    // Replacing needs only the folder's permission; a file the writer may not write stays as it is.
    await step(file, 'is not writable', () => fs.access(file, constants.W_OK));
  }
  await step(file, 'cannot create the folder', () => fs.mkdir(dir, { recursive: true }));
  await removeStaleTemporaries(dir, path.basename(file));
  const tmp = path.join(dir, `${tmpPrefix(path.basename(file))}${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  let created = false;
  try {
    const handle = await step(file, 'cannot create a temporary file', () => fs.open(tmp, 'wx', old ? old.mode & 0o777 : 0o666));
    created = true;
    try {
      await step(file, 'cannot write', () => handle.writeFile(text, 'utf8'));
      if (old) {
        if (process.getuid && process.getgid && (old.uid !== process.getuid() || old.gid !== process.getgid())) {
          await step(file, `cannot keep its owner (uid ${old.uid}, gid ${old.gid})`, () => handle.chown(old.uid, old.gid));
        }
        // After chown, which may clear set-id bits.
        await step(file, 'cannot keep its mode', () => handle.chmod(old.mode & 0o7777));
      }
      await step(file, 'cannot flush', () => handle.sync());
    } finally {
      await handle.close();
    }
    await step(file, 'cannot replace', () => retryBusy(() => fs.rename(tmp, file)));
    created = false;
  } finally {
    if (created) { await fs.rm(tmp, { force: true }).catch(() => undefined); }
  }
}

/** Runs `op`; an errno error becomes a WriteError "<what>: <reason in words> (<CODE>)". */
export async function step<T>(file: string, what: string, op: () => Promise<T>): Promise<T> {
  try {
    return await op();
  } catch (e) {
    if (e instanceof WriteError) { throw e; }
    throw new WriteError(file, `${what}: ${describeErrno(e)}`, (e as NodeJS.ErrnoException).code);
  }
}

/** The start of a temporary file's name for `base`: hidden, and short enough for the pid and suffix to fit. */
function tmpPrefix(base: string): string {
  return `.${shortName(base, NAME_BUDGET)}.`;
}

/** `name` cut to at most `maxBytes` bytes of UTF-8, never inside a character. */
export function shortName(name: string, maxBytes: number): string {
  if (Buffer.byteLength(name) <= maxBytes) { return name; }
  let out = '';
  for (const ch of name) {
    if (Buffer.byteLength(out + ch) > maxBytes) { break; }
    out += ch;
  }
  return out;
}

/** Removes temporary files of `base` left by writers that are gone (killed mid-write). */
async function removeStaleTemporaries(dir: string, base: string): Promise<void> {
  const prefix = tmpPrefix(base);
  const names = await fs.readdir(dir).catch(() => [] as string[]);
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith('.tmp')) { continue; }
    const m = /^(\d+)\.[0-9a-f]+\.tmp$/.exec(name.slice(prefix.length));
    if (!m || isProcessAlive(Number(m[1]))) { continue; }
    const p = path.join(dir, name);
    const st = await fs.lstat(p).catch(() => undefined);
    if (st?.isFile() && Date.now() - st.mtimeMs > STALE_TMP_MS) { await fs.rm(p, { force: true }).catch(() => undefined); }
  }
}

/** Whether a process with this pid runs on this machine (EPERM: it runs, as another user). */
export function isProcessAlive(pid: number): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 0) { return false; }
  if (pid === process.pid) { return true; }
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function retryBusy<T>(op: () => Promise<T>): Promise<T> {
  // On Windows a rename over a file another process has open fails for a moment; try again briefly.
  for (let attempt = 0; ; attempt++) {
    try {
      return await op();
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (attempt >= 5 || process.platform !== 'win32' || !(code === 'EPERM' || code === 'EBUSY' || code === 'EACCES')) { throw e; }
      await new Promise((resolve) => setTimeout(resolve, 20 * (attempt + 1)));
    }
  }
}
