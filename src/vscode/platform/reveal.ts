// Opening what a view item points at: a range of a corpus file (a finding, a passage), a tag (found where it
// stands now through the file's sidecar session, so unsaved edits are followed), or two copies side by side.
import * as vscode from 'vscode';
import { JsonRange } from '../../core/report';
import { rangeAt, toRange } from './ranges';

/**
 * Where a document's tags stand now (the annotations feature's sessions have this shape); platform/ names no
 * feature, so it takes the shape, not the class.
 */
export interface LiveTags {
  sessionFor(doc: vscode.TextDocument): Promise<{ get(id: string): { start: number | null; end: number | null } | undefined } | undefined>;
}

/** What revealItem takes: a file and a line/character range, or a file and a tag's id (and its last known offsets). */
export interface RevealTarget {
  uri: string;
  range?: JsonRange;
  tag?: { id: string; start: number; end: number };
}

export interface OpenOptions {
  column?: vscode.ViewColumn;
  preserveFocus?: boolean;
  preview?: boolean;
}

/** Shows a document with `range` selected and scrolled into view: every "open at range" goes through here. */
export async function openAt(doc: vscode.Uri | vscode.TextDocument, range: vscode.Range, options: OpenOptions = {}): Promise<vscode.TextEditor> {
  const shown = { viewColumn: options.column, preserveFocus: options.preserveFocus, preview: options.preview, selection: range };
  const editor = doc instanceof vscode.Uri ? await vscode.window.showTextDocument(doc, shown) : await vscode.window.showTextDocument(doc, shown);
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return editor;
}

/** Opens the file of `target` and selects its range; resolves with the editor. */
export async function reveal(sessions: LiveTags, target: RevealTarget, column?: vscode.ViewColumn, preserveFocus = false): Promise<vscode.TextEditor> {
  const uri = vscode.Uri.parse(target.uri, true);
  const doc = await vscode.workspace.openTextDocument(uri);
  let range: vscode.Range | undefined = target.range && toRange(target.range);
  if (target.tag) {
    const session = await sessions.sessionFor(doc);
    const live = session?.get(target.tag.id);
    const start = live?.start ?? target.tag.start;
    const end = live?.end ?? target.tag.end;
    range = rangeAt(doc, start, end);
  }
  return openAt(doc, range ?? new vscode.Range(0, 0, 0, 0), { column, preserveFocus, preview: column === undefined });
}

/** Opens two copies side by side: the first in the first column, the second beside it, each at its range. */
export async function revealBoth(sessions: LiveTags, a: RevealTarget, b: RevealTarget): Promise<vscode.TextEditor[]> {
  const left = await reveal(sessions, a, vscode.ViewColumn.One, false);
  const right = await reveal(sessions, b, vscode.ViewColumn.Two, true);
  return [left, right];
}
