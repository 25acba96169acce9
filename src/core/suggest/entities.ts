// Entity candidates from the language rules: runs of capitalized words found in wink-nlp's tokens, trimmed of
// titles, sentence-initial common words and possessives, typed person / organization / location from cue words
// ("Inc", "University", "River"), word lists (countries, cities, given names, well-known organizations) and context
// (a title before, "said" after, "in" before a place), then made consistent across the document: once "Mike Pompeo"
// is a person, "Pompeo" alone is one too (entityDocument.ts). Sports copy has rules of its own (sportsCopy.ts).
import {
  CITIES, COMMON_CAPITALIZED, COMMON_WORD_SURNAMES, COUNTRIES, DATE_WORDS, DEMONYMS, NAME_ADJECTIVES, PLACE_NOUNS,
  SURNAME_LIKE_PLACE_WORDS, GIVEN_NAMES, KNOWN_PEOPLE, LOC_PREFIXES, LOC_SUFFIXES, ORG_HEADS,
  ORG_SUFFIXES, PERSON_ACTION_VERBS, PERSON_TITLES_STRONG, REGIONS, SPEECH_VERBS, TITLES,
} from './lexicon';
import {
  Candidate, gapIsSpace, isCapitalized, Label, lexiconLabel, NOT_ENTITY_ACRONYMS, Word,
} from './entityWords';
import { harmonize, placesBeforePlaces, rankedRowName, tableRows } from './entityDocument';
import { headingMatches, headingSentences, INITIALS, namesOfRunningText, titleCased } from './headings';
import { Span } from './sentences';
import { resultLines, typeClubs } from './sportsCopy';
import { Token, TokenizedText } from './tokens';
import { EntitySuggestion } from './types';

/** Lower-case words allowed inside a person's name: "Ursula von der Leyen", "Lula da Silva", "bin Salman". */
const NAME_PARTICLES = new Set(['von', 'van', 'der', 'den', 'de', 'da', 'do', 'dos', 'das', 'del', 'della', 'di', 'du',
  'le', 'la', 'bin', 'bint', 'ibn', 'al', 'el', 'ter', 'ten', 'y', 'e', 'des', 'sans', 'et']);

/** A surname with an Arabic article joined by a hyphen: "el-Baz", "al-Assad". */
const ARTICLE_JOINED = /^(?:al|el|ad|as|ash|at|ibn|bin|abu|ben)-\p{Lu}\p{Ll}/u;

const PLACE_PREPOSITIONS = new Set(['in', 'at', 'near', 'from', 'to', 'outside', 'across', 'around', 'into', 'toward',
  'towards', 'via', 'throughout', 'within', 'across', 'between', 'inside', 'of']);

/** Roles written in lower case right before a person's full name. */
const LOWER_CASE_ROLES = new Set(['coach', 'manager', 'director', 'executive', 'chairman', 'chairwoman', 'chair',
  'president', 'secretary', 'minister', 'governor', 'mayor', 'senator', 'commissioner', 'chief', 'spokesman',
  'spokeswoman', 'spokesperson', 'founder', 'striker', 'midfielder', 'defender', 'goalkeeper', 'economist', 'analyst',
  'professor', 'judge', 'prosecutor', 'ambassador', 'envoy', 'leader', 'captain', 'inspector', 'superintendent',
  'councillor', 'councilor', 'premier', 'treasurer', 'attorney', 'editor', 'author', 'researcher', 'surgeon',
  'designer', 'actor', 'actress', 'singer', 'musician', 'photographer', 'writer', 'novelist', 'artist', 'curator',
  'publisher', 'trainer', 'forward', 'winger', 'wicketkeeper', 'batsman', 'bowler', 'all-rounder', 'left-hander',
  'right-hander', 'centre', 'full-back', 'keeper', 'playmaker', 'sprinter', 'swimmer', 'reporter', 'correspondent',
  'lawyer', 'detective', 'officer', 'owner', 'chef', 'activist', 'investor', 'banker', 'broker', 'consultant']);

/**
 * Kinds of organization written in lower case right before its name ("the medical charity Medecins sans
 * Frontieres", "the refugee agency UNHCR") or right after it ("the Xinhua news agency", "the Citra group").
 */
const ORG_KIND_NOUNS = new Set(['agency', 'charity', 'company', 'firm', 'group', 'conglomerate', 'carrier', 'airline',
  'insurer', 'lender', 'bank', 'broadcaster', 'newspaper', 'daily', 'weekly', 'retailer', 'automaker', 'carmaker',
  'drugmaker', 'chipmaker', 'brokerage', 'watchdog', 'regulator', 'party', 'union', 'organisation', 'organization',
  'movement', 'militia', 'exchange', 'utility', 'operator', 'producer', 'manufacturer', 'consortium', 'subsidiary']);

/** Prepositions after which a name of two words or more is as often a person's as a place's ("a pass to ..."). */
const WEAK_PLACE_PREPOSITIONS = new Set(['to', 'of', 'from', 'at', 'between', 'via', 'into', 'toward', 'towards']);

/** Nouns after which "of" and a name is a place: "the city council of ...", "residents of ...". */
const PLACE_OF_HEADS = /^(?:city|town|village|council|mayor|governor|people|residents|citizens|state|province|region|outskirts|suburbs?|centre|center|capital|county|streets|north|south|east|west|heart|part|parts|port|district|area|island|islands|coast|shores|kingdom|republic|government)$/;

/** Words that make a name before a hyphen an adjective of place or backer: "London-based", "state-owned". */
const NAME_MODIFIER_AFTER_HYPHEN = /^(based|born|led|backed|owned|run|funded|made|linked|bound|registered|listed|headquartered|controlled|allied|aligned)$/;

export interface EntityOptions {
  /** Candidates scoring below this are dropped. */
  minScore: number;
}

export const defaultEntityOptions: EntityOptions = { minScore: 0.5 };

/** The entity candidates of `text`, in text order, not overlapping. */
export function findEntities(
  text: string, tokenized: TokenizedText, sentences: Span[], options: EntityOptions = defaultEntityOptions,
): EntitySuggestion[] {
  const words = toWords(text, tokenized.tokens, sentences);
  const headings = headingSentences(words, sentences.length, tokenized);
  const candidates: Candidate[] = [];
  const inHeadings: Candidate[] = [];
  for (const chunk of [...chunks(text, words)].flatMap((c) => splitBeforeTitle(c, words))) {
    // Capitals tell nothing in a heading: its runs are read once the running text has typed its names.
    if (headings.has(words[chunk.from].sentence)) { inHeadings.push(chunk); continue; }
    // A ranked row with a word in lower case ("1. Dieter Blanc (France) 238.36 points") is not read as a heading;
    // its name opens a sentence after the rank's full stop, where trimming would take "Dieter" for a common word.
    if (rankedRowName(words, chunk, text) !== undefined) { candidates.push({ ...chunk, label: 'person', score: 0.7 }); continue; }
    const placesBefore: Candidate[] = [];
    const trimmed = trimChunk(chunk, words, tokenized, placesBefore);
    candidates.push(...placesBefore);
    if (!trimmed) { continue; }
    typeCandidate(trimmed, text, words, tokenized);
    candidates.push(trimmed);
  }
  harmonize(candidates, words, text, tokenized, options.minScore);
  const results = resultLines(words, text, sentences.length);
  const str = (c: Candidate) => words.slice(c.from, c.to + 1).map((w) => w.text).join(' ');
  typeClubs(candidates, words, text, tokenized, results.filter((c) => c.label === 'organization').map(str));
  const named = namesOfRunningText(candidates, words);
  const rows = tableRows(words, inHeadings, named, tokenized, candidates, text);
  for (const h of inHeadings) {
    if (rows.has(h)) { candidates.push(rows.get(h)!); continue; }
    candidates.push(...headingMatches(words, h.from, h.to, text, named, tokenized));
  }
  if (results.length) {
    const kept = candidates.filter((c) => !results.some((r) => r.from <= c.to && c.from <= r.to));
    candidates.length = 0;
    candidates.push(...kept, ...results);
  }
  candidates.sort((a, b) => a.from - b.from);
  placesBeforePlaces(candidates, inHeadings, words, text, tokenized);
  const out: EntitySuggestion[] = [];
  for (const c of candidates) {
    if (!c.label || c.score < options.minScore) { continue; }
    const start = words[c.from].start;
    const end = words[c.to].end;
    out.push({ kind: 'entity', label: c.label, text: text.slice(start, end), start, end, score: round(c.score), source: 'nlp' });
  }
  return out;
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

/** Joins hyphenated tokens into words and marks the words that start a sentence or a quotation. */
function toWords(text: string, tokens: Token[], sentences: Span[]): Word[] {
  const words: Word[] = [];
  let s = 0;
  let sentenceStartPending = true;
  let lastSentence = -1;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    while (s < sentences.length && sentences[s].end <= t.start) { s++; }
    if (s !== lastSentence) { sentenceStartPending = true; lastSentence = s; }
    const prev = words[words.length - 1];
    // "Bankman" "-" "Fried": a hyphen between two words with no space joins them.
    // "Edinburgh-based", "Kremlin-backed": the name stays a word of its own.
    if (t.text === '-' && prev && prev.end === t.start && i + 1 < tokens.length && tokens[i + 1].start === t.end
      && /^\p{L}/u.test(tokens[i + 1].text) && /\p{L}$/u.test(prev.text) && !NAME_MODIFIER_AFTER_HYPHEN.test(tokens[i + 1].text)) {
      const next = tokens[++i];
      prev.text = text.slice(prev.start, next.end);
      prev.end = next.end;
      if (prev.pos !== 'PROPN' && next.pos === 'PROPN') { prev.pos = 'PROPN'; }
      continue;
    }
    const isOpener = t.type === 'punctuation' && /^["“‘'(\[«—–-]$/.test(t.text);
    const isColon = t.text === ':';
    words.push({ text: t.text, start: t.start, end: t.end, pos: t.pos, initial: sentenceStartPending && !isOpener, sentence: s });
    if (isOpener || isColon) {
      sentenceStartPending = true;
    } else if (t.type !== 'punctuation' || /^[.!?]$/.test(t.text) === false) {
      sentenceStartPending = false;
    }
  }
  return words;
}

/** Maximal runs of capitalized words, with the particles and connectors that names hold inside. */
function* chunks(text: string, words: Word[]): Generator<Candidate> {
  let i = 0;
  while (i < words.length) {
    if (!isCapitalized(words[i])) { i++; continue; }
    const from = i;
    let to = i;
    let usedOf = false;
    let usedAnd = false;
    for (;;) {
      const next = to + 1;
      if (next >= words.length || words[next].sentence !== words[to].sentence || !gapIsSpace(text, words[to], words[next])) { break; }
      // "Peter Blackburn BRUSSELS 1996-08-22": a word in capitals after a Title Case one starts a dateline, not the name.
      if (/^\p{Lu}\p{Ll}/u.test(words[to].text) && /^\p{Lu}[\p{Lu}-]{3,}$/u.test(words[next].text)) { break; }
      if (isCapitalized(words[next]) && !words[next].initial) { to = next; continue; }
      // "Osama el-Baz", "Bashar al-Assad": an Arabic article joined to the surname by a hyphen.
      if (ARTICLE_JOINED.test(words[next].text)) { to = next; continue; }
      // Connectors inside a name: particles, "of"/"for" after an organization's or a place's head word, "&", and
      // one "and" inside an "of"/"for" organization ("Department of Forestry and Fire Protection").
      const connector = words[next].text;
      let span = 0;
      if (NAME_PARTICLES.has(connector)) {
        span = 1;
        if (next + 1 < words.length && NAME_PARTICLES.has(words[next + 1].text)) { span = 2; }
      } else if ((connector === 'of' || connector === 'for') && !usedOf && headAllowsOf(words, from, to)) {
        span = 1;
        // "Bank of the South", "Foundation for the Visual Arts".
        if (next + 1 < words.length && words[next + 1].text === 'the') { span = 2; }
      } else if (connector === '&') {
        span = 1;
      } else if (connector === 'and' && usedOf && !usedAnd) {
        span = 1;
      } else if (connector === 'and' && !usedAnd && andJoinsOrganization(text, words, from, to, next + 1)) {
        span = 1;
      }
      const after = next + span;
      if (span === 0 || after >= words.length || !isCapitalized(words[after]) || words[after].sentence !== words[to].sentence
        || !gapIsSpace(text, words[next + span - 1], words[after])) { break; }
      if (connector === 'of' || connector === 'for') { usedOf = true; }
      if (connector === 'and') { usedAnd = true; }
      to = after;
    }
    yield { words, from, to, score: 0 };
    i = to + 1;
  }
}

/**
 * "Harlow County Circuit Court Judge Ada Penn", "Corvale Bank Chairman Ivo Marsh": a person's title inside a run,
 * after an organization's or a place's word and before one to three words of a name, starts the person's name;
 * what is before it is a name of its own.
 */
function splitBeforeTitle(c: Candidate, words: Word[]): Candidate[] {
  for (let k = c.from + 1; k < c.to && k <= c.to - 1; k++) {
    const t = words[k].text;
    if (!PERSON_TITLES_STRONG.has(t) || c.to - k > 3) { continue; }
    const before = words[k - 1].text;
    const head = words.slice(c.from, k).map((w) => w.text).join(' ');
    // One listed word before the title qualifies it ("Treasury Secretary ..."), as trimChunk reads it.
    // "East Timorese Roman Catholic Bishop Carlos Belo": a given name after the title starts the name, whatever
    // qualifies the title before it.
    const givenAfter = GIVEN_NAMES.has(words[k + 1].text) && c.to - k >= 2 && k - c.from >= 2;
    if (!(ORG_SUFFIXES.has(before) || LOC_SUFFIXES.has(before) || k - c.from >= 2 && lexiconLabel(head) !== undefined
      || givenAfter)) { continue; }
    // "Leeds General Infirmary": an organization's word after the title makes it part of that name.
    // "Palestinian Authority Secretary General Ahmed Rahal": more titles may follow; a name ends the run.
    if (words.slice(k + 1, c.to + 1).some((w) => !/^\p{Lu}\p{Ll}/u.test(w.text)
      || ORG_SUFFIXES.has(w.text) || LOC_SUFFIXES.has(w.text)) || TITLES.has(words[c.to].text)) { continue; }
    return [{ words, from: c.from, to: k - 1, score: 0 }, { words, from: k, to: c.to, score: 0 }];
  }
  // "NYMEX Alberta natgas": an acronym before a listed place is two names, the organization and the place.
  if (c.to > c.from && /^[A-Z][A-Z&]{2,5}$/.test(words[c.from].text) && !NOT_ENTITY_ACRONYMS.has(words[c.from].text)
    && lexiconLabel(words.slice(c.from + 1, c.to + 1).map((w) => w.text).join(' ')) === 'location') {
    return [{ words, from: c.from, to: c.from, score: 0 }, { words, from: c.from + 1, to: c.to, score: 0 }];
  }
  return [c];
}

/**
 * "China Road and Bridge Corporation", "Hale and Partners Ltd": "and" inside one organization's name, when the
 * run after it ends with an organization's word and the run before is no name of its own (no such word at its end,
 * not in the word lists), so "Harwick Mining and Kelso Foods" stays two.
 */
function andJoinsOrganization(text: string, words: Word[], from: number, to: number, after: number): boolean {
  if (ORG_SUFFIXES.has(words[to].text) || lexiconLabel(words.slice(from, to + 1).map((w) => w.text).join(' '))) { return false; }
  let end = after;
  while (end + 1 < words.length && end - after < 4 && isCapitalized(words[end + 1]) && !words[end + 1].initial
    && words[end + 1].sentence === words[after].sentence && gapIsSpace(text, words[end], words[end + 1])) { end++; }
  return after < words.length && isCapitalized(words[after]) && ORG_SUFFIXES.has(words[end].text);
}

function headAllowsOf(words: Word[], from: number, to: number): boolean {
  for (let k = from; k <= to; k++) {
    const t = words[k].text;
    if (ORG_HEADS.has(t) || t === 'Republic' || t === 'Kingdom' || t === 'Gulf' || t === 'Bay' || t === 'Isle'
      || t === 'Sea' || t === 'Strait' || t === 'Cape' || t === 'House' || t === 'Secretary' || t === 'Minister'
      || t === 'Province' || t === 'City' || t === 'District' || t === 'Duke' || t === 'Prince' || t === 'Horn') { return true; }
  }
  return false;
}

/** Last words of an event's name (a competition or a contest), which is none of the three types. */
const EVENT_HEADS = new Set(['Cup', 'Finals', 'Open', 'Championship', 'Championships', 'Olympics', 'Trophy', 'Prix', 'Paralympics']);

/**
 * Removes what is not part of the name: sentence-initial common words ("The", "Striker"), titles ("President",
 * "Secretary of State"), nationalities before a title ("Turkish President ..."), and trailing months and days.
 * Returns undefined when nothing of a name remains.
 */
function trimChunk(c: Candidate, words: Word[], tok: TokenizedText, placesBefore: Candidate[]): Candidate | undefined {
  let { from, to } = c;
  let titled = false;
  let strongTitle = false;
  const text = (a: number, b: number) => words.slice(a, b + 1).map((w) => w.text).join(' ');
  const inLexicon = (a: number, b: number) => lexiconLabel(text(a, b)) !== undefined;
  // Leading common words: function words always; adjectives unless a cue word ends the name ("National ... Board");
  // other common words only at a sentence start.
  const cueEnd = ORG_SUFFIXES.has(words[to].text) || LOC_SUFFIXES.has(words[to].text)
    || (words.slice(from, to + 1).some((w) => w.text === 'of' || w.text === 'for') && headAllowsOf(words, from, to));
  while (from <= to) {
    const w = words[from];
    if (inLexicon(from, to)) { break; }
    if ((COMMON_CAPITALIZED.has(w.text) || COMMON_CAPITALIZED.has(w.text.replace(/\.$/, '')))
      && !(cueEnd && from < to && NAME_ADJECTIVES.has(w.text))) { from++; continue; }
    // "Midfielder Valentin Stefan", "All-rounder Greg Blewett": a role capitalized at a sentence start.
    if (w.initial && from < to && LOWER_CASE_ROLES.has(w.text.toLowerCase()) && !GIVEN_NAMES.has(w.text)) { from++; continue; }
    if (w.initial && from < to && tok.isCommonWord(w.text.toLowerCase()) && !GIVEN_NAMES.has(w.text)
      && !TITLES.has(w.text) && !inLexicon(from, from) && !ORG_SUFFIXES.has(words[from + 1].text)
      && !LOC_SUFFIXES.has(words[from + 1].text)) { from++; continue; }
    break;
  }
  if (from > to) { return undefined; }
  // Titles and nationalities before a name.
  const endsAsOrgOrPlace = ORG_SUFFIXES.has(words[to].text) || LOC_SUFFIXES.has(words[to].text) || inLexicon(from, to);
  if (!endsAsOrgOrPlace) {
    let k = from;
    let strong = false;
    const places: number[] = [];
    while (k < to) {
      const t = words[k].text;
      if (isTitle(t) || DEMONYMS.has(t) || COMMON_CAPITALIZED.has(t)) {
        if (PERSON_TITLES_STRONG.has(t) || PERSON_TITLES_STRONG.has(t.split('-')[0])) { strong = true; }
        k++;
        continue;
      }
      // "South African President ...", "New Zealand Prime Minister ...": a nationality of two words.
      if (k + 1 < to && /^(?:South|North|East|West|New|Northern|Southern|Saudi|Sri|Costa|Puerto)$/.test(t)
        && (DEMONYMS.has(words[k + 1].text) || /^(?:Zealand|Korean|Lankan|Rican|Arabian)$/.test(words[k + 1].text))) { k += 2; continue; }
      // "U.S. President Donald Trump", "Iran Foreign Minister ...": a place before the title is its own entity.
      if (k + 1 < to && lexiconLabel(t) === 'location' && TITLES.has(words[k + 1].text)) { places.push(k); k++; continue; }
      // "City Attorney ...", "Police Chief ...": a common word that qualifies the title after it.
      if (k + 1 < to && TITLES.has(words[k + 1].text) && tok.isCommonWord(t.toLowerCase())) { k++; continue; }
      // "Secretary of State": "of" and the next title word.
      if (t === 'of' && k > from && TITLES.has(words[k - 1].text) && k + 1 < to) { k += 1; continue; }
      break;
    }
    if (k > from && k <= to && (strong || GIVEN_NAMES.has(words[k].text))) {
      while (k <= to && (words[k].text === 'of' || words[k].text === 'the')) { k++; }
      if (k <= to) {
        from = k;
        titled = true;
        strongTitle = strong;
        for (const p of places) { placesBefore.push({ words, from: p, to: p, label: 'location', score: 0.88 }); }
        // "Prime Minister Ana Ferreira of Portugal": the title let "of" in; the name ends before it.
        const of = words.slice(from, to + 1).findIndex((w) => w.text === 'of');
        if (of > 0) {
          const rest = text(from + of + 1, to).replace(/^the /, '');
          const label = lexiconLabel(rest);
          const restFrom = words[from + of + 1].text === 'the' ? from + of + 2 : from + of + 1;
          if (label && restFrom <= to) { placesBefore.push({ words, from: restFrom, to, label, score: 0.88 }); }
          to = from + of - 1;
        }
      }
    }
  }
  // Trailing months, days and other words that end a run without belonging to the name.
  // "Theresa May" keeps its "May": a given name before a month is a person's name.
  while (to > from && (DATE_WORDS.has(words[to].text) || DEMONYMS.has(words[to].text)) && !inLexicon(from, to)
    && !(to - 1 === from && GIVEN_NAMES.has(words[from].text))) { to--; }
  // Connectors left dangling at either end.
  while (from <= to && !isCapitalized(words[from])) { from++; }
  while (to >= from && !isCapitalized(words[to]) && !(to > from && ARTICLE_JOINED.test(words[to].text))) { to--; }
  if (from > to) { return undefined; }
  const single = from === to ? words[from] : undefined;
  if (single) {
    const t = single.text;
    if (COMMON_CAPITALIZED.has(t) || DEMONYMS.has(t) || NOT_ENTITY_ACRONYMS.has(t) || TITLES.has(t) && !inLexicon(from, to)) { return undefined; }
    if (/^\p{Lu}\.?$/u.test(t)) { return undefined; }
  } else if (words.slice(from, to + 1).every((w) => DEMONYMS.has(w.text) || COMMON_CAPITALIZED.has(w.text))) {
    return undefined;
  }
  // "the Asian Games", "the World Series": "Games" and "Series" end an event's name after a nationality, a place
  // or "World" ("Epic Games" is a company).
  const eventAfterPlace = from < to && /^(?:Games|Series)$/.test(words[to].text) && (DEMONYMS.has(words[to - 1].text)
    || lexiconLabel(words[to - 1].text) === 'location' || /^(?:World|Olympic|Commonwealth|Paralympic)$/.test(words[to - 1].text));
  if (eventAfterPlace) { return undefined; }
  // An event, not a person, organization or place: "the Asian Cup", "the NBA Finals", "the Canadian Open".
  if (from < to && EVENT_HEADS.has(words[to].text) && !inLexicon(from, to)) {
    // "the NBA Finals": the organizer's acronym is a name of its own.
    if (to - 1 === from && /^\p{Lu}{2,6}$/u.test(words[from].text)) { to--; } else { return undefined; }
  }
  const out: Candidate = { words, from, to, score: 0 };
  if (titled) { out.label = 'person'; out.score = strongTitle ? 0.92 : 0.85; }
  return out;
}

/** A title, or titles joined by hyphens in any case ("Director-general", "Vice-Chancellor"). */
function isTitle(t: string): boolean {
  if (TITLES.has(t)) { return true; }
  const parts = t.split('-');
  return parts.length > 1 && parts.every((p) => TITLES.has(p.charAt(0).toUpperCase() + p.slice(1)));
}

/** Types a trimmed run from the word lists, its cue words and its context. */
function typeCandidate(c: Candidate, text: string, words: Word[], tok: TokenizedText): void {
  if (c.label === 'person') { return; } // after a title
  const ws = words.slice(c.from, c.to + 1);
  const s = text.slice(ws[0].start, ws[ws.length - 1].end);
  const first = ws[0].text;
  const last = ws[ws.length - 1].text;
  const prev = c.from > 0 ? words[c.from - 1] : undefined;
  const prev2 = c.from > 1 ? words[c.from - 2] : undefined;
  const next = words[c.to + 1];
  const afterName = followsAsPerson(words, c.to);
  const hasOf = ws.some((w) => w.text === 'of' || w.text === 'for');
  const theBefore = prev?.text === 'the' || prev?.text === 'The';
  const placeBefore = prev !== undefined && PLACE_PREPOSITIONS.has(prev.text) && !theBefore;
  const placeBeforeThe = theBefore && prev2 !== undefined && PLACE_PREPOSITIONS.has(prev2.text);
  const givenFirst = GIVEN_NAMES.has(first) && ws.length >= 2 && ws.length <= 4;
  const set = (label: Label, score: number) => { c.label = label; c.score = score; };

  // Datelines and headings in capitals: "WASHINGTON (Reuters) -".
  if (/^[\p{Lu}\s.'-]+$/u.test(s) && /\p{Lu}{3}/u.test(s)) {
    const label = lexiconLabel(titleCased(s));
    if (label) { set(label, 0.85); return; }
    // "BASEBALL - ...", "SOCCER - ...": a dictionary word in capitals before a dash is a section, not a dateline.
    if (lexiconLabel(s) === undefined && isDateline(words, c, text)
      && !(c.from === c.to && tok.isCommonWord(s.toLowerCase()))) { set('location', 0.75); return; }
  }
  const byLexicon = lexiconLabel(s);
  if (byLexicon) {
    // "Amazon" is a company and a river: "in the Amazon" is the place.
    const alsoPlace = byLexicon === 'organization' && (REGIONS.has(s) || CITIES.has(s) || COUNTRIES.has(s));
    set(alsoPlace && placeBeforeThe ? 'location' : byLexicon, 0.9);
    return;
  }
  // "K.C. Maurer", "S. Campbell": initials, then a surname.
  // The surname is no dictionary word (or one that surnames are: "B. Young"), and nothing after the initials is a
  // listed name ("S. Korea", "L.A. Auto Show" are not people).
  if (ws.length >= 2 && ws.length <= 3 && INITIALS.test(first) && !PLACE_ACRONYMS_OR_LISTED(first)
    && ws.slice(1).every((w) => /^\p{Lu}\p{Ll}/u.test(w.text) && lexiconLabel(w.text) === undefined)
    && (!tok.isCommonWord(last.toLowerCase()) || COMMON_WORD_SURNAMES.has(last)) && !ORG_SUFFIXES.has(last) && !LOC_SUFFIXES.has(last)) {
    set('person', 0.8);
    return;
  }
  // A given name first, then a place word that is also a surname: "Leona Marsh", "Jordan Pike".
  if (givenFirst && SURNAME_LIKE_PLACE_WORDS.has(last) && !theBefore) { set('person', 0.8); return; }
  // A role in lower case right before: "coach Geoff Marsh", "author Truman Capote", "designer Halston". The first
  // word is a given name or no dictionary word, and no organization's word ends the run.
  if (roleRightBefore(text, words, c, tok) && !ORG_SUFFIXES.has(last)) { set('person', ws.length === 1 ? 0.6 : 0.8); return; }
  if (ws.length > 1 && ORG_SUFFIXES.has(last)) { set('organization', 0.85); return; }
  if (hasOf && ORG_HEADS.has(first)) { set('organization', 0.85); return; }
  if (ws.length > 1 && LOC_SUFFIXES.has(last)) { set('location', 0.8); return; }
  if (ws.length > 1 && LOC_PREFIXES.has(first)) { set('location', 0.78); return; }
  if (hasOf) { set('organization', 0.6); return; }
  // An organization word inside: "Arts Council England".
  if (ws.length > 2 && ws.slice(1, -1).some((w) => ORG_SUFFIXES.has(w.text) && !LOC_SUFFIXES.has(w.text))) { set('organization', 0.7); return; }

  // Business context: "shares of X", "a stake in X", "X shares fell", "X's shareholders".
  const businessBefore = prev !== undefined && prev2 !== undefined
    && (prev.text === 'of' && /^(?:shares|stock|shareholders|subsidiary|takeover|owner)$/i.test(prev2.text)
      || prev.text === 'in' && /^stakes?$/.test(prev2.text));
  const businessAfter = next !== undefined && /^(?:shares|stock|shareholders)$/.test(next.text)
    && /^(?:rose|fell|jumped|slid|climbed|dropped|gained|lost|were|have|had|closed|ended|approved|voted)$/.test(words[c.to + 2]?.text ?? '');
  // A company's officers and owners after the name: "Halden's chief executive", "a Halden spokesman", "Halden's
  // shareholders". A person has no board or shareholders; a country's spokesman is read as the country (lexicon).
  const after = /^['’]s$/.test(next?.text ?? '') ? words[c.to + 2] : next;
  const officerAfter = after !== undefined
    && (/^(?:shareholders|board|chairman|subsidiary|spokesman|spokeswoman)$/.test(after.text)
      || after.text === 'chief' && /^(?:executive|financial)$/.test(words[words.indexOf(after) + 1]?.text ?? ''));
  if ((businessBefore || businessAfter || officerAfter) && !givenFirst && !(ws.length === 1 && lexiconLabel(first) === 'location')) { set('organization', 0.8); return; }
  // The kind of organization in lower case next to the name: "the charity Medecins sans Frontieres", "the Xinhua
  // news agency". A place's name before such a noun is the place ("a Texas company"), so the word lists come first.
  const kindBefore = prev !== undefined && ORG_KIND_NOUNS.has(prev.text) && gapIsSpace(text, prev, ws[0])
    && !(prev2 !== undefined && /^(?:a|an|one|of)$/i.test(prev2.text));
  const kindAfter = theBefore && next !== undefined && (ORG_KIND_NOUNS.has(next.text)
    || next.text === 'news' && words[c.to + 2]?.text === 'agency');
  if ((kindBefore || kindAfter) && !roleRightBefore(text, words, c, tok)) { set('organization', 0.8); return; }
  // "OPINION" in a heading is a word in capitals, not an acronym. The model's vocabulary also holds acronyms
  // ("usda", "nymex"): one it tags a proper noun, between words in lower case, is still one.
  // "part XVII": a Roman numeral is no acronym.
  const acronym = ws.length === 1 && /^[A-Z][A-Z0-9&.]{1,6}$/.test(first) && /[A-Z].*[A-Z]/.test(first) && !/^[IVX]+$/.test(first)
    && (!tok.isCommonWord(first.replace(/\./g, '').toLowerCase()) || ws[0].pos === 'PROPN' && first.length <= 5
      && [prev, next].some((w) => w !== undefined && /^\p{Ll}/u.test(w.text)));
  const titleBefore = prev !== undefined && gapIsSpace(text, prev, ws[0])
    && (PERSON_TITLES_STRONG.has(prev.text) || TITLES.has(prev.text) && /^[A-Z]/.test(prev.text)
      // "the National Harbour Fishing study": a word that qualifies titles ("National Security Adviser") is no title.
      && !NAME_ADJECTIVES.has(prev.text));
  const ageAfter = next?.text === ',' && /^\d{1,3}$/.test(words[c.to + 2]?.text ?? '') && words[c.to + 3]?.text === ',';
  const known = ws.length === 1 && KNOWN_PEOPLE.has(first);
  // A word no dictionary holds, in the singular too ("Renewables").
  const unknownWord = (w: Word) => {
    const lower = w.text.toLowerCase();
    return !tok.isCommonWord(lower) && !(lower.endsWith('s') && tok.isCommonWord(lower.slice(0, -1)));
  };
  const placeNounAfter = next !== undefined && PLACE_NOUNS.has(next.text);

  // News writes most roles in lower case before a full name: "coach Lars Henningsen", "chief executive Dana Whitlock".
  const roleBefore = prev !== undefined && gapIsSpace(text, prev, ws[0]) && LOWER_CASE_ROLES.has(prev.text)
    && ws.length >= 2 && ws.length <= 3 && ws.every((w) => /^\p{Lu}\p{Ll}/u.test(w.text)) && unknownWord(ws[ws.length - 1]);
  if (titleBefore && !acronym) { set('person', 0.9); return; }
  if (roleBefore) { set('person', 0.8); return; }
  if (ageAfter) { set('person', 0.88); return; }
  if (givenFirst && !theBefore) { set('person', 0.85); return; }
  // "the Annie Oakley screen print", "the Andy Warhol exhibit": a given name and a surname no dictionary holds,
  // after "the" and before a word in lower case, name a person the noun is about.
  if (givenFirst && theBefore && ws.length === 2 && unknownWord(ws[1]) && next !== undefined && /^\p{Ll}/u.test(next.text)) {
    set('person', 0.6);
    return;
  }
  if (known && !theBefore) { set('person', 0.8); return; }
  if (acronym) { set('organization', theBefore || afterName ? 0.75 : 0.62); return; }
  if (placeNounAfter && (theBefore || placeBefore)) { set('location', 0.7); return; }
  if (ws.length >= 2) {
    if (theBefore) { set('organization', 0.55); return; }
    const strongPlaceBefore = placeBefore && (!WEAK_PLACE_PREPOSITIONS.has(prev.text)
      || prev.text === 'of' && PLACE_OF_HEADS.test((prev2?.text ?? '').toLowerCase()));
    if (strongPlaceBefore && prev2?.text !== 'said' && !afterName) { set('location', 0.6); return; }
    // A person's name ends with a word no dictionary holds, or a surname that is also a word ("Smith");
    // "Dalby Freight", "Alameda Research" end with a common noun: a business.
    const lastIsName = unknownWord(ws[ws.length - 1]) || COMMON_WORD_SURNAMES.has(last);
    if (!lastIsName) { set('organization', afterName ? 0.55 : 0.45); return; }
    if (afterName) { set('person', 0.75); return; }
    if (ws.length <= 3 && ws.every((w) => w.pos === 'PROPN' && /^\p{Lu}\p{Ll}/u.test(w.text))) {
      set('person', ws.some(unknownWord) ? 0.6 : 0.45);
    }
    return;
  }
  // One word with no cue: only context can type it.
  const w = ws[0];
  if (w.initial && !unknownWord(w)) { return; }
  // A person is introduced by full name before being named alone (the surname is then a person by harmonize):
  // one unknown word before "said" is as often a company ("Brightloaf said"), so it is not proposed on its own.
  if (afterName && !theBefore) { set('person', 0.45); return; }
  // "the Barbarians", "the Wallabies": "the" and a plural no dictionary holds (nor a nationality) name a team, a
  // band or a group; confident enough to type the word alone elsewhere in the document. A plural whose singular
  // the document also writes is things ("the Polaroids" and "a Polaroid camera").
  if (theBefore && unknownWord(w) && /^\p{Lu}\p{Ll}{3,}s$/u.test(w.text) && !DEMONYMS.has(w.text)
    && !DEMONYMS.has(w.text.slice(0, -1)) && !/(?:ians|ese|ish)$/.test(w.text)
    && !new RegExp(`\\b${w.text.slice(0, -1)}\\b`, 'u').test(text)) { set('organization', 0.75); return; }
  // "Wikinews", "Mediacorp", "Infotech": a word no dictionary holds, built on an organization's word.
  if (unknownWord(w) && /^\p{Lu}\p{Ll}{2,}(?:news|media|soft|tech|corp|pharma|telecom)$/u.test(w.text)) { set('organization', 0.6); return; }
  // "pictures of Marilyn": a given name alone is a person, not a place.
  if (GIVEN_NAMES.has(w.text) && unknownWord(w) && !w.initial && !theBefore) { set('person', 0.55); return; }
  if (placeBefore && unknownWord(w) && (!WEAK_PLACE_PREPOSITIONS.has(prev.text) || prev.text !== 'of'
    || PLACE_OF_HEADS.test((prev2?.text ?? '').toLowerCase()))) { set('location', 0.55); return; }
}

/** "U.S." and other initials that are a place or a listed name themselves. */
function PLACE_ACRONYMS_OR_LISTED(t: string): boolean {
  return lexiconLabel(t) !== undefined;
}

/** A role in lower case right before a run of one to three Title Case words that starts with a name. */
function roleRightBefore(text: string, words: Word[], c: Candidate, tok: TokenizedText): boolean {
  const prev = c.from > 0 ? words[c.from - 1] : undefined;
  if (!prev || !LOWER_CASE_ROLES.has(prev.text) || !gapIsSpace(text, prev, words[c.from]) || c.to - c.from > 2) { return false; }
  const ws = words.slice(c.from, c.to + 1);
  if (!ws.every((w) => /^\p{Lu}\p{Ll}/u.test(w.text)) || lexiconLabel(ws.map((w) => w.text).join(' ')) !== undefined) { return false; }
  const first = ws[0].text;
  const unknown = !tok.isCommonWord(first.toLowerCase()) && lexiconLabel(first) === undefined;
  return GIVEN_NAMES.has(first) || (unknown && !LOC_PREFIXES.has(first));
}

/** An all-capitals place name opening a paragraph and followed by a comma, a bracket or a dash. */
function isDateline(words: Word[], c: Candidate, text: string): boolean {
  const before = text.slice(Math.max(0, words[c.from].start - 2), words[c.from].start);
  const atStart = c.from === 0 || /\n\s*$/.test(before) || words[c.from].start === 0;
  const next = words[c.to + 1]?.text ?? '';
  if (atStart && /^[,(—–-]$/.test(next)) { return true; }
  // A wire byline: "Peter Blackburn BRUSSELS 1996-08-22", the reporter's name opening the paragraph, then the place
  // in capitals and a date.
  let k = c.from - 1;
  while (k >= 0 && /^\p{Lu}\p{Ll}+$/u.test(words[k].text) && c.from - k <= 3) { k--; }
  const bylineStart = k < c.from - 1 && (k < 0 || /\n\s*$/.test(text.slice(words[k].end, words[k + 1].start))
    || /\n\s*$/.test(text.slice(Math.max(0, words[k + 1].start - 2), words[k + 1].start)) || words[k + 1].start === 0);
  return bylineStart && /^(?:\d{4}-\d\d-\d\d|\d{1,2}\/\d{1,2}\/\d{2,4}|,)$/.test(next);
}

/** Whether the words after a name read like a person's: "said", "told", ", the mayor, said", "'s wife". */
function followsAsPerson(words: Word[], to: number): boolean {
  const next = words[to + 1];
  if (!next) { return false; }
  const lower = next.text.toLowerCase();
  if (SPEECH_VERBS.has(lower) || PERSON_ACTION_VERBS.has(lower)) { return true; }
  if ((lower === 'has' || lower === 'had' || lower === 'was' || lower === 'is') && words[to + 2]
    && (SPEECH_VERBS.has(words[to + 2].text) || /^(been|previously|also)$/.test(words[to + 2].text))) {
    return SPEECH_VERBS.has(words[to + 2].text);
  }
  if (next.text === ',') {
    // An apposition: ", who ...", ", a nurse ...,", ", the mayor, said".
    const w2 = words[to + 2]?.text;
    if (w2 === 'who') { return true; }
    if (w2 === 'a' || w2 === 'an' || w2 === 'the') {
      for (let k = to + 3; k < Math.min(words.length, to + 16); k++) {
        if (words[k].text === ',' ) {
          const v = words[k + 1]?.text.toLowerCase() ?? '';
          return SPEECH_VERBS.has(v) || PERSON_ACTION_VERBS.has(v);
        }
        if (/^[.;:!?]$/.test(words[k].text)) { return false; }
      }
    }
  }
  return false;
}
