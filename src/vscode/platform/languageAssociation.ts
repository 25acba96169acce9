// With corpusLens.languageAssociation on (the default), open plain-text documents that are corpus files get the
// corpus-text language, whose grammar colours quotations, datelines, timestamps, credits and links. Only plain
// text is switched, so a language the user chose stays; turning the setting off switches back the ones it set.
import * as vscode from 'vscode';
import { Config } from './config';
import { CorpusFiles } from './corpusFiles';
import { CORPUS_LANGUAGE, PLAINTEXT_LANGUAGE } from './languages';
import { Settings } from './settings';

export interface LanguageAssociationDeps {
  files: CorpusFiles;
  log: vscode.LogOutputChannel;
}

export function registerLanguageAssociation(deps: LanguageAssociationDeps): vscode.Disposable {
  /** The documents this feature switched, the only ones it switches back. */
  const switched = new Set<string>();
  const apply = (doc: vscode.TextDocument) => {
    if (doc.isClosed || !deps.files.match(doc.uri)) { return; }
    const key = doc.uri.toString();
    const on = new Config(doc.uri).languageAssociation;
    const target = on && doc.languageId === PLAINTEXT_LANGUAGE ? CORPUS_LANGUAGE
      : !on && doc.languageId === CORPUS_LANGUAGE && switched.has(key) ? PLAINTEXT_LANGUAGE
        : undefined;
    if (!target) { return; }
    if (target === CORPUS_LANGUAGE) { switched.add(key); } else { switched.delete(key); }
    vscode.languages.setTextDocumentLanguage(doc, target).then(undefined, (e: unknown) =>
      deps.log.warn(`could not set the language of ${doc.uri.fsPath}: ${e instanceof Error ? e.message : String(e)}`));
  };
  for (const doc of vscode.workspace.textDocuments) { apply(doc); }
  return vscode.Disposable.from(
    vscode.workspace.onDidOpenTextDocument(apply),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (Config.affects(e, [Settings.languageAssociation.key, Settings.include.key, Settings.exclude.key])) {
        for (const doc of vscode.workspace.textDocuments) { apply(doc); }
      }
    }),
  );
}
