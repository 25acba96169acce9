// Stamped reads: the stamp is the descriptor's, a read under a stamp refuses another version, and a root
// resolved once for a batch of reads (resolveRoot) reads the same files and refuses the same links.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readIfUnchanged, readStamped, resolveRoot, stampOf } from '../../../../src/core/index/sourceFile';

describe('sourceFile', () => {
  let base: string;
  let dir: string;
  const options = { maxFileBytes: 1000 };
  beforeEach(() => {
    base = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-lens-source-'));
    dir = path.join(base, 'corpus');
    fs.mkdirSync(path.join(dir, 'sub'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'sub', 'a.txt'), 'first version');
    fs.writeFileSync(path.join(base, 'secret.txt'), 'outside');
  });
  afterEach(() => fs.rmSync(base, { recursive: true, force: true }));

  it('stamps a read with the size and modification time the file has, with or without the root resolved', () => {
    for (const realRoot of [undefined, resolveRoot(dir)]) {
      const { read, stamp } = readStamped(dir, 'sub/a.txt', options, realRoot);
      assert.equal(read.ok && read.text, 'first version');
      assert.deepEqual(stamp, stampOf(dir, 'sub/a.txt'));
    }
  });

  it('reads under a stamp only the version stamped: another size or modification time is a change', () => {
    const { stamp } = readStamped(dir, 'sub/a.txt', options);
    const realRoot = resolveRoot(dir);
    assert.deepEqual(readIfUnchanged(dir, 'sub/a.txt', stamp, options, realRoot), { changed: false, text: 'first version' });
    fs.writeFileSync(path.join(dir, 'sub', 'a.txt'), 'second version');
    assert.deepEqual(readIfUnchanged(dir, 'sub/a.txt', stamp, options, realRoot), { changed: true });
    // The same size, written back with another modification time.
    fs.writeFileSync(path.join(dir, 'sub', 'a.txt'), 'first VERSION');
    fs.utimesSync(path.join(dir, 'sub', 'a.txt'), new Date(2000, 0, 1), new Date(2000, 0, 1));
    assert.deepEqual(readIfUnchanged(dir, 'sub/a.txt', stamp, options), { changed: true });
    assert.deepEqual(readIfUnchanged(dir, 'sub/a.txt', undefined, options), { changed: true });
    fs.rmSync(path.join(dir, 'sub', 'a.txt'));
    assert.deepEqual(readIfUnchanged(dir, 'sub/a.txt', stamp, options), { changed: true });
  });

  it('refuses a link out of the folder with the root resolved for the batch, and resolves no root that is missing', () => {
    fs.symlinkSync(path.join(base, 'secret.txt'), path.join(dir, 'link.txt'));
    const { read } = readStamped(dir, 'link.txt', options, resolveRoot(dir));
    assert.equal(!read.ok && read.reason, 'outside');
    assert.equal(resolveRoot(path.join(base, 'none')), undefined);
  });
});
