// HashSet32 against a JS Set, SortedKeyIndex against a JS Map: hashes across the whole 32-bit range, 0 included, repeats and misses.
import * as assert from 'assert';
import { HashSet32, SortedKeyIndex } from '../../../../src/core/index/hashSet';

describe('HashSet32', () => {
  it('holds exactly the hashes added, 0 and hashes above 2^31 included', () => {
    const set = new HashSet32(3000);
    const model = new Set<number>();
    for (let i = 0; i < 3000; i++) {
      const h = i % 500 === 0 ? 0 : (Math.imul(i, 2654435761) >>> 0) % (i % 2 ? 0xffffffff : 5000);
      set.add(h);
      model.add(h);
    }
    assert.strictEqual(set.size, model.size);
    for (const h of model) { assert.ok(set.has(h), `missing ${h}`); }
    let misses = 0;
    for (let i = 0; i < 20000; i++) {
      const h = (Math.imul(i + 7, 40503) >>> 0) ^ 0x5bd1e995;
      assert.strictEqual(set.has(h), model.has(h >>> 0));
      if (!model.has(h >>> 0)) { misses++; }
    }
    assert.ok(misses > 19000);
    assert.strictEqual(new HashSet32(0).has(0), false);
  });
});

describe('SortedKeyIndex', () => {
  it('finds the place of every key of ascending pairs, and -1 for any other, 0 and keys above 2^31 included', () => {
    for (const n of [0, 1, 3, 3000, 70000]) {
      const keys = new Set<number>([0]);
      for (let i = 0; keys.size < n; i++) { keys.add(i % 7 === 0 ? 0xffffffff - i : (Math.imul(i, 2654435761) >>> 0) % (i % 2 ? 0xffffffff : 5000)); }
      const sorted = [...keys].slice(0, n).sort((x, y) => x - y);
      // Pairs with room after them: only the first n are the index's.
      const pairs = new Uint32Array(2 * n + 4).fill(0xffffffff);
      sorted.forEach((k, g) => { pairs[2 * g] = k; pairs[2 * g + 1] = g * 3; });
      const index = new SortedKeyIndex(pairs, n);
      sorted.forEach((k, g) => assert.strictEqual(index.get(k), g, `key ${k}`));
      const place = new Map(sorted.map((k, g) => [k, g]));
      for (let i = 0; i < 20000; i++) {
        const h = ((Math.imul(i + 7, 40503) >>> 0) ^ 0x5bd1e995) >>> 0;
        assert.strictEqual(index.get(h), place.get(h) ?? -1);
      }
      assert.strictEqual(index.get(0xffffffff), place.get(0xffffffff) ?? -1);
    }
  });
});
