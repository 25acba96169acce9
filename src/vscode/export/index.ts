// The export folder's part in activation: the export command, which runs the export on a worker thread.
import * as vscode from 'vscode';
import { CommandHandlers } from '../platform/commands';
import { CorpusFiles } from '../platform/corpusFiles';
import { ExportArgs, exportCorpusCommand } from './exportCommand';

export interface ExportDeps {
  files: CorpusFiles;
  extensionPath: string;
}

export interface ExportFeature extends vscode.Disposable {
  readonly commands: Pick<CommandHandlers, 'exportCorpus'>;
}

export function register(deps: ExportDeps): ExportFeature {
  return { commands: { exportCorpus: (args?: ExportArgs) => exportCorpusCommand(deps, args) }, dispose: () => undefined };
}
