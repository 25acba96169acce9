// PostingTable against a simple model: adds, removals of whole documents, counts and walks, through growth.
import * as assert from 'assert';
import { PostingTable } from '../../../../src/core/index/postings';

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
