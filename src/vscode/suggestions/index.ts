// The suggestions folder's part in activation: the suggestion hints of the documents shown (computed in the
// suggestion worker), their quick fixes and the commands behind them. It also has the worker read each folder's
// sidecars (ensureFolder), which every corpus search and the tag index need first.
import * as vscode from 'vscode';
import { AnnotationSessions } from '../annotations/sessions';
import { TagHistory, TagRefOf } from '../annotations/tagHistory';
import { CommandHandlers } from '../platform/commands';
import { CorpusFiles } from '../platform/corpusFiles';
import { SuggestWorkerClient } from '../workers/suggestClient';
import {
  AcceptEverywhereArgs, SuggestionArgs, acceptSuggestion, acceptSuggestionEverywhere, registerSuggestionActions, rejectSuggestion,
} from './suggestionActions';
import { Suggestions } from './suggestions';

export interface SuggestionsDeps {
  client: SuggestWorkerClient;
  sessions: AnnotationSessions;
  history: TagHistory;
  files: CorpusFiles;
  log: vscode.LogOutputChannel;
}

export interface SuggestionsFeature extends vscode.Disposable {
  readonly suggestions: Suggestions;
  /** Makes sure the suggestion worker has read a folder (its sidecars and corpus selection). */
  ensureFolder(folder: vscode.WorkspaceFolder): Promise<void>;
  readonly commands: Pick<CommandHandlers, 'acceptSuggestion' | 'acceptSuggestionAs' | 'acceptSuggestionEverywhere' | 'rejectSuggestion'>;
}

export function register(deps: SuggestionsDeps): SuggestionsFeature {
  const { client, sessions, history, files, log } = deps;
  const suggestions = new Suggestions({ client, sessions, files, log });
  const ensureFolder = (f: vscode.WorkspaceFolder) => suggestions.ensureFolder(f);
  const actions = { files, log, client, ensureFolder, suggestions, sessions, recordStep: (tags: TagRefOf[]) => history.pushStep(tags) };
  const disposable = vscode.Disposable.from(suggestions, registerSuggestionActions(actions));
  return {
    suggestions,
    ensureFolder,
    commands: {
      acceptSuggestion: (args?: SuggestionArgs) => acceptSuggestion(actions, args),
      acceptSuggestionAs: (args?: SuggestionArgs) => acceptSuggestion(actions, args, true),
      acceptSuggestionEverywhere: (args?: AcceptEverywhereArgs) => acceptSuggestionEverywhere(actions, args),
      rejectSuggestion: (args?: SuggestionArgs) => rejectSuggestion(actions, args),
    },
    dispose: () => disposable.dispose(),
  };
}
