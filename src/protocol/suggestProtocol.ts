// Messages between the extension host and the suggestion worker (suggestWorker.ts), which holds, per workspace
// folder, the annotations of every sidecar (the corpus gazetteer's source) and computes the suggestions of the
// documents the editor shows. Every request carries an id and gets exactly one reply. The editor's documents reach
// the worker by the document channel (documentProtocol.ts). A suggest request names the document and its version
// (not its text) and the host's generation counter for that document, and so does its reply, so the host drops
// results that a newer edit or a newer request has overtaken.
import type { Annotation } from '../core/annotations/model';
import type { FileSummary } from '../core/annotations/corpusAnnotations';
import type { Occurrence } from '../core/anchor/occurrences';
import type { Suggestion } from '../core/suggest';
import type { Selection } from './indexProtocol';

/** Reads every sidecar under a folder (again), replacing what the worker held for it. */
export interface FolderRequest {
  type: 'folder';
  id: number;
  /** The host's key for the folder (its URI). */
  folder: string;
  /** The folder's file-system path. */
  root: string;
  selection: Selection;
}

/** The sidecars of these sources (absolute paths) changed, appeared or went: read them again. */
export interface SidecarsRequest {
  type: 'sidecars';
  id: number;
  folder: string;
  sources: string[];
}

/**
 * The suggestions for one open document's text, minus what its own annotations tagged or turned down. If the
 * worker does not hold that version of the document (a newer edit came, or it was closed), the reply is `skipped`.
 */
export interface SuggestRequest {
  type: 'suggest';
  id: number;
  folder: string;
  /** The host's key for the document (its URI). */
  doc: string;
  version: number;
  generation: number;
  /** The document's annotations at their offsets in that version's text (orphans left out). */
  annotations: Annotation[];
  entities: boolean;
  claims: boolean;
}

/** What a corpus search looks for: a string (as tag-all's options say), or every line whose trimmed text is `line`. */
export type CorpusQuery =
  | { kind: 'text'; needle: string; caseSensitive?: boolean; wholeWord?: boolean }
  | { kind: 'lines'; line: string };

/**
 * Finds a query in every corpus file of a folder, for the actions that reach every file (tag all occurrences,
 * accept a suggestion everywhere, decide about every identical line), in the texts of the documents open in the
 * editor (as the document channel has them) and on disk for the others. It runs beside the queue in slices and
 * streams what it finds in `foundPage` replies, in path order, each of about SEARCH_PAGE_PLACES places (a file's
 * places are never split between pages), of which at most SEARCH_PAGES_IN_FLIGHT are out before the host
 * acknowledges one (`searchAck`): the search waits for the host, so neither thread holds more than a few pages.
 * It posts `searchProgress` now and then, and ends with `found` (the totals), or `skipped` once a `cancel` naming
 * it arrived.
 */
export interface SearchRequest {
  type: 'search';
  id: number;
  folder: string;
  query: CorpusQuery;
  /** The first this many places found carry the text of their line (what a list of matches shows); absent: all. */
  lineTexts?: number;
}

/** The places a search page holds at most, but for the last file's (a file is never split between pages). */
export const SEARCH_PAGE_PLACES = 5000;
/** Search pages the worker keeps out unacknowledged. More than one, so that the worker searches while the host applies. */
export const SEARCH_PAGES_IN_FLIGHT = 3;

/** Stops the search with id `search` at its next slice (a notification: it has no reply of its own). */
export interface CancelRequest {
  type: 'cancel';
  id: number;
  search: number;
}

/** The host has taken in a page of the search with id `search` (a notification: it has no reply of its own). */
export interface SearchAckRequest {
  type: 'searchAck';
  id: number;
  search: number;
}

/**
 * Counts, in the background, the untagged mentions in corpus files (the editor's text for the documents open in
 * it, else the file on disk) of strings the corpus tagged as entities (the gazetteer; rejections respected): every
 * corpus file of the folder, or the files named. The work is
 * done in slices between which other requests are answered; a newer untagged request for the same folder cancels
 * this one (its reply is then `skipped`), and so does a change to the folder's sidecars.
 */
export interface UntaggedRequest {
  type: 'untagged';
  id: number;
  folder: string;
  /** Folder-relative paths with forward slashes; absent: every corpus file of the folder. */
  paths?: string[];
}

// ---- The annotations index (src/core/annotations/corpusAnnotations.ts), which the worker keeps per folder ----

/**
 * What the views need of corpus files' sidecars (tags at their current offsets, orphans, decisions). Without
 * `sources`: a page of the folder's files with a sidecar, in path order, after `after` (from the first when
 * absent), built in slices beside the queue; the reply's `next` is the `after` of the next page, when there is one
 * (pages keep each message, and the host's work on it, short). With `sources` (absolute paths: a sidecar or a source
 * changed on disk, or was saved): their sidecars are read again first, and those files are answered. Replied with
 * `tags`.
 */
export interface TagsRequest {
  type: 'tags';
  id: number;
  folder: string;
  sources?: string[];
  after?: string;
}

export type SuggestWorkerRequest =
  | FolderRequest | SidecarsRequest | SuggestRequest | SearchRequest | CancelRequest | SearchAckRequest | UntaggedRequest | TagsRequest;

/** A request before the client gives it an id. */
export type UnsentSuggestRequest = SuggestWorkerRequest extends infer R ? (R extends SuggestWorkerRequest ? Omit<R, 'id'> : never) : never;

export interface FileOccurrences {
  /** Folder-relative, with forward slashes. */
  path: string;
  count: number;
}

/**
 * A place a search found, in the text searched: its offsets and line positions; the line's text for the first
 * places of a search (SearchRequest.lineTexts); and the text matched when it is not the query's own (a case-blind
 * search may find it in another case), so that a page of a common word's places stays small.
 */
export type FoundPlace = Omit<Occurrence, 'lineText'> & { lineText?: string; quote?: string };

/** A file where a search found its query: each place found in it. */
export interface FoundFile {
  /** Folder-relative, with forward slashes. */
  path: string;
  places: FoundPlace[];
}

export type SuggestWorkerReply =
  | { type: 'suggestions'; id: number; doc: string; version: number; generation: number; suggestions: Suggestion[]; ms: number }
  /** A page of a search's files (not its final reply); the host answers each with a `searchAck`. */
  | { type: 'foundPage'; id: number; files: FoundFile[] }
  /**
   * A search's end, once every page was posted: how many files and places it found; `unreadable`: listed files
   * that could not be read; `skipped`: entries the folder's walk left out (not listed).
   */
  | { type: 'found'; id: number; files: number; places: number; unreadable: number; skipped: number }
  /** How far a search has come (not its final reply). */
  | { type: 'searchProgress'; id: number; done: number; total: number }
  /**
   * The files with at least one untagged mention, and how many (every other corpus file has none, or could not
   * be read); for a request that named paths, `counted` lists those counted and `unreadable` those that could
   * not be read (both are empty for a whole count, which may cover 10,000 files).
   */
  | { type: 'untagged'; id: number; files: FileOccurrences[]; counted: string[]; unreadable: string[] }
  /**
   * A suggest request that a later one for the same document overtook in the queue, or for a version of the
   * document the worker does not hold: not computed.
   */
  | { type: 'skipped'; id: number }
  /** A folder or sidecars request is done; `problems` names the invalid sidecars passed over. */
  | { type: 'done'; id: number; problems: string[] }
  | { type: 'error'; id: number; message: string }
  /**
   * A tags request's files (sources named that have no sidecar now are in `removed`), the sidecars passed over,
   * and for a page that others follow, where the next one starts.
   */
  | { type: 'tags'; id: number; files: FileSummary[]; removed: string[]; problems: string[]; next?: string }
  /**
   * Posted once, unasked (id 0), when the worker has warmed up after starting: the model loaded and the engine run
   * on a text of its own. `ms` is how long that took (-1 and `message` when it failed); `rounds` how many runs of
   * the engine it made (fewer than planned when a request came first).
   */
  | { type: 'warmedUp'; id: 0; ms: number; rounds: number; message?: string };
