// Corpus Lens: activate() composes the feature folders, each through its register(deps), and returns the API that
// integration tests read.
import * as vscode from 'vscode';
import { ActivationClock, ActivationTimes } from './vscode/platform/activationTiming';
import { registerCommands } from './vscode/platform/commands';
import * as platform from './vscode/platform';
import * as annotations from './vscode/annotations';
import * as findings from './vscode/findings';
import * as workers from './vscode/workers';
import * as suggestions from './vscode/suggestions';
import * as tagging from './vscode/tagging';
import * as views from './vscode/views';
import * as exporting from './vscode/export';
import { CorpusViewsApi } from './vscode/views/corpusViews';

export interface CorpusLensApi {
  /** The diagnostics the extension publishes, for tests and other extensions. */
  readonly diagnostics: vscode.DiagnosticCollection;
  /**
   * Resolves when the findings shown are current: no scan, edit or file change is waiting for the index worker
   * and no diagnostics are waiting to be published. (A file change the watcher has not yet reported is not
   * known; wait for onDidUpdateFindings for that.)
   */
  whenIdle(): Promise<void>;
  /** Fires with the files whose diagnostics were just published. */
  readonly onDidUpdateFindings: vscode.Event<readonly vscode.Uri[]>;
  /** Fires with a source file's URI after its annotations sidecar was saved. */
  readonly onDidSaveSidecar: vscode.Event<vscode.Uri>;
  /** Fires with the number of matches when "tag all occurrences" shows them to step through. */
  readonly onDidShowMatches: vscode.Event<number>;
  /** The sidebar views' providers, the tag index they read and the corpus report. */
  readonly views: CorpusViewsApi;
  /** The suggestion hints (entities, claims), apart from the findings. */
  readonly suggestions: vscode.DiagnosticCollection;
  /** Resolves when no document's suggestions are waiting to be computed or published. */
  whenSuggestionsIdle(): Promise<void>;
  /** Fires with a document's URI after its suggestion hints were published. */
  readonly onDidUpdateSuggestions: vscode.Event<vscode.Uri>;
  /** How long activation took (read by the activation benchmark). */
  readonly activation: ActivationTimes;
}

export function activate(context: vscode.ExtensionContext): CorpusLensApi {
  const clock = new ActivationClock();
  try {
    // Each feature folder in the order of their imports (a unit test keeps the folders free of cycles): a folder
    // gets what the folders before it made.
    const { log, activity, files } = keep(context, platform.register());
    const { sessions, history } = keep(context, annotations.register({ files, log }));
    const found = keep(context, findings.register({ sessions, files, activity }));
    clock.watch(found.onDidUpdateFindings);
    const { store } = found;
    const work = keep(context, workers.register({ extensionPath: context.extensionPath, files, activity, log, store }));
    const { indexer, suggestClient: client } = work;
    const hints = keep(context, suggestions.register({ client, sessions, history, files, log }));
    const { ensureFolder } = hints;
    const tags = keep(context, tagging.register({ sessions, history, store, files, log, client, ensureFolder }));
    const sidebar = keep(context, views.register({
      extensionUri: context.extensionUri, files, log, store, sessions, indexer, suggestions: hints.suggestions, client, ensureFolder,
    }));
    const exported = keep(context, exporting.register({ files, extensionPath: context.extensionPath }));
    context.subscriptions.push(
      registerCommands({ ...found.commands, ...work.commands, ...tags.commands, ...sidebar.commands, ...hints.commands, ...exported.commands }),
      clock,
    );
    work.start();
    return {
      diagnostics: found.diagnostics, whenIdle: () => activity.whenIdle(), onDidUpdateFindings: found.onDidUpdateFindings,
      onDidSaveSidecar: sessions.onDidSave,
      onDidShowMatches: tags.onDidShowMatches,
      views: sidebar.api,
      suggestions: hints.suggestions.collection, whenSuggestionsIdle: () => hints.suggestions.whenIdle(),
      onDidUpdateSuggestions: hints.suggestions.onDidUpdate,
      activation: clock.activated(),
    };
  } catch (e) {
    void vscode.window.showErrorMessage(`Corpus Lens failed to start: ${e instanceof Error ? e.message : String(e)}`);
    throw e;
  }
}

/** Hands a feature to the context, which disposes of it on deactivation, and returns it. */
function keep<T extends vscode.Disposable>(context: vscode.ExtensionContext, feature: T): T {
  context.subscriptions.push(feature);
  return feature;
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
