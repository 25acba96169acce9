// Searching every corpus file of the workspace for the actions that reach every file (tag all occurrences in the
// corpus, decisions about every identical line, accepting a suggestion everywhere): the suggestion worker reads and
// searches the files, in slices, and streams the places found page by page, so that neither thread holds every
// place of a common word at once; the caller takes each page in (lists it, or applies it through the sidecar
// store) before the worker goes on past a few pages. For the documents open in the editor the worker searches
// their texts as the document channel has them. A notification shows progress and can cancel.
import * as vscode from 'vscode';
import type { CorpusQuery, FoundPlace } from '../../protocol/suggestProtocol';
import { CorpusFiles } from '../platform/corpusFiles';
import { SuggestWorkerClient } from './suggestClient';

export interface CorpusSearchDeps {
  files: CorpusFiles;
  log: vscode.LogOutputChannel;
  client: SuggestWorkerClient;
  /** Makes sure the worker has read the folder (its corpus selection). */
  ensureFolder: (folder: vscode.WorkspaceFolder) => Promise<void>;
}

export interface CorpusHit {
  uri: vscode.Uri;
  /** The folder-relative path; prefixed with the folder's name in a workspace of several folders. */
  rel: string;
  /**
   * The places found, in the text searched (the editor's, for a document open in it); `quote` only where the text
   * matched is not the query's own, `lineText` only for the first places of each folder (`lineTexts`).
   */
  places: FoundPlace[];
}

export interface CorpusSearchOptions {
  /** Only this folder's files. */
  only?: vscode.WorkspaceFolder;
  /** How many places of each folder carry their line's text (for a list of matches); absent: every place. */
  lineTexts?: number;
  /** Takes in a page of files found, in path order (a folder's after another's); the next waits for it. */
  onHits: (hits: CorpusHit[]) => void | Promise<void>;
}

/** What a whole search found (every page of it was handed to onHits). */
export interface CorpusSearchTotals {
  files: number;
  places: number;
}

/**
 * Searches every corpus file (of `only`, if given), handing the files found to `onHits` page by page; resolves
 * with the totals, or undefined when cancelled (pages taken in before the cancel stay taken in).
 */
export function searchCorpus(deps: CorpusSearchDeps, what: string, query: CorpusQuery, options: CorpusSearchOptions): Thenable<CorpusSearchTotals | undefined> {
  return vscode.window.withProgress({
    location: vscode.ProgressLocation.Notification, cancellable: true, title: `Corpus Lens: ${what}`,
  }, async (progress, token) => {
    const folders = options.only ? [options.only] : deps.files.folders();
    const totals: CorpusSearchTotals = { files: 0, places: 0 };
    for (const [n, folder] of folders.entries()) {
      await deps.ensureFolder(folder);
      if (token.isCancellationRequested) { return undefined; }
      let reported = 0;
      const started = performance.now();
      const prefix = folders.length > 1 ? `${folder.name}/` : '';
      const request = { folder: folder.uri.toString(), query, ...(options.lineTexts !== undefined ? { lineTexts: options.lineTexts } : {}) };
      const reply = await deps.client.search(request, token, (done, total) => {
        // Each folder has an equal share of the bar.
        const pct = ((n + done / Math.max(1, total)) / folders.length) * 100;
        progress.report({ increment: pct - reported, message: `${done} of ${total} files` });
        reported = pct;
      }, (files) => options.onHits(files.map((f) => ({ uri: deps.files.uriOf(folder, f.path), rel: prefix + f.path, places: f.places }))));
      if (reply.type !== 'found') { return undefined; }
      totals.files += reply.files;
      totals.places += reply.places;
      deps.log.info(`${what}: ${reply.places} places in ${reply.files} files of ${folder.name} in ${(performance.now() - started).toFixed(0)} ms${reply.unreadable > 0 ? `; ${reply.unreadable} could not be read` : ''}${reply.skipped > 0 ? `; ${reply.skipped} entries left out (the index's log names them)` : ''}`);
    }
    return totals;
  });
}
