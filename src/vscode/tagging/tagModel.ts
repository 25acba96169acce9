// What the editor's tagging shows, without a 'vscode' import so that it is unit-tested: the style (and theme
// colour) of each tag, the hover text of a tag, the tags at a place.
import { AnchoredAnnotation, Annotation, ENTITY_LABELS } from '../../core/annotations';
import { isRejection } from '../../core/suggest/rejections';
import { escapeMarkdown } from '../platform/text';

/** Context key set while the active editor shows a corpus file; gates the tagging menus and keybindings. */
export const CORPUS_FILE_CONTEXT = 'corpusLens.corpusFile';

/** Context key set while the list of matches of "tag all occurrences" is showing; gates its toggles' keybindings. */
export const MATCH_LIST_CONTEXT = 'corpusLens.matchListOpen';

/** One decoration style per entity label, and one for claims. */
export const TAG_STYLES = [...ENTITY_LABELS, 'claim'] as const;
export type TagStyle = (typeof TAG_STYLES)[number];

/** The style a tag is drawn in: a claim, an entity by its label (a label the workspace made up is `other`). */
export function styleOf(a: Pick<Annotation, 'kind' | 'label' | 'attributes'>): TagStyle | undefined {
  if (isRejection(a)) { return undefined; } // a turned-down suggestion, recorded so it is not proposed again
  if (a.kind === 'claim') { return 'claim'; }
  if (a.kind !== 'entity') { return undefined; }
  return (ENTITY_LABELS as readonly string[]).includes(a.label ?? '') ? (a.label as TagStyle) : 'other';
}

/** The theme colour a style's background uses, as contributed in package.json: corpusLens.entityPersonBackground. */
export function colorIdOf(style: TagStyle): string {
  const name = style === 'claim' ? 'claim' : `entity${style[0].toUpperCase()}${style.slice(1)}`;
  return `corpusLens.${name}Background`;
}

/** "Claim", "Entity: person". */
export function tagTitle(a: Pick<Annotation, 'kind' | 'label'>): string {
  const kind = `${a.kind[0].toUpperCase()}${a.kind.slice(1)}`;
  return a.label ? `${kind}: ${a.label}` : kind;
}

/** The attributes a hover lists for a kind, in this order; others follow. */
const SHOWN_ATTRIBUTES: Record<string, string[]> = { claim: ['speaker', 'status', 'note'], entity: ['canonical', 'externalId'] };

/**
 * The hover text of a tag, in Markdown: its kind and label, its attributes, then command links made by
 * `link(label, command)` for the actions on it.
 *
 *   **Claim** by Mohammad Ali Jafari ...
 */
export function tagHoverMarkdown(a: Readonly<Annotation>, actions: string[]): string {
  const lines = [`**${escapeMarkdown(tagTitle(a))}**`];
  const attrs = a.attributes ?? {};
  const order = [...(SHOWN_ATTRIBUTES[a.kind] ?? []), ...Object.keys(attrs).filter((k) => !(SHOWN_ATTRIBUTES[a.kind] ?? []).includes(k))];
  for (const k of order) {
    const v = attrs[k];
    if (v === undefined || v === null || v === '') { continue; }
    lines.push(`${escapeMarkdown(k)}: ${escapeMarkdown(typeof v === 'string' ? v : JSON.stringify(v))}`);
  }
  if (actions.length > 0) { lines.push(actions.join(' · ')); }
  return lines.join('\n\n');
}

/** The annotations, anchored, that are tags (entities and claims) covering `offset`, innermost first. */
export function tagsAt(list: readonly AnchoredAnnotation[], start: number, end = start): AnchoredAnnotation[] {
  return list
    .filter((a) => styleOf(a.annotation) !== undefined && a.start !== null && a.end !== null && a.start <= start && end <= a.end)
    .sort((x, y) => ((x.end ?? 0) - (x.start ?? 0)) - ((y.end ?? 0) - (y.start ?? 0)));
}
