// `spans.jsonl`: one line per document, {"text", "spans": [{"start", "end", "label"}], "meta"}, the shape Prodigy
// and doccano read. An entity's label is its type (person, organization, ...); a claim's is `claim`. Each span
// also keeps the tag's id and kind so that `import` finds it again; `meta` names the path and the offset unit.
import { OneFileWriter } from './lineFile';
import { offsetMapper } from './offsets';
import { ExportDocument, WriterContext } from './types';

export function tagLabel(kind: string, label: string | undefined): string {
  return kind === 'claim' ? 'claim' : label ?? 'entity';
}

export class SpansJsonlWriter extends OneFileWriter {
  constructor(ctx: WriterContext) {
    super(ctx, 'spans.jsonl');
  }

  document(doc: ExportDocument): void {
    const map = offsetMapper(doc.text, this.ctx.unit);
    this.out.record({
      text: doc.text,
      spans: doc.tags.map((t) => ({
        start: map.fromUtf16(t.start), end: map.fromUtf16(t.end), label: tagLabel(t.annotation.kind, t.annotation.label),
        id: t.annotation.id, kind: t.annotation.kind,
        ...(t.annotation.attributes && Object.keys(t.annotation.attributes).length > 0 ? { attributes: t.annotation.attributes } : {}),
      })),
      meta: { path: doc.path, source_sha256: doc.sha256, offset_unit: this.ctx.unit },
    });
  }

}
