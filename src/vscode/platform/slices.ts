// Work over many items on the extension host's thread, a slice at a time: each slice runs for about `budgetMs`,
// then the thread is given back (setImmediate) so that typing, other extensions and the views stay responsive
// however large the corpus is. No 'vscode' import, so it is unit-tested.

/** The budget of one slice: well under the 50 ms the host's thread may be held. */
export const SLICE_MS = 12;

/** The most items of one run, however cheap the runs before it were. */
export const MAX_RUN = 4096;

/**
 * Calls `handle` with consecutive runs of `items`, each run as large as fits in the budget (measured as it goes),
 * yielding the thread between runs. Stops early, returning false, when `stillWanted` says so before a run.
 */
export async function inSlices<T>(items: readonly T[], handle: (run: readonly T[]) => void, stillWanted: () => boolean = () => true, budgetMs = SLICE_MS): Promise<boolean> {
  let size = 64;
  for (let i = 0; i < items.length;) {
    if (!stillWanted()) { return false; }
    const started = performance.now();
    const run = items.slice(i, i + size);
    handle(run);
    i += run.length;
    const took = performance.now() - started;
    // Aim the next run at the budget: grow while well under it (at most doubling, and to MAX_RUN items: the cost of
    // an item is not always linear, a run of 65,536 listed files took 250 ms after one of 16,384 took 3), shrink
    // when over.
    size = Math.max(16, Math.min(size * 2, MAX_RUN, Math.round(size * (budgetMs / Math.max(took, 0.5)))));
    if (i < items.length) { await new Promise<void>((resolve) => setImmediate(resolve)); }
  }
  return true;
}
