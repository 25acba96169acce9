// The editor's tagging model without VS Code: tag styles and their theme colours, hover text, which tags stand at
// an offset.
import * as assert from 'node:assert/strict';
import { TAG_STYLES, colorIdOf, styleOf, tagHoverMarkdown, tagTitle, tagsAt } from '../../../../src/vscode/tagging/tagModel';
import type { Annotation } from '../../../../src/core/annotations';
import { anchored } from '../fixtures';

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

});
