// Duplicated passages: fingerprints of a document are looked up in the corpus's posting table, the matches
// against each other document are chained along their diagonal (tolerating small edits as gaps and drift),
// and each chain is extended token by token to the exact first and last shared word on both sides.
import { Fingerprints } from './winnow';
import { Tokens } from './tokens';

export interface DuplicateOptions {
  /** Words per fingerprinted k-gram. Shorter finds shorter copies and costs more. Default 6. */
  k: number;
  /** Winnowing window, in k-grams. Any shared run of k + window - 1 words is found for sure. Default 10. */
  window: number;
  /** A shared passage must hold at least this many words to be reported. Default 25. */
  minWords: number;
  /** Fingerprints standing in more places than this are too common to pair (boilerplate does those). Default 64. */
  maxPostings: number;
  /** Largest run of unmatched words inside one passage (an edit), in words. Default 24. */
  maxGap: number;
  /** Largest difference in length between the two sides across a gap (insertions, deletions). Default 12. */
  maxDrift: number;
}

export const defaultDuplicateOptions: DuplicateOptions = {
  k: 6,
  window: 10,
  minWords: 25,
  maxPostings: 64,
  maxGap: 24,
  maxDrift: 12,
};

/** What the span finder needs of an indexed document. */
export interface FingerprintedDoc {
  id: number;
  tokens: Tokens;
  fingerprints: Fingerprints;
}

/** One passage of document A that stands again in document B (B may be A itself), in token indices, end exclusive. */
export interface SharedSpan {
  other: number;
  aStart: number;
  aEnd: number;
  bStart: number;
  bEnd: number;
}

interface Chain {
  aStart: number;
  aEnd: number;
  bStart: number;
  bEnd: number;
  lastA: number;
  lastB: number;
}

/**
 * The fingerprints of one document that stand elsewhere too, in text order: all a span search needs to visit.
 * A bulk scan collects them for every document in one pass over the posting table.
 */
export interface SharedFingerprints {
  count: number;
  hash: ArrayLike<number>;
  pos: ArrayLike<number>;
}

/** What the span search reads of a posting table (PostingTable, the corpus index's). */
export interface PostingLookup {
  countOf(hash: number): number;
  first(hash: number): number;
  nextOf(slot: number): number;
  docOf(slot: number): number;
  posOf(slot: number): number;
}

export function findSharedSpans(
  a: FingerprintedDoc,
  table: PostingLookup,
  docById: (id: number) => FingerprintedDoc | undefined,
  options: DuplicateOptions,
  candidates?: SharedFingerprints,
): SharedSpan[] {
  const { k } = options;
  // Matches per other document, as flat [aPos, bPos, aPos, bPos, ...] lists.
  const matches = new Map<number, number[]>();
  const fp = candidates ?? a.fingerprints;
  const ah = a.tokens.hash;
  const slots = new Int32Array(options.maxPostings + 1);
  for (let i = 0; i < fp.count; i++) {
    const p = fp.pos[i];
    const count = table.countOf(fp.hash[i]);
    // Most fingerprints stand only here (one posting, our own); those in very many places are boilerplate.
    if (count < 2 || count > options.maxPostings) { continue; }
    let n = 0;
    for (let s = table.first(fp.hash[i]); s >= 0; s = table.nextOf(s)) { slots[n++] = s; }
    for (let j = 0; j < n; j++) {
      const docId = table.docOf(slots[j]);
      const q = table.posOf(slots[j]);
      if (docId === a.id && q === p) { continue; }
      const b = docId === a.id ? a : docById(docId);
      if (!b || !sameKgram(ah, p, b.tokens.hash, q, k)) { continue; } // a hash collision, not a shared k-gram
      let list = matches.get(docId);
      if (!list) { list = []; matches.set(docId, list); }
      list.push(p, q);
    }
  }
  return spansOfMatches(a.id, ah, matches, (id) => (id === a.id ? ah : docById(id)?.tokens.hash), options);
}

/**
 * The shared postings of a bulk scan, grouped by fingerprint, for span searches on other threads (the arrays may
 * live in SharedArrayBuffers): group g's postings are doc[start[g]] ... doc[start[g + 1] - 1] (and pos), in the
 * order a PostingTable holding them would walk them, so both searches find the same spans in the same order.
 */
export interface GroupedPostings {
  start: Int32Array;
  doc: Uint32Array;
  pos: Uint32Array;
}

/** One document's shared fingerprints as groups of GroupedPostings, in text order. */
export interface GroupedCandidates {
  count: number;
  group: ArrayLike<number>;
  pos: ArrayLike<number>;
}

/**
 * findSharedSpans over grouped postings: what a worker thread runs, given read access to every document's word
 * hashes (`hashesOf`, by document id). Same spans as findSharedSpans over the PostingTable they came from.
 */
export function findSharedSpansGrouped(
  id: number,
  ah: Uint16Array,
  candidates: GroupedCandidates,
  postings: GroupedPostings,
  hashesOf: (id: number) => Uint16Array | undefined,
  options: DuplicateOptions,
): SharedSpan[] {
  const { k } = options;
  const matches = new Map<number, number[]>();
  for (let i = 0; i < candidates.count; i++) {
    const p = candidates.pos[i];
    const g = candidates.group[i];
    const end = postings.start[g + 1];
    const count = end - postings.start[g];
    if (count < 2 || count > options.maxPostings) { continue; }
    for (let s = postings.start[g]; s < end; s++) {
      const docId = postings.doc[s];
      const q = postings.pos[s];
      if (docId === id && q === p) { continue; }
      const bh = docId === id ? ah : hashesOf(docId);
      if (!bh || !sameKgram(ah, p, bh, q, k)) { continue; } // a hash collision, not a shared k-gram
      let list = matches.get(docId);
      if (!list) { list = []; matches.set(docId, list); }
      list.push(p, q);
    }
  }
  return spansOfMatches(id, ah, matches, (d) => (d === id ? ah : hashesOf(d)), options);
}

/** The matches of one document against each other one, chained, extended, merged and filtered to passages. */
function spansOfMatches(
  id: number,
  ah: Uint16Array,
  matches: Map<number, number[]>,
  hashesOf: (id: number) => Uint16Array | undefined,
  options: DuplicateOptions,
): SharedSpan[] {
  const spans: SharedSpan[] = [];
  for (const [docId, flat] of matches) {
    const bh = hashesOf(docId);
    if (!bh) { continue; }
    for (const chain of chainMatches(flat, options.k, options)) {
      spans.push(extend(docId, chain, ah, bh, docId === id));
    }
  }
  return mergeSpans(spans, options.maxGap).filter((s) =>
    s.aEnd - s.aStart >= options.minWords && s.bEnd - s.bStart >= options.minWords &&
    !(s.other === id && s.aStart < s.bEnd && s.bStart < s.aEnd)); // a passage overlapping itself is no copy
}

function sameKgram(ah: Uint16Array, p: number, bh: Uint16Array, q: number, k: number): boolean {
  if (q + k > bh.length || p + k > ah.length) { return false; }
  for (let j = 0; j < k; j++) {
    if (ah[p + j] !== bh[q + j]) { return false; }
  }
  return true;
}

/** Matches arrive in increasing order of their position in A (fingerprints are visited in text order). */
function chainMatches(flat: number[], k: number, options: DuplicateOptions): Chain[] {
  const open: Chain[] = [];
  const done: Chain[] = [];
  for (let m = 0; m < flat.length; m += 2) {
    const p = flat[m];
    const q = flat[m + 1];
    let best: Chain | undefined;
    let bestCost = Infinity;
    for (let c = open.length - 1; c >= 0; c--) {
      const ch = open[c];
      if (p - ch.aEnd > options.maxGap) {
        done.push(ch);
        open.splice(c, 1);
        continue;
      }
      if (p < ch.lastA || q < ch.lastB) { continue; }
      const drift = Math.abs((q - p) - (ch.lastB - ch.lastA));
      if (drift > options.maxDrift || q - ch.bEnd > options.maxGap) { continue; }
      const cost = drift + Math.max(0, p - ch.aEnd);
      if (cost < bestCost) { best = ch; bestCost = cost; }
    }
    if (best) {
      best.aEnd = Math.max(best.aEnd, p + k);
      best.bEnd = Math.max(best.bEnd, q + k);
      best.lastA = p;
      best.lastB = q;
    } else {
      open.push({ aStart: p, aEnd: p + k, bStart: q, bEnd: q + k, lastA: p, lastB: q });
    }
  }
  return done.concat(open);
}

/**
 * Skips tried when an extension meets a mismatch, in order: words skipped in A at even indices, in B at odd ones
 * ([1, 1], [1, 0], [0, 1], ...). Flat, so the extension's inner loop reads numbers, not pairs.
 */
const EDIT_STEPS = Int32Array.of(1, 1, 1, 0, 0, 1, 2, 2, 2, 1, 1, 2, 2, 0, 0, 2, 3, 3, 3, 2, 2, 3);
const RESYNC_WORDS = 3;

/**
 * Grows a chain outwards while the words on both sides are the same, so that the span starts and ends exactly.
 * At a mismatch it looks past a small edit (a word or two changed, inserted or deleted) and goes on when the
 * next few words agree again, so an edit near the edge of a copy does not cut the copy short. Written without
 * closures or arrays of pairs: it runs once per chain, the span search's innermost loop.
 */
function extend(other: number, ch: Chain, ah: Uint16Array, bh: Uint16Array, sameDoc: boolean): SharedSpan {
  let { aStart, aEnd, bStart, bEnd } = ch;
  // Within one document the two sides must never overlap (a passage is no copy of itself): the sameDoc tests.
  for (;;) {
    while (aStart > 0 && bStart > 0 && ah[aStart - 1] === bh[bStart - 1] && !(sameDoc && aStart - 1 < bEnd && bStart - 1 < aEnd)) {
      aStart--;
      bStart--;
    }
    let step = -1;
    for (let e = 0; e < EDIT_STEPS.length; e += 2) {
      const a = aStart - EDIT_STEPS[e];
      const b = bStart - EDIT_STEPS[e + 1];
      if (a < RESYNC_WORDS || b < RESYNC_WORDS || (sameDoc && a - RESYNC_WORDS < bEnd && b - RESYNC_WORDS < aEnd)) { continue; }
      let j = 1;
      while (j <= RESYNC_WORDS && ah[a - j] === bh[b - j]) { j++; }
      if (j > RESYNC_WORDS) { step = e; break; }
    }
    if (step < 0) { break; }
    aStart -= EDIT_STEPS[step] + RESYNC_WORDS;
    bStart -= EDIT_STEPS[step + 1] + RESYNC_WORDS;
  }
  for (;;) {
    while (aEnd < ah.length && bEnd < bh.length && ah[aEnd] === bh[bEnd] && !(sameDoc && aStart < bEnd + 1 && bStart < aEnd + 1)) {
      aEnd++;
      bEnd++;
    }
    let step = -1;
    for (let e = 0; e < EDIT_STEPS.length; e += 2) {
      const a = aEnd + EDIT_STEPS[e];
      const b = bEnd + EDIT_STEPS[e + 1];
      if (a + RESYNC_WORDS > ah.length || b + RESYNC_WORDS > bh.length || (sameDoc && aStart < b + RESYNC_WORDS && bStart < a + RESYNC_WORDS)) { continue; }
      let j = 0;
      while (j < RESYNC_WORDS && ah[a + j] === bh[b + j]) { j++; }
      if (j === RESYNC_WORDS) { step = e; break; }
    }
    if (step < 0) { break; }
    aEnd += EDIT_STEPS[step] + RESYNC_WORDS;
    bEnd += EDIT_STEPS[step + 1] + RESYNC_WORDS;
  }
  return { other, aStart, aEnd, bStart, bEnd };
}

/** Spans of the same pair that overlap, or stand within an edit's reach of each other on both sides, become one. */
function mergeSpans(spans: SharedSpan[], maxGap: number): SharedSpan[] {
  spans.sort((x, y) => x.other - y.other || x.aStart - y.aStart);
  const out: SharedSpan[] = [];
  for (const s of spans) {
    const last = out[out.length - 1];
    if (
      last && last.other === s.other &&
      s.aStart <= last.aEnd + maxGap && s.bStart <= last.bEnd + maxGap && s.bEnd >= last.bStart) {
      last.aEnd = Math.max(last.aEnd, s.aEnd);
      last.bStart = Math.min(last.bStart, s.bStart);
      last.bEnd = Math.max(last.bEnd, s.bEnd);
    } else {
      out.push({ ...s });
    }
  }
  return out;
}
