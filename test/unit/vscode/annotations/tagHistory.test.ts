// The undo history without VS Code: the steps of each document, a step of several documents, a step put back,
// and what a command changed in a document's decisions (for its undo).
import * as assert from 'node:assert/strict';
import { TagHistory, decisionChanges } from '../../../../src/vscode/annotations/tagHistory';
import { anchored } from '../fixtures';

describe('vscode tag history', () => {
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
