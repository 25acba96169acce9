// The development seeds in ../shared (when present): the article stored in 001 and 002 must be reported as one
// duplicate passage spanning lines 1-16 and 85-100 (1-based).
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { scanFolder } from '../../../../src/core/scan';

const seeds = path.resolve(__dirname, '..', '..', '..', '..', '..', '..', 'shared', 'seeds');

describe('seeds: duplicated article', function () {
  before(function () {
    if (!fs.existsSync(seeds)) { this.skip(); }
  });

  it('reports 001 lines 1-16 and 002 lines 85-100 as one passage', () => {
    const result = scanFolder(seeds);
    const file = (prefix: string) => result.files.find((f) => f.path.startsWith(prefix))!;
    const model = (p: string) => result.index.document(p)!.model;
    const a = file('001_');
    const b = file('002_');
    const dups = a.findings.filter((f) => f.kind === 'duplicate' && f.related.some((r) => r.path === b.path));
    assert.strictEqual(dups.length, 1);
    const lines = (p: string, s: number, e: number) => [model(p).lineAt(s) + 1, model(p).lineAt(e - 1) + 1];
    assert.deepStrictEqual(lines(a.path, dups[0].start, dups[0].end), [1, 16]);
    const rel = dups[0].related.find((r) => r.path === b.path)!;
    assert.deepStrictEqual(lines(b.path, rel.start, rel.end), [85, 100]);
  });
});
