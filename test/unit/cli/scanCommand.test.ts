// The CLI's scan command end to end on temporary folders: JSON shape, globs, skipped files, errors.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../../../src/cli/main';
import { listCorpusFiles } from '../../../src/core/corpus';
import { JsonReport } from '../../../src/core/report';

function capture() {
  const out = { stdout: '', stderr: '' };
  return { out, io: { stdout: (s: string) => { out.stdout += s; }, stderr: (s: string) => { out.stderr += s; }, isTTY: false } };
}

const passage = 'The river authority said on Monday that the flood barrier would be raised two metres before the ' +
  'spring tides, a project it expects to cost about four million, according to the plan it filed with the ' +
  'county. Engineers told the council that the old barrier had been overtopped three times since it was built.';

describe('corpus-lens scan', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-lens-cli-'));
    fs.writeFileSync(path.join(dir, 'a.txt'), `Opening words of the first report.\r\n\r\n${passage}\r\n`);
    fs.mkdirSync(path.join(dir, 'sub'));
    fs.writeFileSync(path.join(dir, 'sub', 'b.txt'), `\ufeff😀 Emoji first.\n\n${passage}\n`);
    fs.writeFileSync(path.join(dir, 'notes.md'), passage);
    fs.writeFileSync(path.join(dir, 'image.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1]));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('prints one JSON document with findings in 0-based lines and UTF-16 characters', async () => {
    const { out, io } = capture();
    const code = await main(['scan', dir, '--json'], io);
    assert.strictEqual(code, 0);
    const report = JSON.parse(out.stdout) as JsonReport;
    assert.strictEqual(report.version, 1);
    assert.deepStrictEqual(report.files.map((f) => f.path), ['a.txt', 'sub/b.txt']);
    const dupB = report.files[1].findings.find((f) => f.kind === 'duplicate')!;
    // The BOM is not counted; the emoji is two code units; the passage starts on line 2.
    assert.deepStrictEqual(dupB.range.start, { line: 2, character: 0 });
    assert.deepStrictEqual(dupB.related, [{ path: 'a.txt', range: { start: { line: 2, character: 0 }, end: { line: 2, character: passage.length - 1 } } }]);
    assert.deepStrictEqual(report.summary.skipped.map((s) => [s.path, s.reason]), [['image.txt', 'binary']]);
    assert.match(out.stderr, /skipped image\.txt: binary file/);
  });

  it('applies --include and --exclude globs', async () => {
    const { out, io } = capture();
    await main(['scan', dir, '--json', '--include', '**/*.md', '--include', '**/*.txt', '--exclude', 'sub/**', '--exclude', 'image.txt'], io);
    assert.deepStrictEqual((JSON.parse(out.stdout) as JsonReport).files.map((f) => f.path), ['a.txt', 'notes.md']);
  });

  it('prints a readable report with shares, top findings and totals', async () => {
    const { out, io } = capture();
    assert.strictEqual(await main(['scan', dir], io), 0);
    assert.match(out.stdout, /^a\.txt: \d+% boilerplate · \d+% duplicated · \d+ findings/m);
    assert.match(out.stdout, /^\s+3\s+duplicate\s+same passage as sub\/b\.txt line 3/m);
    assert.match(out.stdout, /^2 files, [\d.]+ MB in [\d.]+ s: /m);
  });

  it('fails clearly on a missing folder, a file given as folder, and bad usage', async () => {
    let c = capture();
    assert.strictEqual(await main(['scan', path.join(dir, 'nope')], c.io), 2);
    assert.match(c.out.stderr, /no such folder/);
    c = capture();
    assert.strictEqual(await main(['scan', path.join(dir, 'a.txt')], c.io), 2);
    assert.match(c.out.stderr, /not a folder/);
    c = capture();
    assert.strictEqual(await main(['scan', dir, '--bogus'], c.io), 2);
    assert.match(c.out.stderr, /unknown option --bogus/);
    c = capture();
    assert.strictEqual(await main(['frobnicate'], c.io), 2);
    assert.match(c.out.stderr, /unknown command 'frobnicate'/);
  });

  it('exits non-zero when a file cannot be read', async function () {
    if (process.getuid?.() === 0) {
      // root reads anything; a dangling path inside the walk stands in for an unreadable file
      fs.symlinkSync(path.join(dir, 'missing-target'), path.join(dir, 'dangling.txt'));
    } else {
      fs.writeFileSync(path.join(dir, 'locked.txt'), 'secret');
      fs.chmodSync(path.join(dir, 'locked.txt'), 0);
    }
    const { out, io } = capture();
    const code = await main(['scan', dir, '--include', '**/*.txt', '--include', 'dangling.txt'], io);
    if (process.getuid?.() === 0) {
      // symbolic links are not followed by the walk, so the dangling link is simply not part of the corpus
      assert.strictEqual(code, 0);
    } else {
      assert.strictEqual(code, 1);
      assert.match(out.stderr, /skipped locked\.txt: cannot read/);
    }
  });

  it('says a UTF-16 file is UTF-16, whether or not its text has NUL bytes, and scans the others', async () => {
    // "Hi there" in UTF-16 LE has a NUL after every letter; CJK text in UTF-16 BE has none.
    fs.writeFileSync(path.join(dir, 'le.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Hi there\n', 'utf16le')]));
    fs.writeFileSync(path.join(dir, 'be.txt'), Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('中文報告', 'utf16le').swap16()]));
    const { out, io } = capture();
    const code = await main(['scan', dir, '--jsonl'], io);
    assert.strictEqual(code, 0);
    const lines = out.stderr.split('\n').filter((l) => /(le|be)\.txt/.test(l));
    assert.deepStrictEqual(lines, [
      'corpus-lens: skipped be.txt: UTF-16 text (byte order mark FE FF), not UTF-8; convert it to UTF-8 to have it read',
      'corpus-lens: skipped le.txt: UTF-16 text (byte order mark FF FE), not UTF-8; convert it to UTF-8 to have it read',
    ]);
    assert.ok(out.stdout.includes('"path":"a.txt"'));
  });
});

describe('listCorpusFiles under a sub-folder', () => {
  it('lists only that folder\'s corpus files, relative to the root, and nothing for a missing folder', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-lens-list-'));
    try {
      fs.mkdirSync(path.join(dir, 'a', 'b'), { recursive: true });
      fs.mkdirSync(path.join(dir, 'a', 'node_modules'));
      fs.writeFileSync(path.join(dir, 'top.txt'), 'x');
      fs.writeFileSync(path.join(dir, 'a', 'one.txt'), 'x');
      fs.writeFileSync(path.join(dir, 'a', 'b', 'two.txt'), 'x');
      fs.writeFileSync(path.join(dir, 'a', 'b', 'notes.md'), 'x');
      fs.writeFileSync(path.join(dir, 'a', 'node_modules', 'dep.txt'), 'x');
      assert.deepStrictEqual(listCorpusFiles(dir, {}, 'a'), ['a/b/two.txt', 'a/one.txt']);
      assert.deepStrictEqual(listCorpusFiles(dir, {}, 'gone'), []);
      assert.deepStrictEqual(listCorpusFiles(dir), ['a/b/two.txt', 'a/one.txt', 'top.txt']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
