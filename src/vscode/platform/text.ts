// Short texts every feature shows: counts and plurals, shares, line labels, file names, clipped quotes and
// escaped Markdown. No 'vscode' import, so the wording is unit-tested and the view models can use it.
import { JsonRange } from '../../core/report';

/** "1 file", "3 files"; `many` for a word whose plural is not the word and an s. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

/**
 * "12,345": thousands grouped as en-US does. Integers are grouped here, not by toLocaleString, which goes through
 * ICU for each call: the Files view's descriptions and tooltips of a page of rows spent 33 ms of a 126 ms block of
 * the host's thread in it at 1 GB. Other numbers still go to toLocaleString.
 */
export function formatCount(n: number): string {
  if (!Number.isSafeInteger(n)) { return n.toLocaleString('en-US'); }
  const digits = String(Math.abs(n));
  if (digits.length <= 3) { return n < 0 ? `-${digits}` : digits; }
  let out = digits.slice(0, digits.length % 3 || 3);
  for (let i = out.length; i < digits.length; i += 3) { out += `,${digits.slice(i, i + 3)}`; }
  return n < 0 ? `-${out}` : out;
}

export function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** "line 4" or "lines 85-100" (1-based), for a range that may end at the start of the line after it. */
export function linesLabel(r: JsonRange): string {
  const first = r.start.line + 1;
  const last = r.end.character === 0 && r.end.line > r.start.line ? r.end.line : r.end.line + 1;
  return first === last ? `line ${first}` : `lines ${first}-${last}`;
}

/** The last segment of a corpus-relative path. */
export function baseName(relPath: string): string {
  return relPath.slice(relPath.lastIndexOf('/') + 1);
}

/** A text for a title or a message: white space runs made one space, cut to `max` characters with an ellipsis. */
export function clip(text: string, max: number): string {
  const one = text.replace(/\s+/g, ' ');
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}

/** Escapes what Markdown would read as markup inside a line (the text never starts a line, so '#', '-' are safe). */
export function escapeMarkdown(s: string): string {
  return s.replace(/[\\`*_[\]()<>|~]/g, (c) => `\\${c}`);
}
