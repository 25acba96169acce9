// `annotations.jsonl`: the tags as W3C Web Annotations (JSON-LD), one Annotation per line. The target is the
// document (its path resolved against a base IRI, by default the corpus folder's file: URL) with a
// TextQuoteSelector (exact, prefix, suffix) and a TextPositionSelector in the export's unit. An entity's type is a
// TextualBody with purpose `tagging`; a claim is the body `claim` with purpose `classifying`, its status a body
// with purpose `assessing`, its note one with purpose `commenting`. The speaker and other attributes stand in the
// `cl:` namespace (urn:corpus-lens:vocab#), declared in each annotation's @context.
import * as path from 'node:path';
import { contextAfter, contextBefore } from '../anchor/textChanges';
import { CONTEXT_LENGTH } from '../anchor/resolve';
import { OutputFile } from './lineFile';
import { offsetMapper } from './offsets';
import { ExportDocument, FormatWriter, WriterContext } from './types';

export const W3C_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
export const CL_NAMESPACE = 'urn:corpus-lens:vocab#';

/** The IRI of a document: its path, percent-encoded per segment, under `base` (which ends with a slash). */
export function documentIri(base: string, relPath: string): string {
  return base + relPath.split('/').map(encodeURIComponent).join('/');
}

export class W3cWriter implements FormatWriter {
  readonly files: string[];
  private readonly out: OutputFile;

  constructor(private readonly ctx: WriterContext, private readonly base: string) {
    const file = path.join(ctx.outDir, 'annotations.jsonl');
    this.files = [file];
    this.out = new OutputFile(file);
  }

  document(doc: ExportDocument): void {
    const map = offsetMapper(doc.text, this.ctx.unit);
    const source = documentIri(this.base, doc.path);
    for (const t of doc.tags) {
      const a = t.annotation;
      const { speaker, status, note, ...rest } = a.attributes ?? {};
      const body: Record<string, unknown>[] = a.kind === 'claim'
        ? [{ type: 'TextualBody', value: 'claim', purpose: 'classifying' }]
        : [{ type: 'TextualBody', value: a.label ?? 'entity', purpose: 'tagging' }];
      if (typeof status === 'string') { body.push({ type: 'TextualBody', value: status, purpose: 'assessing' }); }
      if (typeof note === 'string') { body.push({ type: 'TextualBody', value: note, purpose: 'commenting' }); }
      this.out.record({
        '@context': [W3C_CONTEXT, { cl: CL_NAMESPACE }],
        id: `${source}#annotation-${encodeURIComponent(a.id)}`,
        type: 'Annotation',
        motivation: a.kind === 'claim' ? 'classifying' : 'tagging',
        ...(a.author ? { creator: { type: 'Person', name: a.author } } : {}),
        ...(a.created ? { created: a.created } : {}),
        body,
        target: {
          source,
          selector: [
            {
              type: 'TextQuoteSelector',
              exact: doc.text.slice(t.start, t.end),
              prefix: contextBefore(doc.text, t.start, CONTEXT_LENGTH),
              suffix: contextAfter(doc.text, t.end, CONTEXT_LENGTH),
            },
            { type: 'TextPositionSelector', start: map.fromUtf16(t.start), end: map.fromUtf16(t.end) },
          ],
        },
        'cl:id': a.id,
        'cl:kind': a.kind,
        ...(speaker !== undefined ? { 'cl:speaker': speaker } : {}),
        ...(Object.keys(rest).length > 0 ? { 'cl:attributes': rest } : {}),
        'cl:offsetUnit': this.ctx.unit,
      });
    }
  }

  finish(): void {
    this.out.close();
  }
}
