// The extension host's one reader of a corpus file's text from disk (a closed file's sidecar session, its tags,
// a search): the size is checked before the bytes are read, with the same limit as the index, so that a huge
// file is refused with a reason instead of being held in the host's memory.
import * as vscode from 'vscode';
import { DEFAULT_MAX_FILE_BYTES } from '../../core/options';
import { DecodeResult, decodeText, tooLarge } from '../../core/text';

/** The file's text, or why it is not text the corpus holds; rejects when the file cannot be read at all. */
export async function readSourceText(uri: vscode.Uri): Promise<DecodeResult> {
  const { size } = await vscode.workspace.fs.stat(uri);
  if (size > DEFAULT_MAX_FILE_BYTES) { return tooLarge(size, DEFAULT_MAX_FILE_BYTES); }
  return decodeText(await vscode.workspace.fs.readFile(uri), { maxFileBytes: DEFAULT_MAX_FILE_BYTES });
}
