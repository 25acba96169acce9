// The one decision lookup: applyDecisions gives each finding of a file the decision its sidecar records about it,
// and each other copy it names the decision recorded over that copy in that copy's file; exact findings in, exact
// decided findings out. Decisions are matched on code (or kind.*) and offsets, at least half of each overlapping.
import * as assert from 'node:assert/strict';
import { AnchoredAnnotation } from '../../../../src/core/annotations/store';
import { PlacedDecision, applyDecisions, decisionAmong, placedDecisions } from '../../../../src/core/annotations/decisions';
import { Finding } from '../../../../src/core/findings';

const TEXT = 'Menu | Home | Sport\nThe ferry runs again after repairs.\nSign up for the morning bulletin.\nThe ferry runs again after repairs.\n';
const at = (quote: string, from = 0) => ({ start: TEXT.indexOf(quote, from), end: TEXT.indexOf(quote, from) + quote.length });
const MENU = at('Menu | Home | Sport');
const SIGN_UP = at('Sign up for the morning bulletin.');
const FERRY = at('The ferry runs again after repairs.');
const FERRY_AGAIN = at('The ferry runs again after repairs.', FERRY.end);

const boilerplate = (code: string, r: { start: number; end: number }, score = 0.9): Finding =>
  ({ kind: 'boilerplate', code, message: code, score, ...r, related: [] });
const duplicate = (code: string, r: { start: number; end: number }, related: Finding['related']): Finding =>
  ({ kind: 'duplicate', code, message: 'same passage', score: 1, ...r, related });
const placed = (id: string, code: string, status: PlacedDecision['status'], r: { start: number; end: number }): PlacedDecision =>
  ({ id, kind: code.startsWith('duplicate.') ? 'duplicate' : 'boilerplate', code, status, ...r });

describe('core: applyDecisions', () => {
  const menu = boilerplate('boilerplate.navigation', MENU);
  const signUp = boilerplate('boilerplate.sign-up', SIGN_UP);
  const inFile = duplicate('duplicate.in-file', FERRY, [{ path: 'a.txt', ...FERRY_AGAIN }]);
  const crossFile = duplicate('duplicate.cross-file', FERRY, [{ path: 'b.txt', start: 40, end: 75 }, { path: 'c.txt', start: 0, end: 35 }]);
  const findings = [menu, signUp, inFile, crossFile];

  it('returns the findings as they are, the same array, when no decision touches them', () => {
    assert.equal(applyDecisions(findings, undefined), findings);
    assert.equal(applyDecisions(findings, [], () => []), findings);
    const elsewhere = [placed('x', 'boilerplate.*', 'dismissed', { start: 500, end: 540 })];
    assert.equal(applyDecisions(findings, elsewhere, () => undefined), findings, 'a decision over other text');
  });

  it('gives each finding its own decision and each other copy the one recorded in its file, leaving the rest as they are', () => {
    const own = [
      placed('n1', 'boilerplate.*', 'dismissed', SIGN_UP),
      placed('c1', 'boilerplate.navigation', 'confirmed', { start: MENU.start + 2, end: MENU.end }),
      placed('k1', 'duplicate.cross-file', 'kept', FERRY),
      placed('m1', 'duplicate.in-file', 'confirmed', FERRY_AGAIN),
    ];
    const others: Record<string, PlacedDecision[]> = {
      'a.txt': own,
      'b.txt': [placed('b1', 'duplicate.cross-file', 'confirmed', { start: 41, end: 75 })],
      'c.txt': [placed('c9', 'boilerplate.*', 'dismissed', { start: 0, end: 35 })], // another kind: not about the copy
    };
    const asked: string[] = [];
    const out = applyDecisions(findings, own, (p) => { asked.push(p); return others[p]; });
    assert.deepEqual(out, [
      { ...menu, decision: { id: 'c1', status: 'confirmed' } },
      { ...signUp, decision: { id: 'n1', status: 'dismissed' } },
      { ...inFile, related: [{ path: 'a.txt', ...FERRY_AGAIN, decision: { id: 'm1', status: 'confirmed' } }] },
      { ...crossFile, decision: { id: 'k1', status: 'kept' },
        related: [{ path: 'b.txt', start: 40, end: 75, decision: { id: 'b1', status: 'confirmed' } }, { path: 'c.txt', start: 0, end: 35 }] },
    ]);
    assert.deepEqual(asked, ['a.txt', 'b.txt', 'c.txt'], 'each path asked once');
    assert.deepEqual(findings, [menu, signUp, inFile, crossFile], 'the input is left as it was');
    assert.ok(!('decision' in out[2]), 'no decision key where none was recorded');
  });

  it('gives an undecided finding beside decided ones back as the same object', () => {
    const out = applyDecisions(findings, [placed('n1', 'boilerplate.sign-up', 'dismissed', SIGN_UP)]);
    assert.notEqual(out, findings);
    assert.equal(out[0], menu);
    assert.equal(out[2], inFile);
    assert.deepEqual(out[1], { ...signUp, decision: { id: 'n1', status: 'dismissed' } });
  });

  it('matches on at least half of each overlapping, prefers the exact code over kind.*, then the larger overlap', () => {
    const r = (start: number, end: number) => ({ code: 'boilerplate.sign-up', start, end });
    const wide = placed('wide', 'boilerplate.sign-up', 'confirmed', { start: 0, end: 100 });
    assert.equal(decisionAmong([wide], r(40, 60)), undefined, 'covers the finding, but mostly lies outside it');
    assert.equal(decisionAmong([placed('p', 'boilerplate.sign-up', 'confirmed', { start: 0, end: 40 })], r(20, 100)), undefined, 'covers too little of it');
    assert.deepEqual(decisionAmong([placed('h', 'boilerplate.sign-up', 'confirmed', { start: 10, end: 20 })], r(10, 30)), { id: 'h', status: 'confirmed' }, 'half is enough');
    const any = placed('any', 'boilerplate.*', 'dismissed', { start: 10, end: 30 });
    const exact = placed('exact', 'boilerplate.sign-up', 'confirmed', { start: 12, end: 30 });
    assert.deepEqual(decisionAmong([any, exact], r(10, 30)), { id: 'exact', status: 'confirmed' });
    assert.deepEqual(decisionAmong([any], { ...r(10, 30), code: 'boilerplate.navigation' }), { id: 'any', status: 'dismissed' });
    assert.equal(decisionAmong([any], { ...r(10, 30), code: 'duplicate.cross-file' }), undefined, 'boilerplate.* is no duplicate decision');
    const closer = placed('closer', 'boilerplate.*', 'confirmed', { start: 10, end: 29 });
    assert.deepEqual(decisionAmong([closer, any], r(10, 30)), { id: 'any', status: 'dismissed' }, 'the larger overlap');
  });

  it('places the decisions of a sidecar\'s anchored annotations, leaving out tags and orphans', () => {
    const anchored = (id: string, kind: 'boilerplate' | 'duplicate' | 'claim', attributes: Record<string, unknown>, where: { start: number; end: number } | null): AnchoredAnnotation => ({
      annotation: { id, kind, quote: 'q', start: 0, end: 1, attributes }, outcome: where ? 'moved' : 'orphaned',
      start: where?.start ?? null, end: where?.end ?? null,
    });
    assert.deepEqual(placedDecisions([
      anchored('a', 'boilerplate', { status: 'dismissed', code: 'boilerplate.*' }, SIGN_UP),
      anchored('b', 'duplicate', { status: 'kept', code: 'duplicate.cross-file' }, FERRY),
      anchored('c', 'claim', { status: 'unverified' }, MENU),
      anchored('d', 'boilerplate', { status: 'confirmed', code: 'boilerplate.navigation' }, null),
      anchored('e', 'boilerplate', { status: 'maybe', code: 'boilerplate.navigation' }, MENU),
    ]), [placed('a', 'boilerplate.*', 'dismissed', SIGN_UP), placed('b', 'duplicate.cross-file', 'kept', FERRY)]);
  });
});
