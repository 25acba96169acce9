// The safe reader and the folder walk: links out of the folder, FIFOs, devices, folders named *.txt, names that
// are not UTF-8, unreadable folders (D2, D8 and the minor points of issue 11), through core and `scan`.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import nodeFs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../../../src/cli/main';
import { listCorpus, readCorpusFile } from '../../../../src/core/corpus';
import { readFileSafe, readFileSafeSync } from '../../../../src/core/io/safeRead';
import { decodeName, printable } from '../../../../src/core/io/walkFolder';
import { JsonReport } from '../../../../src/core/report';

function capture() {
  const out = { stdout: '', stderr: '' };
  return { out, io: { stdout: (s: string) => { out.stdout += s; }, stderr: (s: string) => { out.stderr += s; }, isTTY: false } };
}

/** Makes a FIFO with the system's mkfifo; false where there is none (the test is then skipped). */
function mkfifo(p: string): boolean {
  try { execFileSync('mkfifo', [p]); return true; } catch { return false; }
}

/** Runs `body` with fs.readdirSync failing with `code` for `dir` (root reads anything, so chmod cannot show it). */
async function withUnreadable<T>(dir: string, code: string, body: () => T | Promise<T>): Promise<T> {
  const real = nodeFs.readdirSync;
  nodeFs.readdirSync = ((p: fs.PathLike, ...rest: unknown[]) => {
    if (path.resolve(String(p)) === path.resolve(dir)) { throw Object.assign(new Error(`${code}: refused`), { code }); }
    return (real as (...a: unknown[]) => unknown)(p, ...rest);
  }) as typeof fs.readdirSync;
  try { return await body(); } finally { nodeFs.readdirSync = real; }
}

describe('safe reader and folder walk', () => {
  let base: string;
  let dir: string;
  beforeEach(() => {
    base = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-lens-io-'));
    dir = path.join(base, 'corpus');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(base, 'secret.txt'), 'outside text');
    fs.writeFileSync(path.join(dir, 'a.txt'), 'inside text');
  });
  afterEach(() => fs.rmSync(base, { recursive: true, force: true }));

  it('refuses a link out of the folder, reads a link inside it', async () => {
    fs.symlinkSync(path.join(base, 'secret.txt'), path.join(dir, 'link.txt'));
    fs.symlinkSync(path.join(dir, 'a.txt'), path.join(dir, 'inner.txt'));
    const out = readFileSafeSync(path.join(dir, 'link.txt'), { root: dir, maxBytes: 100 });
    assert.equal(out.ok, false);
    assert.equal(!out.ok && out.reason, 'outside');
    const inner = await readFileSafe(path.join(dir, 'inner.txt'), { root: dir, maxBytes: 100 });
    assert.equal(inner.ok && inner.bytes.toString(), 'inside text');
    assert.equal((await readFileSafe(path.join(dir, 'link.txt'), { root: dir, maxBytes: 100 })).ok, false);
  });

  it('with the root resolved by the caller (realRoot), still refuses a link out of it and gives the stats asked for', () => {
    fs.symlinkSync(path.join(base, 'secret.txt'), path.join(dir, 'link.txt'));
    const realRoot = fs.realpathSync.native(dir);
    const out = readFileSafeSync(path.join(dir, 'link.txt'), { root: dir, realRoot, maxBytes: 100 });
    assert.equal(!out.ok && out.reason, 'outside');
    const a = readFileSafeSync(path.join(dir, 'a.txt'), { root: dir, realRoot, maxBytes: 100, statAfter: true });
    assert.ok(a.ok);
    assert.equal(a.bytes.toString(), 'inside text');
    assert.equal(a.stat.size, 11);
    assert.equal(a.after?.mtimeMs, a.stat.mtimeMs);
    const plain = readFileSafeSync(path.join(dir, 'a.txt'), { root: dir, maxBytes: 100 });
    assert.equal(plain.ok && plain.after, undefined);
  });

  it('refuses a link to /dev/zero without reading it, and a device inside the folder as not regular', () => {

  it('with a map of resolved folders, resolves each folder once and still follows or refuses links as without it', () => {
    fs.mkdirSync(path.join(dir, 'sub'));
    fs.writeFileSync(path.join(dir, 'sub', 'b.txt'), 'sub text');
    fs.symlinkSync(path.join(base, 'secret.txt'), path.join(dir, 'sub', 'out.txt'));
    fs.symlinkSync(path.join(dir, 'a.txt'), path.join(dir, 'sub', 'in.txt'));
    fs.symlinkSync(base, path.join(dir, 'up'));
    const realRoot = fs.realpathSync.native(dir);
    const folders = new Map<string, string>();
    const read = (rel: string) => readFileSafeSync(path.join(dir, rel), { root: dir, realRoot, folders, maxBytes: 100 });
    const b = read('sub/b.txt');
    assert.equal(b.ok && b.bytes.toString(), 'sub text');
    assert.equal(b.ok && b.realPath, path.join(realRoot, 'sub', 'b.txt'));
    assert.deepEqual([...folders], [[path.join(dir, 'sub'), path.join(realRoot, 'sub')]]);
    // A link inside the folder is read through its target; the target's real path is the one given.
    const inner = read('sub/in.txt');
    assert.equal(inner.ok && inner.bytes.toString(), 'inside text');
    assert.equal(inner.ok && inner.realPath, path.join(realRoot, 'a.txt'));
    const out = read('sub/out.txt');
    assert.equal(!out.ok && out.reason, 'outside');
    // A folder that is a link out of the root: refused, with the full resolution's message.
    const up = read('up/secret.txt');
    assert.equal(!up.ok && up.reason, 'outside');
    assert.match(!up.ok ? up.message : '', /secret\.txt/);
    const missing = read('sub/none.txt');
    assert.equal(!missing.ok && missing.reason, 'missing');
    assert.equal(!read('gone/none.txt').ok && 'refused', 'refused');
    assert.equal(folders.size, 2);
  });
    fs.symlinkSync('/dev/zero', path.join(dir, 'zero.txt'));
    const r = readCorpusFile(dir, 'zero.txt', { maxFileBytes: 1024 });
    assert.deepEqual(r.ok ? 'read' : r.reason, 'outside');
    const dev = readFileSafeSync('/dev/zero', { maxBytes: 1024 });
    assert.equal(!dev.ok && dev.reason, 'not-regular');
  });

  it('does not hang on a FIFO named like a corpus file', function () {
    if (!mkfifo(path.join(dir, 'pipe.txt'))) { this.skip(); }
    const r = readCorpusFile(dir, 'pipe.txt', { maxFileBytes: 1024 });
    assert.equal(!r.ok && r.reason, 'not-regular');
    assert.match(!r.ok ? r.message : '', /named pipe/);
  });

  it('checks the size on the opened file before reading', () => {
    fs.writeFileSync(path.join(dir, 'big.txt'), 'x'.repeat(2000));
    const r = readFileSafeSync(path.join(dir, 'big.txt'), { root: dir, maxBytes: 1000 });
    assert.equal(!r.ok && r.reason, 'too-large');
  });

  it('lists specials, folders named *.txt, bad names and unreadable folders as skipped, with reasons', async () => {
    fs.mkdirSync(path.join(dir, 'folder.txt'));
    fs.writeFileSync(path.join(dir, 'folder.txt', 'in.txt'), 'x');
    fs.mkdirSync(path.join(dir, 'locked'));
    fs.writeFileSync(path.join(dir, 'locked', 'hidden.txt'), 'x');
    fs.writeFileSync(Buffer.from(path.join(dir, 'Fran\xe7ois.txt'), 'latin1'), 'x');
    const hasFifo = mkfifo(path.join(dir, 'pipe.txt'));
    const listed = await withUnreadable(path.join(dir, 'locked'), 'EACCES', () => listCorpus(dir));
    assert.deepEqual(listed.files, ['a.txt', 'folder.txt/in.txt']);
    assert.deepEqual(listed.skipped.map((s) => [s.path, s.reason]), [
      ['Fran\\xe7ois.txt', 'bad-name'], ['folder.txt', 'not-regular'], ['locked/', 'unreadable'],
      ...(hasFifo ? [['pipe.txt', 'not-regular']] : []),
    ]);
    assert.match(listed.skipped.find((s) => s.path === 'locked/')!.message, /permission denied \(EACCES\)/);
  });

  it('scan reports skipped entries in JSON and exits 1 for an unreadable sub-folder or root', async () => {
    fs.symlinkSync(path.join(base, 'secret.txt'), path.join(dir, 'link.txt'));
    fs.mkdirSync(path.join(dir, 'locked'));
    let c = capture();
    let code = await withUnreadable(path.join(dir, 'locked'), 'EACCES', () => main(['scan', dir, '--json'], c.io));
    assert.equal(code, 1);
    let report = JSON.parse(c.out.stdout) as JsonReport;
    assert.deepEqual(report.files.map((f) => f.path), ['a.txt']);
    assert.deepEqual(report.summary.skipped.map((s) => [s.path, s.reason]), [['link.txt', 'outside'], ['locked/', 'unreadable']]);
    assert.doesNotMatch(c.out.stdout, /outside text/);
    c = capture();
    code = await withUnreadable(dir, 'EACCES', () => main(['scan', dir, '--json'], c.io));
    assert.equal(code, 1);
    report = JSON.parse(c.out.stdout) as JsonReport;
    assert.deepEqual(report.summary.skipped.map((s) => [s.path, s.reason]), [['.', 'unreadable']]);
  });

  it('suggest lists refused files as skipped in its JSON; annotations reports an unreadable root', async () => {
    fs.symlinkSync(path.join(base, 'secret.txt'), path.join(dir, 'link.txt'));
    let c = capture();
    assert.equal(await main(['suggest', dir, '--json'], c.io), 0);
    const report = JSON.parse(c.out.stdout) as { files: { path: string }[]; skipped: { path: string; reason: string }[] };
    assert.deepEqual(report.files.map((f) => f.path), ['a.txt']);
    assert.deepEqual(report.skipped.map((s) => [s.path, s.reason]), [['link.txt', 'outside']]);
    c = capture();
    assert.equal(await withUnreadable(dir, 'EACCES', () => main(['annotations', dir, '--json'], c.io)), 1);
    assert.deepEqual(JSON.parse(c.out.stdout).skipped, [{ path: '.', reason: 'unreadable', message: 'cannot read the folder: permission denied (EACCES)' }]);
  });

  it('escapes control characters of file names in the readable report', async () => {
    fs.writeFileSync(path.join(dir, 'evil\x1b[2J.txt'), 'some text here\n');
    const c = capture();
    await main(['scan', dir], c.io);
    assert.match(c.out.stdout, /^evil\\x1b\[2J\.txt: /m);
    assert.doesNotMatch(c.out.stdout, /\x1b/);
    assert.equal(printable('a\u202eb\n'), 'a\\u202eb\\x0a');
  });

  it('shows the bytes of a name that is not UTF-8 as escapes, keeping the valid characters', () => {
    assert.deepEqual(decodeName(Buffer.from([0x46, 0xe7, 0xc3, 0xa9])), { text: 'F\\xe7é', valid: false });
    assert.deepEqual(decodeName(Buffer.from('Émile', 'utf8')), { text: 'Émile', valid: true });
  });

  it('prints usage for -h on every folder command instead of taking it for a folder', async () => {
    for (const command of ['scan', 'annotations', 'suggest']) {
      const c = capture();
      assert.equal(await main([command, '-h'], c.io), 0, command);
      assert.match(c.out.stdout, new RegExp(`^usage: corpus-lens ${command} `), command);
      assert.equal(c.out.stderr, '');
    }
  });
});
