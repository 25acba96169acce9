// Word tokens for fingerprinting: maximal runs of letters and digits, case-folded and hashed as they are read,
// with their offsets kept so that spans map back onto the text exactly. Punctuation and white space are not
// tokens, so re-wrapped lines, changed quotes and dashes do not break a match.

export interface Tokens {
  count: number;
  /** Hash of each token's case-folded text. */
  hash: Uint32Array;
  /** UTF-16 offsets of each token, end exclusive. */
  start: Uint32Array;
  end: Uint32Array;
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
  let start: Uint32Array<ArrayBuffer> = new Uint32Array(cap);
  let end: Uint32Array<ArrayBuffer> = new Uint32Array(cap);
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
      start = grow(start, cap);
      end = grow(end, cap);
    }
    hash[count] = h >>> 0;
    start[count] = s;
    end[count] = i;
    count++;
  }
  return { count, hash: hash.subarray(0, count), start: start.subarray(0, count), end: end.subarray(0, count) };
}

function grow(a: Uint32Array, cap: number): Uint32Array<ArrayBuffer> {
  const b = new Uint32Array(cap);
  b.set(a);
  return b;
}
