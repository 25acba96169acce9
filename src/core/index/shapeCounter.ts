// Counts of files per block shape, in an open-addressing table over typed arrays. Shapes are 52-bit integers;
// a JavaScript Map keyed by them boxes every key as a heap number, which made linking a document's shapes the
// slowest step of indexing. Here a key is two 32-bit halves and a lookup is a few array reads.

export class ShapeCounter {
  private hi: Uint32Array;
  private lo: Uint32Array;
  private counts: Int32Array;
  private used = 0;
  private mask: number;

  constructor(capacity = 1 << 16) {
    let cap = 1 << 10;
    while (cap < capacity * 2) { cap <<= 1; }
    this.mask = cap - 1;
    this.hi = new Uint32Array(cap);
    this.lo = new Uint32Array(cap);
    this.counts = new Int32Array(cap).fill(-1); // -1: empty slot
  }

  get(shape: number): number {
    const slot = this.find(shape);
    return slot >= 0 && this.counts[slot] > 0 ? this.counts[slot] : 0;
  }

  add(shape: number, delta: number): void {
    let slot = this.find(shape);
    if (slot < 0) {
      if (delta <= 0) { return; }
      if ((this.used + 1) * 2 > this.counts.length) { this.grow(); }
      slot = this.insertSlot(shape);
      this.used++;
      this.counts[slot] = 0;
    }
    this.counts[slot] = Math.max(0, this.counts[slot] + delta);
  }

  /** The slot holding `shape`, or -1. Slots are never freed (a count may fall to 0), so probing stays simple. */
  private find(shape: number): number {
    const h = Math.floor(shape / 0x100000000) >>> 0;
    const l = shape >>> 0;
    let i = (Math.imul(l ^ h, 0x9e3779b1) >>> 0) & this.mask;
    for (;;) {
      if (this.counts[i] === -1) { return -1; }
      if (this.lo[i] === l && this.hi[i] === h) { return i; }
      i = (i + 1) & this.mask;
    }
  }

  private insertSlot(shape: number): number {
    const h = Math.floor(shape / 0x100000000) >>> 0;
    const l = shape >>> 0;
    let i = (Math.imul(l ^ h, 0x9e3779b1) >>> 0) & this.mask;
    while (this.counts[i] !== -1) { i = (i + 1) & this.mask; }
    this.hi[i] = h;
    this.lo[i] = l;
    return i;
  }

  private grow(): void {
    const { hi, lo, counts } = this;
    const cap = counts.length * 2;
    this.mask = cap - 1;
    this.hi = new Uint32Array(cap);
    this.lo = new Uint32Array(cap);
    this.counts = new Int32Array(cap).fill(-1);
    for (let i = 0; i < counts.length; i++) {
      if (counts[i] === -1) { continue; }
      const slot = this.insertSlot(hi[i] * 0x100000000 + lo[i]);
      this.counts[slot] = counts[i];
    }
  }
}
