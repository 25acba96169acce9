// A sentence splitter for news text: it knows titles and abbreviations ("Mr.", "U.S.", "Inc."), initials
// ("John F. Kennedy"), decimals, quotations that hold several sentences ("It is over. We lost," he said.), and the
// line structure of scraped text (blank lines, headings without a full stop, hard-wrapped paragraphs).
// Spans are UTF-16 offsets into the text, trimmed of white space.

export interface Span {
  start: number;
  end: number;
}

/** Abbreviations after which a full stop never ends a sentence (a name or a number follows). */
const NEVER_ENDS = new Set([
  'mr', 'mrs', 'ms', 'mx', 'dr', 'prof', 'st', 'ste', 'mt', 'ft', 'gen', 'gov', 'sen', 'sens', 'rep', 'reps', 'lt', 'col',
  'capt', 'cmdr', 'sgt', 'cpl', 'pvt', 'adm', 'maj', 'brig', 'det', 'supt', 'insp', 'rev', 'fr', 'hon', 'rt', 'pres',
  'messrs', 'mme', 'mlle', 'no', 'nos', 'art', 'fig', 'figs', 'vol', 'vols', 'ch', 'chap', 'sec', 'pp', 'para', 'approx',
  'ca', 'cf', 'vs', 'v', 'e.g', 'i.e', 'viz', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct',
  'nov', 'dec', 'ave', 'blvd', 'rd', 'est', 'dept', 'univ', 'assn', 'bros', 'op', 'ed', 'eds', 'tel', 'ext',
]);

/** Abbreviations that may also end a sentence: they do when the next word usually starts one. */
const MAY_END = new Set(['inc', 'corp', 'co', 'ltd', 'plc', 'llc', 'jr', 'sr', 'etc', 'al', 'a.m', 'p.m', 'bc', 'ad']);

/** Words that usually start a sentence, so "... in the U.S. The ..." ends one. */
const SENTENCE_STARTERS = new Set([
  'The', 'A', 'An', 'He', 'She', 'It', 'They', 'We', 'I', 'You', 'This', 'That', 'These', 'Those', 'There', 'But',
  'And', 'Or', 'So', 'Yet', 'In', 'On', 'At', 'By', 'For', 'If', 'When', 'While', 'As', 'After', 'Before', 'Since',
  'Although', 'However', 'Meanwhile', 'Its', 'His', 'Her', 'Their', 'Our', 'Some', 'Many', 'Most', 'Other', 'Officials',
  'Police', 'Analysts', 'According', 'Last', 'Next', 'Earlier', 'Later', 'Now', 'Then', 'What', 'Why', 'How', 'Who',
]);

/** Function words that cannot end a line of running text: a line ending with one continues on the next. */
const CONTINUING = new Set(['the', 'a', 'an', 'of', 'and', 'or', 'to', 'in', 'on', 'at', 'by', 'for', 'with', 'from',
  'that', 'which', 'who', 'as', 'than', 'but', 'its', 'his', 'her', 'their', 'our', 'is', 'are', 'was', 'were', 'be']);

const OPEN_QUOTES = '“‘«';
const CLOSERS = '"\'”’»)]';

/** Splits `text` into sentences. */
export function splitSentences(text: string): Span[] {
  const out: Span[] = [];
  for (const segment of segments(text)) { splitSegment(text, segment, out); }
  return out;
}

/** Runs of lines that belong together: line breaks end a run at a blank line, a heading or after a full stop. */
function segments(text: string): Span[] {
  const lines: Span[] = [];
  const lineBreak = /\r\n|\r|\n/g;
  let from = 0;
  for (let m = lineBreak.exec(text); m; m = lineBreak.exec(text)) {
    lines.push({ start: from, end: m.index });
    from = m.index + m[0].length;
  }
  lines.push({ start: from, end: text.length });
  const out: Span[] = [];
  let current: Span | undefined;
  for (const line of lines) {
    const t = trimSpan(text, line);
    if (t.start >= t.end) {
      if (current) { out.push(current); current = undefined; }
      continue;
    }
    if (current && continues(text, current, t)) {
      current.end = t.end;
    } else {
      if (current) { out.push(current); }
      current = { ...t };
    }
  }
  if (current) { out.push(current); }
  return out;
}

/**
 * A transcript's speaker label at the start of a line ("SANDERS:", "LESLEY STAHL:", "Q:"): capitals, then a colon.
 * A line that opens with one is a new turn, whatever the line before it ended with.
 */
export const SPEAKER_LABEL = /^\s*((?:\p{Lu}[\p{Lu}.'’-]*)(?: \p{Lu}[\p{Lu}.'’-]*){0,3}):\s+/u;

/** Whether the line `next` continues the sentence of the text before it (a hard-wrapped paragraph). */
function continues(text: string, before: Span, next: Span): boolean {
  // A speaker cut off mid-sentence ("Well, that was--") does not run on into the next speaker's turn.
  if (SPEAKER_LABEL.test(text.slice(next.start, Math.min(next.end, next.start + 60)))) { return false; }
  const last = text[before.end - 1];
  if ('.!?…:;'.includes(last)) { return false; }
  if (CLOSERS.includes(last) && before.end - 2 >= before.start && '.!?…'.includes(text[before.end - 2])) { return false; }
  const first = text[next.start];
  if (first >= 'a' && first <= 'z') { return true; }
  if (',-–—(/&'.includes(last)) { return true; }
  const lastWord = /([A-Za-z]+)$/.exec(text.slice(Math.max(before.start, before.end - 20), before.end));
  return lastWord !== null && CONTINUING.has(lastWord[1]);
}

function splitSegment(text: string, seg: Span, out: Span[]): void {
  let sentenceStart = seg.start;
  const closeAt = quoteCloseTable(text, seg);
  let openQuoteUntil = -1;
  for (let i = seg.start; i < seg.end; i++) {
    const c = text[i];
    if (closeAt.has(i)) { openQuoteUntil = Math.max(openQuoteUntil, closeAt.get(i)!); }
    if (c !== '.' && c !== '!' && c !== '?' && c !== '…') { continue; }
    let j = i + 1;
    while (j < seg.end && (text[j] === '.' || text[j] === '!' || text[j] === '?' || text[j] === '…')) { j++; }
    let closedQuote = false;
    while (j < seg.end && CLOSERS.includes(text[j])) {
      if (text[j] !== ')' && text[j] !== ']') { closedQuote = true; }
      j++;
    }
    if (j >= seg.end) { break; }
    if (!/\s/.test(text[j])) { i = j - 1; continue; }
    let k = j;
    while (k < seg.end && /\s/.test(text[k])) { k++; }
    if (k >= seg.end) { break; }
    // Inside a quotation that closes later in this paragraph, the sentence goes on to the quotation's end.
    if (!closedQuote && i < openQuoteUntil) { i = j - 1; continue; }
    if (!startsSentence(text, k, seg.end)) { i = j - 1; continue; }
    if (c === '.' && j === i + 1 && !endsSentenceAfterDot(text, seg.start, i, k, closedQuote)) { continue; }
    pushTrimmed(text, { start: sentenceStart, end: j }, out);
    sentenceStart = k;
    i = k - 1;
  }
  pushTrimmed(text, { start: sentenceStart, end: seg.end }, out);
}

/** Whether the text at `k` can start a sentence: a capital, a digit, or an opening quote or bracket before one. */
function startsSentence(text: string, k: number, end: number): boolean {
  let p = k;
  while (p < end && ('"\'(['.includes(text[p]) || OPEN_QUOTES.includes(text[p]))) { p++; }
  if (p >= end) { return false; }
  const cp = text.codePointAt(p)!;
  const ch = String.fromCodePoint(cp);
  return /[\p{Lu}\p{N}]/u.test(ch);
}

/** Decides a full stop followed by a capital: an abbreviation or an initial does not end the sentence. */
function endsSentenceAfterDot(text: string, segStart: number, dot: number, next: number, closedQuote: boolean): boolean {
  if (closedQuote) { return true; }
  let w = dot;
  while (w > segStart && /[\p{L}\p{N}.'’-]/u.test(text[w - 1])) { w--; }
  const word = text.slice(w, dot);
  if (word === '') { return true; }
  const lower = word.toLowerCase();
  const nextWord = /^[\p{L}\p{N}'’]+/u.exec(text.slice(next, next + 30))?.[0] ?? '';
  // "John F. Kennedy": one capital before the stop is an initial.
  if (/^\p{Lu}$/u.test(word)) { return false; }
  if (NEVER_ENDS.has(lower)) {
    // "in Jan. 2020" never ends; "Dr. Smith" never ends; a month abbreviation before a capital word may.
    return false;
  }
  // "U.S.", "a.m.", "Inc.": end only when the next word usually starts a sentence.
  if (MAY_END.has(lower) || /^(\p{L}\.)+\p{L}$/u.test(word)) { return SENTENCE_STARTERS.has(nextWord); }
  return true;
}

/**
 * For each opening quotation mark in the segment, the offset of its closing mark, when it closes in the segment
 * within 1,000 characters. Straight quotes open after a space or a bracket and close elsewhere.
 */
function quoteCloseTable(text: string, seg: Span): Map<number, number> {
  const table = new Map<number, number>();
  let openAt = -1;
  for (let i = seg.start; i < seg.end; i++) {
    const c = text[i];
    const prev = i > seg.start ? text[i - 1] : ' ';
    const opening = c === '“' || c === '«' || (c === '"' && (/\s/.test(prev) || '([—–-'.includes(prev) || i === seg.start));
    const closing = c === '”' || c === '»' || (c === '"' && !opening);
    if (opening && openAt < 0) {
      openAt = i;
    } else if (closing && openAt >= 0) {
      if (i - openAt <= 1000) { table.set(openAt, i); }
      openAt = -1;
    }
  }
  return table;
}

function trimSpan(text: string, s: Span): Span {
  let { start, end } = s;
  while (start < end && /\s/.test(text[start])) { start++; }
  while (end > start && /\s/.test(text[end - 1])) { end--; }
  return { start, end };
}

function pushTrimmed(text: string, s: Span, out: Span[]): void {
  const t = trimSpan(text, s);
  if (t.start < t.end) { out.push(t); }
}
