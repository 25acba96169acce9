// The corpus gazetteer: strings tagged in other files proposed again, whole words only, case-sensitive, longest
// first, with the label they were given; spans already tagged and mentions turned down are left out.
import * as assert from 'node:assert/strict';
import type { Annotation } from '../../../../src/core/annotations';
import { EntitySuggestion, Gazetteer, suggest } from '../../../../src/core/suggest';

let n = 0;
function tag(quote: string, label: string, extra: Partial<Annotation> = {}): Annotation {
  return { id: `a${n++}`, kind: 'entity', label, quote, start: 0, end: quote.length, ...extra };
}

function found(g: Gazetteer, text: string, options = {}): string[] {
  return g.find(text, options).map((s) => {
    assert.equal(text.slice(s.start, s.end), s.text);
    return `${s.label}:${s.text}@${s.start}`;
  });
}

describe('suggest: corpus gazetteer', () => {
  const gazetteer = Gazetteer.fromAnnotations([
    { path: 'a.txt', annotations: [tag('New York', 'location'), tag('New York Times', 'organization'), tag('Pompeo', 'person')] },
    { path: 'b.txt', annotations: [tag('Pompeo', 'person'), tag('Ames', 'location'), tag('Olympics', 'event')] },
  ]);

  it('proposes every occurrence, longest match first, with the label it was given', () => {
    const text = 'The New York Times asked Pompeo about New York. Pompeo declined.';
    assert.deepEqual(found(gazetteer, text), [
      'organization:New York Times@4', 'person:Pompeo@25', 'location:New York@38', 'person:Pompeo@48',
    ]);
  });

  it('matches whole words only and respects case', () => {
    assert.deepEqual(found(gazetteer, 'Pompeos, pompeo, Games in Amesbury and anti-Pompeo groups; Ames.'), ['location:Ames@59']);
  });

  it('keeps a label outside the three coarse types as "other"', () => {
    assert.deepEqual(found(gazetteer, 'Before the Olympics.'), ['other:Olympics@11']);
  });

  it('leaves out spans already tagged and mentions rejected here, at their place or everywhere', () => {
    const text = 'Pompeo met Pompeo in Ames and Ames.';
    assert.deepEqual(found(gazetteer, text, { tagged: [{ start: 0, end: 6 }] }), ['person:Pompeo@11', 'location:Ames@21', 'location:Ames@30']);
    assert.deepEqual(found(gazetteer, text, { rejected: [{ text: 'Ames', label: 'location', start: 21, end: 25 }] }),
      ['person:Pompeo@0', 'person:Pompeo@11', 'location:Ames@30']);
    assert.deepEqual(found(gazetteer, text, { rejected: [{ text: 'Pompeo' }] }), ['location:Ames@21', 'location:Ames@30']);
  });

  it('reads rejections from annotations (status rejected or dismissed) and drops strings rejected as often as tagged', () => {
    const g = Gazetteer.fromAnnotations([
      [tag('Jordan', 'location'), tag('Apple', 'organization')],
      [tag('Jordan', 'location', { attributes: { status: 'rejected' } })],
    ]);
    assert.deepEqual(found(g, 'Apple and Jordan.'), ['organization:Apple@0']);
    assert.equal(g.isRejected('Jordan'), true);
  });

  it('proposes the majority label, and nothing when tags disagree too much', () => {
    const g = Gazetteer.fromAnnotations([[tag('Georgia', 'location'), tag('Georgia', 'location'), tag('Georgia', 'person'),
      tag('Amazon', 'organization'), tag('Amazon', 'location')]]);
    assert.deepEqual(found(g, 'Georgia and Amazon.'), ['location:Georgia@0']);
  });

  it('does not propose part of a longer name', () => {
    const g = Gazetteer.fromAnnotations([[tag('Supreme Court', 'organization'), tag('Delhi', 'location')]]);
    const text = 'The Supreme Court of Canada sat in New Delhi; the Supreme Court agreed in Delhi.';
    assert.deepEqual(found(g, text), [`organization:Supreme Court@${text.lastIndexOf('Supreme')}`, `location:Delhi@${text.lastIndexOf('Delhi')}`]);
  });

  it('in suggest(): wins over the rules, and skips the editor\'s own tags and rejections from the annotations', () => {
    const text = 'Harlow Freight hired Pompeo. Later Harlow Freight and Pompeo met.';
    const own: Annotation[] = [
      { id: 'x1', kind: 'entity', label: 'organization', quote: 'Harlow Freight', start: 0, end: 14 },
      { id: 'x2', kind: 'entity', label: 'person', quote: 'Pompeo', start: 54, end: 60, attributes: { status: 'dismissed' } },
    ];
    const g = Gazetteer.fromAnnotations([[tag('Harlow Freight', 'organization'), tag('Pompeo', 'person')]]);
    const got = suggest(text, { entities: true, claims: false, gazetteer: g, annotations: own }) as EntitySuggestion[];
    assert.deepEqual(got.map((s) => `${s.source}:${s.label}:${s.text}@${s.start}`), [
      'gazetteer:person:Pompeo@21', 'gazetteer:organization:Harlow Freight@35',
    ]);
  });
});
