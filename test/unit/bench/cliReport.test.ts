// The bench's command-line run checks each report it wrote without holding it: a JSON Lines report line by line
// (a broken line fails the run), a JSON document by its two ends, the text report by its summary line. A check that
// passed anything would let a truncated report be counted as a finished run.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { checkReport, parseCliReports } from '../../../bench/cliReport';

describe('bench command-line reports', () => {
  let dir: string;
  const write = (name: string, text: string) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    return file;
  };

  before(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-lens-cli-report-')); });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('takes the report names as a list and refuses others', () => {
    assert.deepEqual(parseCliReports('json, jsonl,text'), ['json', 'jsonl', 'text']);
    assert.deepEqual(parseCliReports(''), []);
    assert.throws(() => parseCliReports('jsonl,csv'), /not "csv"/);
  });

  it('parses every JSON line and reads the summary', async () => {
    const file = write('a.jsonl', '{"path":"a.txt","findings":[]}\n{"path":"b.txt","findings":[]}\n{"summary":{"files":2}}\n');
    assert.equal(await checkReport(file, 'jsonl'), '3 lines parsed, the summary counts 2 files');
    const broken = write('b.jsonl', '{"path":"a.txt","findings":[]}\n{"path":"b.t');
    await assert.rejects(checkReport(broken, 'jsonl'), SyntaxError);
  });

  it('tells a whole JSON document from a cut one', async () => {
    assert.equal(await checkReport(write('a.json', '{"files":[{"path":"a.txt"}],"summary":{"files":1}}\n'), 'json'), 'one JSON document (its ends checked)');
    assert.equal(await checkReport(write('b.json', '{"files":[{"path":"a.txt"},'), 'json'), 'NOT a whole JSON document');
  });

  it('finds the text report\'s summary line, or says there is none', async () => {
    const text = 'a.txt: 10% boilerplate · 0% duplicated · 1 findings\n\n2 files, 0.1 MB in 0.2 s: 5% boilerplate, 0% duplicated, 1 findings, 0 near-duplicate pairs\n       1  boilerplate.nav\n';
    assert.match(await checkReport(write('a.txt', text), 'text'), /^summary "2 files, 0\.1 MB in 0\.2 s/);
    assert.equal(await checkReport(write('b.txt', 'a.txt: 10% boilerplate\n'), 'text'), 'no summary line');
  });
});
