// The document-level rules of the entity suggester, run once every run of capitals has been typed on its own:
// the document agrees with itself (a string typed with confidence is typed so everywhere, short forms take the
// type of the full name, a person's name at the start of a longer run is cut to the name), and the rows of tables,
// which read as headings, give their people.
import { COMMON_CAPITALIZED, DATE_WORDS, DEMONYMS, LOC_PREFIXES, LOC_SUFFIXES, ORG_HEADS, ORG_SUFFIXES, TITLES } from './lexicon';
import { Candidate, Label, lexiconLabel, Word } from './entityWords';
import { tableRowName } from './headings';
import { TokenizedText } from './tokens';

/**
 * The people in the rows of tables (lines of names and figures, read as headings): full names by their shape
 * (`tableRowName`), then a surname alone ("b Harris", "Bowling: Harris 10-0-42-5") once a full name in the
 * document ends with it. Names the running text or the word lists type otherwise are left to them.
 */
export function tableRows(
  words: Word[], inHeadings: Candidate[], named: Map<string, { label: Label; score: number }>, tok: TokenizedText,
  running: Candidate[], text: string,
): Map<Candidate, Candidate> {
  const withFigure = new Set<number>();
  for (const w of words) { if (/\d/.test(w.text)) { withFigure.add(w.sentence); } }
  const out = new Map<Candidate, Candidate>();
  const key = (c: Candidate) => words.slice(c.from, c.to + 1).map((w) => w.text.toLowerCase()).join(' ');
  const surnames = new Set<string>();
  for (const c of running) { if (c.label === 'person' && c.to > c.from) { surnames.add(words[c.to].text); } }
  for (const h of inHeadings) {
    if (!withFigure.has(words[h.from].sentence) || (named.has(key(h)) && named.get(key(h))!.label !== 'person')) { continue; }
    const end = tableRowName(words, h.from, h.to, tok) ?? rankedRowName(words, h, text);
    if (end === undefined) { continue; }
    out.set(h, { words, from: h.from, to: end, label: 'person', score: 0.7 });
    surnames.add(words[end].text);
  }
  for (const h of inHeadings) {
    if (h.from !== h.to || !withFigure.has(words[h.from].sentence) || !surnames.has(words[h.from].text)) { continue; }
    if (named.has(key(h)) && named.get(key(h))!.label !== 'person') { continue; }
    out.set(h, { words, from: h.from, to: h.to, label: 'person', score: 0.7 });
  }
  return out;
}

/**
 * "4. Jacqui Cooper (Australia) 156.52": in a ranked list, a rank opening the line, then two or three Title Case
 * words and a listed place in brackets or a figure, is a competitor, whatever dictionary holds the words
 * ("Cooper", "Marshall"). Returns the end of the name, or undefined.
 */
export function rankedRowName(words: Word[], h: Candidate, text: string): number | undefined {
  // The rank is "4." or "4" and "." as the tokenizer splits it, at the start of a line.
  const dot = words[h.from - 1]?.text === '.' ? 1 : 0;
  const rank = words[h.from - 1 - dot];
  if (!rank || !(dot ? /^\d{1,3}$/ : /^\d{1,3}\.$/).test(rank.text)) { return undefined; }
  const lineStart = text.lastIndexOf('\n', rank.start - 1) + 1;
  if (!/^\s*$/.test(text.slice(lineStart, rank.start))) { return undefined; }
  if (h.to === h.from || h.to - h.from > 2) { return undefined; }
  const parts = words.slice(h.from, h.to + 1);
  if (!parts.every((w) => /^\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?$/u.test(w.text) && !COMMON_CAPITALIZED.has(w.text)
    && !ORG_SUFFIXES.has(w.text) && !LOC_SUFFIXES.has(w.text) && !DEMONYMS.has(w.text) && !DATE_WORDS.has(w.text)
    && lexiconLabel(w.text) === undefined)) { return undefined; }
  const next = words[h.to + 1];
  const inBrackets = next?.text === '(' && lexiconLabel(words[h.to + 2]?.text ?? '') === 'location' && words[h.to + 3]?.text === ')';
  return inBrackets || /^\d/.test(next?.text ?? '') ? h.to : undefined;
}

/** The least score of a full name whose short form is proposed alone (a two-word name of unknown words scores 0.6). */
const SHORT_FORM_SOURCE = 0.6;

/**
 * Makes the document agree with itself: a string typed with confidence somewhere gets that type everywhere, a
 * person's surname alone is that person, a word of an organization's name alone is that organization ("Harwick"
 * after "Harwick Mining Ltd"), and an acronym defined in brackets takes the type of its long form.
 */
export function harmonize(cands: Candidate[], words: Word[], text: string, tok: TokenizedText, minScore: number): void {
  personPrefixes(cands, words);
  const sure = new Map<string, { label: Label; score: number }>();
  const surnames = new Map<string, number>();
  const orgWords = new Map<string, number>();
  const strOf = (c: Candidate) => text.slice(words[c.from].start, words[c.to].end);
  // A short form stands for a name only if it says nothing else: no dictionary word, no place or listed name, no
  // cue word ("Bank", "River"), no title or nationality.
  const shortForm = (t: string) => /^\p{Lu}\p{Ll}{2,}/u.test(t) && !tok.isCommonWord(t.toLowerCase())
    && lexiconLabel(t) === undefined && !ORG_SUFFIXES.has(t) && !ORG_HEADS.has(t) && !LOC_SUFFIXES.has(t)
    && !LOC_PREFIXES.has(t) && !TITLES.has(t) && !DEMONYMS.has(t) && !COMMON_CAPITALIZED.has(t) && !DATE_WORDS.has(t);
  for (const c of cands) {
    if (!c.label) { continue; }
    // A multi-word name that is proposed lends its short form to the rest of the document.
    if (c.to > c.from && c.score >= Math.max(minScore, SHORT_FORM_SOURCE)) {
      if (c.label === 'person') {
        const last = words[c.to].text;
        // A surname that is also a word ("Smith", "Young") still counts: the full name made it one.
        if (/^\p{Lu}\p{Ll}/u.test(last) && lexiconLabel(last) === undefined) {
          surnames.set(last, Math.max(surnames.get(last) ?? 0, c.score));
        }
      } else if (c.label === 'organization') {
        for (let k = c.from; k <= c.to; k++) {
          const t = words[k].text;
          if (shortForm(t)) { orgWords.set(t, Math.max(orgWords.get(t) ?? 0, c.score)); }
        }
      }
    }
    if (c.score < 0.75) { continue; }
    const s = strOf(c);
    const had = sure.get(s);
    if (!had || had.score < c.score) { sure.set(s, { label: c.label, score: c.score }); }
    // "International Atomic Energy Agency (IAEA)".
    const open = words[c.to + 1];
    const acr = words[c.to + 2];
    const close = words[c.to + 3];
    if (open?.text === '(' && close?.text === ')' && acr && /^[A-Z][A-Za-z]{1,7}$/.test(acr.text)) {
      sure.set(acr.text, { label: c.label, score: Math.min(0.9, c.score) });
    }
  }
  // "Warhol" after "Andy Warhol" and "the Andy Warhol Foundation": the organization is named after the person.
  for (const w of surnames.keys()) { orgWords.delete(w); }
  for (const c of cands) {
    const s = strOf(c);
    const known = sure.get(s);
    if (known && (!c.label || c.score < known.score)) {
      c.label = known.label;
      c.score = Math.max(c.score, Math.min(0.88, known.score));
      continue;
    }
    if (c.from !== c.to || (c.label && c.score >= 0.9)) { continue; }
    // At a sentence start, a dictionary word is the word, not the name ("Young players ..." after "B. Young"),
    // unless the full name was typed with confidence ("Price said" after "Councillor Ann Price").
    const initialWord = words[c.from].initial && tok.isCommonWord(s.toLowerCase());
    const surname = surnames.get(s);
    if (surname !== undefined && !(initialWord && surname < 0.75)
      && (!c.label || c.score < 0.85 || c.label !== 'person')) {
      c.label = 'person';
      c.score = Math.max(c.score, Math.min(0.85, surname + 0.1));
      continue;
    }
    const org = orgWords.get(s);
    // A place typed by its context ("in Kettering") stays a place: "Kettering Borough Council" is named after it.
    if (org !== undefined && (!c.label || c.label === 'organization' && c.score < 0.75) && words[c.from + 1]?.text !== '-') {
      c.label = 'organization';
      c.score = Math.max(c.score, Math.min(0.8, org));
    }
  }
}

/**
 * "the Andy Warhol Photographic Legacy Program", "the Warhol Polaroids": a run that starts with the full name of a
 * person typed with confidence in the document, or with that person's surname, and that no cue types with
 * confidence, is the person's name before other words; it is cut to the name.
 */
function personPrefixes(cands: Candidate[], words: Word[]): void {
  const full: string[][] = [];
  const surnames = new Set<string>();
  for (const c of cands) {
    if (c.label !== 'person' || c.score < 0.75 || c.to === c.from) { continue; }
    full.push(words.slice(c.from, c.to + 1).map((w) => w.text));
    surnames.add(words[c.to].text);
  }
  if (!full.length) { return; }
  for (const c of cands) {
    if (c.to === c.from || (c.label && c.score >= 0.75)) { continue; }
    const ws = words.slice(c.from, c.to + 1).map((w) => w.text);
    const name = full.find((f) => f.length < ws.length && f.every((t, k) => ws[k] === t));
    const len = name ? name.length : surnames.has(ws[0]) && !surnames.has(ws[ws.length - 1]) ? 1 : 0;
    // Cue words after the name make the run an organization or a place named after the person ("the Andy Warhol
    // Foundation for the Visual Arts"), which stays whole.
    if (!len || ws.slice(len).some((t) => t === 'of' || t === 'for' || ORG_SUFFIXES.has(t) || ORG_HEADS.has(t) || LOC_SUFFIXES.has(t))) { continue; }
    c.to = c.from + len - 1;
    c.label = 'person';
    c.score = 0.8;
  }
}

/**
 * "Evansville, Indiana", "AL-AIN, United Arab Emirates 1996-12-06": a name followed by a comma and a place the
 * word lists know, and then by punctuation, a line's end or a date, is a place in that place (a town, a state).
 * Runs typed with confidence otherwise keep their type; runs of headings (datelines read as headings) that nothing
 * typed are proposed when they open a line. `cands` is in text order; the new places are inserted in order.
 */
export function placesBeforePlaces(cands: Candidate[], inHeadings: Candidate[], words: Word[], text: string, tok: TokenizedText): void {
  const byStart = new Map<number, Candidate>();
  for (const c of cands) { byStart.set(c.from, c); }
  const knownPlace = (k: number): Candidate | undefined => {
    const c = byStart.get(k);
    return c && c.label === 'location' && c.score >= 0.75 && lexiconLabel(words.slice(c.from, c.to + 1).map((w) => w.text).join(' ')) === 'location'
      || c && c.label === 'location' && c.score >= 0.85 ? c : undefined;
  };
  const endsThere = (c: Candidate): boolean => {
    const after = words[c.to + 1];
    if (!after) { return true; }
    if (/\n/.test(text.slice(words[c.to].end, after.start))) { return true; }
    return /^(?:[,.;:)(—–-]|\d{4}-\d\d-\d\d)$/.test(after.text);
  };
  const before = (c: Candidate): boolean => {
    const place = words[c.to + 1]?.text === ',' ? knownPlace(c.to + 2) : undefined;
    return place !== undefined && endsThere(place);
  };
  for (const c of cands) {
    if (c.label === 'location' || (c.label && c.score >= 0.75) || !before(c)) { continue; }
    const single = c.from === c.to ? words[c.from].text : undefined;
    if (single && tok.isCommonWord(single.toLowerCase()) && !/^\p{Lu}[\p{Lu}-]+$/u.test(single)) { continue; }
    c.label = 'location';
    c.score = 0.75;
  }
  const taken = (h: Candidate) => cands.some((c) => c.from <= h.to && h.from <= c.to);
  for (const h of inHeadings) {
    const lineStart = h.from === 0 || /\n\s*$/.test(text.slice(words[h.from - 1].end, words[h.from].start));
    if (!lineStart || taken(h) || !before(h)) { continue; }
    if (h.from === h.to && tok.isCommonWord(words[h.from].text.toLowerCase())) { continue; }
    const at = cands.findIndex((c) => c.from > h.to);
    cands.splice(at < 0 ? cands.length : at, 0, { words, from: h.from, to: h.to, label: 'location', score: 0.75 });
  }
}