// The annotations folder's part in activation: the sidecar sessions of the corpus files (the one store every
// feature writes annotations through) and the undo history that every command writing them records its steps in.
import * as vscode from 'vscode';
import { CorpusFiles } from '../platform/corpusFiles';
import { AnnotationSessions } from './sessions';
import { TagHistory } from './tagHistory';

export interface AnnotationsDeps {
  files: CorpusFiles;
  log: vscode.LogOutputChannel;
}

export interface Annotations extends vscode.Disposable {
  readonly sessions: AnnotationSessions;
  readonly history: TagHistory;
}

export function register(deps: AnnotationsDeps): Annotations {
  const sessions = new AnnotationSessions(deps);
  const history = new TagHistory();
  const disposable = vscode.Disposable.from(
    sessions,
    // A closed document's steps go with it (its tags can be undone from the other documents a step touched).
    vscode.workspace.onDidCloseTextDocument((doc) => history.forget(doc.uri.toString())),
  );
  return { sessions, history, dispose: () => disposable.dispose() };
}
