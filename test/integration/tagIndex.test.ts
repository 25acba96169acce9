// The tag index in the real editor, fed by the annotations index in the suggestion worker: a sidecar written on
// disk for a file no editor shows appears with its tags; the source changed on disk moves them (re-anchored in the
// worker, not on the host); the sidecar deleted drops the file. The suite's own corpus file and its sidecar are
// removed afterwards.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { CorpusLensApi } from '../../src/extension';
import { activateExtension, fixtureUri, waitFor } from './helpers';

const TEXT = 'Lifeboat day\n\nThe Marrowby Lifeboat crew launched twice on Sunday, the station said.\n';
const QUOTE = 'Marrowby Lifeboat';
const UPDATE = 'Updated on Monday.\n\n';

const sidecarOf = (uri: vscode.Uri) => uri.with({ path: `${uri.path}.annotations.yaml` });
const write = (uri: vscode.Uri, text: string) => vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));

suite('tag index', () => {
  let api: CorpusLensApi;
  const probe = fixtureUri('tag-index-probe.txt');
  const key = probe.toString();
  const starts = () => api.views.tags.get(key)?.tags.map((t) => `${t.canonical}@${t.start}`);
  const until = (what: string, predicate: () => boolean) => predicate()
    ? Promise.resolve()
    : waitFor(api.views.tags.onDidChange, (uris) => uris.includes(key) && predicate(), what).then(() => undefined);

  suiteSetup(async () => {
    api = await activateExtension();
    await api.whenIdle();
    await write(probe, TEXT);
  });

  suiteTeardown(async () => {
    for (const u of [sidecarOf(probe), probe]) { await vscode.workspace.fs.delete(u).then(undefined, () => undefined); }
    await api.views.tags.whenIdle();
  });

  test('lists a closed file\'s tags from a sidecar written on disk, moves them when the source changes on disk, and drops them with the sidecar', async () => {
    const start = TEXT.indexOf(QUOTE);
    const listed = until('the tags of the new sidecar', () => starts()?.[0] === `${QUOTE}@${start}`);
    await write(sidecarOf(probe), ['version: 1', 'source: tag-index-probe.txt', 'annotations:', '  - id: e1', '    kind: entity',
      '    label: organization', `    quote: ${QUOTE}`, `    start: ${start}`, `    end: ${start + QUOTE.length}`, ''].join('\n'));
    await listed;
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === key), 'no editor has the file open');
    assert.deepStrictEqual(starts(), [`${QUOTE}@${start}`]);

    const moved = until('the tags to move with the source', () => starts()?.[0] === `${QUOTE}@${start + UPDATE.length}`);
    await write(probe, UPDATE + TEXT);
    await moved;
    assert.deepStrictEqual(starts(), [`${QUOTE}@${start + UPDATE.length}`]);
    assert.strictEqual(api.views.tags.get(key)?.orphaned, 0);

    const gone = until('the file to leave the tag index', () => api.views.tags.get(key) === undefined);
    await vscode.workspace.fs.delete(sidecarOf(probe));
    await gone;
    await api.views.tags.whenIdle();
    assert.strictEqual(api.views.tags.get(key), undefined);
  });
});
