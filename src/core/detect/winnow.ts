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

/**
 * Polynomial rolling hash of every k-gram of token hashes (mod 2^32), then mixed so that the minimum of a
 * window is a fair sample. One multiply-add per token instead of k.
 */
export function kgramHashes(tokenHash: Uint32Array, k: number): Uint32Array {
  const n = tokenHash.length - k + 1;
  if (n <= 0) { return new Uint32Array(0); }
  const B = 0x01000193;
  let bk = 1; // B^(k-1)
  for (let j = 1; j < k; j++) { bk = Math.imul(bk, B); }
  const out = new Uint32Array(n);
  let h = 0;
  for (let j = 0; j < k; j++) { h = (Math.imul(h, B) + tokenHash[j]) | 0; }
  out[0] = mix32(h);
  for (let i = 1; i < n; i++) {
    h = (Math.imul((h - Math.imul(tokenHash[i - 1], bk)) | 0, B) + tokenHash[i + k - 1]) | 0;
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
  if (n === 0) { return { count, hash: new Uint32Array(0), pos: new Uint32Array(0) }; }
  if (n <= w) {
    // A text shorter than one window: keep its single minimum.
    let m = 0;
    for (let i = 1; i < n; i++) { if (grams[i] <= grams[m]) { m = i; } }
    hash[0] = grams[m];
    pos[0] = m;
    return { count: 1, hash: hash.slice(0, 1), pos: pos.slice(0, 1) };
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
  // Copies of exactly the right size: the buffers above hold a slot per k-gram, about 5 times the fingerprints
  // (a subarray would keep them whole, and a worker would transfer them whole to the index).
  return { count, hash: hash.slice(0, count), pos: pos.slice(0, count) };
}
