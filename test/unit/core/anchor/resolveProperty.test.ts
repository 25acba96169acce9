// Property tests of anchoring (seeded PRNG: every run is the same run). Hundreds of random edits around and
// into annotated quotes; every annotation must land on its quote, on the edited quote, or be reported as not
// found, and never on other text. The re-anchoring rates the acceptance names are measured and asserted.
import * as assert from 'node:assert/strict';
import { editDistance } from '../../../../src/core/anchor/approxMatch';
import { LiveAnchors } from '../../../../src/core/anchor/liveAnchors';
import { AnchorTarget, describeRange, resolveAnchor } from '../../../../src/core/anchor/resolve';
import { TextChange, applyTextChanges, splitsSurrogatePair } from '../../../../src/core/anchor/textChanges';

type Rand = () => number;

/** Seeded PRNG (mulberry32). ANCHOR_SEED shifts every seed, to try other runs; by default every run is the same. */
function prng(seed: number): Rand {
  seed += Number(process.env.ANCHOR_SEED ?? 0);
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const int = (rand: Rand, lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
const pick = <T>(rand: Rand, xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];

const WORDS = ('the a of to in and said that for on with was as by at from officials minister government would not '
  + 'comment agreement letter report city police river market election council statement according spokesperson '
  + 'declined week after before during talks border security budget vote parliament court ruling appeal protest '
  + 'company shares analysts growth inflation bank rate central region province villagers water drought harvest').split(' ');
const NAMES = ['Mohammad Ali Jafari', 'Ana Lima', 'São Paulo', '東京都庁', 'Nguyễn Văn An', 'Jafari', 'the Revolutionary Guard',
  'Crédit Agricole', 'O\'Brien', '𠮷野家', 'Ali'];
const EMOJI = ['😀', '🚀', '👍🏽', '🇫🇷'];

/** A news-like text: sentences of common words and names (some repeated), CRLF or LF breaks, a few emoji. */
function makeText(rand: Rand, sentences: number): string {
  const eol = rand() < 0.5 ? '\r\n' : '\n';
  const parts: string[] = [];
  for (let s = 0; s < sentences; s++) {
    const words: string[] = [];
    const n = int(rand, 6, 18);
    for (let w = 0; w < n; w++) {
      const r = rand();
      words.push(r < 0.12 ? pick(rand, NAMES) : r < 0.14 ? pick(rand, EMOJI) : pick(rand, WORDS));
    }
    const sentence = words.join(' ');
    parts.push(sentence[0].toUpperCase() + sentence.slice(1) + '.');
    parts.push(rand() < 0.25 ? eol + eol : ' ');
  }
  return parts.join('');
}

/** Word-aligned ranges to annotate: a name, or a clause of a few words. */
function pickQuotes(rand: Rand, text: string, count: number, minLength = 3): { start: number; end: number }[] {
  const words = [...text.matchAll(/[^\s.]+/gu)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  const out: { start: number; end: number }[] = [];
  for (let tries = 0; out.length < count && tries < count * 20; tries++) {
    const i = int(rand, 0, words.length - 1);
    const j = Math.min(words.length - 1, i + (rand() < 0.4 ? 0 : int(rand, 1, 10)));
    const start = words[i].start;
    const end = words[j].end;
    if (end - start >= minLength) { out.push({ start, end }); }
  }
  return out;
}

function targetAt(text: string, start: number, end: number): AnchorTarget {
  return { ...describeRange(text, start, end), start, end };
}

/** A random piece of text to insert: words, a line break, an emoji. */
function randomInsert(rand: Rand): string {
  const r = rand();
  if (r < 0.1) { return rand() < 0.5 ? '\r\n' : '\n\n'; }
  if (r < 0.18) { return pick(rand, EMOJI); }
  if (r < 0.25) { return pick(rand, NAMES) + ' '; }
  const n = int(rand, 1, 4);
  return Array.from({ length: n }, () => pick(rand, WORDS)).join(' ') + ' ';
}

/** A random offset that does not split a surrogate pair, as an editor's never does. */
function randomOffset(rand: Rand, text: string, lo = 0, hi = text.length): number {
  let p = int(rand, lo, hi);
  if (splitsSurrogatePair(text, p)) { p = p > lo ? p - 1 : p + 1; }
  return p;
}

/** A random change whose replaced range lies in [lo, hi]. */
function randomChange(rand: Rand, text: string, lo: number, hi: number): TextChange {
  const start = randomOffset(rand, text, lo, hi);
  const r = rand();
  let end = start;
  if (r >= 0.45) {
    end = Math.min(hi, start + int(rand, 1, 20));
    if (splitsSurrogatePair(text, end)) { end = end < hi ? end + 1 : end - 1; }
    if (end < start) { end = start; }
  }
  return { start, end, text: r < 0.75 ? randomInsert(rand) : '' };
}

/** Maps a range through a change, widening it over any part of the change it meets. */
function mapRange(r: { start: number; end: number }, c: TextChange): { start: number; end: number } {
  const delta = c.text.length - (c.end - c.start);
  if (c.end <= r.start) { return { start: r.start + delta, end: r.end + delta }; }
  if (c.start >= r.end) { return r; }
  return { start: Math.min(r.start, c.start), end: Math.max(r.end + delta, c.start + c.text.length) };
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;

describe('anchor: properties under random edits', function () {
  this.timeout(120_000);

  it('live: annotations whose quote no edit touched stay exactly on it (100%), over thousands of edits', () => {
    const rand = prng(1001);
    let events = 0;
    let checks = 0;
    for (let doc = 0; doc < 30; doc++) {
      let text = makeText(rand, 60);
      const quotes = pickQuotes(rand, text, 25);
      const anchors = new LiveAnchors(text);
      let truth = quotes.map((q) => ({ ...q }));
      quotes.forEach((q, i) => anchors.track(String(i), targetAt(text, q.start, q.end)));
      const original = quotes.map((q) => text.slice(q.start, q.end));
      for (let e = 0; e < 150; e++) {
        // One to three changes, none inside any quote (they may touch a quote's ends), listed last to first.
        const changes: TextChange[] = [];
        let ceiling = text.length;
        for (let k = int(rand, 1, 3); k > 0 && ceiling > 0; k--) {
          const c = randomChange(rand, text, Math.max(0, ceiling - 400), ceiling);
          if (truth.some((t) => c.start < t.end && c.end > t.start) || truth.some((t) => c.start > t.start && c.start < t.end)) { continue; }
          changes.push(c);
          ceiling = c.start;
        }
        if (changes.length === 0) { continue; }
        anchors.applyChanges(changes);
        for (const c of changes) { truth = truth.map((t) => mapRange(t, c)); }
        text = applyTextChanges(text, changes);
        assert.equal(anchors.text, text);
        events++;
        truth.forEach((t, i) => {
          const state = anchors.get(String(i))!.state;
          assert.equal(state.status, 'anchored');
          if (state.status === 'anchored') {
            assert.deepEqual([state.start, state.end], [t.start, t.end]);
            assert.equal(text.slice(state.start, state.end), original[i]);
          }
          checks++;
        });
      }
    }
    assert.ok(events > 3000, `events ${events}`);
    console.log(`      live, quotes untouched: ${checks} checks after ${events} edit events, 100% on the same text`);
  });

  it('offline: after random edits outside the quotes, every annotation re-anchors to the same text (100%)', () => {
    const rand = prng(2002);
    let total = 0;
    let sameText = 0;
    let samePlace = 0;
    for (let doc = 0; doc < 60; doc++) {
      let text = makeText(rand, 50);
      const quotes = pickQuotes(rand, text, 20);
      const targets = quotes.map((q) => targetAt(text, q.start, q.end));
      let truth = quotes.map((q) => ({ ...q }));
      for (let e = 0; e < int(rand, 1, 40); e++) {
        const c = randomChange(rand, text, 0, text.length);
        if (truth.some((t) => c.start < t.end && c.end > t.start) || truth.some((t) => c.start > t.start && c.start < t.end)) { continue; }
        truth = truth.map((t) => mapRange(t, c));
        text = applyTextChanges(text, [c]);
      }
      targets.forEach((target, i) => {
        const r = resolveAnchor(text, target);
        total++;
        if (r.outcome !== 'orphaned' && text.slice(r.start, r.end) === target.quote) { sameText++; }
        if (r.start === truth[i].start && r.end === truth[i].end) { samePlace++; }
      });
    }
    console.log(`      offline, quotes untouched: ${sameText}/${total} on the same text (${pct(sameText, total)}), ${samePlace}/${total} on the same occurrence (${pct(samePlace, total)})`);
    assert.equal(sameText, total);
    assert.ok(samePlace / total >= 0.99);
  });

  it('live: with edits anywhere, including inside quotes, no annotation ever lands on other text', () => {
    const rand = prng(3003);
    const tally = { onQuote: 0, onEdited: 0, elsewhereSameText: 0, waiting: 0, wrong: 0 };
    for (let doc = 0; doc < 20; doc++) {
      let text = makeText(rand, 40);
      const quotes = pickQuotes(rand, text, 15, 8);
      const anchors = new LiveAnchors(text);
      const originals = quotes.map((q) => text.slice(q.start, q.end));
      let truth = quotes.map((q) => ({ ...q }));
      quotes.forEach((q, i) => anchors.track(String(i), targetAt(text, q.start, q.end)));
      for (let e = 0; e < 200; e++) {
        // Aim a third of the edits into or next to a quote.
        const near = rand() < 0.35 ? pick(rand, truth) : undefined;
        const c = near ? randomChange(rand, text, Math.max(0, near.start - 5), Math.min(text.length, near.end + 5))
          : randomChange(rand, text, 0, text.length);
        anchors.applyChanges([c]);
        truth = truth.map((t) => mapRange(t, c));
        text = applyTextChanges(text, [c]);
        if (e % 50 === 49) { anchors.settle(); }
        truth.forEach((t, i) => {
          const state = anchors.get(String(i))!.state;
          if (state.status !== 'anchored') { tally.waiting++; return; }
          const got = text.slice(state.start, state.end);
          const atTruth = overlaps(state, t);
          // A legitimate placement becomes the truth that later edits are judged against: an annotation that
          // moved to a copy of its quote follows that copy from then on.
          const rebase = () => { truth[i] = { start: state.start, end: state.end }; };
          if (got === originals[i] && atTruth) { tally.onQuote++; rebase(); } else if (got === originals[i]) { tally.elsewhereSameText++; rebase(); } else if (atTruth && editDistance(got, originals[i]) <= Math.floor(originals[i].length * 0.25)) {
            tally.onEdited++;
            rebase();
          } else {
            tally.wrong++;
            if (process.env.ANCHOR_DEBUG && tally.wrong < 4) {
              console.log(JSON.stringify({ quote: originals[i], truth: t, truthText: text.slice(t.start, t.end), got: [state.start, state.end], gotText: got, around: text.slice(state.start - 40, state.end + 40) }, null, 1));
            }
          }
          assert.ok(!splitsSurrogatePair(text, state.start) && !splitsSurrogatePair(text, state.end));
        });
      }
    }
    console.log(`      live, edits anywhere: ${JSON.stringify(tally)}`);
    assert.equal(tally.wrong, 0);
  });

  for (const mode of ['offline', 'live'] as const) {
    for (const context of ['context intact', 'context edited too'] as const) {
      it(`${mode}: quotes with at most a tenth of their characters edited re-anchor to the edited quote (>= 95%), never to other text (${context})`, () => {
        const rand = prng((mode === 'offline' ? 4004 : 5005) + (context === 'context intact' ? 0 : 1));
        const tally = { exact: 0, boundaryOff: 0, orphaned: 0, wrong: 0 };
        const trials = 600;
        for (let trial = 0; trial < trials; trial++) {
          let text = makeText(rand, 30);
          const [q] = pickQuotes(rand, text, 1, 10);
          // Now and then a near-copy of the quote elsewhere, to tempt the search.
          if (rand() < 0.3) {
            const copy = text.slice(q.start, q.end);
            const at = rand() < 0.5 ? 0 : text.length;
            const variant = rand() < 0.5 ? copy : copy.replace(/[a-z]/, 'x');
            text = at === 0 ? variant + '. ' + text : text + ' ' + variant + '.';
            if (at === 0) { q.start += variant.length + 2; q.end += variant.length + 2; }
          }
          const target = targetAt(text, q.start, q.end);
          const anchors = new LiveAnchors(text);
          anchors.track('q', target);
          let region = { ...q };
          const apply = (c: TextChange) => {
            if (mode === 'live') { anchors.applyChanges([c]); }
            region = mapRange(region, c);
            text = applyTextChanges(text, [c]);
          };
          // Unrelated edits elsewhere make the stored offsets stale.
          for (let e = int(rand, 0, 4); e > 0; e--) {
            const c = randomChange(rand, text, 0, text.length);
            if (c.end > region.start - 41 && c.start < region.end + 41) { continue; }
            apply(c);
          }
          if (context === 'context edited too') {
            // One edit in the 32 code units of context on one side, sometimes on both.
            const sides = rand() < 0.3 ? ['before', 'after'] : [pick(rand, ['before', 'after'])];
            for (const side of sides) {
              const c = side === 'before'
                ? randomChange(rand, text, Math.max(0, region.start - 30), Math.max(0, region.start - 1))
                : randomChange(rand, text, Math.min(text.length, region.end + 1), Math.min(text.length, region.end + 30));
              if (c.end >= region.start && c.start <= region.end) { continue; }
              apply({ ...c, end: Math.min(c.end, c.start + 6) });
            }
          }
          // At most a tenth of the quote's characters: substitutions, deletions, insertions strictly inside.
          const edits = int(rand, 1, Math.max(1, Math.floor(target.quote.length / 10)));
          for (let e = 0; e < edits; e++) {
            const kind = rand();
            const len = region.end - region.start;
            if (kind < 0.4 && len > 1) {
              const at = randomOffset(rand, text, region.start, region.end - 1);
              if (splitsSurrogatePair(text, at + 1)) { continue; }
              const c = { start: at, end: at + 1, text: text[at] === 'q' ? 'z' : 'q' };
              apply(c);
              region = { start: region.start, end: region.end }; // a substitution keeps the region
            } else if (kind < 0.7 && len > 2) {
              const at = randomOffset(rand, text, region.start, region.end - 1);
              if (splitsSurrogatePair(text, at + 1)) { continue; }
              apply({ start: at, end: at + 1, text: '' });
            } else if (len > 2) {
              const at = randomOffset(rand, text, region.start + 1, region.end - 1);
              apply({ start: at, end: at, text: pick(rand, ['e', 's', ' ', ',', 'n']) });
            }
          }
          const r = mode === 'live'
            ? (() => { anchors.settle(); const s = anchors.get('q')!.state; return s.status === 'anchored' ? s : undefined; })()
            : (() => { const x = resolveAnchor(text, target); return x.outcome === 'orphaned' ? undefined : x; })();
          if (!r) { tally.orphaned++; continue; }
          if (r.start === region.start && r.end === region.end) { tally.exact++; } else if (overlaps(r, region)) { tally.boundaryOff++; } else {
            tally.wrong++;
            if (process.env.ANCHOR_DEBUG) {
              console.log(JSON.stringify({ target, region, got: [r.start, r.end], gotText: text.slice(r.start, r.end), edited: text.slice(region.start, region.end),
                before: text.slice(region.start - 40, region.start), after: text.slice(region.end, region.end + 40), gotBefore: text.slice(r.start - 40, r.start), gotAfter: text.slice(r.end, r.end + 40) }, null, 1));
            }
          }
        }
        const rate = tally.exact / trials;
        console.log(`      ${mode}, <=10% of the quote edited, ${context}: ${JSON.stringify(tally)} -> ${pct(tally.exact, trials)} on the edited quote`);
        if (context === 'context intact') {
          assert.equal(tally.wrong, 0, 'never on other text');
        } else {
          // Beyond the acceptance: the context is edited too and, in 30% of trials, a copy of the quote is
          // planted elsewhere. A short quote whose context is gone next to it can then lose to the copy; over
          // fourteen seeds this happened once in 8400 trials. Bound it rather than pretend it cannot happen.
          assert.ok(tally.wrong / trials <= 0.005, `${tally.wrong} on other text`);
        }
        assert.ok(rate >= 0.95, `re-anchored ${pct(tally.exact, trials)}`);
      });
    }
  }
});

function pct(n: number, d: number): string {
  return `${((100 * n) / Math.max(1, d)).toFixed(1)}%`;
}
