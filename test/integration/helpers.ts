// Shared by the integration tests: the extension's API, and waiting for an event (with a time limit that only
// turns a hang into a failure; no test sleeps, but a refused save is tried again after a pause, and a sidecar
// deletion the file watcher did not report is made again).
import * as assert from 'assert';
import * as vscode from 'vscode';
import { parse } from 'yaml';
import type { CorpusLensApi } from '../../src/extension';

export const EXTENSION_ID = 'corpus-lens.corpus-lens';

export async function activateExtension(): Promise<CorpusLensApi> {
  const ext = vscode.extensions.getExtension<CorpusLensApi>(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} not found`);
  return ext.activate();
}

/** Resolves with the first event that satisfies `predicate`; rejects after `timeoutMs` naming `what`. */
export function waitFor<T>(event: vscode.Event<T>, predicate: (e: T) => boolean, what: string, timeoutMs = 20_000): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`));
    }, timeoutMs);
    const sub = event((e) => {
      if (!predicate(e)) { return; }
      clearTimeout(timer);
      sub.dispose();
      resolve(e);
    });
  });
}

/**
 * Saves a document, trying again twice, half a second apart, when VS Code answers false. On a loaded machine
 * its save has answered false now and then (one test of seventy in some runs, a different one each time, with
 * nothing in the logs); a failure that is real answers false three times and still fails the test.
 */
export async function saveDocument(doc: vscode.TextDocument): Promise<boolean> {
  for (let attempt = 0; attempt < 3; attempt++) {
    if (await doc.save() || !doc.isDirty) { return true; }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return false;
}

/** Waits until the findings of `uri` have been published (after a change the watcher reports). */
export function findingsUpdated(api: CorpusLensApi, uri: vscode.Uri, timeoutMs?: number): Promise<readonly vscode.Uri[]> {
  return waitFor(api.onDidUpdateFindings, (uris) => uris.some((u) => u.toString() === uri.toString()), `findings of ${uri.path}`, timeoutMs);
}

export function fixtureUri(rel: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'no workspace folder');
  return vscode.Uri.joinPath(folder.uri, ...rel.split('/'));
}

export function corpusDiagnostics(api: CorpusLensApi, uri: vscode.Uri, code?: string): vscode.Diagnostic[] {
  return (api.diagnostics.get(uri) ?? []).filter((d) => code === undefined || d.code === code);
}

export function rangeOf(d: { range: vscode.Range }): string {
  const r = d.range;
  return `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
}

/** Replaces a document's whole text through a WorkspaceEdit (as a user's edit would). */
export async function setText(doc: vscode.TextDocument, text: string): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.replace(doc.uri, new vscode.Range(0, 0, doc.lineCount, 0), text);
  assert.ok(await vscode.workspace.applyEdit(edit), 'the edit was not applied');
}

/**
 * Deletes the sidecars of these corpus files (those that exist), and resolves once the extension has taken each
 * deletion in (it republishes the file's findings after re-reading its decisions).
 *
 * VS Code's file watcher drops a creation followed by a deletion that reach it in one batch (the file never
 * existed, as far as it reports), so a sidecar the extension wrote a moment before the deletion may go without an
 * event (CI saw it once, after a test that tags and undoes in 100 ms). When no update comes within a few seconds,
 * the sidecar is written back as it was, that write is waited for, and the deletion is made again: then the
 * watcher has reported the file and reports its deletion. A deletion the extension misses twice fails as before.
 */
export async function deleteSidecars(api: CorpusLensApi, uris: readonly vscode.Uri[]): Promise<void> {
  for (const uri of uris) {
    const sidecar = uri.with({ path: `${uri.path}.annotations.yaml` });
    const bytes = await vscode.workspace.fs.readFile(sidecar).then((b) => b, () => undefined);
    if (!bytes) { continue; }
    const taken = findingsUpdated(api, uri, 5_000);
    await vscode.workspace.fs.delete(sidecar);
    const seen = await taken.then(() => true, () => false);
    if (seen) { continue; }
    const restored = findingsUpdated(api, uri);
    await vscode.workspace.fs.writeFile(sidecar, bytes);
    await restored;
    const takenAgain = findingsUpdated(api, uri);
    await vscode.workspace.fs.delete(sidecar);
    await takenAgain;
  }
}

/** An annotation as a sidecar on disk holds it. */
export interface StoredTag { id: string; kind: string; label?: string; quote: string; start: number; end: number; attributes?: Record<string, unknown> }

/** The sidecar of `uri` as it is on disk. */
export async function readSidecar(uri: vscode.Uri): Promise<{ sourceHash: string; annotations: StoredTag[] }> {
  const bytes = await vscode.workspace.fs.readFile(uri.with({ path: `${uri.path}.annotations.yaml` }));
  return parse(new TextDecoder().decode(bytes));
}

/** The document of `uri` once it is open in corpus-text (the language switch re-opens it). */
export async function openCorpusText(uri: vscode.Uri): Promise<vscode.TextEditor> {
  const opened = vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString() && d.languageId === 'corpus-text')
    ? Promise.resolve()
    : waitFor(vscode.workspace.onDidOpenTextDocument, (d) => d.uri.toString() === uri.toString() && d.languageId === 'corpus-text', `${uri.path} in corpus-text`);
  await vscode.window.showTextDocument(uri);
  await opened;
  return vscode.window.showTextDocument(uri);
}
