// The prepare worker's phase two given phase one's lines and blocks: the same findings as finding them again, and
// a text that no longer fits them taken for a changed file.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Worker } from 'worker_threads';
import { defaultBoilerplateOptions } from '../../../src/core/detect/boilerplate';
import { defaultDuplicateOptions } from '../../../src/core/detect/duplicates';
import { unpackBatch } from '../../../src/core/index/prepare';
import { AnalyseItem, PreparedFile, PrepareReply, PrepareRequest } from '../../../src/core/index/prepareProtocol';

const repo = path.resolve(__dirname, '..', '..', '..', '..');
const workerScript = path.join(repo, 'out', 'src', 'worker', 'prepareWorker.js');

describe('prepare worker: phase two on phase one\'s lines and blocks', () => {
  let dir: string;
  let worker: Worker;
  const ask = (req: PrepareRequest) => new Promise<PrepareReply>((resolve) => {
    worker.once('message', resolve);
    worker.postMessage(req);
  });
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-lens-prepw-'));
    // A page with a menu line, a cookie notice and a story in paragraphs: something for the detector to find.
    fs.writeFileSync(path.join(dir, 'a.txt'), 'Home | News | Sport | Weather\n\nWe use cookies to improve your experience. Accept all cookies\n\n' +
      'The council approved the new bridge over the river on Monday, after two years of debate about its cost.\n' +
      'Work on the foundations is to start in the spring and should be finished before the end of next year.\n\n' +
      'Subscribe to our newsletter\n');
    worker = new Worker(workerScript);
  });
  after(async () => {
    await worker.terminate();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('finds the same boilerplate with the lines given, and calls a text of another length changed', async () => {
    const prepared = await ask({ type: 'prepare', root: dir, files: ['a.txt'], maxFileBytes: 1 << 20, k: 6, window: 10 });
    assert.equal(prepared.type, 'prepared');
    const reply0 = prepared as Extract<PrepareReply, { type: 'prepared' }>;
    const file = reply0.files[0] as Extract<PreparedFile, { ok: true }>;
    const doc = unpackBatch(reply0.batch)[0];
    // No shared fingerprints: the span search has nothing to visit, so each batch is answered at once.
    worker.postMessage({
      type: 'spans', options: defaultDuplicateOptions,
      shared: { postings: { start: new Int32Array(1), doc: new Uint32Array(0), pos: new Uint32Array(0) }, candGroup: new Uint32Array(0), candPos: new Uint32Array(0), candFirst: new Int32Array(2) },
      tokens: { buffers: [], directory: new Int32Array([-1, 0, 0]) },
    } satisfies PrepareRequest);
    const blocks = doc.blocks.length / 4;
    const base: AnalyseItem = { path: 'a.txt', id: 0, counts: new Int32Array(blocks).fill(1), stamp: file.stamp };
    const lines = { starts: doc.lineStarts, ends: doc.lineEnds, blocks: doc.blocks };
    const ends = doc.lineEnds.slice();
    ends[ends.length - 1] += 1;
    const reply = await ask({
      type: 'analyse', totalFiles: 1, options: defaultBoilerplateOptions,
      items: [base, { ...base, lines }, { ...base, lines: { ...lines, ends } }],
    });
    assert.equal(reply.type, 'analysed');
    const { results, findings } = reply as Extract<PrepareReply, { type: 'analysed' }>;
    assert.deepEqual(results.map((r) => r.changed), [false, false, true]);
    const counts = results.map((r) => (r.changed ? -1 : r.findings));
    assert.ok(counts[0] > 0, 'the page has boilerplate to find');
    assert.equal(counts[1], counts[0]);
    // The packed findings list the files in turn (four codes and three numbers each): the second file's are the first's.
    const n = counts[0];
    assert.deepEqual([...findings.head.subarray(4 * n, 8 * n)], [...findings.head.subarray(0, 4 * n)]);
    assert.deepEqual([...findings.nums.subarray(3 * n, 6 * n)], [...findings.nums.subarray(0, 3 * n)]);
  });
});
