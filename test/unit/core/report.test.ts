// The streamed reports: --json writes the same document as one JSON.stringify of the whole report did, --jsonl
// one object per file and a summary line, and neither is built as one string.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../../../src/cli/main';
import { JsonFile, jsonLinesPieces, jsonReportPieces, JsonSummary, toJsonReport } from '../../../src/core/report';
import { scanFolder } from '../../../src/core/scan';

const repo = path.resolve(__dirname, '..', '..', '..', '..');

function capture() {
  const out = { writes: [] as string[], stderr: '' };
  return { out, io: { stdout: (s: string) => { out.writes.push(s); }, stderr: (s: string) => { out.stderr += s; }, isTTY: false } };
}

describe('streamed scan reports', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-lens-stream-'));
    fs.cpSync(path.join(repo, 'sample-corpus'), dir, { recursive: true });
    // Enough files that the report takes several writes: each repeats a passage of the one before it.
    const words = 'harbour council budget ferry timetable winter storm repairs bridge tolls commuters station'.split(' ');
    for (let i = 0; i < 60; i++) {
      const passage = Array.from({ length: 80 }, (_, j) => words[(i * 7 + j * 5 + (j >> 2)) % words.length]).join(' ');
      fs.writeFileSync(path.join(dir, `gen${String(i).padStart(2, '0')}.txt`), `Item ${i} opens here.\n\n${passage}.\n\nItem ${i} closes here.\n`);
    }
    fs.writeFileSync(path.join(dir, 'zz-binary.txt'), Buffer.from([1, 2, 0, 3]));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('joins its pieces into exactly the document JSON.stringify makes of the whole report', () => {
    const result = scanFolder(dir);
    const pieces = [...jsonReportPieces(result)];
    assert.strictEqual(pieces.join(''), JSON.stringify(toJsonReport(result)));
    // One piece per file plus the opening and the summary: no piece holds the whole list of files.
    assert.strictEqual(pieces.length, result.files.length + 2);
    assert.ok(result.files.some((f) => f.findings.some((x) => x.kind === 'duplicate')));
  });

  it('scan --json writes the same document in several writes', async () => {
    const { out, io } = capture();
    assert.strictEqual(await main(['scan', dir, '--json'], io), 0);
    assert.deepStrictEqual(JSON.parse(out.writes.join('')), JSON.parse(JSON.stringify(toJsonReport(scanFolder(dir)))));
    assert.ok(out.writes.length > 1);
    assert.match(out.stderr, /skipped zz-binary\.txt: binary file/);
  });

  it('scan --jsonl writes one file per line, then the summary', async () => {
    const { out, io } = capture();
    assert.strictEqual(await main(['scan', dir, '--jsonl'], io), 0);
    const text = out.writes.join('');
    assert.ok(text.endsWith('\n'));
    const lines = text.slice(0, -1).split('\n').map((l) => JSON.parse(l) as JsonFile | { summary: JsonSummary });
    const report = toJsonReport(scanFolder(dir));
    assert.deepStrictEqual(lines.slice(0, -1), JSON.parse(JSON.stringify(report.files)));
    assert.deepStrictEqual(lines[lines.length - 1], { summary: JSON.parse(JSON.stringify(report.summary)) });
    assert.strictEqual([...jsonLinesPieces(scanFolder(dir))].join(''), text);
  });

  it('refuses --json with --jsonl', async () => {
    const { out, io } = capture();
    assert.strictEqual(await main(['scan', dir, '--json', '--jsonl'], io), 2);
    assert.match(out.stderr, /--json and --jsonl exclude each other/);
    assert.deepStrictEqual(out.writes, []);
  });
});
