// Cleaned documents (jsonl, parquet, dolma-attributes) on a copy of the sample corpus with an editor's decisions:
// which text and which copies stay, what removed.jsonl and warnings.jsonl say, and DuckDB reading the output back
// with the declared types (its substring counts code points, so it also checks the offsets' unit).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { DocumentRecord } from '../../../../src/core/export/documents';
import { Finding } from '../../../../src/core/findings';
import { attributeName } from '../../../../src/core/export/dolma';
import { codePointSlice, copyCorpus, decide, findingsOf, readJsonl, runExport, sampleCorpus, writeFiles } from './exportHelpers';

const STRIKE = 'quillpoint-port-strike.txt';
const BRIEFING = 'quillpoint-port-strike-briefing.txt';
const CALDER = 'calder-gazette-housing-column.txt';

async function duck<T>(sql: string): Promise<T[]> {
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  try {
    return (await c.runAndReadAll(sql)).getRowObjectsJson() as unknown as T[];
  } finally {
    c.closeSync();
  }
}

describe('export: cleaned documents', function () {
  this.timeout(60000);
  let dir: string;
  let findings: Map<string, Finding[]>;
  let confirmed: Finding;
  let dismissed: Finding;
  let undecided: Finding;

  before(async () => {
    dir = copyCorpus(sampleCorpus, 'docs');
    findings = findingsOf(dir);
    const calder = findings.get(CALDER)!.filter((f) => f.kind === 'boilerplate');
    [confirmed, dismissed, undecided] = [calder[0], calder[1], calder[2]];
    await decide(dir, CALDER, [{ finding: confirmed, status: 'confirmed' }, { finding: dismissed, status: 'dismissed' }]);
    // The editor keeps the briefing, though the rule would keep the tagged article.
    const keep = findings.get(BRIEFING)!.find((f) => f.kind === 'duplicate' && f.related.some((r) => r.path === STRIKE))!;
    await decide(dir, BRIEFING, [{ finding: keep, status: 'kept' }]);
  });

  const textOf = (rel: string, f: Finding) => fs.readFileSync(path.join(dir, rel), 'utf8').slice(f.start, f.end);

  it('removes confirmed and undecided boilerplate, keeps dismissed, and lists each removed span', async () => {
    const { out } = await runExport(dir, { format: 'jsonl' });
    const docs = readJsonl<DocumentRecord>(path.join(out, 'documents.jsonl'));
    const calder = docs.find((d) => d.id === CALDER)!;
    assert.ok(!calder.text.includes(textOf(CALDER, confirmed)));
    assert.ok(calder.text.includes(textOf(CALDER, dismissed)));
    assert.ok(!calder.text.includes(textOf(CALDER, undecided)));
    const removed = readJsonl(path.join(out, 'removed.jsonl')).filter((r) => r.type === 'span' && r.path === CALDER);
    assert.deepEqual(removed.map((r) => [r.start, r.end, r.code]), calder.metadata.removed);
    const source = fs.readFileSync(path.join(dir, CALDER), 'utf8');
    for (const r of removed) { assert.equal(codePointSlice(source, r.start as number, r.end as number), r.text); }
  });

  it('keeps undecided boilerplate with --boilerplate keep, and still removes the confirmed', async () => {
    const { out } = await runExport(dir, { format: 'jsonl', boilerplate: 'keep' });
    const calder = readJsonl<DocumentRecord>(path.join(out, 'documents.jsonl')).find((d) => d.id === CALDER)!;
    assert.ok(!calder.text.includes(textOf(CALDER, confirmed)));
    assert.ok(calder.text.includes(textOf(CALDER, undecided)));
  });

  it('removes undecided boilerplate only from --min-score up, and confirmed boilerplate whatever its score', async () => {
    const textAbove = async (minScore: number) => {
      const { out } = await runExport(dir, { format: 'jsonl', minScore });
      return readJsonl<DocumentRecord>(path.join(out, 'documents.jsonl')).find((d) => d.id === CALDER)!.text;
    };
    const over = await textAbove(Math.min(1, undecided.score + 0.01));
    assert.ok(over.includes(textOf(CALDER, undecided)));
    assert.ok(!over.includes(textOf(CALDER, confirmed)));
    assert.ok(!(await textAbove(undecided.score)).includes(textOf(CALDER, undecided)));
  });

  it('keeps the copy the editor kept, drops the other and names the kept copy in removed.jsonl', async () => {
    const { out, summary } = await runExport(dir, { format: 'jsonl' });
    const ids = readJsonl<DocumentRecord>(path.join(out, 'documents.jsonl')).map((d) => d.id);
    assert.ok(ids.includes(BRIEFING));
    assert.ok(!ids.includes(STRIKE));
    const dropped = readJsonl(path.join(out, 'removed.jsonl')).find((r) => r.type === 'document' && r.path === STRIKE)!;
    assert.equal(dropped.kept, BRIEFING);
    assert.equal(dropped.tags, 5); // the dropped copy's tags are counted, not lost silently
    assert.equal(summary.droppedDocuments, 2);
  });

  it('keeps every copy with --duplicates keep-all, each with its cluster', async () => {
    const { out } = await runExport(dir, { format: 'jsonl', duplicates: 'keep-all' });
    const docs = readJsonl<DocumentRecord>(path.join(out, 'documents.jsonl'));
    const strike = docs.find((d) => d.id === STRIKE)!;
    const briefing = docs.find((d) => d.id === BRIEFING)!;
    assert.ok(strike.metadata.duplicate_cluster !== null);
    assert.equal(strike.metadata.duplicate_cluster, briefing.metadata.duplicate_cluster);
    assert.equal(strike.metadata.annotations.length, 5);
  });

  it('writes JSONL and Parquet that DuckDB reads with the declared types, spans counted in code points', async () => {
    const jsonl = (await runExport(dir, { format: 'jsonl', duplicates: 'keep-all' })).out;
    const parquet = (await runExport(dir, { format: 'parquet', duplicates: 'keep-all' })).out;
    const types = await duck<{ column_name: string; column_type: string }>(`DESCRIBE SELECT * FROM read_parquet('${path.join(parquet, 'documents.parquet')}')`);
    assert.deepEqual(types.map((t) => [t.column_name, t.column_type]), [['id', 'VARCHAR'], ['text', 'VARCHAR'], ['metadata', 'JSON']]);
    const fromParquet = await duck<{ id: string; text: string; metadata: string }>(`SELECT id, text, metadata FROM read_parquet('${path.join(parquet, 'documents.parquet')}') ORDER BY id`);
    const fromJsonl = readJsonl<DocumentRecord>(path.join(jsonl, 'documents.jsonl')).sort((a, b) => (a.id < b.id ? -1 : 1));
    assert.deepEqual(fromParquet.map((r) => ({ id: r.id, text: r.text, metadata: JSON.parse(r.metadata) as unknown })), fromJsonl);
    const spans = await duck<{ quote: string; cut: string }>(
      `SELECT a.text AS quote, substring(d.text, a."start" + 1, a."end" - a."start") AS cut
       FROM read_json('${path.join(jsonl, 'documents.jsonl')}', format = 'newline_delimited') d, unnest(d.metadata.annotations) AS t(a)`);
    assert.equal(spans.length, 5);
    for (const s of spans) { assert.equal(s.cut, s.quote); }
  });

  it('writes Dolma attributes aligned with the unchanged documents, decisions applied', async () => {
    const { out } = await runExport(dir, { format: 'dolma-attributes' });
    const docs = readJsonl<{ id: string; text: string }>(path.join(out, 'documents', 'corpus.jsonl'));
    const attrs = readJsonl<{ id: string; attributes: Record<string, [number, number, number][]> }>(path.join(out, 'attributes', 'corpus_lens', 'corpus.jsonl'));
    assert.deepEqual(attrs.map((a) => a.id), docs.map((d) => d.id));
    const calderText = docs.find((d) => d.id === CALDER)!.text;
    assert.equal(calderText, fs.readFileSync(path.join(dir, CALDER), 'utf8'));
    const calder = attrs.find((a) => a.id === CALDER)!.attributes;
    const has = (f: Finding) => (calder[attributeName(f.code)] ?? []).some(([s, e]) => s === f.start && e === f.end);
    assert.ok(has(confirmed) && has(undecided) && !has(dismissed));
    assert.ok((calder[attributeName(confirmed.code)] ?? []).some(([s, , score]) => s === confirmed.start && score === 1));
    assert.ok(attrs.find((a) => a.id === STRIKE)!.attributes.corpus_lens__duplicate__dropped_copy);
  });

  it('lists orphaned annotations in warnings.jsonl and never exports them', async () => {
    const orphanDir = copyCorpus(sampleCorpus, 'orphan');
    const file = path.join(orphanDir, STRIKE);
    // The tagged name is edited away in the source: its tag can no longer anchor.
    writeFiles(orphanDir, { [STRIKE]: fs.readFileSync(file, 'utf8').split('Teodoro Malvern').join('the union president') });
    const { out, summary } = await runExport(orphanDir, { format: 'spans-jsonl' });
    assert.equal(summary.orphaned, 1);
    const warnings = readJsonl(path.join(out, 'warnings.jsonl')).filter((w) => w.type === 'orphaned');
    assert.deepEqual(warnings.map((w) => [w.path, w.quote]), [[STRIKE, 'Teodoro Malvern']]);
    const spans = readJsonl<{ meta: { path: string }; spans: { id: string }[] }>(path.join(out, 'spans.jsonl')).find((r) => r.meta.path === STRIKE)!;
    assert.equal(spans.spans.length, 4);
    assert.ok(!spans.spans.some((s) => s.id === 'xk01y9'));
  });
});
