// Fixtures shared by the editor's unit tests.
import type { AnchoredAnnotation, Annotation } from '../../../src/core/annotations';

/** An annotation as a session holds it: placed at `at` (its own offsets by default), or orphaned when null. */
export function anchored(a: Partial<Annotation> & Pick<Annotation, 'kind' | 'start' | 'end'>, at: [number, number] | null = [a.start, a.end]): AnchoredAnnotation {
  return {
    annotation: { id: a.id ?? `${a.kind}${a.start}`, quote: 'q', ...a },
    outcome: at ? 'exact' : 'orphaned',
    start: at ? at[0] : null,
    end: at ? at[1] : null,
  };
}
