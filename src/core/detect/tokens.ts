// Word tokens for fingerprinting: maximal runs of letters and digits, case-folded and hashed as they are read,
// with their offsets kept so that spans map back onto the text exactly. Punctuation and white space are not
// tokens, so re-wrapped lines, changed quotes and dashes do not break a match.
//
// A word's hash is kept in 16 bits: the index holds one per word of every file that shares a fingerprint (147
// million at 1 GB), and the span search only compares the words of two places already known to share a k-gram
// (whose fingerprint is the full 32-bit hash of the k-gram's 32-bit word hashes). Two different words then agree
// by chance once in 65,536 comparisons, which can lengthen a passage by a word at its end about that often;
// every k-gram check and every resynchronization after an edit compares several words at once.
import { TokenOffsets, TokenOffsetsBuilder } from './tokenOffsets';

export interface Tokens {
  count: number;
  /** 16-bit hash of each token's case-folded text (see wordHash16). */
  hash: Uint16Array;
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

/** Each ASCII code unit as the tokenizer hashes it: a letter in lower case, a digit as it is, 0 for no word character. */
const asciiFold = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  asciiFold[c] = c >= 65 && c <= 90 ? c | 0x20 : (c >= 97 && c <= 122) || (c >= 48 && c <= 57) ? c : 0;
}

/** A word's 32-bit hash folded to the 16 bits a Tokens list keeps (the two halves xor'ed, as FNV advises). */
export function wordHash16(h: number): number {
  return (h ^ (h >>> 16)) & 0xffff;
}

/**
 * What else a tokenizer's pass can feed (BlockShaper: the block shapes): each word as it is read, with its 32-bit
 * hash, and each character above ASCII.
 */
export interface WordSink {
  word(start: number, end: number, hash: number): void;
  nonAscii(at: number, code: number, inWord: boolean): void;
}

export function tokenize(text: string): Tokens {
  return tokenizeWide(text).tokens;
}

/**
 * The tokens, and each word's full 32-bit hash (`wide`), which the fingerprints are made from: a k-gram's hash
 * then has the 32 bits of each of its words behind it, so the narrow hashes the span search keeps do not add
 * collisions between fingerprints. `shaper` is given each word and each character above ASCII on the way.
 */
export function tokenizeWide(text: string, shaper?: WordSink): { tokens: Tokens; wide: Uint32Array } {
  const n = text.length;
  let cap = Math.max(16, (n / 5) | 0);
  let hash: Uint32Array<ArrayBuffer> = new Uint32Array(cap);
  const offsets = new TokenOffsetsBuilder(cap);
  let count = 0;
  let i = 0;
  while (i < n) {
    let c = text.charCodeAt(i);
    // ASCII is looked up (asciiFold): it is nearly all of the text in an English corpus.
    let f: number;
    if (c < 128) {
      f = asciiFold[c];
    } else {
      f = isWord(c) ? c : 0;
      shaper?.nonAscii(i, c, f !== 0);
    }
    if (f === 0) { i++; continue; }
    const s = i;
    let h = 0x811c9dc5;
    for (;;) {
      h = Math.imul(h ^ f, 0x01000193);
      if (++i >= n) { break; }
      c = text.charCodeAt(i);
      if (c < 128) {
        f = asciiFold[c];
      } else {
        f = isWord(c) ? c : 0;
        shaper?.nonAscii(i, c, f !== 0);
      }
      if (f === 0) { break; }
    }
    shaper?.word(s, i, h);
    if (count === cap) {
      cap *= 2;
      hash = grow(hash, cap);
    }
    hash[count] = h >>> 0;
    offsets.add(s, i);
    count++;
  }
  // Copies of exactly the right size: a subarray would keep (and transfer) the whole grown buffer.
  const wide = hash.slice(0, count);
  const narrow = new Uint16Array(count);
  for (let j = 0; j < count; j++) { narrow[j] = wordHash16(wide[j]); }
  return { tokens: { count, hash: narrow, offsets: offsets.finish() }, wide };
}

function grow(a: Uint32Array, cap: number): Uint32Array<ArrayBuffer> {
  const b = new Uint32Array(cap);
  b.set(a);
  return b;
}
