// Winnowing (Schleimer, Wilkerson and Aiken, 2003): hash every k-gram of tokens, then keep the minimum hash of
// every window of w consecutive k-gram hashes. Any shared run of at least k + w - 1 tokens is then guaranteed to
// share at least one selected fingerprint, while only about 2 / (w + 1) of the k-grams are kept.
import { mix32 } from '../hash';

export interface Fingerprints {
  count: number;
  /** The selected k-gram hashes. */
  hash: Uint32Array;
  /** Token index where each selected k-gram starts. */
  pos: Uint32Array;
}

/** Rolling-free k-gram hash: a mix of the k token hashes. k is small (5-10), so this is cheap. */
export function kgramHashes(tokenHash: Uint32Array, k: number): Uint32Array {
  const n = tokenHash.length - k + 1;
  if (n <= 0) { return new Uint32Array(0); }
  const out = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    let h = 0x9e3779b9;
    for (let j = 0; j < k; j++) {
      h = Math.imul(h ^ tokenHash[i + j], 0x01000193) ^ (h >>> 15);
    }
    out[i] = mix32(h);
  }
  return out;
}

export function winnow(tokenHash: Uint32Array, k: number, w: number): Fingerprints {
  const grams = kgramHashes(tokenHash, k);
  const n = grams.length;
  const hash = new Uint32Array(Math.max(1, n));
  const pos = new Uint32Array(Math.max(1, n));
  let count = 0;
  if (n === 0) { return { count, hash: hash.subarray(0, 0), pos: pos.subarray(0, 0) }; }
  if (n <= w) {
    // A text shorter than one window: keep its single minimum.
    let m = 0;
    for (let i = 1; i < n; i++) { if (grams[i] <= grams[m]) { m = i; } }
    hash[0] = grams[m];
    pos[0] = m;
    return { count: 1, hash: hash.subarray(0, 1), pos: pos.subarray(0, 1) };
  }
  // Monotone deque of indices with increasing hash values; rightmost minimum wins ties, as in the paper.
  const dq = new Int32Array(n);
  let head = 0;
  let tail = 0;
  let last = -1;
  for (let i = 0; i < n; i++) {
    while (tail > head && grams[dq[tail - 1]] >= grams[i]) { tail--; }
    dq[tail++] = i;
    if (dq[head] <= i - w) { head++; }
    if (i >= w - 1) {
      const m = dq[head];
      if (m !== last) {
        hash[count] = grams[m];
        pos[count] = m;
        count++;
        last = m;
      }
    }
  }
  return { count, hash: hash.subarray(0, count), pos: pos.subarray(0, count) };
}
