// The pieces the entity rules share: words (tokens joined across hyphens) and candidate runs of them, what makes
// a word capitalized, and the label the word lists give a string.
import { CITIES, COUNTRIES, ORGANIZATIONS, PLACE_ACRONYMS, REGIONS } from './lexicon';
import { EntityLabel } from './types';

export type Label = Exclude<EntityLabel, 'other'>;

/** A word: one token, or tokens joined by a hyphen without spaces ("Bankman-Fried", "al-Baghdadi"). */
export interface Word {
  text: string;
  start: number;
  end: number;
  pos: string;
  /** First word of a sentence, a heading or a quotation: capitalized whatever it is. */
  initial: boolean;
  /** Index of the sentence holding the word. */
  sentence: number;
}

export interface Candidate {
  words: Word[];
  /** Index in the word list of the first and last word. */
  from: number;
  to: number;
  label?: Label;
  score: number;
}

/** Capitalized abbreviations that are neither organizations nor places. */
export const NOT_ENTITY_ACRONYMS = new Set(['CEO', 'CFO', 'COO', 'CTO', 'GDP', 'GMT', 'UTC', 'BST', 'EST', 'EDT', 'PST', 'TV',
  'PM', 'AM', 'DNA', 'RNA', 'HIV', 'AIDS', 'COVID', 'SARS', 'MP', 'MPs', 'MEP', 'MEPs', 'IPO', 'AI', 'VAT', 'OK', 'ID',
  'PhD', 'MBA', 'CCTV', 'SUV', 'GPS', 'USB', 'PC', 'PR', 'HQ', 'VIP', 'FAQ', 'UK-based', 'LGBT', 'LGBTQ', 'NGO', 'NGOs',
  'ICU', 'A&E', 'ER', 'BBQ', 'CO2', 'EV', 'EVs', 'LNG', 'GCSE', 'GCSEs', 'SAT', 'IQ', 'CV', 'RIP', 'ETA', 'TBC', 'PPE',
  'I', 'II', 'III', 'IV', 'V', 'VI', 'X', 'Q1', 'Q2', 'Q3', 'Q4', 'AP', 'UPDATE', 'BREAKING', 'LIVE', 'WATCH', 'READ',
  'PHOTO', 'VIDEO', 'NEW', 'MORE', 'THE', 'AND', 'OF', 'IN', 'TO', 'A', 'EPS', 'YTD', 'NAV', 'ROE', 'EBIT', 'EBITDA',
  'ETF', 'ETFs', 'FY', 'YOY', 'NOTE', 'FAQ', 'PDF', 'URL', 'OPEC+']);

const GAP_SPACE = /^[ \t\u00a0]*$/;

export function isCapitalized(w: Word): boolean {
  return /^\p{Lu}/u.test(w.text) && /\p{L}/u.test(w.text) && w.text !== 'I';
}

export function gapIsSpace(text: string, a: Word, b: Word): boolean {
  return GAP_SPACE.test(text.slice(a.end, b.start));
}

/** The label a word list gives the exact string, if any. */
export function lexiconLabel(s: string): Label | undefined {
  if (ORGANIZATIONS.has(s)) { return 'organization'; }
  if (COUNTRIES.has(s) || REGIONS.has(s) || CITIES.has(s) || PLACE_ACRONYMS.has(s)) { return 'location'; }
  return undefined;
}
