// The parallel scan gives the same findings as the single-thread scan, skipped files included.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { scanFolderParallel } from '../../src/core/parallelScan';
import { toJsonReport } from '../../src/core/report';
import { scanFolder } from '../../src/core/scan';

const repo = path.resolve(__dirname, '..', '..', '..');
const workerScript = path.join(repo, 'out', 'src', 'worker', 'prepareWorker.js');

describe('scanFolderParallel', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-lens-par-'));
    fs.cpSync(path.join(repo, 'sample-corpus'), dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'zz-binary.txt'), Buffer.from([1, 2, 0, 3]));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('matches scanFolder on the sample corpus, with two workers and batches split across them', async () => {
    const progress: string[] = [];
    const parallel = await scanFolderParallel(dir, { onProgress: (p) => progress.push(p.phase) }, { workerScript, workers: 2 });
    const single = scanFolder(dir);
    assert.deepStrictEqual(toJsonReport(parallel), toJsonReport(single));
    assert.ok(toJsonReport(single).files.some((f) => f.findings.length > 0));
    assert.deepStrictEqual(parallel.skipped.map((s) => s.path), ['zz-binary.txt']);
    assert.ok(progress.includes('reading') && progress.includes('analysing'));
  });
});
