// Writing sidecars safely (issue 11: D1, D3, D4, D5, D7 and the minor points): UTF-8 only, errors per sidecar on
// read-only folders, full disks, refused renames and long names, mode and owner kept, the size limit checked on
// what would be written, locks of dead processes taken over, temporary files of killed runs removed.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import nodeFs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { AnnotationsReport, runAnnotationsCommand } from '../../../../src/cli/annotationsCommand';
import { SidecarError } from '../../../../src/core/annotations/errors';
import { parseSidecar } from '../../../../src/core/annotations/sidecarYaml';
import { AnnotationStore } from '../../../../src/core/annotations/store';
import { lockPathFor } from '../../../../src/core/io/fileLock';

const SOURCE = 'Officials said the agreement would hold for now.\n';
/** A sidecar whose one note moved (stored at 0, now at 19): --fix rewrites it. */
const SIDECAR = 'version: 1\nsource: a.txt\nannotations:\n  - id: n1\n    kind: note\n    quote: agreement\n    start: 0\n    end: 9\n';

let dir: string;

async function run(...args: string[]): Promise<{ code: number; report: AnnotationsReport; err: string }> {
  let out = '';
  let err = '';
  const code = await runAnnotationsCommand(args, { stdout: (s) => { out += s; }, stderr: (s) => { err += s; } });
  return { code, report: JSON.parse(out) as AnnotationsReport, err };
}

function corpus(sub: string, sidecar = SIDECAR): string {
  const d = path.join(dir, sub);
  fs.mkdirSync(d, { recursive: true });
  fs.writeFileSync(path.join(d, 'a.txt'), SOURCE);
  fs.writeFileSync(path.join(d, 'a.txt.annotations.yaml'), sidecar);
  return path.join(d, 'a.txt.annotations.yaml');
}

function errno(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: injected`), { code });
}

/** Replaces one fs.promises function while `body` runs, failing for paths that `fails` picks. */
async function failing<T>(name: 'open' | 'rename' | 'writeFile' | 'access', fails: (p: string) => string | undefined, body: () => Promise<T>): Promise<T> {
  const promises = nodeFs.promises as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>;
  const real = promises[name];
  promises[name] = (p: unknown, ...rest: unknown[]) => {
    const code = fails(String(p));
    return code ? Promise.reject(errno(code)) : real.call(nodeFs.promises, p, ...rest);
  };
  try { return await body(); } finally { promises[name] = real; }
}

function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '0']).pid!;
}

function leftovers(d: string): string[] {
  return fs.readdirSync(d).filter((n) => n.endsWith('.lock') || n.endsWith('.tmp'));
}

describe('sidecar writes: failing disks, permissions, encodings', () => {
  beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-lens-write-')); });
  afterEach(() => { fs.rmSync(dir, { recursive: true, force: true }); });

  it('D1: refuses a sidecar that is not UTF-8, with its place, and never rewrites it', async () => {
    const bytes = Buffer.concat([Buffer.from(SIDECAR), Buffer.from('    author: Fran'), Buffer.from([0xe7]), Buffer.from('ois\n')]);
    const file = corpus('.', '');
    fs.writeFileSync(file, bytes);
    const { code, report } = await run(dir, '--json', '--fix');
    assert.equal(code, 1);
    assert.match(report.sidecars[0].error!, /^a\.txt\.annotations\.yaml:9:17: not valid UTF-8 \(byte 0xe7\)/);
    assert.deepEqual(fs.readFileSync(file), bytes);
    assert.equal(report.totals.annotations, 0);
  });

  it('D3/D7: goes on past a read-only folder, a full disk and a refused rename; one JSON document; totals only what was written', async () => {
    const rofs = corpus('ro');
    const full = corpus('full');
    const denied = corpus('denied');
    const fine = corpus('fine');
    const { code, report } = await failing('writeFile', (p) => (p.includes(`${path.sep}ro${path.sep}`) ? 'EROFS' : undefined),
      () => failing('open', (p) => (p.includes(`${path.sep}full${path.sep}`) && p.endsWith('.tmp') ? 'ENOSPC' : undefined),
        () => failing('rename', (p) => (p.includes(`${path.sep}denied${path.sep}`) ? 'EACCES' : undefined),
          () => run(dir, '--json', '--fix'))));
    assert.equal(code, 1);
    const byPath = new Map(report.sidecars.map((s) => [s.path, s]));
    assert.match(byPath.get('ro/a.txt.annotations.yaml')!.error!, /not written: cannot create the lock file a\.txt\.annotations\.yaml\.lock: read-only file system \(EROFS\)/);
    assert.match(byPath.get('full/a.txt.annotations.yaml')!.error!, /not written: cannot create a temporary file: no space left on the device \(ENOSPC\)/);
    assert.match(byPath.get('denied/a.txt.annotations.yaml')!.error!, /not written: cannot replace: permission denied \(EACCES\)/);
    assert.equal(byPath.get('fine/a.txt.annotations.yaml')!.written, true);
    assert.deepEqual(report.totals, { sidecars: 4, invalid: 3, annotations: 1, exact: 0, moved: 1, fuzzy: 0, orphaned: 0 });
    for (const f of [rofs, full, denied]) {
      assert.equal(fs.readFileSync(f, 'utf8'), SIDECAR);
      assert.deepEqual(leftovers(path.dirname(f)), []);
    }
    assert.equal(parseSidecar(fs.readFileSync(fine, 'utf8'), fine).data.annotations[0].start, 19);
  });

  it('says "not written", not "invalid", of a valid sidecar whose write failed, in the report and its JSON', async () => {
    const rofs = corpus('ro');
    const bad = corpus('bad', 'version: 1\nannotations: [\n');
    let out = '';
    const code = await failing('writeFile', (p) => (p.includes(`${path.sep}ro${path.sep}`) ? 'EROFS' : undefined),
      () => runAnnotationsCommand([dir, '--fix'], { stdout: (s) => { out += s; }, stderr: () => undefined }));
    assert.equal(code, 1);
    const lines = out.split('\n');
    assert.ok(lines.includes('ro/a.txt.annotations.yaml: not written'), out);
    assert.ok(lines.includes('bad/a.txt.annotations.yaml: invalid'), out);
    assert.equal(lines.filter((l) => /^\d+ sidecars/.test(l))[0], '2 sidecars (1 invalid, 1 not written), 0 annotations: 0 exact, 0 moved, 0 fuzzy, 0 orphaned');
    const { report } = await failing('writeFile', (p) => (p.includes(`${path.sep}ro${path.sep}`) ? 'EROFS' : undefined), () => run(dir, '--json', '--fix'));
    const byPath = new Map(report.sidecars.map((s) => [s.path, s]));
    assert.equal(byPath.get('ro/a.txt.annotations.yaml')!.written, false);
    assert.equal('written' in byPath.get('bad/a.txt.annotations.yaml')!, false);
    assert.equal(fs.readFileSync(rofs, 'utf8'), SIDECAR);
    assert.equal(fs.readFileSync(bad, 'utf8'), 'version: 1\nannotations: [\n');
  });

  it('D3: writes a sidecar whose name leaves no room for the old temporary name', async () => {
    const name = 'n'.repeat(230) + '.txt';
    fs.writeFileSync(path.join(dir, name), SOURCE);
    fs.writeFileSync(path.join(dir, name + '.annotations.yaml'), SIDECAR.replace('source: a.txt', `source: ${name}`));
    const { code, report } = await run(dir, '--json', '--fix');
    assert.equal(report.sidecars[0].error, null);
    assert.equal(report.sidecars[0].written, true);
    assert.equal(code, 0);
    assert.deepEqual(leftovers(dir), []);
  });

  it('D4: keeps the mode and owner of the sidecar it replaces', async function () {
    const file = corpus('.');
    fs.chmodSync(file, 0o600);
    const asRoot = process.getuid?.() === 0;
    if (asRoot) { fs.chownSync(file, 4321, 4321); }
    assert.equal((await run(dir, '--json', '--fix')).report.sidecars[0].written, true);
    let st = fs.statSync(file);
    assert.equal(st.mode & 0o777, 0o600);
    if (asRoot) { assert.deepEqual([st.uid, st.gid], [4321, 4321]); }
    fs.writeFileSync(file, SIDECAR);
    fs.chmodSync(file, 0o444);
    const second = await run(dir, '--json', '--fix');
    st = fs.statSync(file);
    assert.equal(st.mode & 0o777, 0o444);
    if (asRoot) {
      assert.equal(second.report.sidecars[0].written, true); // root may write it, and the mode stays
    } else {
      assert.match(second.report.sidecars[0].error!, /is not writable: permission denied/);
      assert.equal(fs.readFileSync(file, 'utf8'), SIDECAR);
    }
  });

  it('D4: refuses to replace a sidecar it may not write, and leaves it as it was', async () => {
    const file = corpus('.');
    const { code, report } = await failing('access', (p) => (p === file ? 'EACCES' : undefined), () => run(dir, '--json', '--fix'));
    assert.equal(code, 1);
    assert.match(report.sidecars[0].error!, /not written: is not writable: permission denied \(EACCES\)/);
    assert.equal(fs.readFileSync(file, 'utf8'), SIDECAR);
  });

  it('D5: never writes a sidecar over the limit its reader applies', async () => {
    const file = corpus('.');
    const limit = SIDECAR.length + 40;
    const store = new AnnotationStore({ limits: { maxBytes: limit } });
    const session = await store.open(path.join(dir, 'a.txt'), SOURCE);
    assert.equal(session.dirty, true);
    await assert.rejects(session.save(), (e: unknown) => e instanceof SidecarError && e.reason === 'too-large'
      && new RegExp(`not written: the sidecar would be \\d+ bytes, over the limit of ${limit} `).test(e.message));
    assert.equal(fs.readFileSync(file, 'utf8'), SIDECAR);
    assert.deepEqual(leftovers(dir), []);
  });

  it('takes over the lock of a dead process at once, and an empty lock left by an old run', async () => {
    const file = corpus('.');
    fs.writeFileSync(lockPathFor(file), `${deadPid()} ${os.hostname()} 2026-01-01T00:00:00Z\n`);
    const started = Date.now();
    assert.equal((await run(dir, '--json', '--fix')).report.sidecars[0].written, true);
    assert.ok(Date.now() - started < 3000);
    fs.writeFileSync(file, SIDECAR);
    fs.writeFileSync(lockPathFor(file), '');
    const old = new Date(Date.now() - 5000);
    fs.utimesSync(lockPathFor(file), old, old);
    assert.equal((await run(dir, '--json', '--fix')).report.sidecars[0].written, true);
    assert.deepEqual(leftovers(dir), []);
  });

  it('removes temporary files of killed runs, not those of a live writer', async () => {
    corpus('.');
    const dead = path.join(dir, `.a.txt.annotations.yaml.${deadPid()}.0badc0de.tmp`);
    const live = path.join(dir, `.a.txt.annotations.yaml.${process.pid}.0badc0de.tmp`);
    const old = new Date(Date.now() - 60_000);
    for (const f of [dead, live]) { fs.writeFileSync(f, 'partial'); fs.utimesSync(f, old, old); }
    assert.equal((await run(dir, '--json', '--fix')).report.sidecars[0].written, true);
    assert.equal(fs.existsSync(dead), false);
    assert.equal(fs.existsSync(live), true);
  });

  it('D2: --fix neither reads a source linked from outside the folder nor waits on a FIFO source', async () => {
    const outside = path.join(dir, 'outside');
    fs.mkdirSync(outside);
    fs.writeFileSync(path.join(outside, 'secret.txt'), `Top secret: ${SOURCE}`);
    const corpusDir = path.join(dir, 'corpus');
    fs.mkdirSync(corpusDir);
    fs.symlinkSync(path.join(outside, 'secret.txt'), path.join(corpusDir, 'a.txt'));
    fs.writeFileSync(path.join(corpusDir, 'a.txt.annotations.yaml'), SIDECAR);
    const hasFifo = spawnSync('mkfifo', [path.join(corpusDir, 'b.txt')]).status === 0;
    if (hasFifo) { fs.writeFileSync(path.join(corpusDir, 'b.txt.annotations.yaml'), SIDECAR.replace('a.txt', 'b.txt')); }
    const { code, report } = await run(corpusDir, '--json', '--fix');
    assert.equal(code, 1);
    assert.match(report.sidecars[0].error!, /the source a\.txt is not read: resolves to .*outside the folder/);
    if (hasFifo) { assert.match(report.sidecars[1].error!, /the source b\.txt is not read: not a regular file \(a named pipe\)/); }
    assert.equal(fs.readFileSync(path.join(corpusDir, 'a.txt.annotations.yaml'), 'utf8'), SIDECAR);
  });

  it('explains a second YAML document in its own words', () => {
    assert.throws(() => parseSidecar(`${SIDECAR}---\nversion: 1\n`, 'x.annotations.yaml'),
      (e: unknown) => e instanceof SidecarError && /more than one YAML document/.test(e.message) && !/parseAllDocuments/.test(e.message));
  });

  it('reports an unreadable sub-folder and a FIFO named like a sidecar as skipped, and exits 1', async () => {
    corpus('.');
    const fifo = path.join(dir, 'b.txt.annotations.yaml');
    if (spawnSync('mkfifo', [fifo]).status !== 0) { return; }
    const { code, report } = await run(dir, '--json');
    assert.equal(code, 1);
    assert.deepEqual(report.skipped.map((s) => [s.path, s.reason]), [['b.txt.annotations.yaml', 'not-regular']]);
    assert.equal(report.totals.moved, 1);
  });
});
