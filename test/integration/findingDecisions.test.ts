// Decisions that reach past one finding, in the real editor, on the decisions/ files of the fixture: "Not
// boilerplate in any file" and "Confirm in every file" on a line the three files share (closed files included,
// after a re-scan, and after a closed file changed on disk); on a duplicate, opening the other copy, keeping one
// copy (the other copy's finding says so) and marking the other as the duplicate (faded); the Duplicates view and
// the report showing those decisions (a kept copy named, a dismissed passage gone); Undo Last Tag taking back a
// decision and "decide in every file" in every file it reached; and the source fix-all that confirms a file's
// boilerplate.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { parse } from 'yaml';
import type { CorpusLensApi } from '../../src/extension';
import type { ViewNode } from '../../src/vscode/views/nodes';
import { activateExtension, corpusDiagnostics, deleteSidecars, findingsUpdated, fixtureUri, waitFor } from './helpers';

const TIDES = fixtureUri('decisions/marrowby-tides.txt');
const SLIPWAY = fixtureUri('decisions/marrowby-slipway.txt');
const WALKERS = fixtureUri('decisions/gull-island-walkers.txt');
const FILES = [TIDES, SLIPWAY, WALKERS];
const REPEATED = 'boilerplate.repeated-across-files';
const DUPLICATE = 'duplicate.cross-file';
const SHARED_LINE = 'Read more stories from the coast in our weekly round-up.';

interface StoredDecision { kind: string; quote: string; attributes?: { status?: string; code?: string } }

const sidecarOf = (uri: vscode.Uri) => uri.with({ path: `${uri.path}.annotations.yaml` });

async function decisions(uri: vscode.Uri): Promise<StoredDecision[]> {
  const bytes = await vscode.workspace.fs.readFile(sidecarOf(uri)).then((b) => b, () => undefined);
  return bytes ? (parse(new TextDecoder().decode(bytes)).annotations as StoredDecision[]).filter((a) => a.kind === 'boilerplate' || a.kind === 'duplicate') : [];
}

const tuple = (r: vscode.Range) => [r.start.line, r.start.character, r.end.line, r.end.character];

async function run(action: vscode.CodeAction | undefined): Promise<unknown> {
  assert.ok(action?.command, 'no such action');
  return vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
}

async function quickFixes(uri: vscode.Uri, range: vscode.Range): Promise<vscode.CodeAction[]> {
  return vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range, vscode.CodeActionKind.QuickFix.value);
}

suite('decisions about findings beyond one finding', () => {
  let api: CorpusLensApi;
  const repeatedShown = () => FILES.every((u) => corpusDiagnostics(api, u, REPEATED).length === 1);

  suiteSetup(async () => {
    api = await activateExtension();
    await api.whenIdle();
  });

  teardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await deleteSidecars(api, FILES);
    if (!repeatedShown()) {
      await waitFor(api.onDidUpdateFindings, () => repeatedShown(), 'the shared line shown again in every file');
    }
    await api.whenIdle();
  });

  test('"Not boilerplate in any file" hides the line in every file, closed ones too, also after a re-scan; "Confirm in every file" shows it again', async () => {
    await vscode.window.showTextDocument(TIDES);
    await api.whenIdle();
    assert.ok(repeatedShown(), 'the shared line is a finding in each of the three files');
    const [finding] = corpusDiagnostics(api, TIDES, REPEATED);
    const fixes = await quickFixes(TIDES, finding.range);
    const titles = fixes.map((a) => a.title);
    for (const t of ['Not boilerplate', 'Confirm as boilerplate', 'Not boilerplate in any file', 'Confirm as boilerplate in every file']) {
      assert.ok(titles.includes(t), `no "${t}" in ${titles.join(', ')}`);
    }
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === SLIPWAY.toString() || d.uri.toString() === WALKERS.toString()),
      'the other two files are not open');
    const result = await run(fixes.find((a) => a.title === 'Not boilerplate in any file')) as { lines: number; files: number };
    assert.deepStrictEqual(result, { lines: 3, files: 3 });
    await api.whenIdle();
    for (const uri of FILES) {
      assert.deepStrictEqual(corpusDiagnostics(api, uri, REPEATED), [], uri.path);
      assert.deepStrictEqual((await decisions(uri)).map((d) => [d.quote, d.attributes]), [[SHARED_LINE, { status: 'dismissed', code: 'boilerplate.*' }]], uri.path);
    }
    assert.ok(corpusDiagnostics(api, WALKERS, 'boilerplate.sign-up').length === 1, 'other lines are still shown');

    await vscode.commands.executeCommand('corpusLens.scanWorkspace');
    await api.whenIdle();
    for (const uri of FILES) { assert.deepStrictEqual(corpusDiagnostics(api, uri, REPEATED), [], `${uri.path} after a re-scan`); }

    // The finding is hidden now, so the corpus-wide confirmation goes through its command with the finding's range.
    const confirmed = await vscode.commands.executeCommand('corpusLens.confirmEverywhere', {
      uri: TIDES.toString(), code: REPEATED, range: [finding.range.start.line, finding.range.start.character, finding.range.end.line, finding.range.end.character],
    });
    assert.deepStrictEqual(confirmed, { lines: 3, files: 3 });
    await api.whenIdle();
    assert.ok(repeatedShown(), 'shown again in every file');
    for (const uri of FILES) {
      assert.deepStrictEqual((await decisions(uri)).map((d) => d.attributes?.status), ['confirmed'], uri.path);
    }
  });

  test('a dismissal in a closed file still holds after the file changes on disk (its decisions are placed in the new text)', async () => {
    await vscode.window.showTextDocument(TIDES);
    await api.whenIdle();
    const [finding] = corpusDiagnostics(api, TIDES, REPEATED);
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === WALKERS.toString()), 'the walkers file is not open');
    assert.deepStrictEqual(await run((await quickFixes(TIDES, finding.range)).find((a) => a.title === 'Not boilerplate in any file')), { lines: 3, files: 3 });
    await api.whenIdle();
    assert.deepStrictEqual(corpusDiagnostics(api, WALKERS, REPEATED), []);
    const [signUp] = corpusDiagnostics(api, WALKERS, 'boilerplate.sign-up');
    const original = await vscode.workspace.fs.readFile(WALKERS);
    try {
      // Lines are added at the top while the file is closed: every finding moves down. Twice, because the first
      // change may reach the extension before the watcher's report of the sidecar written above, whose reading
      // takes the new text in anyway; the second is the file alone changing.
      for (const added of [1, 2]) {
        const moved = waitFor(api.onDidUpdateFindings, () => {
          const shifted = corpusDiagnostics(api, WALKERS, 'boilerplate.sign-up')[0]?.range.start.line === signUp.range.start.line + added;
          return shifted && corpusDiagnostics(api, WALKERS, REPEATED).length === 0;
        }, `the walkers file's findings in its new text (${added} lines added), the dismissed line still hidden`);
        const text = `${'Updated at noon.\n'.repeat(added)}${new TextDecoder().decode(original)}`;
        await vscode.workspace.fs.writeFile(WALKERS, new TextEncoder().encode(text));
        await moved;
        await api.whenIdle();
        assert.deepStrictEqual(corpusDiagnostics(api, WALKERS, REPEATED), [], 'still hidden once everything settled');
      }
    } finally {
      const restored = findingsUpdated(api, WALKERS);
      await vscode.workspace.fs.writeFile(WALKERS, original);
      await restored;
    }
  });

  test('on a duplicate: open the other copy, keep one copy (the other says so), and mark the other as the duplicate (faded)', async () => {
    await vscode.window.showTextDocument(TIDES);
    await api.whenIdle();
    const [tidesCopy] = corpusDiagnostics(api, TIDES, DUPLICATE);
    assert.ok(tidesCopy, 'no duplicate finding in marrowby-tides.txt');
    const fixes = await quickFixes(TIDES, tidesCopy.range);
    const open = fixes.find((a) => a.title.startsWith('Open the other copy'));
    assert.strictEqual(open?.title, 'Open the other copy (marrowby-slipway.txt line 5)');
    assert.ok(fixes.some((a) => a.title === 'Mark this copy as the duplicate'));
    const opened = waitFor(vscode.window.onDidChangeActiveTextEditor, (e) => e?.document.uri.toString() === SLIPWAY.toString(), 'the other copy opened');
    await run(open);
    const other = await opened;
    assert.deepStrictEqual(other?.selection.start.line, 4);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');

    const editor = await vscode.window.showTextDocument(TIDES);
    assert.strictEqual(await run((await quickFixes(TIDES, tidesCopy.range)).find((a) => a.title === 'Keep this copy')), true);
    await api.whenIdle();
    const [kept] = corpusDiagnostics(api, TIDES, DUPLICATE);
    assert.strictEqual(kept.severity, vscode.DiagnosticSeverity.Hint, 'the kept copy is quietened');
    assert.ok(kept.message.endsWith('(this copy is kept)'), kept.message);
    const [slipwayCopy] = corpusDiagnostics(api, SLIPWAY, DUPLICATE);
    assert.ok(slipwayCopy.message.endsWith('(the copy in marrowby-tides.txt line 7 is kept)'), slipwayCopy.message);
    assert.strictEqual(slipwayCopy.tags, undefined);

    assert.strictEqual(await run((await quickFixes(SLIPWAY, slipwayCopy.range)).find((a) => a.title === 'Mark this copy as the duplicate')), true);
    await api.whenIdle();
    const [marked] = corpusDiagnostics(api, SLIPWAY, DUPLICATE);
    assert.deepStrictEqual(marked.tags, [vscode.DiagnosticTag.Unnecessary]);
    assert.ok(marked.message.endsWith('(marked as the duplicate; the copy in marrowby-tides.txt line 7 is kept)'), marked.message);
    assert.deepStrictEqual((await decisions(TIDES)).map((d) => [d.kind, d.attributes]), [['duplicate', { status: 'kept', code: DUPLICATE }]]);
    assert.deepStrictEqual((await decisions(SLIPWAY)).map((d) => [d.kind, d.attributes]), [['duplicate', { status: 'confirmed', code: DUPLICATE }]]);

    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', TIDES, tidesCopy.range.start.translate(0, 3));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.ok(text.includes('this copy is kept'), text);
    assert.ok(editor.document.uri.toString() === TIDES.toString());
  });

  test('"decide in every file" is one step of Undo Last Tag: taken back in every file, a decision it changed gets its earlier status', async () => {
    await vscode.window.showTextDocument(TIDES);
    await api.whenIdle();
    const [finding] = corpusDiagnostics(api, TIDES, REPEATED);
    const args = { uri: TIDES.toString(), code: REPEATED, range: tuple(finding.range) };
    const statuses = async () => Promise.all(FILES.map(async (u) => (await decisions(u)).map((d) => d.attributes?.status)));
    assert.deepStrictEqual(await vscode.commands.executeCommand('corpusLens.confirmEverywhere', args), { lines: 3, files: 3 });
    assert.deepStrictEqual(await vscode.commands.executeCommand('corpusLens.dismissEverywhere', args), { lines: 3, files: 3 });
    await api.whenIdle();
    assert.deepStrictEqual(await statuses(), [['dismissed'], ['dismissed'], ['dismissed']]);
    assert.ok(FILES.every((u) => corpusDiagnostics(api, u, REPEATED).length === 0), 'hidden in every file');
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === WALKERS.toString()), 'the walkers file is not open');

    assert.strictEqual(vscode.window.activeTextEditor?.document.uri.toString(), TIDES.toString());
    assert.strictEqual(await vscode.commands.executeCommand('corpusLens.undoTag'), true);
    await api.whenIdle();
    assert.deepStrictEqual(await statuses(), [['confirmed'], ['confirmed'], ['confirmed']], 'the dismissal taken back: confirmed again');
    assert.ok(repeatedShown(), 'shown again in every file');
    assert.strictEqual(await vscode.commands.executeCommand('corpusLens.undoTag'), true);
    await api.whenIdle();
    assert.deepStrictEqual(await statuses(), [[], [], []], 'the confirmation taken back: no decision left');
    assert.ok(repeatedShown());
    assert.strictEqual(await vscode.commands.executeCommand('corpusLens.undoTag'), false, 'nothing left to undo');
  });

  test('the Duplicates view and the report name a kept copy, leave out a dismissed passage, and show it again when the dismissal is undone', async () => {
    await vscode.window.showTextDocument(TIDES);
    await api.whenIdle();
    const [tidesCopy] = corpusDiagnostics(api, TIDES, DUPLICATE);
    const args = { uri: TIDES.toString(), code: DUPLICATE, range: tuple(tidesCopy.range) };
    const tree = api.views.duplicates as unknown as vscode.TreeDataProvider<ViewNode>;
    const nodes = async (node?: ViewNode) => ((await tree.getChildren(node)) ?? []) as ViewNode[];
    const describe = (node: ViewNode) => {
      const item = tree.getTreeItem(node) as vscode.TreeItem;
      return `${typeof item.label === 'string' ? item.label : item.label?.label} | ${item.description}`;
    };
    const ours = async () => (await nodes()).filter((n) => n.type === 'group' && n.group.files.some((f) => f.path === 'decisions/marrowby-tides.txt'));
    type Model = { groups: { files: { path: string }[]; kept: string[]; marked: string[] }[] };
    const reported = async () => (await vscode.commands.executeCommand<Model>('corpusLens.showReport')).groups
      .filter((g) => g.files.some((f) => f.path === 'decisions/marrowby-tides.txt'))
      .map((g) => ({ files: g.files.map((f) => f.path), kept: g.kept, marked: g.marked }));
    const paths = ['decisions/marrowby-slipway.txt', 'decisions/marrowby-tides.txt'];
    const passages = async () => {
      const [group] = await ours();
      const [pair] = await nodes(group);
      return (await nodes(pair)).map(describe);
    };

    assert.strictEqual((await ours()).length, 1);
    assert.deepStrictEqual(await passages(), ['marrowby-slipway.txt line 5 = marrowby-tides.txt line 7 | 205 characters']);
    assert.deepStrictEqual(await reported(), [{ files: paths, kept: [], marked: [] }]);

    assert.strictEqual(await vscode.commands.executeCommand('corpusLens.keepCopy', args), true);
    await api.whenIdle();
    assert.deepStrictEqual(await passages(), ['marrowby-slipway.txt line 5 = marrowby-tides.txt line 7 | 205 characters · marrowby-tides.txt kept']);
    assert.match(describe((await ours())[0]), / · marrowby-tides\.txt kept$/);
    assert.deepStrictEqual(await reported(), [{ files: paths, kept: ['decisions/marrowby-tides.txt'], marked: [] }]);

    await vscode.window.showTextDocument(TIDES);
    assert.strictEqual(await vscode.commands.executeCommand('corpusLens.dismissFinding', args), true);
    await api.whenIdle();
    assert.deepStrictEqual(await ours(), [], 'the pair shares nothing else: it leaves the view');
    assert.deepStrictEqual(await reported(), [], 'and the report');
    assert.deepStrictEqual(corpusDiagnostics(api, TIDES, DUPLICATE), []);

    await vscode.window.showTextDocument(TIDES);
    assert.strictEqual(await vscode.commands.executeCommand('corpusLens.undoTag'), true);
    await api.whenIdle();
    assert.deepStrictEqual(await passages(), ['marrowby-slipway.txt line 5 = marrowby-tides.txt line 7 | 205 characters · marrowby-tides.txt kept'],
      'undone: kept again');
    assert.deepStrictEqual(await reported(), [{ files: paths, kept: ['decisions/marrowby-tides.txt'], marked: [] }]);
    assert.deepStrictEqual((await decisions(TIDES)).map((d) => [d.kind, d.attributes]), [['duplicate', { status: 'kept', code: DUPLICATE }]]);
  });

  test('the source fix-all action confirms every boilerplate finding of the file that has no decision yet', async () => {
    await vscode.window.showTextDocument(WALKERS);
    await api.whenIdle();
    const findings = corpusDiagnostics(api, WALKERS).filter((d) => String(d.code).startsWith('boilerplate.'));
    assert.strictEqual(findings.length, 3);
    const all = new vscode.Range(0, 0, 100, 0);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', WALKERS, all, 'source.fixAll.corpusLens');
    const fixAll = actions.find((a) => a.kind?.value === 'source.fixAll.corpusLens');
    assert.strictEqual(fixAll?.title, 'Confirm all boilerplate in this file');
    assert.strictEqual(await run(fixAll), 3);
    assert.deepStrictEqual((await decisions(WALKERS)).map((d) => d.attributes).sort((a, b) => String(a?.code).localeCompare(String(b?.code))), [
      { status: 'confirmed', code: 'boilerplate.navigation' }, { status: 'confirmed', code: REPEATED },
      { status: 'confirmed', code: 'boilerplate.sign-up' },
    ]);
    assert.strictEqual(await vscode.commands.executeCommand('corpusLens.confirmAllBoilerplate', { uri: WALKERS.toString() }), 0, 'nothing left to confirm');
    const again = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', WALKERS, all, 'source.fixAll.corpusLens');
    assert.deepStrictEqual(again.map((a) => a.title), [], 'not offered once every finding is decided');
    const quick = await quickFixes(WALKERS, findings[0].range);
    assert.ok(!quick.some((a) => a.kind?.value === 'source.fixAll.corpusLens'), 'not offered among the quick fixes');
  });

  test('"Confirm all boilerplate in this file" on a file that is not open confirms its findings under the default diagnostics scope', async () => {
    // A file written here and never opened, so that no document of it lingers in the editor.
    const closed = fixtureUri('decisions/quay-notice.txt');
    const text = 'Quay notice\n\nThe east quay will be resurfaced in May, and boats are asked to moor at the north wall.\n\n'
      + 'Sign up for our newsletter to get the latest news in your inbox.\n\nShare this article on Facebook, Twitter and email.\n';
    const config = vscode.workspace.getConfiguration('corpusLens');
    const boilerplate = () => corpusDiagnostics(api, closed).filter((d) => String(d.code).startsWith('boilerplate.'));
    try {
      const shown = waitFor(api.onDidUpdateFindings, () => boilerplate().length > 0, 'the new file\'s boilerplate shown');
      await vscode.workspace.fs.writeFile(closed, new TextEncoder().encode(text));
      await shown;
      await api.whenIdle();
      const expected = boilerplate().length;
      const withdrawn = waitFor(api.onDidUpdateFindings, () => corpusDiagnostics(api, closed).length === 0, 'the closed file withdrawn');
      await config.update('diagnostics.scope', undefined, vscode.ConfigurationTarget.Workspace);
      await withdrawn;
      assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === closed.toString()), 'the file is not open');
      assert.strictEqual(await vscode.commands.executeCommand('corpusLens.confirmAllBoilerplate', { uri: closed.toString() }), expected);
      const stored = await decisions(closed);
      assert.strictEqual(stored.filter((d) => d.attributes?.status === 'confirmed').length, expected);
    } finally {
      const settled = waitFor(api.onDidUpdateFindings, () => FILES.every((u) => corpusDiagnostics(api, u).length > 0)
        && corpusDiagnostics(api, closed).length === 0, 'published again without the new file');
      await config.update('diagnostics.scope', 'workspace', vscode.ConfigurationTarget.Workspace);
      await vscode.workspace.fs.delete(sidecarOf(closed)).then(() => undefined, () => undefined);
      await vscode.workspace.fs.delete(closed).then(() => undefined, () => undefined);
      await settled;
      await api.whenIdle();
    }
  });
});
