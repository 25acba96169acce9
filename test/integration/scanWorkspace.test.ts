// The "Scan Workspace" command, run on the fixture workspace: short news items that all end with the same
// newsletter sign-up line, which the scan must flag in every file.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { CorpusLensApi } from '../../src/extension';
const EXTENSION_ID = 'corpus-lens.corpus-lens';
const COMMAND = 'corpusLens.scanWorkspace';
const SIGN_UP = 'Sign up for our daily newsletter';

interface Summary {
  files: number;
  findings: number;
}

suite('corpusLens.scanWorkspace', () => {
  let api: CorpusLensApi;
  let txtFiles: vscode.Uri[];

  suiteSetup(async () => {
    const ext = vscode.extensions.getExtension<CorpusLensApi>(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} not found`);
    api = await ext.activate();
    txtFiles = await vscode.workspace.findFiles('**/*.txt');
  });

  test('the command is registered', async () => {
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes(COMMAND), `${COMMAND} is not registered`);
  });

  test('it scans every .txt file and reports the repeated sign-up line', async () => {
    const summary = await vscode.commands.executeCommand<Summary | undefined>(COMMAND);
    assert.ok(summary, 'the command returned no summary');
    assert.strictEqual(typeof summary.files, 'number');
    assert.strictEqual(typeof summary.findings, 'number');
    assert.strictEqual(summary.files, txtFiles.length, 'every .txt file of the workspace should be scanned');
    // The sign-up line stands in every file, so each file has at least that finding.
    assert.ok(summary.findings >= txtFiles.length,
      `expected at least ${txtFiles.length} findings (one sign-up line per file), got ${summary.findings}`);
  });

  test('the findings are published as diagnostics on the sign-up lines', async () => {
    // The previous test ran the scan; run it again so that this test stands alone too.
    await vscode.commands.executeCommand(COMMAND);
    for (const uri of txtFiles) {
      const doc = await vscode.workspace.openTextDocument(uri);
      const line = Array.from({ length: doc.lineCount }, (_, i) => doc.lineAt(i)).find((l) => l.text.startsWith(SIGN_UP));
      assert.ok(line, `${uri.path} has no sign-up line`);
      const fromApi = api.diagnostics.get(uri) ?? [];
      const published = vscode.languages.getDiagnostics(uri);
      assert.ok(fromApi.length > 0, `no findings for ${uri.path}`);
      assert.ok(published.length >= fromApi.length, `the findings for ${uri.path} are not published`);
      assert.ok(fromApi.some((d) => d.range.intersection(line.range) !== undefined),
        `the sign-up line of ${uri.path} is not flagged; findings at lines ${fromApi.map((d) => d.range.start.line).join(', ')}`);
    }
  });
});
