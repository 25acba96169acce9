// Dolma's attribute layout: the documents unchanged in `documents/corpus.jsonl` ({id, text, source, metadata}),
// and beside them `attributes/corpus_lens/corpus.jsonl`, one record per document in the same order with the same
// id, whose `attributes` map each finding code to its spans [start, end, score]. The name of a code is
// `corpus_lens__` and the code with `.` as `__` and `-` as `_` (boilerplate.sign-up: corpus_lens__boilerplate__sign_up),
// so that Dolma's mixer can name it in a JSONPath. Decisions are applied: a dismissed finding is left out, a
// confirmed one scores 1; a copy the duplicate rules drop gets a whole-document span `corpus_lens__duplicate__dropped_copy`.
import * as path from 'node:path';
import { OutputFile } from './lineFile';
import { offsetMapper } from './offsets';
import { ExportDocument, FormatWriter, WriterContext } from './types';

export const DROPPED_COPY_ATTRIBUTE = 'corpus_lens__duplicate__dropped_copy';

export function attributeName(code: string): string {
  return 'corpus_lens__' + code.replace(/\./g, '__').replace(/[^A-Za-z0-9_]/g, '_');
}

export class DolmaAttributesWriter implements FormatWriter {
  readonly files: string[];
  private readonly documents: OutputFile;
  private readonly attributes: OutputFile;

  constructor(private readonly ctx: WriterContext) {
    const docs = path.join(ctx.outDir, 'documents', 'corpus.jsonl');
    const attrs = path.join(ctx.outDir, 'attributes', 'corpus_lens', 'corpus.jsonl');
    this.files = [docs, attrs];
    this.documents = new OutputFile(docs);
    this.attributes = new OutputFile(attrs);
  }

  document(doc: ExportDocument): void {
    const map = offsetMapper(doc.source, this.ctx.unit);
    this.documents.record({ id: doc.path, text: doc.source, source: 'corpus-lens', metadata: { path: doc.path, source_sha256: doc.sha256, offset_unit: this.ctx.unit } });
    const attributes: Record<string, [number, number, number][]> = {};
    for (const f of doc.findings) {
      if (f.decision?.status === 'dismissed') { continue; }
      const name = attributeName(f.code);
      (attributes[name] ??= []).push([map.fromUtf16(f.start), map.fromUtf16(f.end), f.decision?.status === 'confirmed' ? 1 : f.score]);
    }
    if (doc.droppedFor !== undefined) { attributes[DROPPED_COPY_ATTRIBUTE] = [[0, map.length, 1]]; }
    this.attributes.record({ id: doc.path, source: 'corpus-lens', attributes });
  }

  finish(): void {
    this.documents.close();
    this.attributes.close();
  }
}
