// Sorting 32-bit hashes in linear time. The bulk scan sorts every fingerprint of the corpus at once (2.7 million
// at 100 MB, 26.6 million at 1 GB) on the main thread while the workers wait for the result; a comparison sort
// costs n log n there, so the step grew faster than the corpus, and it took CPU from the workers beside it.

/** Digits of 8 bits: four passes, so the sorted keys end in the array given, and 256 counters stay in cache. */
const BITS = 8;
const BUCKETS = 1 << BITS;
const MASK = BUCKETS - 1;
const PASSES = 32 / BITS;
/**
 * Sorts `keys` in place in ascending order, as `Uint32Array.prototype.sort` does: a least-significant-digit radix
 * sort, with one scratch array of the same length. `scratch`, when given, must hold at least `keys.length`
 * elements (a caller sorting more than once can keep it). Passes whose digit is the same for every key are skipped.
 */
export function radixSortUint32(keys: Uint32Array, scratch?: Uint32Array): void {
  const n = keys.length;
  if (n < 2) { return; }
  if (scratch && scratch.length < n) { throw new Error('radixSortUint32: the scratch array is too short'); }
  sortLowDigits(keys, scratch ? scratch.subarray(0, n) : new Uint32Array(n), PASSES);
}

/** Least-significant-digit passes over the lowest `passes` digits, through `scratch` (as long as `keys`). */
function sortLowDigits(keys: Uint32Array, scratch: Uint32Array, passes: number): void {
  const n = keys.length;
  // All the histograms in one read of the keys.
  const counts = new Uint32Array(PASSES * BUCKETS);
  for (let i = 0; i < n; i++) {
    const k = keys[i];
    counts[k & MASK]++;
    counts[BUCKETS + ((k >>> 8) & MASK)]++;
    counts[2 * BUCKETS + ((k >>> 16) & MASK)]++;
    counts[3 * BUCKETS + (k >>> 24)]++;
  }
  let from = keys;
  let to = scratch;
  for (let pass = 0; pass < passes; pass++) {
    const base = pass * BUCKETS;
    const shift = pass * BITS;
    // A digit that every key shares moves nothing: the pass is left out.
    if (counts[base + ((from[0] >>> shift) & MASK)] === n) { continue; }
    // Counts become each bucket's first place.
    let sum = 0;
    for (let b = 0; b < BUCKETS; b++) {
      const c = counts[base + b];
      counts[base + b] = sum;
      sum += c;
    }
    for (let i = 0; i < n; i++) {
      const k = from[i];
      to[counts[base + ((k >>> shift) & MASK)]++] = k;
    }
    const t = from;
    from = to;
    to = t;
  }
  if (from !== keys) { keys.set(from); }
}

/**
 * Keys of a window of countedRuns: 4 M keys (16 MB). At 1 GB (26.6 million fingerprints) that is 7 windows, so
 * 8 reads of the keys in all, against one array of every key (106 MB) standing beside the arrays they are read from.
 */
const WINDOW_KEYS = 4 * 1024 * 1024;

/**
 * Keys lying in ranges of a few arrays: range r is arrays[ranges[3r]] from ranges[3r + 1] to ranges[3r + 2]
 * (exclusive). The bulk scan's fingerprints lie so in their 64 MB chunks, a range a document: 12 bytes where a
 * view of each document's hashes was some 100 bytes of the heap (133,000 of them at 1 GB).
 */
export interface KeyRanges {
  arrays: readonly Uint32Array[];
  ranges: Uint32Array;
}

/**
 * The keys that stand `min` (at least 1) to `max` times in the ranges, as (key, count) pairs in ascending order
 * of key, and the number of keys those pairs stand for. The keys are not all sorted in one array (106 MB for the
 * fingerprints of 1 GB, beside the chunks they are read from): they are sorted a window of top digits at a time,
 * each window holding at most `windowKeys` keys (or one top digit's, if more), and dealt into it by a read of
 * every range. A run never crosses a top digit, so each window's runs are whole. The pairs are written into an
 * array as long as the most there can be, of which only the pages written are ever resident (a large typed array
 * is mapped zeroed, its pages touched as they are written), and returned as a view of its start.
 */
export function countedRuns(keys: KeyRanges, min: number, max: number, windowKeys = WINDOW_KEYS): { pairs: Uint32Array; runs: number; keys: number } {
  const { arrays, ranges } = keys;
  const starts = new Uint32Array(BUCKETS + 1);
  for (let r = 0; r < ranges.length; r += 3) {
    const a = arrays[ranges[r]];
    for (let i = ranges[r + 1], end = ranges[r + 2]; i < end; i++) { starts[(a[i] >>> 24) + 1]++; }
  }
  let largest = 0;
  for (let b = 0; b < BUCKETS; b++) {
    largest = Math.max(largest, starts[b + 1]);
    starts[b + 1] += starts[b];
  }
  const total = starts[BUCKETS];
  const window = new Uint32Array(Math.min(total, Math.max(windowKeys, largest)));
  const scratch = new Uint32Array(largest);
  const next = new Uint32Array(BUCKETS);
  // A run of min keys or more makes a pair of two numbers.
  const pairs = new Uint32Array(2 * Math.floor(total / Math.max(1, min)));
  let runs = 0;
  let counted = 0;
  for (let lo = 0; lo < BUCKETS;) {
    let hi = lo + 1;
    while (hi < BUCKETS && starts[hi + 1] - starts[lo] <= window.length) { hi++; }
    const base = starts[lo];
    const n = starts[hi] - base;
    for (let b = lo; b < hi; b++) { next[b] = starts[b] - base; }
    const span = hi - lo;
    for (let r = 0; r < ranges.length; r += 3) {
      const a = arrays[ranges[r]];
      for (let i = ranges[r + 1], end = ranges[r + 2]; i < end; i++) {
        const k = a[i];
        const t = k >>> 24;
        // One unsigned compare for lo <= t < hi.
        if (((t - lo) >>> 0) < span) { window[next[t]++] = k; }
      }
    }
    for (let b = lo; b < hi; b++) {
      const from = starts[b] - base;
      const to = starts[b + 1] - base;
      if (to - from > 1) { sortLowDigits(window.subarray(from, to), scratch.subarray(0, to - from), PASSES - 1); }
    }
    for (let i = 0; i < n;) {
      const h = window[i];
      let j = i + 1;
      while (j < n && window[j] === h) { j++; }
      if (j - i >= min && j - i <= max) {
        pairs[2 * runs] = h;
        pairs[2 * runs + 1] = j - i;
        runs++;
        counted += j - i;
      }
      i = j;
    }
    lo = hi;
  }
  return { pairs: pairs.subarray(0, 2 * runs), runs, keys: counted };
}
