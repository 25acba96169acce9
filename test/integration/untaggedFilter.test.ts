// The Files view's filter "with untagged suggestions" in the real editor, on the fixture: "Kestrel Rowing" stands in
// autumn-regatta.txt (twice), marina-slipway.txt and rowing-club-notice.txt. Sidecars written here tag it in
// rowing-club-notice.txt and at its first place in autumn-regatta.txt, and turn it down in marina-slipway.txt, so
// only autumn-regatta.txt holds it untagged (once). Deleting the rejection brings marina-slipway.txt in: the counts
// follow sidecar changes. The sidecars are removed afterwards.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { describeRange } from '../../src/core/anchor/resolve';
import type { CorpusLensApi } from '../../src/extension';
import { activateExtension, fixtureUri, waitFor } from './helpers';

const NAME = 'Kestrel Rowing';
const REGATTA = 'autumn-regatta.txt';
const MARINA = 'marina-slipway.txt';
const NOTICE = 'rowing-club-notice.txt';

const sidecarOf = (uri: vscode.Uri) => uri.with({ path: `${uri.path}.annotations.yaml` });

/** A sidecar with one entity annotation on the first place of NAME in the file, with the attributes given. */
async function writeSidecar(uri: vscode.Uri, attributes: Record<string, string>): Promise<void> {
  const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  const start = text.indexOf(NAME);
  assert.ok(start >= 0, `"${NAME}" is not in ${uri.path}`);
  // With the context an editor's session would give it, so that a session open on the file (earlier suites open
  // these files) holds the annotation unchanged, and deleting the sidecar removes it there too.
  const { prefix, suffix } = describeRange(text, start, start + NAME.length);
  const lines = ['version: 1', `source: ${uri.path.slice(uri.path.lastIndexOf('/') + 1)}`, 'annotations:',
    '  - id: k1', '    kind: entity', '    label: organization', `    quote: ${NAME}`, `    prefix: ${JSON.stringify(prefix)}`,
    `    suffix: ${JSON.stringify(suffix)}`, `    start: ${start}`, `    end: ${start + NAME.length}`, `    attributes: ${JSON.stringify(attributes)}`];
  await vscode.workspace.fs.writeFile(sidecarOf(uri), new TextEncoder().encode(lines.join('\n') + '\n'));
}

/** The Files view's rows as listed, "path | description". */
function listed(api: CorpusLensApi): string[] {
  const p = api.views.files as unknown as vscode.TreeDataProvider<{ type: string }>;
  return (p.getChildren() as { type: string }[]).map((n) => {
    const item = p.getTreeItem(n) as vscode.TreeItem;
    const label = typeof item.label === 'string' ? item.label : item.label?.label;
    return `${label} | ${item.description}`;
  });
}

/**
 * Resolves once the counts say what `expected` says (path -> count), waiting on the count's change events; the
 * counts follow every sidecar change, so each expected state below is reached only once the sidecars were read.
 */
async function counts(api: CorpusLensApi, expected: Record<string, number>): Promise<void> {
  const holds = () => Object.entries(expected).every(([rel, n]) => api.views.untagged.get(fixtureUri(rel).toString()) === n);
  if (!holds()) { await waitFor(api.views.untagged.onDidChange, holds, `untagged counts ${JSON.stringify(expected)}`); }
  await api.views.untagged.whenIdle();
  assert.ok(holds(), `untagged counts ${JSON.stringify(expected)} after the counts settled`);
}

suite('Files view: files with untagged suggestions', () => {
  let api: CorpusLensApi;
  const regatta = fixtureUri(REGATTA);
  const marina = fixtureUri(MARINA);
  const notice = fixtureUri(NOTICE);

  suiteSetup(async () => {
    api = await activateExtension();
    await api.whenIdle();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    // No wait here: the counts awaited below can only be reached once all three sidecars were read.
    await writeSidecar(notice, { canonical: NAME });
    await writeSidecar(regatta, { canonical: NAME });
    await writeSidecar(marina, { status: 'rejected' });
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('corpusLens.filterFiles', 'all');
    // The next suites count tags: wait until the tag index has let go of the two files' tags.
    const tagged = [regatta, notice].filter((u) => (api.views.tags.get(u.toString())?.tags.length ?? 0) > 0).map((u) => u.toString());
    const gone = tagged.length === 0 ? Promise.resolve() : waitFor(api.views.tags.onDidChange,
      () => tagged.every((u) => (api.views.tags.get(u)?.tags.length ?? 0) === 0), 'the tag index to drop the removed sidecars\' tags');
    for (const u of [regatta, marina, notice]) { await vscode.workspace.fs.delete(sidecarOf(u)).then(undefined, () => undefined); }
    await gone;
    await api.views.tags.whenIdle();
  });

  test('lists only the file where a string tagged elsewhere stands untagged, with the count, and follows sidecar changes', async () => {
    await vscode.commands.executeCommand('corpusLens.filterFiles', 'untaggedSuggestions');
    await counts(api, { [REGATTA]: 1, [MARINA]: 0, [NOTICE]: 0 });
    const rows = listed(api);
    assert.deepStrictEqual(rows.map((r) => r.slice(0, r.indexOf(' |'))), [REGATTA]);
    assert.match(rows[0], / · 1 tag · 1 untagged$/);

    // The rejection goes: its mention is proposed again, and the file joins the list.
    await vscode.workspace.fs.delete(sidecarOf(marina));
    await counts(api, { [REGATTA]: 1, [MARINA]: 1, [NOTICE]: 0 });
    assert.deepStrictEqual(listed(api).map((r) => r.slice(0, r.indexOf(' |'))), [REGATTA, MARINA]);
  });
});
