// Function words ("stop words") per language, for the stop-word density cue of the boilerplate detector:
// prose is rich in them, navigation, headlines and link lists are poor in them (jusText's main signal).
// English keeps the project's own short list, on which the density thresholds were first calibrated; the other
// languages take the maintained lists of stopwords-iso (MIT), as jusText takes per-language lists.
import { wordHash, WordBits } from './boilerplateUnits';
import { cs, da, de, es, fi, fr, it, ja, nl, pl, pt, ru, sv, zh } from 'stopwords-iso/stopwords-iso.json';

const english = `a about above after again against all also am an and any are as at be because been before being
below between both but by can could did do does doing down during each either even ever every few for from further
had has have having he her here hers herself him himself his how however i if in into is it its itself just like
many may me might more most much must my myself neither no nor not now of off often on once one only or other our
ours ourselves out over own same she should since so some still such than that the their theirs them themselves
then there these they this those though through thus to too under until up upon us very was we were what when
where whether which while who whom whose why will with within without would yet you your yours yourself
yourselves it's he's she's that's there's they're we're you're i'm isn't aren't wasn't weren't don't doesn't
didn't won't wouldn't can't couldn't shouldn't hasn't haven't hadn't let's who's what's we've they've i've
you've we'll they'll i'll you'll he'd she'd they'd we'd i'd said says say told according back well another
around away because again already almost although among whose being`;

/** A language's function words, lower case. */
export interface StopwordList {
  readonly language: string;
  readonly words: readonly string[];
  /** `wordHash` of each word: the detector looks words up by hash, without slicing the text. */
  readonly hashes: ReadonlySet<number>;
}

/** A word as the detector splits them: letters (an apostrophe inside), no digits or other marks ("z.b", "10"). */
const WORD = /^\p{L}[\p{L}\p{M}]*(?:['’]\p{L}+)?$/u;
/** Han and kana: the detector splits such text into one word per character (it has no spaces). */
const CJK = /^[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]+$/u;

function list(language: string, source: readonly string[]): StopwordList {
  // A word of several CJK characters can never match a word of one, so only single characters are kept there.
  const words = [...new Set(source.map((w) => w.toLowerCase()).filter((w) => WORD.test(w) && (!CJK.test(w) || w.length === 1)))];
  return { language, words, hashes: new Set(words.map(wordHash)) };
}

/** The lists the detector chooses from, English first (the fallback when no list fits better). */
export const stopwordLists: readonly StopwordList[] = [
  list('en', english.split(/\s+/)), list('de', de), list('fr', fr), list('es', es), list('it', it), list('pt', pt),
  list('nl', nl), list('pl', pl), list('ru', ru), list('cs', cs), list('sv', sv), list('da', da), list('fi', fi),
  list('ja', ja), list('zh', zh),
];

/**
 * Every list's hashes together, each to the bit set of the lists that hold it (bit k for stopwordLists[k]): the
 * language of a page is chosen with one lookup per word. A word outside this map is a function word nowhere.
 */
export const stopwordLanguages: WordBits = (() => {
  const m = new Map<number, number>();
  stopwordLists.forEach((l, k) => { for (const h of l.hashes) { m.set(h, (m.get(h) ?? 0) | (1 << k)); } });
  return new WordBits(m);
})();
