// The corpus index after a bulk analysis: incremental calls look up only their own fingerprints in the posting
// table the scan left partial, and find what an index built one document at a time finds.
import * as assert from 'assert';
import { CorpusIndex } from '../../../../src/core/index/corpusIndex';

/** Deterministic prose of distinct words, so that nothing is shared by chance. */
function prose(seed: string, words: number): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++) { out.push(`${seed}${i.toString(36)}`); }
  return out.join(' ') + '.';
}

const NAV = 'Home World Politics Business Sport Weather Opinion Video';
const options = { duplicates: { maxPostings: 4 } };

/** 16 files: a nav line in all (past maxPostings), one passage in f0/f4/f8/f12, the rest unique to each file. */
function corpus(): [string, string][] {
  const files: [string, string][] = [];
  for (let i = 0; i < 16; i++) {
    const body = i % 4 === 0 ? prose('shared', 50) : prose(`u${i}x`, 60);
    files.push([`f${i}.txt`, `${NAV}\n\n${body}\n\n${prose(`t${i}y`, 40)}\n`]);
  }
  return files;
}

/** An index loaded in bulk and analysed as a scan does, beside one built a document at a time. */
function scannedAndIncremental(): { bulk: CorpusIndex; incremental: CorpusIndex } {
  const bulk = new CorpusIndex(options);
  const incremental = new CorpusIndex(options);
  for (const [p, t] of corpus()) { bulk.load(p, t); incremental.setDocument(p, t); }
  const shared = bulk.sharedFingerprints();
  for (const [p] of corpus()) { bulk.analyzeWith(p, bulk.detectBoilerplate(p), shared); }
  return { bulk, incremental };
}

function sameEverywhere(bulk: CorpusIndex, incremental: CorpusIndex): void {
  for (const p of [...incremental.paths].sort()) { assert.deepStrictEqual(bulk.analyze(p), incremental.analyze(p), p); }
}

describe('CorpusIndex after a bulk analysis', () => {
  it('an edit finds a passage that stood only once at the scan, without completing the table', () => {
    const { bulk, incremental } = scannedAndIncremental();
    // f5's unique paragraph now stands in f7 too: neither had it in the table the scan left.
    const edited = `${NAV}\n\n${prose('u5x', 60)}\n\n${prose('new', 30)}\n`;
    assert.deepStrictEqual(bulk.setDocument('f7.txt', edited).sort(), incremental.setDocument('f7.txt', edited).sort());
    const dup = bulk.analyze('f7.txt').findings.filter((f) => f.kind === 'duplicate');
    assert.deepStrictEqual(dup.map((f) => f.related.map((r) => r.path)), [['f5.txt']]);
    assert.deepStrictEqual(bulk.analyze('f5.txt'), incremental.analyze('f5.txt'));
    // The edited file and the one it now shares with looked up their fingerprints; the rest of the table waits.
    assert.ok(bulk.tablePostings < bulk.postingCount / 2, `${bulk.tablePostings} of ${bulk.postingCount} postings in the table`);
    sameEverywhere(bulk, incremental);
  });

  it('an edit and a removal of copies of a shared passage reach the other copies', () => {
    const { bulk, incremental } = scannedAndIncremental();
    const plain = `${NAV}\n\nnothing shared here\n`;
    assert.deepStrictEqual(bulk.setDocument('f4.txt', plain).sort(), ['f0.txt', 'f12.txt', 'f8.txt']);
    incremental.setDocument('f4.txt', plain);
    assert.deepStrictEqual(bulk.removeDocument('f8.txt').sort(), incremental.removeDocument('f8.txt').sort());
    assert.ok(bulk.tablePostings < bulk.postingCount / 2, `${bulk.tablePostings} of ${bulk.postingCount} postings in the table`);
    sameEverywhere(bulk, incremental);
    // A new file with the nav line alone: the nav's fingerprints stand in more files than maxPostings.
    assert.deepStrictEqual(bulk.setDocument('g.txt', `${NAV}\n`), incremental.setDocument('g.txt', `${NAV}\n`));
    sameEverywhere(bulk, incremental);
  });

  it('a file loaded in bulk after the analysis joins the table with its postings', () => {
    const { bulk, incremental } = scannedAndIncremental();
    const late = `${NAV}\n\n${prose('shared', 50)}\n\n${prose('u9x', 60)}\n`;
    bulk.load('late.txt', late);
    incremental.setDocument('late.txt', late);
    sameEverywhere(bulk, incremental);
    assert.deepStrictEqual(bulk.setDocument('f9.txt', 'gone\n').sort(), incremental.setDocument('f9.txt', 'gone\n').sort());
    sameEverywhere(bulk, incremental);
  });

  it('an edit after the fingerprints were dropped finds what it finds with them, making them again from the texts', () => {
    const { bulk, incremental } = scannedAndIncremental();
    bulk.dropFingerprints();
    assert.strictEqual(bulk.refingerprinted, 0);
    const edited = `${NAV}\n\n${prose('u5x', 60)}\n\n${prose('new', 30)}\n`;
    assert.deepStrictEqual(bulk.setDocument('f7.txt', edited).sort(), incremental.setDocument('f7.txt', edited).sort());
    // The first lookup in the pooled documents made every one's fingerprints again (f7's old text's among them).
    assert.strictEqual(bulk.refingerprinted, 16);
    sameEverywhere(bulk, incremental);
    assert.strictEqual(bulk.refingerprinted, 16, 'fingerprints made again are kept');
  });

  it('drops the fingerprints after the bulk sort for the workers (sharedPostings) and analyses the same', () => {
    const bulk = new CorpusIndex(options);
    const incremental = new CorpusIndex(options);
    for (const [p, t] of corpus()) { bulk.load(p, t); incremental.setDocument(p, t); }
    const before = bulk.postingCount;
    let collected = 0;
    const shared = bulk.sharedPostings(() => collected++);
    assert.strictEqual(collected, 1, 'the caller is asked once to collect the sort\'s garbage');
    assert.ok(shared.candFirst.length > 0);
    bulk.dropFingerprints();
    assert.strictEqual(bulk.postingCount, before);
    sameEverywhere(bulk, incremental);
    assert.strictEqual(bulk.refingerprinted, 16);
  });

  it('drops the fingerprints as the sort\'s last pass reads them, with the same shared postings as keeping them', () => {
    const kept = new CorpusIndex(options);
    const dropped = new CorpusIndex(options);
    const incremental = new CorpusIndex(options);
    for (const [p, t] of corpus()) { kept.load(p, t); dropped.load(p, t); incremental.setDocument(p, t); }
    let collected = 0;
    const a = kept.sharedPostings();
    const b = dropped.sharedPostings(() => collected++, true);
    // After the sort; this corpus fills no 64 MB chunk, and the last goes with the caller's next collection.
    assert.strictEqual(collected, 1);
    for (const key of ['candGroup', 'candPos', 'candFirst'] as const) { assert.deepStrictEqual(b[key], a[key], key); }
    for (const key of ['start', 'doc', 'pos'] as const) { assert.deepStrictEqual(b.postings[key], a.postings[key], key); }
    assert.ok(a.postings.doc.length > 1, 'the corpus shares fingerprints');
    assert.strictEqual(dropped.refingerprinted, 0);
    sameEverywhere(dropped, incremental);
    assert.strictEqual(dropped.refingerprinted, 16, 'the fingerprints were dropped, and made again for the lookup');
  });
});
