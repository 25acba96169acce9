// The bit-parallel matcher against a plain dynamic program, on random inputs (seeded, so failures repeat).
import * as assert from 'node:assert/strict';
import {
  BitPattern, bestStartsFor, contextSimilarity, editDistance, reverseString, scanMatchEnds,
} from '../../../../src/core/anchor/approxMatch';

function prng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomString(rand: () => number, n: number, alphabet: string): string {
  let s = '';
  for (let i = 0; i < n; i++) { s += alphabet[Math.floor(rand() * alphabet.length)]; }
  return s;
}

/** Row m of the textbook matrix for "pattern anywhere in text": the least distance of a match ending at j. */
function semiGlobalLastRow(pattern: string, text: string): number[] {
  let prev = new Array<number>(text.length + 1).fill(0);
  for (let i = 1; i <= pattern.length; i++) {
    const cur = [i];
    for (let j = 1; j <= text.length; j++) {
      cur[j] = Math.min(prev[j - 1] + (pattern[i - 1] === text[j - 1] ? 0 : 1), prev[j] + 1, cur[j - 1] + 1);
    }
    prev = cur;
  }
  return prev;
}

describe('anchor: approximate matcher', () => {
  it('reports every match end with its least edit distance, as the dynamic program does', () => {
    const rand = prng(11);
    let checkedEnds = 0;
    for (let trial = 0; trial < 2000; trial++) {
      // Up to 80 pattern characters: three 32-bit blocks, so carries between blocks are exercised.
      const m = 1 + Math.floor(rand() * 80);
      const n = Math.floor(rand() * 100);
      const alphabet = rand() < 0.5 ? 'ab' : 'abcdefg';
      const pattern = randomString(rand, m, alphabet);
      const text = randomString(rand, n, alphabet);
      const k = Math.floor(rand() * m);
      const got = new Map<number, number>();
      scanMatchEnds(new BitPattern(pattern), text, 0, n, k, (end, errors) => got.set(end, errors));
      const lastRow = semiGlobalLastRow(pattern, text);
      for (let end = 1; end <= n; end++) {
        const best = lastRow[end];
        assert.equal(got.get(end), best <= k ? best : undefined, `pattern ${pattern} text ${text} end ${end}`);
        checkedEnds++;
      }
    }
    assert.ok(checkedEnds > 50000);
  });

  it('finds the best starts for a match end', () => {
    const rand = prng(12);
    for (let trial = 0; trial < 300; trial++) {
      const pattern = randomString(rand, 1 + Math.floor(rand() * 70), 'abc');
      const text = randomString(rand, Math.floor(rand() * 90), 'abc');
      const end = Math.floor(rand() * (text.length + 1));
      const r = bestStartsFor(new BitPattern(reverseString(pattern)), text, end, 0);
      let best = Infinity;
      let starts: number[] = [];
      for (let s = end; s >= 0; s--) {
        const d = editDistance(pattern, text.slice(s, end));
        if (d < best) { best = d; starts = [s]; } else if (d === best) { starts.push(s); }
      }
      assert.equal(r.errors, best);
      assert.deepEqual(r.starts, starts);
    }
  });

  it('scores context pinned to the quote and free at its far end', () => {
    const text = 'the Revolutionary Guard Corps, Mohammad Ali Jafari, wrote';
    const at = text.indexOf('Mohammad');
    assert.equal(contextSimilarity('Guard Corps, ', text, at, 'before'), 1);
    assert.equal(contextSimilarity(', wrote', text, at + 'Mohammad Ali Jafari'.length, 'after'), 1);
    // One character off the place: one edit in the nearest eight, and one in all thirteen.
    assert.equal(contextSimilarity('Guard Corps, ', text, at - 1, 'before'), ((1 - 1 / 8) + (1 - 1 / 13)) / 2);
    // An edit far from the quote counts less than one beside it.
    const far = contextSimilarity('Revolutionary Guard Corps, ', text.replace('Revolutionary', 'Revolutionory'), at, 'before');
    const near = contextSimilarity('Revolutionary Guard Corps, ', text.replace('Corps, ', 'Corps; '), at, 'before');
    assert.ok(far > near, `${far} > ${near}`);
    assert.equal(contextSimilarity('', text, 0, 'before'), 1);
  });

  it('computes plain edit distance', () => {
    assert.equal(editDistance('kitten', 'sitting'), 3);
    assert.equal(editDistance('', 'abc'), 3);
    assert.equal(editDistance('same', 'same'), 0);
  });
});
