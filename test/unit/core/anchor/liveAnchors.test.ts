// Anchors that follow the text through editor changes: shift, stay, re-resolve, wait, and come back on undo.
import * as assert from 'node:assert/strict';
import { AnchorState, LiveAnchors } from '../../../../src/core/anchor/liveAnchors';
import { describeRange } from '../../../../src/core/anchor/resolve';

const TEXT = 'The council met on Monday.\r\nMayor Ana Lima said the budget would pass.\r\nOthers disagreed.';

function live(quote: string): { anchors: LiveAnchors; start: number } {
  const anchors = new LiveAnchors(TEXT);
  const start = TEXT.indexOf(quote);
  anchors.track('a', { ...describeRange(TEXT, start, start + quote.length), start, end: start + quote.length });
  return { anchors, start };
}

function range(state: AnchorState | undefined): [number, number] | string {
  return state?.status === 'anchored' ? [state.start, state.end] : state?.status ?? 'missing';
}

describe('anchor: live edits', () => {
  it('shifts an anchor when text changes entirely before it, including an insertion right at its start', () => {
    const { anchors, start } = live('Ana Lima');
    anchors.applyChanges([{ start: 0, end: 3, text: 'A' }]); // "The" -> "A"
    assert.deepEqual(range(anchors.get('a')?.state), [start - 2, start + 6]);
    anchors.applyChanges([{ start: start - 2, end: start - 2, text: 'Dr. ' }]);
    assert.deepEqual(range(anchors.get('a')?.state), [start + 2, start + 10]);
    assert.equal(anchors.text.slice(start + 2, start + 10), 'Ana Lima');
  });

  it('leaves an anchor when text changes after it, including an insertion right at its end', () => {
    const { anchors, start } = live('Ana Lima');
    anchors.applyChanges([{ start: start + 8, end: start + 8, text: ' Jr.' }, { start: 0, end: 0, text: '' }]);
    assert.deepEqual(range(anchors.get('a')?.state), [start, start + 8]);
  });

  it('applies several changes of one event in order (VS Code lists them last to first)', () => {
    const { anchors, start } = live('Ana Lima');
    // A multi-cursor edit: one change after the quote, one before it, both against the original text.
    anchors.applyChanges([{ start: TEXT.length - 1, end: TEXT.length, text: '!' }, { start: 4, end: 11, text: 'board' }]);
    assert.deepEqual(range(anchors.get('a')?.state), [start - 2, start + 6]);
    assert.equal(anchors.text.slice(start - 2, start + 6), 'Ana Lima');
  });

  it('re-resolves an anchor whose quote is edited', () => {
    const { anchors, start } = live('the budget would pass');
    anchors.applyChanges([{ start: start + 4, end: start + 10, text: 'budgett' }]); // a typo inside the quote
    assert.deepEqual(range(anchors.get('a')?.state), [start, start + 22]);
    assert.equal(anchors.text.slice(start, start + 22), 'the budgett would pass');
  });

  it('marks an anchor whose quote was deleted pending, finds it again on undo, and orphans it on settle', () => {
    const { anchors, start } = live('Ana Lima');
    anchors.applyChanges([{ start, end: start + 8, text: '' }]);
    assert.equal(anchors.get('a')?.state.status, 'pending');
    anchors.applyChanges([{ start, end: start, text: 'Ana Lima' }]); // undo
    assert.deepEqual(range(anchors.get('a')?.state), [start, start + 8]);
    anchors.applyChanges([{ start, end: start + 8, text: 'she' }]);
    assert.equal(anchors.get('a')?.state.status, 'pending');
    anchors.settle();
    assert.equal(anchors.get('a')?.state.status, 'orphaned');
  });

  it('keeps offsets right across CRLF and emoji inserted before the quote', () => {
    const { anchors, start } = live('Ana Lima');
    anchors.applyChanges([{ start: 0, end: 0, text: '\ud83d\ude00\r\n' }]);
    assert.deepEqual(range(anchors.get('a')?.state), [start + 4, start + 12]);
    assert.equal(anchors.text.slice(start + 4, start + 12), 'Ana Lima');
  });

  it('re-anchors everything when the whole text is replaced', () => {
    const { anchors, start } = live('Ana Lima');
    anchors.setText('Preface.\n' + TEXT);
    assert.deepEqual(range(anchors.get('a')?.state), [start + 9, start + 17]);
  });

  it('refuses a change outside the text', () => {
    const { anchors } = live('Ana Lima');
    assert.throws(() => anchors.applyChanges([{ start: 0, end: TEXT.length + 1, text: '' }]), RangeError);
  });
});
