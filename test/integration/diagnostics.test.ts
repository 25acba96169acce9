// The background index publishes diagnostics on the fixture without any command: boilerplate (the nav line and
// the sign-up line that stand in every file) faded as unnecessary at hint severity, and the passage that
// harbour-ferry.txt and island-school-run.txt share as duplicates that point at each other. Severity settings
// are applied as they change. The fixture's settings publish every file's findings (these suites check files they
// never open); the default, open documents only, is checked here by switching to it.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { CorpusLensApi } from '../../src/extension';
import { activateExtension, corpusDiagnostics, findingsUpdated, fixtureUri, rangeOf, waitFor } from './helpers';

const HARBOUR = 'harbour-ferry.txt';
const ISLAND = 'island-school-run.txt';

suite('diagnostics', () => {
  let api: CorpusLensApi;

  suiteSetup(async () => {
    api = await activateExtension();
    await api.whenIdle();
  });

  test('every fixture file gets its boilerplate findings from the background index', async () => {
    const files = await vscode.workspace.findFiles('**/*.txt');
    assert.ok(files.length >= 5);
    for (const uri of files) {
      const codes = corpusDiagnostics(api, uri).map((d) => d.code);
      assert.ok(codes.includes('boilerplate.navigation'), `${uri.path}: no navigation finding in ${codes.join(', ')}`);
      assert.ok(codes.includes('boilerplate.sign-up'), `${uri.path}: no sign-up finding in ${codes.join(', ')}`);
    }
  });

  test('boilerplate is a hint, faded as unnecessary, with its code, message and source', () => {
    const diags = corpusDiagnostics(api, fixtureUri(HARBOUR)).filter((d) => d.code?.toString().startsWith('boilerplate.'));
    assert.deepStrictEqual(diags.map((d) => `${d.code} ${rangeOf(d)}`), [
      'boilerplate.navigation 0:0-0:47',
      'boilerplate.sign-up 10:0-10:74',
    ]);
    for (const d of diags) {
      assert.strictEqual(d.severity, vscode.DiagnosticSeverity.Hint);
      assert.deepStrictEqual(d.tags, [vscode.DiagnosticTag.Unnecessary]);
      assert.strictEqual(d.source, 'Corpus Lens');
    }
    assert.strictEqual(diags[1].message, 'Boilerplate: sign-up or subscription prompt');
  });

  test('the shared passage is a duplicate in both files, each pointing at the other copy', () => {
    const harbour = corpusDiagnostics(api, fixtureUri(HARBOUR), 'duplicate.cross-file');
    const island = corpusDiagnostics(api, fixtureUri(ISLAND), 'duplicate.cross-file');
    assert.deepStrictEqual(harbour.map(rangeOf), ['8:0-8:238']);
    assert.deepStrictEqual(island.map(rangeOf), ['8:0-8:238']);
    assert.strictEqual(harbour[0].severity, vscode.DiagnosticSeverity.Information);
    assert.strictEqual(harbour[0].message, `Duplicate: same passage as ${ISLAND} line 9 (238 characters)`);
    assert.strictEqual(harbour[0].tags, undefined);
    const related = harbour[0].relatedInformation ?? [];
    assert.deepStrictEqual(related.map((r) => `${r.location.uri.toString()} ${rangeOf(r.location)}`),
      [`${fixtureUri(ISLAND).toString()} 8:0-8:238`]);
    assert.strictEqual(related[0].message, `the same passage in ${ISLAND}`);
    assert.deepStrictEqual((island[0].relatedInformation ?? []).map((r) => r.location.uri.toString()), [fixtureUri(HARBOUR).toString()]);
  });

  test('the findings reach the workbench, not just the collection', () => {
    const published = vscode.languages.getDiagnostics(fixtureUri(HARBOUR)).filter((d) => d.source === 'Corpus Lens');
    assert.deepStrictEqual(published.map((d) => `${d.code} ${rangeOf(d)}`).sort(),
      corpusDiagnostics(api, fixtureUri(HARBOUR)).map((d) => `${d.code} ${rangeOf(d)}`).sort());
  });

  test('severity settings apply at once: warning, then off, then back to the default', async () => {
    const config = vscode.workspace.getConfiguration('corpusLens');
    const harbour = fixtureUri(HARBOUR);
    try {
      let updated = findingsUpdated(api, harbour);
      await config.update('boilerplate.severity', 'warning', vscode.ConfigurationTarget.Workspace);
      await updated;
      await api.whenIdle();
      const warned = corpusDiagnostics(api, harbour).filter((d) => d.code?.toString().startsWith('boilerplate.'));
      assert.strictEqual(warned.length, 2);
      assert.ok(warned.every((d) => d.severity === vscode.DiagnosticSeverity.Warning));

      updated = findingsUpdated(api, harbour);
      await config.update('duplicates.severity', 'off', vscode.ConfigurationTarget.Workspace);
      await updated;
      await api.whenIdle();
      assert.deepStrictEqual(corpusDiagnostics(api, harbour).map((d) => d.code), ['boilerplate.navigation', 'boilerplate.sign-up']);
    } finally {
      const updated = findingsUpdated(api, harbour);
      await config.update('boilerplate.severity', undefined, vscode.ConfigurationTarget.Workspace);
      await config.update('duplicates.severity', undefined, vscode.ConfigurationTarget.Workspace);
      await updated;
      await api.whenIdle();
    }
    assert.deepStrictEqual(corpusDiagnostics(api, harbour).map((d) => `${d.code} ${d.severity}`), [
      `boilerplate.navigation ${vscode.DiagnosticSeverity.Hint}`,
      `duplicate.cross-file ${vscode.DiagnosticSeverity.Information}`,
      `boilerplate.sign-up ${vscode.DiagnosticSeverity.Hint}`,
    ]);
  });

  test('by default only open documents have diagnostics; opening a file publishes its findings', async () => {
    const config = vscode.workspace.getConfiguration('corpusLens');
    const files = await vscode.workspace.findFiles('**/*.txt');
    const isOpen = (uri: vscode.Uri) => vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString());
    try {
      const withdrawn = waitFor(api.onDidUpdateFindings, () => files.filter((u) => !isOpen(u)).every((u) => corpusDiagnostics(api, u).length === 0), 'closed files withdrawn');
      await config.update('diagnostics.scope', undefined, vscode.ConfigurationTarget.Workspace);
      await withdrawn;
      await api.whenIdle();
      for (const uri of files) {
        assert.strictEqual(corpusDiagnostics(api, uri).length > 0, isOpen(uri), `${uri.path}: open ${isOpen(uri)}`);
      }
      const closed = files.find((u) => !isOpen(u));
      assert.ok(closed, 'every fixture file is open; the test needs a closed one');
      const shown = findingsUpdated(api, closed);
      await vscode.workspace.openTextDocument(closed);
      await shown;
      assert.ok(corpusDiagnostics(api, closed, 'boilerplate.navigation').length === 1, `${closed.path} once opened`);
    } finally {
      const republished = waitFor(api.onDidUpdateFindings, () => files.every((u) => corpusDiagnostics(api, u).length > 0), 'every file published again');
      await config.update('diagnostics.scope', 'workspace', vscode.ConfigurationTarget.Workspace);
      await republished;
      await api.whenIdle();
    }
  });
});
