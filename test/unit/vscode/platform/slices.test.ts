import * as assert from 'assert';
import { MAX_RUN, inSlices } from '../../../../src/vscode/platform/slices';

describe('platform: work in slices', () => {
  it('hands every item over once, in order, in runs that give the thread back between them', async () => {
    const items = Array.from({ length: 5000 }, (_, i) => i);
    const seen: number[] = [];
    let runs = 0;
    let turns = 0;
    const timer = setInterval(() => { turns++; }, 0);
    // Each item costs about 20 µs, so 5,000 of them are about 100 ms: several slices of 5 ms.
    const done = await inSlices(items, (run) => {
      runs++;
      for (const x of run) {
        const until = performance.now() + 0.02;
        while (performance.now() < until) { /* work */ }
        seen.push(x);
      }
    }, () => true, 5);
    clearInterval(timer);
    assert.strictEqual(done, true);
    assert.deepStrictEqual(seen, items);
    assert.ok(runs >= 5, `only ${runs} runs`);
    assert.ok(turns >= 1, 'the thread was never given back');
  });

  it('never hands over more than MAX_RUN items at once, however cheap the items were', async () => {
    const items = Array.from({ length: MAX_RUN * 5 }, (_, i) => i);
    const sizes: number[] = [];
    await inSlices(items, (run) => { sizes.push(run.length); });
    assert.strictEqual(sizes.reduce((a, b) => a + b, 0), items.length);
    assert.ok(Math.max(...sizes) <= MAX_RUN, `a run of ${Math.max(...sizes)}`);
    // Growing by doubling, from 64.
    assert.deepStrictEqual(sizes.slice(0, 3), [64, 128, 256]);
  });

  it('stops before the next run when the work is no longer wanted', async () => {
    const items = Array.from({ length: 1000 }, (_, i) => i);
    let handled = 0;
    const done = await inSlices(items, (run) => {
      handled += run.length;
      const until = performance.now() + 20;
      while (performance.now() < until) { /* a run over the budget */ }
    }, () => handled < 100, 5);
    assert.strictEqual(done, false);
    assert.ok(handled >= 100 && handled < 1000, `handled ${handled}`);
  });
});
