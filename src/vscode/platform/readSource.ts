// The extension host's one reader of a corpus file's text from disk (a closed file's sidecar session, its tags,
// a search): the core's safe reader, so that the host refuses what the CLI and the workers refuse (a link leaving
// the folder, a FIFO or device, a file over the index's size limit, checked before the bytes are read).
import * as path from 'path';
import * as vscode from 'vscode';
import { ReadResult, readCorpusFileAsync } from '../../core/corpus';
import { DEFAULT_MAX_FILE_BYTES } from '../../core/options';

/** The file's text, or why it is not text the corpus holds. Read inside its workspace folder (else its own folder). */
export function readSourceText(uri: vscode.Uri): Promise<ReadResult> {
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  const root = folder ? folder.uri.fsPath : path.dirname(uri.fsPath);
  const rel = path.relative(root, uri.fsPath).split(path.sep).join('/');
  return readCorpusFileAsync(root, rel, { maxFileBytes: DEFAULT_MAX_FILE_BYTES });
}
