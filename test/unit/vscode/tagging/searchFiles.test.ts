// The corpus search behind "tag all occurrences in the corpus": files read in batches with a turn of the event
// loop between them, so that other work runs meanwhile; cancellation between batches; unreadable files named.
import * as assert from 'node:assert/strict';
import { findOccurrences } from '../../../../src/core/anchor/occurrences';
import { SearchTarget, searchFiles } from '../../../../src/vscode/tagging/searchFiles';

function targets(texts: (string | undefined)[]): SearchTarget[] {
  return texts.map((text, i) => ({ key: `f${i}`, read: async () => text }));
}

describe('vscode search files', () => {
  it('returns the files where something was found, with their text, and names the unreadable ones', async () => {
    const texts = ['the Arden mill', 'nothing here', undefined, 'Arden and Arden', 'Ardent'];
    const find = (t: string) => { const f = findOccurrences(t, 'Arden'); return f.length > 0 ? f : undefined; };
    const out = await searchFiles(targets(texts), find, { batch: 2 });
    assert.deepEqual(out.hits.map((h) => [h.key, h.found]), [['f0', [[4, 9]]], ['f3', [[0, 5], [10, 15]]]]);
    assert.equal(out.hits[1].text, 'Arden and Arden');
    assert.deepEqual(out.unreadable, ['f2']);
    assert.equal(out.cancelled, false);
  });

  it('yields to the event loop between batches and reports progress per batch', async () => {
    const progress: number[] = [];
    // Other work that runs whenever the event loop turns; microtasks alone would never let it.
    let ticks = 0;
    let stop = false;
    const other = () => { ticks++; if (!stop) { setImmediate(other); } };
    setImmediate(other);
    try {
      // A reader that never waits: only the search's own yielding lets the interval run.
      const many: SearchTarget[] = Array.from({ length: 40 }, (_, i) => ({ key: `f${i}`, read: () => Promise.resolve('x') }));
      let seenTicks = -1;
      await searchFiles(many, () => undefined, {
        batch: 10,
        onProgress: (done) => { progress.push(done); if (done === 30) { seenTicks = ticks; } },
      });
      assert.deepEqual(progress, [10, 20, 30, 40]);
      assert.ok(seenTicks >= 2, `other work ran between batches (${seenTicks} times)`);
    } finally {
      stop = true;
    }
  });

  it('stops at the next batch once cancelled', async () => {
    let read = 0;
    const many: SearchTarget[] = Array.from({ length: 100 }, (_, i) => ({ key: `f${i}`, read: async () => { read++; return 'Arden'; } }));
    let cancel = false;
    const out = await searchFiles(many, (t) => t, { batch: 8, onProgress: (done) => { cancel = done >= 16; }, isCancelled: () => cancel });
    assert.equal(out.cancelled, true);
    assert.equal(read, 16);
    assert.equal(out.hits.length, 16);
  });
});
