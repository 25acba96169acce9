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

  it('types a word before a town as a club, but not a word that qualifies a town', () => {
    assert.deepEqual(labelled('The coach left Vardenik Belgrade for the league leaders after the cup final and scored goals.'), [
      'organization:Vardenik Belgrade',
    ]);
    assert.deepEqual(labelled('The striker joined Royal Lisbon from a club in Central London, scoring goals all season in the league.'), [
      'organization:Royal Lisbon', 'location:Central London',
    ]);
  });

  it('reads a list of three results lines as sports copy with no match-report words around it', () => {
    assert.deepEqual(labelled('Weekend fixtures list\nHallowmere 3 Stavenby 1\nQuorley Athletic 0 Brindle Town 2\nPeru 2 Norway 0'), [
      'organization:Hallowmere', 'organization:Stavenby', 'organization:Quorley Athletic', 'organization:Brindle Town',
      'location:Peru', 'location:Norway',
    ]);
  });

  it('does not read two results-shaped lines, or a table of prices, as sports copy', () => {
    assert.equal(labelled('Weekly notes\nHallowmere 3 Stavenby 1\nQuorley 0 Brindle 2').includes('organization:Hallowmere'), false);
    assert.equal(labelled('Grain prices\nWheat 432.2 Barley 390.3\nOats 286.5 Rye 284.6\nCorn 116.9 Canola 122.5').some((e) => e.startsWith('organization:')), false);
  });

  it('reads a stadium as a place', () => {
    assert.deepEqual(labelled('The final was played at Kervale Stadium.'), ['location:Kervale Stadium']);
  });

  it('leaves towns as places outside sports copy', () => {
    assert.deepEqual(labelled('Talks against the plan were held in Lisbon, and delegates flew on to Madrid.'), [
      'location:Lisbon', 'location:Madrid',
    ]);
  });
  it('reads the name opening a league table\'s row of figures as a team, a club or a country\'s side', () => {
    const text = 'Standings after Saturday\'s matches (played, won, drawn, lost, goals for, goals against, points):\n'
      + 'Harwick Rovers 17 10 5 2 34 16 35\nLeeds 16 9 4 3 29 17 31\nNorway 16 9 4 3 26 14 31\nHarwick 43.2 39.3 28.5 62.8';
    assert.deepEqual(labelled(text), ['organization:Harwick Rovers', 'organization:Leeds', 'location:Norway']);
  });
});
