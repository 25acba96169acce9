// The file side of sidecars: bounded reads, atomic writes (a temporary file in the same folder, then rename),
// an in-process queue per path, and a lock file so that writers in different processes take turns too.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import { SidecarError } from './errors';

/** Reads a sidecar's text; undefined when the file does not exist. Refuses files over `maxBytes` unread. */
export async function readSidecarFile(file: string, maxBytes: number): Promise<string | undefined> {
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(file, 'r');
  } catch (e) {
    if (isErrno(e, 'ENOENT')) { return undefined; }
    throw new SidecarError(file, 'io', [{ message: `cannot open: ${(e as Error).message}` }]);
  }
  try {
    const { size } = await handle.stat();
    if (size > maxBytes) {
      throw new SidecarError(file, 'too-large', [{ message: `sidecar is ${size} bytes, over the limit of ${maxBytes}` }]);
    }
    // Read at most one byte past the limit, in case the file grew since the stat.
    const buf = Buffer.alloc(Math.min(size, maxBytes) + 1);
    let n = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buf, n, buf.length - n, n);
      if (bytesRead === 0) { break; }
      n += bytesRead;
      if (n === buf.length) { break; }
    }
    if (n > maxBytes) {
      throw new SidecarError(file, 'too-large', [{ message: `sidecar is over the limit of ${maxBytes} bytes` }]);
    }
    const text = buf.subarray(0, n).toString('utf8');
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } finally {
    await handle.close();
  }
}

/**
 * Writes `text` to `file` so that a reader sees either the old or the new file, never part of one: a temporary
 * file in the same folder (same file system), flushed, then renamed over the target.
 */
export async function writeFileAtomic(file: string, text: string): Promise<void> {
  const dir = path.dirname(file);
  await fs.mkdir(dir, { recursive: true });
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    const handle = await fs.open(tmp, 'wx');
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await retryBusy(() => fs.rename(tmp, file));
  } catch (e) {
    await fs.rm(tmp, { force: true });
    throw e;
  }
}

/** Runs tasks one after another per key (a path), in the order they were queued. */
export class PathQueue {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const result = previous.then(task, task);
    const tail = result.catch(() => undefined);
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) { this.tails.delete(key); }
    });
    return result;
  }
}

/**
 * The queue every store in this process shares by default: serialising writes to a file is only worth
 * anything if all the writers in the process use the same queue.
 */
export const processQueue = new PathQueue();

export interface LockOptions {
  /** Give up waiting for another writer after this long. */
  timeoutMs: number;
  /** A lock file older than this is left over from a crashed writer and is broken. */
  staleMs: number;
}

export const defaultLockOptions: LockOptions = { timeoutMs: 10_000, staleMs: 30_000 };

/**
 * Runs `task` holding `<file>.lock`, created exclusively, so that writers in other processes (another editor
 * window, the CLI with --fix) that honour it take turns with us between reading the sidecar and replacing it.
 */
export async function withFileLock<T>(file: string, task: () => Promise<T>, options: LockOptions = defaultLockOptions): Promise<T> {
  const lock = file + '.lock';
  await fs.mkdir(path.dirname(file), { recursive: true });
  const started = Date.now();
  let wait = 5;
  for (;;) {
    try {
      const handle = await fs.open(lock, 'wx');
      try {
        await handle.writeFile(`${process.pid} ${new Date().toISOString()}\n`);
      } finally {
        await handle.close();
      }
      break;
    } catch (e) {
      if (!isErrno(e, 'EEXIST')) { throw e; }
    }
    const stat = await fs.stat(lock).catch(() => undefined);
    if (stat && Date.now() - stat.mtimeMs > options.staleMs) {
      // Break a stale lock only if it is still the same file we judged stale.
      const again = await fs.stat(lock).catch(() => undefined);
      if (again && again.ino === stat.ino && again.mtimeMs === stat.mtimeMs) { await fs.rm(lock, { force: true }); }
      continue;
    }
    if (Date.now() - started > options.timeoutMs) {
      throw new SidecarError(file, 'io', [{ message: `another writer holds ${path.basename(lock)}; gave up after ${options.timeoutMs} ms (delete the lock file if no Corpus Lens is running)` }]);
    }
    await delay(wait + Math.random() * wait);
    wait = Math.min(wait * 2, 100);
  }
  try {
    return await task();
  } finally {
    await fs.rm(lock, { force: true });
  }
}

async function retryBusy<T>(op: () => Promise<T>): Promise<T> {
  // On Windows a rename over a file another process has open fails for a moment; try again briefly.
  for (let attempt = 0; ; attempt++) {
    try {
      return await op();
    } catch (e) {
      if (attempt >= 5 || !(isErrno(e, 'EPERM') || isErrno(e, 'EBUSY') || isErrno(e, 'EACCES'))) { throw e; }
      await delay(20 * (attempt + 1));
    }
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export function isErrno(e: unknown, code: string): boolean {
  return typeof e === 'object' && e !== null && (e as { code?: unknown }).code === code;
}
