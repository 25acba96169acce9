// The views folder's part in activation: the sidebar views (Files, Duplicates, Entities, Claims) over the tag
// index and the findings store, the untagged-mention counts of the Files view, the corpus report, the status bar,
// and the commands on the views' items.
import * as vscode from 'vscode';
import { AnnotationSessions } from '../annotations/sessions';
import { FindingsStore } from '../findings/findingsStore';
import { CommandHandlers } from '../platform/commands';
import { CorpusFiles } from '../platform/corpusFiles';
import { Suggestions } from '../suggestions/suggestions';
import { CorpusIndexer } from '../workers/indexer';
import { SuggestWorkerClient } from '../workers/suggestClient';
import { CorpusViews, CorpusViewsApi } from './corpusViews';
import { registerStatusBar } from './statusBar';
import { UntaggedMentions } from './untaggedMentions';

export interface ViewsDeps {
  extensionUri: vscode.Uri;
  files: CorpusFiles;
  log: vscode.LogOutputChannel;
  store: FindingsStore;
  sessions: AnnotationSessions;
  indexer: CorpusIndexer;
  suggestions: Suggestions;
  /** The suggestion worker, which holds the annotations index, and how to have it read a folder. */
  client: SuggestWorkerClient;
  ensureFolder(folder: vscode.WorkspaceFolder): Promise<void>;
}

export interface Views extends vscode.Disposable {
  readonly api: CorpusViewsApi;
  readonly commands: CorpusViews['commands'];
}

export function register(deps: ViewsDeps): Views {
  const { files, log, client, store, indexer } = deps;
  const untagged = new UntaggedMentions({ client, suggestions: deps.suggestions, files, log });
  const views = new CorpusViews({
    extensionUri: deps.extensionUri, files, log, client, ensureFolder: (f) => deps.ensureFolder(f), store, sessions: deps.sessions, indexer, untagged,
  });
  const disposable = vscode.Disposable.from(views, registerStatusBar({ store, files, indexer, tags: views.tags }));
  return { api: views, commands: views.commands satisfies Partial<CommandHandlers>, dispose: () => disposable.dispose() };
}
