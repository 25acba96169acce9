// `corpus-lens export` when its output cannot be written: a full disk, a read-only parent, an output folder the
// corpus would read, an output that would land on a corpus file. Each exits 1 (2 for usage) with one clear line,
// leaves no half-written file that looks complete, and keeps an earlier export and the corpus as they were.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import nodeFs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../../src/cli/main';
import { tempDir } from '../core/export/exportHelpers';

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { stdout: (s) => { out += s; }, stderr: (s) => { err += s; } });
  return { code, out, err };
}

function errno(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: injected`), { code });
}

/** Replaces one synchronous fs function while `body` runs. */
async function replaced<T>(name: 'writeSync' | 'mkdirSync', fake: (real: (...a: unknown[]) => unknown, ...a: unknown[]) => unknown, body: () => Promise<T>): Promise<T> {
  const mod = nodeFs as unknown as Record<string, (...a: unknown[]) => unknown>;
  const real = mod[name];
  mod[name] = (...a: unknown[]) => fake(real, ...a);
  try { return await body(); } finally { mod[name] = real; }
}

const TEXT = 'Mira Osei spoke in Accra on Monday about the new harbour plans.\nThe council will vote next week.\n';

function corpus(prefix: string, files: Record<string, string> = { 'a.txt': TEXT, 'b.txt': TEXT.replace('Mira Osei', 'Kofi Mensah') }): string {
  const dir = tempDir(prefix);
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

describe('export: output that cannot be written', function () {
  this.timeout(60000);

  it('on a full disk leaves no partial documents.jsonl, no staging folder, and an earlier export whole', async () => {
    const dir = corpus('full');
    const out = tempDir('o');
    fs.writeFileSync(path.join(out, 'documents.jsonl'), '{"id":"earlier"}\n');
    const r = await replaced('writeSync', () => { throw errno('ENOSPC'); }, () => cli('export', dir, '--format', 'jsonl', '--out', out));
    assert.equal(r.code, 1);
    assert.match(r.err, /^corpus-lens: cannot write the export to .*: \w+\.jsonl: no space left on the device \(ENOSPC\); nothing was exported\n$/);
    assert.deepEqual(fs.readdirSync(out), ['documents.jsonl']);
    assert.equal(fs.readFileSync(path.join(out, 'documents.jsonl'), 'utf8'), '{"id":"earlier"}\n');
  });

  it('removes an output folder it made when the export fails, and publishes every file when it succeeds', async () => {
    const dir = corpus('made');
    const out = path.join(tempDir('o'), 'new', 'out');
    const failed = await replaced('writeSync', () => { throw errno('EIO'); }, () => cli('export', dir, '--format', 'jsonl', '--out', out));
    assert.equal(failed.code, 1);
    assert.match(failed.err, /input\/output error \(EIO\)/);
    assert.equal(fs.existsSync(out), false);
    const ok = await cli('export', dir, '--format', 'brat', '--out', out);
    assert.equal(ok.code, 0, ok.err);
    assert.deepEqual(fs.readdirSync(out).sort(), ['a.ann', 'a.txt', 'annotation.conf', 'b.ann', 'b.txt', 'removed.jsonl', 'warnings.jsonl']);
  });

  it('names the real reason when a parent of --out is on a read-only file system, not a stack trace', async () => {
    const dir = corpus('rofs');
    const out = path.join(tempDir('o'), 'ro', 'out');
    // Node's recursive mkdir reports ENOENT there; a plain mkdir says EROFS.
    const r = await replaced('mkdirSync', (real, p, opts) => {
      if (String(p).startsWith(path.dirname(out))) { throw errno((opts as { recursive?: boolean } | undefined)?.recursive ? 'ENOENT' : 'EROFS'); }
      return real(p, opts);
    }, () => cli('export', dir, '--format', 'jsonl', '--out', out));
    assert.equal(r.code, 1);
    assert.match(r.err, /^corpus-lens: cannot write the export to .*: cannot create the folder: read-only file system \(EROFS\); nothing was exported\n$/);
    assert.doesNotMatch(r.err, /\n\s+at /);
  });

  it('refuses an --out inside the corpus that --exclude does not leave out, and takes one it does', async () => {
    const dir = corpus('inside');
    const refused = await cli('export', dir, '--format', 'brat', '--out', path.join(dir, 'out'), '--exclude', '**/other/**');
    assert.equal(refused.code, 2);
    assert.match(refused.err, /--out must be outside the corpus folder/);
    assert.equal(fs.existsSync(path.join(dir, 'out')), false);
    const taken = await cli('export', dir, '--format', 'brat', '--out', path.join(dir, 'out'), '--exclude', 'out/**');
    assert.equal(taken.code, 0, taken.err);
    assert.ok(fs.existsSync(path.join(dir, 'out', 'a.ann')));
  });

  it('never writes over a corpus file: an --out above the corpus whose paths meet its files is refused whole', async () => {
    const parent = tempDir('above');
    const dir = path.join(parent, 'c');
    // The document "c/a.txt" exported into the corpus's parent would land on the corpus file c/a.txt.
    fs.mkdirSync(path.join(dir, 'c'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'a.txt'), TEXT);
    fs.writeFileSync(path.join(dir, 'c', 'a.txt'), 'Menu\nHome\nContact\n' + TEXT);
    const r = await cli('export', dir, '--format', 'brat', '--on', 'cleaned', '--out', parent);
    assert.equal(r.code, 1);
    assert.match(r.err, /the export would write over a\.txt, a file of the corpus; export to a folder outside it; nothing was exported/);
    assert.equal(fs.readFileSync(path.join(dir, 'a.txt'), 'utf8'), TEXT);
    assert.deepEqual(fs.readdirSync(parent), ['c']);
  });

  it('removes the staging folder of an export killed on this machine, and leaves one of another machine alone', async () => {
    const dir = corpus('stale');
    const out = tempDir('o');
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
    const host = os.hostname().replace(/[^A-Za-z0-9.-]/g, '_').slice(0, 64) || 'host';
    const killed = `.corpus-lens-export-${host}-${dead}-0badc0de`;
    const elsewhere = `.corpus-lens-export-${host}x-${dead}-0badc0de`;
    for (const name of [killed, elsewhere]) {
      fs.mkdirSync(path.join(out, name));
      fs.writeFileSync(path.join(out, name, 'documents.jsonl'), '{"id":"cut sh');
    }
    const r = await cli('export', dir, '--format', 'jsonl', '--out', out);
    assert.equal(r.code, 0, r.err);
    assert.deepEqual(fs.readdirSync(out).sort(), [elsewhere, 'documents.jsonl', 'removed.jsonl', 'warnings.jsonl']);
  });
});
