// Tokens with parts of speech from wink-nlp (and its English model, bundled: no download), placed at exact UTF-16
// offsets in the text, and the model's lexicon of common words, which tells a capitalized common word ("Striker",
// "Heath") from a name the model has never seen ("Kipchoge").
import winkNLP, { WinkMethods } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

export interface Token {
  /** The token as it stands in the text. */
  text: string;
  start: number;
  end: number;
  /** Universal part-of-speech tag: PROPN, NOUN, VERB, ADJ, PUNCT, NUM, ... */
  pos: string;
  /** wink's token type: word, punctuation, number, email, url, emoji, ... */
  type: string;
}

export interface TokenizedText {
  tokens: Token[];
  /** True when the lower-case word is in the model's lexicon of common words. */
  isCommonWord(lower: string): boolean;
}

// The model takes about 100 ms to load; it is read-only once built, so one instance serves every call.
let instance: WinkMethods | undefined;

function nlp(): WinkMethods {
  instance ??= winkNLP(model, ['sbd', 'pos']);
  return instance;
}

/** Tokenizes `text` and tags each token's part of speech. Offsets are UTF-16 code units into `text`. */
export function tokenize(text: string): TokenizedText {
  const engine = nlp();
  const its = engine.its;
  // wink's tokenizer slows to seconds on very long runs without a space (base64, minified markup); such runs hold
  // no names, so they are blanked out, keeping every offset as it is.
  const input = text.replace(/\S{256,}/g, (run) => ' '.repeat(run.length));
  const doc = engine.readDoc(input);
  const values = doc.tokens().out() as string[];
  const spaces = doc.tokens().out(its.precedingSpaces) as string[];
  const pos = doc.tokens().out(its.pos) as string[];
  const types = doc.tokens().out(its.type) as string[];
  const tokens: Token[] = [];
  let at = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    let start = at + spaces[i].length;
    // wink reproduces the text exactly from spaces and values; should a token ever differ (a normalized form),
    // look for it ahead rather than let every later offset drift.
    if (!input.startsWith(value, start)) {
      const found = input.indexOf(value, at);
      if (found < 0) { continue; }
      start = found;
    }
    const end = start + value.length;
    if (types[i] !== 'tabCRLF' && types[i] !== 'space') {
      tokens.push({ text: value, start, end, pos: pos[i], type: types[i] });
    }
    at = end;
  }
  // isOOV asks the model's own vocabulary; isLexeme would also count every word this text added to it.
  return { tokens, isCommonWord: (lower) => !doc.isOOV(lower) };
}
