// Resolving an annotation's anchor (quote + context + old offsets) against the current text, in the order the
// Hypothesis client made standard: the stored offsets with the quote checked; the exact quote elsewhere, nearest
// the old place and with the best context; a fuzzy search tolerant of small edits, first in a window around the
// old place and then in the whole text. What cannot be found is orphaned, never placed on unrelated text.
// Candidates are scored on quote, context and closeness; a fuzzy one must also pass acceptance rules (below)
// that the property tests in test/unit/core/anchor/resolveProperty.test.ts measure.
import {
  ApproxMatch, BitPattern, bestStartsFor, contextSimilarity, editDistance, reverseString, scanMatchEnds,
} from './approxMatch';
import { contextAfter, contextBefore, snapOutward, splitsSurrogatePair } from './textChanges';

export type AnchorOutcome = 'exact' | 'moved' | 'fuzzy' | 'orphaned';

/** What an annotation remembers of the text it marks. */
export interface AnchorTarget {
  quote: string;
  prefix?: string;
  suffix?: string;
  /** Where the quote stood when last checked (UTF-16 offsets, end exclusive). */
  start: number;
  end: number;
}

/** Why an annotation is orphaned: its quote is not in the text, or finding out would cost more than the budget. */
export type OrphanReason = 'not-found' | 'over-budget';

export type AnchorResult =
  | { outcome: 'exact' | 'moved' | 'fuzzy'; start: number; end: number; errors: number; score: number }
  | { outcome: 'orphaned'; start: null; end: null; errors: null; score: number; reason: OrphanReason };

/**
 * Work that fuzzy searches may still do, in block steps of the bit-parallel matcher (text code units times
 * 32-unit blocks of the quote). Shared by the resolutions of one pass over a sidecar, so that one hostile file of
 * long random quotes cannot stall a run however many it holds.
 */
export class WorkBudget {
  constructor(public remaining: number) {}

  /** Takes `units` if they are left; false (taking nothing) when they are not. */
  take(units: number): boolean {
    if (units > this.remaining) { return false; }
    this.remaining -= units;
    return true;
  }
}

export interface ResolveOptions {
  /** Largest share of the quote's code units that a fuzzy match may get wrong. */
  maxErrorRatio: number;
  /** Code units searched either side of the old place before the whole text. */
  window: number;
  /** False: search only the window (live edits); a miss then means "re-anchor later", not "orphaned". */
  wholeText: boolean;
  /** Quotes longer than this are searched fuzzily only in the window, to bound the cost. */
  maxFuzzyWholeTextQuote: number;
  /**
   * True when the target's start and end are where the quote stands now, give or take the edits made inside
   * it: live edits map the range exactly. A close match on that range is then taken before any search, so an
   * edited quote is not traded for a copy of it nearby.
   */
  trustedRange: boolean;
  /**
   * Most fuzzy-search work for one annotation, in block steps (see WorkBudget): about a second on a slow
   * machine. A search that would cost more is not made; if nothing else found the quote, it is orphaned with
   * the reason 'over-budget'.
   */
  maxWork: number;
  /** A budget shared with other resolutions (one pass over a sidecar); unset: only maxWork bounds the work. */
  budget?: WorkBudget;
}

export const defaultResolveOptions: ResolveOptions = {
  maxErrorRatio: 0.25,
  window: 2048,
  wholeText: true,
  maxFuzzyWholeTextQuote: 4096,
  trustedRange: false,
  maxWork: 50_000_000,
};

/** Work one pass over a sidecar (opening it, settling its edits) may spend on fuzzy searches in all. */
export const PASS_WORK = 400_000_000;

/** Number of code units of context kept before and after a quote. */
export const CONTEXT_LENGTH = 32;

/** The quote and context that anchor the range [start, end) of `text`. */
export function describeRange(text: string, start: number, end: number): { quote: string; prefix: string; suffix: string } {
  return {
    quote: text.slice(start, end),
    prefix: contextBefore(text, start, CONTEXT_LENGTH),
    suffix: contextAfter(text, end, CONTEXT_LENGTH),
  };
}

// Weights of the combined score, after Hypothesis's match-quote: the quote counts most, then each side's
// context, then closeness to the old place. Closeness weighs more than in Hypothesis (2): offsets into a text
// file drift by the size of nearby edits, so the old place is good evidence, and it is what keeps an edited
// quote from losing to an untouched copy of it further away.
const W_QUOTE = 50;
const W_PREFIX = 20;
const W_SUFFIX = 20;
const W_POSITION = 20;

/** How far from the old range a fuzzy match may stand and still count as "at the old place". */
const NEAR_SLACK = 32;

/** Quotes shorter than this need context on both sides to be matched fuzzily. */
const SHORT_QUOTE = 16;

interface Candidate extends ApproxMatch {
  score: number;
  prefixSim: number;
  suffixSim: number;
}

/** Resolves `target` against `text`. Pure; cost is bounded by the window unless the whole text is needed. */
export function resolveAnchor(text: string, target: AnchorTarget, options: Partial<ResolveOptions> = {}): AnchorResult {
  const opts = { ...defaultResolveOptions, ...options };
  const { quote } = target;
  const m = quote.length;
  if (m === 0) { return orphan('not-found'); }

  // 1. The stored offsets still hold the quote (and split no character: half a surrogate pair is no quote).
  if (target.start >= 0 && target.end === target.start + m && target.end <= text.length
    && text.startsWith(quote, target.start) && !splitsSurrogatePair(text, target.start) && !splitsSurrogatePair(text, target.end)) {
    return { outcome: 'exact', start: target.start, end: target.end, errors: 0, score: W_QUOTE + W_PREFIX + W_SUFFIX + W_POSITION };
  }

  const hint = clamp(target.start, 0, text.length);
  const budget = new WorkBudget(Math.min(opts.maxWork, opts.budget?.remaining ?? Infinity));
  const startBudget = budget.remaining;
  const scorer = new Scorer(text, target, hint, m, opts.window, budget);
  const settle = (r: AnchorResult): AnchorResult => {
    if (opts.budget) { opts.budget.remaining -= startBudget - budget.remaining; }
    return r;
  };
  const maxErrors = Math.floor(m * opts.maxErrorRatio);

  // 1b. Live edits: the mapped range itself, edited but still close to the quote. Nothing else is searched
  // fuzzily: the edits are known, so a similar passage elsewhere is not this quote (settle() searches later).
  if (opts.trustedRange) {
    const lo = Math.max(0, hint - NEAR_SLACK);
    const hi = Math.min(text.length, Math.max(hint, target.end) + NEAR_SLACK);
    const onRange = scorer.bestFuzzy(lo, hi, maxErrors, (c) => c.start < target.end && c.end > hint);
    const exact = onRange ? undefined : scorer.bestExact();
    // Live edits map the range exactly, so the match is not widened to word boundaries: the edit says where it ends.
    return settle(onRange ? found(text, target, onRange, false) : exact ? found(text, target, exact, false) : orphan(scorer.reason()));
  }

  // 2. The exact quote elsewhere: every occurrence, scored on context and closeness.
  let best = scorer.bestExact();

  // 3. Fuzzy, near the old place. Run even when an exact copy exists elsewhere: in a corpus full of repeated
  // passages, the lightly edited original next to its old place, with its context intact, must beat a copy far
  // away. The window search also finds exact matches, so this costs one window scan.
  if (!best || !scorer.isConclusive(best)) {
    const lo = Math.max(0, hint - opts.window);
    const hi = Math.min(text.length, Math.max(hint, target.end) + m + opts.window);
    best = better(best, scorer.bestFuzzy(lo, hi, maxErrors));
  }

  // 4. Fuzzy in the whole text, only when nothing acceptable was found near (and the quote is not too long).
  if (!best && opts.wholeText) {
    best = m <= opts.maxFuzzyWholeTextQuote ? scorer.bestFuzzy(0, text.length, maxErrors) : scorer.giveUp();
  }

  return settle(best ? found(text, target, best, true) : orphan(scorer.reason()));
}

function found(text: string, target: AnchorTarget, c: Candidate, wholeWords: boolean): AnchorResult {
  if (text.slice(c.start, c.end) === target.quote) {
    return { outcome: 'moved', start: c.start, end: c.end, errors: c.errors, score: c.score };
  }
  const r = wholeWords ? toWordBoundaries(text, target, c.start, c.end) : c;
  const errors = r.start === c.start && r.end === c.end ? c.errors : editDistance(target.quote, text.slice(r.start, r.end));
  return { outcome: 'fuzzy', start: r.start, end: r.end, errors, score: c.score };
}

/** Longest stretch a fuzzy match is widened by to reach the end of a word. */
const MAX_WORD_EXTENSION = 64;

/**
 * A fuzzy match that ends (or starts) inside a word, where the quote ended (or started) on a word boundary, is
 * widened to the whole word: an edit changed that word ("would not hold" -> "would not last"), and cutting it
 * ("would not la" + "st.") marks text nobody chose.
 */
function toWordBoundaries(text: string, target: AnchorTarget, start: number, end: number): { start: number; end: number } {
  const q = target.quote;
  const endedOnBoundary = !(isWordCode(q.charCodeAt(q.length - 1)) && target.suffix && isWordCode(target.suffix.charCodeAt(0)));
  const startedOnBoundary = !(isWordCode(q.charCodeAt(0)) && target.prefix && isWordCode(target.prefix.charCodeAt(target.prefix.length - 1)));
  let e = end;
  if (endedOnBoundary && e > 0 && isWordCode(text.charCodeAt(e - 1))) {
    while (e < text.length && e - end < MAX_WORD_EXTENSION && isWordCode(text.charCodeAt(e))) { e++; }
    if (e < text.length && isWordCode(text.charCodeAt(e))) { e = end; } // a run too long to be a word: leave it
  }
  let s = start;
  if (startedOnBoundary && s < text.length && isWordCode(text.charCodeAt(s))) {
    while (s > 0 && start - s < MAX_WORD_EXTENSION && isWordCode(text.charCodeAt(s - 1))) { s--; }
    if (s > 0 && isWordCode(text.charCodeAt(s - 1))) { s = start; }
  }
  return { start: s, end: e };
}

function orphan(reason: OrphanReason): AnchorResult {
  return { outcome: 'orphaned', start: null, end: null, errors: null, score: 0, reason };
}

function better(a: Candidate | undefined, b: Candidate | undefined): Candidate | undefined {
  if (!a) { return b; }
  if (!b) { return a; }
  return b.score > a.score ? b : a;
}

function clamp(v: number, lo: number, hi: number): number {
  return Number.isFinite(v) ? Math.max(lo, Math.min(hi, v)) : lo;
}

/** Scores candidate ranges of one target in one text, and decides which are acceptable. */
class Scorer {
  private readonly prefix: string;
  private readonly suffix: string;
  private readonly positionScale: number;
  private readonly hintEnd: number;

  constructor(
    private readonly text: string,
    private readonly target: AnchorTarget,
    private readonly hint: number,
    private readonly m: number,
    window: number,
    private readonly budget: WorkBudget,
  ) {
    this.prefix = target.prefix ?? '';
    this.suffix = target.suffix ?? '';
    this.positionScale = Math.max(window, 4 * m);
    this.hintEnd = Math.max(hint, Math.min(text.length, target.end));
  }

  score(start: number, end: number, errors: number): Candidate {
    // An empty context means the quote stood at an end of the text: only a place at an end matches it.
    const prefixSim = this.prefix.length > 0 ? contextSimilarity(this.prefix, this.text, start, 'before') : start === 0 ? 1 : 0;
    const suffixSim = this.suffix.length > 0 ? contextSimilarity(this.suffix, this.text, end, 'after') : end === this.text.length ? 1 : 0;
    // Half of it falls off within a few dozen code units (a copy next door is not the old place), half over
    // the window (offline, the old place has drifted by the size of the edits before it).
    const d = Math.abs(start - this.hint);
    const positionSim = 0.5 / (1 + d / 64) + 0.5 / (1 + d / this.positionScale);
    const score = W_QUOTE * (1 - errors / this.m) + W_PREFIX * prefixSim + W_SUFFIX * suffixSim + W_POSITION * positionSim;
    return { start, end, errors, score, prefixSim, suffixSim };
  }

  /** Set when a search was not made, or cut short, for want of budget. */
  private overBudget = false;

  /** Why nothing was found: a search the budget did not allow may have found it. */
  reason(): OrphanReason {
    return this.overBudget ? 'over-budget' : 'not-found';
  }

  /** Records that a search was not made for its cost; nothing found. */
  giveUp(): undefined {
    this.overBudget = true;
    return undefined;
  }

  /** Takes work from the budget, or records that a search was given up. */
  private afford(units: number): boolean {
    if (this.budget.take(units)) { return true; }
    this.overBudget = true;
    return false;
  }

  /** An exact copy with both contexts intact and close to the old place needs no fuzzy search to challenge it. */
  isConclusive(c: Candidate): boolean {
    return c.errors === 0 && c.prefixSim === 1 && c.suffixSim === 1 && Math.abs(c.start - this.hint) <= this.positionScale;
  }

  /**
   * A fuzzy candidate must be close to the quote and keep one side of its context mostly intact: a quote with
   * a few errors also matches templated sentences and near-copies, which are other text. A long quote with few
   * errors is strong evidence by itself, so it needs less context, or none where it stands at the old place.
   */
  acceptableFuzzy(c: Candidate, maxErrors: number): boolean {
    if (c.errors > maxErrors) { return false; }
    const atOldPlace = c.start < this.hintEnd + NEAR_SLACK && c.end > this.hint - NEAR_SLACK;
    // A short quote with an error is weak evidence (a neighbouring word, a different mention): both sides of
    // its context together must vouch for it, and more so away from the old place.
    if (this.m < SHORT_QUOTE) { return c.prefixSim + c.suffixSim >= (atOldPlace ? 1.0 : 1.4); }
    const quoteSim = 1 - c.errors / this.m;
    const contextSim = Math.max(c.prefixSim, c.suffixSim);
    if (atOldPlace) {
      // Where the old place itself holds it, even a quote whose context was rewritten is still this quote.
      return quoteSim >= 0.9 || contextSim >= 0.5;
    }
    // Elsewhere, context must vouch for it, on both sides: one side alone is often a fixed phrase next to the
    // quote ("... the Revolutionary Guard"), and chance similarity of prose reaches about 0.6.
    return contextSim >= 0.75 && c.prefixSim + c.suffixSim >= 1.4;
  }

  /**
   * An exact copy is the quote's text, but a short one with its context gone may be a different mention, or
   * part of a longer word ("Ali" in "Alibaba"): such a copy must at least sit on the same word boundaries.
   */
  acceptableExact(c: Candidate): boolean {
    if (this.m >= 16 || Math.max(c.prefixSim, c.suffixSim) >= 0.3) { return true; }
    const { text } = this;
    const wasWordStart = this.prefix.length === 0 || !isWordCode(this.prefix.charCodeAt(this.prefix.length - 1));
    const wasWordEnd = this.suffix.length === 0 || !isWordCode(this.suffix.charCodeAt(0));
    return (!wasWordStart || c.start === 0 || !isWordCode(text.charCodeAt(c.start - 1)))
      && (!wasWordEnd || c.end === text.length || !isWordCode(text.charCodeAt(c.end)));
  }

  bestExact(): Candidate | undefined {
    const { text } = this;
    const quote = this.target.quote;
    // Cheap ranking first (exact runs of context, closeness), then the full context score for the leaders.
    const found: { pos: number; cheap: number }[] = [];
    for (let pos = text.indexOf(quote); pos >= 0; pos = text.indexOf(quote, pos + 1)) {
      if (splitsSurrogatePair(text, pos) || splitsSurrogatePair(text, pos + this.m)) { continue; }
      const run = commonSuffixLength(this.prefix, text, pos) + commonPrefixLength(this.suffix, text, pos + this.m);
      found.push({ pos, cheap: run * 4 + 1 / (1 + Math.abs(pos - this.hint) / this.positionScale) });
    }
    if (found.length === 0) { return undefined; }
    const leaders = found.length <= 24 ? found : found.sort((a, b) => b.cheap - a.cheap).slice(0, 16)
      .concat(found.slice().sort((a, b) => Math.abs(a.pos - this.hint) - Math.abs(b.pos - this.hint)).slice(0, 8));
    let best: Candidate | undefined;
    for (const f of leaders) {
      const c = this.score(f.pos, f.pos + this.m, 0);
      if (this.acceptableExact(c)) { best = better(best, c); }
    }
    return best;
  }

  /**
   * A match range that splits no surrogate pair: unchanged if it splits none, else whichever of widening
   * over the pair or narrowing off it costs fewer edits (recounted).
   */
  private snap(start: number, end: number, errors: number): ApproxMatch | undefined {
    if (!splitsSurrogatePair(this.text, start) && !splitsSurrogatePair(this.text, end)) { return { start, end, errors }; }
    const wide = snapOutward(this.text, start, end);
    const narrow = {
      start: splitsSurrogatePair(this.text, start) ? start + 1 : start,
      end: splitsSurrogatePair(this.text, end) ? end - 1 : end,
    };
    let best: ApproxMatch | undefined;
    for (const r of [wide, narrow]) {
      if (r.end <= r.start) { continue; }
      const e = editDistance(this.target.quote, this.text.slice(r.start, r.end));
      if (!best || e < best.errors) { best = { ...r, errors: e }; }
    }
    return best;
  }

  /** The best acceptable fuzzy match within [from, to) (that `accept` also accepts, if given). */
  bestFuzzy(from: number, to: number, maxErrors: number, accept?: (c: Candidate) => boolean): Candidate | undefined {
    if (maxErrors <= 0 || to - from < this.m - maxErrors) { return undefined; }
    const p = new BitPattern(this.target.quote);
    if (!this.afford((to - from) * p.blocks)) { return undefined; }
    // Runs of adjacent match ends belong to one place in the text; keep the least-error ends of each run.
    const runs: { ends: number[]; errors: number }[] = [];
    let lastEnd = -2;
    scanMatchEnds(p, this.text, from, to, maxErrors, (end, errors) => {
      const run = runs[runs.length - 1];
      if (run && end === lastEnd + 1) {
        if (errors < run.errors) { run.ends = [end]; run.errors = errors; } else if (errors === run.errors) { run.ends.push(end); }
      } else {
        runs.push({ ends: [end], errors });
      }
      lastEnd = end;
    });
    if (runs.length === 0) { return undefined; }
    // Bound the work on a text full of near-copies: the fewest errors first, then the nearest.
    const chosen = runs.length <= 64 ? runs : runs
      .sort((a, b) => a.errors - b.errors || Math.abs(a.ends[0] - this.hint) - Math.abs(b.ends[0] - this.hint))
      .slice(0, 64);
    const reversed = new BitPattern(reverseString(this.target.quote));
    let best: Candidate | undefined;
    for (const run of chosen) {
      for (const end of run.ends.slice(0, 8)) {
        const minStart = Math.max(from, end - this.m - maxErrors);
        if (!this.afford((end - minStart) * reversed.blocks)) { return best; }
        const { starts, errors } = bestStartsFor(reversed, this.text, end, minStart);
        for (const start of starts.slice(0, 8)) {
          const snapped = this.snap(start, end, errors);
          if (!snapped || snapped.errors > maxErrors) { continue; }
          const c = this.score(snapped.start, snapped.end, snapped.errors);
          const ok = accept ? accept(c) : errors === 0 ? this.acceptableExact(c) : this.acceptableFuzzy(c, maxErrors);
          if (ok) { best = better(best, c); }
        }
      }
    }
    return best;
  }
}

/** Letters, digits and marks: the characters a word is made of, in any script. */
function isWordCode(c: number): boolean {
  if (c < 128) { return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95; }
  return /[\p{L}\p{N}\p{M}]/u.test(String.fromCharCode(c));
}

/** Length of the longest common suffix of `context` and the text ending at `pos`. */
function commonSuffixLength(context: string, text: string, pos: number): number {
  let n = 0;
  while (n < context.length && pos - 1 - n >= 0 && context.charCodeAt(context.length - 1 - n) === text.charCodeAt(pos - 1 - n)) { n++; }
  return n;
}

/** Length of the longest common prefix of `context` and the text starting at `pos`. */
function commonPrefixLength(context: string, text: string, pos: number): number {
  let n = 0;
  while (n < context.length && pos + n < text.length && context.charCodeAt(n) === text.charCodeAt(pos + n)) { n++; }
  return n;
}
