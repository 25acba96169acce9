// The short texts every feature shares: plurals, clipped quotes, line labels, file names.
import * as assert from 'assert';
import { baseName, clip, formatCount, linesLabel, percent, plural } from '../../../../src/vscode/platform/text';

describe('editor texts', () => {
  it('counts with the plural a number asks for, grouping thousands', () => {
    assert.strictEqual(plural(1, 'file'), '1 file');
    assert.strictEqual(plural(0, 'file'), '0 files');
    assert.strictEqual(plural(12_345, 'mention'), '12,345 mentions');
    assert.strictEqual(plural(2, 'copy', 'copies'), '2 copies');
    assert.strictEqual(plural(1, 'copy', 'copies'), '1 copy');
  });

  it('groups thousands as en-US does, for any integer and for other numbers', () => {
    for (const n of [0, 7, 999, 1000, 12_345, 100_000, 999_999, 1_000_000, 1_234_567_890, -5, -1000, -987_654, Number.MAX_SAFE_INTEGER, 2.5, 1234.5]) {
      assert.strictEqual(formatCount(n), n.toLocaleString('en-US'), String(n));
    }
  });

  it('clips a quote to one line of at most the given length, ending in an ellipsis only when cut', () => {
    assert.strictEqual(clip('Harbour  ferry\nto the island', 40), 'Harbour ferry to the island');
    assert.strictEqual(clip('abcdefghij', 10), 'abcdefghij');
    assert.strictEqual(clip('abcdefghijk', 10), 'abcdefghi…');
    assert.strictEqual(clip('abcdefghijk', 10).length, 10);
  });

  it('labels lines 1-based, a range ending at the start of a line not counting that line', () => {
    assert.strictEqual(linesLabel({ start: { line: 3, character: 0 }, end: { line: 3, character: 9 } }), 'line 4');
    assert.strictEqual(linesLabel({ start: { line: 2, character: 0 }, end: { line: 5, character: 0 } }), 'lines 3-5');
    assert.strictEqual(baseName('news/2024/a.txt'), 'a.txt');
    assert.strictEqual(percent(0.384), '38%');
  });
});
