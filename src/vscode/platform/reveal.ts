// Opening what a view item points at: a range of a corpus file (a finding, a passage), a tag (found where it
// stands now through the file's sidecar session, so unsaved edits are followed), or two copies side by side.
import * as vscode from 'vscode';
import { JsonRange } from '../../core/report';
import { AnnotationSessions } from '../annotations/sessions';

/** What revealItem takes: a file and a line/character range, or a file and a tag's id (and its last known offsets). */
export interface RevealTarget {
  uri: string;
  range?: JsonRange;
  tag?: { id: string; start: number; end: number };
}

export function toVsRange(r: JsonRange): vscode.Range {
  return new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
}

/** Opens the file of `target` and selects its range; resolves with the editor. */
export async function reveal(sessions: AnnotationSessions, target: RevealTarget, column?: vscode.ViewColumn, preserveFocus = false): Promise<vscode.TextEditor> {
  const uri = vscode.Uri.parse(target.uri, true);
  const doc = await vscode.workspace.openTextDocument(uri);
  let range: vscode.Range | undefined = target.range && toVsRange(target.range);
  if (target.tag) {
    const session = await sessions.sessionFor(doc);
    const live = session?.get(target.tag.id);
    const start = live?.start ?? target.tag.start;
    const end = live?.end ?? target.tag.end;
    range = new vscode.Range(doc.positionAt(start), doc.positionAt(end));
  }
  const selection = range ?? new vscode.Range(0, 0, 0, 0);
  const editor = await vscode.window.showTextDocument(doc, { viewColumn: column, preserveFocus, preview: column === undefined, selection });
  editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return editor;
}

/** Opens two copies side by side: the first in the first column, the second beside it, each at its range. */
export async function revealBoth(sessions: AnnotationSessions, a: RevealTarget, b: RevealTarget): Promise<vscode.TextEditor[]> {
  const left = await reveal(sessions, a, vscode.ViewColumn.One, false);
  const right = await reveal(sessions, b, vscode.ViewColumn.Two, true);
  return [left, right];
}
