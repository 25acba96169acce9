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
  // All four histograms in one read of the keys.
  const counts = new Uint32Array(PASSES * BUCKETS);
  for (let i = 0; i < n; i++) {
    const k = keys[i];
    counts[k & MASK]++;
    counts[BUCKETS + ((k >>> 8) & MASK)]++;
    counts[2 * BUCKETS + ((k >>> 16) & MASK)]++;
    counts[3 * BUCKETS + (k >>> 24)]++;
  }
  let from = keys;
  let to = scratch ? scratch.subarray(0, n) : new Uint32Array(n);
  for (let pass = 0; pass < PASSES; pass++) {
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
