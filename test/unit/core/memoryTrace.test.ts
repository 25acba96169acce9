// The memory trace: a table of samples with the stage marks, and the heap figures a traced worker posts of itself.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { MemoryTrace } from '../../../src/core/memoryTrace';

describe('MemoryTrace', () => {
  it('writes samples in MB with the stage marks, and each traced worker\'s heap once it has posted it', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-lens-trace-'));
    const file = path.join(dir, 'trace.tsv');
    // A worker script that keeps its thread alive and answers a message, as a prepare worker does.
    const script = path.join(dir, 'worker.js');
    fs.writeFileSync(script, "const { parentPort } = require('worker_threads');\nparentPort.on('message', (m) => parentPort.postMessage({ type: 'echo', m }));\n");
    const trace = new MemoryTrace(file);
    trace.gauge = () => 'queue 7';
    const w = trace.worker(script, {});
    try {
      const echo = new Promise((resolve) => w.on('message', (m: { type: string }) => { if (m.type === 'echo') { resolve(m); } }));
      w.postMessage('hello');
      assert.deepStrictEqual(await echo, { type: 'echo', m: 'hello' });
      trace.mark('first stage');
      await new Promise((resolve) => setTimeout(resolve, 700));
      trace.close();
    } finally {
      await w.terminate();
    }
    const rows = fs.readFileSync(file, 'utf8').trim().split('\n').map((l) => l.split('\t'));
    assert.strictEqual(rows[0][1], 'stage');
    assert.ok(rows.some((r) => r[1] === 'end of first stage'));
    const after = rows.filter((r) => r[1] === 'after first stage');
    assert.ok(after.length >= 1, 'samples every 200 ms after the mark');
    const last = rows[rows.length - 1];
    assert.strictEqual(last[1], 'closed');
    assert.ok(Number(last[2]) > 10, 'the resident set in MB');
    assert.match(last[8], /^\d+\/\d+\/\d+$/, 'the worker\'s heap used, heap total and array buffers');
    assert.strictEqual(last[9], 'queue 7');
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
