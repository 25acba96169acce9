// Hovering over a finding gives its reason in full; a duplicate's hover links to the other copy, and the link's
// command opens that copy with the passage selected.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { boilerplateScore } from '../../src/core/detect/calibration';
import type { CorpusLensApi } from '../../src/extension';
import { activateExtension, fixtureUri, rangeOf } from './helpers';

function hoverText(hovers: vscode.Hover[]): string {
  return hovers.flatMap((h) => h.contents).map((c) => (typeof c === 'string' ? c : c.value)).join('\n');
}

async function hoverAt(uri: vscode.Uri, line: number, character: number): Promise<vscode.Hover[]> {
  return (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(line, character))) ?? [];
}

suite('hover', () => {
  let api: CorpusLensApi;

  suiteSetup(async () => {
    api = await activateExtension();
    await api.whenIdle();
  });

  test('a boilerplate hover gives the reason and the score', async () => {
    const text = hoverText(await hoverAt(fixtureUri('harbour-ferry.txt'), 10, 5));
    // The score is the code's calibrated probability (src/core/detect/calibration.ts), shown with two decimals.
    const score = boilerplateScore('boilerplate.sign-up').toFixed(2);
    assert.ok(text.includes(`Boilerplate: sign-up or subscription prompt (score ${score})`), text);
    assert.ok(text.includes('`boilerplate.sign-up`'), text);
  });

  test('a duplicate hover names the other copy with a link that opens it', async () => {
    const hovers = await hoverAt(fixtureUri('harbour-ferry.txt'), 8, 20);
    const text = hoverText(hovers);
    assert.ok(text.includes('Duplicate: same passage as [island-school-run.txt line 9](command:corpusLens.openCopy?'), text);
    assert.ok(text.includes(', 238 characters'), text);
    const ours = hovers.find((h) => hoverText([h]).includes('Duplicate:'));
    assert.ok(ours?.range);
    assert.strictEqual(rangeOf({ range: ours.range }), '8:0-8:238');

    const link = /\(command:corpusLens\.openCopy\?([^ )]+)/.exec(text);
    assert.ok(link, text);
    const args = JSON.parse(decodeURIComponent(link[1])) as [string, [number, number, number, number]];
    await vscode.commands.executeCommand('corpusLens.openCopy', ...args);
    const editor = vscode.window.activeTextEditor;
    assert.strictEqual(editor?.document.uri.toString(), fixtureUri('island-school-run.txt').toString());
    assert.strictEqual(rangeOf({ range: editor.selection }), '8:0-8:238');
  });

  test('no hover away from findings', async () => {
    assert.ok(!hoverText(await hoverAt(fixtureUri('harbour-ferry.txt'), 4, 10)).includes('Corpus Lens'));
    assert.ok(!/Boilerplate:|Duplicate:/.test(hoverText(await hoverAt(fixtureUri('harbour-ferry.txt'), 4, 10))));
  });
});
