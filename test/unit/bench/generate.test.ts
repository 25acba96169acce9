// The benchmark's corpus generator: the recall and precision that `npm run bench` prints are only as good as the
// truth it records. Same seed, same corpus; every planted copy's recorded ranges hold the copied words in both
// files; each file's recorded article range lies inside it; files stay between 200 bytes and 200 KB; and the
// mean file size is the (1,000 MB in 133,018 files; within 5% on this small corpus, the old generator's
// was 13% above it), so a given size has the file count.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { generateCorpus, GeneratedCorpus } from '../../../bench/generate';

const words = (s: string) => s.split(/\s+/).filter(Boolean);

describe('bench corpus generator', () => {
  let base: string;
  let corpus: GeneratedCorpus;
  const read = (name: string) => fs.readFileSync(path.join(corpus.root, name), 'utf8');

  before(function () {
    this.timeout(120_000); // a 4 MB corpus, on a machine that may be busy
    base = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-lens-gen-'));
    corpus = generateCorpus(path.join(base, 'a'), 4 * 1024 * 1024, 11);
  });
  after(() => fs.rmSync(base, { recursive: true, force: true }));

  it('gives the same corpus for the same seed, and another for another seed', function () {
    this.timeout(60_000);
    const again = generateCorpus(path.join(base, 'b'), 1024 * 1024, 11);
    const names = fs.readdirSync(again.root).sort();
    assert.ok(names.length > 50);
    for (const name of names.slice(0, 60)) {
      assert.equal(fs.readFileSync(path.join(again.root, name), 'utf8'), read(name), name);
    }
    const other = generateCorpus(path.join(base, 'c'), 64 * 1024, 12);
    assert.notEqual(fs.readFileSync(path.join(other.root, names[0]), 'utf8'), read(names[0]));
  });

  it('records planted copies whose ranges hold the copied words in source and target', () => {
    assert.ok(corpus.planted.length > 50, `${corpus.planted.length} planted`);
    let edited = 0;
    for (const p of corpus.planted) {
      const source = words(read(p.source).slice(p.sourceStart, p.sourceEnd));
      const target = words(read(p.target).slice(p.targetStart, p.targetEnd));
      assert.equal(source.length, p.words, `${p.source} ${p.sourceStart}`);
      if (p.edited) {
        edited++;
        // About one word in 25 changed, inserted or deleted: the ends may move, most words stay.
        assert.ok(Math.abs(target.length - source.length) <= Math.max(3, source.length * 0.1), `${p.target} ${p.targetStart}`);
      } else {
        assert.deepEqual(target, source, `${p.target} ${p.targetStart}`);
      }
    }
    assert.ok(edited > 0 && edited < corpus.planted.length);
  });

  it('records each article range inside its file, and keeps files between 200 bytes and 200 KB', () => {
    const names = fs.readdirSync(corpus.root).sort();
    assert.equal(names.length, corpus.files);
    assert.equal(corpus.bodies.length, 2 * corpus.files);
    let bytes = 0;
    let lfOnly = 0;
    let crlf = 0;
    names.forEach((name, n) => {
      const text = read(name);
      const size = Buffer.byteLength(text);
      bytes += size;
      assert.ok(size >= 200 && size <= 200 * 1024, `${name}: ${size} bytes`);
      const [start, end] = [corpus.bodies[2 * n], corpus.bodies[2 * n + 1]];
      assert.ok(start > 0 && start <= end && end <= text.length, `${name}: ${start}-${end}`);
      if (text.includes('\r\n')) { crlf++; } else { lfOnly++; }
    });
    assert.equal(bytes, corpus.bytes);
    assert.ok(crlf > 0 && lfOnly > crlf, `${crlf} CRLF files of ${names.length}`);
  });

  it('holds the mean file size to the issue corpus, 1,000 MB in 133,018 files', () => {
    const mean = corpus.bytes / corpus.files;
    const target = 1000 * 1024 * 1024 / 133018;
    assert.ok(Math.abs(mean - target) / target < 0.05, `mean ${mean.toFixed(0)} bytes, target ${target.toFixed(0)}`);
  });
});
