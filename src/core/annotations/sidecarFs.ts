// The file side of sidecars, over core's one safe reader and one atomic writer (src/core/io): a sidecar is read
// only if it is a regular file (inside the root, when one is given) under the size limit, and only if it is
// valid UTF-8: a sidecar in another encoding is invalid, so it is never decoded lossily and written back.
// Writes go through an in-process queue per path and a lock file per sidecar; every failure of the file system
// becomes a SidecarError naming the file, so callers report it per sidecar and go on.
import { WriteError, writeFileAtomic } from '../io/atomicWrite';
import { LockOptions, withFileLock } from '../io/fileLock';
import { readFileSafe } from '../io/safeRead';
import { SidecarError } from './errors';

export { defaultLockOptions } from '../io/fileLock';
export type { LockOptions } from '../io/fileLock';

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Reads a sidecar's text (BOM removed); undefined when the file does not exist. Refuses, with a SidecarError, a
 * file over `maxBytes` (unread), one that is not a regular file or resolves outside `root`, and one that is not
 * valid UTF-8 (with the line and column of the first bad byte).
 */
export async function readSidecarFile(file: string, maxBytes: number, root?: string): Promise<string | undefined> {
  const read = await readFileSafe(file, { maxBytes, root });
  if (!read.ok) {
    if (read.reason === 'missing') { return undefined; }
    throw new SidecarError(file, read.reason === 'too-large' ? 'too-large' : 'io', [{ message: read.reason === 'too-large'
      ? `sidecar ${read.message.replace(/^file /, '')}` : `cannot read the sidecar: ${read.message}` }]);
  }
  let text: string;
  try {
    text = utf8.decode(read.bytes);
  } catch {
    const bad = firstInvalidUtf8(read.bytes);
    throw new SidecarError(file, 'encoding', [{
      ...lineColAt(read.bytes, bad),
      message: `not valid UTF-8 (byte 0x${read.bytes[bad].toString(16).padStart(2, '0')}); sidecars are UTF-8: convert the file `
        + '(e.g. iconv -f latin1 -t utf-8); it is left untouched until then',
    }]);
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Replaces a sidecar atomically, keeping its mode and owner; a failure is a SidecarError and changes nothing. */
export async function writeSidecarFile(file: string, text: string): Promise<void> {
  try {
    await writeFileAtomic(file, text);
  } catch (e) {
    throw asSidecarError(file, e);
  }
}

/** Runs `task` holding the sidecar's lock file; failing to take the lock is a SidecarError. */
export function withSidecarLock<T>(file: string, task: () => Promise<T>, options: LockOptions): Promise<T> {
  return withFileLock(file, task, options).catch((e: unknown) => { throw asSidecarError(file, e); });
}

function asSidecarError(file: string, e: unknown): unknown {
  if (e instanceof WriteError) { return new SidecarError(file, 'io', [{ message: `not written: ${e.message}` }]); }
  return e;
}

/** Offset of the first byte that does not start or continue a well-formed UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i];
    const [len, lo, hi] = b < 0x80 ? [1, 0, 0] : b >= 0xc2 && b <= 0xdf ? [2, 0x80, 0xbf]
      : b === 0xe0 ? [3, 0xa0, 0xbf] : b === 0xed ? [3, 0x80, 0x9f] : b >= 0xe1 && b <= 0xef ? [3, 0x80, 0xbf]
        : b === 0xf0 ? [4, 0x90, 0xbf] : b >= 0xf1 && b <= 0xf3 ? [4, 0x80, 0xbf] : b === 0xf4 ? [4, 0x80, 0x8f] : [0, 0, 0];
    if (len === 0) { return i; }
    for (let k = 1; k < len; k++) {
      const c = bytes[i + k];
      const [min, max] = k === 1 ? [lo, hi] : [0x80, 0xbf];
      if (c === undefined || c < min || c > max) { return i; }
    }
    i += len;
  }
  return bytes.length - 1;
}

/** 1-based line and column (in characters) of byte `offset`. */
function lineColAt(bytes: Uint8Array, offset: number): { line: number; col: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) { line++; lineStart = i + 1; }
  }
  const before = new TextDecoder('utf-8').decode(bytes.subarray(lineStart, offset));
  return { line, col: [...before].length + 1 };
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
