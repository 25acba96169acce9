// Ranges between the engine's line/character JSON, command arguments and VS Code's Range: the one place that
// converts them.
import * as vscode from 'vscode';
import { JsonRange } from '../../core/report';

/** A range as command arguments carry it (they travel as JSON): [startLine, startCharacter, endLine, endCharacter]. */
export type RangeTuple = [number, number, number, number];

export function toRange(r: JsonRange | RangeTuple): vscode.Range {
  return Array.isArray(r)
    ? new vscode.Range(r[0], r[1], r[2], r[3])
    : new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
}

/** The tuple of a JSON range or a vscode.Range (both have start and end lines and characters). */
export function tupleOf(r: JsonRange): RangeTuple {
  return [r.start.line, r.start.character, r.end.line, r.end.character];
}

/** The range of UTF-16 offsets `start`..`end` in a document. */
export function rangeAt(doc: vscode.TextDocument, start: number, end: number): vscode.Range {
  return new vscode.Range(doc.positionAt(start), doc.positionAt(end));
}
