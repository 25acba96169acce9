// The workers run as processes of their own, and a process can die under the extension (the system's
// out-of-memory killer, a crash, a user's `kill`). These tests kill each worker the way the system would
// (SIGKILL, no goodbye) and check what a user would see next: the index worker comes back by itself and holds
// the whole corpus again (a passage shared by two files is still found when one of them is edited), and the
// suggestion worker is started again by the next document that needs it. The processes are found as the
// extension host's children on /proc, by the bundled script each one runs (the integration suite runs on Linux).
import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import type { CorpusLensApi } from '../../src/extension';
import { activateExtension, corpusDiagnostics, fixtureUri, openCorpusText, rangeOf, saveDocument, setText, waitFor } from './helpers';

const HARBOUR = 'harbour-ferry.txt';
const ISLAND = 'island-school-run.txt';
const MARINA = 'marina-slipway.txt';
const SHARED_START = 'The island council has agreed to subsidise a second daily crossing';

/** The pids of the extension host's children that run `script` (e.g. "scanWorker.js"). */
function workerPids(script: string): number[] {
  const pids: number[] = [];
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) { continue; }
    try {
      // The parent's pid is the second field after the command name, which is in parentheses and may hold spaces.
      const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid !== process.pid) { continue; }
      const argv = fs.readFileSync(`/proc/${name}/cmdline`, 'utf8').split('\0');
      if (argv.some((a) => a.endsWith(`/dist/${script}`))) { pids.push(Number(name)); }
    } catch {
      // The process ended while it was being read.
    }
  }
  return pids;
}

/** Resolves when `check` holds, trying every 50 ms; rejects after `timeoutMs` naming `what`. */
async function until(check: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) { throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`); }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function gone(pid: number): boolean {
  return !fs.existsSync(`/proc/${pid}`);
}

suite('a worker process that dies', () => {
  let api: CorpusLensApi;

  suiteSetup(async () => {
    api = await activateExtension();
    await api.whenIdle();
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('the index worker killed: a new process indexes the corpus again, and edits are analysed against all of it', async () => {
    const [old] = workerPids('scanWorker.js');
    assert.ok(old, 'the index worker is not running as a child process of the extension host');
    assert.strictEqual(corpusDiagnostics(api, fixtureUri(ISLAND), 'duplicate.cross-file').length, 1, 'the fixture\'s shared passage is not found before the kill');

    process.kill(old, 'SIGKILL');
    await until(() => gone(old), `process ${old} to end`);
    await until(() => workerPids('scanWorker.js').length > 0, 'a new index worker process');
    const [fresh] = workerPids('scanWorker.js');
    assert.notStrictEqual(fresh, old);
    await api.whenIdle();

    // The new worker must know the other file too: taking the passage out of one file takes the duplicate away
    // from both, and putting it back brings both back.
    const doc = await vscode.workspace.openTextDocument(fixtureUri(HARBOUR));
    const original = doc.getText();
    const start = original.indexOf(SHARED_START);
    assert.ok(start >= 0, `${HARBOUR} no longer holds the shared passage`);
    const end = original.indexOf('\n', start);
    try {
      await setText(doc, original.slice(0, start) + original.slice(end + 1));
      await api.whenIdle();
      assert.deepStrictEqual(corpusDiagnostics(api, fixtureUri(ISLAND), 'duplicate.cross-file'), []);
      await setText(doc, original);
      await api.whenIdle();
      assert.deepStrictEqual(corpusDiagnostics(api, fixtureUri(ISLAND), 'duplicate.cross-file').map(rangeOf), ['8:0-8:238']);
      assert.deepStrictEqual(corpusDiagnostics(api, fixtureUri(HARBOUR), 'duplicate.cross-file').map(rangeOf), ['8:0-8:238']);
    } finally {
      if (doc.getText() !== original) { await setText(doc, original); }
      await saveDocument(doc);
      await api.whenIdle();
    }
    assert.deepStrictEqual(workerPids('scanWorker.js'), [fresh], 'one index worker, the new one, should be left');
  });

  test('the suggestion worker killed: the next edit starts a new one and its hints are published', async () => {
    const uri = fixtureUri(MARINA);
    const doc = (await openCorpusText(uri)).document;
    await api.whenSuggestionsIdle();
    const [old] = workerPids('suggestWorker.js');
    assert.ok(old, 'the suggestion worker is not running as a child process of the extension host');
    const before = [...(api.suggestions.get(uri) ?? [])].map((d) => `${rangeOf(d)} ${d.message}`);
    assert.ok(before.length > 0, `${MARINA} has no suggestion hints to start from`);

    process.kill(old, 'SIGKILL');
    await until(() => gone(old), `process ${old} to end`);

    // Two lines at the top move every hint down two lines; the hints published after the edit come from a worker
    // that did not exist when the edit was made.
    const original = doc.getText();
    try {
      const updated = waitFor(api.onDidUpdateSuggestions, (u) => u.toString() === uri.toString(), `the hints of ${MARINA} after the edit`);
      await setText(doc, `Late edition\n\n${original}`);
      await updated;
      await api.whenSuggestionsIdle();
      const [fresh] = workerPids('suggestWorker.js');
      assert.ok(fresh && fresh !== old, 'no new suggestion worker process was started');
      const after = [...(api.suggestions.get(uri) ?? [])].map((d) => `${rangeOf(d)} ${d.message}`);
      const shifted = before.map((h) => h.replace(/^(\d+):(\d+)-(\d+):(\d+)/, (_, a, b, c, d) => `${Number(a) + 2}:${b}-${Number(c) + 2}:${d}`));
      for (const h of shifted) { assert.ok(after.includes(h), `missing after the restart: ${h} (have ${after.join('; ')})`); }
    } finally {
      await setText(doc, original);
      await saveDocument(doc);
      await api.whenSuggestionsIdle();
    }
  });
});
