// Messages between a parallel scan and its prepare workers.
import { BoilerplateOptions } from '../detect/boilerplate';
import { DuplicateOptions } from '../detect/duplicates';
import { PackedOffsets } from '../detect/tokenOffsets';
import { SharedPostings, TokenDirectory } from './corpusIndex';
import { PackedFindings } from './findingsPack';
import { PackedBatch } from './prepare';
import { SourceStamp } from './sourceFile';

/**
 * A file for phase two: its blocks' shape counts, its id in the index (whose shared fingerprints it has), the
 * version prepared (its stamp) and its word tokens as views on the shared buffers (none when the index dropped
 * them): any worker can analyse it, not only the one that prepared it.
 */
export interface AnalyseItem {
  path: string;
  id: number;
  counts: Int32Array;
  stamp: SourceStamp | undefined;
  tokens?: { hash: Uint16Array; offsets: PackedOffsets };
  /**
   * The line tables and packed blocks (startLine, endLine, start, end each) phase one made of the version
   * prepared, as views on its batch's shared buffer: the text read again under the same stamp has the same lines
   * and blocks, so a worker need not find them again.
   */
  lines?: { starts: Uint32Array; ends: Uint32Array; blocks: Uint32Array };
}

export type PrepareRequest =
  | { type: 'prepare'; root: string; files: string[]; maxFileBytes: number; k: number; window: number }
  /**
   * Boilerplate and duplicate spans of a batch of files (prepared by any worker). Batches that arrive before
   * `spans` get their boilerplate findings at once and wait for the span search (their replies come after it).
   */
  | { type: 'analyse'; items: AnalyseItem[]; totalFiles: number; options: BoilerplateOptions }
  /** The corpus's shared postings and every document's word hashes, shared (not copied) with the worker. */
  | { type: 'spans'; shared: SharedPostings; tokens: TokenDirectory; options: DuplicateOptions };

/** A file prepared, or not. The prepared ones' documents are the reply's batch, in the order of the files. */
export type PreparedFile =
  | { path: string; ok: true; bytes: number; stamp: SourceStamp | undefined }
  | { path: string; ok: false; reason: string; message: string };

/**
 * A file that changed on disk since it was prepared has no findings: the scan re-indexes it. `spans` is the number
 * of the file's shared passages, trimmed of boilerplate ends, in the batch's `spans` (which lists them file by file,
 * as other id, aStart, aEnd, bStart, bEnd in token indices: five numbers a passage). `findings` is the number of
 * the file's boilerplate findings in the batch's packed findings (which list them file by file too).
 */
export type AnalyseResult =
  | { path: string; changed: false; findings: number; spans: number }
  | { path: string; changed: true };

export type PrepareReply =
  | { type: 'prepared'; files: PreparedFile[]; batch: PackedBatch }
  /** Every file's spans in one flat array (see AnalyseResult), not a view a file: one buffer, nothing per file to clone. */
  | { type: 'analysed'; results: AnalyseResult[]; spans: Int32Array; findings: PackedFindings }
  | { type: 'error'; message: string };
