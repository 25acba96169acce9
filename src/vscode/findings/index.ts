// The findings folder's part in activation: the findings store (the one place on the host where findings meet the
// editor's decisions, which every surface reads), the diagnostics published from it, and the hovers on findings.
import * as vscode from 'vscode';
import { AnnotationSessions } from '../annotations/sessions';
import { Activity } from '../platform/activity';
import { CommandHandlers } from '../platform/commands';
import { CorpusFiles } from '../platform/corpusFiles';
import { registerDiagnostics } from './diagnostics';
import { FindingsStore } from './findingsStore';
import { openCopy, registerHover } from './hover';
import { SessionDecisions } from './sessionDecisions';

export interface FindingsDeps {
  sessions: AnnotationSessions;
  files: CorpusFiles;
  activity: Activity;
}

export interface Findings extends vscode.Disposable {
  readonly store: FindingsStore;
  /** The diagnostics published from the store. */
  readonly diagnostics: vscode.DiagnosticCollection;
  /** Fires with the files whose diagnostics were just published. */
  readonly onDidUpdateFindings: vscode.Event<readonly vscode.Uri[]>;
  readonly commands: Pick<CommandHandlers, 'openCopy'>;
}

export function register(deps: FindingsDeps): Findings {
  const diagnostics = vscode.languages.createDiagnosticCollection('corpusLens');
  const published = new vscode.EventEmitter<readonly vscode.Uri[]>();
  const decisions = new SessionDecisions(deps.sessions);
  const store = new FindingsStore((uri) => vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri)?.version, decisions);
  const disposable = vscode.Disposable.from(
    decisions,
    decisions.onDidChange((uri) => store.decisionsChanged(uri)),
    registerDiagnostics({ store, collection: diagnostics, activity: deps.activity, published }),
    registerHover({ store, files: deps.files }),
    diagnostics,
    published,
  );
  return { store, diagnostics, onDidUpdateFindings: published.event, commands: { openCopy }, dispose: () => disposable.dispose() };
}
