// PostingTable against a simple model: adds, removals of whole documents, counts and walks, through growth; and
// HashFilter: no hash added is ever missed, and few others are taken for one.
import * as assert from 'assert';
import { HashFilter, PostingTable } from '../../../../src/core/index/postings';

function walk(t: PostingTable, hash: number): string[] {
  const out: string[] = [];
  for (let s = t.first(hash); s >= 0; s = t.nextOf(s)) { out.push(`${t.docOf(s)}:${t.posOf(s)}`); }
  return out.sort();
}

describe('PostingTable', () => {
  it('keeps each fingerprint\'s postings apart and removes a document\'s postings only', () => {
    const t = new PostingTable(8);
    const model = new Map<number, string[]>();
    const added = new Map<number, number[]>();
    for (let doc = 1; doc <= 300; doc++) {
      const hashes: number[] = [];
      for (let p = 0; p < 40; p++) {
        const h = p % 5 === 0 ? 0xabcdef : (Math.imul(doc * 40 + p, 2654435761) >>> 0) % 5000; // one key in every doc
        t.add(h, doc, p);
        hashes.push(h);
        model.set(h, [...(model.get(h) ?? []), `${doc}:${p}`]);
      }
      added.set(doc, hashes);
    }
    for (let doc = 1; doc <= 300; doc += 3) {
      t.removeDoc(doc, added.get(doc)!);
      for (const [h, list] of model) { model.set(h, list.filter((x) => !x.startsWith(`${doc}:`))); }
    }
    let total = 0;
    for (const [h, list] of model) {
      assert.deepStrictEqual(walk(t, h), [...list].sort(), `hash ${h}`);
      assert.strictEqual(t.countOf(h), list.length);
      total += list.length;
    }
    assert.strictEqual(t.count, total);
    assert.strictEqual(t.first(0x12345678), -1);
  });
});

describe('HashFilter', () => {
  it('has every hash added, and few of the others', () => {
    const filter = new HashFilter(100_000);
    let x = 1;
    const next = () => { x = (Math.imul(x, 1664525) + 1013904223) >>> 0; return x; };
    const added: number[] = [];
    for (let i = 0; i < 100_000; i++) { const h = next(); added.push(h); filter.add(h); }
    filter.add(0);
    filter.add(0xffffffff);
    assert.ok(added.every((h) => filter.mayHave(h)));
    assert.ok(filter.mayHave(0) && filter.mayHave(0xffffffff));
    let wrong = 0;
    for (let i = 0; i < 100_000; i++) { if (filter.mayHave(next())) { wrong++; } }
    assert.ok(wrong < 5_000, `${wrong} of 100,000 hashes never added taken for added ones`);
  });
});
