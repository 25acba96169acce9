// radixSortUint32 against the typed array's own sort: keys over the whole 32-bit range, repeats, shared digits.
import * as assert from 'assert';
import { radixSortUint32, sortedConcat } from '../../../../src/core/index/radixSort';

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

  it('sorts the keys of several arrays into one, as Uint32Array.sort sorts them joined', () => {
    // Hashes over the whole range, a run of repeats, a skewed top digit (a third of the keys share it, so one part
    // is far larger than the others), and empty arrays among the parts.
    const keys = new Uint32Array(300000);
    for (let i = 0; i < keys.length; i++) {
      const h = Math.imul(i, 2654435761) >>> 0;
      keys[i] = i % 3 === 0 ? (0x7f000000 | (h & 0xffffff)) >>> 0 : i % 101 === 0 ? 0x12345678 : h;
    }
    const parts = [keys.subarray(0, 1000), new Uint32Array(0), keys.subarray(1000, 250000), keys.subarray(250000), new Uint32Array(0)];
    assert.deepStrictEqual(sortedConcat(parts), sortedNatively(keys));
    assert.deepStrictEqual(sortedConcat([]), new Uint32Array(0));
    assert.deepStrictEqual(sortedConcat([Uint32Array.of(5, 0xffffffff, 0, 5)]), Uint32Array.of(0, 5, 5, 0xffffffff));
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
