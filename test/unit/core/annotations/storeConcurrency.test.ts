// Concurrent writers of one sidecar lose nothing: two stores in this process (separate queues, so only the lock
// and the merge protect them), and several real processes. Run as a child process (CORPUS_LENS_TEST_WRITER set),
// this file is the writer instead of a test suite.
import * as assert from 'node:assert/strict';
import { fork } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseSidecar } from '../../../../src/core/annotations/sidecarYaml';
import { PathQueue } from '../../../../src/core/annotations/sidecarFs';
import { AnnotationStore, SidecarSession } from '../../../../src/core/annotations/store';

const TEXT = Array.from({ length: 200 }, (_, i) => `Sentence number ${i} of the source, with some words.`).join('\n') + '\n';

interface WriterJob { source: string; tag: string; count: number }

/** Adds `count` annotations one by one, saving after each: the most contention a writer can make. */
async function write(session: SidecarSession, tag: string, count: number, offset: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    const line = (offset + i * 7) % 200;
    const start = TEXT.indexOf(`Sentence number ${line} `);
    session.add({ kind: 'note', start, end: start + 15, tag });
    await session.save();
  }
}

function annotationsOnDisk(sidecar: string) {
  return parseSidecar(fs.readFileSync(sidecar, 'utf8'), sidecar).data.annotations;
}

if (process.env.CORPUS_LENS_TEST_WRITER) {
  const job = JSON.parse(process.env.CORPUS_LENS_TEST_WRITER) as WriterJob;
  void (async () => {
    const session = await new AnnotationStore().open(job.source, TEXT);
    await write(session, job.tag, job.count, Number(job.tag.replace(/\D/g, '')) * 13);
  })().then(() => process.exit(0), (e: unknown) => { console.error(e); process.exit(1); });
} else {
  describe('annotations: concurrent writers', function () {
    this.timeout(60_000);
    let dir: string;
    let source: string;

    beforeEach(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-lens-concurrent-'));
      source = path.join(dir, 'article.txt');
      fs.writeFileSync(source, TEXT);
    });
    afterEach(() => { fs.rmSync(dir, { recursive: true, force: true }); });

    it('two stores writing the same sidecar at once lose no annotation', async () => {
      // Separate queues: as if they were two processes, so only the lock file and the merge keep them honest.
      const a = await new AnnotationStore({ queue: new PathQueue() }).open(source, TEXT);
      const b = await new AnnotationStore({ queue: new PathQueue() }).open(source, TEXT);
      await Promise.all([write(a, 'a', 40, 0), write(b, 'b', 40, 3)]);
      const onDisk = annotationsOnDisk(a.sidecarPath);
      assert.equal(onDisk.length, 80);
      assert.equal(new Set(onDisk.map((x) => x.id)).size, 80);
      assert.equal(onDisk.filter((x) => x.tag === 'a').length, 40);
      // Each side also holds the other's annotations after its last save merged them.
      await a.save();
      await b.reload();
      assert.equal(a.list().length, 80);
      assert.equal(b.list().length, 80);
      assert.deepEqual(fs.readdirSync(dir).sort(), ['article.txt', 'article.txt.annotations.yaml']);
    });

    it('edits and removals on one side and additions on the other all survive', async () => {
      const a = await new AnnotationStore({ queue: new PathQueue() }).open(source, TEXT);
      await write(a, 'a', 10, 0);
      const b = await new AnnotationStore({ queue: new PathQueue() }).open(source, TEXT);
      const [first, second] = a.list().map((x) => x.annotation.id);
      a.update(first, { label: 'checked' });
      a.remove(second);
      await Promise.all([a.save(), write(b, 'b', 10, 5)]);
      const onDisk = annotationsOnDisk(a.sidecarPath);
      assert.equal(onDisk.length, 19);
      assert.equal(onDisk.find((x) => x.id === first)!.label, 'checked');
      assert.ok(!onDisk.some((x) => x.id === second));
    });

    it('several processes writing the same sidecar lose no annotation', async () => {
      const writers = 4;
      const each = 15;
      const runs = Array.from({ length: writers }, (_, w) => new Promise<number>((resolve, reject) => {
        const job: WriterJob = { source, tag: `p${w}`, count: each };
        const child = fork(__filename, [], { env: { ...process.env, CORPUS_LENS_TEST_WRITER: JSON.stringify(job) }, stdio: 'inherit' });
        child.on('error', reject);
        child.on('exit', (code) => resolve(code ?? 1));
      }));
      assert.deepEqual(await Promise.all(runs), Array(writers).fill(0));
      const onDisk = annotationsOnDisk(source + '.annotations.yaml');
      assert.equal(onDisk.length, writers * each);
      for (let w = 0; w < writers; w++) {
        assert.equal(onDisk.filter((x) => x.tag === `p${w}`).length, each, `writer p${w}`);
      }
      assert.deepEqual(fs.readdirSync(dir).sort(), ['article.txt', 'article.txt.annotations.yaml']);
    });
  });
}
