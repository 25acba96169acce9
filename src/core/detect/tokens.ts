// Word tokens for fingerprinting: maximal runs of letters and digits, case-folded and hashed as they are read,
// with their offsets kept so that spans map back onto the text exactly. Punctuation and white space are not
// tokens, so re-wrapped lines, changed quotes and dashes do not break a match.
import { TokenOffsets, TokenOffsetsBuilder } from './tokenOffsets';

export interface Tokens {
  count: number;
  /** Hash of each token's case-folded text. */
  hash: Uint32Array;
  /** UTF-16 offsets of each token, end exclusive, packed (read only at the ends of passages). */
  offsets: TokenOffsets;
}

const WORD_RE = /[\p{L}\p{N}\p{M}]/u;

function isWordCode(c: number): boolean {
  if (c < 128) {
    return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  }
  if (c >= 0xd800 && c <= 0xdfff) {
    return true; // a surrogate half: treat astral letters and emoji alike as word characters
  }
  return WORD_RE.test(String.fromCharCode(c));
}

/** Character class cache for the BMP outside ASCII: 0 unknown, 1 word, 2 not. */
const bmpClass = new Uint8Array(65536);

function isWord(c: number): boolean {
  if (c < 128 || (c >= 0xd800 && c <= 0xdfff)) { return isWordCode(c); }
  let k = bmpClass[c];
  if (k === 0) {
    k = isWordCode(c) ? 1 : 2;
    bmpClass[c] = k;
  }
  return k === 1;
}

export function tokenize(text: string): Tokens {
  const n = text.length;
  let cap = Math.max(16, (n / 5) | 0);
  let hash: Uint32Array<ArrayBuffer> = new Uint32Array(cap);
  const offsets = new TokenOffsetsBuilder(cap);
  let count = 0;
  let i = 0;
  while (i < n) {
    let c = text.charCodeAt(i);
    // ASCII is tested inline: it is nearly all of the text in an English corpus.
    const word = c < 128 ? ((c | 0x20) >= 97 && (c | 0x20) <= 122) || (c >= 48 && c <= 57) : isWord(c);
    if (!word) { i++; continue; }
    const s = i;
    let h = 0x811c9dc5;
    for (;;) {
      if (c >= 65 && c <= 90) { c |= 0x20; }
      h = Math.imul(h ^ c, 0x01000193);
      if (++i >= n) { break; }
      c = text.charCodeAt(i);
      if (c < 128) {
        if (!(((c | 0x20) >= 97 && (c | 0x20) <= 122) || (c >= 48 && c <= 57))) { break; }
      } else if (!isWord(c)) {
        break;
      }
    }
    if (count === cap) {
      cap *= 2;
      hash = grow(hash, cap);
    }
    hash[count] = h >>> 0;
    offsets.add(s, i);
    count++;
  }
  // A copy of exactly the right size: a subarray would keep (and transfer) the whole grown buffer.
  return { count, hash: hash.slice(0, count), offsets: offsets.finish() };
}

function grow(a: Uint32Array, cap: number): Uint32Array<ArrayBuffer> {
  const b = new Uint32Array(cap);
  b.set(a);
  return b;
}
