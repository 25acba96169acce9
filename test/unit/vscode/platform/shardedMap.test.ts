import * as assert from 'assert';
import { ShardedMap, ShardedSet } from '../../../../src/vscode/platform/shardedMap';

describe('platform: sharded maps of many keys', () => {
  const uris = Array.from({ length: 3000 }, (_, i) => `file:///c/doc-${String(i).padStart(5, '0')}.txt`);

  it('keeps, replaces, counts and forgets entries as a Map does, whatever shard a key falls in', () => {
    const map = new ShardedMap<number>();
    const reference = new Map<string, number>();
    uris.forEach((u, i) => { map.set(u, i); reference.set(u, i); });
    // Set again: replaced, not counted twice.
    for (const u of uris.slice(0, 500)) { map.set(u, -1); reference.set(u, -1); }
    for (const u of uris.filter((_, i) => i % 3 === 0)) { assert.strictEqual(map.delete(u), true); reference.delete(u); }
    assert.strictEqual(map.delete('file:///c/never.txt'), false);
    assert.strictEqual(map.size, reference.size);
    for (const u of uris) {
      assert.strictEqual(map.get(u), reference.get(u), u);
      assert.strictEqual(map.has(u), reference.has(u), u);
    }
    assert.deepStrictEqual([...map].sort(), [...reference].sort());
    assert.deepStrictEqual([...map.keys()].sort(), [...reference.keys()].sort());
    assert.deepStrictEqual([...map.values()].sort((a, b) => a - b), [...reference.values()].sort((a, b) => a - b));
    map.clear();
    assert.strictEqual(map.size, 0);
    assert.deepStrictEqual([...map], []);
  });

  it('spreads the keys of one folder over its shards, so that no one Map holds most of them', () => {
    const map = new ShardedMap<true>();
    for (const u of uris) { map.set(u, true); }
    const shards = (map as unknown as { shards: Map<string, true>[] }).shards;
    const largest = Math.max(...shards.map((s) => s.size));
    assert.ok(largest < uris.length / 16, `the largest shard holds ${largest} of ${uris.length}`);
  });

  it('visits every key of a set once while the visit deletes them, as a set of work to do is drained', () => {
    const set = new ShardedSet();
    for (const u of uris) { set.add(u); }
    set.add(uris[0]);
    assert.strictEqual(set.size, uris.length);
    const seen: string[] = [];
    for (const u of set) {
      set.delete(u);
      seen.push(u);
    }
    assert.deepStrictEqual(seen.sort(), uris);
    assert.strictEqual(set.size, 0);
    assert.strictEqual(set.has(uris[5]), false);
  });

  it('gives a set of work to do a few keys at a time, each once, until it is drained', () => {
    const set = new ShardedSet();
    for (const u of uris) { set.add(u); }
    const seen: string[] = [];
    for (let taken = set.take(64); taken.length > 0; taken = set.take(64)) {
      assert.ok(taken.length <= 64);
      // Fewer than asked for only when the set holds fewer.
      assert.strictEqual(taken.length, Math.min(64, set.size));
      for (const u of taken) { assert.ok(set.delete(u), u); seen.push(u); }
    }
    assert.deepStrictEqual(seen.sort(), uris);
    assert.deepStrictEqual(set.take(10), []);
  });
});
