// The corpus gazetteer: every string the editors tagged as an entity somewhere in the corpus, with the label they
// gave it, proposed again at its other occurrences. Matches are whole words, case-sensitive, longest first; spans
// already tagged and mentions the editors turned down are left out.
import type { Annotation } from '../annotations/model';
import { COMMON_CAPITALIZED, DATE_WORDS, NAME_ADJECTIVES, TITLES } from './lexicon';
import { isRejection } from './rejections';

export { REJECTED_STATUSES, isRejection } from './rejections';
import { EntityLabel, EntitySuggestion, RejectedMention, TaggedSpan } from './types';

/** One file's annotations, as a sidecar holds them. */
export interface AnnotatedFile {
  /** The source's path, to tell one file's rejections from another's. */
  path?: string;
  annotations: readonly Annotation[];
}

export interface GazetteerEntry {
  text: string;
  /** The label the editors gave the string most often. */
  label: string;
  /** How many tags gave it that label, and how many tags it has in all (any label). */
  count: number;
  total: number;
  /** How many of its mentions were turned down. */
  rejected: number;
}

export interface GazetteerMatchOptions {
  /** Spans already tagged in this text (entity annotations): nothing overlapping them is proposed. */
  tagged?: readonly TaggedSpan[];
  /** Mentions turned down in this text: at their place when they have offsets, everywhere when not. */
  rejected?: readonly RejectedMention[];
}

/** The suggestion label for an annotation's label: the three coarse types, else "other". */
export function coarseLabel(label: string | undefined): EntityLabel {
  switch ((label ?? '').toLowerCase()) {
    case 'person': case 'per': return 'person';
    case 'organization': case 'organisation': case 'org': return 'organization';
    case 'location': case 'loc': case 'place': case 'gpe': return 'location';
    default: return 'other';
  }
}

/** Below this share of one label, a string's tags disagree too much for it to be proposed. */
const MIN_AGREEMENT = 2 / 3;

export class Gazetteer {
  private readonly byText: Map<string, GazetteerEntry>;
  /** Entries by their first two code units, each list longest first. */
  private readonly byPrefix = new Map<string, GazetteerEntry[]>();

  private constructor(entries: Map<string, GazetteerEntry>) {
    this.byText = entries;
    for (const e of entries.values()) {
      if (!this.proposable(e)) { continue; }
      const key = e.text.slice(0, 2);
      const list = this.byPrefix.get(key) ?? [];
      list.push(e);
      this.byPrefix.set(key, list);
    }
    for (const list of this.byPrefix.values()) { list.sort((a, b) => b.text.length - a.text.length); }
  }

  /**
   * Builds the gazetteer from the entity annotations of many files. An entity annotation whose
   * `attributes.status` is `rejected` or `dismissed` records a mention an editor turned down; a string turned
   * down at least as often as it was tagged is not proposed.
   */
  static fromAnnotations(files: Iterable<AnnotatedFile | readonly Annotation[]>): Gazetteer {
    const labels = new Map<string, Map<string, number>>();
    const rejected = new Map<string, number>();
    for (const f of files) {
      const annotations = isAnnotationList(f) ? f : f.annotations;
      for (const a of annotations) {
        if (a.kind !== 'entity' || typeof a.quote !== 'string') { continue; }
        const text = a.quote.trim();
        if (text === '' || text !== a.quote) { continue; }
        if (isRejection(a)) {
          rejected.set(text, (rejected.get(text) ?? 0) + 1);
          continue;
        }
        const label = typeof a.label === 'string' && a.label !== '' ? a.label : 'other';
        const m = labels.get(text) ?? new Map<string, number>();
        m.set(label, (m.get(label) ?? 0) + 1);
        labels.set(text, m);
      }
    }
    const entries = new Map<string, GazetteerEntry>();
    for (const [text, m] of labels) {
      let best = '';
      let count = 0;
      let total = 0;
      for (const [label, n] of m) {
        total += n;
        if (n > count || (n === count && label < best)) { best = label; count = n; }
      }
      entries.set(text, { text, label: best, count, total, rejected: rejected.get(text) ?? 0 });
    }
    return new Gazetteer(entries);
  }

  /** A gazetteer from strings and labels given directly (each counted as one tag). */
  static fromEntries(list: Iterable<{ text: string; label: string }>): Gazetteer {
    return Gazetteer.fromAnnotations([[...list].map((e, i) => ({
      id: `g${i}`, kind: 'entity' as const, label: e.label, quote: e.text, start: 0, end: e.text.length,
    }))]);
  }

  get size(): number {
    return this.byText.size;
  }

  entries(): GazetteerEntry[] {
    return [...this.byText.values()];
  }

  /** Whether any string would be proposed (find() finds nothing without one). */
  hasProposals(): boolean {
    return this.byPrefix.size > 0;
  }

  /** The entry for an exact string, if the corpus tagged it. */
  lookup(text: string): GazetteerEntry | undefined {
    return this.byText.get(text);
  }

  /** Whether the corpus turned `text` down at least as often as it tagged it (so no rule should propose it). */
  isRejected(text: string): boolean {
    const e = this.byText.get(text);
    return e ? e.rejected >= e.total : false;
  }

  /** Every occurrence in `text` of a tagged string, longest match first, as suggestions with the string's label. */
  find(text: string, options: GazetteerMatchOptions = {}): EntitySuggestion[] {
    const out: EntitySuggestion[] = [];
    if (this.byPrefix.size === 0) { return out; }
    const tagged = [...(options.tagged ?? [])].sort((a, b) => a.start - b.start);
    const rejectedHere = options.rejected ?? [];
    let p = 0;
    while (p < text.length) {
      if (p > 0 && isWordChar(text, p - 1) && isWordChar(text, p)) { p++; continue; }
      if (p > 1 && text[p - 1] === '-' && isWordChar(text, p - 2)) { p++; continue; }
      const list = this.byPrefix.get(text.slice(p, p + 2));
      let matched: GazetteerEntry | undefined;
      if (list) {
        for (const e of list) {
          const end = p + e.text.length;
          if (!text.startsWith(e.text, p) || !endsWord(text, end) || insideLongerName(text, p, end)) { continue; }
          if (overlaps(tagged, p, end) || isRejectedHere(rejectedHere, e, p, end)) { continue; }
          matched = e;
          break;
        }
      }
      if (matched) {
        const end = p + matched.text.length;
        const label = coarseLabel(matched.label);
        const suggestion: EntitySuggestion = {
          kind: 'entity', label, text: matched.text, start: p, end, source: 'gazetteer',
          score: Math.round(100 * Math.min(0.99, 0.8 + 0.15 * (matched.count / matched.total) + 0.01 * Math.min(4, matched.count))) / 100,
        };
        out.push(suggestion);
        p = end;
      } else {
        p++;
      }
    }
    return out;
  }

  private proposable(e: GazetteerEntry): boolean {
    if (e.rejected >= e.total) { return false; }
    if (e.count / e.total < MIN_AGREEMENT) { return false; }
    // One capitalized common word ("May", "Monday", "The") is too often not the tagged entity.
    if (!/\s/.test(e.text) && COMMON_CAPITALIZED.has(e.text)) { return false; }
    return e.text.length >= 2;
  }
}

function isAnnotationList(f: AnnotatedFile | readonly Annotation[]): f is readonly Annotation[] {
  return Array.isArray(f);
}

function isWordChar(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) {
    return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
  }
  // A surrogate pair or any letter or digit outside ASCII.
  const cp = text.codePointAt(i >= 1 && c >= 0xdc00 && c <= 0xdfff ? i - 1 : i)!;
  return /[\p{L}\p{N}\p{M}]/u.test(String.fromCodePoint(cp));
}

/** Whether a match ending at `end` ends a word: not followed by a letter or digit, nor by a hyphen and a word. */
function endsWord(text: string, end: number): boolean {
  if (end >= text.length) { return true; }
  if (isWordChar(text, end)) { return false; }
  if (text[end] === '-' && end + 1 < text.length && isWordChar(text, end + 1)) { return false; }
  return true;
}

/**
 * Whether the match is only part of a longer name: "Supreme Court" in "Supreme Court of Canada", "Delhi" in
 * "New Delhi". A title before ("President Biden") or a date after ("Biden Tuesday") does not make a longer name.
 */
function insideLongerName(text: string, start: number, end: number): boolean {
  const after = /^ (?:(?:of|for|de|del|da|von|van) )?(\p{Lu}[\p{L}.'’-]*)/u.exec(text.slice(end, end + 40));
  if (after && !DATE_WORDS.has(after[1]) && !(COMMON_CAPITALIZED.has(after[1]) && !NAME_ADJECTIVES.has(after[1]))) { return true; }
  const before = /(\p{Lu}[\p{L}'’-]*) $/u.exec(text.slice(Math.max(0, start - 40), start));
  if (before && !TITLES.has(before[1]) && !(COMMON_CAPITALIZED.has(before[1]) && !NAME_ADJECTIVES.has(before[1]))) { return true; }
  return false;
}

function overlaps(sorted: readonly TaggedSpan[], start: number, end: number): boolean {
  for (const t of sorted) {
    if (t.start >= end) { break; }
    if (t.end > start) { return true; }
  }
  return false;
}

function isRejectedHere(rejected: readonly RejectedMention[], e: GazetteerEntry, start: number, end: number): boolean {
  for (const r of rejected) {
    if (r.text !== e.text) { continue; }
    if (r.label !== undefined && coarseLabel(r.label) !== coarseLabel(e.label)) { continue; }
    if (r.start === undefined || r.end === undefined) { return true; }
    if (r.start < end && r.end > start) { return true; }
  }
  return false;
}
