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

/**
 * The keys of several arrays in one new array, sorted as radixSortUint32 sorts. The keys are dealt straight from
 * the parts into their places by their top digit, and each of the 256 parts so made is sorted by its three lower
 * digits through a scratch array as long as the largest: for hashes, about 1/256 of the keys. Beside the result
 * this needs no second array of every key (radixSortUint32's scratch: 106 MB for the fingerprints of 1 GB, made
 * at the sort, which is near the scan's peak), and the deal replaces the copy of the parts into one array.
 */
export function sortedConcat(parts: readonly Uint32Array[]): Uint32Array {
  const starts = new Uint32Array(BUCKETS + 1);
  for (const p of parts) {
    for (let i = 0; i < p.length; i++) { starts[(p[i] >>> 24) + 1]++; }
  }
  let largest = 0;
  for (let b = 0; b < BUCKETS; b++) {
    largest = Math.max(largest, starts[b + 1]);
    starts[b + 1] += starts[b];
  }
  const out = new Uint32Array(starts[BUCKETS]);
  const next = starts.slice(0, BUCKETS);
  for (const p of parts) {
    for (let i = 0; i < p.length; i++) {
      const k = p[i];
      out[next[k >>> 24]++] = k;
    }
  }
  const scratch = new Uint32Array(largest);
  for (let b = 0; b < BUCKETS; b++) {
    const from = starts[b];
    const to = starts[b + 1];
    if (to - from > 1) { sortLowDigits(out.subarray(from, to), scratch.subarray(0, to - from), PASSES - 1); }
  }
  return out;
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
