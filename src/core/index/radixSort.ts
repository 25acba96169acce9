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
 * 8 reads of the parts in all, against one array of every key (106 MB) standing beside the parts they are read from.
 */
const WINDOW_KEYS = 4 * 1024 * 1024;

/**
 * The keys that stand `min` to `max` times in the parts, as (key, count) pairs in ascending order of key, and
 * the number of keys those pairs stand for. The keys are not all sorted in one array
 * (106 MB for the fingerprints of 1 GB, beside the parts they are read from): they are sorted a window of top digits at a time, each window holding at most
 * `windowKeys` keys (or one top digit's, if more), and dealt into it by a read of every part. A run never
 * crosses a top digit, so each window's runs are whole.
 */
export function countedRuns(parts: readonly Uint32Array[], min: number, max: number, windowKeys = WINDOW_KEYS): { pairs: Uint32Array; runs: number; keys: number } {
  const starts = new Uint32Array(BUCKETS + 1);
  for (const p of parts) {
    for (let i = 0; i < p.length; i++) { starts[(p[i] >>> 24) + 1]++; }
  }
  let largest = 0;
  for (let b = 0; b < BUCKETS; b++) {
    largest = Math.max(largest, starts[b + 1]);
    starts[b + 1] += starts[b];
  }
  const window = new Uint32Array(Math.min(starts[BUCKETS], Math.max(windowKeys, largest)));
  const scratch = new Uint32Array(largest);
  const next = new Uint32Array(BUCKETS);
  const pieces: Uint32Array[] = [];
  let runs = 0;
  let keys = 0;
  for (let lo = 0; lo < BUCKETS;) {
    let hi = lo + 1;
    while (hi < BUCKETS && starts[hi + 1] - starts[lo] <= window.length) { hi++; }
    const base = starts[lo];
    const n = starts[hi] - base;
    for (let b = lo; b < hi; b++) { next[b] = starts[b] - base; }
    const span = hi - lo;
    for (const p of parts) {
      for (let i = 0; i < p.length; i++) {
        const k = p[i];
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
    // The pairs are gathered at the window's front: pair r at 2r, 2r + 1, never past the run being read as long
    // as min >= 2; with min 1 they are gathered apart.
    const out = min >= 2 ? window : new Uint32Array(2 * n);
    let r = 0;
    for (let i = 0; i < n;) {
      const h = window[i];
      let j = i + 1;
      while (j < n && window[j] === h) { j++; }
      if (j - i >= min && j - i <= max) {
        out[2 * r] = h;
        out[2 * r + 1] = j - i;
        r++;
        keys += j - i;
      }
      i = j;
    }
    if (r > 0) { pieces.push(out.slice(0, 2 * r)); }
    runs += r;
    lo = hi;
  }
  const pairs = new Uint32Array(2 * runs);
  let at = 0;
  for (const piece of pieces) { pairs.set(piece, at); at += piece.length; }
  return { pairs, runs, keys };
}
