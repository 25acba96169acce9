// The export in a process of its own, with the real worker script (as compiled for the tests): the job's summary and
// files come back, progress is reported, a cancel stops it with nothing to show, and a process that dies without
// an answer fails the run with how it ended.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { runExport } from '../../../../src/vscode/export/exportRunner';
import type { ExportJob } from '../../../../src/vscode/export/exportWorker';
import { readJsonl, tempDir, writeFiles } from '../../core/export/exportHelpers';

const SCRIPT = path.join(__dirname, '..', '..', '..', '..', 'src', 'vscode', 'export', 'exportWorker.js');

/** A corpus of `n` short reports, each with the same sign-up line at its end. */
function corpus(n: number): string {
  const dir = tempDir('export-runner');
  const files: Record<string, string> = {};
  for (let i = 0; i < n; i++) {
    files[`report-${String(i).padStart(4, '0')}.txt`] = `Report ${i}\n\nThe harbour board met on day ${i} and agreed to `
      + `repaint ${i % 7 + 2} of the old mooring posts before the winter storms.\n\nSign up for the weekly harbour letter.\n`;
  }
  writeFiles(dir, files);
  return dir;
}

function job(root: string): ExportJob {
  return { root, options: { format: 'jsonl', outDir: tempDir('export-runner-out'), include: ['**/*.txt'], exclude: [] } };
}

function alive(pid: number): boolean {
  try { process.kill(pid, 0); return true; } catch { return false; }
}

async function gone(pid: number): Promise<void> {
  while (alive(pid)) { await new Promise((r) => setTimeout(r, 20)); }
}

describe('export runner: the export in a process of its own', function () {
  this.timeout(30_000);

  it('answers with the summary, writes the documents, reports progress, and the process ends', async () => {
    const j = job(corpus(5));
    const phases = new Set<string>();
    const run = runExport(SCRIPT, j, (p) => phases.add(p.phase));
    assert.ok(run.pid, 'no process was started');
    const summary = await run.result;
    assert.ok(summary, 'the export was not expected to be cancelled');
    assert.strictEqual(summary.documents, 5);
    const docs = readJsonl<{ id: string; text: string }>(path.join(j.options.outDir, 'documents.jsonl'));
    assert.deepStrictEqual(docs.map((d) => d.id), ['report-0000.txt', 'report-0001.txt', 'report-0002.txt', 'report-0003.txt', 'report-0004.txt']);
    assert.ok(docs.every((d) => !d.text.includes('Sign up')), 'the repeated sign-up line is boilerplate, removed by default');
    assert.deepStrictEqual([...phases].sort(), ['exporting', 'indexing']);
    await gone(run.pid);
  });

  it('a cancel stops the export: the result is undefined and the process ends', async () => {
    const run = runExport(SCRIPT, job(corpus(400)), () => undefined);
    run.cancel();
    assert.strictEqual(await run.result, undefined);
    await gone(run.pid!);
  });

  it('a failure in the export is reported with its message', async () => {
    // The target is a file, so the export cannot make its output files in it.
    const target = path.join(tempDir('export-runner-target'), 'a-file');
    fs.writeFileSync(target, 'not a folder\n');
    const j = job(corpus(2));
    const run = runExport(SCRIPT, { ...j, options: { ...j.options, outDir: target } }, () => undefined);
    await assert.rejects(run.result, (e: Error) => e.message.startsWith('Corpus Lens: the export failed:') && e.message.includes('a-file'));
    await gone(run.pid!);
  });

  it('a process killed before it answers fails the run with the signal', async () => {
    const run = runExport(SCRIPT, job(corpus(400)), () => undefined);
    process.kill(run.pid!, 'SIGKILL');
    await assert.rejects(run.result, /the export process stopped before it finished \(signal SIGKILL\)/);
    await gone(run.pid!);
  });
});
