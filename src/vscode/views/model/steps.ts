// Work over a corpus's rows on the extension host's thread, a step at a time: generators that yield after a bounded
// amount of work, so that their caller can look at the clock between steps and give the thread back. No 'vscode'
// import, so it is unit-tested.

/**
 * `list` sorted by `compare` (stable), yielding after about `slice` comparisons: a list that short is sorted at
 * once, a longer one by merging runs bottom up, so that no slice compares more than about `slice` pairs.
 */
export function* sortSteps<T>(list: T[], compare: (a: T, b: T) => number, slice: number): Generator<void, T[]> {
  if (list.length <= slice) { return list.sort(compare); }
  // Runs of `slice / 32` items sorted alone first (each some slice / 3 comparisons at most), then merged in pairs.
  const run = Math.max(1, Math.floor(slice / 32));
  let from = list.slice();
  for (let i = 0; i < from.length; i += run) {
    const sorted = from.slice(i, i + run).sort(compare);
    for (let k = 0; k < sorted.length; k++) { from[i + k] = sorted[k]; }
    yield;
  }
  let to: T[] = new Array<T>(from.length);
  let work = 0;
  for (let width = run; width < from.length; width *= 2) {
    for (let lo = 0; lo < from.length; lo += 2 * width) {
      const mid = Math.min(lo + width, from.length);
      const hi = Math.min(lo + 2 * width, from.length);
      let i = lo;
      let j = mid;
      for (let k = lo; k < hi; k++) {
        to[k] = i < mid && (j >= hi || compare(from[j], from[i]) >= 0) ? from[i++] : from[j++];
        if (++work >= slice) { work = 0; yield; }
      }
    }
    [from, to] = [to, from];
  }
  return from;
}

/** Runs `steps` to its end at once (for a caller that needs the result now, or a list known to be small). */
export function finish<T>(steps: Generator<void, T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) { return r.value; }
  }
}
