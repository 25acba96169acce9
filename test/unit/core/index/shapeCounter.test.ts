// ShapeCounter against a Map as the model, through growth and counts falling to zero.
import * as assert from 'assert';
import { ShapeCounter } from '../../../../src/core/index/shapeCounter';

describe('ShapeCounter', () => {
  it('counts like a Map across growth, with 52-bit keys that share low or high halves', () => {
    const counter = new ShapeCounter(4);
    const model = new Map<number, number>();
    let seed = 7;
    const rand = () => { seed = (Math.imul(seed, 1103515245) + 12345) >>> 0; return seed; };
    for (let i = 0; i < 20000; i++) {
      const key = (rand() & 0xff) * 0x100000000 + (rand() & 0x3ff) + 1; // many keys share halves
      const delta = rand() % 3 === 0 ? -1 : 1;
      counter.add(key, delta);
      model.set(key, Math.max(0, (model.get(key) ?? 0) + delta));
    }
    for (const [k, v] of model) { assert.strictEqual(counter.get(k), v, `key ${k}`); }
    assert.strictEqual(counter.get(2 ** 51 + 12345), 0);
  });
});
