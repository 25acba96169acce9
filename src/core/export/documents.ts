// Cleaned documents in the shape datatrove and Dolma read: {id, text, metadata}, one record per kept document.
// `removed` counts in the source text, `annotations` in the record's (cleaned) text, both in the export's unit.
import { OneFileWriter } from './lineFile';
import { OffsetUnit, offsetMapper } from './offsets';
import { ExportDocument, WriterContext } from './types';

export interface DocumentRecord {
  id: string;
  text: string;
  metadata: {
    path: string;
    source_sha256: string;
    boilerplate_share: number;
    duplicate_cluster: number | null;
    removed: [number, number, string][];
    annotations: {
      id: string; kind: string; label: string | null; start: number; end: number; text: string;
      attributes: Record<string, unknown>;
    }[];
    offset_unit: OffsetUnit;
  };
}

export function documentRecord(doc: ExportDocument, unit: OffsetUnit): DocumentRecord {
  const src = offsetMapper(doc.source, unit);
  const out = offsetMapper(doc.text, unit);
  return {
    id: doc.path,
    text: doc.text,
    metadata: {
      path: doc.path,
      source_sha256: doc.sha256,
      boilerplate_share: doc.boilerplateShare,
      duplicate_cluster: doc.cluster,
      removed: doc.removed.map((s) => [src.fromUtf16(s.start), src.fromUtf16(s.end), s.code]),
      annotations: doc.tags.map((t) => ({
        id: t.annotation.id,
        kind: t.annotation.kind,
        label: t.annotation.label ?? null,
        start: out.fromUtf16(t.start),
        end: out.fromUtf16(t.end),
        text: doc.text.slice(t.start, t.end),
        attributes: { ...t.annotation.attributes },
      })),
      offset_unit: unit,
    },
  };
}

/** `documents.jsonl`: one JSON record per line. */
export class JsonlDocumentsWriter extends OneFileWriter {
  constructor(ctx: WriterContext) {
    super(ctx, 'documents.jsonl');
  }

  document(doc: ExportDocument): void {
    this.out.record(documentRecord(doc, this.ctx.unit));
  }

}
