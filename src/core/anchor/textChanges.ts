// Text changes as an editor reports them, and the code-unit helpers anchoring needs: applying changes,
// mapping an offset through a change, and keeping ranges off the middle of a surrogate pair.

/**
 * One replacement: the range [start, end) of the text as it stands before this change (after the changes
 * listed before it in the same event), replaced by `text`. Offsets are UTF-16 code units.
 */
export interface TextChange {
  start: number;
  end: number;
  text: string;
}

export function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

export function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** True when `offset` falls between the two halves of a surrogate pair. */
export function splitsSurrogatePair(text: string, offset: number): boolean {
  return offset > 0 && offset < text.length
    && isHighSurrogate(text.charCodeAt(offset - 1)) && isLowSurrogate(text.charCodeAt(offset));
}

/** Widens [start, end) so that neither end splits a surrogate pair. */
export function snapOutward(text: string, start: number, end: number): { start: number; end: number } {
  if (splitsSurrogatePair(text, start)) { start--; }
  if (splitsSurrogatePair(text, end)) { end++; }
  return { start, end };
}

/** The up-to-`length` code units before `pos`, never starting inside a surrogate pair. */
export function contextBefore(text: string, pos: number, length: number): string {
  let from = Math.max(0, pos - length);
  if (splitsSurrogatePair(text, from)) { from++; }
  return text.slice(from, pos);
}

/** The up-to-`length` code units after `pos`, never ending inside a surrogate pair. */
export function contextAfter(text: string, pos: number, length: number): string {
  let to = Math.min(text.length, pos + length);
  if (splitsSurrogatePair(text, to)) { to--; }
  return text.slice(pos, to);
}

/** Checks a change against the length of the text it applies to. */
export function checkChange(change: TextChange, length: number): void {
  if (!(Number.isInteger(change.start) && Number.isInteger(change.end)
    && change.start >= 0 && change.start <= change.end && change.end <= length)) {
    throw new RangeError(`text change [${change.start}, ${change.end}) is outside the text (length ${length})`);
  }
}

/**
 * Applies changes in order, each against the text the previous ones produced (VS Code's and the language
 * server protocol's rule). VS Code lists the changes of one event from last to first, so that each also holds
 * against the original text; that common case is applied in one pass instead of one copy per change.
 */
export function applyTextChanges(text: string, changes: readonly TextChange[]): string {
  if (changes.length === 0) { return text; }
  let descending = true;
  for (let i = 0; i < changes.length; i++) {
    if (i > 0 && changes[i].end > changes[i - 1].start) { descending = false; break; }
  }
  if (descending) {
    for (const c of changes) { checkChange(c, text.length); }
    const parts: string[] = [];
    let pos = 0;
    for (let i = changes.length - 1; i >= 0; i--) {
      const c = changes[i];
      parts.push(text.slice(pos, c.start), c.text);
      pos = c.end;
    }
    parts.push(text.slice(pos));
    return parts.join('');
  }
  for (const c of changes) {
    checkChange(c, text.length);
    text = text.slice(0, c.start) + c.text + text.slice(c.end);
  }
  return text;
}

/**
 * Where an offset goes through one change. Offsets before the change stay, offsets after it shift by the
 * change's length difference; an offset inside the replaced range goes to the start of the new text, or to its
 * end when `inside` is 'end'. An offset exactly at the change's start stays (an insertion there lands after it).
 */
export function mapOffset(offset: number, change: TextChange, inside: 'start' | 'end'): number {
  if (offset <= change.start) { return offset; }
  if (offset >= change.end) { return offset + change.text.length - (change.end - change.start); }
  return inside === 'start' ? change.start : change.start + change.text.length;
}
