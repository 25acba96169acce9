// The units the boilerplate detector judges, and what it measures on each. A unit is a line, or a whole block
// when the block is one hard-wrapped paragraph (lines of similar width, as in e-texts). Measures are taken in one
// pass over the characters, allocating once per word (for the stop-word lookup), never per character.
import { Block, TextModel } from '../text';
import { mix32 } from '../hash';
import type { StopwordList } from './stopwords';

export interface Unit {
  /** Offsets of the trimmed text, end exclusive (UTF-16 code units). */
  start: number;
  end: number;
  /** Index of the block that holds the unit. */
  block: number;
  /** True when the unit is the whole of its block. */
  wholeBlock: boolean;
}

export interface UnitMeasures {
  /** Length of the trimmed text in UTF-16 code units. */
  chars: number;
  /** Words (runs of letters or digits). */
  words: number;
  /**
   * Words that are function words of the unit's language: the document's, or its second language when the unit
   * has more of those (a quotation, a product name or a line of English on a German page).
   */
  stops: number;
  /** Words that start with a capital letter. */
  capWords: number;
  /** Words with letters (not numbers only). */
  letterWords: number;
  /** Words glued from two links ("SubscribeSign", "HomeLatest"): a lower-case letter followed by a capital one. */
  glued: number;
  /** The text ends like a sentence: . ! ? … or : (closing quotes and brackets skipped), but not with "...". */
  terminal: boolean;
  /** The line starts with a list marker: - • * · ▪ ► or "1." / "1)". */
  bullet: boolean;
  /** The unit's shape (see `measure`); 0 when it has no letter. */
  shape: number;
  /** Digits (0-9) in the unit. */
  digits: number;
  /** The gate bits of the unit's words (`measure`'s `gate` map), OR-ed together. */
  gateBits: number;
  /** Marks (cues.ts `Mark` bits) of the characters in the unit: © ® ™, menu separators, @. */
  marks: number;
}

/** The `Mark` bit of a character that is neither letter nor digit (see cues.ts). */
function markOf(c: number): number {
  switch (c) {
    case 0xa9: case 0xae: case 0x2122: return 1;
    case 0x203a: case 0xbb: case 0x7c: case 0x2022: case 0xb7: case 0x2f: case 0x3e: return 2;
    case 0x40: return 4;
    default: return 0;
  }
}

const enum Ch {
  Space = 32, Tab = 9, Dash = 45, Star = 42, Dot = 46, Paren = 41, Colon = 58, Excl = 33, Quest = 63,
}

/** Splits blocks into units: each line on its own unless the block reads as one hard-wrapped paragraph. */
export function splitUnits(model: TextModel, blocks: Block[]): Unit[] {
  const units: Unit[] = [];
  blocks.forEach((b, bi) => {
    if (b.startLine === b.endLine || isHardWrapped(model, b)) {
      units.push({ start: b.start, end: b.end, block: bi, wholeBlock: true });
      return;
    }
    for (let l = b.startLine; l <= b.endLine; l++) {
      let s = model.lineStart(l);
      let e = model.lineEnd(l);
      while (s < e && isSpace(model.text.charCodeAt(s))) { s++; }
      while (e > s && isSpace(model.text.charCodeAt(e - 1))) { e--; }
      if (e > s) { units.push({ start: s, end: e, block: bi, wholeBlock: false }); }
    }
  });
  return joinBrokenSentences(model.text, units);
}

/** A sentence broken over this many lines at most is judged as one unit. */
const MAX_BROKEN_LINES = 6;

/**
 * The units with each sentence broken over several lines (a <br> inside a paragraph, or a scraper's one block per
 * line: a line that does not end like a sentence, the next one starting in lower case on the very next line)
 * joined into one unit, when the last of them ends like a sentence. Judged line by line, each piece is too short to
 * be prose and falls to its boilerplate neighbours. A run of lower-case tags or menu items never ends like a
 * sentence, so it stays a run of lines.
 */
function joinBrokenSentences(text: string, units: Unit[]): Unit[] {
  const out: Unit[] = [];
  let i = 0;
  while (i < units.length) {
    let j = i;
    while (j + 1 < units.length && j - i + 1 < MAX_BROKEN_LINES && continues(text, units[j], units[j + 1])) { j++; }
    if (j > i && endsLikeSentence(text, units[j].start, units[j].end)) {
      out.push({ start: units[i].start, end: units[j].end, block: units[i].block, wholeBlock: false });
      i = j + 1;
    } else {
      out.push(units[i]);
      i++;
    }
  }
  return out;
}

/**
 * Unit `b` goes on with the sentence of unit `a`: `a` ends in a letter or a comma, `b` starts with a
 * lower-case letter on the next line (one line break between them, no blank line).
 */
function continues(text: string, a: Unit, b: Unit): boolean {
  const last = text.charCodeAt(a.end - 1);
  if (!(last === 0x2c || isLetter(last)) || !isLower(text.charCodeAt(b.start))) { return false; }
  let breaks = 0;
  for (let k = a.end; k < b.start; k++) {
    const c = text.charCodeAt(k);
    if (c === 0x0a) { if (++breaks > 1) { return false; } } else if (!isSpace(c) && c !== 0x0d) { return false; }
  }
  return breaks === 1 && !startsWithBullet(text, b.start);
}

/** A block of 2+ lines of similar width (40-120 units), none of them a list item: a wrapped paragraph. */
function isHardWrapped(model: TextModel, b: Block): boolean {
  let max = 0;
  for (let l = b.startLine; l <= b.endLine; l++) {
    const len = model.lineEnd(l) - model.lineStart(l);
    if (len > max) { max = len; }
  }
  if (max < 40 || max > 120) { return false; }
  let wide = 0;
  for (let l = b.startLine; l < b.endLine; l++) {
    const s = model.lineStart(l);
    const len = model.lineEnd(l) - s;
    if (len >= 0.6 * max) { wide++; }
    if (startsWithBullet(model.text, s + leadingSpace(model.text, s, model.lineEnd(l)))) { return false; }
  }
  return wide >= 0.8 * (b.endLine - b.startLine);
}

function leadingSpace(text: string, s: number, e: number): number {
  let i = s;
  while (i < e && isSpace(text.charCodeAt(i))) { i++; }
  return i - s;
}

function isSpace(c: number): boolean {
  return c === Ch.Space || c === Ch.Tab || c === 0xa0 || c === 0x3000 || c === 0xfeff || c === 0x200b;
}

/** Letters of any script (an approximation that needs no per-character regex): ASCII letters, Latin-1 and up, minus punctuation, symbol and surrogate ranges. */
export function isLetter(c: number): boolean {
  if (c < 0x80) { return (c >= 97 && c <= 122) || (c >= 65 && c <= 90); }
  if (c < 0xc0) { return c === 0xaa || c === 0xb5 || c === 0xba; }
  if (c === 0xd7 || c === 0xf7) { return false; }
  if (c >= 0x2000 && c <= 0x2bff) { return false; } // punctuation, symbols, arrows, dingbats
  if (c >= 0x3000 && c <= 0x303f) { return false; } // CJK punctuation
  if (c >= 0xd800 && c <= 0xdfff) { return false; } // surrogates: emoji and other astral symbols
  if (c >= 0xfe00 && c <= 0xfe0f) { return false; } // variation selectors
  if (c >= 0xff00 && c <= 0xff20) { return false; } // full-width punctuation
  return true;
}

/**
 * Han ideographs and kana: Chinese and Japanese are written without spaces, so each such character is a word of
 * its own (the stop-word lists keep their one-character function words: の, は, 的, 了).
 */
export function isCjk(c: number): boolean {
  return (c >= 0x3040 && c <= 0x30ff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff);
}

function isUpper(c: number): boolean {
  if (c < 0x80) { return c >= 65 && c <= 90; }
  return c >= 0xc0 && c <= 0xde && c !== 0xd7 || (c >= 0x391 && c <= 0x3a9) || (c >= 0x410 && c <= 0x42f);
}

function isLower(c: number): boolean {
  if (c < 0x80) { return c >= 97 && c <= 122; }
  return c >= 0xdf && c <= 0xff && c !== 0xf7 || (c >= 0x3b1 && c <= 0x3c9) || (c >= 0x430 && c <= 0x44f);
}

const enum Kind { Other = 0, Lower = 1, Upper = 2, Digit = 3, Letter = 4 }

/** Kinds of the ASCII code units, looked up instead of tested. */
const asciiKind = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  asciiKind[c] = c >= 97 && c <= 122 ? Kind.Lower : c >= 65 && c <= 90 ? Kind.Upper : c >= 48 && c <= 57 ? Kind.Digit : Kind.Other;
}

function kindOf(c: number): Kind {
  if (c < 128) { return asciiKind[c]; }
  if (!isLetter(c)) { return Kind.Other; }
  return isUpper(c) ? Kind.Upper : isLower(c) ? Kind.Lower : Kind.Letter;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function startsWithBullet(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  const next = text.charCodeAt(i + 1);
  if ((c === Ch.Dash || c === Ch.Star || c === 0x2022 || c === 0xb7 || c === 0x25aa || c === 0x25ba || c === 0x2013 || c === 0x25cf) && (next === Ch.Space || next === Ch.Tab)) {
    return true;
  }
  if (isDigit(c)) {
    let j = i + 1;
    while (isDigit(text.charCodeAt(j))) { j++; }
    const d = text.charCodeAt(j);
    return (d === Ch.Dot || d === Ch.Paren) && (text.charCodeAt(j + 1) === Ch.Space || text.charCodeAt(j + 1) === Ch.Tab);
  }
  return false;
}

// Closing quotes of every convention: English ” ’, German “ ‘ (opened by „ ‚), French » ›, Danish « ‹.
const closing = new Set([0x22, 0x27, 0x29, 0x5d, 0x201d, 0x2019, 0x201c, 0x2018, 0xbb, 0xab, 0x203a, 0x2039, 0x2a]);

/** Lower case of a code unit for hashing: ASCII, Latin-1, Greek and Cyrillic capitals; ’ folds to '. */
function lowerCode(c: number): number {
  if (c < 0x80) { return c >= 65 && c <= 90 ? c + 32 : c; }
  if (c >= 0xc0 && c <= 0xde && c !== 0xd7) { return c + 32; }
  if ((c >= 0x410 && c <= 0x42f) || (c >= 0x391 && c <= 0x3a9)) { return c + 32; }
  return c === 0x2019 ? 0x27 : c;
}

/** FNV-1a basis as a signed 32-bit integer: word hashes stay int32 (small integers to V8, never boxed). */
const FNV_BASIS = 0x811c9dc5 | 0;

/** 32-bit FNV-1a (signed) of a word's lower-cased code units: how stop words and folded words are looked up without slicing. */
export function wordHash(word: string): number {
  let h = FNV_BASIS;
  for (let i = 0; i < word.length; i++) { h = Math.imul(h ^ lowerCode(word.charCodeAt(i)), 0x01000193); }
  return h;
}

/**
 * Shapes hash the sequence of a unit's tokens, a token being a word's lower-case hash (the same FNV-1a as
 * wordHash), FOLDED_TOKEN for a folded word, or NUMBER_TOKEN for a run of numbers: one step per word, not per
 * character. (Word hashes are never these small values in practice; a clash would only merge two shapes.)
 */
const FOLDED_TOKEN = 35;
const NUMBER_TOKEN = 48;

/** A word-table bit: the word is a function word of the document's language. */
export const STOP_BIT = 1 << 30;
/** A word-table bit: the word folds to '#' in shapes (months, weekdays, time units). */
export const FOLD_BIT = 1 << 29;
/** A word-table bit: the word is a function word of the document's second language. */
export const SECOND_BIT = 1 << 31;
/** The bits below FOLD_BIT are cue gate bits (cues.ts): at most 29 gated cues. */
export const GATE_MASK = FOLD_BIT - 1;

/**
 * A table from 32-bit word hashes to 32-bit bits, read once per word of every line: open addressing on two
 * Int32Arrays, a multiplicative hash and linear probing, at most half full. A Map of numbers costs several times
 * as much per lookup (it hashes and boxes on the generic path), and the detector looks up every word of the corpus.
 * Key 0 marks an empty slot, so a word whose hash is 0 keeps its bits in a field of its own.
 */
export class WordBits {
  private readonly keys: Int32Array;
  private readonly vals: Int32Array;
  private readonly shift: number;
  private readonly mask: number;
  private zero = 0;

  constructor(entries: Iterable<readonly [number, number]>) {
    const list = [...entries];
    let bits = 4;
    while ((1 << bits) < 2 * list.length) { bits++; }
    this.keys = new Int32Array(1 << bits);
    this.vals = new Int32Array(1 << bits);
    this.shift = 32 - bits;
    this.mask = (1 << bits) - 1;
    for (const [h, v] of list) { this.set(h | 0, v | 0); }
  }

  /** The bits of a word hash; 0 for a word the table does not hold. */
  get(h: number): number {
    if (h === 0) { return this.zero; }
    let i = Math.imul(h, 0x9e3779b1) >>> this.shift;
    for (;;) {
      const k = this.keys[i];
      if (k === h) { return this.vals[i]; }
      if (k === 0) { return 0; }
      i = (i + 1) & this.mask;
    }
  }

  private set(h: number, v: number): void {
    if (h === 0) { this.zero = v; return; }
    let i = Math.imul(h, 0x9e3779b1) >>> this.shift;
    while (this.keys[i] !== 0 && this.keys[i] !== h) { i = (i + 1) & this.mask; }
    this.keys[i] = h;
    this.vals[i] = v;
  }
}

/** A word-bits table of a set: each of its hashes to 1 (shapeHash's lookup of the folded words). */
const setTables = new WeakMap<ReadonlySet<number>, WordBits>();
function bitsOfSet(set: ReadonlySet<number>): WordBits {
  let t = setTables.get(set);
  if (!t) { t = new WordBits([...set].map((h) => [h, 1] as const)); setTables.set(set, t); }
  return t;
}

type Tables = WeakMap<ReadonlyMap<number, number>, WordBits>;
const tables = new WeakMap<ReadonlySet<number>, WeakMap<ReadonlySet<number>, Tables>>();
const noWords: ReadonlySet<number> = new Set();

/**
 * One lookup per word instead of four: a word's hash to its STOP_BIT, SECOND_BIT, FOLD_BIT and cue gate bits,
 * built once per (stop-word list, second list, cue gates). The fold set is the detector's fixed one (`fold`), passed
 * in to keep this module free of the detector's options.
 */
export function wordTable(stopwords: ReadonlySet<number>, gate: ReadonlyMap<number, number>, fold: ReadonlySet<number>, second: ReadonlySet<number> = noWords): WordBits {
  let bySecond = tables.get(stopwords);
  if (!bySecond) { bySecond = new WeakMap(); tables.set(stopwords, bySecond); }
  let byGate = bySecond.get(second);
  if (!byGate) { byGate = new WeakMap(); bySecond.set(second, byGate); }
  let t = byGate.get(gate);
  if (t) { return t; }
  const m = new Map<number, number>();
  for (const [h, bits] of gate) { m.set(h, bits & GATE_MASK); }
  for (const h of stopwords) { m.set(h, (m.get(h) ?? 0) | STOP_BIT); }
  for (const h of second) { m.set(h, (m.get(h) ?? 0) | SECOND_BIT); }
  for (const h of fold) { m.set(h, (m.get(h) ?? 0) | FOLD_BIT); }
  t = new WordBits(m);
  byGate.set(gate, t);
  return t;
}

/**
 * Measures one unit of `text` in one pass: words, function words (STOP_BIT in `table`), cue gate bits, and the
 * unit's shape: the hash of its tokens (words lower-cased, words with FOLD_BIT folded to one token, each run of
 * numbers to another; punctuation and spacing ignored); 0 when the unit has no letter. Equals `shapeHash`.
 */
export function measure(text: string, start: number, end: number, table: WordBits): UnitMeasures {
  let words = 0, stops = 0, seconds = 0, capWords = 0, letterWords = 0, glued = 0, digits = 0, gateBits = 0, marks = 0;
  let a = FNV_BASIS;
  let b = 0x9747b28c | 0;
  let lastWasNumber = false;
  let i = start;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c === Ch.Space) { i++; continue; }
    if (kindOf(c) === Kind.Other) { marks |= markOf(c); i++; continue; }
    const ws = i;
    let hasLetter = false;
    let prevLower = false;
    let lowerRun = 0;
    let gluedHere = false;
    let h = FNV_BASIS;
    while (i < end) {
      const d = text.charCodeAt(i);
      // An ASCII lower-case letter, most of the characters of most texts, takes the short way (same result).
      if (d >= 97 && d <= 122) {
        hasLetter = true;
        prevLower = true;
        lowerRun++;
        h = Math.imul(h ^ d, 0x01000193);
        i++;
        continue;
      }
      if (d >= 0x3040 && i > ws && isCjk(d)) { break; }
      const k = kindOf(d);
      if (k === Kind.Digit) {
        digits++;
      } else if (k === Kind.Other) {
        // An apostrophe inside a word (don't, it’s) stays in the word.
        if (!((d === 0x27 || d === 0x2019) && i + 1 < end && kindOf(text.charCodeAt(i + 1)) !== Kind.Other)) { break; }
      } else {
        hasLetter = true;
        if (k === Kind.Upper && prevLower && lowerRun >= 2 && i + 2 < end
          && kindOf(text.charCodeAt(i + 1)) === Kind.Lower && kindOf(text.charCodeAt(i + 2)) === Kind.Lower) { gluedHere = true; }
        prevLower = k === Kind.Lower;
        lowerRun = prevLower ? lowerRun + 1 : 0;
      }
      h = Math.imul(h ^ (k === Kind.Upper || d === 0x2019 ? lowerCode(d) : d), 0x01000193);
      i++;
      if (d >= 0x3040 && isCjk(d)) { break; }
    }
    words++;
    if (!hasLetter) {
      // A run of numbers (12:45, 3/4/2026) is one token.
      if (!lastWasNumber) { a = Math.imul(a ^ NUMBER_TOKEN, 0x01000193); b = Math.imul(b ^ NUMBER_TOKEN, 0x5bd1e995); b ^= b >>> 15; }
      lastWasNumber = true;
      continue;
    }
    letterWords++;
    if (isUpper(text.charCodeAt(ws))) { capWords++; }
    if (gluedHere) { glued++; }
    const bits = table.get(h);
    if (bits & STOP_BIT) { stops++; }
    if (bits & SECOND_BIT) { seconds++; }
    gateBits |= bits & GATE_MASK;
    const t = bits & FOLD_BIT ? FOLDED_TOKEN : h;
    a = Math.imul(a ^ t, 0x01000193); b = Math.imul(b ^ t, 0x5bd1e995); b ^= b >>> 15;
    lastWasNumber = false;
  }
  return {
    chars: end - start, words, stops: Math.max(stops, seconds), capWords, letterWords, glued,
    terminal: endsLikeSentence(text, start, end), bullet: startsWithBullet(text, start),
    shape: letterWords > 0 ? (mix32(a) & 0xfffff) * 0x100000000 + mix32(b) : 0, digits, gateBits, marks,
  };
}

/**
 * The shape alone, as `measure` computes it (with `fold` as the FOLD_BIT words), without the other measures: the
 * index needs the shape of blocks that the detector splits into lines, and of every block of an edited file.
 */
export function shapeHash(text: string, start: number, end: number, fold: ReadonlySet<number>): number {
  const folded = bitsOfSet(fold);
  let a = FNV_BASIS;
  let b = 0x9747b28c | 0;
  let lastWasNumber = false;
  let letterWords = 0;
  let i = start;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c === Ch.Space || kindOf(c) === Kind.Other) { i++; continue; }
    const ws = i;
    let hasLetter = false;
    let h = FNV_BASIS;
    while (i < end) {
      const d = text.charCodeAt(i);
      // As in measure: the short way for an ASCII lower-case letter.
      if (d >= 97 && d <= 122) {
        hasLetter = true;
        h = Math.imul(h ^ d, 0x01000193);
        i++;
        continue;
      }
      if (d >= 0x3040 && i > ws && isCjk(d)) { break; }
      const k = kindOf(d);
      if (k === Kind.Other) {
        if (!((d === 0x27 || d === 0x2019) && i + 1 < end && kindOf(text.charCodeAt(i + 1)) !== Kind.Other)) { break; }
      } else if (k !== Kind.Digit) {
        hasLetter = true;
      }
      h = Math.imul(h ^ (k === Kind.Upper || d === 0x2019 ? lowerCode(d) : d), 0x01000193);
      i++;
      if (d >= 0x3040 && isCjk(d)) { break; }
    }
    if (!hasLetter) {
      // A run of numbers (12:45, 3/4/2026) is one token.
      if (!lastWasNumber) { a = Math.imul(a ^ NUMBER_TOKEN, 0x01000193); b = Math.imul(b ^ NUMBER_TOKEN, 0x5bd1e995); b ^= b >>> 15; }
      lastWasNumber = true;
      continue;
    }
    letterWords++;
    const t = folded.get(h) !== 0 ? FOLDED_TOKEN : h;
    a = Math.imul(a ^ t, 0x01000193); b = Math.imul(b ^ t, 0x5bd1e995); b ^= b >>> 15;
    lastWasNumber = false;
  }
  return letterWords > 0 ? (mix32(a) & 0xfffff) * 0x100000000 + mix32(b) : 0;
}

/**
 * The shapes of a document's blocks (shapeHash of each) from the words of a tokenizer's pass, so that the index's
 * first pass reads each character once for both: the tokenizer calls `word` for each of its words (a run of
 * letters, digits and marks, in text order, with its FNV-1a hash of the code units, ASCII folded to lower case)
 * and `nonAscii` for each character above ASCII. The two agree on what a word is and on its hash but for an
 * apostrophe between two words ("don't", "it’s": one word to a shape, two to the tokenizer), which is joined here,
 * and for a few kinds of character above ASCII: capitals (which shapes fold), CJK (a word each), astral characters
 * and the letters or symbols the two classify apart. A block holding one of those is hashed by shapeHash when it
 * ends, at the cost of before; punctuation, spaces and lower-case letters of any script do not need it.
 */
export class BlockShaper {
  readonly shapes: Float64Array;
  private readonly folded: WordBits;
  /** The block the words are in now (the tokenizer's words come in order, each inside one block). */
  private at = 0;
  /** The blocks that shapeHash must hash (see the class). */
  private readonly mixed: Uint8Array;
  /** The block that `mix` marked last, and its end. */
  private markAt = 0;
  private markedTo = -1;
  /** The end of a word joined over an apostrophe: the tokenizer's words before it are part of it. */
  private joinedTo = -1;
  private a = FNV_BASIS;
  private b = 0x9747b28c | 0;
  private lastWasNumber = false;
  private letterWords = 0;

  constructor(private readonly text: string, private readonly blocks: readonly Block[], private readonly fold: ReadonlySet<number>) {
    this.shapes = new Float64Array(blocks.length);
    this.mixed = new Uint8Array(blocks.length);
    this.folded = bitsOfSet(fold);
  }

  /** The character `c` above ASCII at `at`, a word character to the tokenizer or not (`inWord`). */
  nonAscii(at: number, c: number, inWord: boolean): void {
    if (at < this.markedTo) { return; }
    // A word character must be a letter to shapes too, and one whose hash they take as it is (not a capital);
    // any other character must be no letter to shapes either, or the apostrophe that shapes keep inside a word.
    const same = inWord ? isLetter(c) && !isUpper(c) && !isCjk(c) : c === 0x2019 || !isLetter(c);
    if (!same) { this.mix(at); }
  }

  /** A word of the tokenizer: text[start, end), with the tokenizer's hash of it (signed or not, the same bits). */
  word(start: number, end: number, hash: number): void {
    if (start < this.joinedTo) { return; }
    const blocks = this.blocks;
    while (this.at < blocks.length && blocks[this.at].end <= start) { this.finish(this.at++); }
    // Every word lies inside a block (blocks are trimmed of white space only); this only keeps a broken caller safe.
    if (this.at === blocks.length) { return; }
    const text = this.text;
    const blockEnd = blocks[this.at].end;
    let h = hash | 0;
    let e = end;
    // An apostrophe (' or ’) with a letter or digit after it goes on with the word, as in shapeHash, hashed as '.
    let q = text.charCodeAt(e);
    if ((q === 0x27 || q === 0x2019) && e + 1 < blockEnd) {
      while (e < blockEnd) {
        const d = text.charCodeAt(e);
        if (d === 0x27 || d === 0x2019) {
          if (!(e + 1 < blockEnd && kindOf(text.charCodeAt(e + 1)) !== Kind.Other)) { break; }
          h = Math.imul(h ^ 0x27, 0x01000193);
        } else if (d < 128) {
          const k = asciiKind[d];
          if (k === Kind.Other) { break; }
          h = Math.imul(h ^ (k === Kind.Upper ? d + 32 : d), 0x01000193);
        } else {
          // A character above ASCII after the apostrophe: shapeHash hashes the block (it knows CJK, capitals).
          this.mix(e);
          break;
        }
        e++;
      }
      if (e > end) { this.joinedTo = e; }
    }
    let hasLetter = false;
    for (let j = start; j < e; j++) {
      q = text.charCodeAt(j);
      // Above ASCII, only letters are left in a block not mixed.
      if (q >= 128 || asciiKind[q] === Kind.Lower || asciiKind[q] === Kind.Upper) { hasLetter = true; break; }
    }
    if (!hasLetter) {
      if (!this.lastWasNumber) { this.a = Math.imul(this.a ^ NUMBER_TOKEN, 0x01000193); this.b = Math.imul(this.b ^ NUMBER_TOKEN, 0x5bd1e995); this.b ^= this.b >>> 15; }
      this.lastWasNumber = true;
      return;
    }
    this.letterWords++;
    const t = this.folded.get(h) !== 0 ? FOLDED_TOKEN : h;
    this.a = Math.imul(this.a ^ t, 0x01000193); this.b = Math.imul(this.b ^ t, 0x5bd1e995); this.b ^= this.b >>> 15;
    this.lastWasNumber = false;
  }

  /** The shapes, once the tokenizer has read the whole text. */
  done(): Float64Array {
    while (this.at < this.blocks.length) { this.finish(this.at++); }
    return this.shapes;
  }

  /** Leaves the block that holds offset `i` (if one does) to shapeHash. */
  private mix(i: number): void {
    const blocks = this.blocks;
    let k = this.markAt;
    while (k < blocks.length && blocks[k].end <= i) { k++; }
    this.markAt = k;
    if (k < blocks.length && blocks[k].start <= i) {
      this.mixed[k] = 1;
      this.markedTo = blocks[k].end;
    }
  }

  private finish(k: number): void {
    const b = this.blocks[k];
    this.shapes[k] = this.mixed[k] ? shapeHash(this.text, b.start, b.end, this.fold)
      : this.letterWords > 0 ? (mix32(this.a) & 0xfffff) * 0x100000000 + mix32(this.b) : 0;
    this.a = FNV_BASIS;
    this.b = 0x9747b28c | 0;
    this.lastWasNumber = false;
    this.letterWords = 0;
  }
}

function isQuoteSpace(c: number): boolean {
  return c === Ch.Space || c === 0xa0 || c === 0x202f;
}

function endsLikeSentence(text: string, start: number, end: number): boolean {
  let e = end;
  // The space French sets before a closing » (plain, no-break or narrow no-break) is skipped with it.
  while (e > start && (closing.has(text.charCodeAt(e - 1)) || (e - 1 > start && isQuoteSpace(text.charCodeAt(e - 1)) && closing.has(text.charCodeAt(e))))) { e--; }
  if (e <= start) { return false; }
  const c = text.charCodeAt(e - 1);
  if (c === Ch.Dot) {
    return !(e - 3 >= start && text.charCodeAt(e - 2) === Ch.Dot && text.charCodeAt(e - 3) === Ch.Dot);
  }
  return c === Ch.Excl || c === Ch.Quest || c === Ch.Colon || c === 0x2026 /* … */ || sentenceEnds.has(c);
}

/**
 * Sentence ends of other scripts: CJK 。！？：and the half-width ｡, Devanagari and Bengali ।॥, Arabic ؟ and Urdu
 * ۔, the Greek question mark (U+037E; Greek text that uses the plain semicolon is not covered), Armenian ։, Ethiopic ።, Myanmar ။ and Khmer ។.
 */
const sentenceEnds = new Set([0x3002, 0xff01, 0xff1f, 0xff1a, 0xff61, 0x0964, 0x0965, 0x061f, 0x06d4, 0x037e, 0x0589, 0x1362, 0x104b, 0x17d4]);

/** Words the first list does not know that a second language must know in the sample to count as one. */
const MIN_SECOND_HITS = 5;

/**
 * Picks the stop-word list that the document's words hit most often (English when none stands out), from a window
 * of `sampleChars` in the middle of the text (page furniture at the top is often in another language than the text).
 * `hitRate` is the share of the window's words that the chosen list knows: near 0 for a language without a list.
 * `second` is the list that knows most of the other words, the page's second language if it has one: a line is measured
 * against the one of the two that fits it better (see `UnitMeasures.stops`).
 */
export function chooseStopwords(text: string, lists: readonly StopwordList[], languages: WordBits, sampleChars = 2000): { list: StopwordList; second: StopwordList | undefined; hitRate: number } {
  const from = Math.max(0, (text.length >> 1) - (sampleChars >> 1));
  // The window's words are looked up once; both counts below read their bits.
  const words = sampleBits(text, from, Math.min(text.length, from + sampleChars), languages);
  const hits = countHits(lists.length, 0);
  let best = 0;
  for (let k = 1; k < lists.length; k++) {
    if (hits[k] > hits[best] * 1.2) { best = k; }
  }
  // The second language: the list that knows most of the words the first one does not (English quoted on a German
  // page), at least a few of them; the lists that merely share words with the first (Dutch with German) know few.
  const rest = countHits(lists.length, 1 << best);
  let second = -1;
  for (let k = 0; k < lists.length; k++) {
    if (k !== best && rest[k] >= MIN_SECOND_HITS && (second < 0 || rest[k] > rest[second])) { second = k; }
  }
  return { list: lists[best], second: second < 0 ? undefined : lists[second], hitRate: words === 0 ? 1 : hits[best] / words };
}

/** The list bits of the sample's words that some list knows, in `sampled[0, known)`; reused from call to call. */
let sampled = new Int32Array(1024);
let known = 0;

/**
 * Looks up the words of text[from, end) in `languages` (a word's hash to its lists' bits), keeping the bits of the
 * words some list knows in `sampled`; returns the number of words.
 */
function sampleBits(text: string, from: number, end: number, languages: WordBits): number {
  let words = 0;
  known = 0;
  let i = from;
  while (i < end) {
    if (!isLetter(text.charCodeAt(i))) { i++; continue; }
    let h = FNV_BASIS;
    const ws = i;
    while (i < end) {
      const d = text.charCodeAt(i);
      // As in measure: the short way for an ASCII lower-case letter (a letter, not CJK, its own lower case).
      if (d >= 97 && d <= 122) {
        h = Math.imul(h ^ d, 0x01000193);
        i++;
        continue;
      }
      if (!isLetter(d) || (i > ws && isCjk(d))) { break; }
      h = Math.imul(h ^ lowerCode(d), 0x01000193);
      i++;
      if (isCjk(d)) { break; }
    }
    words++;
    const bits = languages.get(h);
    if (bits === 0) { continue; }
    if (known === sampled.length) {
      const grown = new Int32Array(2 * sampled.length);
      grown.set(sampled);
      sampled = grown;
    }
    sampled[known++] = bits;
  }
  return words;
}

/** Hits of each of `count` lists among the sampled words; words of the lists in `skip` (a bit set) are not counted. */
function countHits(count: number, skip: number): number[] {
  const hits = new Array<number>(count).fill(0);
  for (let w = 0; w < known; w++) {
    let bits = sampled[w];
    if (bits & skip) { continue; }
    while (bits !== 0) {
      const k = 31 - Math.clz32(bits);
      hits[k]++;
      bits &= ~(1 << k);
    }
  }
  return hits;
}
