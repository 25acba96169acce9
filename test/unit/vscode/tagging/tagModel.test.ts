// The editor's tagging model without VS Code: tag styles and their theme colours, hover text, which tags stand at
// an offset, the undo stack, and what a command changed in a document's decisions (for its undo).
import * as assert from 'node:assert/strict';
import type { AnchoredAnnotation, Annotation } from '../../../../src/core/annotations';
import { TAG_STYLES, TagHistory, colorIdOf, decisionChanges, styleOf, tagHoverMarkdown, tagTitle, tagsAt } from '../../../../src/vscode/tagging/tagModel';

function anchored(a: Partial<Annotation> & Pick<Annotation, 'kind' | 'start' | 'end'>, at: [number, number] | null = [a.start, a.end]): AnchoredAnnotation {
  return {
    annotation: { id: a.id ?? `${a.kind}${a.start}`, quote: 'q', ...a },
    outcome: at ? 'exact' : 'orphaned',
    start: at ? at[0] : null,
    end: at ? at[1] : null,
  };
}

describe('vscode tag model', () => {
  it('draws a claim, each entity label, and a made-up label as other; decisions and notes not at all', () => {
    assert.equal(styleOf({ kind: 'claim' }), 'claim');
    assert.equal(styleOf({ kind: 'entity', label: 'person' }), 'person');
    assert.equal(styleOf({ kind: 'entity', label: 'vessel' }), 'other');
    assert.equal(styleOf({ kind: 'entity' }), 'other');
    assert.equal(styleOf({ kind: 'boilerplate' }), undefined);
    assert.equal(styleOf({ kind: 'note' }), undefined);
  });

  it('does not draw a turned-down suggestion (status rejected or dismissed), which is a decision, not a tag', () => {
    assert.equal(styleOf({ kind: 'entity', label: 'person', attributes: { status: 'rejected' } }), undefined);
    assert.equal(styleOf({ kind: 'claim', attributes: { status: 'dismissed' } }), undefined);
    assert.equal(styleOf({ kind: 'claim', attributes: { status: 'refuted' } }), 'claim');
  });

  it('names a theme colour per style', () => {
    assert.deepEqual(TAG_STYLES.map(colorIdOf), [
      'corpusLens.entityPersonBackground', 'corpusLens.entityOrganizationBackground', 'corpusLens.entityLocationBackground',
      'corpusLens.entityEventBackground', 'corpusLens.entityOtherBackground', 'corpusLens.claimBackground',
    ]);
  });

  it('writes a hover with the title, the known attributes first, escaped, then the actions', () => {
    assert.equal(tagTitle({ kind: 'entity', label: 'person' }), 'Entity: person');
    assert.equal(tagTitle({ kind: 'claim' }), 'Claim');
    const claim: Annotation = { id: 'c1', kind: 'claim', quote: 'q', start: 0, end: 1, attributes: { note: 'see *this*', status: 'unverified', speaker: 'Jafari' } };
    assert.equal(tagHoverMarkdown(claim, ['[Remove](command:x)']),
      '**Claim**\n\nspeaker: Jafari\n\nstatus: unverified\n\nnote: see \\*this\\*\n\n[Remove](command:x)');
    assert.equal(tagHoverMarkdown({ id: 'e', kind: 'entity', label: 'person', quote: 'q', start: 0, end: 1 }, []), '**Entity: person**');
  });

  it('finds the tags covering an offset or a range, innermost first, skipping orphans and decisions', () => {
    const list = [
      anchored({ id: 'outer', kind: 'claim', start: 0, end: 50 }),
      anchored({ id: 'inner', kind: 'entity', label: 'person', start: 10, end: 20 }),
      anchored({ id: 'orphan', kind: 'entity', start: 10, end: 20 }, null),
      anchored({ id: 'decision', kind: 'boilerplate', start: 0, end: 50, attributes: { status: 'dismissed', code: 'boilerplate.x' } }),
    ];
    assert.deepEqual(tagsAt(list, 15).map((a) => a.annotation.id), ['inner', 'outer']);
    assert.deepEqual(tagsAt(list, 5).map((a) => a.annotation.id), ['outer']);
    assert.deepEqual(tagsAt(list, 5, 15).map((a) => a.annotation.id), ['outer']);
    assert.deepEqual(tagsAt(list, 60), []);
  });

  it('undoes the newest tag of a document, skipping tags removed meanwhile, and keeps documents apart', () => {
    const h = new TagHistory(3);
    for (const id of ['a', 'b', 'c', 'd']) { h.pushStep([{ doc: 'doc1', id: id }]); }
    h.pushStep([{ doc: 'doc2', id: 'x' }]);
    const live = new Set(['a', 'b', 'd', 'x']);
    assert.equal(h.popStep('doc1', (t) => live.has(t.id))?.[0]?.id, 'd');
    assert.equal(h.popStep('doc1', (t) => live.has(t.id))?.[0]?.id, 'b', 'c was removed meanwhile');
    assert.equal(h.popStep('doc1', (t) => live.has(t.id))?.[0]?.id, undefined, 'a fell off the bounded stack');
    assert.equal(h.popStep('doc2', (t) => live.has(t.id))?.[0]?.id, 'x');
    h.pushStep([{ doc: 'doc3', id: 'y' }]);
    h.forget('doc3');
    assert.equal(h.popStep('doc3', () => true), undefined);
  });

  it('undoes a step of several tags, in several documents, at once, from any document it touched', () => {
    const h = new TagHistory();
    h.pushStep([{ doc: 'doc1', id: 'a' }]);
    h.pushStep([{ doc: 'doc1', id: 'b' }, { doc: 'doc1', id: 'c' }, { doc: 'doc2', id: 'd' }]);
    h.pushStep([{ doc: 'doc2', id: 'e' }]);
    const live = new Set(['a', 'b', 'd', 'e']);
    const exists = (t: { id: string }) => live.has(t.id);
    assert.deepEqual(h.popStep('doc1', exists), [{ doc: 'doc1', id: 'b' }, { doc: 'doc2', id: 'd' }], 'c was removed meanwhile');
    assert.deepEqual(h.popStep('doc2', exists), [{ doc: 'doc2', id: 'e' }]);
    assert.equal(h.popStep('doc2', exists), undefined, 'the shared step was taken back from doc1 already');
    assert.deepEqual(h.popStep('doc1', exists), [{ doc: 'doc1', id: 'a' }]);
  });

  it('puts back what an undo could not take back, to be undone again from the document the undo was made in', () => {
    const h = new TagHistory();
    h.pushStep([{ doc: 'doc1', id: 'a' }]);
    h.pushStep([{ doc: 'doc1', id: 'b' }, { doc: 'doc2', id: 'c' }, { doc: 'doc3', id: 'd' }]);
    const step = h.popStep('doc1', () => true);
    assert.deepEqual(step?.map((t) => t.id), ['b', 'c', 'd']);
    h.pushStep([{ doc: 'doc3', id: 'd' }], 'doc1'); // doc3's sidecar could not be written
    assert.deepEqual(h.popStep('doc1', () => true), [{ doc: 'doc3', id: 'd' }], 'tried again before the older tag');
    assert.equal(h.popStep('doc3', () => true), undefined, 'the step is gone from doc3 too');
    assert.deepEqual(h.popStep('doc1', () => true), [{ doc: 'doc1', id: 'a' }]);
  });

  it('tells the decisions a command added from those it changed, with what the changed ones held before', () => {
    const tag = anchored({ id: 't', kind: 'entity', label: 'person', start: 0, end: 4 });
    const wasDismissed = anchored({ id: 'd', kind: 'boilerplate', start: 10, end: 20, attributes: { status: 'dismissed', code: 'boilerplate.sign-up' } });
    const untouched = anchored({ id: 'u', kind: 'boilerplate', start: 30, end: 40, attributes: { status: 'confirmed', code: 'boilerplate.*' } });
    const before = [tag, wasDismissed, untouched];
    const nowConfirmed = anchored({ id: 'd', kind: 'boilerplate', start: 10, end: 20, attributes: { status: 'confirmed', code: 'boilerplate.sign-up' } });
    const added = anchored({ id: 'n', kind: 'boilerplate', start: 10, end: 20, attributes: { status: 'confirmed', code: 'boilerplate.*' } });
    const newTag = anchored({ id: 't2', kind: 'claim', start: 50, end: 60 });
    assert.deepEqual(decisionChanges('doc1', before, [tag, nowConfirmed, untouched, added, newTag]), [
      { doc: 'doc1', id: 'd', restore: { attributes: { status: 'dismissed', code: 'boilerplate.sign-up' } } },
      { doc: 'doc1', id: 'n' },
    ]);
    assert.deepEqual(decisionChanges('doc1', before, before), [], 'nothing changed');
  });
});
