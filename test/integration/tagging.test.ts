// Tagging in the real editor, on river-cleanup.txt of the fixture: a command tags the selection and the sidecar on
// disk holds the tag with its quote and offsets; an edit before the tag moves it with its text, and saving the
// source writes the new offsets (also after the document's language changed); undoTag takes the last tag back;
// and "Not boilerplate" hides a finding, which stays hidden after a re-scan. The file and its sidecar are put back as they were afterwards.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { CorpusLensApi } from '../../src/extension';
import { activateExtension, corpusDiagnostics, findingsUpdated, fixtureUri, openCorpusText, readSidecar, saveDocument, waitFor } from './helpers';

const FILE = 'river-cleanup.txt';
const CLAIM = 'the stretch by the footbridge was the worst';
const SIGN_UP = 'boilerplate.sign-up';

function select(editor: vscode.TextEditor, quote: string): [number, number] {
  const text = editor.document.getText();
  const start = text.indexOf(quote);
  assert.ok(start >= 0, `"${quote}" is not in the document`);
  editor.selection = new vscode.Selection(editor.document.positionAt(start), editor.document.positionAt(start + quote.length));
  return [start, start + quote.length];
}

suite('tagging', () => {
  let api: CorpusLensApi;
  let original: string;
  const uri = fixtureUri(FILE);
  const sidecar = uri.with({ path: `${uri.path}.annotations.yaml` });

  suiteSetup(async () => {
    api = await activateExtension();
    original = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    await api.whenIdle();
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(original));
    await vscode.workspace.fs.delete(sidecar).then(undefined, () => undefined);
  });

  test('tagClaim tags the selection and the sidecar on disk holds its quote and offsets', async () => {
    const editor = await openCorpusText(uri);
    const [start, end] = select(editor, CLAIM);
    const added = await vscode.commands.executeCommand<{ id: string }[]>('corpusLens.tagClaim');
    assert.strictEqual(added.length, 1);
    const data = await readSidecar(uri);
    assert.deepStrictEqual(data.annotations.map((a) => [a.id, a.kind, a.quote, a.start, a.end]), [[added[0].id, 'claim', CLAIM, start, end]]);
  });

  test('tagEntity takes its label as an argument, and undoTag takes the last tag back', async () => {
    const editor = await openCorpusText(uri);
    const [start, end] = select(editor, 'Forty people');
    const added = await vscode.commands.executeCommand<{ id: string }[]>('corpusLens.tagEntity', { label: 'organization' });
    let data = await readSidecar(uri);
    assert.deepStrictEqual(data.annotations.map((a) => [a.kind, a.label, a.quote, a.start, a.end]).slice(1),
      [['entity', 'organization', 'Forty people', start, end]]);
    assert.strictEqual(data.annotations[1].id, added[0].id);
    assert.strictEqual(await vscode.commands.executeCommand('corpusLens.undoTag'), true);
    data = await readSidecar(uri);
    assert.deepStrictEqual(data.annotations.map((a) => a.quote), [CLAIM]);
  });

  test('a hover on a tag shows its kind with links to act on it', async () => {
    const editor = await openCorpusText(uri);
    const at = editor.document.positionAt(editor.document.getText().indexOf(CLAIM) + 3);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, at);
    const texts = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value)));
    const tag = texts.find((t) => t.startsWith('**Claim**'));
    assert.ok(tag, `no tag hover in ${JSON.stringify(texts)}`);
    assert.match(tag, /\[Remove\]\(command:corpusLens\.removeTag\?/);
    assert.match(tag, /\[Edit attributes\]\(command:corpusLens\.editTagAttributes\?/);
  });

  test('code actions tag a selection as an entity of a label, and remove the tag again', async () => {
    const editor = await openCorpusText(uri);
    const [start, end] = select(editor, 'the river');
    const range = new vscode.Range(editor.document.positionAt(start), editor.document.positionAt(end));
    const actions = () => vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range,
      vscode.CodeActionKind.RefactorRewrite.value);
    const run = (a: vscode.CodeAction | undefined) => {
      assert.ok(a?.command);
      return vscode.commands.executeCommand(a.command.command, ...(a.command.arguments ?? []));
    };
    const offered = await actions();
    assert.deepStrictEqual(offered.map((a) => a.title).filter((t) => t.startsWith('Tag as')), [
      'Tag as claim', 'Tag as entity: person', 'Tag as entity: organization', 'Tag as entity: location', 'Tag as entity: event',
      'Tag as entity: other',
    ]);
    await run(offered.find((a) => a.title === 'Tag as entity: location'));
    let data = await readSidecar(uri);
    assert.deepStrictEqual(data.annotations.filter((a) => a.kind === 'entity').map((a) => [a.label, a.quote, a.start, a.end]),
      [['location', 'the river', start, end]]);
    const onTag = await actions();
    const remove = onTag.find((a) => a.title === 'Remove tag');
    assert.ok(remove, `no "Remove tag" in ${onTag.map((a) => a.title).join(', ')}`);
    assert.strictEqual(await run(remove), true);
    data = await readSidecar(uri);
    assert.deepStrictEqual(data.annotations.filter((a) => a.kind === 'entity'), []);
  });

  test('an invalid sidecar is left as it is: tagging writes nothing over it, also when it went invalid while the file was open', async () => {
    const other = fixtureUri('library-hours.txt');
    const otherSidecar = other.with({ path: `${other.path}.annotations.yaml` });
    const broken = 'version: 1\nannotations: [\n';
    // Open first, so that the file has a session when its sidecar goes invalid on disk (the extension takes the
    // change in and publishes the file's findings again).
    const editor = await openCorpusText(other);
    await api.whenIdle();
    const taken = findingsUpdated(api, other);
    await vscode.workspace.fs.writeFile(otherSidecar, new TextEncoder().encode(broken));
    await taken;
    try {
      editor.selection = new vscode.Selection(0, 0, 0, 4);
      assert.deepStrictEqual(await vscode.commands.executeCommand('corpusLens.tagClaim'), []);
      assert.strictEqual(new TextDecoder().decode(await vscode.workspace.fs.readFile(otherSidecar)), broken);
    } finally {
      await vscode.workspace.fs.delete(otherSidecar);
    }
  });

  test('an edit before a tag moves it with its text, and saving the source writes the new offsets', async () => {
    const editor = await openCorpusText(uri);
    const prefix = 'UPDATE, Monday: ';
    assert.ok(await editor.edit((b) => b.insert(new vscode.Position(2, 0), prefix)));
    const savedSidecar = waitFor(api.onDidSaveSidecar, (u) => u.toString() === uri.toString(), `the sidecar of ${FILE} saved`);
    assert.ok(await saveDocument(editor.document));
    await savedSidecar;
    const data = await readSidecar(uri);
    const text = editor.document.getText();
    const claim = data.annotations.find((a) => a.kind === 'claim');
    assert.ok(claim);
    assert.strictEqual(claim.quote, CLAIM);
    assert.strictEqual(claim.start, text.indexOf(CLAIM));
    assert.strictEqual(text.slice(claim.start, claim.end), CLAIM);
    assert.strictEqual(claim.start, original.indexOf(CLAIM) + prefix.length);
  });

  test('"Not boilerplate" hides the finding, and it stays hidden after a re-scan', async () => {
    const editor = await openCorpusText(uri);
    await api.whenIdle();
    const [finding] = corpusDiagnostics(api, uri, SIGN_UP);
    assert.ok(finding, 'no sign-up finding to dismiss');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, finding.range,
      vscode.CodeActionKind.QuickFix.value);
    const dismiss = actions.find((a) => a.title === 'Not boilerplate');
    assert.ok(dismiss?.command, `no "Not boilerplate" fix in ${actions.map((a) => a.title).join(', ')}`);
    assert.strictEqual(dismiss.isPreferred, true);
    assert.strictEqual(await vscode.commands.executeCommand(dismiss.command.command, ...(dismiss.command.arguments ?? [])), true);
    await api.whenIdle();
    assert.deepStrictEqual(corpusDiagnostics(api, uri, SIGN_UP), []);
    const data = await readSidecar(uri);
    const decision = data.annotations.find((a) => a.kind === 'boilerplate');
    assert.deepStrictEqual(decision?.attributes, { status: 'dismissed', code: SIGN_UP });
    assert.strictEqual(editor.document.getText().slice(decision.start, decision.end), editor.document.getText(finding.range));

    await vscode.commands.executeCommand('corpusLens.scanWorkspace');
    await api.whenIdle();
    assert.deepStrictEqual(corpusDiagnostics(api, uri, SIGN_UP), []);
    assert.ok(corpusDiagnostics(api, uri, 'boilerplate.navigation').length > 0, 'other findings are still shown');
  });

  test('a dismissal written on disk hides the finding of a closed file; deleting the sidecar brings it back', async () => {
    const other = fixtureUri('orchard-harvest.txt');
    const otherSidecar = other.with({ path: `${other.path}.annotations.yaml` });
    await api.whenIdle();
    const [finding] = corpusDiagnostics(api, other, SIGN_UP);
    assert.ok(finding, 'no sign-up finding in orchard-harvest.txt');
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(other));
    const lines = text.split('\n');
    const offsetOf = (p: vscode.Position) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
    const [start, end] = [offsetOf(finding.range.start), offsetOf(finding.range.end)];
    const yaml = ['version: 1', 'annotations:', '  - id: dismiss1', '    kind: boilerplate', `    quote: ${JSON.stringify(text.slice(start, end))}`,
      `    start: ${start}`, `    end: ${end}`, `    attributes: {status: dismissed, code: ${SIGN_UP}}`, ''].join('\n');
    const signUps = () => corpusDiagnostics(api, other, SIGN_UP).length;
    const hidden = waitFor(api.onDidUpdateFindings, (uris) => uris.some((u) => u.toString() === other.toString()) && signUps() === 0, 'the finding hidden');
    await vscode.workspace.fs.writeFile(otherSidecar, new TextEncoder().encode(yaml));
    await hidden;
    const shown = waitFor(api.onDidUpdateFindings, (uris) => uris.some((u) => u.toString() === other.toString()) && signUps() === 1, 'the finding shown again');
    await vscode.workspace.fs.delete(otherSidecar);
    await shown;
  });

  test('after a change of the document\'s language its tags still follow the edits, and saving writes them', async () => {
    const editor = await openCorpusText(uri);
    const quote = 'anglers';
    const [start] = select(editor, quote);
    const [tag] = await vscode.commands.executeCommand<{ id: string }[]>('corpusLens.tagEntity', { label: 'person' });
    assert.ok(tag, 'tagged');
    // The editor re-opens the document in the new language (onDidClose, then onDidOpen, of the same document).
    const reopened = waitFor(vscode.workspace.onDidOpenTextDocument, (d) => d.uri.toString() === uri.toString() && d.languageId === 'markdown', 'the document in markdown');
    await vscode.languages.setTextDocumentLanguage(editor.document, 'markdown');
    await reopened;
    const prefix = 'Late news: ';
    const shown = await vscode.window.showTextDocument(uri);
    try {
      assert.ok(await shown.edit((b) => b.insert(new vscode.Position(0, 0), prefix)));
      const savedSidecar = waitFor(api.onDidSaveSidecar, (u) => u.toString() === uri.toString(), `the sidecar of ${FILE} saved`);
      assert.ok(await saveDocument(shown.document));
      await savedSidecar;
      const stored = (await readSidecar(uri)).annotations.find((a) => a.id === tag.id);
      assert.ok(stored);
      assert.deepStrictEqual([stored.quote, stored.start], [quote, start + prefix.length]);
    } finally {
      // Put the text, the tags and the language back as they were, through the editor.
      await vscode.commands.executeCommand('corpusLens.removeTag', { uri: uri.toString(), id: tag.id });
      if (shown.document.getText().startsWith(prefix)) {
        await shown.edit((b) => b.delete(new vscode.Range(0, 0, 0, prefix.length)));
        await saveDocument(shown.document);
      }
      await vscode.languages.setTextDocumentLanguage(shown.document, 'corpus-text');
    }
  });
});
