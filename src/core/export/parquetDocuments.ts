// `documents.parquet`: the cleaned documents as a Parquet table (id, text, metadata), written with
// hyparquet-writer a row group at a time, so memory holds one batch of documents, not the corpus. `metadata` is
// a column of the JSON logical type holding the same object as the JSON Lines record (DuckDB reads it as JSON).
import * as path from 'node:path';
import { ParquetWriter, fileWriter } from 'hyparquet-writer';
import { documentRecord } from './documents';
import { ExportDocument, FormatWriter, WriterContext } from './types';

/** Documents per row group, and the text size past which a group is written early. */
const BATCH_ROWS = 1000;
const BATCH_CHARS = 32 * 1024 * 1024;

const SCHEMA = [
  { name: 'root', num_children: 3 },
  { name: 'id', type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'REQUIRED' },
  { name: 'text', type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'REQUIRED' },
  { name: 'metadata', type: 'BYTE_ARRAY', converted_type: 'JSON', repetition_type: 'REQUIRED' },
] as const;

export class ParquetDocumentsWriter implements FormatWriter {
  readonly files: string[];
  private readonly writer: ParquetWriter;
  private ids: string[] = [];
  private texts: string[] = [];
  private metadata: object[] = [];
  private chars = 0;

  constructor(private readonly ctx: WriterContext) {
    const file = path.join(ctx.outDir, 'documents.parquet');
    this.files = [file];
    this.writer = new ParquetWriter({
      writer: fileWriter(file),
      schema: SCHEMA.map((e) => ({ ...e })),
      createdBy: 'corpus-lens',
      kvMetadata: [{ key: 'corpus_lens.offset_unit', value: ctx.unit }],
    });
  }

  async document(doc: ExportDocument): Promise<void> {
    const r = documentRecord(doc, this.ctx.unit);
    this.ids.push(r.id);
    this.texts.push(r.text);
    this.metadata.push(r.metadata); // the writer encodes JSON columns itself
    this.chars += r.text.length;
    if (this.ids.length >= BATCH_ROWS || this.chars >= BATCH_CHARS) { await this.flush(); }
  }

  async finish(): Promise<void> {
    await this.flush();
    await this.writer.finish();
  }

  private async flush(): Promise<void> {
    if (this.ids.length === 0) { return; }
    const rows = this.ids.length;
    await this.writer.write({
      columnData: [
        { name: 'id', data: this.ids },
        { name: 'text', data: this.texts },
        { name: 'metadata', data: this.metadata },
      ],
      rowGroupSize: rows,
    });
    this.ids = [];
    this.texts = [];
    this.metadata = [];
    this.chars = 0;
  }
}
