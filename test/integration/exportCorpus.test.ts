// "Corpus Lens: Export Corpus..." in the real extension host, with its picks given as arguments: it runs the export
// in a process of its own and resolves with the summary; the files it names hold one record per exported document.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { ExportSummary } from '../../src/core/export/exportCorpus';
import { activateExtension } from './helpers';

const COMMAND = 'corpusLens.exportCorpus';

suite('corpusLens.exportCorpus', () => {
  let folder: vscode.Uri;

  suiteSetup(async () => {
    await activateExtension();
    const first = vscode.workspace.workspaceFolders?.[0];
    assert.ok(first, 'no workspace folder');
    folder = first.uri;
  });

  test('the command is contributed and registered', async () => {
    assert.ok((await vscode.commands.getCommands(true)).includes(COMMAND));
  });

  test('exports the workspace as cleaned JSON Lines, one record per kept document', async () => {
    const target = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-lens-export-'));
    const summary = await vscode.commands.executeCommand<ExportSummary | undefined>(COMMAND, { folder, format: 'jsonl', target: vscode.Uri.file(target) });
    assert.ok(summary, 'the command returned no summary');
    const records = fs.readFileSync(path.join(target, 'documents.jsonl'), 'utf8').split('\n').filter((l) => l !== '')
      .map((l) => JSON.parse(l) as { id: string; text: string });
    const txt = await vscode.workspace.findFiles('**/*.txt');
    assert.strictEqual(records.length, summary.documents);
    assert.strictEqual(summary.documents + summary.droppedDocuments, txt.length, 'every file is exported or listed as dropped');
    for (const r of records) {
      assert.ok(txt.some((u) => u.path.endsWith(`/${r.id}`)), `${r.id} is a workspace file`);
      assert.ok(r.text.length > 0);
    }
    assert.ok(fs.existsSync(path.join(target, 'removed.jsonl')) && fs.existsSync(path.join(target, 'warnings.jsonl')));
  });

  test('exports the tags as brat standoff with an annotation.conf', async () => {
    const target = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-lens-export-'));
    const summary = await vscode.commands.executeCommand<ExportSummary | undefined>(COMMAND, { folder, format: 'brat', target: vscode.Uri.file(target) });
    assert.ok(summary);
    assert.ok(fs.existsSync(path.join(target, 'annotation.conf')));
    const ann = fs.readdirSync(target, { recursive: true }).map(String).filter((f) => f.endsWith('.ann'));
    assert.strictEqual(ann.length, summary.documents);
  });

  test('refuses a target inside the corpus folder and writes nothing there', async () => {
    const inside = vscode.Uri.joinPath(folder, 'export-here');
    const summary = await vscode.commands.executeCommand<ExportSummary | undefined>(COMMAND, { folder, format: 'jsonl', target: inside });
    assert.strictEqual(summary, undefined);
    assert.ok(!fs.existsSync(inside.fsPath));
  });
});
