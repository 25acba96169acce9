// Shared by the export tests: a temporary copy of a corpus, decisions recorded through the annotation store,
// JSON Lines reading, and code-point slicing (how Python tools, and so the exported offsets, count).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { AnnotationStore } from '../../../../src/core/annotations/store';
import { ExportOptions, ExportSummary, exportCorpus } from '../../../../src/core/export/exportCorpus';
import { Finding } from '../../../../src/core/findings';
import { scanFolder } from '../../../../src/core/scan';

export const repoRoot = path.resolve(__dirname, '..', '..', '..', '..', '..');
export const sampleCorpus = path.join(repoRoot, 'sample-corpus');

/** The folder this test process makes its temporary folders in; it goes when the process exits. */
let tempRoot: string | undefined;

/** A fresh folder for one test, removed with every other one when the test process exits. */
export function tempDir(prefix: string): string {
  if (tempRoot === undefined) {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-lens-test-'));
    process.on('exit', () => fs.rmSync(root, { recursive: true, force: true }));
    tempRoot = root;
  }
  return fs.mkdtempSync(path.join(tempRoot, `${prefix}-`));
}

/** A copy of `from`'s .txt files and sidecars in a fresh folder. */
export function copyCorpus(from: string, prefix: string, withSidecars = true): string {
  const dir = tempDir(prefix);
  for (const name of fs.readdirSync(from)) {
    if (name.endsWith('.txt') || (withSidecars && name.endsWith('.annotations.yaml'))) { fs.copyFileSync(path.join(from, name), path.join(dir, name)); }
  }
  return dir;
}

export function writeFiles(dir: string, files: Record<string, string | Buffer>): void {
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
}

export function readJsonl<T = Record<string, unknown>>(file: string): T[] {
  return fs.readFileSync(file, 'utf8').split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as T);
}

/** text[start, end) counted in code points. */
export function codePointSlice(text: string, start: number, end: number): string {
  return Array.from(text).slice(start, end).join('');
}

/** The findings of every file in `dir`, by path. */
export function findingsOf(dir: string): Map<string, Finding[]> {
  return new Map(scanFolder(dir).files.map((f) => [f.path, f.findings]));
}

/** Records decisions on findings of `rel` through the store, as the editor's commands do. */
export async function decide(dir: string, rel: string, decisions: { finding: Finding; status: 'confirmed' | 'dismissed' | 'kept' }[]): Promise<void> {
  const file = path.join(dir, rel);
  const text = fs.readFileSync(file, 'utf8').replace(/^\ufeff/, '');
  const session = await new AnnotationStore().open(file, text);
  for (const d of decisions) {
    session.decide({ kind: d.finding.kind, code: d.finding.code, start: d.finding.start, end: d.finding.end }, d.status);
  }
  await session.save();
}

export async function runExport(dir: string, options: Omit<ExportOptions, 'outDir'>): Promise<{ out: string; summary: ExportSummary }> {
  const out = tempDir('out');
  const summary = await exportCorpus(dir, { ...options, outDir: out });
  return { out, summary };
}
