// The cue lists' compilation: a worker's copy of the options must reuse what the first copy compiled.
import * as assert from 'assert';
import { compileCues, Cue, defaultCues } from '../../../../src/core/detect/cues';

describe('compileCues', () => {
  it('gives a copy of a cue list (as a worker thread receives it) the compilation of the list it copies', () => {
    const first = compileCues(defaultCues);
    const copy = structuredClone(defaultCues) as Cue[];
    assert.notStrictEqual(copy, defaultCues);
    const again = compileCues(copy);
    assert.strictEqual(again, first);
    assert.strictEqual(again.cues[0].pattern, defaultCues[0].pattern, 'the patterns compiled first are the ones matched');
  });

  it('compiles a list that differs in one pattern, one limit or one trigger on its own', () => {
    const first = compileCues(defaultCues);
    const changes: ((c: Cue) => Cue)[] = [
      (c) => ({ ...c, pattern: new RegExp(c.pattern.source, c.pattern.flags.replace('i', '')) }),
      (c) => ({ ...c, maxChars: c.maxChars + 1 }),
      (c) => ({ ...c, triggers: [...(c.triggers ?? []), 'zzz'] }),
    ];
    for (const change of changes) {
      const copy = defaultCues.map((c, i) => (i === 0 ? change(c) : c));
      const other = compileCues(copy);
      assert.notStrictEqual(other, first);
      assert.strictEqual(other.cues, copy);
    }
  });
});
