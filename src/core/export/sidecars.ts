// The annotations of one source as the export sees them: read through the annotation store (so they anchor as in
// the editor), split into anchored ones and orphans. The session is closed at once: the export holds one file's
// annotations at a time.
import { AnchoredAnnotation, AnnotationStore } from '../annotations/store';
import { Annotation } from '../annotations/model';
import { isRejection } from '../suggest/rejections';

export interface FileAnnotations {
  /** Every annotation that stands somewhere in the text now (tags and decisions), with its current range. */
  anchored: AnchoredAnnotation[];
  /** Annotations that no longer anchor: never exported as if they did. */
  orphans: Annotation[];
  /** Why the sidecar could not be read (it is then treated as holding nothing, and reported). */
  error?: string;
}

/** A tag is a claim or an entity the editor made; decisions and turned-down suggestions are not tags. */
export function isTag(a: Readonly<Annotation>): boolean {
  return (a.kind === 'claim' || a.kind === 'entity') && !isRejection(a);
}

export async function loadAnnotations(store: AnnotationStore, sourcePath: string, text: string): Promise<FileAnnotations> {
  try {
    const session = await store.open(sourcePath, text);
    store.close(sourcePath);
    const anchored: AnchoredAnnotation[] = [];
    const orphans: Annotation[] = [];
    for (const a of session.list()) {
      if (a.start === null || a.end === null) { orphans.push({ ...a.annotation }); } else { anchored.push(a); }
    }
    return { anchored, orphans };
  } catch (e) {
    store.close(sourcePath);
    return { anchored: [], orphans: [], error: (e as Error).message };
  }
}
