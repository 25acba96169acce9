// Packed token offsets against plain arrays: every token's start and end must come back exactly, across anchor
// boundaries and for gaps and words too long for a byte.
import * as assert from 'assert';
import { TokenOffsetsBuilder } from '../../../../src/core/detect/tokenOffsets';
import { tokenize } from '../../../../src/core/detect/tokens';

/** Deterministic pseudo-random numbers, so a failure can be replayed. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('token offsets', () => {
  it('gives back every offset, long gaps and long words included', () => {
    const rand = lcg(7);
    const starts: number[] = [];
    const ends: number[] = [];
    let p = 3;
    for (let i = 0; i < 1000; i++) {
      const r = rand();
      // Gaps and lengths on both sides of what a half byte holds (gaps 0-14, lengths 1-15), and far past it.
      p += r < 0.05 ? 255 + Math.floor(rand() * 5000) : r < 0.2 ? 13 + Math.floor(rand() * 4) : Math.floor(rand() * 4);
      const len = r > 0.97 ? 250 + Math.floor(rand() * 600) : r > 0.8 ? 14 + Math.floor(rand() * 4) : 1 + Math.floor(rand() * 12);
      starts.push(p);
      ends.push(p + len);
      p += len;
    }
    const b = new TokenOffsetsBuilder(10);
    starts.forEach((s, i) => b.add(s, ends[i]));
    const offsets = b.finish();
    assert.strictEqual(offsets.count, 1000);
    assert.ok(offsets.packed.long.length > 0, 'the sample has no long values: it does not test the side table');
    for (let i = 0; i < 1000; i++) {
      assert.strictEqual(offsets.start(i), starts[i], `start of token ${i}`);
      assert.strictEqual(offsets.end(i), ends[i], `end of token ${i}`);
    }
  });

  it('finds the first token at or after any offset, as a walk over every start would', () => {
    const rand = lcg(11);
    const b = new TokenOffsetsBuilder(10);
    const starts: number[] = [];
    let p = 5;
    for (let i = 0; i < 700; i++) {
      // Some gaps and words too long for a byte, and tokens of zero gap, across many anchor blocks.
      p += rand() < 0.03 ? 300 + Math.floor(rand() * 700) : Math.floor(rand() * 3);
      const len = rand() < 0.02 ? 260 + Math.floor(rand() * 300) : 1 + Math.floor(rand() * 9);
      starts.push(p);
      b.add(p, p + len);
      p += len;
    }
    const offsets = b.finish();
    for (let offset = 0; offset <= p + 2; offset++) {
      const expected = starts.findIndex((s) => s >= offset);
      assert.strictEqual(offsets.firstAt(offset), expected < 0 ? starts.length : expected, `offset ${offset}`);
    }
    assert.strictEqual(new TokenOffsetsBuilder(4).finish().firstAt(3), 0);
  });

  it('matches the words of a text and refuses an index outside it', () => {
    const text = `${'x'.repeat(300)} ab${' '.repeat(400)}cd ${Array.from({ length: 200 }, (_, i) => `w${i}`).join(', ')}`;
    const t = tokenize(text);
    const words = [...text.matchAll(/[a-z0-9]+/g)];
    assert.strictEqual(t.count, words.length);
    words.forEach((m, i) => {
      assert.strictEqual(t.offsets.start(i), m.index);
      assert.strictEqual(t.offsets.end(i), m.index + m[0].length);
    });
    assert.throws(() => t.offsets.start(t.count), /outside/);
    assert.throws(() => t.offsets.end(-1), /outside/);
  });

  it('keeps a token of zero length', () => {
    const b = new TokenOffsetsBuilder(4);
    b.add(2, 2);
    b.add(3, 5);
    const o = b.finish();
    assert.deepStrictEqual([o.start(0), o.end(0), o.start(1), o.end(1)], [2, 2, 3, 5]);
  });

  it('costs about one byte a word for offsets, two for the hash, and keeps no spare capacity', () => {
    const t = tokenize(Array.from({ length: 5000 }, (_, i) => `word${i}`).join(' '));
    const { bytes, anchors, long } = t.offsets.packed;
    assert.strictEqual(bytes.byteLength + anchors.byteLength + long.byteLength, 5000 + 4 * Math.ceil(5000 / 64));
    assert.strictEqual(t.hash.buffer.byteLength, 2 * 5000);
  });
});
