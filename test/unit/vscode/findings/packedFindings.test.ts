// The findings store keeps each file's findings packed: numbers in one array, strings once in a table. Unpacked,
// they must be what the worker reported, key for key (a `version` key that was there, even undefined, included).
import * as assert from 'assert';
import { FileFindings, WireFinding } from '../../../../src/protocol/indexProtocol';
import { StringTable, packFindings, relatedPaths, unpackFindings } from '../../../../src/vscode/findings/packedFindings';

const range = (a: number, b: number, c: number, d: number) => ({ start: { line: a, character: b }, end: { line: c, character: d } });

function finding(code: string, start: number, related: WireFinding['related'] = []): WireFinding {
  return {
    kind: code.startsWith('duplicate') ? 'duplicate' : 'boilerplate', code, message: `${code} at ${start}`, score: 0.87,
    range: range(start, 0, start, 12), related, start: start * 100, end: start * 100 + 12,
  };
}

describe('packedFindings', () => {
  it('numbers each string once, whatever its length, and gives it back by its number', () => {
    const strings = new StringTable();
    const all = ['', 'a', 'ab', ...Array.from({ length: 5000 }, (_, i) => `duplicated in b.txt lines ${i}-${i * 7}`)];
    const ids = all.map((x) => strings.id(x));
    assert.strictEqual(new Set(ids).size, all.length);
    assert.deepStrictEqual(all.map((x) => strings.id(`${x}`)), ids);
    assert.deepStrictEqual(ids.map((id) => strings.at(id)), all);
    assert.strictEqual(strings.intern(`duplicated in b.txt lines 3-21`), all[6]);
  });

  it('unpacks a file equal to the one packed, its copies in their findings\' order', () => {
    const strings = new StringTable();
    const file: FileFindings = {
      path: 'news/a.txt', boilerplateShare: 0.25, duplicateShare: 0.125,
      nearDuplicates: [{ path: 'news/b.txt', similarity: 0.93 }],
      findings: [
        finding('boilerplate.sign-up', 1),
        finding('duplicate.cross-file', 4, [
          { path: 'news/b.txt', range: range(7, 2, 9, 0), start: 702, end: 900 },
          { path: 'news/c.txt', range: range(1, 0, 3, 5), start: 10, end: 305 },
        ]),
        finding('boilerplate.legal', 20),
        finding('duplicate.in-file', 30, [{ path: 'news/a.txt', range: range(40, 0, 41, 3), start: 4000, end: 4103 }]),
      ],
      version: 7,
    };
    const packed = packFindings(file, strings);
    const copy = structuredClone(file);
    assert.deepStrictEqual(unpackFindings(packed, strings), copy);
    assert.deepStrictEqual([...relatedPaths(packed, strings)].sort(), ['news/a.txt', 'news/b.txt', 'news/c.txt']);
    // Made for one code only: the findings of that code, with their copies (those of the others skipped over).
    assert.deepStrictEqual(unpackFindings(packed, strings, 'duplicate.in-file'), { ...copy, findings: [copy.findings[3]] });
    assert.deepStrictEqual(unpackFindings(packed, strings, 'duplicate.cross-file').findings, [copy.findings[1]]);
    assert.deepStrictEqual(unpackFindings(packed, strings, 'boilerplate.none').findings, []);
  });

  it('keeps a version key the reply had without a value, and none when it had none', () => {
    const strings = new StringTable();
    const withKey: FileFindings = { path: 'a.txt', boilerplateShare: 0, duplicateShare: 0, nearDuplicates: [], findings: [], version: undefined };
    const without: FileFindings = { path: 'b.txt', boilerplateShare: 0, duplicateShare: 0, nearDuplicates: [], findings: [] };
    const a = unpackFindings(packFindings(withKey, strings), strings);
    const b = unpackFindings(packFindings(without, strings), strings);
    assert.ok('version' in a);
    assert.ok(!('version' in b));
    assert.deepStrictEqual(a, withKey);
    assert.deepStrictEqual(b, without);
  });

  it('stores each string once for every file that names it', () => {
    const strings = new StringTable();
    const one = (path: string): FileFindings => ({
      path, boilerplateShare: 0, duplicateShare: 0, nearDuplicates: [], findings: [finding('boilerplate.legal', 1)],
    });
    // Strings that are equal but not the same instance, as two messages from the worker bring them.
    const a = unpackFindings(packFindings(structuredClone(one('a.txt')), strings), strings);
    const b = unpackFindings(packFindings(structuredClone(one('b.txt')), strings), strings);
    assert.strictEqual(strings.id(a.findings[0].message), strings.id(b.findings[0].message));
    assert.strictEqual(strings.id('boilerplate.legal'), strings.id(b.findings[0].code));
    assert.notStrictEqual(strings.id('a.txt'), strings.id('b.txt'));
  });
});
