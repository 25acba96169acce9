// Messages between the extension host and the index worker (scanWorker.ts), which holds one CorpusIndex per
// workspace folder. Every request carries an id, answered by exactly one final reply (done, cancelled or error);
// requests that change what the index holds also carry the host's generation counter, and their findings
// replies name it, so the host can drop results that a newer change has overtaken. The editor's documents reach
// the worker by the document channel (documentProtocol.ts); findings computed from an editor's text name that
// document's version. Paths are relative to the folder's root, with forward slashes.
import type { SkippedEntry } from '../core/io/walkFolder';
import { JsonFile, JsonFinding, JsonRange, JsonSummary } from '../core/report';
import { ScanProgress } from '../core/scan';
import type { PackedFiles } from './packedFiles';

/**
 * How the host starts the index worker (and the editor bench, as the host does). A young generation larger than V8's
 * default: a scan's findings (two million at 1 GB) wait in the worker for their turn in path order and for the
 * host's acks, and with the default most of them outlived it and piled up in the old generation until a full
 * collection. At 1 GB: +3.5 -> +3.0 GB at the end of indexing, 161 -> 155 s of CPU.
 */
export const INDEX_WORKER_OPTIONS = { resourceLimits: { maxYoungGenerationSizeMb: 96 } } as const;

/**
 * The same young generation for the index worker as a process of its own (how the extension starts it), as a V8
 * flag: V8 sizes the young generation at three semi-spaces (two, and as much again for large young objects).
 */
export const INDEX_WORKER_EXEC_ARGV = [`--max-semi-space-size=${INDEX_WORKER_OPTIONS.resourceLimits.maxYoungGenerationSizeMb / 3}`];

/** A folder's corpus selection: globs relative to its root. */
export interface Selection {
  include: string[];
  exclude: string[];
}

/**
 * (Re)builds a folder's index from disk plus the texts of the folder's documents open in the editor (as the
 * document channel has them); replaces the old index on success.
 */
export interface ScanRequest {
  type: 'scan';
  id: number;
  generation: number;
  /** The host's key for the folder (its URI). */
  folder: string;
  /** The folder's file-system path. */
  root: string;
  selection: Selection;
}

/**
 * Index an open document's text as the document channel has it at `version` (the editor's text takes precedence
 * over the file on disk). If the worker holds another version, a newer edit request follows, or the document was
 * closed: the request is answered without findings.
 */
export interface EditRequest {
  type: 'edit';
  id: number;
  generation: number;
  folder: string;
  path: string;
  version: number;
}

/**
 * Paths that changed on disk: each is read again if it is a corpus file, walked if it is a folder, and
 * removed (with everything under it) if it is gone. The editor's text for these paths, if any, is dropped.
 */
export interface DiskRequest {
  type: 'disk';
  id: number;
  generation: number;
  folder: string;
  paths: string[];
}

/** Forgets a folder's index (the folder left the workspace). */
export interface DropRequest {
  type: 'drop';
  id: number;
  folder: string;
}

/**
 * The host has taken in a findings or listed reply. The worker keeps only a few of them out unacknowledged (the rest
 * wait in the worker): were they all queued at once, the host's thread would receive them in one go, and hold up the
 * editor.
 */
export interface AckRequest {
  type: 'ack';
  id: number;
}

/**
 * Cancels the scan request `id` (a notification, no reply of its own): the scan is answered with cancelled. A
 * message, not a flag in shared memory, because the worker may be a process of its own.
 */
export interface CancelRequest {
  type: 'cancel';
  id: number;
}

export type IndexRequest = ScanRequest | EditRequest | DiskRequest | DropRequest | AckRequest | CancelRequest;

/** A request before the client gives it an id (acks and cancels name the request they answer, so are not among these). */
export type UnsentRequest = Exclude<IndexRequest, AckRequest | CancelRequest> extends infer R ? (R extends IndexRequest ? Omit<R, 'id'> : never) : never;

/** Another copy a finding names: its path, its JSON range, and its UTF-16 offsets in that file's text. */
export interface WireRelated {
  path: string;
  range: JsonRange;
  start: number;
  end: number;
}

/**
 * A finding as the host shows it: JSON ranges for the editor, and UTF-16 offsets (those of the text it was computed
 * from) for meeting the sidecars' decisions, so that the host never maps ranges back to offsets.
 */
export interface WireFinding extends Omit<JsonFinding, 'related'> {
  start: number;
  end: number;
  related: WireRelated[];
}

/** A file's findings; `version` is set when they were computed from the editor's text of that version. */
export interface FileFindings extends Omit<JsonFile, 'findings'> {
  findings: WireFinding[];
  version?: number;
}

export type IndexReply =
  | { type: 'progress'; id: number; progress: ScanProgress }
  /**
   * The corpus files a scan found, before it analyses them, in several messages (each acknowledged like findings):
   * so that the Files view lists a large corpus at once instead of when the whole index is built.
   */
  | { type: 'listed'; id: number; folder: string; paths: string[] }
  /**
   * Findings for some files of a folder, and files that left its index. Large results come in several. The files come
   * packed (packedFiles.ts: a typed array and a list of strings, not thousands of objects for the host to receive).
   */
  | { type: 'findings'; id: number; generation: number; folder: string; files: PackedFiles; removed: string[] }
  /**
   * A scan's summary (with the files it left out and why); for a disk request that walked folders, the entries the
   * walk left out (special files, unreadable folders, names that are not UTF-8).
   */
  | { type: 'done'; id: number; summary?: JsonSummary; skipped?: SkippedEntry[] }
  | { type: 'cancelled'; id: number }
  | { type: 'error'; id: number; message: string };
