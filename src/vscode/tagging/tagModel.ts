// What the editor's tagging shows and decides, without a 'vscode' import so that it is unit-tested: the style
// (and theme colour) of each tag, the hover text of a tag, and the per-document stack of steps (tags made,
// decisions recorded) that `undoTag` takes back.
import { AnchoredAnnotation, Annotation, ENTITY_LABELS, decisionOf } from '../../core/annotations';
import { deepEqual } from '../../core/annotations/model';
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

/**
 * An annotation a command made or changed, as undo takes it back: the document's URI and the annotation's id; and
 * for a decision the command changed rather than made, the attributes it had before (undo puts them back; else it
 * removes the annotation).
 */
export interface TagRefOf {
  doc: string;
  id: string;
  restore?: { attributes: Annotation['attributes'] };
}

/**
 * What a command did to the decisions of one document, from its annotations before and after: each decision it
 * added (undone by removing it) and each it changed (undone by restoring its attributes).
 */
export function decisionChanges(doc: string, before: readonly AnchoredAnnotation[], after: readonly AnchoredAnnotation[]): TagRefOf[] {
  const was = new Map(before.map((a) => [a.annotation.id, a.annotation]));
  const out: TagRefOf[] = [];
  for (const { annotation: a } of after) {
    if (!decisionOf(a)) { continue; }
    const old = was.get(a.id);
    if (!old) {
      out.push({ doc, id: a.id });
    } else if (!deepEqual(old.attributes, a.attributes)) {
      out.push({ doc, id: a.id, restore: { attributes: old.attributes } });
    }
  }
  return out;
}

/**
 * The tagging steps made in each document, newest last, for undoTag: one step per command, so that tagging all
 * occurrences or deciding about a line in every file (in several files, perhaps) is taken back at once. A step is on the stack of every document it
 * touched. Bounded, so a long session does not grow it forever.
 */
export class TagHistory {
  private readonly stacks = new Map<string, TagRefOf[][]>();

  constructor(private readonly limit = 100) {}

  /**
   * Records the tags of one command as one step, undone from any of their documents; and from `from` too (a step
   * put back after an undo that could not take all of it back, so that Undo in the same document tries again).
   */
  pushStep(tags: readonly TagRefOf[], from?: string): void {
    if (tags.length === 0) { return; }
    const step = [...tags];
    for (const doc of new Set([...step.map((t) => t.doc), ...(from === undefined ? [] : [from])])) {
      const stack = this.stacks.get(doc) ?? [];
      stack.push(step);
      if (stack.length > this.limit) { stack.shift(); }
      this.stacks.set(doc, stack);
    }
  }

  /** Takes the newest step of `doc` with a tag that `exists` still holds, and returns those tags of it. */
  popStep(doc: string, exists: (tag: TagRefOf) => boolean): TagRefOf[] | undefined {
    const stack = this.stacks.get(doc);
    while (stack && stack.length > 0) {
      const step = stack.pop()!;
      for (const [other, s] of this.stacks) {
        if (other !== doc) { this.stacks.set(other, s.filter((x) => x !== step)); }
      }
      const live = step.filter(exists);
      if (live.length > 0) { return live; }
    }
    return undefined;
  }

  forget(doc: string): void {
    this.stacks.delete(doc);
  }
}
