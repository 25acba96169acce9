// The document channel in the real editor: edits left unsaved (several changes in one event, a character outside
// the BMP, a deletion, a replacement) reach the suggestion worker as incremental changes, and a corpus-wide search
// there finds what the editor holds, at the editor's offsets, not what the file on disk holds.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { CorpusLensApi } from '../../src/extension';
import { activateExtension, deleteSidecars, fixtureUri } from './helpers';

const LIBRARY = fixtureUri('library-hours.txt');
/** A made-up name no fixture file holds. */
const NAME = 'Quillonsby';

interface TagAllResult { matches: number; tagged: { uri: string; start: number; end: number }[] }

suite('document channel', () => {
  let api: CorpusLensApi;

  suiteSetup(async () => {
    api = await activateExtension();
    await api.whenIdle();
  });

  teardown(async () => {
    const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === LIBRARY.toString());
    if (editor?.document.isDirty) {
      await vscode.window.showTextDocument(editor.document);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await deleteSidecars(api, [LIBRARY]);
  });

  test('a corpus search in the worker sees the unsaved text, at the editor\'s offsets', async () => {
    const editor = await vscode.window.showTextDocument(LIBRARY);
    const doc = editor.document;
    const onDisk = new TextDecoder().decode(await vscode.workspace.fs.readFile(LIBRARY));
    assert.ok(!onDisk.includes(NAME));
    const firstLineEnd = doc.lineAt(0).range.end;
    // One event with two changes: before the first line, and at its end.
    assert.ok(await editor.edit((b) => {
      b.insert(new vscode.Position(0, 0), `\u{1F30A} ${NAME} `);
      b.insert(firstLineEnd, ` ${NAME}`);
    }));
    // A deletion in the middle, then a word replaced near the end.
    const reading = doc.getText().indexOf('reading room');
    assert.ok(await editor.edit((b) => b.delete(new vscode.Range(doc.positionAt(reading), doc.positionAt(reading + 'reading '.length)))));
    const daily = doc.getText().indexOf('daily');
    assert.ok(await editor.edit((b) => b.replace(new vscode.Range(doc.positionAt(daily), doc.positionAt(daily + 'daily'.length)), NAME)));
    assert.ok(doc.isDirty);
    const text = doc.getText();
    const expected = [...text.matchAll(new RegExp(NAME, 'g'))].map((m) => m.index);
    assert.strictEqual(expected.length, 3);

    editor.selection = new vscode.Selection(doc.positionAt(expected[0]), doc.positionAt(expected[0] + NAME.length));
    const result = await vscode.commands.executeCommand<TagAllResult>('corpusLens.tagAllInCorpus', { kind: 'entity', label: 'location', skip: [] });
    assert.strictEqual(result.matches, 3);
    assert.deepStrictEqual(result.tagged.map((t) => [t.uri, t.start, t.end]), expected.map((s) => [LIBRARY.toString(), s, s + NAME.length]));
    assert.ok(text.startsWith(`\u{1F30A} ${NAME} Home`) && text.includes('room upstairs') && !text.includes('reading room'), 'the edits as made');
    assert.strictEqual(await vscode.commands.executeCommand('corpusLens.undoTag'), true);
  });
});
