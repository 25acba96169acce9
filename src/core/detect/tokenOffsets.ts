// Where each word token stands in its text, in about 1 byte a word instead of 8. The span search compares
// token hashes only; offsets are read just at the two ends of each reported passage (and where the chrome at a
// passage's ends is cut off), so a few dozen additions per lookup cost nothing, while two Uint32Arrays per
// document were half of the index's memory at 1 GB.
//
// Layout: per token one byte, its high half the gap since the previous token's end (0-14) and its low half the
// token's length less one (1-15 characters); the exact start of every 64th token (an anchor, whose gap is not
// stored); and, for the rare gap or length that does not fit (15 in its half), the value in a sorted side table
// of (2 * token + 0 for the gap or 1 for the length, value) pairs. Nearly all words of news text are at most 15
// characters long and stand at most 14 characters after the previous one, so the side table stays small.

const BLOCK = 64;
/** A half byte of 15: the value is in the side table. */
const ESCAPE = 15;

/** The packed arrays, as they travel between threads. */
export interface PackedOffsets {
  bytes: Uint8Array;
  anchors: Uint32Array;
  long: Uint32Array;
}

export class TokenOffsets {
  constructor(readonly packed: PackedOffsets) {}

  get count(): number { return this.packed.bytes.length; }

  /** UTF-16 offset of token i's first character. */
  start(i: number): number {
    this.check(i);
    const b = i >>> 6;
    let p = this.packed.anchors[b];
    for (let j = b * BLOCK; j < i; j++) { p += this.length(j) + this.gap(j + 1); }
    return p;
  }

  /**
   * Index of the first token that starts at or after `offset` (count when none does): a search over the anchors,
   * then one walk within a block, where a search over start() would walk a block at every step.
   */
  firstAt(offset: number): number {
    const anchors = this.packed.anchors;
    let lo = 0;
    let hi = anchors.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (anchors[mid] < offset) { lo = mid + 1; } else { hi = mid; }
    }
    // Block lo starts at or after offset; so, if any token of block lo - 1 does, the first of them is the answer.
    if (lo === 0) { return 0; }
    const last = Math.min(lo * BLOCK, this.count);
    let p = anchors[lo - 1];
    for (let j = (lo - 1) * BLOCK + 1; j < last; j++) {
      p += this.length(j - 1) + this.gap(j);
      if (p >= offset) { return j; }
    }
    return last;
  }

  /** UTF-16 offset just past token i's last character. */
  end(i: number): number {
    return this.start(i) + this.length(i);
  }

  private check(i: number): void {
    if (!Number.isInteger(i) || i < 0 || i >= this.count) {
      throw new RangeError(`token ${i} is outside 0-${this.count - 1}`);
    }
  }

  private gap(i: number): number {
    const v = this.packed.bytes[i] >>> 4;
    return v < ESCAPE ? v : longValue(this.packed.long, 2 * i);
  }

  private length(i: number): number {
    const v = this.packed.bytes[i] & 15;
    return v < ESCAPE ? v + 1 : longValue(this.packed.long, 2 * i + 1);
  }
}

function longValue(long: Uint32Array, key: number): number {
  let lo = 0;
  let hi = (long.length >> 1) - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const k = long[2 * mid];
    if (k < key) { lo = mid + 1; } else if (k > key) { hi = mid - 1; } else { return long[2 * mid + 1]; }
  }
  throw new Error(`token offsets: no entry for field ${key} in the side table`);
}

/** Collects offsets in text order; `finish` returns arrays of exactly the size needed. */
export class TokenOffsetsBuilder {
  private bytes: Uint8Array<ArrayBuffer>;
  private anchors: Uint32Array<ArrayBuffer>;
  private readonly long: number[] = [];
  private count = 0;
  private lastEnd = 0;

  constructor(capacity: number) {
    this.bytes = new Uint8Array(Math.max(16, capacity));
    this.anchors = new Uint32Array(Math.ceil(Math.max(16, capacity) / BLOCK));
  }

  add(start: number, end: number): void {
    const i = this.count;
    if (i === this.bytes.length) {
      const grown = new Uint8Array(this.bytes.length * 2);
      grown.set(this.bytes);
      this.bytes = grown;
    }
    let gap = 0;
    if (i % BLOCK === 0) {
      const b = i / BLOCK;
      if (b === this.anchors.length) {
        const grown = new Uint32Array(this.anchors.length * 2);
        grown.set(this.anchors);
        this.anchors = grown;
      }
      this.anchors[b] = start;
    } else {
      gap = start - this.lastEnd;
      if (gap >= ESCAPE) {
        this.long.push(2 * i, gap);
        gap = ESCAPE;
      }
    }
    let len = end - start - 1;
    if (len < 0 || len >= ESCAPE) {
      this.long.push(2 * i + 1, end - start);
      len = ESCAPE;
    }
    this.bytes[i] = (gap << 4) | len;
    this.lastEnd = end;
    this.count++;
  }

  finish(): TokenOffsets {
    return new TokenOffsets({
      bytes: this.bytes.slice(0, this.count),
      anchors: this.anchors.slice(0, Math.ceil(this.count / BLOCK)),
      long: Uint32Array.from(this.long),
    });
  }
}
