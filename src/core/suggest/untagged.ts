// Untagged mentions: the places in a file where a string tagged as an entity elsewhere in the corpus stands and the
// file neither tagged it nor turned it down there. This is what can be known of every corpus file cheaply (a
// string search, no language model), so the Files view can list the files where the gazetteer would suggest
// something, without computing suggestions for documents nobody has opened.
import { resolveAnchor } from '../anchor/resolve';
import type { Annotation } from '../annotations/model';
import { Gazetteer } from './gazetteer';
import { isRejection } from './rejections';
import type { RejectedMention, TaggedSpan } from './types';

/**
 * The file's entity annotations placed in its current text: where the stored offsets still hold the quote, there;
 * else where the anchor resolves (moved or lightly edited); orphans are left out. Other kinds are not needed here.
 */
export function placeEntityAnnotations(text: string, annotations: readonly Annotation[]): { tagged: TaggedSpan[]; rejected: RejectedMention[] } {
  const tagged: TaggedSpan[] = [];
  const rejected: RejectedMention[] = [];
  for (const a of annotations) {
    if (a.kind !== 'entity' || typeof a.quote !== 'string' || a.quote === '') { continue; }
    let start: number | null = a.start;
    let end: number | null = a.end;
    if (typeof start !== 'number' || typeof end !== 'number' || text.slice(start, end) !== a.quote) {
      const placed = resolveAnchor(text, {
        quote: a.quote, prefix: a.prefix, suffix: a.suffix,
        start: typeof a.start === 'number' ? a.start : 0, end: typeof a.end === 'number' ? a.end : a.quote.length,
      });
      start = placed.start;
      end = placed.end;
    }
    if (start === null || end === null) { continue; }
    if (isRejection(a)) {
      rejected.push({ text: text.slice(start, end), label: a.label, start, end });
    } else {
      tagged.push({ start, end, kind: 'entity' });
    }
  }
  return { tagged, rejected };
}

/** How many places in `text` the gazetteer would propose, given the file's own annotations (from its sidecar). */
export function untaggedMentions(text: string, gazetteer: Gazetteer, annotations: readonly Annotation[]): number {
  if (!gazetteer.hasProposals()) { return 0; }
  return gazetteer.find(text, placeEntityAnnotations(text, annotations)).length;
}
