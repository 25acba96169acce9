// The corpus-text language and its grammar: the language is contributed, open corpus files in plain text are
// switched to it while corpusLens.languageAssociation is on (and back when it is turned off), and the grammar,
// run through the TextMate engine that this VS Code ships, gives the scopes that themes colour.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { activateExtension, EXTENSION_ID, fixtureUri, waitFor } from './helpers';

const LANGUAGE = 'corpus-text';

/** The little of vscode-textmate and vscode-oniguruma that the grammar test uses (VS Code ships both). */
interface Token { startIndex: number; endIndex: number; scopes: string[] }
interface Grammar { tokenizeLine(line: string, state: unknown): { tokens: Token[] } }
interface TextMate {
  Registry: new (options: unknown) => { loadGrammar(scope: string): Promise<Grammar | null> };
  parseRawGrammar(content: string, filePath: string): unknown;
  INITIAL: unknown;
}
interface Oniguruma {
  loadWASM(data: ArrayBuffer): Promise<void>;
  OnigScanner: new (patterns: string[]) => unknown;
  OnigString: new (s: string) => unknown;
}

/** The document's language once it is `languageId`, waiting for the re-open that a language change is. */
async function languageBecomes(uri: vscode.Uri, languageId: string): Promise<void> {
  const current = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (current?.languageId === languageId) { return; }
  await waitFor(vscode.workspace.onDidOpenTextDocument, (d) => d.uri.toString() === uri.toString() && d.languageId === languageId,
    `${uri.path} in ${languageId}`);
}

suite('corpus-text language', () => {
  suiteSetup(async () => {
    await activateExtension();
  });

  test('the language is contributed with its grammar', async () => {
    assert.ok((await vscode.languages.getLanguages()).includes(LANGUAGE));
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    const grammar = (ext.packageJSON.contributes.grammars as { language: string; path: string }[]).find((g) => g.language === LANGUAGE);
    assert.ok(grammar);
    assert.ok(fs.existsSync(path.join(ext.extensionPath, grammar.path)));
  });

  test('an opened corpus file is switched to corpus-text, and back to plain text when the setting is off', async () => {
    const uri = fixtureUri('library-hours.txt');
    const opened = languageBecomes(uri, LANGUAGE);
    await vscode.window.showTextDocument(uri);
    await opened;
    const config = vscode.workspace.getConfiguration('corpusLens');
    try {
      const plain = languageBecomes(uri, 'plaintext');
      await config.update('languageAssociation', false, vscode.ConfigurationTarget.Workspace);
      await plain;
    } finally {
      const again = languageBecomes(uri, LANGUAGE);
      await config.update('languageAssociation', undefined, vscode.ConfigurationTarget.Workspace);
      await again;
    }
  });

  test('the grammar scopes quotations, lists, datelines, timestamps, credits and links', async function () {
    // The TextMate engine VS Code itself uses; a desktop build keeps it in an asar archive, where this test skips.
    const modules = path.join(vscode.env.appRoot, 'node_modules');
    if (!fs.existsSync(path.join(modules, 'vscode-textmate')) || !fs.existsSync(path.join(modules, 'vscode-oniguruma'))) { this.skip(); }
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const tm = require(path.join(modules, 'vscode-textmate')) as TextMate;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const onig = require(path.join(modules, 'vscode-oniguruma')) as Oniguruma;
    await onig.loadWASM(fs.readFileSync(path.join(modules, 'vscode-oniguruma', 'release', 'onig.wasm')).buffer as ArrayBuffer);
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    const grammarPath = path.join(ext.extensionPath, 'syntaxes', 'corpus-text.tmLanguage.json');
    const registry = new tm.Registry({
      onigLib: Promise.resolve({ createOnigScanner: (p: string[]) => new onig.OnigScanner(p), createOnigString: (s: string) => new onig.OnigString(s) }),
      loadGrammar: async () => tm.parseRawGrammar(fs.readFileSync(grammarPath, 'utf8'), grammarPath),
    });
    const grammar = await registry.loadGrammar('text.corpus');
    assert.ok(grammar);
    const scopesOf = (line: string) => {
      const out: Record<string, string> = {};
      for (const t of grammar.tokenizeLine(line, tm.INITIAL).tokens) {
        const text = line.slice(t.startIndex, t.endIndex);
        const scope = t.scopes[t.scopes.length - 1];
        if (t.scopes.length > 1 && text.trim() && !scope.startsWith('meta.')) { out[text] = scope; }
      }
      return out;
    };
    assert.deepStrictEqual(scopesOf('RIVERTON, March 3 — The council met.'), {
      RIVERTON: 'entity.name.section.dateline.place.corpus',
      'March 3': 'constant.numeric.date.corpus',
      '—': 'punctuation.separator.dateline.corpus',
    });
    assert.deepStrictEqual(scopesOf('Updated 3 hours ago'), { 'Updated 3 hours ago': 'comment.line.timestamp.corpus' });
    assert.deepStrictEqual(scopesOf('51 mins ago - World'), { '51 mins ago': 'comment.line.timestamp.corpus' });
    assert.deepStrictEqual(scopesOf('Published: March 3, 2024 at 10:45 a.m.'), {
      'Published:': 'comment.line.timestamp.corpus',
      'March 3, 2024': 'constant.numeric.date.corpus',
      '10:45 a.m.': 'constant.numeric.time.corpus',
    });
    assert.deepStrictEqual(scopesOf('Photo: Jane Doe / Agency'), { 'Photo: Jane Doe / Agency': 'comment.line.photo-credit.corpus' });
    assert.deepStrictEqual(scopesOf('“It’s ours,” she said.'), {
      '“': 'punctuation.definition.string.begin.corpus',
      'It’s ours,': 'string.quoted.double.curly.corpus',
      '”': 'punctuation.definition.string.end.corpus',
    });
    assert.strictEqual(scopesOf('He said "no" twice.').no, 'string.quoted.double.corpus');
    assert.deepStrictEqual(scopesOf('• See https://example.com/a?b=1.'), {
      '•': 'punctuation.definition.list.begin.corpus',
      ' See ': 'markup.list.unnumbered.corpus',
      'https://example.com/a?b=1': 'markup.underline.link.corpus',
      '.': 'markup.list.unnumbered.corpus',
    });
    assert.strictEqual(scopesOf('2. Write to news@example.org today')['news@example.org'], 'markup.underline.link.email.corpus');
    assert.strictEqual(scopesOf('2. Write to news@example.org today')['2.'], 'punctuation.definition.list.begin.corpus');
    assert.deepStrictEqual(scopesOf('The mayor’s office said it’s fine.'), {}); // apostrophes are not quotation marks
  });
});
