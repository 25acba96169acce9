// Activity: whenIdle() resolves once no work is in flight, and not while work that ends starts more.
import * as assert from 'assert';
import { Activity } from '../../../../src/vscode/platform/activity';

const turn = () => new Promise((r) => setImmediate(r));

describe('Activity', () => {
  it('resolves at once (a turn later) when nothing is in flight', async () => {
    await new Activity().whenIdle();
  });

  it('waits for every piece of work, and counts an end only once', async () => {
    const a = new Activity();
    const end1 = a.begin();
    const end2 = a.begin();
    let idle = false;
    const p = a.whenIdle().then(() => { idle = true; });
    end1();
    end1();
    await turn();
    await turn();
    assert.strictEqual(idle, false);
    assert.strictEqual(a.busy, true);
    end2();
    await p;
    assert.strictEqual(a.busy, false);
  });

  it('does not resolve between the end of one piece of work and the start of the next it causes', async () => {
    const a = new Activity();
    const first = a.begin();
    let second: (() => void) | undefined;
    let idle = false;
    const p = a.whenIdle().then(() => { idle = true; });
    first();
    second = a.begin(); // e.g. a worker's reply starts the publishing of its findings in the same turn
    await turn();
    await turn();
    assert.strictEqual(idle, false);
    second();
    second = undefined;
    await p;
  });
});
