// Searching the text of many files without holding the extension host's thread: files are read asynchronously in
// small batches, and between batches the search yields to the event loop and checks for cancellation, so a search
// of a 10,000-file corpus never blocks for more than one batch's decoding and matching. No 'vscode' import: the
// adapter gives the files' readers, and a unit test drives it on files in a temporary folder.

export interface SearchTarget {
  /** What the caller knows the file by (its URI, as a string). */
  key: string;
  /** The file's text, or undefined when it cannot be read as text (binary, too large, gone). */
  read: () => Promise<string | undefined>;
}

export interface SearchHit<T> {
  key: string;
  text: string;
  found: T;
}

export interface SearchOptions {
  /** Files read at once. */
  batch?: number;
  isCancelled?: () => boolean;
  onProgress?: (done: number, total: number) => void;
}

export interface SearchOutcome<T> {
  hits: SearchHit<T>[];
  cancelled: boolean;
  /** Files that could not be read as text. */
  unreadable: string[];
  /** The longest time spent at once on the thread matching a batch, in milliseconds (for the bench and the log). */
  longestBlockMs: number;
}

/** Runs `find` on the text of every target; a file where it finds nothing (undefined) is left out. */
export async function searchFiles<T>(targets: readonly SearchTarget[], find: (text: string) => T | undefined, options: SearchOptions = {}): Promise<SearchOutcome<T>> {
  const batch = Math.max(1, options.batch ?? 32);
  const out: SearchOutcome<T> = { hits: [], cancelled: false, unreadable: [], longestBlockMs: 0 };
  for (let i = 0; i < targets.length; i += batch) {
    if (options.isCancelled?.()) {
      out.cancelled = true;
      return out;
    }
    const slice = targets.slice(i, i + batch);
    const texts = await Promise.all(slice.map((t) => t.read().catch(() => undefined)));
    const started = performance.now();
    slice.forEach((t, j) => {
      const text = texts[j];
      if (text === undefined) {
        out.unreadable.push(t.key);
        return;
      }
      const found = find(text);
      if (found !== undefined) { out.hits.push({ key: t.key, text, found }); }
    });
    out.longestBlockMs = Math.max(out.longestBlockMs, performance.now() - started);
    options.onProgress?.(Math.min(i + batch, targets.length), targets.length);
    // Let other work (typing, the index worker's replies) run between batches, even when reads were cached.
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return out;
}
