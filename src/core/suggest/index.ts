// The suggestion engine's entry point for the editor and the CLI: entity and claim candidates for one text, with
// the corpus gazetteer's re-proposals of strings tagged elsewhere, minus what the editor already tagged or turned
// down. Offsets are UTF-16 code units into the text given.
import type { Annotation } from '../annotations/model';
import { findClaims, defaultClaimOptions } from './claims';
import { defaultEntityOptions, findEntities } from './entities';
import { Gazetteer, coarseLabel, isRejection } from './gazetteer';
import { splitSentences } from './sentences';
import { tokenize } from './tokens';
import { EntitySuggestion, RejectedMention, Suggestion, TaggedSpan } from './types';

export { Gazetteer, coarseLabel, isRejection, REJECTED_STATUSES } from './gazetteer';
export type { AnnotatedFile, GazetteerEntry, GazetteerMatchOptions } from './gazetteer';
export { splitSentences } from './sentences';
export { placeEntityAnnotations, untaggedMentions } from './untagged';
export type { Span } from './sentences';
export { claimScore, defaultClaimOptions, findSpeaker } from './claims';
export type {
  ClaimSuggestion, EntityLabel, EntitySuggestion, RejectedMention, Suggestion, TaggedSpan,
} from './types';

export interface SuggestOptions {
  entities: boolean;
  claims: boolean;
  /** Strings tagged elsewhere in the corpus, proposed again here. */
  gazetteer?: Gazetteer;
  /** Mentions the editor turned down in this text (with offsets: that place only; without: everywhere). */
  rejected?: readonly RejectedMention[];
  /**
   * This text's own annotations: entity and claim annotations are spans already tagged (nothing overlapping them
   * is proposed, entities against entities and claims against claims), and entity annotations with
   * `attributes.status: rejected | dismissed` are mentions turned down at their place.
   */
  annotations?: readonly Annotation[];
  /** Spans already tagged, given directly (kind `entity` or `claim`; no kind: both). */
  tagged?: readonly TaggedSpan[];
  /** Suggestions scoring below these are not made (defaults: entities 0.5, claims 0.45; see defaultEntityOptions, defaultClaimOptions). */
  minEntityScore?: number;
  minClaimScore?: number;
}

/** Entity and claim suggestions for `text`, in text order. */
export function suggest(text: string, options: SuggestOptions): Suggestion[] {
  if (!options.entities && !options.claims) { return []; }
  const tagged: TaggedSpan[] = [...(options.tagged ?? [])];
  const rejected: RejectedMention[] = [...(options.rejected ?? [])];
  for (const a of options.annotations ?? []) {
    if (typeof a.start !== 'number' || typeof a.end !== 'number') { continue; }
    if (isRejection(a) && a.kind === 'entity') {
      rejected.push({ text: a.quote, label: a.label, start: a.start, end: a.end });
    } else if (a.kind === 'entity' || a.kind === 'claim') {
      // A turned-down claim blocks claim suggestions over its sentence as a tagged one does.
      tagged.push({ start: a.start, end: a.end, kind: a.kind });
    }
  }
  const taggedEntities = tagged.filter((t) => t.kind !== 'claim');
  const taggedClaims = tagged.filter((t) => t.kind !== 'entity');

  const sentences = splitSentences(text);
  const tokenized = tokenize(text);
  const nlpEntities = findEntities(text, tokenized, sentences, { ...defaultEntityOptions, minScore: options.minEntityScore ?? defaultEntityOptions.minScore });
  const out: Suggestion[] = [];
  if (options.entities) {
    const fromGazetteer = options.gazetteer?.find(text, { tagged: taggedEntities, rejected }) ?? [];
    out.push(...mergeEntities(fromGazetteer, nlpEntities, taggedEntities, rejected, options.gazetteer));
  }
  if (options.claims) {
    const claims = findClaims(text, sentences, nlpEntities, { ...defaultClaimOptions, minScore: options.minClaimScore ?? defaultClaimOptions.minScore });
    out.push(...claims.filter((c) => !overlapsAny(taggedClaims, c.start, c.end)));
  }
  return out.sort((a, b) => a.start - b.start || (a.kind === b.kind ? 0 : a.kind === 'entity' ? 1 : -1));
}

/** Gazetteer suggestions win over the rules' where they overlap; the rules' are dropped where tagged or turned down. */
function mergeEntities(
  fromGazetteer: EntitySuggestion[], fromRules: EntitySuggestion[], tagged: readonly TaggedSpan[],
  rejected: readonly RejectedMention[], gazetteer: Gazetteer | undefined,
): EntitySuggestion[] {
  const out = [...fromGazetteer];
  const taken = [...fromGazetteer].sort((a, b) => a.start - b.start);
  for (const s of fromRules) {
    if (overlapsAny(taken, s.start, s.end) || overlapsAny(tagged, s.start, s.end)) { continue; }
    if (rejected.some((r) => r.text === s.text && (r.label === undefined || coarseLabel(r.label) === s.label)
      && (r.start === undefined || r.end === undefined || (r.start < s.end && r.end > s.start)))) { continue; }
    const known = gazetteer?.lookup(s.text);
    if (known && gazetteer!.isRejected(s.text)) { continue; }
    out.push(s);
  }
  return out.sort((a, b) => a.start - b.start);
}

function overlapsAny(spans: readonly TaggedSpan[], start: number, end: number): boolean {
  return spans.some((t) => t.start < end && t.end > start);
}
