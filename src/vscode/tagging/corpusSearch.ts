// Searching every corpus file of the workspace from the extension host, for "tag all occurrences in the corpus"
// and for decisions about every identical line: the files are listed by the search service, open documents are
// searched as the editor has them and the others read from disk in batches (see searchFiles), under a
// notification with progress that the person can cancel.
import * as vscode from 'vscode';
import { decodeText } from '../../core/text';
import { CorpusFiles } from '../platform/corpusFiles';
import { SearchTarget, searchFiles } from './searchFiles';

export interface CorpusSearchDeps {
  files: CorpusFiles;
  log: vscode.LogOutputChannel;
}

export interface CorpusHit<T> {
  uri: vscode.Uri;
  /** The folder-relative path; prefixed with the folder's name in a workspace of several folders. */
  rel: string;
  text: string;
  found: T;
}

/** Files read at once. */
const SEARCH_BATCH = 32;
/** Corpus files larger than this are not searched (the index skips them too). */
const MAX_SEARCH_BYTES = 5 * 1024 * 1024;

/** Runs `find` on every corpus file; resolves with the files where it found something, or undefined when cancelled. */
export function searchCorpus<T>(deps: CorpusSearchDeps, what: string, find: (text: string) => T | undefined): Thenable<CorpusHit<T>[] | undefined> {
  return vscode.window.withProgress({
    location: vscode.ProgressLocation.Notification, cancellable: true, title: `Corpus Lens: ${what}`,
  }, async (progress, token) => {
    const targets = await corpusTargets(deps.files, token);
    if (token.isCancellationRequested) { return undefined; }
    const rels = new Map(targets.map((t) => [t.key, t.rel]));
    let reported = 0;
    const outcome = await searchFiles(targets, find, {
      batch: SEARCH_BATCH,
      isCancelled: () => token.isCancellationRequested,
      onProgress: (done, total) => {
        const pct = (done / total) * 100;
        progress.report({ increment: pct - reported, message: `${done} of ${total} files` });
        reported = pct;
      },
    });
    deps.log.info(`${what}: searched ${targets.length} files, found in ${outcome.hits.length}; longest block ${outcome.longestBlockMs.toFixed(1)} ms${outcome.cancelled ? ' (cancelled)' : ''}`);
    if (outcome.cancelled) { return undefined; }
    return outcome.hits.map((h) => ({ uri: vscode.Uri.parse(h.key, true), rel: rels.get(h.key) ?? h.key, text: h.text, found: h.found }));
  });
}

/** The corpus files of every folder, to read: open documents from the editor, the others from disk. */
async function corpusTargets(files: CorpusFiles, token: vscode.CancellationToken): Promise<(SearchTarget & { rel: string })[]> {
  const open = new Map(vscode.workspace.textDocuments.map((d) => [d.uri.toString(), d]));
  const folders = files.folders();
  const out: (SearchTarget & { rel: string })[] = [];
  for (const folder of folders) {
    const { include } = files.selection(folder);
    if (include.length === 0) { continue; }
    const glob = include.length === 1 ? include[0] : `{${include.join(',')}}`;
    const uris = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, glob), null, undefined, token);
    for (const uri of uris) {
      const loc = files.match(uri);
      if (!loc) { continue; }
      const key = uri.toString();
      const doc = open.get(key);
      out.push({
        key,
        rel: folders.length > 1 ? `${folder.name}/${loc.rel}` : loc.rel,
        read: doc ? async () => doc.getText() : async () => {
          const decoded = decodeText(await vscode.workspace.fs.readFile(uri), { maxFileBytes: MAX_SEARCH_BYTES });
          return decoded.ok ? decoded.text : undefined;
        },
      });
    }
  }
  return out;
}
