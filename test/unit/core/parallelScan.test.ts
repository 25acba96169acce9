// The parallel scan gives the same findings as the single-thread scan, skipped files included.
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { FileAnalysis } from '../../../src/core/index/corpusIndex';
import { HEAP_HEADROOM_MB, heapHeadroom, scanFolderParallel } from '../../../src/core/parallelScan';
import { toJsonReport } from '../../../src/core/report';
import { scanFolder } from '../../../src/core/scan';

const repo = path.resolve(__dirname, '..', '..', '..', '..');
const workerScript = path.join(repo, 'out', 'src', 'worker', 'prepareWorker.js');

describe('scanFolderParallel', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-lens-par-'));
    fs.cpSync(path.join(repo, 'sample-corpus'), dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'zz-binary.txt'), Buffer.from([1, 2, 0, 3]));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('matches scanFolder on the sample corpus, with two workers and batches split across them', async () => {
    const progress: string[] = [];
    const parallel = await scanFolderParallel(dir, { onProgress: (p) => progress.push(p.phase) }, { workerScript, workers: 2 });
    const single = scanFolder(dir);
    assert.deepStrictEqual(toJsonReport(parallel), toJsonReport(single));
    assert.ok(toJsonReport(single).files.some((f) => f.findings.length > 0));
    assert.deepStrictEqual(parallel.skipped.map((s) => s.path), ['zz-binary.txt']);
    assert.ok(progress.includes('reading') && progress.includes('analysing'));
  });
});

describe('scanFolderParallel with a file that changes during the scan', () => {
  let dir: string;
  const passage = 'The harbour board voted on Tuesday to close the old ferry pier for repairs through the winter, ' +
    'after engineers found that storms had loosened the piles under its northern end and that the deck had sunk.';
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-lens-change-'));
    fs.writeFileSync(path.join(dir, 'a.txt'), `First report.\n\n${passage}\n`);
    fs.writeFileSync(path.join(dir, 'b.txt'), `Second report, a copy.\n\n${passage}\n`);
    fs.writeFileSync(path.join(dir, 'c.txt'), 'An unrelated note about the weather on the coast this week.\n');
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  for (const dropFingerprints of [false, true]) {
    it(`re-reads and re-indexes it, and reports the new offsets, never the old ones${dropFingerprints ? ', its fingerprints dropped after the sort' : ''}`, async () => {
      fs.writeFileSync(path.join(dir, 'a.txt'), `First report.\n\n${passage}\n`);
      // Rewritten once every file is prepared and before the workers read it again for the boilerplate detector:
      // the passage moves down two lines and many characters, so old offsets would point elsewhere.
      const moved = `A new opening line was added here.\n\nAnd a second paragraph before the rest.\n\nFirst report.\n\n${passage}\n`;
      let rewritten = false;
      const parallel = await scanFolderParallel(dir, {
        onProgress: (p) => {
          if (p.phase === 'reading' && p.done === p.total && !rewritten) {
            rewritten = true;
            fs.writeFileSync(path.join(dir, 'a.txt'), moved);
          }
        },
      }, { workerScript, workers: 1, dropFingerprints });
      assert.ok(rewritten);
      // Dropped, the fingerprints of every file were made again from disk for the re-indexing.
      assert.strictEqual(parallel.index.refingerprinted > 0, dropFingerprints);
      const report = toJsonReport(parallel);
      assert.deepStrictEqual(report, toJsonReport(scanFolder(dir)));
      const a = report.files.find((f) => f.path === 'a.txt')!;
      const dup = a.findings.find((f) => f.kind === 'duplicate')!;
      assert.deepStrictEqual(dup.range, { start: { line: 6, character: 0 }, end: { line: 6, character: passage.length - 1 } });
      // The copy in b.txt names a.txt's passage where it stands now.
      const b = report.files.find((f) => f.path === 'b.txt')!;
      assert.deepStrictEqual(b.findings.find((f) => f.kind === 'duplicate')!.related,
        [{ path: 'a.txt', range: { start: { line: 6, character: 0 }, end: { line: 6, character: passage.length - 1 } } }]);
      assert.strictEqual(parallel.index.document('a.txt')!.model.text, moved);
    });
  }
});

describe('the index after a parallel scan', () => {
  let dir: string;
  const passage = 'The county library will stay open until nine on weekdays from next month, the council said, after ' +
    'a survey found that most of its readers could only come in the evening, once their working day was over.';
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-lens-after-'));
    fs.writeFileSync(path.join(dir, 'a.txt'), `Library hours.\n\n${passage}\n`);
    fs.writeFileSync(path.join(dir, 'b.txt'), `Evening opening, reported again.\n\n${passage}\n`);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('keeps no text, reads an unchanged file again on demand, and re-indexes one changed since', async () => {
    const result = await scanFolderParallel(dir, {}, { workerScript, workers: 1 });
    const a = result.index.document('a.txt')!;
    assert.strictEqual(a.model.textLoaded, false);
    assert.strictEqual(result.index.document('b.txt')!.model.textLoaded, false);
    const first = fs.readFileSync(path.join(dir, 'a.txt'), 'utf8');
    assert.ok(result.index.holdsText('a.txt', first));
    assert.strictEqual(a.model.textLoaded, true);

    // b.txt changes after the scan (with a later mtime, whatever the clock's resolution): its findings come
    // from the new text, two lines further down, not from the offsets indexed before.
    const moved = `Evening opening, reported again.\n\nWith a new paragraph first.\n\n${passage}\n`;
    fs.writeFileSync(path.join(dir, 'b.txt'), moved);
    const later = new Date(Date.now() + 5000);
    fs.utimesSync(path.join(dir, 'b.txt'), later, later);
    assert.strictEqual(result.index.holdsText('b.txt', `Evening opening, reported again.\n\n${passage}\n`), false);
    const b = result.index.analyze('b.txt');
    const dup = b.findings.find((f) => f.kind === 'duplicate')!;
    assert.strictEqual(moved.slice(dup.start, dup.end), passage.slice(0, -1));
    assert.strictEqual(result.index.document('b.txt')!.model.text, moved);
    assert.ok(result.index.holdsText('b.txt', moved));
  });
});

describe('the heap cap of a parallel scan', () => {
  it('runs at HEAP_HEADROOM_MB unless the caller or CORPUS_LENS_HEAP_CAP=off turns it off', () => {
    assert.strictEqual(heapHeadroom({}, {}), HEAP_HEADROOM_MB);
    assert.strictEqual(heapHeadroom({ heapHeadroomMb: 32 }, {}), 32);
    assert.strictEqual(heapHeadroom({ heapHeadroomMb: 0 }, {}), 0);
    assert.strictEqual(heapHeadroom({ heapHeadroomMb: false }, {}), undefined);
    assert.strictEqual(heapHeadroom({ heapHeadroomMb: 32 }, { CORPUS_LENS_HEAP_CAP: 'off' }), undefined);
    assert.strictEqual(heapHeadroom({}, { CORPUS_LENS_HEAP_CAP: 'on' }), HEAP_HEADROOM_MB);
  });

  it('collects in a process started without --expose-gc, as the editor starts its index worker', () => {
    // A child of its own: this process may have gc exposed, and the flag, once set, stays set.
    const module = require.resolve('../../../src/core/parallelScan');
    const code = `
      const { exposedGc } = require(${JSON.stringify(module)});
      const before = typeof globalThis.gc;
      const gc = exposedGc();
      let garbage = [];
      for (let i = 0; i < 200000; i++) { garbage.push({ i, s: 'x' + i }); }
      garbage = undefined;
      const full = process.memoryUsage().heapUsed;
      gc();
      process.stdout.write(JSON.stringify({ before, type: typeof gc, freed: full - process.memoryUsage().heapUsed }));`;
    const out = JSON.parse(execFileSync(process.execPath, ['-e', code], { encoding: 'utf8' })) as { before: string; type: string; freed: number };
    assert.strictEqual(out.before, 'undefined');
    assert.strictEqual(out.type, 'function');
    // 200,000 objects with their strings are some 10 MB: a full collection frees most of them.
    assert.ok(out.freed > 4 * 1024 * 1024, `${out.freed} bytes freed`);
  });
});

describe('scanFolderParallel handing each file over as it is final (onFile)', () => {
  let dir: string;
  const passage = 'The river authority opened the new flood gates on Monday, two years late and well over budget, ' +
    'after a winter in which the old ones failed twice and the low streets of the town stood under water for days.';
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-lens-onfile-'));
    // a.txt copies z.txt, three batches later in path order: a.txt is final before z.txt is read again.
    fs.writeFileSync(path.join(dir, 'a.txt'), `Flood gates, as reported.\n\n${passage}\n`);
    fs.writeFileSync(path.join(dir, 'z.txt'), `Flood gates.\n\n${passage}\n`);
    const words = 'tide gauge levee pump station sluice culvert embankment drain weir'.split(' ');
    for (let i = 0; i < 80; i++) {
      const text = Array.from({ length: 40 }, (_, j) => words[(i * 3 + j * 7 + (j >> 3)) % words.length]).join(' ');
      fs.writeFileSync(path.join(dir, `n${String(i).padStart(2, '0')}.txt`), `Note ${i}.\n\n${text}.\n`);
    }
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('hands over the same analyses as the scan keeps, in path order, the first ones before the last batch is back', async () => {
    const events: string[] = [];
    const streamed: FileAnalysis[] = [];
    const result = await scanFolderParallel(dir, {
      onFile: (a) => { streamed.push(a); events.push(`file ${a.path}`); },
      onProgress: (p) => { if (p.phase === 'analysing') { events.push(`analysed ${p.done}/${p.total}`); } },
    }, { workerScript, workers: 1 });
    assert.deepStrictEqual(result.files, []);
    // One worker: which copy a finding names first follows the order in which the documents were linked.
    const kept = await scanFolderParallel(dir, {}, { workerScript, workers: 1 });
    assert.deepStrictEqual(streamed, kept.files);
    assert.deepStrictEqual(streamed.map((a) => a.path), [...streamed.map((a) => a.path)].sort());
    assert.ok(events.indexOf(`file ${streamed[0].path}`) < events.indexOf(`analysed ${streamed.length}/${streamed.length}`));
  });

  it('gives the same analyses with one boilerplate batch in flight per worker as with all of them', async () => {
    const streamed: FileAnalysis[] = [];
    const progress: number[] = [];
    const result = await scanFolderParallel(dir, {
      onFile: (a) => { streamed.push(a); },
      onProgress: (p) => { if (p.phase === 'analysing') { progress.push(p.done); } },
    }, { workerScript, workers: 2, inFlight: 1 });
    assert.deepStrictEqual(toJsonReport({ ...result, files: streamed }), toJsonReport(scanFolder(dir)));
    // 82 files in batches of 32 shared by two workers: each batch answered on its own, the last with every file.
    assert.ok(progress.length >= 3, `${progress.length} replies`);
    assert.strictEqual(progress[progress.length - 1], 82);
  });

  it('gives the same analyses when its heap is collected in full after every batch (no headroom)', async () => {
    const streamed: FileAnalysis[] = [];
    const result = await scanFolderParallel(dir, { onFile: (a) => { streamed.push(a); } }, { workerScript, workers: 2, inFlight: 1, heapHeadroomMb: 0 });
    assert.deepStrictEqual(toJsonReport({ ...result, files: streamed }), toJsonReport(scanFolder(dir)));
    // Three batches answered one at a time, each reply's findings made here: the heap grew after every one.
    assert.ok((result.heapCollections?.count ?? 0) >= 2, JSON.stringify(result.heapCollections));
  });

  it('caps its heap by default, and not when the caller turns the cap off', async () => {
    const capped = await scanFolderParallel(dir, {}, { workerScript, workers: 1 });
    assert.ok(capped.heapCollections, 'the cap runs without being asked for');
    const free = await scanFolderParallel(dir, {}, { workerScript, workers: 1, heapHeadroomMb: false });
    assert.strictEqual(free.heapCollections, undefined);
    assert.deepStrictEqual(toJsonReport(free), toJsonReport(capped));
  });

  it('holds back a file that names a later file changed during the scan, and reports it with the new offsets', async () => {
    const moved = `Flood gates.\n\nA paragraph was put in first.\n\nAnd another one after it.\n\n${passage}\n`;
    let rewritten = false;
    const streamed: FileAnalysis[] = [];
    const result = await scanFolderParallel(dir, {
      onFile: (a) => { streamed.push(a); },
      onProgress: (p) => {
        if (p.phase === 'reading' && p.done === p.total && !rewritten) {
          rewritten = true;
          fs.writeFileSync(path.join(dir, 'z.txt'), moved);
          const later = new Date(Date.now() + 5000);
          fs.utimesSync(path.join(dir, 'z.txt'), later, later);
        }
      },
    }, { workerScript, workers: 1 });
    assert.ok(rewritten);
    const a = streamed.find((f) => f.path === 'a.txt')!;
    const dup = a.findings.find((f) => f.kind === 'duplicate')!;
    assert.deepStrictEqual(dup.related.map((r) => [r.path, moved.slice(r.start, r.end)]), [['z.txt', passage.slice(0, -1)]]);
    assert.deepStrictEqual(toJsonReport({ ...result, files: streamed }), toJsonReport(scanFolder(dir)));
  });
});

describe('a parallel scan dropping the tokens of files that share no fingerprint', () => {
  let dir: string;
  const passage = 'The ferry company will add a late boat on Fridays from June, after a summer in which the last ' +
    'crossing of the evening was full every week and people waited on the quay for an hour in the rain.';
  const lone = 'A note on the allotments: the water trough by the north gate leaks again, and the committee asks ' +
    'members to fill their cans at the shed until the plumber has been round to fix the valve next week.';
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-lens-drop-'));
    fs.writeFileSync(path.join(dir, 'a.txt'), `Ferry timetable.\n\n${passage}\n`);
    fs.writeFileSync(path.join(dir, 'b.txt'), `Late boat, again.\n\n${passage}\n`);
    fs.writeFileSync(path.join(dir, 'c.txt'), `Allotments.\n\n${lone}\n`);
    fs.writeFileSync(path.join(dir, 'd.txt'), `Gardens.\n\n${lone.replace('north gate', 'south gate')}\n`);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('keeps those of files that share, and makes the others again from disk when an edit reaches them', async () => {
    const result = await scanFolderParallel(dir, {}, { workerScript, workers: 1 });
    const index = result.index;
    // c.txt and d.txt differ in the middle, so each has shared fingerprints: all four keep their tokens...
    assert.strictEqual(index.heldTokens().documents, 4);
    const only = await scanFolderParallel(dir, { exclude: ['d.txt'] }, { workerScript, workers: 1 });
    // ...while without d.txt, c.txt shares nothing and its tokens go, and the findings are those of scanFolder.
    assert.strictEqual(only.index.heldTokens().documents, 2);
    assert.strictEqual(only.index.document('c.txt')!.model.textLoaded, false);
    assert.deepStrictEqual(toJsonReport(only), toJsonReport(scanFolder(dir, { exclude: ['d.txt'] })));
    assert.strictEqual(only.index.retokenized, 0);

    // An edit that copies c.txt's paragraph finds it: c.txt is tokenized again from the disk, its text not kept.
    only.index.setDocument('e.txt', `Copied.\n\n${lone}\n`);
    const e = only.index.analyze('e.txt');
    const dup = e.findings.find((f) => f.kind === 'duplicate')!;
    const c = fs.readFileSync(path.join(dir, 'c.txt'), 'utf8');
    assert.deepStrictEqual(dup.related.map((r) => [r.path, c.slice(r.start, r.end)]), [['c.txt', lone.slice(0, -1)]]);
    assert.strictEqual(only.index.retokenized, 1);
    assert.strictEqual(only.index.document('c.txt')!.model.textLoaded, false);
  });

  it('pairs nothing with a dropped file changed on disk since, never its old offsets, until it is re-indexed', async () => {
    const result = await scanFolderParallel(dir, { exclude: ['d.txt'] }, { workerScript, workers: 1 });
    const index = result.index;
    assert.strictEqual(index.document('c.txt')!.model.textLoaded, false);
    const moved = `Allotments.\n\nA new first paragraph, put in after the scan.\n\n${lone}\n`;
    fs.writeFileSync(path.join(dir, 'c.txt'), moved);
    const later = new Date(Date.now() + 5000);
    fs.utimesSync(path.join(dir, 'c.txt'), later, later);
    index.setDocument('e.txt', `Copied.\n\n${lone}\n`);
    assert.deepStrictEqual(index.analyze('e.txt').findings.filter((f) => f.kind === 'duplicate'), []);
    // Analysing c.txt re-indexes it from the disk; then the copy is found at its new place.
    index.analyze('c.txt');
    const dup = index.analyze('e.txt').findings.find((f) => f.kind === 'duplicate')!;
    assert.deepStrictEqual(dup.related.map((r) => [r.path, moved.slice(r.start, r.end)]), [['c.txt', lone.slice(0, -1)]]);
  });
});
