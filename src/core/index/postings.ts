// The reverse index from fingerprint to the places it stands, over typed arrays: an open-addressing table of
// distinct fingerprints, each with its posting count and the head of a linked list of (document, position)
// postings. A lookup touches only its own fingerprint's postings, so a fingerprint that stands in every file
// (a site's navigation bar) costs nothing to the lookups of others, and its count is known without a walk.

const EMPTY = -1;

/**
 * Key slot layout in `keys`: [hash, head, count] at slot * 3. One array keeps a slot's fields on one cache line;
 * three arrays cost three cache misses per lookup on a table too large for the cache. count -1 marks a
 * never-used slot (slots are never freed, so probing stays simple).
 */
const HASH = 0;
const HEAD = 1;
const COUNT = 2;
const STRIDE = 4;

export class PostingTable {
  private keyMask: number;
  private keys: Int32Array;
  private keysUsed = 0;
  private doc: Uint32Array;
  private pos: Uint32Array;
  private next: Int32Array;
  private size = 0;
  private free = EMPTY;
  private live = 0;

  /**
   * Sized for `expectedPostings` postings under `expectedKeys` distinct fingerprints (by default as many: most
   * fingerprints stand once; a table of shared fingerprints only has at most half as many keys as postings).
   */
  constructor(expectedPostings = 1 << 16, expectedKeys = expectedPostings) {
    let cap = 1 << 10;
    while (expectedKeys * 10 > cap * 7) { cap <<= 1; }
    this.keyMask = cap - 1;
    this.keys = PostingTable.emptyKeys(cap);
    const entries = Math.max(1024, expectedPostings);
    this.doc = new Uint32Array(entries);
    this.pos = new Uint32Array(entries);
    this.next = new Int32Array(entries);
  }

  private static emptyKeys(cap: number): Int32Array {
    const keys = new Int32Array(cap * STRIDE);
    for (let i = 0; i < cap; i++) { keys[i * STRIDE + HEAD] = EMPTY; keys[i * STRIDE + COUNT] = -1; }
    return keys;
  }

  /** Number of postings held. */
  get count(): number {
    return this.live;
  }

  add(hash: number, doc: number, pos: number): void {
    let k = this.findKey(hash);
    if (k < 0) {
      if ((this.keysUsed + 1) * 10 > (this.keyMask + 1) * 7) { this.growKeys(); } // load factor 0.7
      k = this.insertKey(hash);
      this.keysUsed++;
      this.keys[k + COUNT] = 0;
    }
    let slot: number;
    if (this.free !== EMPTY) {
      slot = this.free;
      this.free = this.next[slot];
    } else {
      if (this.size === this.doc.length) { this.growEntries(); }
      slot = this.size++;
    }
    this.doc[slot] = doc;
    this.pos[slot] = pos;
    this.next[slot] = this.keys[k + HEAD];
    this.keys[k + HEAD] = slot;
    this.keys[k + COUNT]++;
    this.live++;
  }

  /** Removes the postings of `doc` under the given hashes (the ones it added). */
  removeDoc(doc: number, hashes: ArrayLike<number>): void {
    for (let i = 0; i < hashes.length; i++) {
      const k = this.findKey(hashes[i]);
      if (k < 0) { continue; }
      let prev = EMPTY;
      let s = this.keys[k + HEAD];
      while (s !== EMPTY) {
        const nx = this.next[s];
        if (this.doc[s] === doc) {
          if (prev === EMPTY) { this.keys[k + HEAD] = nx; } else { this.next[prev] = nx; }
          this.next[s] = this.free;
          this.free = s;
          this.keys[k + COUNT]--;
          this.live--;
        } else {
          prev = s;
        }
        s = nx;
      }
    }
  }

  /**
   * Calls `visit(hash, doc, pos)` for every posting of every fingerprint with between `min` and `max` postings.
   * One pass over the key table: how a bulk scan finds all shared fingerprints without a lookup per fingerprint.
   */
  forEachPostingOfKeys(min: number, max: number, visit: (hash: number, doc: number, pos: number) => void): void {
    const keys = this.keys;
    for (let k = 0; k < keys.length; k += STRIDE) {
      const c = keys[k + COUNT];
      if (c < min || c > max) { continue; }
      for (let s = keys[k + HEAD]; s !== EMPTY; s = this.next[s]) { visit(keys[k + HASH] >>> 0, this.doc[s], this.pos[s]); }
    }
  }

  /** Number of postings of `hash`. */
  countOf(hash: number): number {
    const k = this.findKey(hash);
    return k < 0 ? 0 : this.keys[k + COUNT];
  }

  /** The first posting slot of `hash`, or -1; walk on with `nextOf`. Slots expose `docOf` and `posOf`. */
  first(hash: number): number {
    const k = this.findKey(hash);
    return k < 0 ? EMPTY : this.keys[k + HEAD];
  }

  nextOf(slot: number): number {
    return this.next[slot];
  }

  docOf(slot: number): number {
    return this.doc[slot];
  }

  posOf(slot: number): number {
    return this.pos[slot];
  }

  /** Index into `keys` of the slot holding `hash`, or -1. */
  private findKey(hash: number): number {
    const h = hash | 0;
    const keys = this.keys;
    let i = (Math.imul(hash, 0x9e3779b1) >>> 0) & this.keyMask;
    for (;;) {
      const k = i * STRIDE;
      if (keys[k + COUNT] === -1) { return -1; }
      if (keys[k + HASH] === h) { return k; }
      i = (i + 1) & this.keyMask;
    }
  }

  private insertKey(hash: number): number {
    const keys = this.keys;
    let i = (Math.imul(hash, 0x9e3779b1) >>> 0) & this.keyMask;
    while (keys[i * STRIDE + COUNT] !== -1) { i = (i + 1) & this.keyMask; }
    const k = i * STRIDE;
    keys[k + HASH] = hash | 0;
    return k;
  }

  private growKeys(cap = (this.keyMask + 1) * 2): void {
    const old = this.keys;
    this.keyMask = cap - 1;
    this.keys = PostingTable.emptyKeys(cap);
    this.keysUsed = 0;
    for (let k = 0; k < old.length; k += STRIDE) {
      if (old[k + COUNT] <= 0) { continue; } // drop keys whose postings are all gone
      const n = this.insertKey(old[k + HASH] >>> 0);
      this.keys[n + HEAD] = old[k + HEAD];
      this.keys[n + COUNT] = old[k + COUNT];
      this.keysUsed++;
    }
  }

  private growEntries(): void {
    const cap = this.doc.length * 2;
    const doc = new Uint32Array(cap);
    doc.set(this.doc);
    const pos = new Uint32Array(cap);
    pos.set(this.pos);
    const next = new Int32Array(cap);
    next.set(this.next);
    this.doc = doc;
    this.pos = pos;
    this.next = next;
  }
}

/**
 * A Bloom filter of 32-bit fingerprint hashes: whether a hash may stand among those added (false positives about
 * 3 in 100 at the default size, never a false negative). One byte a hash: 27 MB for the 26.6 million fingerprints
 * of 1 GB, where a table of them takes 1.4 GB. It spares an on-demand lookup a pass over every document when the
 * fingerprints looked up (new text typed in) stand nowhere else.
 */
export class HashFilter {
  private readonly bits: Uint32Array;
  private readonly mask: number;

  constructor(expected: number) {
    let bits = 1 << 10;
    while (bits < expected * 8) { bits *= 2; }
    this.bits = new Uint32Array(bits / 32);
    this.mask = bits - 1;
  }

  add(hash: number): void {
    const h1 = Math.imul(hash, 0x9e3779b1);
    const h2 = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b) | 1;
    for (let i = 0; i < 3; i++) {
      const b = (h1 + Math.imul(i, h2)) & this.mask;
      this.bits[b >>> 5] |= 1 << (b & 31);
    }
  }

  mayHave(hash: number): boolean {
    const h1 = Math.imul(hash, 0x9e3779b1);
    const h2 = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b) | 1;
    for (let i = 0; i < 3; i++) {
      const b = (h1 + Math.imul(i, h2)) & this.mask;
      if ((this.bits[b >>> 5] & (1 << (b & 31))) === 0) { return false; }
    }
    return true;
  }
}
