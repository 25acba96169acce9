// The reverse index from fingerprint to the places it stands, over typed arrays: an open-addressing table of
// distinct fingerprints, each with its posting count and the head of a linked list of (document, position)
// postings. A lookup touches only its own fingerprint's postings, so a fingerprint that stands in every file
// (a site's navigation bar) costs nothing to the lookups of others, and its count is known without a walk.

const EMPTY = -1;

export class PostingTable {
  private keyMask: number;
  private keyHash: Uint32Array;
  private keyHead: Int32Array;
  /** Postings per key; -1 marks a never-used slot (slots are never freed, so probing stays simple). */
  private keyCount: Int32Array;
  private keysUsed = 0;
  private doc: Uint32Array;
  private pos: Uint32Array;
  private next: Int32Array;
  private size = 0;
  private free = EMPTY;
  private live = 0;

  constructor(expectedPostings = 1 << 16) {
    let cap = 1 << 10;
    while (cap < expectedPostings * 2) { cap <<= 1; }
    this.keyMask = cap - 1;
    this.keyHash = new Uint32Array(cap);
    this.keyHead = new Int32Array(cap).fill(EMPTY);
    this.keyCount = new Int32Array(cap).fill(-1);
    const entries = Math.max(1024, expectedPostings);
    this.doc = new Uint32Array(entries);
    this.pos = new Uint32Array(entries);
    this.next = new Int32Array(entries);
  }

  /** Number of postings held. */
  get count(): number {
    return this.live;
  }

  add(hash: number, doc: number, pos: number): void {
    let k = this.findKey(hash);
    if (k < 0) {
      if ((this.keysUsed + 1) * 10 > this.keyCount.length * 7) { this.growKeys(); } // load factor 0.7
      k = this.insertKey(hash);
      this.keysUsed++;
      this.keyCount[k] = 0;
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
    this.next[slot] = this.keyHead[k];
    this.keyHead[k] = slot;
    this.keyCount[k]++;
    this.live++;
  }

  /** Removes the postings of `doc` under the given hashes (the ones it added). */
  removeDoc(doc: number, hashes: ArrayLike<number>): void {
    for (let i = 0; i < hashes.length; i++) {
      const k = this.findKey(hashes[i]);
      if (k < 0) { continue; }
      let prev = EMPTY;
      let s = this.keyHead[k];
      while (s !== EMPTY) {
        const nx = this.next[s];
        if (this.doc[s] === doc) {
          if (prev === EMPTY) { this.keyHead[k] = nx; } else { this.next[prev] = nx; }
          this.next[s] = this.free;
          this.free = s;
          this.keyCount[k]--;
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
    for (let k = 0; k < this.keyCount.length; k++) {
      const c = this.keyCount[k];
      if (c < min || c > max) { continue; }
      for (let s = this.keyHead[k]; s !== EMPTY; s = this.next[s]) { visit(this.keyHash[k], this.doc[s], this.pos[s]); }
    }
  }

  /** Number of postings of `hash`. */
  countOf(hash: number): number {
    const k = this.findKey(hash);
    return k < 0 ? 0 : this.keyCount[k];
  }

  /** The first posting slot of `hash`, or -1; walk on with `nextOf`. Slots expose `docOf` and `posOf`. */
  first(hash: number): number {
    const k = this.findKey(hash);
    return k < 0 ? EMPTY : this.keyHead[k];
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

  private findKey(hash: number): number {
    let i = (Math.imul(hash, 0x9e3779b1) >>> 0) & this.keyMask;
    for (;;) {
      if (this.keyCount[i] === -1) { return -1; }
      if (this.keyHash[i] === hash) { return i; }
      i = (i + 1) & this.keyMask;
    }
  }

  private insertKey(hash: number): number {
    let i = (Math.imul(hash, 0x9e3779b1) >>> 0) & this.keyMask;
    while (this.keyCount[i] !== -1) { i = (i + 1) & this.keyMask; }
    this.keyHash[i] = hash;
    return i;
  }

  /** Makes room for `postings` postings in all (about as many distinct fingerprints), so a bulk load never rehashes. */
  reserve(postings: number): void {
    let cap = this.keyCount.length;
    while (postings * 10 > cap * 7) { cap *= 2; }
    if (cap > this.keyCount.length) { this.growKeys(cap); }
    if (postings > this.doc.length) { this.growEntries(postings); }
  }

  private growKeys(cap = this.keyCount.length * 2): void {
    const { keyHash, keyHead, keyCount } = this;
    this.keyMask = cap - 1;
    this.keyHash = new Uint32Array(cap);
    this.keyHead = new Int32Array(cap).fill(EMPTY);
    this.keyCount = new Int32Array(cap).fill(-1);
    for (let i = 0; i < keyCount.length; i++) {
      if (keyCount[i] === -1 || keyCount[i] === 0) { continue; } // drop keys whose postings are all gone
      const k = this.insertKey(keyHash[i]);
      this.keyHead[k] = keyHead[i];
      this.keyCount[k] = keyCount[i];
    }
    this.keysUsed = 0;
    for (let i = 0; i < cap; i++) { if (this.keyCount[i] !== -1) { this.keysUsed++; } }
  }

  private growEntries(cap = this.doc.length * 2): void {
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
