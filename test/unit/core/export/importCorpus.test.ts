// Hostile import inputs: offsets and quotes that would split an emoji's surrogate pair, a sidecar that is not
// UTF-8. Each must be reported as that tag's (or file's) problem, the rest of the input still imported, and
// nothing thrown (a throw lost the whole run and printed a stack trace instead of the JSON summary).
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { importAnnotations } from '../../../../src/core/export/importCorpus';
import { offsetMapper } from '../../../../src/core/export/offsets';
import { tempDir, writeFiles } from './exportHelpers';

const TEXT = '😀 smile, said Mira Osei.\n';

function inputBeside(dir: string, name: string, lines: unknown[]): string {
  const file = path.join(dir, '..', `${path.basename(dir)}-${name}`);
  fs.writeFileSync(file, lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
  return file;
}

describe('import: hostile offsets, quotes and sidecars', function () {
  it('a UTF-16 position inside a surrogate pair maps to no offset', () => {
    const map = offsetMapper(TEXT, 'utf16');
    assert.equal(map.toUtf16(1), undefined);
    assert.equal(map.toUtf16(2), 2);
    assert.equal(map.toUtf16(0), 0);
  });

  it('reports a span-jsonl span that splits an emoji and imports the others', async () => {
    const dir = tempDir('imp-split');
    writeFiles(dir, { 'a.txt': TEXT });
    const input = inputBeside(dir, 'spans.jsonl', [{
      text: TEXT, meta: { path: 'a.txt', offset_unit: 'utf16' },
      spans: [{ start: 0, end: 1, label: 'emoji' }, { start: 15, end: 24, label: 'person' }],
    }]);
    const summary = await importAnnotations(dir, { format: 'spans-jsonl', input });
    assert.equal(summary.imported, 1);
    assert.equal(summary.problems.length, 1);
    assert.match(summary.problems[0].message, /"start":0,"end":1/);
  });

  it('rejects a W3C quote that is half of a surrogate pair and imports the others', async () => {
    const dir = tempDir('imp-w3c-split');
    writeFiles(dir, { 'a.txt': TEXT });
    const target = (exact: string) => ({ source: 'a.txt', selector: { type: 'TextQuoteSelector', exact } });
    const body = { type: 'TextualBody', value: 'person', purpose: 'tagging' };
    const input = inputBeside(dir, 'w3c.jsonl', [
      { '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'Annotation', body, target: target('\ud83d') },
      { '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'Annotation', body, target: target('Mira Osei') },
    ]);
    const summary = await importAnnotations(dir, { format: 'w3c', input });
    assert.equal(summary.imported, 1);
    assert.deepEqual(summary.rejected.map((r) => r.quote), ['\ud83d']);
  });

  it('rejects brat offsets (in UTF-16) that split an emoji', async () => {
    const dir = tempDir('imp-brat-split');
    writeFiles(dir, { 'a.txt': TEXT });
    const input = tempDir('imp-brat-split-in');
    writeFiles(input, { 'a.txt': TEXT, 'a.ann': 'T1\temoji 1 2\t\udE00\nT2\tperson 15 24\tMira Osei\n' });
    const summary = await importAnnotations(dir, { format: 'brat', input, offsets: 'utf16' });
    assert.equal(summary.imported, 1);
    assert.equal(summary.rejected.length + summary.problems.length, 1);
  });

  it('reports the tags of a file whose sidecar is not UTF-8, leaves that sidecar as it is, and imports the others', async () => {
    const dir = tempDir('imp-bad-sidecar');
    const bad = Buffer.concat([Buffer.from('version: 1\nsource: a.txt\nauthor: Fran'), Buffer.from([0xe7]), Buffer.from('ois\nannotations: []\n')]);
    writeFiles(dir, { 'a.txt': TEXT, 'a.txt.annotations.yaml': bad, 'b.txt': TEXT });
    const record = (p: string) => ({ text: TEXT, meta: { path: p, offset_unit: 'utf16' }, spans: [{ start: 15, end: 24, label: 'person' }] });
    const input = inputBeside(dir, 'spans.jsonl', [record('a.txt'), record('b.txt')]);
    const summary = await importAnnotations(dir, { format: 'spans-jsonl', input });
    assert.equal(summary.imported, 1);
    assert.deepEqual(summary.rejected.map((r) => [r.path, /not valid UTF-8/.test(r.reason)]), [['a.txt', true]]);
    assert.deepEqual(fs.readFileSync(path.join(dir, 'a.txt.annotations.yaml')), bad);
    assert.ok(fs.existsSync(path.join(dir, 'b.txt.annotations.yaml')));
  });

  describe('input files the reader must refuse without hanging or guessing', () => {
    const fifo = (p: string, test: Mocha.Context) => {
      try { execFileSync('mkfifo', [p]); } catch { test.skip(); }
    };

    it('reports a FIFO given as the input at once, instead of waiting for a writer forever', async function () {
      const dir = tempDir('imp-fifo');
      writeFiles(dir, { 'a.txt': TEXT });
      const input = path.join(dir, '..', `${path.basename(dir)}-pipe.jsonl`);
      fifo(input, this);
      const summary = await importAnnotations(dir, { format: 'spans-jsonl', input });
      assert.deepEqual(summary.problems, [{ where: input, message: 'cannot read it: not a regular file (a named pipe); not reading it' }]);
      assert.equal(summary.imported, 0);
    });

    it('reads a JSON Lines input that starts with a BOM, and refuses one that is not UTF-8 instead of importing U+FFFD', async () => {
      const dir = tempDir('imp-bom');
      writeFiles(dir, { 'a.txt': TEXT });
      const line = JSON.stringify({ text: TEXT, meta: { path: 'a.txt' }, spans: [{ start: 14, end: 23, label: 'person' }] });
      const bom = path.join(dir, '..', `${path.basename(dir)}-bom.jsonl`);
      fs.writeFileSync(bom, '\ufeff' + line + '\n');
      const imported = await importAnnotations(dir, { format: 'spans-jsonl', input: bom });
      assert.deepEqual(imported.problems, []);
      assert.equal(imported.imported, 1);
      const latin1 = path.join(dir, '..', `${path.basename(dir)}-latin1.jsonl`);
      fs.writeFileSync(latin1, Buffer.concat([Buffer.from('{"text":"Fran'), Buffer.from([0xe7]), Buffer.from('ois","spans":[],"meta":{"path":"a.txt"}}\n')]));
      const refused = await importAnnotations(dir, { format: 'spans-jsonl', input: latin1 });
      assert.deepEqual(refused.problems, [{ where: latin1, message: 'not valid UTF-8; convert it to UTF-8 to import it' }]);
    });

    it('reports a FIFO named .ann in a brat folder and imports the pairs beside it', async function () {
      const dir = tempDir('imp-brat-fifo');
      writeFiles(dir, { 'a.txt': TEXT, 'b.txt': TEXT });
      const brat = tempDir('brat-in');
      writeFiles(brat, { 'a.txt': TEXT, 'a.ann': 'T1\tperson 14 23\tMira Osei\n', 'b.txt': TEXT });
      fifo(path.join(brat, 'b.ann'), this);
      const summary = await importAnnotations(dir, { format: 'brat', input: brat });
      assert.deepEqual(summary.problems, [{ where: 'b.ann', message: 'not a regular file (a named pipe); not reading it' }]);
      assert.equal(summary.imported, 1);
    });
  });
});
