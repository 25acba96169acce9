// Whole-word occurrences of a string, for "accept all of this string in the corpus": every place where the exact
// string stands with no letter, digit or joining hyphen glued to either end, so "Lund" is found in "Lund, said"
// but not in "Lundgren" or "Lund-based". Offsets are UTF-16 code units.

/** Starts of the whole-word occurrences of `needle` in `text`, in order; none overlap. */
export function wholeWordOccurrences(text: string, needle: string): number[] {
  const out: number[] = [];
  if (needle === '') { return out; }
  const checkBefore = isWordChar(needle, 0);
  const checkAfter = isWordChar(needle, needle.length - 1);
  let from = 0;
  for (;;) {
    const at = text.indexOf(needle, from);
    if (at < 0) { return out; }
    const end = at + needle.length;
    if ((!checkBefore || !gluedBefore(text, at)) && (!checkAfter || !gluedAfter(text, end))) {
      out.push(at);
      from = end;
    } else {
      from = at + 1;
    }
  }
}

const WORD = /[\p{L}\p{N}\p{M}_]/u;

/** Whether the character at UTF-16 index `i` of `s` (or the pair it ends or starts) is a word character. */
function isWordChar(s: string, i: number): boolean {
  const code = s.charCodeAt(i);
  if (code >= 0xdc00 && code <= 0xdfff && i > 0) { return WORD.test(s.slice(i - 1, i + 1)); }
  if (code >= 0xd800 && code <= 0xdbff) { return WORD.test(s.slice(i, i + 2)); }
  return WORD.test(s[i] ?? '');
}

function gluedBefore(text: string, at: number): boolean {
  if (at === 0) { return false; }
  if (isWordChar(text, at - 1)) { return true; }
  // A hyphen or apostrophe joined to a word ("ex-Lund", "d'Lund") makes the match part of a longer word.
  return /[-'’]/.test(text[at - 1]) && at >= 2 && isWordChar(text, at - 2);
}

function gluedAfter(text: string, end: number): boolean {
  if (end >= text.length) { return false; }
  if (isWordChar(text, end)) { return true; }
  return text[end] === '-' && end + 1 < text.length && isWordChar(text, end + 1);
}
