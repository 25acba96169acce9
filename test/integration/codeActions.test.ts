// The code-action menu on a fresh selection: one run of the real editor offered only the three duplicate fixes
// for a selection inside a duplicated passage, and no "Tag as claim". Here the selection is made and the actions
// asked for at once, as Ctrl+. does, on ten fresh selections inside the passage harbour-ferry.txt shares, the
// first right after the file is opened (while its language is being switched to corpus-text).
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { CorpusLensApi } from '../../src/extension';
import { activateExtension, corpusDiagnostics, fixtureUri } from './helpers';

const HARBOUR = 'harbour-ferry.txt';
/** The shared passage is line 9 (0-based 8), 238 characters long. */
const PASSAGE_LINE = 8;
const SELECTION_LENGTH = 77;

suite('code actions', () => {
  let api: CorpusLensApi;

  suiteSetup(async () => {
    api = await activateExtension();
    await api.whenIdle();
  });

  test('every fresh selection inside a duplicated passage is offered the tag actions and the duplicate fixes', async () => {
    const uri = fixtureUri(HARBOUR);
    assert.strictEqual(corpusDiagnostics(api, uri, 'duplicate.cross-file').length, 1, 'the passage is a duplicate');
    const editor = await vscode.window.showTextDocument(uri);
    for (let run = 0; run < 10; run++) {
      const start = run * 15;
      editor.selection = new vscode.Selection(PASSAGE_LINE, start, PASSAGE_LINE, start + SELECTION_LENGTH);
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, editor.selection);
      const titles = actions.map((a) => a.title);
      for (const wanted of ['Tag as claim', 'Tag as entity: person', 'Mark this copy as the duplicate', 'Keep this copy']) {
        assert.ok(titles.includes(wanted), `run ${run}: no "${wanted}" in ${titles.join(', ')}`);
      }
      const claim = actions.find((a) => a.title === 'Tag as claim');
      assert.deepStrictEqual(claim?.command?.arguments?.[0], {
        uri: uri.toString(), range: [PASSAGE_LINE, start, PASSAGE_LINE, start + SELECTION_LENGTH],
      }, `run ${run}: the claim is the selection`);
    }
  });

  test('an empty selection gets no tag actions, only the fixes of the finding under it', async () => {
    const uri = fixtureUri(HARBOUR);
    const editor = await vscode.window.showTextDocument(uri);
    editor.selection = new vscode.Selection(PASSAGE_LINE, 10, PASSAGE_LINE, 10);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, editor.selection);
    const titles = actions.map((a) => a.title);
    assert.ok(!titles.some((t) => t.startsWith('Tag as')), titles.join(', '));
    assert.ok(titles.includes('Keep this copy'), titles.join(', '));
  });
});
