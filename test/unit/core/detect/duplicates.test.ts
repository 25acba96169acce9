// Duplicate passages through the corpus index: exact spans on both sides, tolerance of small edits,
// in-file repeats, near-duplicate pairs, and incremental updates.
import * as assert from 'assert';
import { CorpusIndex } from '../../../../src/core/index/corpusIndex';
import { tokenize, tokenizeWide, wordHash16 } from '../../../../src/core/detect/tokens';
import { kgramHashes, winnow } from '../../../../src/core/detect/winnow';
import { findSharedSpansGrouped } from '../../../../src/core/detect/duplicates';
import { trimBoilerplateEnds } from '../../../../src/core/detect/boilerplateSpans';

/** Deterministic filler prose: distinct words so that nothing is shared by chance. */
function prose(seed: string, words: number): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++) { out.push(`${seed}${i.toString(36)}`); }
  return out.join(' ') + '.';
}

const article = 'The harbour board voted on Tuesday to delay the ferry contract until an audit of the fuel costs is ' +
  'finished, according to minutes published by the board. Members said the audit would take six weeks and ' +
  'cost less than the penalty for breaking the contract. The mayor, who does not sit on the board, called the ' +
  'delay sensible and promised that the night crossing would keep running through the winter months.';

describe('tokenize and winnow', () => {
  it('folds case and skips punctuation, keeping offsets', () => {
    const t = tokenize('Hello, WORLD — héllo 😀!');
    assert.strictEqual(t.count, 4);
    assert.strictEqual(t.hash[0], tokenize('hello').hash[0]);
    assert.notStrictEqual(t.hash[0], t.hash[1]);
    assert.deepStrictEqual([t.offsets.start(1), t.offsets.end(1)], [7, 12]);
    assert.deepStrictEqual([t.offsets.start(3), t.offsets.end(3)], [21, 23]); // a surrogate pair stays whole
  });

  it('keeps the 32-bit hash of each word folded to 16 bits, and fingerprints the 32-bit ones', () => {
    const { tokens, wide } = tokenizeWide(prose('w', 50));
    assert.strictEqual(wide.length, tokens.count);
    assert.ok(tokens.hash instanceof Uint16Array);
    wide.forEach((h, i) => assert.strictEqual(tokens.hash[i], wordHash16(h)));
    assert.deepStrictEqual(tokenize(prose('w', 50)).hash, tokens.hash);
    // The fold keeps bits of both halves: hashes differing only in the high half stay apart.
    assert.notStrictEqual(wordHash16(0x00010000), wordHash16(0x00020000));
    const fp = winnow(wide, 5, 4);
    assert.strictEqual(fp.hash[0], kgramHashes(wide, 5)[fp.pos[0]]);
  });

  it('selects at least one fingerprint in every window of k-grams', () => {
    const { tokens: t, wide } = tokenizeWide(prose('w', 200));
    const fp = winnow(wide, 5, 4);
    for (let i = 0; i + 4 <= t.count - 5 + 1; i++) {
      assert.ok(Array.from(fp.pos).some((p) => p >= i && p < i + 4), `window at ${i} has no fingerprint`);
    }
  });
});

describe('CorpusIndex duplicates', () => {
  it('reports a shared passage with exact start and end on both sides and the other copy as related', () => {
    const a = `${prose('a', 40)}\n\n${article}\n\n${prose('b', 40)}\n`;
    const b = `${prose('c', 30)}\n\n${article}\n`;
    const index = new CorpusIndex();
    index.setDocument('a.txt', a);
    index.setDocument('b.txt', b);
    const dups = index.analyze('a.txt').findings.filter((f) => f.kind === 'duplicate');
    assert.strictEqual(dups.length, 1);
    assert.strictEqual(dups[0].code, 'duplicate.cross-file');
    assert.strictEqual(a.slice(dups[0].start, dups[0].end), article.slice(0, -1)); // up to the last word
    assert.deepStrictEqual(dups[0].related, [{ path: 'b.txt', start: b.indexOf(article), end: b.indexOf(article) + article.length - 1 }]);
    assert.match(dups[0].message, /^same passage as b\.txt line 3 \(/);
  });

  it('finds a lightly edited copy as one passage', () => {
    const edited = article.replace('six weeks', 'seven weeks').replace('sensible', 'prudent and sensible');
    const index = new CorpusIndex();
    index.setDocument('a.txt', `${prose('x', 20)}\n\n${article}\n`);
    index.setDocument('b.txt', `${edited}\n\n${prose('y', 20)}\n`);
    const dups = index.analyze('b.txt').findings.filter((f) => f.kind === 'duplicate');
    assert.strictEqual(dups.length, 1);
    assert.strictEqual(dups[0].start, 0);
    assert.strictEqual(dups[0].end, edited.length - 1);
    assert.deepStrictEqual(index.analyze('b.txt').nearDuplicates.map((n) => n.path), ['a.txt']);
  });

  it('lists every other copy on one finding', () => {
    const index = new CorpusIndex();
    for (const name of ['a', 'b', 'c']) { index.setDocument(`${name}.txt`, `${prose(name, 30)}\n\n${article}\n`); }
    const dup = index.analyze('a.txt').findings.find((f) => f.kind === 'duplicate')!;
    assert.deepStrictEqual(dup.related.map((r) => r.path).sort(), ['b.txt', 'c.txt']);
    assert.match(dup.message, /and 1 other copy/);
  });

  it('reports a passage repeated within one file at both places', () => {
    const text = `${article}\n\n${prose('m', 50)}\n\n${article}\n`;
    const index = new CorpusIndex();
    index.setDocument('a.txt', text);
    const dups = index.analyze('a.txt').findings.filter((f) => f.kind === 'duplicate');
    assert.deepStrictEqual(dups.map((d) => d.code), ['duplicate.in-file', 'duplicate.in-file']);
    assert.strictEqual(dups[0].related[0].start, dups[1].start);
    assert.match(dups[0].message, /^repeated in this file at line 5/);
  });

  it('does not report passages shorter than the minimum', () => {
    const index = new CorpusIndex();
    const short = 'the ferry contract was delayed by the harbour board for six weeks';
    index.setDocument('a.txt', `${prose('p', 40)} ${short} ${prose('q', 40)}`);
    index.setDocument('b.txt', `${prose('r', 40)} ${short} ${prose('s', 40)}`);
    assert.deepStrictEqual(index.analyze('a.txt').findings.filter((f) => f.kind === 'duplicate'), []);
  });

  it('updates incrementally and names the documents an edit affects', () => {
    const index = new CorpusIndex();
    index.setDocument('a.txt', `${article}\n`);
    index.setDocument('b.txt', `${prose('z', 50)}\n`);
    assert.deepStrictEqual(index.setDocument('b.txt', `${article}\n`), ['a.txt']);
    assert.strictEqual(index.analyze('a.txt').findings.filter((f) => f.kind === 'duplicate').length, 1);
    assert.deepStrictEqual(index.removeDocument('b.txt'), ['a.txt']);
    assert.strictEqual(index.analyze('a.txt').findings.filter((f) => f.kind === 'duplicate').length, 0);
    assert.strictEqual(index.totalFiles, 1);
  });
});

describe('CorpusIndex bulk load', () => {
  const corpus = (): [string, string][] => {
    const files: [string, string][] = [];
    for (let i = 0; i < 12; i++) {
      // every file shares a nav line (too common past maxPostings 4), some share the article
      const body = i % 3 === 0 ? article : prose(`u${i}x`, 60);
      files.push([`f${i}.txt`, `Home World Politics Business Sport Weather Opinion Video\n\n${body}\n\n${prose(`t${i}y`, 30)}\n`]);
    }
    return files;
  };
  const options = { duplicates: { maxPostings: 4 } };

  it('finds the same passages as incremental indexing, and then takes incremental updates', () => {
    const bulk = new CorpusIndex(options);
    const incremental = new CorpusIndex(options);
    for (const [p, t] of corpus()) { bulk.load(p, t); incremental.setDocument(p, t); }
    const shared = bulk.sharedFingerprints();
    for (const [p] of corpus()) {
      assert.deepStrictEqual(bulk.analyzeWith(p, bulk.detectBoilerplate(p), shared), incremental.analyze(p), p);
    }
    assert.deepStrictEqual(bulk.analyze('f0.txt').findings.filter((f) => f.kind === 'duplicate')[0].related.map((r) => r.path), ['f3.txt', 'f6.txt', 'f9.txt']);
    // The first incremental call completes the table: an edit then affects the other copies.
    assert.deepStrictEqual(bulk.setDocument('f3.txt', 'nothing shared here\n').sort(), ['f0.txt', 'f6.txt', 'f9.txt']);
    assert.deepStrictEqual(bulk.analyze('f0.txt'), (incremental.setDocument('f3.txt', 'nothing shared here\n'), incremental.analyze('f0.txt')));
  });

  it('gives a span search over grouped, shared postings (as the workers run it) the same passages', () => {
    const files = corpus();
    // An edited copy, a copy inside other text and a repeat inside one file, beside the verbatim copies.
    files.push(['edited.txt', article.replace('six weeks', 'seven long weeks').replace('sensible', 'wise')]);
    files.push(['embedded.txt', `${prose('e', 40)}\n\n${article}\n\n${prose('g', 40)}\n`]);
    files.push(['twice.txt', `${prose('r', 50)}\n\n${prose('m', 30)}\n\n${prose('r', 50)}\n`]);
    // Seven copies of the article: within maxPostings 8, the nav line of twelve files past it.
    const reference = new CorpusIndex({ duplicates: { maxPostings: 8 } });
    const bulk = new CorpusIndex({ duplicates: { maxPostings: 8 } });
    for (const [p, t] of files) { reference.load(p, t); bulk.load(p, t); }
    const shared = reference.sharedFingerprints();
    const grouped = bulk.sharedPostings();
    const { buffers, directory } = bulk.tokenDirectory();
    assert.ok(buffers.every((b) => b instanceof SharedArrayBuffer));
    const hashesOf = (id: number) => (directory[3 * id] < 0 ? undefined : new Uint16Array(buffers[directory[3 * id]], directory[3 * id + 1], directory[3 * id + 2]));
    const o = bulk.options.duplicates;
    let passages = 0;
    for (const [p] of files) {
      const doc = bulk.document(p)!;
      const first = grouped.candFirst[doc.id];
      const count = grouped.candFirst[doc.id + 1] - first;
      const candidates = { count, group: grouped.candGroup.subarray(first, first + count), pos: grouped.candPos.subarray(first, first + count) };
      const boilerplate = bulk.detectBoilerplate(p);
      const spans = count === 0 ? [] : trimBoilerplateEnds(doc.tokens, findSharedSpansGrouped(doc.id, doc.tokens.hash, candidates, grouped.postings, hashesOf, o), boilerplate, o.minWords, (id) => ({ hash: hashesOf(id)! }), o.maxGap);
      const flat = spans.flatMap((sp) => [sp.other, sp.aStart, sp.aEnd, sp.bStart, sp.bEnd]);
      const expected = reference.analyzeWith(p, reference.detectBoilerplate(p), shared);
      assert.deepStrictEqual(bulk.analyzeFound(p, boilerplate, flat), expected, p);
      passages += expected.findings.filter((f) => f.kind === 'duplicate').length;
    }
    assert.ok(passages >= 8, `${passages} passages`); // seven files holding the article, one repeat
    // The index takes incremental updates afterwards, as after sharedFingerprints.
    assert.deepStrictEqual(bulk.setDocument('f3.txt', 'nothing shared here\n').sort(), reference.setDocument('f3.txt', 'nothing shared here\n').sort());
    assert.deepStrictEqual(bulk.analyze('f0.txt'), reference.analyze('f0.txt'));
  });

  it('completes the table a slice at a time, and a load meanwhile starts the completion again', () => {
    const bulk = new CorpusIndex(options);
    const incremental = new CorpusIndex(options);
    const files = corpus();
    for (const [p, t] of files) { bulk.load(p, t); incremental.setDocument(p, t); }
    const late: [string, string] = ['late.txt', files[0][1]];
    bulk.sharedFingerprints();
    let steps = 0;
    while (!bulk.completeTableStep(40)) {
      steps++;
      // Halfway, one more copy of the article arrives in bulk: the completion must include it.
      if (steps === 3) { bulk.load(...late); incremental.setDocument(...late); }
    }
    assert.ok(steps > 3, `completed in ${steps} slices`);
    assert.strictEqual(bulk.completeTableStep(40), true, 'complete stays complete');
    for (const [p] of [...files, late]) { assert.deepStrictEqual(bulk.analyze(p), incremental.analyze(p), p); }
    assert.ok(bulk.analyze('f0.txt').findings.some((f) => f.related.some((r) => r.path === 'late.txt')));
    const edit = 'nothing shared here\n';
    assert.deepStrictEqual(bulk.setDocument('f3.txt', edit).sort(), incremental.setDocument('f3.txt', edit).sort());
    assert.deepStrictEqual(bulk.analyze('f0.txt'), incremental.analyze('f0.txt'));
  });
});
