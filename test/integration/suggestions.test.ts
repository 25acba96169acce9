// Suggestions in the real editor, on marina-slipway.txt and autumn-regatta.txt of the fixture: entity hints
// appear with their exact ranges, as hints from their own source and collection; the quick fixes are offered on
// them; accepting one writes an ordinary tag to the sidecar and takes the hint away, and the string is then proposed
// in another file with the type the editor gave it; accepting a string everywhere tags it in every corpus file,
// open or not (rowing-club-notice.txt is never opened); a rejection is written to the sidecar and keeps the hint away after an
// edit and after the file is opened again; and the settings turn each kind off and on. The files, their sidecars
// and the settings are put back as they were afterwards.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { CorpusLensApi } from '../../src/extension';
import type { AcceptEverywhereResult } from '../../src/vscode/suggestions/suggestionActions';
import { activateExtension, fixtureUri, openCorpusText, rangeOf, readSidecar, saveDocument, waitFor } from './helpers';

const MARINA = 'marina-slipway.txt';
const REGATTA = 'autumn-regatta.txt';
const NOTICE = 'rowing-club-notice.txt';
const SOURCE = 'Corpus Lens suggestion';

function hints(api: CorpusLensApi, uri: vscode.Uri): vscode.Diagnostic[] {
  return [...(api.suggestions.get(uri) ?? [])];
}

/** The hints of `uri` once `predicate` holds for them (now, or after a later update). */
async function hintsWhere(api: CorpusLensApi, uri: vscode.Uri, predicate: (ds: vscode.Diagnostic[]) => boolean, what: string): Promise<vscode.Diagnostic[]> {
  await api.whenSuggestionsIdle();
  if (predicate(hints(api, uri))) { return hints(api, uri); }
  await waitFor(api.onDidUpdateSuggestions, (u) => u.toString() === uri.toString() && predicate(hints(api, uri)), what);
  return hints(api, uri);
}

function rangeIn(doc: vscode.TextDocument, quote: string, from = 0): vscode.Range {
  const start = doc.getText().indexOf(quote, from);
  assert.ok(start >= 0, `"${quote}" is not in ${doc.uri.path}`);
  return new vscode.Range(doc.positionAt(start), doc.positionAt(start + quote.length));
}

function hintAt(ds: vscode.Diagnostic[], range: vscode.Range): vscode.Diagnostic | undefined {
  return ds.find((d) => d.range.isEqual(range));
}

suite('suggestions', () => {
  let api: CorpusLensApi;
  const marina = fixtureUri(MARINA);
  const regatta = fixtureUri(REGATTA);
  const files = [marina, regatta, fixtureUri(NOTICE)];
  const originals = new Map<string, Uint8Array>();
  const sidecarOf = (uri: vscode.Uri) => uri.with({ path: `${uri.path}.annotations.yaml` });

  suiteSetup(async () => {
    api = await activateExtension();
    for (const uri of files) { originals.set(uri.toString(), await vscode.workspace.fs.readFile(uri)); }
    await api.whenIdle();
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const uri of files) {
      await vscode.workspace.fs.writeFile(uri, originals.get(uri.toString())!);
      await vscode.workspace.fs.delete(sidecarOf(uri)).then(undefined, () => undefined);
    }
  });

  test('entity hints appear with exact ranges, as hints of their own source, apart from the findings', async () => {
    const editor = await openCorpusText(marina);
    const doc = editor.document;
    const ingrid = rangeIn(doc, 'Ingrid Solvang');
    const ds = await hintsWhere(api, marina, (x) => !!hintAt(x, ingrid), 'the hint on Ingrid Solvang');
    const d = hintAt(ds, ingrid)!;
    assert.strictEqual(d.severity, vscode.DiagnosticSeverity.Hint);
    assert.strictEqual(d.source, SOURCE);
    assert.strictEqual(d.code, 'suggestion.entity');
    assert.strictEqual(d.message, 'Entity? person: Ingrid Solvang');
    assert.strictEqual(rangeOf(d), '4:20-4:34');
    for (const x of ds) {
      assert.strictEqual(x.code, 'suggestion.entity', 'claims are off by default');
      assert.strictEqual(x.severity, vscode.DiagnosticSeverity.Hint);
      const quote = doc.getText(x.range);
      assert.ok(x.message.endsWith(`: ${quote}`), `${x.message} at ${rangeOf(x)}`);
    }
    assert.ok(!(api.diagnostics.get(marina) ?? []).some((x) => x.source === SOURCE), 'suggestions never mix with the findings');
    assert.ok(vscode.languages.getDiagnostics(marina).some((x) => x.source === SOURCE && x.range.isEqual(ingrid)), 'the hints reach the workbench');
  });

  test('the quick fixes are offered on a hint, accepting with the proposed type preferred', async () => {
    const doc = (await openCorpusText(marina)).document;
    const ingrid = rangeIn(doc, 'Ingrid Solvang');
    await hintsWhere(api, marina, (x) => !!hintAt(x, ingrid), 'the hint on Ingrid Solvang');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', marina, ingrid, vscode.CodeActionKind.QuickFix.value);
    const ours = actions.filter((a) => a.command?.command.startsWith('corpusLens.') && a.command.command.includes('Suggestion'));
    assert.deepStrictEqual(ours.map((a) => a.title), [
      'Tag "Ingrid Solvang" as person',
      'Tag "Ingrid Solvang" as another type...',
      'Tag every "Ingrid Solvang" in the corpus as person...',
      'Reject the suggestion "Ingrid Solvang"',
    ]);
    assert.deepStrictEqual(ours.map((a) => !!a.isPreferred), [true, false, false, false]);
  });

  test('accepting writes an ordinary tag to the sidecar and the hint goes away', async () => {
    const doc = (await openCorpusText(marina)).document;
    const ingrid = rangeIn(doc, 'Ingrid Solvang');
    await hintsWhere(api, marina, (x) => !!hintAt(x, ingrid), 'the hint on Ingrid Solvang');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', marina, ingrid, vscode.CodeActionKind.QuickFix.value);
    const accept = actions.find((a) => a.isPreferred && a.command?.command === 'corpusLens.acceptSuggestion');
    assert.ok(accept?.command?.arguments);
    await vscode.commands.executeCommand(accept.command.command, ...accept.command.arguments);
    const start = doc.offsetAt(ingrid.start);
    const data = await readSidecar(marina);
    assert.deepStrictEqual(data.annotations.map((a) => [a.kind, a.label, a.quote, a.start, a.end, a.attributes?.status]),
      [['entity', 'person', 'Ingrid Solvang', start, start + 'Ingrid Solvang'.length, undefined]]);
    const after = await hintsWhere(api, marina, (x) => !hintAt(x, ingrid), 'the accepted hint to go');
    assert.strictEqual(hintAt(after, ingrid), undefined);
  });

  test('accepted with another type, a string is proposed in another file with that type', async () => {
    const doc = (await openCorpusText(marina)).document;
    const rowing = rangeIn(doc, 'Kestrel Rowing');
    const ds = await hintsWhere(api, marina, (x) => !!hintAt(x, rowing), 'the hint on Kestrel Rowing');
    // The rules typed it as a place; the editor knows it is a club (the quick pick of "another type" gives the label).
    assert.strictEqual(hintAt(ds, rowing)!.message, 'Entity? location: Kestrel Rowing');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', marina, rowing, vscode.CodeActionKind.QuickFix.value);
    const accept = actions.find((a) => a.command?.command === 'corpusLens.acceptSuggestion' && a.command.arguments?.[0]?.text === 'Kestrel Rowing');
    assert.ok(accept?.command?.arguments);
    await vscode.commands.executeCommand('corpusLens.acceptSuggestion', { ...accept.command.arguments[0], label: 'organization' });
    assert.deepStrictEqual((await readSidecar(marina)).annotations.map((a) => [a.label, a.quote]),
      [['person', 'Ingrid Solvang'], ['organization', 'Kestrel Rowing']]);

    const other = (await openCorpusText(regatta)).document;
    const first = rangeIn(other, 'Kestrel Rowing');
    const second = rangeIn(other, 'Kestrel Rowing', other.offsetAt(first.end));
    const there = await hintsWhere(api, regatta, (x) => !!hintAt(x, first) && !!hintAt(x, second), 'the gazetteer hints in the other file');
    for (const r of [first, second]) { assert.strictEqual(hintAt(there, r)!.message, 'Entity? organization: Kestrel Rowing'); }
  });

  test('accepting a string everywhere tags it in every corpus file, open or not, and leaves places already tagged', async () => {
    const doc = (await openCorpusText(regatta)).document;
    const first = rangeIn(doc, 'Kestrel Rowing');
    await hintsWhere(api, regatta, (x) => !!hintAt(x, first), 'the hint on Kestrel Rowing');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', regatta, first, vscode.CodeActionKind.QuickFix.value);
    const everywhere = actions.find((a) => a.command?.command === 'corpusLens.acceptSuggestionEverywhere');
    assert.ok(everywhere?.command?.arguments);
    assert.strictEqual(everywhere.title, 'Tag every "Kestrel Rowing" in the corpus as organization...');
    const notice = fixtureUri(NOTICE);
    assert.ok(!vscode.window.visibleTextEditors.some((e) => e.document.uri.toString() === notice.toString()));
    const result = await vscode.commands.executeCommand<AcceptEverywhereResult>('corpusLens.acceptSuggestionEverywhere', { ...everywhere.command.arguments[0], ask: false });
    // Two places in this file and one in a file never opened; the one in marina-slipway.txt was tagged already.
    assert.deepStrictEqual(result, { tagged: 3, files: 2, skipped: 1, failed: 0 });
    const regattaText = doc.getText();
    const at = [regattaText.indexOf('Kestrel Rowing'), regattaText.lastIndexOf('Kestrel Rowing')];
    assert.deepStrictEqual((await readSidecar(regatta)).annotations.map((a) => [a.kind, a.label, a.quote, a.start]),
      at.map((start) => ['entity', 'organization', 'Kestrel Rowing', start]));
    const noticeText = new TextDecoder().decode(originals.get(notice.toString()));
    assert.deepStrictEqual((await readSidecar(notice)).annotations.map((a) => [a.kind, a.label, a.quote, a.start]),
      [['entity', 'organization', 'Kestrel Rowing', noticeText.indexOf('Kestrel Rowing')]]);
    assert.strictEqual((await readSidecar(marina)).annotations.length, 2, 'marina-slipway.txt is left as it was');
    await hintsWhere(api, regatta, (x) => !x.some((d) => d.message.endsWith(': Kestrel Rowing')), 'the accepted hints to go');
  });

  test('a rejection is written to the sidecar and keeps the hint away after an edit and after reopening', async () => {
    const editor = await openCorpusText(marina);
    const doc = editor.document;
    const solvang = rangeIn(doc, 'Solvang said');
    const bare = new vscode.Range(solvang.start, solvang.start.translate(0, 'Solvang'.length));
    await hintsWhere(api, marina, (x) => !!hintAt(x, bare), 'the hint on Solvang');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', marina, bare, vscode.CodeActionKind.QuickFix.value);
    const reject = actions.find((a) => a.command?.command === 'corpusLens.rejectSuggestion' && a.command.arguments?.[0]?.text === 'Solvang');
    assert.ok(reject?.command?.arguments);
    await vscode.commands.executeCommand(reject.command.command, ...reject.command.arguments);
    const rejected = (await readSidecar(marina)).annotations.filter((a) => a.attributes?.status === 'rejected');
    assert.deepStrictEqual(rejected.map((a) => [a.kind, a.label, a.quote, a.start]), [['entity', 'person', 'Solvang', doc.offsetAt(bare.start)]]);
    await hintsWhere(api, marina, (x) => !hintAt(x, bare), 'the rejected hint to go');

    // An edit makes the suggestions run again; the rejection still holds.
    const updated = waitFor(api.onDidUpdateSuggestions, (u) => u.toString() === marina.toString(), 'suggestions after the edit');
    assert.ok(await editor.edit((b) => b.insert(doc.positionAt(doc.getText().length), '\nMayor Tomas Lindqvist said the slipway would cost 80,000 pounds.\n')));
    await updated;
    await api.whenSuggestionsIdle();
    assert.ok(hints(api, marina).some((d) => d.message === 'Entity? person: Tomas Lindqvist'), 'the new name is proposed');
    assert.strictEqual(hintAt(hints(api, marina), bare), undefined);

    // Saved, closed and opened again: the session is read from disk afresh.
    await saveDocument(doc);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const reopened = (await openCorpusText(marina)).document;
    const ds = await hintsWhere(api, marina, (x) => x.length > 0, 'hints after reopening');
    assert.strictEqual(hintAt(ds, rangeIn(reopened, 'Solvang said')), undefined);
    assert.ok(!ds.some((d) => d.message.endsWith(': Solvang')), ds.map((d) => d.message).join('; '));
  });

  test('with claims on, a claim hint is accepted as a claim tag with its speaker', async () => {
    const doc = (await openCorpusText(marina)).document;
    const config = vscode.workspace.getConfiguration('corpusLens');
    const sentence = rangeIn(doc, 'The harbour master, Ingrid Solvang, told the council on Tuesday that 1,240 boats used the marina last year, up 14 percent on the year before.');
    try {
      await config.update('suggestions.claims', true, vscode.ConfigurationTarget.Workspace);
      const ds = await hintsWhere(api, marina, (x) => !!hintAt(x, sentence), 'the claim hint');
      assert.strictEqual(hintAt(ds, sentence)!.message, 'Check-worthy claim? Speaker: Ingrid Solvang');
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', marina, sentence, vscode.CodeActionKind.QuickFix.value);
      const ours = actions.filter((a) => a.command?.arguments?.[0]?.kind === 'claim');
      assert.deepStrictEqual(ours.map((a) => [a.title, !!a.isPreferred]), [
        ['Tag this sentence as a claim by Ingrid Solvang', true], ['Reject the claim suggestion', false],
      ]);
      await vscode.commands.executeCommand(ours[0].command!.command, ...ours[0].command!.arguments!);
      const claims = (await readSidecar(marina)).annotations.filter((a) => a.kind === 'claim');
      assert.deepStrictEqual(claims.map((a) => [a.start, a.end, a.attributes?.speaker]),
        [[doc.offsetAt(sentence.start), doc.offsetAt(sentence.end), 'Ingrid Solvang']]);
      await hintsWhere(api, marina, (x) => !hintAt(x, sentence), 'the accepted claim hint to go');
    } finally {
      await config.update('suggestions.claims', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  test('the settings turn entity and claim suggestions off and on', async () => {
    await openCorpusText(marina);
    const config = vscode.workspace.getConfiguration('corpusLens');
    const codes = () => [...new Set(hints(api, marina).map((d) => String(d.code)))].sort();
    try {
      await hintsWhere(api, marina, (x) => x.length > 0, 'entity hints');
      assert.deepStrictEqual(codes(), ['suggestion.entity']);
      await config.update('suggestions.claims', true, vscode.ConfigurationTarget.Workspace);
      await hintsWhere(api, marina, (x) => x.some((d) => d.code === 'suggestion.claim'), 'claim hints');
      assert.deepStrictEqual(codes(), ['suggestion.claim', 'suggestion.entity']);
      const claim = hints(api, marina).find((d) => d.code === 'suggestion.claim')!;
      assert.strictEqual(claim.severity, vscode.DiagnosticSeverity.Hint);
      assert.strictEqual(claim.source, SOURCE);
      await config.update('suggestions.entities', false, vscode.ConfigurationTarget.Workspace);
      await hintsWhere(api, marina, (x) => !x.some((d) => d.code === 'suggestion.entity'), 'entity hints to go');
      assert.deepStrictEqual(codes(), ['suggestion.claim']);
      await config.update('suggestions.claims', false, vscode.ConfigurationTarget.Workspace);
      await hintsWhere(api, marina, (x) => x.length === 0, 'every hint to go');
    } finally {
      await config.update('suggestions.claims', undefined, vscode.ConfigurationTarget.Workspace);
      await config.update('suggestions.entities', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await hintsWhere(api, marina, (x) => x.length > 0 && x.every((d) => d.code === 'suggestion.entity'), 'entity hints back');
  });
});
