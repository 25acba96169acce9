// The Corpus Lens views in the real editor, on the fixture: the Files view lists every corpus file with its shares,
// copies and tags, sorted and filtered; the Duplicates view groups harbour-ferry.txt and island-school-run.txt
// with the passage they share, and selecting it opens both copies side by side at that passage; the Entities and
// Claims views list the tags of sidecars written here, selecting a mention selects its text, and renaming an entity
// rewrites every sidecar that mentions it; an invalid sidecar gives its file a problem badge; the report counts
// the same. The sidecars are removed afterwards. Tags another suite left in an editor's session (of
// river-cleanup.txt, until its document is closed) are left out of the assertions: only this suite's files count.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { parse } from 'yaml';
import type { CorpusLensApi } from '../../src/extension';
import type { ViewNode } from '../../src/vscode/views/nodes';
import { activateExtension, findingsUpdated, fixtureUri, rangeOf, waitFor } from './helpers';

const HARBOUR = 'harbour-ferry.txt';
const ISLAND = 'island-school-run.txt';
const ORCHARD = 'orchard-harvest.txt';
const COUNCIL = 'The island council';
const CLAIM = 'The operator expects the first summer crossings to sell out';

const sidecarOf = (uri: vscode.Uri) => uri.with({ path: `${uri.path}.annotations.yaml` });

async function textOf(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

/** A sidecar tagging `tags` (quote, kind, label, attributes) of the file's text, at the quotes' first places. */
async function writeSidecar(uri: vscode.Uri, tags: { id: string; quote: string; kind: string; label?: string; attributes: Record<string, string> }[]): Promise<void> {
  const text = await textOf(uri);
  const lines = ['version: 1', `source: ${uri.path.slice(uri.path.lastIndexOf('/') + 1)}`, 'annotations:'];
  for (const t of tags) {
    const start = text.indexOf(t.quote);
    assert.ok(start >= 0, `"${t.quote}" is not in ${uri.path}`);
    lines.push(`  - id: ${t.id}`, `    kind: ${t.kind}`, ...(t.label ? [`    label: ${t.label}`] : []), `    quote: ${JSON.stringify(t.quote)}`,
      `    start: ${start}`, `    end: ${start + t.quote.length}`, `    attributes: ${JSON.stringify(t.attributes)}`);
  }
  await vscode.workspace.fs.writeFile(sidecarOf(uri), new TextEncoder().encode(lines.join('\n') + '\n'));
}

/** Writes sidecars and waits until the tag index has read every one of them. */
async function writeAndWait(api: CorpusLensApi, writes: [vscode.Uri, () => Promise<void>][]): Promise<void> {
  const waiting = new Set(writes.map(([u]) => u.toString()));
  const read = waitFor(api.views.tags.onDidChange, (uris) => { for (const u of uris) { waiting.delete(u); } return waiting.size === 0; },
    `the tag index to read ${[...waiting].join(', ')}`);
  for (const [, write] of writes) { await write(); }
  await read;
  await api.views.tags.whenIdle();
}

function labels(api: CorpusLensApi, provider: keyof CorpusLensApi['views'], node?: ViewNode): string[] {
  const p = api.views[provider] as unknown as vscode.TreeDataProvider<ViewNode>;
  return (p.getChildren(node) as ViewNode[]).filter(ours).map((n) => {
    const item = p.getTreeItem(n) as vscode.TreeItem;
    const label = typeof item.label === 'string' ? item.label : item.label?.label;
    return item.description ? `${label} | ${item.description}` : `${label}`;
  });
}

/**
 * The views' items of this suite's files (and items that belong to no file). Files in sub-folders of the fixture
 * workspace belong to other suites (decisions/ holds a duplicated pair of its own), so groups of them are not ours.
 */
const ours = (n: ViewNode) => n.type === 'group' ? n.group.files.every((f) => !f.path.includes('/'))
  : !('uri' in n) || [fixtureUri(HARBOUR), fixtureUri(ISLAND), fixtureUri(ORCHARD)].some((u) => u.toString() === n.uri);
const topLevel = (path: string) => !path.includes('/');

function children(api: CorpusLensApi, provider: keyof CorpusLensApi['views'], node?: ViewNode): ViewNode[] {
  return ((api.views[provider] as unknown as vscode.TreeDataProvider<ViewNode>).getChildren(node) as ViewNode[]);
}

/** Runs an item's command, as selecting it in the view does. */
async function select(api: CorpusLensApi, provider: keyof CorpusLensApi['views'], node: ViewNode): Promise<unknown> {
  const item = (api.views[provider] as unknown as vscode.TreeDataProvider<ViewNode>).getTreeItem(node) as vscode.TreeItem;
  assert.ok(item.command, 'the item has no command');
  return vscode.commands.executeCommand(item.command.command, ...(item.command.arguments ?? []));
}

suite('views', () => {
  let api: CorpusLensApi;
  const harbour = fixtureUri(HARBOUR);
  const island = fixtureUri(ISLAND);
  const orchard = fixtureUri(ORCHARD);

  suiteSetup(async () => {
    api = await activateExtension();
    await api.whenIdle();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await writeAndWait(api, [
      [harbour, () => writeSidecar(harbour, [
        { id: 'hcounc', quote: COUNCIL, kind: 'entity', label: 'organization', attributes: { canonical: 'Island Council' } },
        { id: 'hclaim', quote: CLAIM, kind: 'claim', attributes: { speaker: 'the operator', status: 'unverified' } },
      ])],
      [island, () => writeSidecar(island, [
        { id: 'icounc', quote: COUNCIL, kind: 'entity', label: 'organization', attributes: { canonical: 'Island Council' } },
        { id: 'iriver', quote: 'RIVERTON', kind: 'entity', label: 'location', attributes: { canonical: 'Riverton' } },
        { id: 'iclaim', quote: 'It means my two can have breakfast at the table again', kind: 'claim', attributes: { speaker: 'one mother', status: 'supported' } },
      ])],
    ]);
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const u of [harbour, island, orchard]) { await vscode.workspace.fs.delete(sidecarOf(u)).then(undefined, () => undefined); }
  });

  test('the Files view lists every corpus file by name with its shares, copies and tags', async () => {
    const expected = (await vscode.workspace.findFiles('**/*.txt')).map((u) => vscode.workspace.asRelativePath(u, false)).sort();
    const listed = children(api, 'files');
    assert.deepStrictEqual(listed.map((n) => (n.type === 'file' ? n.row.path : n.type)), expected);
    const row = api.views.files.row(harbour.toString());
    assert.ok(row);
    const stored = api.diagnostics.get(harbour) ?? [];
    assert.ok(stored.length > 0);
    assert.strictEqual(row.copies, 1);
    assert.strictEqual(row.tags, 2);
    assert.match(labels(api, 'files').find((l) => l.startsWith(`${HARBOUR} |`)) ?? '', /^harbour-ferry\.txt \| \d+% boilerplate · \d+% duplicated · 1 copy · 2 tags$/);
    // The tooltip is plain text (VS Code's host lexes a MarkdownString tooltip as Markdown for every item it sends).
    const node = listed.find((n) => n.type === 'file' && n.row.path === HARBOUR);
    assert.ok(node);
    const tooltip = api.views.files.getTreeItem(node).tooltip;
    assert.strictEqual(tooltip, `${HARBOUR}\n${labels(api, 'files').find((l) => l.startsWith(`${HARBOUR} |`))?.split(' | ')[1]}`);
  });

  test('the Files view sorts by tags and filters to the files that share passages', async () => {
    try {
      await vscode.commands.executeCommand('corpusLens.sortFiles', 'tags');
      const paths = children(api, 'files').map((n) => (n.type === 'file' ? n.row.path : ''));
      assert.deepStrictEqual(paths.slice(0, 2), [ISLAND, HARBOUR]);
      const tags = children(api, 'files').map((n) => (n.type === 'file' ? n.row.tags : -1));
      assert.ok(tags.every((t, i) => i === 0 || tags[i - 1] >= t), `not by tags: ${tags.join(', ')}`);
      await vscode.commands.executeCommand('corpusLens.filterFiles', 'duplicated');
      assert.deepStrictEqual(children(api, 'files').map((n) => (n.type === 'file' ? n.row.path : '')).filter(topLevel), [ISLAND, HARBOUR]);
    } finally {
      await vscode.commands.executeCommand('corpusLens.sortFiles', 'name');
      await vscode.commands.executeCommand('corpusLens.filterFiles', 'all');
    }
  });

  test('a file\'s children are its tags, then its findings; selecting a finding selects its range', async () => {
    const node = children(api, 'files').find((n) => n.type === 'file' && n.row.path === HARBOUR);
    assert.ok(node);
    const kids = children(api, 'files', node);
    assert.deepStrictEqual(kids.map((k) => k.type), ['tag', 'tag', 'finding', 'finding', 'finding']);
    const dup = kids.find((k) => k.type === 'finding' && k.code === 'duplicate.cross-file');
    assert.ok(dup);
    await select(api, 'files', dup);
    const editor = vscode.window.activeTextEditor;
    assert.strictEqual(editor?.document.uri.toString(), harbour.toString());
    assert.strictEqual(rangeOf({ range: editor.selection }), '8:0-8:238');
  });

  test('the Duplicates view groups the two copies with the passage they share, and opens both side by side', async () => {
    await api.views.duplicates.groups(); // built a slice at a time; then the view answers at once
    const groups = children(api, 'duplicates').filter(ours);
    assert.strictEqual(groups.length, 1);
    assert.deepStrictEqual(labels(api, 'duplicates').map((l) => l.replace(/ · .*/, '')), [`${HARBOUR}, ${ISLAND} | 2 files`]);
    const [pair] = children(api, 'duplicates', groups[0]);
    const pairs = labels(api, 'duplicates', groups[0]);
    assert.strictEqual(pairs.length, 1);
    assert.match(pairs[0], new RegExp(`^${HARBOUR} ↔ ${ISLAND} \\| (\\d+% similar · )?1 passage$`));
    const [passage] = children(api, 'duplicates', pair);
    assert.deepStrictEqual(labels(api, 'duplicates', pair), [`${HARBOUR} line 9 = ${ISLAND} line 9 | 238 characters`]);
    await select(api, 'duplicates', passage);
    const byColumn = (c: vscode.ViewColumn) => vscode.window.visibleTextEditors.find((e) => e.viewColumn === c);
    assert.strictEqual(byColumn(vscode.ViewColumn.One)?.document.uri.toString(), harbour.toString());
    assert.strictEqual(byColumn(vscode.ViewColumn.Two)?.document.uri.toString(), island.toString());
    assert.strictEqual(rangeOf({ range: byColumn(vscode.ViewColumn.One)!.selection }), '8:0-8:238');
    assert.strictEqual(rangeOf({ range: byColumn(vscode.ViewColumn.Two)!.selection }), '8:0-8:238');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('the Entities view lists entities by label, canonical name and mention; selecting a mention selects its text', async () => {
    assert.deepStrictEqual(labels(api, 'entities'), ['location | 1 mention', 'organization | 2 mentions']);
    const [, organization] = children(api, 'entities');
    assert.deepStrictEqual(labels(api, 'entities', organization), ['Island Council | 2 mentions in 2 files']);
    const [council] = children(api, 'entities', organization);
    assert.deepStrictEqual(labels(api, 'entities', council), [`${COUNCIL} | ${HARBOUR}`, `${COUNCIL} | ${ISLAND}`]);
    const mention = children(api, 'entities', council)[1];
    await select(api, 'entities', mention);
    const editor = vscode.window.activeTextEditor;
    assert.strictEqual(editor?.document.uri.toString(), island.toString());
    assert.strictEqual(editor.document.getText(editor.selection), COUNCIL);
    assert.strictEqual(rangeOf({ range: editor.selection }), '8:0-8:18');
  });

  test('the Claims view lists claims with speaker and status, and filters them by status', async () => {
    try {
      assert.deepStrictEqual(labels(api, 'claims'), [
        `${CLAIM} | the operator · unverified · ${HARBOUR}`,
        `It means my two can have breakfast at the table again | one mother · supported · ${ISLAND}`,
      ]);
      await vscode.commands.executeCommand('corpusLens.filterClaims', ['supported']);
      assert.deepStrictEqual(labels(api, 'claims').map((l) => l.split(' | ')[0]), ['It means my two can have breakfast at the table again']);
    } finally {
      await vscode.commands.executeCommand('corpusLens.filterClaims', []);
    }
    assert.strictEqual(children(api, 'claims').filter(ours).length, 2);
  });

  test('renaming an entity rewrites every sidecar that mentions it, and the view follows', async () => {
    const result = await vscode.commands.executeCommand<{ mentions: number; files: number }>('corpusLens.renameEntity',
      { label: 'organization', canonical: 'Island Council', newName: 'Riverton Island Council' });
    assert.deepStrictEqual([result.mentions, result.files], [2, 2]);
    for (const [uri, id] of [[harbour, 'hcounc'], [island, 'icounc']] as const) {
      const data = parse(await textOf(sidecarOf(uri))) as { annotations: { id: string; attributes: Record<string, string> }[] };
      assert.strictEqual(data.annotations.find((a) => a.id === id)?.attributes.canonical, 'Riverton Island Council', uri.path);
    }
    await api.views.tags.whenIdle();
    const [, organization] = children(api, 'entities');
    assert.deepStrictEqual(labels(api, 'entities', organization), ['Riverton Island Council | 2 mentions in 2 files']);
  });

  test('an invalid sidecar gives its file a problem in the Files view, and the report counts files, groups and tags', async () => {
    const broken = new TextEncoder().encode('version: 1\nannotations: [oops\n');
    await writeAndWait(api, [[orchard, async () => { await vscode.workspace.fs.writeFile(sidecarOf(orchard), broken); }]]);
    assert.strictEqual(api.views.files.row(orchard.toString())?.invalid, true);
    await vscode.commands.executeCommand('corpusLens.filterFiles', 'sidecarProblems');
    const problems = children(api, 'files').map((n) => (n.type === 'file' ? n.row.path : ''));
    await vscode.commands.executeCommand('corpusLens.filterFiles', 'all');
    assert.deepStrictEqual(problems, [ORCHARD]);
    type Model = { files: number; groups: { files: { path: string }[] }[]; tagsByLabel: { label: string; count: number }[]; tagsByFile: { path: string; count: number }[] };
    const model = await vscode.commands.executeCommand<Model>('corpusLens.showReport');
    assert.strictEqual(model.files, children(api, 'files').length);
    assert.deepStrictEqual(model.groups.map((g) => g.files.map((f) => f.path)).filter((paths) => paths.every(topLevel)), [[HARBOUR, ISLAND]]);
    assert.deepStrictEqual(model.tagsByFile.filter((f) => f.path === HARBOUR || f.path === ISLAND).map((f) => [f.path, f.count]), [[ISLAND, 3], [HARBOUR, 2]]);
    const byLabel = new Map(model.tagsByLabel.map((t) => [t.label, t.count]));
    assert.deepStrictEqual([byLabel.get('organization'), byLabel.get('location')], [2, 1]);
    assert.ok((byLabel.get('claim') ?? 0) >= 2);
    assert.ok(api.views.report.webviewPanel, 'the report panel is not open');
  });

  test('merging an entity into another moves its mentions under that one, in the sidecar too', async () => {
    const result = await vscode.commands.executeCommand<{ mentions: number; files: number }>('corpusLens.mergeEntities',
      { label: 'location', canonical: 'Riverton', into: { label: 'organization', canonical: 'Riverton Island Council' } });
    assert.deepStrictEqual([result.mentions, result.files], [1, 1]);
    const data = parse(await textOf(sidecarOf(island))) as { annotations: { id: string; label: string; attributes: Record<string, string> }[] };
    const moved = data.annotations.find((a) => a.id === 'iriver');
    assert.deepStrictEqual([moved?.label, moved?.attributes.canonical], ['organization', 'Riverton Island Council']);
    await api.views.tags.whenIdle();
    assert.deepStrictEqual(labels(api, 'entities'), ['organization | 3 mentions']);
    assert.deepStrictEqual(labels(api, 'entities', children(api, 'entities')[0]), ['Riverton Island Council | 3 mentions in 2 files']);
  });

  test('dismissing a boilerplate finding from its item (as the context menu does) takes it out of the file\'s children', async () => {
    const file = () => children(api, 'files').find((n) => n.type === 'file' && n.row.path === HARBOUR)!;
    const codes = () => children(api, 'files', file()).flatMap((k) => (k.type === 'finding' ? [k.code] : []));
    assert.deepStrictEqual(codes(), ['boilerplate.navigation', 'duplicate.cross-file', 'boilerplate.sign-up']);
    const nav = children(api, 'files', file()).find((k) => k.type === 'finding' && k.code === 'boilerplate.navigation');
    assert.ok(nav);
    assert.strictEqual(await vscode.commands.executeCommand('corpusLens.dismissFinding', nav), true);
    assert.deepStrictEqual(codes(), ['duplicate.cross-file', 'boilerplate.sign-up']);
  });

  test('removing a tag from its item (as the context menu does) takes it out of the sidecar and the Claims view', async () => {
    const claim = children(api, 'claims').find((n) => n.type === 'tag' && n.id === 'hclaim');
    assert.ok(claim);
    assert.strictEqual(await vscode.commands.executeCommand('corpusLens.removeTag', claim), true);
    const data = parse(await textOf(sidecarOf(harbour))) as { annotations: { id: string }[] };
    assert.ok(!data.annotations.some((a) => a.id === 'hclaim'));
    await api.views.tags.whenIdle();
    assert.deepStrictEqual(children(api, 'claims').filter(ours).map((n) => (n.type === 'tag' ? n.id : n.type)), ['iclaim']);
  });

  test('a file\'s context menu re-scans it (its findings come back from the index) and opens its sidecar', async () => {
    const file = children(api, 'files').find((n) => n.type === 'file' && n.row.path === ISLAND);
    assert.ok(file);
    const updated = findingsUpdated(api, island);
    assert.strictEqual(await vscode.commands.executeCommand('corpusLens.rescanFile', file), true);
    await updated;
    await api.whenIdle();
    assert.strictEqual(api.views.files.row(island.toString())?.copies, 1);
    const editor = await vscode.commands.executeCommand<vscode.TextEditor | undefined>('corpusLens.openSidecar', file);
    assert.strictEqual(editor?.document.uri.toString(), sidecarOf(island).toString());
  });
});
