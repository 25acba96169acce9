// The Files view on a larger corpus: some thousands of generated files join the corpus (an exclusion lifted, which
// indexes the folder again), and the view lists every one of them while the index is being built, as "analysing"
// rows, before their findings are known; once indexed, every row has its shares. The files are removed afterwards.
// Runs last of the main suite (its name sorts last), so the other suites never see the extra files.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { CorpusLensApi } from '../../src/extension';
import { activateExtension, waitFor } from './helpers';

const FOLDER = 'generated-scale';
const FILES = 3000;
const EXCLUDED = ['**/node_modules/**', '**/.git/**', `**/${FOLDER}/**`];

/** A short news item of its own: a title, two sentences that name its number, and the sign-up line. */
function article(i: number): string {
  return `Notice ${i}\n\nThe parish meeting number ${i} agreed on item ${i * 7} of the agenda. `
    + `Residents of street ${i % 97} may comment until week ${i % 52}.\n\n`
    + 'Sign up for our daily newsletter to get the local headlines every morning.\n';
}

suite('Files view at scale', () => {
  let api: CorpusLensApi;
  let root: string;
  const config = () => vscode.workspace.getConfiguration('corpusLens');
  const generated = () => [...api.views.files.allRows()].filter((r) => r.path.startsWith(`${FOLDER}/`));

  suiteSetup(async () => {
    api = await activateExtension();
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'no workspace folder');
    root = path.join(folder.uri.fsPath, FOLDER);
    await vscode.commands.executeCommand('corpusLens.files.focus');
    await config().update('exclude', EXCLUDED, vscode.ConfigurationTarget.Workspace);
    fs.mkdirSync(root, { recursive: true });
    for (let i = 0; i < FILES; i++) { fs.writeFileSync(path.join(root, `notice-${String(i).padStart(4, '0')}.txt`), article(i)); }
    await api.whenIdle();
  });

  suiteTeardown(async function () {
    // 3,000 deletions reach the index one watcher event each; under a loaded machine that outlasts mocha's minute.
    this.timeout(300_000);
    const gone = generated().length === 0
      ? Promise.resolve()
      : waitFor(api.views.files.onDidRefresh, () => generated().length === 0, 'the generated files to leave the Files view', 120_000);
    await config().update('exclude', undefined, vscode.ConfigurationTarget.Workspace);
    fs.rmSync(root, { recursive: true, force: true });
    await gone;
    await api.whenIdle();
  });

  test('lists every file of a growing corpus while indexing, then fills in their shares', async function () {
    this.timeout(360_000);
    assert.deepStrictEqual(generated(), [], 'excluded files are not listed');
    const listed = waitFor(api.views.files.onDidRefresh, () => generated().filter((r) => r.pending).length === FILES,
      `all ${FILES} generated files listed before they are analysed`, 120_000);
    const indexed = waitFor(api.views.files.onDidRefresh, () => {
      const rows = generated();
      return rows.length === FILES && rows.every((r) => !r.pending);
    }, `all ${FILES} generated files indexed`, 300_000);
    await config().update('exclude', undefined, vscode.ConfigurationTarget.Workspace);
    await listed;
    await indexed;
    await api.whenIdle();
    const rows = generated();
    assert.strictEqual(rows.length, FILES);
    assert.ok(rows.every((r) => r.boilerplateShare > 0), 'the sign-up line is boilerplate in every generated file');
    // Only a scan's listing makes pending rows: none is left once it is done.
    assert.ok([...api.views.files.allRows()].every((r) => !r.pending));
    // The order the view shows holds the rows themselves, brought up to date in place as their files were analysed:
    // no row listed as pending stays in it beside the analysed one.
    const arranged = api.views.files.arrangedRows();
    assert.strictEqual(arranged.length, [...api.views.files.allRows()].length, 'every row is in the order (no filter is chosen)');
    assert.ok(arranged.every((r) => !r.pending && r === api.views.files.row(r.uri)), 'the arranged order holds the current rows');
  });
});
