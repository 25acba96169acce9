// The steps that Undo Last Tag takes back, without a 'vscode' import so that it is unit-tested: what one command
// made or changed (tags, decisions), in every document it touched, kept per document. Every feature that writes
// annotations records its steps here (tagging, tag-all, decisions in every file, accepting a suggestion
// everywhere), so that one history serves them all.
import { AnchoredAnnotation, Annotation, decisionOf } from '../../core/annotations';
import { deepEqual } from '../../core/annotations/model';

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
