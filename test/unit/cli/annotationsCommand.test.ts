// `corpus-lens annotations <folder> [--json] [--fix]`: outcomes, JSON shape, exit codes, and --fix writing back.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runAnnotationsCommand } from '../../../src/cli/annotationsCommand';
import { parseSidecar } from '../../../src/core/annotations/sidecarYaml';
import { AnnotationStore } from '../../../src/core/annotations/store';

const ORIGINAL = 'In Tehran, the commander of the Revolutionary Guard Corps, Mohammad Ali Jafari, wrote in an open letter '
  + 'that the agreement would not hold. Officials declined to comment on the letter.\r\n';
// The source as edited since the sidecar was written, saved with a BOM: "In Tehran" stays at offset 0 (exact),
// text inserted after it moves the name (moved), the claim is lightly edited (fuzzy), "on the letter" is gone
// (orphaned).
const EDITED = '\ufeffIn Tehran (AFP), the commander of the Revolutionary Guard Corps, Mohammad Ali Jafari, wrote in an open letter '
  + 'that the agreement would no longer hold. Officials declined to comment.\r\n';

let dir: string;

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runAnnotationsCommand(args, { stdout: (s) => { out += s; }, stderr: (s) => { err += s; } });
  return { code, out, err };
}

async function fixture(): Promise<Record<string, string>> {
  const src = path.join(dir, 'news', 'article.txt');
  fs.mkdirSync(path.dirname(src), { recursive: true });
  fs.writeFileSync(src, ORIGINAL);
  let n = 0;
  const session = await new AnnotationStore({ generateId: () => `an${n++}`, now: () => new Date(0) }).open(src, ORIGINAL);
  const add = (quote: string) => {
    const start = ORIGINAL.indexOf(quote);
    return session.add({ kind: 'note', start, end: start + quote.length }).id;
  };
  const ids = {
    exact: add('In Tehran'),
    moved: add('Mohammad Ali Jafari'),
    fuzzy: add('the agreement would not hold'),
    orphaned: add('on the letter'),
  };
  await session.save();
  fs.writeFileSync(src, Buffer.from(EDITED, 'utf8')); // with a BOM, which offsets do not count
  fs.writeFileSync(path.join(dir, 'other.txt'), 'Other text.\n');
  fs.writeFileSync(path.join(dir, 'other.txt.annotations.yaml'), 'version: 1\nsource: other.txt\nannotations:\n  - id: x\n    kind: note\n    quote: [Other\n');
  return ids;
}

describe('annotations: CLI', () => {
  beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-lens-cli-')); });
  afterEach(() => { fs.rmSync(dir, { recursive: true, force: true }); });

  it('prints one JSON document with each annotation\'s outcome and new offsets, and exits 1 for orphans and invalid sidecars', async () => {
    const ids = await fixture();
    const text = EDITED.slice(1);
    const { code, out } = await run(dir, '--json');
    assert.equal(code, 1);
    const report = JSON.parse(out);
    const span = (quote: string) => ({ start: text.indexOf(quote), end: text.indexOf(quote) + quote.length });
    assert.deepEqual(report, {
      version: 1,
      sidecars: [
        {
          path: 'news/article.txt.annotations.yaml', source: 'news/article.txt', error: null, annotations: [
            { id: ids.exact, outcome: 'exact', start: 0, end: 9 },
            { id: ids.moved, outcome: 'moved', ...span('Mohammad Ali Jafari') },
            { id: ids.fuzzy, outcome: 'fuzzy', ...span('the agreement would no longer hold') },
            { id: ids.orphaned, outcome: 'orphaned', start: null, end: null },
          ],
        },
        {
          // The source is named even when the sidecar is invalid; yaml places this error where it expected "]".
          path: 'other.txt.annotations.yaml', source: 'other.txt', annotations: [],
          error: 'other.txt.annotations.yaml:7:1: Flow sequence in block collection must be sufficiently indented and end with a ]',
        },
      ],
      skipped: [],
      totals: { sidecars: 2, invalid: 1, annotations: 4, exact: 1, moved: 1, fuzzy: 1, orphaned: 1 },
    });
  });

  it('prints a line per sidecar and per annotation that is not exact, and totals', async () => {
    const ids = await fixture();
    const { code, out } = await run(dir);
    assert.equal(code, 1);
    const text = EDITED.slice(1);
    const m = text.indexOf('Mohammad');
    const f = text.indexOf('the agreement');
    assert.equal(out, [
      'news/article.txt.annotations.yaml: 4 annotations: 1 exact, 1 moved, 1 fuzzy, 1 orphaned',
      `  ${ids.moved.padEnd(8)} moved     ${m}-${m + 19}`,
      `  ${ids.fuzzy.padEnd(8)} fuzzy     ${f}-${f + 34}`,
      `  ${ids.orphaned.padEnd(8)} orphaned`,
      'other.txt.annotations.yaml: invalid',
      '  other.txt.annotations.yaml:7:1: Flow sequence in block collection must be sufficiently indented and end with a ]',
      '2 sidecars (1 invalid), 4 annotations: 1 exact, 1 moved, 1 fuzzy, 1 orphaned',
      '',
    ].join('\n'));
  });

  it('--fix writes the re-anchored offsets, quote, context and hash, never touching an invalid sidecar', async () => {
    const ids = await fixture();
    const invalidBefore = fs.readFileSync(path.join(dir, 'other.txt.annotations.yaml'), 'utf8');
    const fixed = await run(dir, '--fix');
    assert.equal(fixed.code, 1);
    assert.match(fixed.out, /news\/article\.txt\.annotations\.yaml: 4 annotations: .* \(written\)/);
    assert.equal(fs.readFileSync(path.join(dir, 'other.txt.annotations.yaml'), 'utf8'), invalidBefore);
    const sidecar = path.join(dir, 'news', 'article.txt.annotations.yaml');
    const data = parseSidecar(fs.readFileSync(sidecar, 'utf8'), sidecar).data;
    const text = EDITED.slice(1);
    for (const a of data.annotations.filter((x) => x.id !== ids.orphaned)) {
      assert.equal(text.slice(a.start, a.end), a.quote);
      assert.equal(a.prefix, text.slice(Math.max(0, a.start - 32), a.start));
    }
    assert.equal(data.annotations.find((a) => a.id === ids.orphaned)!.quote, 'on the letter'); // kept for re-attaching
    // Run again: everything anchored is exact now, and nothing more to write.
    fs.rmSync(path.join(dir, 'other.txt.annotations.yaml'));
    const again = await run(dir, '--fix', '--json');
    const report = JSON.parse(again.out);
    assert.deepEqual(report.sidecars[0].annotations.map((a: { outcome: string }) => a.outcome), ['exact', 'exact', 'exact', 'orphaned']);
    assert.equal(report.sidecars[0].written, false);
    assert.equal(again.code, 1);
  });

  it('exits 0 when every annotation anchors and every sidecar is valid', async () => {
    await fixture();
    fs.rmSync(path.join(dir, 'other.txt.annotations.yaml'));
    const sidecar = path.join(dir, 'news', 'article.txt.annotations.yaml');
    const session = await new AnnotationStore().open(path.join(dir, 'news', 'article.txt'), EDITED.slice(1));
    session.remove(session.list().find((a) => a.outcome === 'orphaned')!.annotation.id);
    await session.save();
    assert.ok(fs.existsSync(sidecar));
    const { code, out } = await run(dir);
    assert.equal(code, 0);
    assert.match(out, /1 sidecar, 3 annotations: 3 exact, 0 moved, 0 fuzzy, 0 orphaned\n$/);
  });

  it('refuses a sidecar whose source lies outside the folder', async () => {
    const inner = path.join(dir, 'inner');
    fs.mkdirSync(inner);
    fs.writeFileSync(path.join(dir, 'secret.txt'), 'secret');
    fs.writeFileSync(path.join(inner, 'x.txt.annotations.yaml'), 'version: 1\nsource: ../secret.txt\nannotations: []\n');
    const { code, out } = await run(inner, '--json');
    assert.equal(code, 1);
    assert.match(JSON.parse(out).sidecars[0].error, /source \.\.\/secret\.txt is outside the folder/);
  });

  it('reports a missing source as an error of that sidecar', async () => {
    fs.writeFileSync(path.join(dir, 'gone.txt.annotations.yaml'), 'version: 1\nsource: gone.txt\nannotations: []\n');
    const { code, out } = await run(dir, '--json');
    assert.equal(code, 1);
    assert.match(JSON.parse(out).sidecars[0].error, /the source gone\.txt is not read: no such file/);
  });

  it('answers usage errors with exit 2 and the usage, and --help with 0', async () => {
    assert.equal((await run()).code, 2);
    const unknown = await run(dir, '--frobnicate');
    assert.equal(unknown.code, 2);
    assert.match(unknown.err, /unknown option --frobnicate[\s\S]*usage: corpus-lens annotations/);
    assert.equal((await run(path.join(dir, 'nope'))).code, 2);
    const help = await run('--help');
    assert.equal(help.code, 0);
    assert.match(help.out, /^usage: corpus-lens annotations <folder> \[--json\] \[--fix\]/);
  });
});
