// The extension in a workspace of two folders (north, south; south's settings leave out its drafts/ folder),
// opened in Restricted Mode: as package.json's capabilities say, nothing is indexed in the background until
// "Scan Workspace", which then indexes both folders; tagging every occurrence reaches the corpus files of both
// folders and leaves alone the file that the south folder's settings exclude.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { parse } from 'yaml';
import type { CorpusLensApi } from '../../../src/extension';
import { activateExtension } from '../helpers';

function folderUri(name: string, rel: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.find((f) => f.name === name);
  assert.ok(folder, `no workspace folder ${name}`);
  return vscode.Uri.joinPath(folder.uri, ...rel.split('/'));
}

const CORPUS = [['north', 'ferry-notice.txt'], ['north', 'quay-works.txt'], ['south', 'market-day.txt']] as const;
const DRAFT = ['south', 'drafts/unfinished.txt'] as const;

async function entityQuotes(uri: vscode.Uri): Promise<string[] | undefined> {
  const bytes = await vscode.workspace.fs.readFile(uri.with({ path: `${uri.path}.annotations.yaml` })).then((b) => b, () => undefined);
  return bytes && (parse(new TextDecoder().decode(bytes)).annotations as { kind: string; quote: string }[]).filter((a) => a.kind === 'entity').map((a) => a.quote);
}

suite('two folders in Restricted Mode', () => {
  let api: CorpusLensApi;

  suiteSetup(async () => {
    api = await activateExtension();
  });

  test('the workspace is untrusted and has two folders, and nothing is indexed in the background', async () => {
    assert.strictEqual(vscode.workspace.isTrusted, false);
    assert.deepStrictEqual(vscode.workspace.workspaceFolders?.map((f) => f.name), ['north', 'south']);
    await api.whenIdle();
    for (const [folder, rel] of CORPUS) {
      assert.deepStrictEqual(api.diagnostics.get(folderUri(folder, rel)) ?? [], [], `${folder}/${rel} has findings before any scan`);
    }
  });

  test('Scan Workspace indexes both folders, each with its own settings', async () => {
    await vscode.commands.executeCommand('corpusLens.scanWorkspace');
    await api.whenIdle();
    for (const [folder, rel] of CORPUS) {
      const codes = (api.diagnostics.get(folderUri(folder, rel)) ?? []).map((d) => d.code);
      assert.ok(codes.includes('boilerplate.sign-up'), `${folder}/${rel}: ${codes.join(', ')}`);
    }
    assert.deepStrictEqual(api.diagnostics.get(folderUri(...DRAFT)) ?? [], [], 'the excluded draft is not indexed');
  });

  test('tagging every occurrence in the corpus reaches both folders and leaves the excluded file alone', async () => {
    await vscode.window.showTextDocument(folderUri('north', 'ferry-notice.txt'));
    const result = await vscode.commands.executeCommand<{ matches: number; tagged: { uri: string }[] }>('corpusLens.tagAllInCorpus', {
      text: 'Pellowen', kind: 'entity', label: 'location', skip: [],
    });
    assert.strictEqual(result.matches, 3);
    for (const [folder, rel] of CORPUS) {
      assert.deepStrictEqual(await entityQuotes(folderUri(folder, rel)), ['Pellowen'], `${folder}/${rel}`);
    }
    assert.strictEqual(await entityQuotes(folderUri(...DRAFT)), undefined, 'no sidecar for the excluded draft');
  });
});
