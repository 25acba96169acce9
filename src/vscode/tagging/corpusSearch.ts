// Searching every corpus file of the workspace for the actions that reach every file (tag all occurrences in the
// corpus, decisions about every identical line): the suggestion worker reads and searches the files, in slices,
// so that the extension host's thread only lists the places found; for the documents open in the editor it
// searches their texts as the document channel has them. A notification shows progress and can cancel.
import * as vscode from 'vscode';
import type { Occurrence } from '../../core/anchor/occurrences';
import type { CorpusQuery } from '../../protocol/suggestProtocol';
import { CorpusFiles } from '../platform/corpusFiles';
import { SuggestWorkerClient } from '../workers/suggestClient';

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
  /** The places found, in the text searched (the editor's, for a document open in it). */
  places: (Occurrence & { quote: string })[];
}

/**
 * Searches every corpus file (of `only`, if given); resolves with the files where the query was found, or
 * undefined when cancelled.
 */
export function searchCorpus(deps: CorpusSearchDeps, what: string, query: CorpusQuery, only?: vscode.WorkspaceFolder): Thenable<CorpusHit[] | undefined> {
  return vscode.window.withProgress({
    location: vscode.ProgressLocation.Notification, cancellable: true, title: `Corpus Lens: ${what}`,
  }, async (progress, token) => {
    const folders = only ? [only] : deps.files.folders();
    const hits: CorpusHit[] = [];
    for (const [n, folder] of folders.entries()) {
      await deps.ensureFolder(folder);
      if (token.isCancellationRequested) { return undefined; }
      let reported = 0;
      const started = performance.now();
      const reply = await deps.client.search({ folder: folder.uri.toString(), query }, token, (done, total) => {
        // Each folder has an equal share of the bar.
        const pct = ((n + done / Math.max(1, total)) / folders.length) * 100;
        progress.report({ increment: pct - reported, message: `${done} of ${total} files` });
        reported = pct;
      });
      if (reply.type !== 'found') { return undefined; }
      deps.log.info(`${what}: found in ${reply.files.length} files of ${folder.name} in ${(performance.now() - started).toFixed(0)} ms${reply.unreadable > 0 ? `; ${reply.unreadable} could not be read` : ''}${reply.skipped > 0 ? `; ${reply.skipped} entries left out (the index's log names them)` : ''}`);
      for (const f of reply.files) {
        hits.push({ uri: deps.files.uriOf(folder, f.path), rel: folders.length > 1 ? `${folder.name}/${f.path}` : f.path, places: f.places });
      }
    }
    return hits;
  });
}
