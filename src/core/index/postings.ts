// The reverse index from fingerprint to the places it stands: a chained hash table over typed arrays, so that
// tens of millions of postings cost 16 bytes each instead of a JavaScript object each. Postings of a removed
// document are unlinked from their chains and their slots reused.

const EMPTY = -1;

export class PostingTable {
  private mask: number;
  private heads: Int32Array;
  private hash: Uint32Array;
  private doc: Uint32Array;
  private pos: Uint32Array;
  private next: Int32Array;
  private size = 0;
  private free = EMPTY;
  private live = 0;

  constructor(expectedPostings = 1 << 16) {
    let buckets = 1 << 10;
    while (buckets < expectedPostings) { buckets <<= 1; }
    this.mask = buckets - 1;
    this.heads = new Int32Array(buckets).fill(EMPTY);
    const cap = Math.max(1024, expectedPostings);
    this.hash = new Uint32Array(cap);
    this.doc = new Uint32Array(cap);
    this.pos = new Uint32Array(cap);
    this.next = new Int32Array(cap);
  }

  get count(): number {
    return this.live;
  }

  /** Bytes held by the table's arrays. */
  get byteSize(): number {
    return this.heads.byteLength + this.hash.byteLength * 4;
  }

  add(hash: number, doc: number, pos: number): void {
    let slot: number;
    if (this.free !== EMPTY) {
      slot = this.free;
      this.free = this.next[slot];
    } else {
      if (this.size === this.hash.length) { this.growEntries(); }
      slot = this.size++;
    }
    this.live++;
    if (this.live > this.heads.length * 2) { this.rehash(this.heads.length * 4); }
    const b = hash & this.mask;
    this.hash[slot] = hash;
    this.doc[slot] = doc;
    this.pos[slot] = pos;
    this.next[slot] = this.heads[b];
    this.heads[b] = slot;
  }

  /** Removes the postings of `doc` for the given hashes (the ones it added). */
  removeDoc(doc: number, hashes: ArrayLike<number>): void {
    for (let i = 0; i < hashes.length; i++) {
      const h = hashes[i];
      const b = h & this.mask;
      let prev = EMPTY;
      let s = this.heads[b];
      while (s !== EMPTY) {
        const nx = this.next[s];
        if (this.doc[s] === doc && this.hash[s] === h) {
          if (prev === EMPTY) { this.heads[b] = nx; } else { this.next[prev] = nx; }
          this.next[s] = this.free;
          this.free = s;
          this.live--;
        } else {
          prev = s;
        }
        s = nx;
      }
    }
  }

  /** The first posting slot of `hash`, or -1; walk on with `nextOf`. Slots expose `docOf` and `posOf`. */
  first(hash: number): number {
    let s = this.heads[hash & this.mask];
    while (s !== EMPTY && this.hash[s] !== hash) { s = this.next[s]; }
    return s;
  }

  nextOf(slot: number): number {
    const h = this.hash[slot];
    let s = this.next[slot];
    while (s !== EMPTY && this.hash[s] !== h) { s = this.next[s]; }
    return s;
  }

  docOf(slot: number): number {
    return this.doc[slot];
  }

  posOf(slot: number): number {
    return this.pos[slot];
  }

  /** Number of postings of `hash`, counting at most up to `limit + 1`. */
  countUpTo(hash: number, limit: number): number {
    let n = 0;
    for (let s = this.first(hash); s !== EMPTY && n <= limit; s = this.nextOf(s)) { n++; }
    return n;
  }

  private growEntries(): void {
    const cap = this.hash.length * 2;
    const grow32 = (a: Uint32Array) => { const b = new Uint32Array(cap); b.set(a); return b; };
    this.hash = grow32(this.hash);
    this.doc = grow32(this.doc);
    this.pos = grow32(this.pos);
    const nx = new Int32Array(cap);
    nx.set(this.next);
    this.next = nx;
  }

  private rehash(buckets: number): void {
    const heads = new Int32Array(buckets).fill(EMPTY);
    const mask = buckets - 1;
    for (let b = 0; b < this.heads.length; b++) {
      let s = this.heads[b];
      while (s !== EMPTY) {
        const nx = this.next[s];
        const nb = this.hash[s] & mask;
        this.next[s] = heads[nb];
        heads[nb] = s;
        s = nx;
      }
    }
    this.heads = heads;
    this.mask = mask;
  }
}
