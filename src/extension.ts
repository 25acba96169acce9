// Corpus Lens: activate() wires the features together and returns the API that integration tests read.
import * as vscode from 'vscode';
import { Activity } from './vscode/activity';
import { registerCommands } from './vscode/commands';
import { CorpusFiles } from './vscode/corpusFiles';
import { registerDiagnostics } from './vscode/diagnostics';
import { FindingsStore } from './vscode/findingsStore';
import { openCopy, registerHover } from './vscode/hover';
import { IndexWorkerClient } from './vscode/indexClient';
import { CorpusIndexer } from './vscode/indexer';
import { registerLanguageAssociation } from './vscode/languageAssociation';
import { registerLiveUpdates } from './vscode/liveUpdates';
import { scanWorkspace } from './vscode/scanCommand';
import { registerStatusBar } from './vscode/statusBar';

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
}

export function activate(context: vscode.ExtensionContext): CorpusLensApi {
  try {
    const log = vscode.window.createOutputChannel('Corpus Lens', { log: true });
    const activity = new Activity();
    const diagnostics = vscode.languages.createDiagnosticCollection('corpusLens');
    const published = new vscode.EventEmitter<readonly vscode.Uri[]>();
    const files = new CorpusFiles();
    const store = new FindingsStore((uri) => vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri)?.version);
    const client = new IndexWorkerClient(context.extensionPath, activity);
    const indexer = new CorpusIndexer({ client, store, files, activity, log });
    context.subscriptions.push(
      files,
      client,
      indexer,
      registerDiagnostics({ store, collection: diagnostics, activity, published }),
      registerLiveUpdates({ indexer, files, store, activity }),
      registerHover({ store, files }),
      registerStatusBar({ store, files, indexer }),
      registerLanguageAssociation({ files, log }),
      registerCommands({
        scanWorkspace: () => scanWorkspace({ indexer, files }),
        cancelIndexing: () => indexer.cancelAll(),
        openCopy,
      }),
      diagnostics,
      published,
      log,
    );
    indexer.start();
    return { diagnostics, whenIdle: () => activity.whenIdle(), onDidUpdateFindings: published.event };
  } catch (e) {
    void vscode.window.showErrorMessage(`Corpus Lens failed to start: ${e instanceof Error ? e.message : String(e)}`);
    throw e;
  }
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
