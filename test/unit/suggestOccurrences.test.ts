// Whole-word occurrences for "accept all in the corpus": not inside a longer word, nor joined by a hyphen or an
// apostrophe to one; edges that are not word characters need no boundary; offsets in UTF-16 after astral text.
import * as assert from 'assert';
import { wholeWordOccurrences } from '../../src/core/suggest/occurrences';

describe('wholeWordOccurrences', () => {
  it('finds the string only as a whole word', () => {
    const text = 'Lund said. Lundgren, Lund-based, ex-Lund, Lund\'s and (Lund) too; Lunds.';
    assert.deepStrictEqual(wholeWordOccurrences(text, 'Lund'), [0, 42, 54]);
  });

  it('counts UTF-16 code units after astral characters and handles accented neighbours', () => {
    const text = '𠮷 Åsa met Åsa-Lena and Åsa.';
    const at = wholeWordOccurrences(text, 'Åsa');
    assert.deepStrictEqual(at, [3, 24]);
    for (const i of at) { assert.strictEqual(text.slice(i, i + 3), 'Åsa'); }
    assert.deepStrictEqual(wholeWordOccurrences('éLund Lund', 'Lund'), [6]);
  });

  it('needs no boundary at an edge that is not a word character, and never overlaps', () => {
    assert.deepStrictEqual(wholeWordOccurrences('the U.S.A. and U.S.', 'U.S.'), [4, 15]);
    assert.deepStrictEqual(wholeWordOccurrences('aa aa aaa', 'aa'), [0, 3]);
    assert.deepStrictEqual(wholeWordOccurrences('anything', ''), []);
  });
});
