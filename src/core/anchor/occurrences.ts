// Finding every occurrence of a string in a text: the one module behind every "everywhere" action (tag all
// occurrences, accept a suggestion everywhere, decisions about every identical line of a corpus), so that they
// all agree on what a whole word is. Offsets are UTF-16 code units; a match never starts or ends inside a surrogate pair,
// and whole-word tests look at the whole code point on either side, so a letter outside the BMP counts as one.
import { TextModel } from '../text';

export interface OccurrenceOptions {
  /** Default true. */
  caseSensitive?: boolean;
  /**
   * Default true: a match must not continue a word on either side. Only the ends of the needle that are word
   * characters are tested, as an editor's "match whole word" does ('#tag' matches in 'a #tag,'). A hyphen or an
   * apostrophe joining a word on before ("ex-Lund", "d'Lund") or a hyphen on after ("Lund-based") also makes the
   * match part of a longer word; a possessive after it ("Lund's") does not.
   */
  wholeWord?: boolean;
}

/**
 * Where an occurrence stands, with its line for showing it: 0-based line, UTF-16 character, line without break;
 * and where it ends (a needle with a line break in it ends on a later line).
 */
export interface Occurrence {
  start: number;
  end: number;
  line: number;
  character: number;
  endLine: number;
  endCharacter: number;
  lineText: string;
}

const WORD = /[\p{L}\p{N}\p{M}_]/u;

/** True for a code point that is part of a word: a letter, a digit, a combining mark or '_'. */
export function isWordCodePoint(cp: number): boolean {
  return WORD.test(String.fromCodePoint(cp));
}

/** The code point that ends just before `offset`, if any. */
function codePointBefore(text: string, offset: number): number | undefined {
  if (offset <= 0) { return undefined; }
  const low = text.charCodeAt(offset - 1);
  if (low >= 0xdc00 && low <= 0xdfff && offset >= 2) {
    const high = text.charCodeAt(offset - 2);
    if (high >= 0xd800 && high <= 0xdbff) { return text.codePointAt(offset - 2); }
  }
  return low;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** The [start, end) ranges of `needle` in `text`, left to right, not overlapping. An empty needle has none. */
export function findOccurrences(text: string, needle: string, options: OccurrenceOptions = {}): [number, number][] {
  if (needle.length === 0) { return []; }
  const caseSensitive = options.caseSensitive ?? true;
  const wholeWord = options.wholeWord ?? true;
  const first = needle.codePointAt(0)!;
  const last = codePointBefore(needle, needle.length)!;
  const checkStart = wholeWord && isWordCodePoint(first);
  const checkEnd = wholeWord && isWordCodePoint(last);
  // The 'u' flag makes the search step by code points, so no match starts in the middle of a pair; 'i' with 'u'
  // folds case by Unicode's simple case folding, which keeps lengths, so a match's length is its own.
  const re = new RegExp(escapeRegExp(needle), caseSensitive ? 'gu' : 'giu');
  const out: [number, number][] = [];
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const start = m.index;
    const end = start + m[0].length;
    if ((checkStart && joinedBefore(text, start)) || (checkEnd && joinedAfter(text, end))) {
      // Not a whole word here; try again one code point later (a later match may overlap this one).
      re.lastIndex = start + (text.codePointAt(start)! > 0xffff ? 2 : 1);
      continue;
    }
    out.push([start, end]);
  }
  return out;
}

const isWordAt = (text: string, offset: number) => offset < text.length && isWordCodePoint(text.codePointAt(offset)!);
const isWordBefore = (text: string, offset: number) => {
  const cp = codePointBefore(text, offset);
  return cp !== undefined && isWordCodePoint(cp);
};

/** Whether a match starting at `start` continues a word before it, directly or through a joining mark. */
function joinedBefore(text: string, start: number): boolean {
  if (isWordBefore(text, start)) { return true; }
  return start >= 2 && /[-'’]/.test(text[start - 1]) && isWordBefore(text, start - 1);
}

/** Whether a match ending at `end` goes on into a word, directly or through a hyphen. */
function joinedAfter(text: string, end: number): boolean {
  if (isWordAt(text, end)) { return true; }
  return text[end] === '-' && isWordAt(text, end + 1);
}

/** The ranges as occurrences with their lines (CR, LF and CRLF line breaks; the line text has no break). */
export function withLines(text: string, ranges: readonly [number, number][], model = new TextModel(text)): Occurrence[] {
  return ranges.map(([start, end]) => {
    const pos = model.positionAt(start);
    const last = model.positionAt(end);
    return { start, end, line: pos.line, character: pos.character, endLine: last.line, endCharacter: last.character, lineText: model.lineText(pos.line) };
  });
}

/**
 * The lines of `text` whose text, trimmed, is `trimmedLine` (itself trimmed, not empty): for each, the range of
 * its trimmed text. Used for a decision about "every identical line" of a corpus.
 */
export function identicalLines(text: string, trimmedLine: string, model?: TextModel): [number, number][] {
  const needle = trimmedLine.trim();
  if (needle.length === 0 || /[\r\n]/.test(needle)) { return []; }
  const out: [number, number][] = [];
  let lines: TextModel | undefined = model;
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
    lines ??= new TextModel(text);
    const line = lines.positionAt(i).line;
    const start = lines.lineStart(line);
    const end = lines.lineEnd(line);
    if (text.slice(start, i).trim() === '' && text.slice(i + needle.length, end).trim() === '') {
      out.push([i, i + needle.length]);
      i = end; // the rest of the line cannot hold another
    }
  }
  return out;
}
