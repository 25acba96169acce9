// A findings reply's files cross from the worker packed: unpacked, they must be what the worker made, key for key,
// whatever each file holds (no findings, near-copies, a version key with or without a value).
import * as assert from 'assert';
import { FileFindings, WireFinding } from '../../../src/protocol/indexProtocol';
import { fileStarts, packFiles, packedPaths, unpackFiles, versionAt } from '../../../src/protocol/packedFiles';

const range = (a: number, b: number, c: number, d: number) => ({ start: { line: a, character: b }, end: { line: c, character: d } });

function finding(code: string, start: number, related: WireFinding['related'] = []): WireFinding {
  return {
    kind: code.startsWith('duplicate') ? 'duplicate' : 'boilerplate', code, message: `${code} at ${start}`, score: 0.5 + start / 1000,
    range: range(start, 1, start + 2, 9), related, start: start * 10, end: start * 10 + 90,
  };
}

const files: FileFindings[] = [
  {
    path: 'a.txt', boilerplateShare: 0.25, duplicateShare: 0.5,
    nearDuplicates: [{ path: 'b.txt', similarity: 0.91 }, { path: 'c.txt', similarity: 0.875 }],
    findings: [
      finding('duplicate.cross-file', 3, [
        { path: 'b.txt', range: range(4, 0, 6, 2), start: 40, end: 62 },
        { path: 'c.txt', range: range(8, 1, 9, 3), start: 81, end: 93 },
      ]),
      finding('boilerplate.legal', 12),
    ],
    version: undefined,
  },
  { path: 'b.txt', boilerplateShare: 0, duplicateShare: 0, nearDuplicates: [], findings: [], version: 4 },
  {
    path: 'c.txt', boilerplateShare: 0.125, duplicateShare: 0, nearDuplicates: [],
    findings: [finding('duplicate.in-file', 1, [{ path: 'c.txt', range: range(20, 0, 21, 0), start: 200, end: 210 }]), finding('boilerplate.legal', 12)],
  },
];

describe('packedFiles', () => {
  it('unpacks the files equal to those packed, in their order', () => {
    const packed = packFiles(structuredClone(files));
    assert.strictEqual(packed.count, 3);
    assert.deepStrictEqual(unpackFiles(packed), files);
    assert.deepStrictEqual(packedPaths(packed), ['a.txt', 'b.txt', 'c.txt']);
    assert.deepStrictEqual(fileStarts(packed).map((at) => versionAt(packed, at)), [undefined, 4, undefined]);
    const [a, b, c] = unpackFiles(packed);
    assert.ok('version' in a);
    assert.ok('version' in b);
    assert.ok(!('version' in c));
  });

  it('sends each string once per reply, and a reply of no files as nothing', () => {
    const packed = packFiles(files);
    assert.strictEqual(new Set(packed.strings).size, packed.strings.length);
    // Paths, kinds, codes and messages: the legal notice's message is the same in two files, and named once.
    assert.strictEqual(packed.strings.filter((s) => s === 'boilerplate.legal at 12').length, 1);
    const none = packFiles([]);
    assert.deepStrictEqual(unpackFiles(none), []);
    assert.strictEqual(none.numbers.length, 0);
  });

  it('crosses a process boundary as a typed array and strings (the structured clone of the IPC)', () => {
    const packed = structuredClone(packFiles(files));
    assert.ok(packed.numbers instanceof Float64Array);
    assert.deepStrictEqual(unpackFiles(packed), files);
  });
});
