// Sports copy: clubs are named after their towns ("Leeds", "Steaua Bucharest"), and results are lines of names and
// scores ("Plymouth 4 Exeter 1"). News agencies write countries' teams as the country (a place) and clubs as
// organizations, so in a story about sport a town that plays is the club, wherever the story names it so.
import { CITIES, COUNTRIES, GIVEN_NAMES } from './lexicon';
import { Candidate, isCapitalized, lexiconLabel, Word } from './entityWords';
import { TokenizedText } from './tokens';

/** Words of match reports: a story with several of them is about sport. */
const SPORT_WORDS = /\b(?:goals?|scored|scorers|striker|midfielder|defender|goalkeeper|league|season|squad|wickets?|innings|halftime|half-time|coach|fixtures?|match(?:es)?|cup|champions|championships?|semifinals?|semi-finals?|quarter-finals?|finals?|tournament|playoffs?|standings|soccer|football|basketball|rugby|cricket|hockey|baseball|tennis|golf)\b/gi;

/** Words before a team's name: "against Middlesbrough", "beat Leeds", "playing for Feyenoord". */
const AGAINST = /^(?:against|beat|beating|beaten|defeated|defeating|face|faces|facing|host|hosts|hosted|hosting|visit|visits|visiting|joined|join|joining|v|vs|vs\.|versus)$/i;
const FOR_AFTER = /^(?:playing|played|plays|play|signed|signing|scored|scoring|starts|started|appeared|appearing)$/i;

/** Words that make a part or a form of a town, not a club: "North London", "Greater Manchester", "Old Delhi". */
const TOWN_QUALIFIERS = /^(?:North|South|East|West|Northern|Southern|Eastern|Western|Central|Greater|Old|New|Upper|Lower|Inner|Outer|Downtown|Metro|Metropolitan|Little|Great)$/;

/**
 * A line that is a result and nothing else: "Plymouth 4 Exeter 1", "Japan 2 Syria 1 (halftime 0-1)". Scores are
 * whole numbers of one to three figures, so the rows of markets and bond tables (prices with decimals, four-figure
 * volumes) do not match.
 */
const RESULT_LINE = /^[ \t]*\p{Lu}[\p{L}.'’&-]*(?: \p{Lu}[\p{L}.'’&-]*){0,3} \d{1,3} \p{Lu}[\p{L}.'’&-]*(?: \p{Lu}[\p{L}.'’&-]*){0,3} \d{1,3}[ \t]*(?:\([^()\n]*\)[ \t]*)?$/gmu;

/**
 * Whether the text reads as sports copy: words of match reports, three times or more, or three lines or more that
 * are results. A cup's results list is often sent with no words around it but its heading, and its lines are the
 * evidence that it is sport.
 */
export function isSportsCopy(text: string): boolean {
  let n = 0;
  SPORT_WORDS.lastIndex = 0;
  while (SPORT_WORDS.exec(text) && n < 3) { n++; }
  if (n >= 3) { return true; }
  let lines = 0;
  RESULT_LINE.lastIndex = 0;
  while (RESULT_LINE.exec(text) && lines < 3) { lines++; }
  return lines >= 3;
}

/** A town in the word lists that is no country (countries' teams stay places). */
function isTown(s: string): boolean {
  return CITIES.has(s) && !COUNTRIES.has(s);
}

/**
 * Types clubs in sports copy, after the document has been made consistent: a town after "against", "beat",
 * "playing for" ...; a word no dictionary holds before a town ("Steaua Bucharest"); the clubs of the results
 * lines (`resultClubs`). A town typed a club once is the club in the whole story, except where a place
 * preposition puts it as a place ("a court in London").
 */
export function typeClubs(cands: Candidate[], words: Word[], text: string, tok: TokenizedText, resultClubs: string[]): void {
  if (!isSportsCopy(text)) { return; }
  const strOf = (c: Candidate) => words.slice(c.from, c.to + 1).map((w) => w.text).join(' ');
  const clubs = new Set<string>(resultClubs.filter(isTown));
  for (const c of cands) {
    const s = strOf(c);
    const prev = words[c.from - 1];
    const prev2 = words[c.from - 2];
    const cued = prev !== undefined && (AGAINST.test(prev.text)
      || prev.text === 'for' && prev2 !== undefined && FOR_AFTER.test(prev2.text));
    if (cued && isTown(s)) { clubs.add(s); continue; }
    // "Steaua Bucharest", "Maccabi Tel Aviv", "Real Madrid": a word, then a town; the word is no given name, no
    // place and none of the words that qualify a town ("Central London", "Greater Manchester").
    if (c.to > c.from && c.to - c.from <= 3) {
      const first = words[c.from].text;
      const rest = words.slice(c.from + 1, c.to + 1).map((w) => w.text).join(' ');
      const known = tok.isCommonWord(first.toLowerCase());
      if (isTown(rest) && /^\p{Lu}\p{Ll}/u.test(first) && !GIVEN_NAMES.has(first) && lexiconLabel(first) === undefined
        && !TOWN_QUALIFIERS.test(first) && (!known || !words[c.from].initial)) {
        c.label = 'organization';
        c.score = Math.max(c.score, 0.8);
      }
    }
  }
  for (const c of cands) {
    if (!clubs.has(strOf(c))) { continue; }
    const prev = words[c.from - 1]?.text ?? '';
    if (/^(?:in|at|near|outside|from|to)$/.test(prev)) { continue; }
    c.label = 'organization';
    c.score = Math.max(c.score, 0.8);
  }
}

/**
 * The names of results lines, "Plymouth 4 Exeter 1" or "Japan 2 Syria 1 (halftime 0-1)": each side is a team, a
 * country's (a place) or a club's (an organization). Lines of capitals and figures read as headings, so the sides
 * are found here from the words. Returns the candidates, which replace any that overlap them.
 */
export function resultLines(words: Word[], text: string, sentenceCount: number): Candidate[] {
  if (!isSportsCopy(text)) { return []; }
  const bySentence: Word[][] = Array.from({ length: sentenceCount + 1 }, () => []);
  const firstIndex = new Array<number>(sentenceCount + 1).fill(-1);
  words.forEach((w, i) => {
    if (firstIndex[w.sentence] < 0) { firstIndex[w.sentence] = i; }
    bySentence[w.sentence].push(w);
  });
  const out: Candidate[] = standingsRows(words, text);
  bySentence.forEach((ws, s) => {
    // Side, score, side, score, then nothing or a bracket.
    let k = 0;
    const sides: Array<[number, number]> = [];
    for (let side = 0; side < 2; side++) {
      const from = k;
      while (k < ws.length && k - from < 4 && isCapitalized(ws[k]) && !/\d/.test(ws[k].text)) { k++; }
      if (k === from || k >= ws.length || !/^\d{1,3}$/.test(ws[k].text)) { return; }
      sides.push([from, k - 1]);
      k++;
    }
    if (k < ws.length && ws[k].text !== '(') { return; }
    if (/\n/.test(text.slice(ws[0].start, ws[sides[1][1]].end))) { return; }
    for (const [a, b] of sides) {
      const name = ws.slice(a, b + 1).map((w) => w.text).join(' ');
      const country = COUNTRIES.has(name) || lexiconLabel(name) === 'location' && !CITIES.has(name);
      out.push({ words, from: firstIndex[s] + a, to: firstIndex[s] + b, label: country ? 'location' : 'organization', score: 0.85 });
    }
  });
  return out;
}

/**
 * The rows of a league table, "Aston Villa 17 9 3 5 22 15 30": a line that is a name of one to four words, then
 * four figures or more and nothing else, names a team (played, won, drawn, lost ...). Called for sports copy only.
 */
function standingsRows(words: Word[], text: string): Candidate[] {
  const out: Candidate[] = [];
  let i = 0;
  while (i < words.length) {
    let end = i;
    while (end + 1 < words.length && !text.slice(words[end].end, words[end + 1].start).includes('\n')) { end++; }
    let k = i;
    while (k <= end && k - i < 5 && (isCapitalized(words[k]) && !/\d/.test(words[k].text)
      || k > i && /^(?:of|['’]s)$/.test(words[k].text))) { k++; }
    const figures = end - k + 1;
    if (k > i && figures >= 4 && words.slice(k, end + 1).every((w) => /^\d{1,3}$/.test(w.text))) {
      const name = words.slice(i, k).map((w) => w.text).join(' ');
      const country = COUNTRIES.has(name) || lexiconLabel(name) === 'location' && !CITIES.has(name);
      out.push({ words, from: i, to: k - 1, label: country ? 'location' : 'organization', score: 0.85 });
    }
    i = end + 1;
  }
  return out;
}
