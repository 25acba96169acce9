// radixSortUint32 against the typed array's own sort (keys over the whole 32-bit range, repeats, shared digits), and
// countedRuns against a count in a Map.
import * as assert from 'assert';
import { countedRuns, KeyRanges, radixSortUint32 } from '../../../../src/core/index/radixSort';

function sortedNatively(a: Uint32Array): Uint32Array {
  return Uint32Array.from(a).sort();
}

describe('radixSortUint32', () => {
  it('sorts hashes across the whole 32-bit range as Uint32Array.sort does, repeats and 0 included', () => {
    const keys = new Uint32Array(50000);
    for (let i = 0; i < keys.length; i++) {
      keys[i] = i % 97 === 0 ? 0 : i % 13 === 0 ? 0xffffffff : Math.imul(i % 20000, 2654435761) >>> 0;
    }
    const expected = sortedNatively(keys);
    radixSortUint32(keys);
    assert.deepStrictEqual(keys, expected);
  });

  it('sorts keys that share some digits (passes left out), with a longer scratch array given', () => {
    const keys = new Uint32Array(4000);
    for (let i = 0; i < keys.length; i++) {
      // The top and the second-lowest bytes are the same in every key; the other two vary.
      keys[i] = (0xab << 24) | ((Math.imul(i, 7919) & 0xff) << 16) | (0x5c << 8) | ((i * 31) & 0xff);
    }
    const expected = sortedNatively(keys);
    radixSortUint32(keys, new Uint32Array(5000));
    assert.deepStrictEqual(keys, expected);
  });

  it('leaves empty, single and all-equal arrays as they are, and refuses a short scratch array', () => {
    const empty = new Uint32Array(0);
    radixSortUint32(empty);
    assert.strictEqual(empty.length, 0);
    const one = Uint32Array.of(42);
    radixSortUint32(one);
    assert.deepStrictEqual(one, Uint32Array.of(42));
    const same = new Uint32Array(10).fill(0xdeadbeef);
    radixSortUint32(same);
    assert.deepStrictEqual(same, new Uint32Array(10).fill(0xdeadbeef));
    assert.throws(() => radixSortUint32(new Uint32Array(10), new Uint32Array(9)), /too short/);
  });
});

/** The (key, count) pairs of keys standing min to max times, counted in a Map and sorted. */
function countedNaively(keys: Uint32Array, min: number, max: number): number[] {
  const counts = new Map<number, number>();
  for (const k of keys) { counts.set(k, (counts.get(k) ?? 0) + 1); }
  return [...counts].filter(([, c]) => c >= min && c <= max).sort((x, y) => x[0] - y[0]).flat();
}

/** The keys of the parts as ranges of two arrays: each part copied into one of them, with keys between that no range covers. */
function asRanges(parts: Uint32Array[]): KeyRanges {
  const arrays: number[][] = [[], []];
  const ranges: number[] = [];
  parts.forEach((p, i) => {
    const into = arrays[i % 2];
    into.push(0xdead, 0xbeef); // not in any range
    ranges.push(i % 2, into.length, into.length + p.length);
    into.push(...p);
  });
  return { arrays: arrays.map((a) => Uint32Array.from(a)), ranges: Uint32Array.from(ranges) };
}

describe('countedRuns', () => {
  // Hashes over the whole range, runs of repeats (0, 0xffffffff and one in the middle), a skewed top digit (a third
  // of the keys share it, more than a small window holds), and empty parts among the others.
  const keys = new Uint32Array(300000);
  for (let i = 0; i < keys.length; i++) {
    const h = Math.imul(i % 120000, 2654435761) >>> 0;
    keys[i] = i % 3 === 0 ? (0x7f000000 | (h & 0xfff)) >>> 0 : i % 101 === 0 ? 0x12345678 : i % 997 === 0 ? 0 : i % 499 === 0 ? 0xffffffff : h;
  }
  const parts: Uint32Array[] = [new Uint32Array(0)];
  for (let at = 0; at < keys.length; at += 7000) { parts.push(keys.subarray(at, at + 7000), new Uint32Array(0)); }
  const ranges = asRanges(parts);

  for (const windowKeys of [1, 5000, 100000, 1 << 22]) {
    it(`counts the keys standing 2 to 40 times and 1 to 3 times across ranges, ${windowKeys} keys a window`, () => {
      for (const [min, max] of [[2, 40], [1, 3]]) {
        const expected = countedNaively(keys, min, max);
        const got = countedRuns(ranges, min, max, windowKeys);
        assert.deepStrictEqual([...got.pairs], expected);
        assert.strictEqual(got.runs, expected.length / 2);
        assert.strictEqual(got.keys, expected.reduce((sum, x, i) => sum + (i % 2 === 1 ? x : 0), 0));
      }
    });
  }

  it('gives no pairs for no keys, and counts keys at both ends of the range', () => {
    assert.deepStrictEqual(countedRuns(asRanges([]), 2, 10), { pairs: new Uint32Array(0), runs: 0, keys: 0 });
    const got = countedRuns(asRanges([Uint32Array.of(5, 0xffffffff, 0, 5), Uint32Array.of(0xffffffff, 7)]), 2, 10, 1);
    assert.deepStrictEqual(got, { pairs: Uint32Array.of(5, 2, 0xffffffff, 2), runs: 2, keys: 4 });
  });
});
