// A lock file beside a file, so that writers in different processes (editor windows, `annotations --fix`) take
// turns between reading it and replacing it. The lock names its holder (pid and host) and appears whole: it is
// written under a temporary name and linked into place, so no run ever meets an empty lock. A lock whose process
// is gone (killed, crashed) is taken over at once; one from another machine, or that cannot be read, after
// `staleMs`. Failing to create the lock (read-only folder, full disk) is a WriteError, and nothing is left behind.
import { createHash, randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { WriteError, isProcessAlive, shortName, step } from './atomicWrite';

export interface LockOptions {
  /** Give up waiting for another writer after this long. */
  timeoutMs: number;
  /** A lock this old is broken whoever holds it; one from a dead process on this machine is broken at once. */
  staleMs: number;
}

export const defaultLockOptions: LockOptions = { timeoutMs: 10_000, staleMs: 30_000 };

/** The lock file of `file`: `<file>.lock`, or a shortened name with a hash when that would be too long. */
export function lockPathFor(file: string): string {
  const base = path.basename(file);
  if (Buffer.byteLength(base) + 5 <= 255) { return file + '.lock'; }
  const hash = createHash('sha256').update(base).digest('hex').slice(0, 16);
  return path.join(path.dirname(file), `${shortName(base, 200)}.${hash}.lock`);
}

/** Runs `task` holding the lock of `file`. */
export async function withFileLock<T>(file: string, task: () => Promise<T>, options: LockOptions = defaultLockOptions): Promise<T> {
  const lock = lockPathFor(file);
  await step(file, 'cannot create the folder', () => fs.mkdir(path.dirname(file), { recursive: true }));
  const mine = `${process.pid} ${os.hostname()} ${new Date().toISOString()}\n`;
  const started = Date.now();
  let wait = 5;
  while (!(await tryCreate(file, lock, mine))) {
    const held = await fs.readFile(lock, 'utf8').catch(() => undefined);
    const stat = await fs.stat(lock).catch(() => undefined);
    if (held === undefined || !stat) { continue; } // released meanwhile
    if (isStale(held, stat.mtimeMs, options)) {
      // Break it only if it is still the lock judged stale, not a new holder's.
      const again = await fs.readFile(lock, 'utf8').catch(() => undefined);
      if (again === held) { await fs.rm(lock, { force: true }).catch(() => undefined); }
      continue;
    }
    if (Date.now() - started > options.timeoutMs) {
      const holder = parseHolder(held);
      throw new WriteError(file, `another writer${holder ? ` (pid ${holder.pid} on ${holder.host})` : ''} holds ${path.basename(lock)}; `
        + `gave up after ${options.timeoutMs} ms`);
    }
    await new Promise((resolve) => setTimeout(resolve, wait + Math.random() * wait));
    wait = Math.min(wait * 2, 100);
  }
  try {
    return await task();
  } finally {
    const held = await fs.readFile(lock, 'utf8').catch(() => undefined);
    if (held === mine) { await fs.rm(lock, { force: true }).catch(() => undefined); }
  }
}

/** Creates the lock holding `content`; false when someone else holds it. */
async function tryCreate(file: string, lock: string, content: string): Promise<boolean> {
  const tmp = path.join(path.dirname(lock), `.${shortName(path.basename(lock), 200)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await step(file, `cannot create the lock file ${path.basename(lock)}`, () => fs.writeFile(tmp, content, { flag: 'wx' }));
    try {
      await fs.link(tmp, lock);
      return true;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') { return false; }
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS' && code !== 'EOPNOTSUPP') {
        throw new WriteError(file, `cannot create the lock file ${path.basename(lock)}: ${(e as Error).message}`, code);
      }
    }
    // A file system without hard links: create exclusively, then fill (an empty lock here is judged by age).
    try {
      await fs.writeFile(lock, content, { flag: 'wx' });
      return true;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') { return false; }
      await fs.rm(lock, { force: true }).catch(() => undefined);
      throw new WriteError(file, `cannot create the lock file ${path.basename(lock)}: ${(e as Error).message}`, (e as NodeJS.ErrnoException).code);
    }
  } finally {
    await fs.rm(tmp, { force: true }).catch(() => undefined);
  }
}

function parseHolder(text: string): { pid: number; host: string } | undefined {
  const m = /^(\d+) (\S+)/.exec(text);
  return m ? { pid: Number(m[1]), host: m[2] } : undefined;
}

function isStale(held: string, mtimeMs: number, options: LockOptions): boolean {
  const age = Date.now() - mtimeMs;
  if (age > options.staleMs) { return true; }
  const holder = parseHolder(held);
  // An empty or foreign-format lock (left by an older version) gets a moment for its writer to fill it.
  if (!holder) { return age > 2_000; }
  return holder.host === os.hostname() && !isProcessAlive(holder.pid);
}
