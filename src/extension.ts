// Corpus Lens: activate() wires the features together and returns the API that integration tests read.
import * as vscode from 'vscode';
import { registerScanCommand } from './vscode/scanCommand';
import { ScanWorkerClient } from './vscode/workerClient';

export interface CorpusLensApi {
  /** The diagnostics the extension publishes, for tests and other extensions. */
  readonly diagnostics: vscode.DiagnosticCollection;
}

export function activate(context: vscode.ExtensionContext): CorpusLensApi {
  try {
    const diagnostics = vscode.languages.createDiagnosticCollection('corpusLens');
    const client = new ScanWorkerClient(context.extensionPath);
    context.subscriptions.push(diagnostics, client, registerScanCommand(client, diagnostics));
    return { diagnostics };
  } catch (e) {
    void vscode.window.showErrorMessage(`Corpus Lens failed to start: ${e instanceof Error ? e.message : String(e)}`);
    throw e;
  }
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
