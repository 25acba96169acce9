// HashSet32 against a JS Set, HashIndex32 against a JS Map: hashes across the whole 32-bit range, 0 included, repeats and misses.
import * as assert from 'assert';
import { HashIndex32, HashSet32 } from '../../../../src/core/index/hashSet';

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

describe('HashIndex32', () => {
  it('maps exactly the hashes set to their last value, 0 and hashes above 2^31 included', () => {
    const index = new HashIndex32(3000);
    const model = new Map<number, number>();
    for (let i = 0; i < 3000; i++) {
      const h = i % 500 === 0 ? 0 : (Math.imul(i, 2654435761) >>> 0) % (i % 2 ? 0xffffffff : 5000);
      index.set(h, i);
      model.set(h, i);
    }
    assert.strictEqual(index.size, model.size);
    for (const [h, v] of model) { assert.strictEqual(index.get(h), v, `hash ${h}`); }
    for (let i = 0; i < 20000; i++) {
      const h = ((Math.imul(i + 7, 40503) >>> 0) ^ 0x5bd1e995) >>> 0;
      assert.strictEqual(index.get(h), model.get(h) ?? -1);
    }
    assert.strictEqual(new HashIndex32(0).get(0), -1);
  });
});
