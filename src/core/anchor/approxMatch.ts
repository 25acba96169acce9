// Approximate string matching for re-anchoring quotes: Myers' bit-parallel edit-distance algorithm (1999),
// in 32-bit blocks so that a pattern of any length works (the block form Hyyrö describes), plus small exact
// dynamic programs for scoring context. Everything counts UTF-16 code units, like every offset in core.
//
// Why hand-written rather than a library: the one that fits (approx-string-match, which the Hypothesis client
// uses) is small and unmaintained since 2021, and adding a runtime dependency for ~150 lines is not worth it.
// The unit tests check this matcher against a plain dynamic program on random inputs.

/** A match of a pattern in a text: `text.slice(start, end)` is within `errors` edits of the pattern. */
export interface ApproxMatch {
  start: number;
  end: number;
  errors: number;
}

const WORD = 32;

/** A pattern compiled into per-character bit masks, one 32-bit word per block of 32 pattern positions. */
export class BitPattern {
  readonly length: number;
  readonly blocks: number;
  /** Masks of ASCII characters, block by block (`ascii[c * blocks + b]`): the common case, without a lookup. */
  readonly ascii: Int32Array;
  private readonly masks = new Map<number, Int32Array>();
  private readonly zero: Int32Array;
  /** Mask of the bit that holds the pattern's last row, in the last block. */
  readonly lastBit: number;

  constructor(readonly pattern: string) {
    this.length = pattern.length;
    this.blocks = Math.max(1, Math.ceil(pattern.length / WORD));
    this.zero = new Int32Array(this.blocks);
    this.ascii = new Int32Array(128 * this.blocks);
    for (let i = 0; i < pattern.length; i++) {
      const c = pattern.charCodeAt(i);
      let m = this.masks.get(c);
      if (!m) {
        m = new Int32Array(this.blocks);
        this.masks.set(c, m);
      }
      m[(i / WORD) | 0] |= 1 << (i % WORD);
      if (c < 128) { this.ascii[c * this.blocks + ((i / WORD) | 0)] |= 1 << (i % WORD); }
    }
    this.lastBit = 1 << ((pattern.length - 1) % WORD);
  }

  eq(c: number): Int32Array {
    return this.masks.get(c) ?? this.zero;
  }

  /** The mask of `c` in a pattern of one block. */
  eq1(c: number): number {
    return c < 128 ? this.ascii[c] : (this.masks.get(c)?.[0] ?? 0);
  }
}

/** Column state of the edit-distance matrix, as vertical positive/negative delta bit vectors per block. */
class Columns {
  readonly pv: Int32Array;
  readonly mv: Int32Array;
  score: number;

  constructor(readonly p: BitPattern) {
    this.pv = new Int32Array(p.blocks).fill(-1);
    this.mv = new Int32Array(p.blocks);
    this.score = p.length;
  }

  /**
   * Advances one text character. `topDelta` is the change along row 0: 0 when a match may start anywhere
   * (search), +1 when it must start at the first character fed (alignment). Returns the new last-row score.
   */
  advance(c: number, topDelta: 0 | 1): number {
    const blocks = this.p.blocks;
    const ascii = c < 128;
    const eqs = ascii ? this.p.ascii : this.p.eq(c);
    const base = ascii ? c * blocks : 0;
    const last = blocks - 1;
    let hin: number = topDelta;
    for (let b = 0; b <= last; b++) {
      const pv = this.pv[b];
      const mv = this.mv[b];
      const hinNeg = hin < 0 ? 1 : 0;
      const eq = eqs[base + b] | hinNeg;
      const xv = eq | mv;
      // The addition may carry out of 32 bits; `| 0` wraps it, as the block algorithm requires.
      const xh = ((((eq & pv) + pv) | 0) ^ pv) | eq;
      let ph = mv | ~(xh | pv);
      let mh = pv & xh;
      const top = b === last ? this.p.lastBit : 1 << 31;
      const hout = ((ph & top) !== 0 ? 1 : 0) - ((mh & top) !== 0 ? 1 : 0);
      ph = (ph << 1) | (hin > 0 ? 1 : 0);
      mh = (mh << 1) | hinNeg;
      this.pv[b] = mh | ~(xv | ph);
      this.mv[b] = ph & xv;
      hin = hout;
    }
    this.score += hin;
    return this.score;
  }
}

/**
 * Calls `onEnd(end, errors)` for every position `end` in (from, to] where some substring of
 * `text[from, to)` ending at `end` is within `maxErrors` edits of the pattern; `errors` is the least such
 * distance. Cost: (to - from) * ceil(m / 32) block steps.
 */
export function scanMatchEnds(
  p: BitPattern, text: string, from: number, to: number, maxErrors: number,
  onEnd: (end: number, errors: number) => void,
): void {
  if (p.length === 0) { return; }
  if (p.blocks === 1) {
    // One word: the loop of Columns.advance unrolled, with no array traffic; most quotes take this path.
    let pv = -1;
    let mv = 0;
    let score = p.length;
    const last = p.lastBit;
    for (let j = from; j < to; j++) {
      const eq = p.eq1(text.charCodeAt(j));
      const xv = eq | mv;
      const xh = ((((eq & pv) + pv) | 0) ^ pv) | eq;
      let ph = mv | ~(xh | pv);
      let mh = pv & xh;
      if ((ph & last) !== 0) { score++; } else if ((mh & last) !== 0) { score--; }
      ph <<= 1;
      mh <<= 1;
      pv = mh | ~(xv | ph);
      mv = ph & xv;
      if (score <= maxErrors) { onEnd(j + 1, score); }
    }
    return;
  }
  const cols = new Columns(p);
  for (let j = from; j < to; j++) {
    const score = cols.advance(text.charCodeAt(j), 0);
    if (score <= maxErrors) { onEnd(j + 1, score); }
  }
}

/**
 * For a match ending at `end`, the starts in [minStart, end) with the least edit distance between the
 * pattern and `text.slice(start, end)`, and that distance. `reversed` is the pattern compiled backwards.
 */
export function bestStartsFor(
  reversed: BitPattern, text: string, end: number, minStart: number,
): { starts: number[]; errors: number } {
  const cols = new Columns(reversed);
  let best = reversed.length; // start === end: delete the whole pattern
  let starts = [end];
  for (let i = end - 1; i >= minStart; i--) {
    const score = cols.advance(text.charCodeAt(i), 1);
    if (score < best) {
      best = score;
      starts = [i];
    } else if (score === best) {
      starts.push(i);
    }
  }
  return { starts, errors: best };
}

export function reverseString(s: string): string {
  let out = '';
  for (let i = s.length - 1; i >= 0; i--) { out += s[i]; }
  return out;
}

/** Plain Levenshtein distance (insert, delete, substitute all cost 1). For short strings and tests. */
export function editDistance(a: string, b: string): number {
  if (a.length === 0) { return b.length; }
  if (b.length === 0) { return a.length; }
  let prev = new Uint32Array(b.length + 1);
  let cur = new Uint32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) { prev[j] = j; }
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const sub = prev[j - 1] + (ca === b.charCodeAt(j - 1) ? 0 : 1);
      cur[j] = Math.min(sub, prev[j] + 1, cur[j - 1] + 1);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length];
}

/**
 * How well `context` matches the text that ends at `pos` (side 'before') or begins at `pos` (side 'after'):
 * the least edit distance between the context and a stretch of text pinned to `pos` on one side and free on
 * the other, so that a context cut one character longer or shorter still scores well. The similarity
 * (1 - d / length) is averaged over the nearest 8, the nearest 16 and all code units of the context, so the
 * characters next to the quote count most: an edit twenty characters away says less than one beside it.
 */
export function contextSimilarity(context: string, text: string, pos: number, side: 'before' | 'after'): number {
  const n = context.length;
  if (n === 0) { return 1; }
  const span = n + Math.ceil(n / 2) + 1;
  // Work outward from pos: row i is the i-th context character counted from pos, column j likewise in the text.
  const ctxAt = side === 'before' ? (i: number) => context.charCodeAt(n - 1 - i) : (i: number) => context.charCodeAt(i);
  const avail = side === 'before' ? Math.min(span, pos) : Math.min(span, text.length - pos);
  const txtAt = side === 'before' ? (j: number) => text.charCodeAt(pos - 1 - j) : (j: number) => text.charCodeAt(pos + j);
  let prev = new Uint32Array(avail + 1);
  let cur = new Uint32Array(avail + 1);
  for (let j = 0; j <= avail; j++) { prev[j] = j; }
  let total = 0;
  let scales = 0;
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    const c = ctxAt(i - 1);
    for (let j = 1; j <= avail; j++) {
      const sub = prev[j - 1] + (c === txtAt(j - 1) ? 0 : 1);
      cur[j] = Math.min(sub, prev[j] + 1, cur[j - 1] + 1);
    }
    [prev, cur] = [cur, prev];
    if (i === 8 || i === 16 || i === n) {
      let d = i;
      for (let j = 0; j <= avail; j++) { d = Math.min(d, prev[j]); }
      total += 1 - d / i;
      scales++;
    }
  }
  return total / scales;
}
