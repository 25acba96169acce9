// The shapes the export pipeline hands its format writers: one document at a time, its exported text (the source,
// or the cleaned text), its tags placed in that text, the spans removed and the findings with their decisions.
import { Decided } from '../annotations/decisions';
import { Annotation } from '../annotations/model';
import { Finding } from '../findings';
import { RemovedSpan } from './clean';
import { OffsetUnit } from './offsets';

export const EXPORT_FORMATS = ['jsonl', 'parquet', 'dolma-attributes', 'w3c', 'brat', 'conll', 'spans-jsonl'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The formats of claim and entity tags, as opposed to whole documents or detector output. */
export const ANNOTATION_FORMATS: readonly ExportFormat[] = ['w3c', 'brat', 'conll', 'spans-jsonl'];

/** A claim or entity tag placed in the exported text (UTF-16 offsets; writers convert to their unit). */
export interface PlacedTag {
  annotation: Readonly<Annotation>;
  start: number;
  end: number;
}

export interface ExportDocument {
  /** Path relative to the corpus folder, forward slashes; also the record id. */
  path: string;
  sha256: string;
  /** The text the offsets of this document count in: the source, or the cleaned text. */
  text: string;
  /** The source text, before cleaning. */
  source: string;
  /** Spans cut from the source for the cleaned text (UTF-16 offsets into the source). */
  removed: readonly RemovedSpan[];
  boilerplateShare: number;
  /** The near-duplicate cluster the document belongs to (1-based), or null. */
  cluster: number | null;
  /** Set when the duplicate rules drop the document: the copy kept instead. */
  droppedFor?: string;
  /** Every finding, with the editor's decision on it where there is one (applyDecisions). */
  findings: readonly Decided<Finding>[];
  tags: readonly PlacedTag[];
}

export interface FormatWriter {
  /** The files written so far or to be written, for the summary. */
  readonly files: string[];
  document(doc: ExportDocument): void | Promise<void>;
  finish(): void | Promise<void>;
}

export interface WriterContext {
  outDir: string;
  unit: OffsetUnit;
  /** Lists something that did not reach the output (a tag a CoNLL token boundary cannot hold). */
  removed(entry: Record<string, unknown>): void;
  warn(entry: Record<string, unknown>): void;
}
