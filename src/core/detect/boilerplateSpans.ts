// Shared passages against the boilerplate findings of their document. Two files of one site template share
// their chrome (the masthead, the navigation, the byline of the same writer, the copyright line, a list drawn
// from the same recent headlines), and the span search, which tolerates edits, chains those partly matching
// lines into one "passage". Chrome is the boilerplate detector's to report: a passage is a duplicate only for
// the words it holds outside chrome, and the chrome at its ends is cut off.
import { BoilerplateCode, Finding } from '../findings';
import { SharedSpan } from './duplicates';
import { Tokens } from './tokens';

/** Boilerplate that travels with the article it belongs to, and so stays inside a copied passage. */
const ARTICLE_BOUND_CODES: ReadonlySet<string> = new Set([BoilerplateCode.photoCredit, BoilerplateCode.caption]);

/** Findings that say only that a block stands elsewhere too: for a block as long as a passage, that is a copy. */
const REPETITION_CODES: ReadonlySet<string> = new Set([BoilerplateCode.repeatedAcrossFiles, BoilerplateCode.repeatedInFile]);

/**
 * Verdicts of context and text quality (few function words, a short line between boilerplate, prose away from
 * the main text): judgments of how a line reads, not evidence that it belongs to a site's template. A copied
 * paragraph poor in function words, or a copy quoted in a side box, is still a copy.
 */
const CONTEXT_CODES: ReadonlySet<string> = new Set([
  BoilerplateCode.notProse, BoilerplateCode.context, BoilerplateCode.shortLine, BoilerplateCode.outsideMainText,
]);

/**
 * Cuts each passage's ends that lie in boilerplate off both sides, and drops a passage with fewer than
 * `minWords` words outside chrome. Chrome is every boilerplate finding but photo captions and credits (stored
 * with the article) and repetition findings of blocks of at least `minWords` words (a paragraph of a story
 * syndicated to many files is repeated prose, and its copies are duplicates). A passage that is boilerplate
 * through and through, all of it such repeated prose, is kept whole (it is still a copy).
 */
export function trimBoilerplateEnds(
  tokens: Tokens,
  spans: SharedSpan[],
  boilerplate: Finding[],
  minWords: number,
  otherTokens: (id: number) => Pick<Tokens, 'hash'> | undefined,
  /** How far (in words) a cut end may be pulled back to words both sides hold: the span search's largest gap. */
  reach = 24,
): SharedSpan[] {
  if (spans.length === 0) { return spans; }
  const trimmed = boilerplate.filter((f) => !ARTICLE_BOUND_CODES.has(f.code));
  if (trimmed.length === 0) { return spans; }
  const ranges = mergedRanges(trimmed);
  const chrome = mergedRanges(trimmed.filter((f) =>
    !CONTEXT_CODES.has(f.code) && !(REPETITION_CODES.has(f.code) && wordsIn(tokens, f.start, f.end) >= minWords)));
  const inBoilerplate = (offset: number) => contains(ranges, offset);
  const out: SharedSpan[] = [];
  for (const s of spans) {
    if (chrome.length > 0 && contentWords(tokens, s.aStart, s.aEnd, chrome) < minWords) { continue; }
    let { aStart, aEnd } = s;
    while (aStart < aEnd && inBoilerplate(tokens.offsets.start(aStart))) { aStart++; }
    while (aEnd > aStart && inBoilerplate(tokens.offsets.start(aEnd - 1))) { aEnd--; }
    if (aStart === s.aStart && aEnd === s.aEnd) { out.push(s); continue; }
    const b = otherTokens(s.other);
    let bStart = s.bStart + (aStart - s.aStart);
    let bEnd = s.bEnd - (s.aEnd - aEnd);
    if (b) {
      // Where this side's new end has no counterpart (the words just inside the cut were an unmatched stretch
      // that the span search bridged on the way to the chrome), this side's end is pulled back too, to the
      // nearest words both sides hold: else one copy would name a line the other does not have.
      if (aStart !== s.aStart) {
        const at = alignedStart(tokens.hash, aStart, aEnd, b.hash, bStart, s.bStart, s.bEnd, reach);
        if (at) { [aStart, bStart] = at; }
      }
      if (aEnd !== s.aEnd) {
        const at = alignedEnd(tokens.hash, aEnd, aStart, b.hash, bEnd, bStart, s.bEnd, reach);
        if (at) { [aEnd, bEnd] = at; }
      }
    }
    out.push(aEnd > aStart && bEnd > bStart ? { ...s, aStart, aEnd, bStart, bEnd } : s);
  }
  return out;
}

/** Words that must agree for a cut end of one side to be placed on the other. */
const ALIGN_WORDS = 3;

/**
 * This side's start (moved forward by at most `reach` words when need be) and the other side's, where their first
 * words agree; undefined when none do within reach.
 */
function alignedStart(ah: Uint16Array, a: number, aHi: number, bh: Uint16Array, guess: number, lo: number, hi: number, reach: number): [number, number] | undefined {
  for (let x = a; x < aHi - ALIGN_WORDS && x - a <= reach; x++) {
    const b = alignStart(ah, x, bh, guess + (x - a), lo, hi);
    if (b >= 0) { return [x, b]; }
  }
  return undefined;
}

/** Like alignedStart, for the ends (exclusive), this side's end moved back. */
function alignedEnd(ah: Uint16Array, a: number, aLo: number, bh: Uint16Array, guess: number, lo: number, hi: number, reach: number): [number, number] | undefined {
  for (let x = a; x > aLo + ALIGN_WORDS && a - x <= reach; x--) {
    const b = alignEnd(ah, x, bh, guess - (a - x), lo, hi);
    if (b >= 0) { return [x, b]; }
  }
  return undefined;
}

/**
 * Where the other side starts once this side starts at `a`: the position nearest to `guess` (the old start moved
 * by as many words as were cut here) in [lo, hi) whose first words are this side's, since the two sides of the
 * cut-off chrome need not be of one length (a list of three headlines against one of five). -1 when none is.
 */
function alignStart(ah: Uint16Array, a: number, bh: Uint16Array, guess: number, lo: number, hi: number): number {
  const run = Math.min(ALIGN_WORDS, ah.length - a);
  const agrees = (b: number) => {
    if (b < lo || b + run > Math.min(hi, bh.length)) { return false; }
    for (let j = 0; j < run; j++) { if (ah[a + j] !== bh[b + j]) { return false; } }
    return true;
  };
  for (let d = 0; guess - d >= lo || guess + d < hi; d++) {
    if (agrees(guess + d)) { return guess + d; }
    if (d > 0 && agrees(guess - d)) { return guess - d; }
  }
  return -1;
}

/** Like alignStart, for the end (exclusive): the position nearest to `guess` in (lo, hi] whose last words are this side's; -1 when none is. */
function alignEnd(ah: Uint16Array, a: number, bh: Uint16Array, guess: number, lo: number, hi: number): number {
  const run = Math.min(ALIGN_WORDS, a);
  const agrees = (b: number) => {
    if (b - run < lo || b > Math.min(hi, bh.length)) { return false; }
    for (let j = 1; j <= run; j++) { if (ah[a - j] !== bh[b - j]) { return false; } }
    return true;
  };
  for (let d = 0; guess - d > lo || guess + d <= hi; d++) {
    if (agrees(guess - d)) { return guess - d; }
    if (d > 0 && agrees(guess + d)) { return guess + d; }
  }
  return -1;
}

/** The findings' ranges, sorted, overlapping and touching ones joined: [start, end, start, end, ...]. */
function mergedRanges(findings: Finding[]): number[] {
  const sorted = findings.map((f) => [f.start, f.end]).sort((x, y) => x[0] - y[0]);
  const out: number[] = [];
  for (const [s, e] of sorted) {
    const n = out.length;
    if (n > 0 && s <= out[n - 1]) { out[n - 1] = Math.max(out[n - 1], e); } else { out.push(s, e); }
  }
  return out;
}

/** True when offset lies inside one of the ranges. */
function contains(ranges: number[], offset: number): boolean {
  let lo = 0;
  let hi = (ranges.length >> 1) - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (ranges[2 * mid + 1] <= offset) { lo = mid + 1; } else if (ranges[2 * mid] > offset) { hi = mid - 1; } else { return true; }
  }
  return false;
}

/** Index of the first token starting at or after offset (tokens.count when none does). */
function firstTokenAt(tokens: Tokens, offset: number): number {
  return tokens.offsets.firstAt(offset);
}

/** Words starting inside [start, end). */
function wordsIn(tokens: Tokens, start: number, end: number): number {
  return firstTokenAt(tokens, end) - firstTokenAt(tokens, start);
}

/**
 * Words of tokens [from, to) that start outside the chrome ranges: the span's words minus those of the chrome
 * ranges it overlaps, found by a search per range instead of a look at each word's offset.
 */
function contentWords(tokens: Tokens, from: number, to: number, chrome: number[]): number {
  if (to <= from) { return 0; }
  const startOffset = tokens.offsets.start(from);
  const endOffset = tokens.offsets.end(to - 1);
  let words = to - from;
  // The first range that ends after the span's first word starts.
  let lo = 0;
  let hi = chrome.length >> 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (chrome[2 * mid + 1] <= startOffset) { lo = mid + 1; } else { hi = mid; }
  }
  for (let r = lo; 2 * r < chrome.length && chrome[2 * r] < endOffset; r++) {
    const a = Math.max(from, firstTokenAt(tokens, chrome[2 * r]));
    const b = Math.min(to, firstTokenAt(tokens, chrome[2 * r + 1]));
    if (b > a) { words -= b - a; }
  }
  return words;
}
