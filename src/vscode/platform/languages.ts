// The language the extension contributes for corpus files, and the documents its providers serve. No 'vscode'
// import: the selector is plain data that vscode.DocumentSelector accepts.

/** The language id of corpus text files (contributed in package.json with the grammar in syntaxes/). */
export const CORPUS_LANGUAGE = 'corpus-text';
export const PLAINTEXT_LANGUAGE = 'plaintext';

/** Files on disk in plain text or corpus text: the providers' document selector. */
export const corpusDocumentSelector = [
  { scheme: 'file', language: PLAINTEXT_LANGUAGE },
  { scheme: 'file', language: CORPUS_LANGUAGE },
];
