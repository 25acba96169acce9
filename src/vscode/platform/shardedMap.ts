// Maps and sets of many string keys (a corpus's 133,000 file URIs), split over SHARDS JavaScript Maps. A Map grows by
// rehashing every entry into a table twice the size, inside the one call that passes its capacity: at 131,072 URIs
// that took 21-27 ms per map here, and the findings store's files, their paths and the index's set of reported files
// all pass it in the take of the same reply (the turn of `acceptPacked` of 135-154 ms at the end of indexing at 1 GB,
// in the profile of the host in the real editor). Split, a map rehashes a 64th of the entries at a time. Iteration
// goes shard by shard, each in insertion order: not in insertion order overall. No 'vscode' import.

const SHARDS = 64;

/** A shard for a key, from its length and its last characters (URIs of one folder differ mostly near their ends). */
function shardOf(key: string): number {
  let h = key.length;
  for (let i = Math.max(0, key.length - 8); i < key.length; i++) { h = (h * 31 + key.charCodeAt(i)) | 0; }
  return h & (SHARDS - 1);
}

export class ShardedMap<V> implements Iterable<[string, V]> {
  private readonly shards = Array.from({ length: SHARDS }, () => new Map<string, V>());
  private count = 0;

  get size(): number {
    return this.count;
  }

  get(key: string): V | undefined {
    return this.shards[shardOf(key)].get(key);
  }

  has(key: string): boolean {
    return this.shards[shardOf(key)].has(key);
  }

  set(key: string, value: V): this {
    const shard = this.shards[shardOf(key)];
    const before = shard.size;
    shard.set(key, value);
    this.count += shard.size - before;
    return this;
  }

  delete(key: string): boolean {
    const deleted = this.shards[shardOf(key)].delete(key);
    if (deleted) { this.count--; }
    return deleted;
  }

  clear(): void {
    for (const s of this.shards) { s.clear(); }
    this.count = 0;
  }

  // The lists, and the iterators over them, are made at once from each shard's spread (which V8 copies fast), not
  // by generators delegating to each shard's (yield*): 8 ms for a spread of 133,000 values through those (best of
  // 15, a loaded machine), 1.0 ms for valueList (one Map's spread: 0.7 ms). A list made at once also lets a caller
  // delete what it visits.

  /** Every key, in a new array. */
  keyList(): string[] {
    return ([] as string[]).concat(...this.shards.map((s) => [...s.keys()]));
  }

  /** At most `n` keys, in iteration order, read shard by shard from each Map's own iterator. */
  someKeys(n: number): string[] {
    const out: string[] = [];
    for (const shard of this.shards) {
      if (out.length >= n) { break; }
      for (const key of shard.keys()) {
        out.push(key);
        if (out.length >= n) { break; }
      }
    }
    return out;
  }

  /** Every value, in a new array. */
  valueList(): V[] {
    return ([] as V[]).concat(...this.shards.map((s) => [...s.values()]));
  }

  keys(): IterableIterator<string> {
    return this.keyList()[Symbol.iterator]();
  }

  values(): IterableIterator<V> {
    return this.valueList()[Symbol.iterator]();
  }

  entries(): IterableIterator<[string, V]> {
    return ([] as [string, V][]).concat(...this.shards.map((s) => [...s.entries()]))[Symbol.iterator]();
  }

  [Symbol.iterator](): IterableIterator<[string, V]> {
    return this.entries();
  }
}

/** A set of string keys split the same way. Deleting the key being visited while iterating is allowed (as for a Set). */
export class ShardedSet implements Iterable<string> {
  private readonly map = new ShardedMap<true>();

  get size(): number {
    return this.map.size;
  }

  has(key: string): boolean {
    return this.map.has(key);
  }

  add(key: string): this {
    this.map.set(key, true);
    return this;
  }

  delete(key: string): boolean {
    return this.map.delete(key);
  }

  clear(): void {
    this.map.clear();
  }

  /**
   * At most `n` keys, in iteration order, without listing the others: a caller that takes a slice's worth at a time
   * from a set of 133,000 would otherwise copy every key for each slice (the Files view's first listing spent 23 ms
   * of a 79 ms block on that list, and made an array of 133,000 keys each slice for the collector).
   */
  take(n: number): string[] {
    return this.map.someKeys(n);
  }

  [Symbol.iterator](): IterableIterator<string> {
    return this.map.keys();
  }
}
