// Duplicated passages: fingerprints of a document are looked up in the corpus's posting table, the matches
// against each other document are chained along their diagonal (tolerating small edits as gaps and drift),
// and each chain is extended token by token to the exact first and last shared word on both sides.
import { PostingTable } from '../index/postings';
import { Fingerprints } from './winnow';
import { Tokens } from './tokens';

export interface DuplicateOptions {
  /** Words per fingerprinted k-gram. Shorter finds shorter copies and costs more. Default 6. */
  k: number;
  /** Winnowing window, in k-grams. Any shared run of k + window - 1 words is found for sure. Default 6. */
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
  window: 6,
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

export function findSharedSpans(
  a: FingerprintedDoc,
  table: PostingTable,
  docById: (id: number) => FingerprintedDoc | undefined,
  options: DuplicateOptions,
): SharedSpan[] {
  const { k } = options;
  // Matches per other document, as flat [aPos, bPos, aPos, bPos, ...] lists.
  const matches = new Map<number, number[]>();
  const fp = a.fingerprints;
  const ah = a.tokens.hash;
  const slots = new Int32Array(options.maxPostings + 1);
  for (let i = 0; i < fp.count; i++) {
    const p = fp.pos[i];
    const first = table.first(fp.hash[i]);
    // Most fingerprints stand only here: one posting, our own.
    if (first < 0 || (table.docOf(first) === a.id && table.nextOf(first) < 0)) { continue; }
    let n = 0;
    for (let s = first; s >= 0 && n <= options.maxPostings; s = table.nextOf(s)) { slots[n++] = s; }
    if (n > options.maxPostings) { continue; } // too common to pair: boilerplate, not a copy
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

  const spans: SharedSpan[] = [];
  for (const [docId, flat] of matches) {
    const b = docId === a.id ? a : docById(docId);
    if (!b) { continue; }
    for (const chain of chainMatches(flat, k, options)) {
      const span = extend(chain, a.tokens.hash, b.tokens.hash, docId === a.id);
      if (span.aEnd - span.aStart < options.minWords || span.bEnd - span.bStart < options.minWords) { continue; }
      if (docId === a.id && span.aStart < span.bEnd && span.bStart < span.aEnd) { continue; } // overlaps itself
      spans.push({ other: docId, ...span });
    }
  }
  return mergeSpans(spans);
}

function sameKgram(ah: Uint32Array, p: number, bh: Uint32Array, q: number, k: number): boolean {
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

/** Grows a chain outwards while the words on both sides are the same, so the span starts and ends exactly. */
function extend(ch: Chain, ah: Uint32Array, bh: Uint32Array, sameDoc: boolean): Omit<SharedSpan, 'other'> {
  let { aStart, aEnd, bStart, bEnd } = ch;
  while (aStart > 0 && bStart > 0 && ah[aStart - 1] === bh[bStart - 1]) {
    if (sameDoc && (aStart - 1 < bEnd && bStart - 1 < aEnd)) { break; }
    aStart--;
    bStart--;
  }
  while (aEnd < ah.length && bEnd < bh.length && ah[aEnd] === bh[bEnd]) {
    if (sameDoc && (aStart < bEnd + 1 && bStart < aEnd + 1)) { break; }
    aEnd++;
    bEnd++;
  }
  return { aStart, aEnd, bStart, bEnd };
}

/** Chains of the same pair that overlap after extension become one span. */
function mergeSpans(spans: SharedSpan[]): SharedSpan[] {
  spans.sort((x, y) => x.other - y.other || x.aStart - y.aStart);
  const out: SharedSpan[] = [];
  for (const s of spans) {
    const last = out[out.length - 1];
    if (last && last.other === s.other && s.aStart <= last.aEnd && s.bStart <= last.bEnd && s.bEnd >= last.bStart) {
      last.aEnd = Math.max(last.aEnd, s.aEnd);
      last.bStart = Math.min(last.bStart, s.bStart);
      last.bEnd = Math.max(last.bEnd, s.bEnd);
    } else {
      out.push({ ...s });
    }
  }
  return out;
}
