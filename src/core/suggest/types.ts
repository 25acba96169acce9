// What the suggestion engine proposes to an editor: entity mentions and check-worthy claims, placed at UTF-16
// offsets into the text (`text.slice(start, end) === suggestion.text`), each with a score in [0, 1].

export type EntityLabel = 'person' | 'organization' | 'location' | 'other';

export interface EntitySuggestion {
  kind: 'entity';
  label: EntityLabel;
  text: string;
  start: number;
  end: number;
  score: number;
  /** Where the suggestion comes from: the language rules, or strings already tagged in the corpus. */
  source: 'nlp' | 'gazetteer';
}

export interface ClaimSuggestion {
  kind: 'claim';
  text: string;
  start: number;
  end: number;
  /** Who the sentence says made the statement, when it names someone ("Pompeo", "the mayor"). */
  speaker?: string;
  score: number;
}

export type Suggestion = EntitySuggestion | ClaimSuggestion;

/** A mention the editor turned down: nowhere in this text (no offsets), or only at its place (with offsets). */
export interface RejectedMention {
  text: string;
  /** The label turned down; unset, the text is turned down whatever its label. */
  label?: string;
  start?: number;
  end?: number;
}

/** A span the editor has already tagged in this text; suggestions that overlap it are not made. */
export interface TaggedSpan {
  start: number;
  end: number;
  kind?: string;
}
