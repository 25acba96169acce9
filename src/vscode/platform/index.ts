// The platform folder's part in activation: the output channel, the activity counter that whenIdle() reads, the
// corpus file selection, and the corpus-text language for corpus files. Every other folder builds on these.
import * as vscode from 'vscode';
import { Activity } from './activity';
import { CorpusFiles } from './corpusFiles';
import { registerLanguageAssociation } from './languageAssociation';

export interface Platform extends vscode.Disposable {
  readonly log: vscode.LogOutputChannel;
  readonly activity: Activity;
  readonly files: CorpusFiles;
}

export function register(): Platform {
  const log = vscode.window.createOutputChannel('Corpus Lens', { log: true });
  const activity = new Activity();
  const files = new CorpusFiles();
  const disposable = vscode.Disposable.from(files, registerLanguageAssociation({ files, log }), log);
  return { log, activity, files, dispose: () => disposable.dispose() };
}
