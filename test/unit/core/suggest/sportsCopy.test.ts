// Sports copy: clubs named after towns, results lines, and countries' teams left as places.
import * as assert from 'node:assert/strict';
import { EntitySuggestion, suggest } from '../../../../src/core/suggest';

function labelled(text: string): string[] {
  return suggest(text, { entities: true, claims: false })
    .filter((s): s is EntitySuggestion => s.kind === 'entity')
    .map((e) => `${e.label}:${e.text}`);
}

describe('suggest: entities in sports copy', () => {
  it('reads the sides of a results line as clubs, and a country\'s side as a place', () => {
    assert.deepEqual(labelled('Results of the cup second round match on Friday, after the league season:\nHallowmere 3 Stavenby 1\nPeru 2 Norway 0 (halftime 1-0)'), [
      'organization:Hallowmere', 'organization:Stavenby', 'location:Peru', 'location:Norway',
    ]);
  });

  it('types a town the story\'s side plays against as the club, in the whole story, but not a town something happens in', () => {
    assert.deepEqual(labelled('The striker scored twice against Lisbon on Saturday, his third match of the season. Lisbon had led the league. He was fined by a court in Lisbon.'), [
      'organization:Lisbon', 'organization:Lisbon', 'location:Lisbon',
    ]);
  });

  it('types a word no dictionary holds before a town as a club', () => {
    assert.deepEqual(labelled('The coach left Vardenik Belgrade for the league leaders after the cup final and scored goals.'), [
      'organization:Vardenik Belgrade',
    ]);
  });

  it('leaves towns as places outside sports copy', () => {
    assert.deepEqual(labelled('Talks against the plan were held in Lisbon, and delegates flew on to Madrid.'), [
      'location:Lisbon', 'location:Madrid',
    ]);
  });
});
