// Anchoring that a hostile or unlucky sidecar cannot stall or bend (issue 11: D6, D9, D10): fuzzy search within
// a work budget per annotation and per pass, orphans over it said as such; no anchor on half a surrogate pair;
// a fuzzy re-anchor widened to the words an edit touched.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LiveAnchors } from '../../../../src/core/anchor/liveAnchors';
import { WorkBudget, resolveAnchor } from '../../../../src/core/anchor/resolve';
import { SidecarError } from '../../../../src/core/annotations/errors';
import { parseSidecar } from '../../../../src/core/annotations/sidecarYaml';
import { AnnotationStore } from '../../../../src/core/annotations/store';
import { runAnnotationsCommand } from '../../../../src/cli/annotationsCommand';

function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => { s = (s * 1664525 + 1013904223) >>> 0; return s / 2 ** 32; };
}

const WORDS = 'the of and to in that said would not hold for officials agreement letter council river'.split(' ');

function prose(rand: () => number, chars: number): string {
  const parts: string[] = [];
  for (let n = 0; n < chars;) { const w = WORDS[Math.floor(rand() * WORDS.length)]; parts.push(w); n += w.length + 1; }
  return parts.join(' ');
}

function letters(rand: () => number, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) { s += String.fromCharCode(97 + Math.floor(rand() * 26)); }
  return s;
}

describe('anchor: budgets, surrogate pairs, word boundaries', () => {
  it('D6: a 4,000-character random quote against a 5 MB source is orphaned over budget without the whole-text search', () => {
    const rand = prng(6);
    const text = prose(rand, 5_000_000);
    const r = resolveAnchor(text, { quote: letters(rand, 4000), prefix: 'x', suffix: 'y', start: 100, end: 4100 });
    assert.equal(r.outcome, 'orphaned');
    assert.equal(r.outcome === 'orphaned' && r.reason, 'over-budget');
  });

  it('D6: still finds an edited quote far from its old place when the search fits the budget', () => {
    const rand = prng(7);
    const before = prose(rand, 1_000_000);
    const quote = 'The council said the river barrier would be raised two metres before the spring tides arrive';
    const text = `${before} ${quote.replace('raised', 'lifted')} and more ${prose(rand, 2000)}`;
    const at = before.length + 1;
    const r = resolveAnchor(text, { quote, prefix: text.slice(at - 32, at), suffix: text.slice(at + quote.length, at + quote.length + 32), start: 10, end: 10 + quote.length });
    assert.deepEqual([r.outcome, r.start === null ? null : text.slice(r.start, r.end!)], ['fuzzy', quote.replace('raised', 'lifted')]);
  });

  it('D6: quotes of one sidecar share a pass budget: once it is spent the rest are orphaned over budget', () => {
    const rand = prng(8);
    const text = prose(rand, 1_200_000);
    const anchors = new LiveAnchors(text, { budget: new WorkBudget(100_000_000) });
    const items = Array.from({ length: 5 }, (_, i) => ({ id: `q${i}`, target: { quote: letters(rand, 1000), start: 0, end: 1000 } }));
    anchors.trackAll(items);
    const reasons = items.map(({ id }) => { const s = anchors.get(id)!.state; return s.status === 'orphaned' ? s.reason ?? 'not-found' : s.status; });
    assert.deepEqual(reasons, ['not-found', 'not-found', 'over-budget', 'over-budget', 'over-budget']);
  });

  it('D6: the CLI reports an orphan over budget with that reason', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-lens-budget-'));
    try {
      const rand = prng(9);
      fs.writeFileSync(path.join(dir, 'big.txt'), prose(rand, 2_000_000));
      fs.writeFileSync(path.join(dir, 'big.txt.annotations.yaml'),
        `version: 1\nsource: big.txt\nannotations:\n  - id: h1\n    kind: note\n    quote: ${letters(rand, 4000)}\n    start: 5\n    end: 4005\n`);
      let out = '';
      const code = await runAnnotationsCommand([dir, '--json'], { stdout: (s) => { out += s; }, stderr: () => undefined });
      assert.equal(code, 1);
      assert.deepEqual(JSON.parse(out).sidecars[0].annotations, [{ id: 'h1', outcome: 'orphaned', start: null, end: null, reason: 'over-budget' }]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('D9: a stored quote that is half a surrogate pair makes the sidecar invalid; no anchor splits a pair', () => {
    const sidecar = 'version: 1\nannotations:\n  - id: s1\n    kind: note\n    quote: "\\ud83d"\n    start: 0\n    end: 1\n';
    assert.throws(() => parseSidecar(sidecar, 'x.annotations.yaml'),
      (e: unknown) => e instanceof SidecarError && e.reason === 'schema' && /5:\d+: annotation 1: "quote" holds half of a surrogate pair/.test(e.message));
    const r = resolveAnchor('😀 smile', { quote: '\ud83d', start: 0, end: 1 });
    assert.equal(r.outcome, 'orphaned');
    const inside = resolveAnchor('a😀b', { quote: '\ude00b', start: 2, end: 4 });
    assert.equal(inside.outcome, 'orphaned');
  });

  it('D10: a fuzzy re-anchor takes the whole word the edit changed, not a cut of it', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-lens-words-'));
    try {
      const original = 'In Tehran, the commander wrote in an open letter that the agreement would not hold. Officials declined to comment.\n';
      const edited = original.replace('would not hold', 'would not last');
      const src = path.join(dir, 'a.txt');
      const quote = 'the agreement would not hold';
      const session = await new AnnotationStore().open(src, original);
      session.add({ kind: 'claim', start: original.indexOf(quote), end: original.indexOf(quote) + quote.length });
      await session.save();
      const again = (await new AnnotationStore().open(src, edited)).list()[0];
      assert.equal(again.outcome, 'fuzzy');
      assert.equal(edited.slice(again.start!, again.end!), 'the agreement would not last');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
