// `corpus-lens suggest <folder>`: the JSON document's shape, the gazetteer built from the folder's sidecars, the
// readable report, and exit codes.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runSuggestCommand, SuggestReport } from '../../../src/cli/suggestCommand';

let dir: string;

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runSuggestCommand(args, { stdout: (s) => { out += s; }, stderr: (s) => { err += s; } });
  return { code, out, err };
}

const A = 'President Hassan Rouhani met Harlow Freight officials in Tehran.\r\n"Exports rose 12 percent in 2023," Pompeo said.\r\n';
const B = '\ufeffHarlow Freight hired 200 workers last year, according to Pompeo.\n';

describe('suggest: CLI', () => {
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-lens-suggest-'));
    fs.writeFileSync(path.join(dir, 'a.txt'), A);
    fs.mkdirSync(path.join(dir, 'news'));
    fs.writeFileSync(path.join(dir, 'news', 'b.txt'), B);
    const start = A.indexOf('Harlow Freight');
    fs.writeFileSync(path.join(dir, 'a.txt.annotations.yaml'), [
      'version: 1', 'source: a.txt', 'annotations:',
      '  - id: e1', '    kind: entity', '    label: organization', '    quote: Harlow Freight', `    start: ${start}`, `    end: ${start + 14}`,
      '',
    ].join('\n'));
  });
  afterEach(() => { fs.rmSync(dir, { recursive: true, force: true }); });

  it('prints one JSON document with every file\'s suggestions at UTF-16 offsets, the gazetteer\'s included', async () => {
    const { code, out, err } = await run(dir, '--json');
    assert.equal(code, 0, err);
    const report = JSON.parse(out);
    assert.equal(report.version, 1);
    assert.deepEqual(report.files.map((f: { path: string }) => f.path), ['a.txt', 'news/b.txt']);
    const texts: Record<string, string> = { 'a.txt': A, 'news/b.txt': B.slice(1) };
    for (const f of report.files) {
      for (const s of f.suggestions) {
        assert.equal(texts[f.path].slice(s.start, s.end), s.text);
        assert.deepEqual(Object.keys(s).sort(), s.kind === 'entity'
          ? ['end', 'kind', 'label', 'score', 'start', 'text']
          : ['end', 'kind', 'score', 'start', 'text', ...(s.speaker === undefined ? [] : ['speaker'])].sort());
      }
    }
    const a = report.files[0].suggestions;
    // The tagged span itself is not proposed again in its own file.
    assert.ok(!a.some((s: { text: string }) => s.text === 'Harlow Freight'));
    assert.ok(a.some((s: { kind: string; label: string; text: string }) => s.kind === 'entity' && s.label === 'person' && s.text === 'Hassan Rouhani'));
    const quoted = a.find((s: { kind: string; text: string }) => s.kind === 'claim' && s.text.startsWith('"Exports'));
    assert.deepEqual(quoted?.speaker, 'Pompeo');
    const b = report.files[1].suggestions;
    assert.deepEqual(b.find((s: { text: string }) => s.text === 'Harlow Freight'),
      { kind: 'entity', label: 'organization', text: 'Harlow Freight', start: 0, end: 14, score: b.find((s: { text: string }) => s.text === 'Harlow Freight').score });
    assert.deepEqual(b.filter((s: { kind: string }) => s.kind === 'claim').map((s: { speaker?: string }) => s.speaker), ['Pompeo']);
  });

  it('scores every sentence with --min-claim-score 0, none with 1, and refuses a score that is not from 0 to 1', async () => {
    const claimsOf = async (min: string) => {
      const { code, out, err } = await run(dir, '--json', '--min-claim-score', min);
      assert.equal(code, 0, err);
      return (JSON.parse(out) as SuggestReport).files.map((f) => f.suggestions.filter((s) => s.kind === 'claim').length);
    };
    // a.txt has two sentences, b.txt one: every one is scored, as a ranking needs.
    assert.deepEqual(await claimsOf('0'), [2, 1]);
    assert.deepEqual(await claimsOf('1'), [0, 0]);
    for (const bad of ['1.5', '-0.1', 'high', '']) {
      const { code, err } = await run(dir, '--min-claim-score', bad);
      assert.equal(code, 2, bad);
      assert.match(err, /--min-claim-score takes a number from 0 to 1/);
    }
  });

  it('prints a readable report with line numbers and totals', async () => {
    const { code, out } = await run(dir, '--include', 'news/**');
    assert.equal(code, 0);
    const lines = out.trimEnd().split('\n');
    assert.match(lines[0], /^news\/b\.txt: \d+ entit(y|ies), 1 claim$/);
    assert.ok(lines.some((l) => /^\s+1 {2}entity\/organization +0\.\d\d {2}Harlow Freight$/.test(l)), out);
    assert.match(lines[lines.length - 1], /^1 file: \d+ entit(y|ies), 1 claim suggested; 1 tagged string in the corpus gazetteer$/);
  });

  it('exits 2 for a missing folder and for bad usage, 1 for an invalid sidecar', async () => {
    const missing = await run(path.join(dir, 'nope'));
    assert.equal(missing.code, 2);
    assert.match(missing.err, /no such folder/);
    assert.equal((await run()).code, 2);
    assert.equal((await run(dir, '--bogus')).code, 2);
    fs.writeFileSync(path.join(dir, 'news', 'b.txt.annotations.yaml'), 'version: 1\nannotations: [oops\n');
    const bad = await run(dir, '--json');
    assert.equal(bad.code, 1);
    assert.match(bad.err, /news\/b\.txt\.annotations\.yaml/);
    assert.equal(JSON.parse(bad.out).files.length, 2);
  });
});
