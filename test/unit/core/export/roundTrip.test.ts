// import of an export gives the same tags back: on the sample corpus and on random Unicode texts (astral
// characters, ZWJ sequences, combining marks, CRLF and lone LF), for brat, W3C and span JSON Lines.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { AnnotationStore } from '../../../../src/core/annotations/store';
import { importAnnotations } from '../../../../src/core/export/importCorpus';
import { ImportFormat } from '../../../../src/core/export/importFormats';
import { isTag } from '../../../../src/core/export/sidecars';
import { copyCorpus, runExport, sampleCorpus, tempDir, writeFiles } from './exportHelpers';
import { prng } from '../../../../bench/generate';

const FORMATS: { format: ImportFormat; input: (out: string) => string }[] = [
  { format: 'brat', input: (out) => out },
  { format: 'w3c', input: (out) => path.join(out, 'annotations.jsonl') },
  { format: 'spans-jsonl', input: (out) => path.join(out, 'spans.jsonl') },
];

/** Every tag of every sidecar in `dir`, as [path, kind, label, start, end, attributes], sorted. */
async function tagsOf(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const name of fs.readdirSync(dir).filter((n) => n.endsWith('.txt')).sort()) {
    const text = fs.readFileSync(path.join(dir, name), 'utf8').replace(/^\ufeff/, '');
    const session = await new AnnotationStore().open(path.join(dir, name), text);
    for (const a of session.list().filter((x) => isTag(x.annotation))) {
      out.push(JSON.stringify([name, a.annotation.kind, a.annotation.label ?? null, a.start, a.end, sortedKeys(a.annotation.attributes ?? {})]));
    }
  }
  return out.sort();
}

/** Attribute order is not part of a tag. */
function sortedKeys(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : 1)));
}

async function roundTrip(dir: string, format: ImportFormat, input: (out: string) => string): Promise<{ before: string[]; after: string[]; again: number }> {
  const { out } = await runExport(dir, { format, base: 'file:///corpus/' });
  const fresh = copyCorpus(dir, 'import', false);
  const summary = await importAnnotations(fresh, { format, input: input(out), base: 'file:///corpus/' });
  assert.deepEqual(summary.rejected, []);
  assert.deepEqual(summary.problems, []);
  const again = await importAnnotations(fresh, { format, input: input(out), base: 'file:///corpus/' });
  assert.equal(again.imported, 0, 'a second import adds nothing');
  return { before: await tagsOf(dir), after: await tagsOf(fresh), again: again.duplicates };
}

/** A small deterministic generator (the bench's mulberry32), so a failure can be replayed from its seed. */
const random = prng;

const PIECES = ['a', 'B', 'zz', 'word', ' ', ' ', 'é', 'e\u0301', 'n\u0303\u0323', '😀', '👩‍🔬', '🇳🇴', '中文', '.', ',', 'Ω', '\r\n', '\n', '𝔘'];
const BREAKS = new Set(['\r\n', '\n']);

/** A random text as pieces, and tags on piece boundaries that neither start nor end with a line break or a space. */
function randomCorpusFile(rnd: () => number): { text: string; tags: { start: number; end: number; kind: 'entity' | 'claim'; label?: string; attributes?: Record<string, string> }[] } {
  const pieces = Array.from({ length: 30 + Math.floor(rnd() * 60) }, () => PIECES[Math.floor(rnd() * PIECES.length)]);
  const starts: number[] = [];
  let at = 0;
  for (const p of pieces) { starts.push(at); at += p.length; }
  const text = pieces.join('');
  const tags: ReturnType<typeof randomCorpusFile>['tags'] = [];
  const seen = new Set<string>();
  for (let n = 0; n < 6; n++) {
    const i = Math.floor(rnd() * pieces.length);
    const j = i + Math.floor(rnd() * 8);
    if (j >= pieces.length) { continue; }
    const edge = (k: number) => BREAKS.has(pieces[k]) || pieces[k] === ' ';
    if (edge(i) || edge(j)) { continue; }
    const start = starts[i];
    const end = starts[j] + pieces[j].length;
    const claim = rnd() < 0.3;
    const key = `${start}-${end}-${claim}`;
    if (seen.has(key)) { continue; }
    seen.add(key);
    tags.push(claim
      ? { start, end, kind: 'claim', attributes: { status: 'unverified', speaker: 'Zoë 😀 Ng' } }
      : { start, end, kind: 'entity', label: ['person', 'organization', 'location'][Math.floor(rnd() * 3)], attributes: { canonical: text.slice(start, end).replace(/[\r\n]+/g, ' ') } });
  }
  return { text, tags };
}

describe('export/import: round trip', function () {
  this.timeout(120000);

  for (const { format, input } of FORMATS) {
    it(`gives the sample corpus's tags back through ${format}`, async () => {
      const r = await roundTrip(copyCorpus(sampleCorpus, 'rt-sample'), format, input);
      assert.equal(r.before.length, 5);
      assert.deepEqual(r.after, r.before);
    });

    it(`gives random tags on random Unicode text back through ${format}`, async () => {
      for (let seed = 1; seed <= 12; seed++) {
        const rnd = random(seed * 7919 + format.length);
        const dir = tempDir('rt-random');
        for (let f = 0; f < 2; f++) {
          const { text, tags } = randomCorpusFile(rnd);
          const name = `doc${f}.txt`;
          writeFiles(dir, { [name]: (f === 1 ? '\ufeff' : '') + text });
          const session = await new AnnotationStore().open(path.join(dir, name), text);
          for (const t of tags) { session.add(t); }
          await session.save();
        }
        const r = await roundTrip(dir, format, input);
        assert.deepEqual(r.after, r.before, `seed ${seed}`);
      }
    });
  }

  it('reports a tag whose text the file does not hold and writes nothing for it', async () => {
    const dir = tempDir('rt-mismatch');
    writeFiles(dir, { 'a.txt': 'Mira Osei spoke in Accra.\n' });
    const input = path.join(dir, '..', `${path.basename(dir)}-spans.jsonl`);
    fs.writeFileSync(input, JSON.stringify({ text: 'Mira Osei spoke in Kumasi.\n', spans: [{ start: 0, end: 9, label: 'person' }, { start: 19, end: 25, label: 'location' }], meta: { path: 'a.txt' } }) + '\n');
    const summary = await importAnnotations(dir, { format: 'spans-jsonl', input });
    assert.equal(summary.imported, 1);
    assert.deepEqual(summary.rejected, [{ path: 'a.txt', quote: 'Kumasi', reason: 'the file does not hold this text' }]);
    assert.deepEqual((await tagsOf(dir)).map((t) => JSON.parse(t) as unknown[]).map((t) => t.slice(1, 5)), [['entity', 'person', 0, 9]]);
  });
});
