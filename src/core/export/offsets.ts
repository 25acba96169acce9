// Offset units of the exports. Core counts UTF-16 code units (what VS Code counts); Python tools (brat, Dolma,
// spaCy, doccano) count code points, so an astral character (an emoji) is one position there and two here.
// Exports convert at the edge, in one place, so no format can get the unit half right.

import { splitsSurrogatePair } from '../anchor/textChanges';

export type OffsetUnit = 'codepoints' | 'utf16';

/** Converts offsets into one text between UTF-16 code units and the chosen unit, both ways. */
export interface OffsetMapper {
  readonly unit: OffsetUnit;
  /** A UTF-16 offset as a position in `unit`. */
  fromUtf16(offset: number): number;
  /** A position in `unit` as a UTF-16 offset (undefined when it is past the end of the text or inside a character). */
  toUtf16(position: number): number | undefined;
  /** The text's length in `unit`. */
  readonly length: number;
}

/**
 * A mapper for `text`. For code points it keeps the UTF-16 offsets of the astral characters (sorted) and counts
 * those before an offset by binary search: memory in proportion to the emoji, not to the text.
 */
export function offsetMapper(text: string, unit: OffsetUnit): OffsetMapper {
  if (unit === 'utf16') {
    return {
      unit, length: text.length,
      fromUtf16: (o) => o,
      // A position between the halves of a surrogate pair is inside a character: no offset (a range from it would
      // be refused by the sidecar store, and taken as given it would cut an emoji in two).
      toUtf16: (p) => (Number.isInteger(p) && p >= 0 && p <= text.length && !splitsSurrogatePair(text, p) ? p : undefined),
    };
  }
  const astral: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) { astral.push(i); i++; }
    }
  }
  /** Astral characters that start before UTF-16 offset `o`. */
  const before = (o: number): number => {
    let lo = 0;
    let hi = astral.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (astral[mid] < o) { lo = mid + 1; } else { hi = mid; }
    }
    return lo;
  };
  const length = text.length - astral.length;
  return {
    unit, length,
    // An offset inside a pair (never produced by core) counts the character as begun.
    fromUtf16: (o) => o - before(o),
    toUtf16: (p) => {
      if (!Number.isInteger(p) || p < 0 || p > length) { return undefined; }
      // The UTF-16 offset u with u - before(u) = p: the k-th astral character at astral[k] shifts what follows by k+1.
      let lo = 0;
      let hi = astral.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (astral[mid] - mid < p) { lo = mid + 1; } else { hi = mid; }
      }
      return p + lo;
    },
  };
}

/** The unit's name as the documents and records state it. */
export function unitLabel(unit: OffsetUnit): string {
  return unit === 'utf16' ? 'UTF-16 code units' : 'Unicode code points';
}
