// Headings: lines in Title Case or capitals (headlines, bylines, menus), where capitals tell nothing about names.
// They are read after the running text, and take the names it typed, in any case, and the names the word lists
// know.
import { COMMON_CAPITALIZED, DATE_WORDS, GIVEN_NAMES, KNOWN_PEOPLE, ORG_SUFFIXES, PERSON_TITLES_STRONG, TITLES } from './lexicon';
import { TokenizedText } from './tokens';
import { Candidate, Label, lexiconLabel, gapIsSpace, isCapitalized, NOT_ENTITY_ACRONYMS, Word } from './entityWords';

/**
 * Sentences written in Title Case or capitals (headings, bylines, menus), where capitals tell nothing: most of
 * their dictionary words (names do not count) are capitalized. A sentence dense with names is not one.
 */
export function headingSentences(words: Word[], count: number, tok: TokenizedText): Set<number> {
  const capital = new Array<number>(count + 1).fill(0);
  const total = new Array<number>(count + 1).fill(0);
  for (const w of words) {
    if (!/^\p{L}{4,}$/u.test(w.text) || !tok.isCommonWord(w.text.toLowerCase())) { continue; }
    // Names, titles and dates are capitalized in any sentence ("President Donald Trump ... on Monday").
    if (GIVEN_NAMES.has(w.text) || KNOWN_PEOPLE.has(w.text) || TITLES.has(w.text) || DATE_WORDS.has(w.text)
      || lexiconLabel(w.text) !== undefined) { continue; }
    total[w.sentence]++;
    if (/^\p{Lu}/u.test(w.text)) { capital[w.sentence]++; }
  }
  // A heading seldom ends with a full stop; a sentence that does must be capitals almost throughout. A line of
  // words that are all capitalized and unpunctuated (a menu item, "Letters to the Editor") is a heading too.
  const ended = new Array<boolean>(count + 1).fill(false);
  const lower = new Array<number>(count + 1).fill(0);
  for (const w of words) {
    if (/^\p{Ll}{4,}/u.test(w.text)) { lower[w.sentence]++; }
  }
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (i + 1 === words.length || words[i + 1].sentence !== w.sentence) { ended[w.sentence] = /^[.!?]+$/.test(w.text) || /^["”’')]$/.test(w.text); }
  }
  const out = new Set<number>();
  for (let s = 0; s <= count; s++) {
    const share = capital[s] / Math.max(1, total[s]);
    if (ended[s] ? total[s] >= 4 && share > 0.85 : (total[s] >= 2 && share > 0.6) || lower[s] === 0) { out.add(s); }
  }
  return out;
}

/** The names the running text typed, by their words in lower case: a heading may repeat them in any case. */
export function namesOfRunningText(cands: Candidate[], words: Word[]): Map<string, { label: Label; score: number }> {
  const out = new Map<string, { label: Label; score: number }>();
  for (const c of cands) {
    if (!c.label || c.score < 0.5) { continue; }
    const key = words.slice(c.from, c.to + 1).map((w) => w.text.toLowerCase()).join(' ');
    const had = out.get(key);
    if (!had || had.score < c.score) { out.set(key, { label: c.label, score: c.score }); }
  }
  return out;
}

/** "WORLD HEALTH ORGANIZATION" -> "World Health Organization", for the word lists; other words as they are. */
export function titleCased(s: string): string {
  if (!/\p{Lu}{2}/u.test(s) || /\p{Ll}/u.test(s)) { return s; }
  return s.toLowerCase().replace(/(^|[\s-])(\p{L})/gu, (_m, a: string, b: string) => a + b.toUpperCase());
}

/**
 * In a heading: the names the running text typed (in any case: "ORLANDO HEALTH" after "Orlando Health") and the
 * names the word lists know (capitals read as Title Case, "ATHENS"), longest first.
 */
export function headingMatches(
  words: Word[], from: number, to: number, text: string, named: Map<string, { label: Label; score: number }>,
  tok: TokenizedText,
): Candidate[] {
  // A given name and a surname: in capitals only when neither is a common word ("BILL PASSES" is no one).
  const fullName = (i: number, j: number): boolean => {
    if (j !== i + 1) { return false; }
    const [a, b] = [words[i].text, words[j].text];
    if (titleCased(a) === a) { return GIVEN_NAMES.has(a) && !COMMON_CAPITALIZED.has(b); }
    return GIVEN_NAMES.has(titleCased(a)) && !tok.isCommonWord(a.toLowerCase()) && !tok.isCommonWord(b.toLowerCase())
      && b.length >= 3 && !NOT_ENTITY_ACRONYMS.has(b);
  };
  // "GOVERNOR HALE SIGNS ...", "Senator Okafor Resigns": a person's title, then one or two words no dictionary
  // has, is a name as in running text.
  const unknownWord = (k: number): boolean => k <= to && isCapitalized(words[k]) && words[k].text.length >= 3
    && /^\p{L}[\p{L}'’-]*$/u.test(words[k].text) && !tok.isCommonWord(words[k].text.toLowerCase())
    && !NOT_ENTITY_ACRONYMS.has(words[k].text) && lexiconLabel(titleCased(words[k].text)) === undefined
    && !TITLES.has(titleCased(words[k].text)) && !DATE_WORDS.has(titleCased(words[k].text));
  const titledName = (i: number): number | undefined => {
    if (i + 1 > to || !PERSON_TITLES_STRONG.has(titleCased(words[i].text)) || !gapIsSpace(text, words[i], words[i + 1])) { return undefined; }
    if (fullName(i + 1, i + 2) && i + 2 <= to && gapIsSpace(text, words[i + 1], words[i + 2])) { return i + 2; }
    if (!unknownWord(i + 1)) { return undefined; }
    return unknownWord(i + 2) && gapIsSpace(text, words[i + 1], words[i + 2]) ? i + 2 : i + 1;
  };
  /** The longest name from `i` that the running text or the word lists know. */
  const knownAt = (i: number): Candidate | undefined => {
    for (let j = Math.min(to, i + 7); j >= i; j--) {
      if (!isCapitalized(words[j])) { continue; }
      const parts = words.slice(i, j + 1);
      const s = parts.map((w) => w.text).join(' ');
      const fromText = named.get(s.toLowerCase());
      // Capitals read as Title Case only for words of four letters or more: "US" or "WHO" may be plain words.
      const titled = parts.every((w) => w.text.length >= 4) ? titleCased(s) : s;
      const label = fromText?.label ?? lexiconLabel(s) ?? lexiconLabel(titled)
        ?? (fullName(i, j) ? 'person' : undefined);
      if (label && gapsAreSpaces(text, parts)) {
        return { words, from: i, to: j, label, score: fromText ? Math.min(0.85, fromText.score) : 0.75 };
      }
    }
    return undefined;
  };
  const sentence = words[from].sentence;
  let first = from;
  while (first > 0 && words[first - 1].sentence === sentence) { first--; }
  let last = to;
  while (last + 1 < words.length && words[last + 1].sentence === sentence) { last++; }
  const line = words.slice(first, last + 1);
  // Capitals say something in a line that writes other words in lower case ("NYMEX natgas ends lower", "Bre-X,
  // Barrick Said to Continue Talks"), or in a line that is one word ("- USDA", a wire report's source): a word in
  // capitals there is an acronym, an organization, as in running text.
  const capitalsTell = line.some((w) => /\p{Ll}/u.test(w.text)) || line.filter((w) => /\p{L}/u.test(w.text)).length === 1;
  const acronymAt = (i: number): boolean => capitalsTell && /^[A-Z][A-Z0-9&]{1,5}$/.test(words[i].text)
    && /[A-Z].*[A-Z]/.test(words[i].text) && !NOT_ENTITY_ACRONYMS.has(words[i].text)
    && (i === to || !isCapitalized(words[i + 1]) || !gapIsSpace(text, words[i], words[i + 1]));
  // "- Canadian Grain Commission": a line that is only a name ending with an organization's word.
  const wholeLine = line.every((w, k) => first + k >= from && first + k <= to || !/\p{L}/u.test(w.text));
  if (wholeLine && to > from && ORG_SUFFIXES.has(words[to].text) && !knownAt(from)) {
    return [{ words, from, to, label: 'organization', score: 0.6 }];
  }
  // "AMARILLO 1996-12-06": a line that is a run in capitals and a date is a wire dateline, the place it was filed.
  if (from === first && /^\p{Lu}[\p{Lu}.'-]*$/u.test(words[from].text) && words.slice(from, to + 1).every((w) => /^\p{Lu}[\p{Lu}.'-]*$/u.test(w.text))
    && last === to + 1 && /^\d{4}-\d\d-\d\d$/.test(words[last].text) && to - from <= 2 && !knownAt(from)) {
    return [{ words, from, to, label: 'location', score: 0.75 }];
  }
  const out: Candidate[] = [];
  let i = from;
  while (i <= to) {
    const known = knownAt(i);
    if (known) { out.push(known); i = known.to + 1; continue; }
    if (acronymAt(i)) { out.push({ words, from: i, to: i, label: 'organization', score: 0.6 }); i++; continue; }
    const end = titledName(i);
    if (end !== undefined && !knownAt(i + 1)) {
      out.push({ words, from: i + 1, to: end, label: 'person', score: 0.75 });
      i = end + 1;
      continue;
    }
    i++;
  }
  return out;
}

export function gapsAreSpaces(text: string, parts: Word[]): boolean {
  for (let k = 1; k < parts.length; k++) { if (!gapIsSpace(text, parts[k - 1], parts[k])) { return false; } }
  return true;
}

/** Initials written before a surname: "S.", "K.C.". */
export const INITIALS = /^(?:\p{Lu}\.){1,3}$/u;

/**
 * Names in the rows of a table (a results list, a scoreboard, a line-up: lines of names and figures that read as
 * headings): a run of two or three Title Case words, the whole capitalized run, that starts with a given name, an
 * initial or a word no dictionary holds and is no listed name ("Arvo Kesk run out 91", "S. Campbell c ...").
 * Returns the end of the name, or undefined.
 */
export function tableRowName(words: Word[], from: number, to: number, tok: TokenizedText): number | undefined {
  if (to === from || to - from > 3) { return undefined; }
  const parts = words.slice(from, to + 1);
  const particle = (t: string) => /^(?:van|von|der|den|de|da|del|di|du|le|la|al|bin|ibn)$/.test(t);
  const titleWord = (t: string) => /^\p{Lu}\p{Ll}+(?:-\p{Lu}?\p{Ll}+)?$/u.test(t) || /^(?:Mc|Mac|O')\p{Lu}\p{Ll}+$/u.test(t);
  const first = parts[0].text;
  const unknown = (t: string) => !tok.isCommonWord(t.toLowerCase()) && lexiconLabel(t) === undefined && !TITLES.has(t)
    && !DATE_WORDS.has(t) && !COMMON_CAPITALIZED.has(t);
  // An article of another language opens a title, not a name ("Il Cavaliere Oscuro", "La Trilogia").
  const article = /^(?:Il|La|Le|Lo|El|Los|Las|Les|Der|Die|Das|Het|De|Da|Di|Du|Des|Os|As)$/.test(first);
  const firstOk = !article && (INITIALS.test(first) || GIVEN_NAMES.has(first) || (titleWord(first) && unknown(first)));
  const restOk = parts.slice(1).every((w, k) => (particle(w.text) && k < parts.length - 2) || (titleWord(w.text)
    && (unknown(w.text) || GIVEN_NAMES.has(first)) && lexiconLabel(w.text) === undefined && !DATE_WORDS.has(w.text)
    && !COMMON_CAPITALIZED.has(w.text) && !TITLES.has(w.text)));
  if (!firstOk || !restOk || lexiconLabel(parts.map((w) => w.text).join(' ')) !== undefined) { return undefined; }
  // A name in a row stands before figures, punctuation or a scoreboard's notes, not before "in", "of" ... as in a
  // title ("The 15 Weirdest Galaxies in Our Universe").
  if (/^(?:in|of|the|and|for|to|with|on|at|from|by|a|an|is|are|was)$/.test(words[to + 1]?.text ?? '')) { return undefined; }
  return to;
}