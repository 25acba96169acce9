// The decisions the findings store applies, as the editor's sidecar sessions hold them (the open documents', and
// those of closed files whose sidecars hold decisions): per file, its decisions placed in its current text. Only
// the files the sessions said may hold decisions (onDidChangeDecisions) are looked at, so that the store asks about
// every file of a 100,000-file corpus at the cost of a set lookup each; the placed decisions of those are cached
// until the session changes (an edit moves them, a save or a sidecar changed on disk may change them).
import * as vscode from 'vscode';
import { PlacedDecision, placedDecisions } from '../../core/annotations/decisions';
import { AnnotationSessions } from '../annotations/sessions';
import { DecisionSource } from './findingsStore';

export class SessionDecisions implements DecisionSource, vscode.Disposable {
  /** Files whose sessions may hold decisions, by URI string. */
  private readonly known = new Set<string>();
  /** Their decisions as last placed (none: an empty list). */
  private readonly placed = new Map<string, readonly PlacedDecision[]>();
  private readonly changed = new vscode.EventEmitter<string>();
  /** Fires with a file's URI string when the decisions recorded about its findings may have changed. */
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];

  constructor(private readonly sessions: AnnotationSessions) {
    this.disposables.push(
      sessions.onDidChangeDecisions((uri) => {
        const key = uri.toString();
        this.known.add(key);
        this.placed.delete(key);
        this.changed.fire(key);
      }),
      // Anchors moved with an edit (or the session closed): placed again when next asked. The findings of the new
      // text come from the index and meet them then.
      sessions.onDidChange((uri) => { this.placed.delete(uri.toString()); }),
    );
  }

  dispose(): void {
    for (const d of this.disposables) { d.dispose(); }
  }

  decisionsOf(uri: string): readonly PlacedDecision[] | undefined {
    if (!this.known.has(uri)) { return undefined; }
    let list = this.placed.get(uri);
    if (!list) {
      const session = this.sessions.peek(vscode.Uri.parse(uri, true));
      list = session ? placedDecisions(session.list()) : [];
      this.placed.set(uri, list);
    }
    return list.length > 0 ? list : undefined;
  }
}
