// The index follows the workspace without a new scan: edits in the editor (after the typing pause), files
// created, renamed and deleted on disk. Each test puts the workspace back as it found it.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { CorpusLensApi } from '../../src/extension';
import { activateExtension, corpusDiagnostics, findingsUpdated, fixtureUri, rangeOf, saveDocument, setText } from './helpers';

const HARBOUR = 'harbour-ferry.txt';
const ISLAND = 'island-school-run.txt';
const SHARED = 'The island council has agreed to subsidise a second daily crossing for the rest of the year, so that pupils '
  + 'at the secondary school on the mainland no longer have to leave home before six in the morning to reach their first '
  + 'lesson on time.';
const NAV = 'Home | News | Local | Sport | Weather | Contact';
const SIGN_UP = 'Sign up for our daily newsletter to get the local headlines every morning.';

suite('live updates', () => {
  let api: CorpusLensApi;

  suiteSetup(async () => {
    api = await activateExtension();
    await api.whenIdle();
  });

  test('deleting the shared passage in one file removes the duplicate in both; restoring it brings both back', async () => {
    const doc = await vscode.workspace.openTextDocument(fixtureUri(HARBOUR));
    const original = doc.getText();
    try {
      assert.strictEqual(corpusDiagnostics(api, fixtureUri(HARBOUR), 'duplicate.cross-file').length, 1);
      await setText(doc, original.replace(`${SHARED}\n\n`, ''));
      await api.whenIdle();
      assert.deepStrictEqual(corpusDiagnostics(api, fixtureUri(HARBOUR), 'duplicate.cross-file'), []);
      assert.deepStrictEqual(corpusDiagnostics(api, fixtureUri(ISLAND), 'duplicate.cross-file'), []);
      // The sign-up line moved up two lines with the edit.
      assert.deepStrictEqual(corpusDiagnostics(api, fixtureUri(HARBOUR), 'boilerplate.sign-up').map(rangeOf), ['8:0-8:74']);

      await setText(doc, original);
      await api.whenIdle();
      assert.deepStrictEqual(corpusDiagnostics(api, fixtureUri(HARBOUR), 'duplicate.cross-file').map(rangeOf), ['8:0-8:238']);
      assert.deepStrictEqual(corpusDiagnostics(api, fixtureUri(ISLAND), 'duplicate.cross-file').map(rangeOf), ['8:0-8:238']);
    } finally {
      if (doc.getText() !== original) { await setText(doc, original); }
      await saveDocument(doc);
      await api.whenIdle();
    }
  });

  test('only the last of quick successive edits counts: the findings match the final text', async () => {
    const doc = await vscode.workspace.openTextDocument(fixtureUri(ISLAND));
    const original = doc.getText();
    try {
      for (let i = 1; i <= 5; i++) {
        const edit = new vscode.WorkspaceEdit();
        edit.insert(doc.uri, new vscode.Position(0, 0), `Breaking news ${i}\n\n`);
        assert.ok(await vscode.workspace.applyEdit(edit));
      }
      await api.whenIdle();
      // Five inserted two-line headers push the shared passage from line 8 to line 18.
      assert.deepStrictEqual(corpusDiagnostics(api, fixtureUri(ISLAND), 'duplicate.cross-file').map(rangeOf), ['18:0-18:238']);
      const harbour = corpusDiagnostics(api, fixtureUri(HARBOUR), 'duplicate.cross-file');
      assert.deepStrictEqual((harbour[0]?.relatedInformation ?? []).map((r) => rangeOf(r.location)), ['18:0-18:238']);
    } finally {
      await setText(doc, original);
      await saveDocument(doc);
      await api.whenIdle();
    }
    assert.deepStrictEqual(corpusDiagnostics(api, fixtureUri(ISLAND), 'duplicate.cross-file').map(rangeOf), ['8:0-8:238']);
  });

  test('a file created on disk gets diagnostics, and deleting it takes them away again', async () => {
    const uri = fixtureUri('new-arrival.txt');
    const text = `${NAV}\n\nA third report on the ferry\n\n${SHARED}\n\n${SIGN_UP}\n`;
    let updated = findingsUpdated(api, uri);
    await vscode.workspace.fs.writeFile(uri, Buffer.from(text, 'utf8'));
    try {
      await updated;
      await api.whenIdle();
      assert.deepStrictEqual(corpusDiagnostics(api, uri).map((d) => `${d.code} ${rangeOf(d)}`), [
        'boilerplate.navigation 0:0-0:47',
        'duplicate.cross-file 4:0-4:238',
        'boilerplate.sign-up 6:0-6:74',
      ]);
      const copies = corpusDiagnostics(api, uri, 'duplicate.cross-file')[0].relatedInformation?.map((r) => r.location.uri.path.split('/').pop()).sort();
      assert.deepStrictEqual(copies, [HARBOUR, ISLAND]);
      // The other copies now name the new file too.
      const harbour = corpusDiagnostics(api, fixtureUri(HARBOUR), 'duplicate.cross-file');
      assert.strictEqual(harbour[0].relatedInformation?.length, 2);
    } finally {
      updated = findingsUpdated(api, uri);
      await vscode.workspace.fs.delete(uri);
      await updated;
      await api.whenIdle();
    }
    assert.deepStrictEqual(corpusDiagnostics(api, uri), []);
    assert.strictEqual(corpusDiagnostics(api, fixtureUri(HARBOUR), 'duplicate.cross-file')[0].relatedInformation?.length, 1);
  });

  test('a renamed file keeps its findings under its new name', async () => {
    const from = fixtureUri('orchard-harvest.txt');
    const to = fixtureUri('orchard-harvest-renamed.txt');
    const rename = async (a: vscode.Uri, b: vscode.Uri) => {
      const edit = new vscode.WorkspaceEdit();
      edit.renameFile(a, b);
      const updated = findingsUpdated(api, b);
      assert.ok(await vscode.workspace.applyEdit(edit), 'the rename was not applied');
      await updated;
      await api.whenIdle();
    };
    await rename(from, to);
    try {
      assert.deepStrictEqual(corpusDiagnostics(api, from), []);
      assert.deepStrictEqual(corpusDiagnostics(api, to).map((d) => d.code), ['boilerplate.navigation', 'boilerplate.sign-up']);
    } finally {
      await rename(to, from);
    }
    assert.deepStrictEqual(corpusDiagnostics(api, to), []);
    assert.deepStrictEqual(corpusDiagnostics(api, from).map((d) => d.code), ['boilerplate.navigation', 'boilerplate.sign-up']);
  });
});
