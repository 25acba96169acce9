// The fast shape hash used when indexing must give exactly the shape that the detector's full measure gives.
import * as assert from 'assert';
import { foldedWords, shapeOf } from '../../src/core/detect/boilerplate';
import { measure, shapeHash } from '../../src/core/detect/boilerplateUnits';

const lines = [
  'Updated 3 hours ago - Politics & Policy',
  'Updated 51 mins ago - Politics & Policy',
  "Don’t miss it: the council’s 2026 budget, in 12 charts",
  'ÉTÉ À MONTRÉAL — Ça va? 😀 𝔸 x',
  '12:45 PM · 3/4/2026',
  '--- *** ---',
  '',
  'Sign up for our daily newsletter',
];

describe('shapeHash', () => {
  it('equals the shape measure() computes, for prose, numbers, apostrophes, accents and astral text', () => {
    for (const line of lines) {
      assert.strictEqual(shapeHash(line, 0, line.length, foldedWords), measure(line, 0, line.length, new Set(), foldedWords).shape, line);
    }
  });

  it('folds digits and time words so that timestamps share a shape, and gives 0 without letters', () => {
    assert.strictEqual(shapeOf(lines[0]), shapeOf(lines[1]));
    assert.notStrictEqual(shapeOf(lines[0]), shapeOf(lines[7]));
    assert.strictEqual(shapeOf('--- 12 ---'), 0);
  });
});
