// A set of 32-bit hashes in one typed array (open addressing, linear probing). The bulk scan asks millions of
// times whether a fingerprint is shared; a JS Set of numbers stores every hash above 2^30 as a heap number and
// rehashes as it grows, which made that step super-linear (24 s at 1 GB against 0.8 s at 100 MB).

export class HashSet32 {
  private readonly slots: Uint32Array;
  private readonly mask: number;
  /** 0 marks an empty slot, so the hash 0 is kept aside. */
  private hasZero = false;
  private n = 0;

  /** A set for up to `capacity` hashes (it does not grow: the bulk scan knows the count before it inserts). */
  constructor(capacity: number) {
    let cap = 16;
    while (cap < capacity * 2) { cap *= 2; }
    this.slots = new Uint32Array(cap);
    this.mask = cap - 1;
  }

  get size(): number {
    return this.n;
  }

  add(hash: number): void {
    const h = hash >>> 0;
    if (h === 0) {
      if (!this.hasZero) { this.hasZero = true; this.n++; }
      return;
    }
    if (this.n >= this.mask) { throw new Error('HashSet32 is full'); }
    let i = (Math.imul(h, 0x9e3779b1) >>> 0) & this.mask;
    for (;;) {
      const s = this.slots[i];
      if (s === h) { return; }
      if (s === 0) { this.slots[i] = h; this.n++; return; }
      i = (i + 1) & this.mask;
    }
  }

  has(hash: number): boolean {
    const h = hash >>> 0;
    if (h === 0) { return this.hasZero; }
    let i = (Math.imul(h, 0x9e3779b1) >>> 0) & this.mask;
    for (;;) {
      const s = this.slots[i];
      if (s === h) { return true; }
      if (s === 0) { return false; }
      i = (i + 1) & this.mask;
    }
  }
}

/**
 * The place of each key in an ascending array of (key, value) pairs (key g at 2g), found through a directory of
 * the keys' top bits: the bulk scan's fingerprint-to-group lookup, asked once per fingerprint of the corpus. The
 * directory has about one slot for two keys, 4 bytes each, where a hash map of the keys held two to four slots of
 * 8 bytes, and the keys are the pairs' own. Most fingerprints asked for are not shared (24 of the 26.6 million at 1 GB):
 * a bit a slot of 16 a key, set by the keys' low bits, answers most of those without reading the directory or the
 * keys (1 in 16 or so of them read on).
 */
export class SortedKeyIndex {
  private readonly first: Uint32Array;
  private readonly shift: number;
  private readonly seen: Int32Array;
  private readonly seenMask: number;

  /** An index of the first `count` keys of `pairs`, which must be ascending and distinct. */
  constructor(private readonly pairs: Uint32Array, count: number) {
    let bits = 1;
    while (bits < 24 && 2 ** (bits + 1) < count) { bits++; }
    this.shift = 32 - bits;
    // first[b] to first[b + 1]: the keys whose top bits are b.
    const first = new Uint32Array(2 ** bits + 1);
    for (let g = 0; g < count; g++) { first[(pairs[2 * g] >>> this.shift) + 1]++; }
    for (let b = 0; b + 1 < first.length; b++) { first[b + 1] += first[b]; }
    this.first = first;
    // 2^(bits + 5) bits: 16 to 32 a key.
    this.seen = new Int32Array(2 ** bits);
    this.seenMask = 2 ** (bits + 5) - 1;
    for (let g = 0; g < count; g++) {
      const bit = pairs[2 * g] & this.seenMask;
      this.seen[bit >>> 5] |= 1 << (bit & 31);
    }
  }

  /** The place of `key` (g for the key at 2g), or -1. */
  get(key: number): number {
    const k = key >>> 0;
    const bit = k & this.seenMask;
    if ((this.seen[bit >>> 5] & (1 << (bit & 31))) === 0) { return -1; }
    const b = k >>> this.shift;
    const end = this.first[b + 1];
    for (let g = this.first[b]; g < end; g++) {
      const at = this.pairs[2 * g];
      if (at === k) { return g; }
      if (at > k) { return -1; }
    }
    return -1;
  }
}
