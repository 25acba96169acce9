// Untagged mentions: where a string tagged as an entity somewhere in the corpus stands in a file that neither
// tagged it nor turned it down there, with the file's annotations placed in its current text (moved ones found
// again, orphans left out).
import * as assert from 'assert';
import type { Annotation } from '../../../../src/core/annotations/model';
import { Gazetteer, placeEntityAnnotations, untaggedMentions } from '../../../../src/core/suggest';

const TEXT = 'Wardle Forge reopened on Friday. Staff at Wardle Forge said the kiln at Wardle Forge Works was new.\n';

function entity(text: string, quote: string, nth: number, extra: Partial<Annotation> = {}): Annotation {
  let start = -1;
  for (let i = 0; i <= nth; i++) { start = text.indexOf(quote, start + 1); }
  assert.ok(start >= 0);
  return { id: `e${start}`, kind: 'entity', label: 'organization', quote, start, end: start + quote.length, ...extra };
}

describe('untagged mentions', () => {
  const gazetteer = Gazetteer.fromEntries([{ text: 'Wardle Forge', label: 'organization' }]);

  it('counts the whole-word places of a tagged string, not inside a longer name', () => {
    // "Wardle Forge Works" is a longer name: not a mention of "Wardle Forge".
    assert.strictEqual(untaggedMentions(TEXT, gazetteer, []), 2);
  });

  it('leaves out the places the file tagged and the ones it turned down there', () => {
    assert.strictEqual(untaggedMentions(TEXT, gazetteer, [entity(TEXT, 'Wardle Forge', 0)]), 1);
    const both = [entity(TEXT, 'Wardle Forge', 0), entity(TEXT, 'Wardle Forge', 1, { attributes: { status: 'rejected' } })];
    assert.strictEqual(untaggedMentions(TEXT, gazetteer, both), 0);
  });

  it('places an annotation whose stored offsets went stale where its quote now is, and leaves an orphan out', () => {
    const edited = 'Update: ' + TEXT;
    const stale = entity(TEXT, 'Wardle Forge', 1, { prefix: 'reopened on Friday. Staff at ', suffix: ' said the kiln' });
    const placed = placeEntityAnnotations(edited, [stale, { ...entity(TEXT, 'Wardle Forge', 0), id: 'gone', quote: 'Harnley Mill' }]);
    const at = edited.indexOf('Wardle Forge', edited.indexOf('Staff'));
    assert.deepStrictEqual(placed, { tagged: [{ start: at, end: at + 'Wardle Forge'.length, kind: 'entity' }], rejected: [] });
    assert.strictEqual(untaggedMentions(edited, gazetteer, [stale]), 1);
  });

  it('finds nothing when the corpus tagged nothing, or turned the string down as often as it tagged it', () => {
    assert.strictEqual(untaggedMentions(TEXT, Gazetteer.fromAnnotations([]), []), 0);
    const turnedDown = Gazetteer.fromAnnotations([[entity(TEXT, 'Wardle Forge', 0), entity(TEXT, 'Wardle Forge', 1, { attributes: { status: 'dismissed' } })]]);
    assert.strictEqual(turnedDown.hasProposals(), false);
    assert.strictEqual(untaggedMentions(TEXT, turnedDown, []), 0);
  });
});
