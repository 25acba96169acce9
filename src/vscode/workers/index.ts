// The workers folder's part in activation: the host's ends of the index and suggestion workers, the document
// channel that brings both the editor's corpus documents (built before any feature that starts a worker, so that
// the workers hear of a change before a request), the background index and its live updates, and the commands
// that scan or stop it. The caller starts the index (start()) once every feature listens.
import * as vscode from 'vscode';
import { FindingsStore } from '../findings/findingsStore';
import { Activity } from '../platform/activity';
import { CommandHandlers } from '../platform/commands';
import { CorpusFiles } from '../platform/corpusFiles';
import { DocumentSync } from './documentSync';
import { IndexWorkerClient } from './indexClient';
import { CorpusIndexer } from './indexer';
import { registerLiveUpdates } from './liveUpdates';
import { scanWorkspace } from './scanCommand';
import { SuggestWorkerClient } from './suggestClient';

export interface WorkersDeps {
  extensionPath: string;
  files: CorpusFiles;
  activity: Activity;
  log: vscode.LogOutputChannel;
  store: FindingsStore;
}

export interface Workers extends vscode.Disposable {
  readonly indexer: CorpusIndexer;
  readonly suggestClient: SuggestWorkerClient;
  readonly commands: Pick<CommandHandlers, 'scanWorkspace' | 'cancelIndexing'>;
  /** Starts indexing the workspace in the background (when it is trusted). */
  start(): void;
}

export function register(deps: WorkersDeps): Workers {
  const { files, activity, log, store } = deps;
  const client = new IndexWorkerClient(deps.extensionPath, activity);
  const suggestClient = new SuggestWorkerClient(deps.extensionPath);
  const documentSync = new DocumentSync({ files, targets: [client, suggestClient] });
  const indexer = new CorpusIndexer({ client, store, files, activity, log });
  const disposable = vscode.Disposable.from(client, suggestClient, documentSync, indexer, registerLiveUpdates({ indexer, files, store, activity }));
  return {
    indexer,
    suggestClient,
    commands: { scanWorkspace: () => scanWorkspace({ indexer, files }), cancelIndexing: () => indexer.cancelAll() },
    start: () => indexer.start(),
    dispose: () => disposable.dispose(),
  };
}
