// `corpus-lens export` and `corpus-lens import` through main(): usage errors exit 2, an export with --on cleaned
// places the tags in the cleaned text and leaves out the dropped copies, and import reads it back.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { main } from '../../../src/cli/main';
import { AnnotationStore } from '../../../src/core/annotations/store';
import { copyCorpus, readJsonl, sampleCorpus, tempDir } from '../core/export/exportHelpers';

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { stdout: (s) => { out += s; }, stderr: (s) => { err += s; } });
  return { code, out, err };
}

describe('export/import: CLI', function () {
  this.timeout(60000);

  it('exits 2 on a missing or unknown format, a missing --out, or an --out inside the corpus', async () => {
    const dir = copyCorpus(sampleCorpus, 'cli');
    assert.equal((await cli('export', dir, '--out', tempDir('o'))).code, 2);
    assert.match((await cli('export', dir, '--format', 'xml', '--out', tempDir('o'))).err, /--format takes jsonl, parquet/);
    assert.equal((await cli('export', dir, '--format', 'jsonl')).code, 2);
    assert.match((await cli('export', dir, '--format', 'jsonl', '--out', path.join(dir, 'out'))).err, /outside the corpus folder/);
    assert.equal((await cli('import', dir, '--format', 'conll', dir)).code, 2);
  });

  it('with --on cleaned, places each tag in the cleaned text and leaves out the dropped copies', async () => {
    const dir = copyCorpus(sampleCorpus, 'cli-cleaned');
    const out = tempDir('o');
    const r = await cli('export', dir, '--format', 'spans-jsonl', '--on', 'cleaned', '--out', out);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /^exported 13 documents as spans-jsonl/);
    const records = readJsonl<{ text: string; spans: { start: number; end: number; id: string }[]; meta: { path: string } }>(path.join(out, 'spans.jsonl'));
    assert.ok(!records.some((x) => x.meta.path === 'quillpoint-port-strike-briefing.txt'));
    const strike = records.find((x) => x.meta.path === 'quillpoint-port-strike.txt')!;
    const text = fs.readFileSync(path.join(dir, 'quillpoint-port-strike.txt'), 'utf8');
    const session = await new AnnotationStore().open(path.join(dir, 'quillpoint-port-strike.txt'), text);
    assert.equal(strike.spans.length, 5);
    for (const s of strike.spans) {
      assert.equal(Array.from(strike.text).slice(s.start, s.end).join(''), session.get(s.id)!.annotation.quote);
    }
    assert.ok(strike.text.length < text.length, 'the cleaned text is shorter than the source');
  });

  it('imports an export through the CLI, and a second import adds nothing', async () => {
    const dir = copyCorpus(sampleCorpus, 'cli-import');
    const out = tempDir('o');
    assert.equal((await cli('export', dir, '--format', 'w3c', '--out', out)).code, 0);
    const fresh = copyCorpus(sampleCorpus, 'cli-fresh', false);
    const base = `file://${dir}/`;
    const first = await cli('import', fresh, '--format', 'w3c', path.join(out, 'annotations.jsonl'), '--base', base, '--json');
    assert.equal(first.code, 0, first.err);
    assert.equal((JSON.parse(first.out) as { imported: number }).imported, 5);
    const strike = path.join(fresh, 'quillpoint-port-strike.txt');
    const session = await new AnnotationStore().open(strike, fs.readFileSync(strike, 'utf8'));
    assert.deepEqual(session.list().map((a) => a.annotation.author), Array(5).fill('sample'), 'the W3C creator becomes the author');
    const second = await cli('import', fresh, '--format', 'w3c', path.join(out, 'annotations.jsonl'), '--base', base, '--json');
    assert.deepEqual([(JSON.parse(second.out) as { imported: number; duplicates: number }).imported, (JSON.parse(second.out) as { duplicates: number }).duplicates], [0, 5]);
  });

  it('exits 1 and says so when a sidecar cannot be read, since its tags and decisions are missing from the export', async () => {
    const dir = copyCorpus(sampleCorpus, 'cli-bad-sidecar');
    const name = fs.readdirSync(dir).find((n) => n.endsWith('.annotations.yaml'))!;
    const sidecar = path.join(dir, name);
    // A Latin-1 byte: not UTF-8, so the sidecar is invalid (and must be left as it is).
    const bytes = Buffer.concat([Buffer.from('# Fran'), Buffer.from([0xe7]), Buffer.from('ois\n'), fs.readFileSync(sidecar)]);
    fs.writeFileSync(sidecar, bytes);
    for (const format of ['jsonl', 'spans-jsonl']) {
      const out = tempDir('o');
      const r = await cli('export', dir, '--format', format, '--out', out);
      assert.equal(r.code, 1, `${format}: ${r.err}`);
      assert.match(r.err, /1 sidecars could not be read/);
      assert.ok(readJsonl<{ type: string }>(path.join(out, 'warnings.jsonl')).some((w) => w.type === 'sidecar'));
    }
    assert.deepEqual(fs.readFileSync(sidecar), bytes);
  });

  it('exits 1 with a clear error, not a stack trace, when --out cannot be written', async () => {
    const dir = copyCorpus(sampleCorpus, 'cli-unwritable');
    const blocker = path.join(tempDir('o'), 'a-file');
    fs.writeFileSync(blocker, 'in the way\n');
    const r = await cli('export', dir, '--format', 'jsonl', '--out', path.join(blocker, 'out'));
    assert.equal(r.code, 1);
    assert.match(r.err, /^corpus-lens: cannot write the export to .*a-file[\\/]out: cannot create the folder: a part of the path is not a folder \(ENOTDIR\); nothing was exported\n$/);
    assert.doesNotMatch(r.err, /\n\s+at /);
  });

  it('exports a file whose name is too long for a sidecar beside it as one without a sidecar, exit 0', async () => {
    const dir = tempDir('cli-long-name');
    // 243 + '.txt' fits a 255-byte name; its sidecar's name (+ '.annotations.yaml') cannot exist.
    fs.writeFileSync(path.join(dir, `${'n'.repeat(243)}.txt`), 'Mira Osei spoke in Accra.\n');
    const out = tempDir('o');
    const r = await cli('export', dir, '--format', 'jsonl', '--out', out);
    assert.equal(r.code, 0, r.err);
    assert.deepEqual(readJsonl(path.join(out, 'warnings.jsonl')), []);
    assert.equal(readJsonl(path.join(out, 'documents.jsonl')).length, 1);
  });
});
