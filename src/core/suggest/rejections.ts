// The sidecar convention for a turned-down suggestion: an annotation of the suggestion's kind (entity or claim)
// whose `attributes.status` is `rejected` (or `dismissed`). It is a record of a decision, not a tag: the editor does
// not draw it, and the suggestion engine proposes nothing over it again. Kept apart from the engine (no language
// model import) so that the extension host can tell rejections from tags cheaply.
import type { Annotation } from '../annotations/model';

/** Statuses of an entity or claim annotation that record a turned-down suggestion rather than a tag. */
export const REJECTED_STATUSES: ReadonlySet<string> = new Set(['rejected', 'dismissed']);

/**
 * Whether an annotation records an editor turning a suggestion down rather than tagging: an entity or claim
 * annotation whose `attributes.status` is `rejected` or `dismissed`.
 */
export function isRejection(a: Readonly<Pick<Annotation, 'kind' | 'attributes'>>): boolean {
  const status = a.attributes?.status;
  return (a.kind === 'entity' || a.kind === 'claim') && typeof status === 'string' && REJECTED_STATUSES.has(status);
}
