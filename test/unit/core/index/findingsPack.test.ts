// Findings packed into typed arrays for a worker's reply must come out as the same objects, file by file: the
// same fields in the same order (the JSON reports print them as they are), related locations included.
import * as assert from 'assert';
import { Finding } from '../../../../src/core/findings';
import { FindingsReader, packFindings } from '../../../../src/core/index/findingsPack';

const line = (start: number, end: number, message: string, score = 0.9): Finding =>
  ({ kind: 'boilerplate', code: 'boilerplate.repeated-across-files', message, score, start, end, related: [] });

describe('packed findings', () => {
  it('gives back each file\'s findings, in order, with the same keys in the same order', () => {
    const files: Finding[][] = [
      [line(0, 12, 'appears in 37 files'), line(13, 40, 'appears in 5 files', 0.55)],
      [],
      [
        line(7, 9, 'appears in 37 files', 0.33),
        { kind: 'duplicate', code: 'duplicate.cross-file', message: 'shared with 2 files', score: 1, start: 100, end: 250.5, related: [{ path: 'a/b.txt', start: 3, end: 9 }, { path: 'c.txt', start: 0, end: 1 }] },
        line(260, 300, 'date or time line', 0.7),
      ],
    ];
    const packed = packFindings(files);
    // Each string is sent once however often it is used.
    assert.strictEqual(packed.strings.filter((s) => s === 'appears in 37 files').length, 1);
    const reader = new FindingsReader(packed);
    for (const list of files) {
      const back = reader.next(list.length);
      assert.deepStrictEqual(back, list);
      assert.strictEqual(JSON.stringify(back), JSON.stringify(list));
    }
  });

  it('survives a structured clone with its buffers transferred', () => {
    const files = [[line(1, 2, 'x')], [line(3, 4, 'y', 0.1)]];
    const packed = packFindings(files);
    const cloned = structuredClone(packed, { transfer: [packed.head.buffer, packed.nums.buffer, packed.related.buffer] });
    const reader = new FindingsReader(cloned);
    assert.deepStrictEqual(reader.next(1), files[0]);
    assert.deepStrictEqual(reader.next(1), files[1]);
  });
});
