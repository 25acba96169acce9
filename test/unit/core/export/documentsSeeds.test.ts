// The development seeds in ../shared (when present), exported as cleaned JSONL after an editor's review made
// from the hand labels: findings over content dismissed, findings over boilerplate confirmed, labelled
// boilerplate no finding covers confirmed by hand. Every content line must survive, no labelled boilerplate
// line may, the article stored twice must appear once, and removed.jsonl must name the copy that was kept.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { AnnotationStore } from '../../../../src/core/annotations/store';
import { DocumentRecord } from '../../../../src/core/export/documents';
import { TextModel } from '../../../../src/core/text';
import { copyCorpus, findingsOf, readJsonl, runExport } from './exportHelpers';

const shared = path.resolve(__dirname, '..', '..', '..', '..', '..', '..', 'shared');
const seeds = path.join(shared, 'seeds');
const gold = path.join(shared, 'gold', 'seeds.yaml');

/** "20-46" or 43 as the 1-based line numbers they name. */
function lineNumbers(entries: (number | string)[]): Set<number> {
  const out = new Set<number>();
  for (const e of entries) {
    const [a, b] = String(e).split('-').map(Number);
    for (let n = a; n <= (b ?? a); n++) { out.add(n); }
  }
  return out;
}

describe('seeds: cleaned export after review', function () {
  this.timeout(60000);
  before(function () {
    if (!fs.existsSync(seeds) || !fs.existsSync(gold)) { this.skip(); }
  });

  it('keeps every content line, no labelled boilerplate, the duplicated article once', async () => {
    const labels = parse(fs.readFileSync(gold, 'utf8')) as { boilerplate_lines: Record<string, (number | string)[]> };
    const dir = copyCorpus(seeds, 'seeds');
    const findings = findingsOf(dir);
    const content = new Map<string, string[]>();
    const boilerplate = new Map<string, string[]>();
    for (const [rel, fileFindings] of findings) {
      const text = fs.readFileSync(path.join(dir, rel), 'utf8').replace(/^\ufeff/, '');
      const model = new TextModel(text);
      const labelled = lineNumbers(labels.boilerplate_lines[rel] ?? []);
      const lines = text.split(/\r?\n/);
      content.set(rel, lines.filter((l, i) => l.trim() !== '' && !labelled.has(i + 1)).map((l) => l.trim()));
      boilerplate.set(rel, lines.filter((l, i) => l.trim() !== '' && labelled.has(i + 1)).map((l) => l.trim()));
      // The review: each boilerplate finding judged by the labels of the lines it covers.
      const session = await new AnnotationStore().open(path.join(dir, rel), text);
      const covered = new Set<number>();
      for (const f of fileFindings.filter((x) => x.kind === 'boilerplate')) {
        const first = model.lineAt(f.start) + 1;
        const last = model.lineAt(Math.max(f.start, f.end - 1)) + 1;
        const nums = Array.from({ length: last - first + 1 }, (_, i) => first + i);
        if (nums.every((n) => !labelled.has(n))) { session.decide({ kind: 'boilerplate', code: f.code, start: f.start, end: f.end }, 'dismissed'); }
        if (nums.every((n) => labelled.has(n))) { session.decide({ kind: 'boilerplate', code: f.code, start: f.start, end: f.end }, 'confirmed'); nums.forEach((n) => covered.add(n)); }
      }
      for (const n of labelled) {
        const start = model.lineStart(n - 1);
        const end = model.lineEnd(n - 1);
        if (!covered.has(n) && text.slice(start, end).trim() !== '') { session.decideAnyBoilerplate(start, end, 'confirmed'); }
      }
      await session.save();
    }

    const { out } = await runExport(dir, { format: 'jsonl' });
    const docs = readJsonl<DocumentRecord>(path.join(out, 'documents.jsonl'));
    const keptLines = new Set(docs.flatMap((d) => d.text.split(/\r?\n/).map((l) => l.trim())));
    for (const [rel, lines] of content) {
      for (const l of lines) { assert.ok(keptLines.has(l), `content line of ${rel} kept: ${l.slice(0, 60)}`); }
    }
    for (const d of docs) {
      const own = new Set(d.text.split(/\r?\n/).map((l) => l.trim()));
      const contentHere = new Set(content.get(d.id));
      for (const l of boilerplate.get(d.id)!) {
        if (!contentHere.has(l)) { assert.ok(!own.has(l), `boilerplate line of ${d.id} removed: ${l.slice(0, 60)}`); }
      }
    }
    const article = content.get('001_5b2a4406ed72ee00.txt')![0];
    assert.equal(docs.filter((d) => d.text.includes(article)).length, 1, 'the article stored twice appears once');
    const dropped = readJsonl(path.join(out, 'removed.jsonl')).filter((r) => r.type === 'document');
    assert.equal(dropped.length, 1);
    const [a, b] = ['001_5b2a4406ed72ee00.txt', '002_17adc4b20c0df5de.txt'];
    assert.ok((dropped[0].path === a && dropped[0].kept === b) || (dropped[0].path === b && dropped[0].kept === a), 'removed.jsonl names the other copy');
  });
});
