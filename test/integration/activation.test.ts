// The extension loads in a real extension host: it is found under its id, activates without throwing, and
// hands out its API.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { CorpusLensApi } from '../../src/extension';

const EXTENSION_ID = 'corpus-lens.corpus-lens';

suite('activation', () => {
  test('the extension is present under its id', () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} not found`);
    assert.strictEqual(ext.packageJSON.main, './dist/extension.js');
  });

  // run-integration.mjs installs the packaged .vsix and says so; another runner may load the development folder.
  test('it is the extension users install: the .vsix\'s folder, with bundles and no source, tests or maps', function () {
    if (process.env.CORPUS_LENS_TEST_PACKAGED !== '1') { this.skip(); }
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext);
    const root = ext.extensionPath;
    for (const absent of ['src', 'test', 'bench', 'node_modules', 'tsconfig.json']) {
      assert.ok(!fs.existsSync(path.join(root, absent)), `${absent} is in the installed extension at ${root}`);
    }
    const dist = fs.readdirSync(path.join(root, 'dist'));
    assert.ok(dist.includes('extension.js'), dist.join(', '));
    assert.deepStrictEqual(dist.filter((f) => f.endsWith('.map')), []);
  });

  test('the fixture workspace is open', async () => {
    const folders = vscode.workspace.workspaceFolders ?? [];
    assert.strictEqual(folders.length, 1, 'expected exactly one workspace folder');
    const txt = await vscode.workspace.findFiles('**/*.txt');
    assert.ok(txt.length >= 3, `expected the fixture's .txt files, found ${txt.length}`);
  });

  test('it activates without error and returns its API', async () => {
    const ext = vscode.extensions.getExtension<CorpusLensApi>(EXTENSION_ID);
    assert.ok(ext);
    const api = await ext.activate(); // rejects if activate() throws
    assert.strictEqual(ext.isActive, true);
    assert.ok(api && typeof api === 'object', 'activate() should return an API object');
    assert.strictEqual(typeof api.diagnostics.get, 'function', 'the API should expose its diagnostic collection');
    assert.strictEqual(typeof api.whenIdle, 'function', 'the API should say when the index is current');
    assert.strictEqual(typeof api.onDidUpdateFindings, 'function', 'the API should announce published findings');
    await api.whenIdle(); // the background index finishes
  });

  test('its commands are registered', async () => {
    const commands = await vscode.commands.getCommands(true);
    for (const id of ['corpusLens.scanWorkspace', 'corpusLens.cancelIndexing', 'corpusLens.openCopy']) {
      assert.ok(commands.includes(id), `${id} is not registered`);
    }
  });
});
