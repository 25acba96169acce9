// Shared passages against boilerplate: site chrome that two files of one template share only in part is not a
// duplicate, a passage's chrome ends are cut off on both sides where the words agree, and text judged only by how
// it reads (few function words, prose away from the main text) or long repeated prose still counts as a copy.
import * as assert from 'assert';
import { trimBoilerplateEnds } from '../../../../src/core/detect/boilerplateSpans';
import { SharedSpan } from '../../../../src/core/detect/duplicates';
import { tokenize, Tokens } from '../../../../src/core/detect/tokens';
import { Finding } from '../../../../src/core/findings';
import { CorpusIndex } from '../../../../src/core/index/corpusIndex';

/** Prose of distinct words, with function words and full stops, so the detector reads it as text. */
function prose(seed: string, words: number): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++) {
    out.push(`${seed}${i.toString(36)}${i % 9 === 8 ? '.' : ''}`);
    if (i % 3 === 1) { out.push('the'); }
  }
  return out.join(' ') + '.';
}

/** A page of one site's template: masthead, navigation, sign-up, date, byline, then the text, then the footer. */
function page(date: string, body: string[], related: string[], comments: number): string {
  return [
    'Harbour Gazette', 'Home | World | Politics | Business | Sport | Culture | Opinion | Travel | Weather',
    'Sign up for the Harbour Gazette newsletter', date, 'By Mara Lind',
    ...body,
    ['You may also like', ...related.map((x) => `- ${x}`)].join('\n'), `${comments} comments`,
    'Copyright 2019 Harbour Gazette Media. All rights reserved.', 'Privacy policy | Terms of use | Contact | About us',
  ].join('\n\n') + '\n';
}

function bp(code: string, text: string, part: string): Finding {
  const start = text.indexOf(part);
  assert.ok(start >= 0, `no "${part}" in the text`);
  return { kind: 'boilerplate', code, message: '', score: 1, start, end: start + part.length, related: [] };
}

/** A span of document 1 over the words of `part` in `text`, standing at the same words of document 2. */
function spanOver(t: Tokens, text: string, part: string, other: Tokens, otherText: string, otherPart = part): SharedSpan {
  const tokenAt = (tk: Tokens, offset: number) => { let i = 0; while (i < tk.count && tk.offsets.start(i) < offset) { i++; } return i; };
  const a = text.indexOf(part);
  const b = otherText.indexOf(otherPart);
  return {
    other: 2,
    aStart: tokenAt(t, a), aEnd: tokenAt(t, a + part.length),
    bStart: tokenAt(other, b), bEnd: tokenAt(other, b + otherPart.length),
  };
}

describe('shared passages and boilerplate', () => {
  it('reports no duplicate for the chrome two pages of one template share in part', () => {
    const index = new CorpusIndex();
    const a = page('Published 3 March 2021', [prose('a', 120), prose('b', 90)], ['Port Strike Ends After Talks', 'New Bridge Opens To Cyclists'], 12);
    const b = page('Published 17 June 2022', [prose('c', 110), prose('d', 80)],
      ['Port Strike Ends After Talks', 'Storm Closes Coastal Road', 'New Bridge Opens To Cyclists', 'School Year Starts Late'], 7);
    index.setDocument('a.txt', a);
    index.setDocument('b.txt', b);
    for (const p of ['a.txt', 'b.txt']) {
      const findings = index.analyze(p).findings;
      assert.ok(findings.some((f) => f.code === 'boilerplate.navigation'), 'the chrome is boilerplate');
      assert.deepStrictEqual(findings.filter((f) => f.kind === 'duplicate'), [], `${p} reports chrome as a duplicate`);
    }
  });

  it('pulls an end back to words both copies hold when one file has a paragraph of its own between the copy and the chrome', () => {
    const shared = prose('s', 60);
    // Shorter than the span search's largest gap, so the search bridges it on its way to the shared footer.
    const own = 'Notice from the rowing club: boats will be lent to anyone who needs one, and members will help.';
    const index = new CorpusIndex();
    const a = page('Published 3 March 2021', [shared, own], ['Port Strike Ends After Talks'], 12);
    const b = page('Published 3 March 2021', [prose('p', 40), shared], ['Port Strike Ends After Talks'], 12);
    index.setDocument('a.txt', a);
    index.setDocument('b.txt', b);
    for (const [p, text, otherText] of [['a.txt', a, b], ['b.txt', b, a]]) {
      const dups = index.analyze(p).findings.filter((f) => f.kind === 'duplicate');
      assert.strictEqual(dups.length, 1, p);
      assert.strictEqual(text.slice(dups[0].start, dups[0].end), shared.slice(0, -1), `${p}: its own copy`);
      assert.strictEqual(otherText.slice(dups[0].related[0].start, dups[0].related[0].end), shared.slice(0, -1), `${p}: the other copy`);
    }
  });

  it('cuts the chrome off both ends of a copied article, on the other side where its words agree', () => {
    const shared = prose('s', 150);
    const index = new CorpusIndex();
    const a = page('Published 3 March 2021', [shared], ['Port Strike Ends After Talks', 'New Bridge Opens To Cyclists'], 12);
    // The dates differ in length, so the chrome cut off one side is longer than that cut off the other.
    const b = page('Published on Thursday 17 June 2022', [shared],
      ['Port Strike Ends After Talks', 'Storm Closes Coastal Road', 'New Bridge Opens To Cyclists', 'School Year Starts Late'], 7);
    index.setDocument('a.txt', a);
    index.setDocument('b.txt', b);
    for (const [p, text, other, otherText] of [['a.txt', a, 'b.txt', b], ['b.txt', b, 'a.txt', a]]) {
      const dups = index.analyze(p).findings.filter((f) => f.kind === 'duplicate');
      assert.strictEqual(dups.length, 1, p);
      assert.strictEqual(text.slice(dups[0].start, dups[0].end), shared.slice(0, -1), p);
      assert.strictEqual(dups[0].related.length, 1);
      assert.strictEqual(dups[0].related[0].path, other);
      assert.strictEqual(otherText.slice(dups[0].related[0].start, dups[0].related[0].end), shared.slice(0, -1), `${p}: the other copy`);
    }
  });

  it('keeps a passage whose words lie in verdicts of how text reads, or in long repeated prose, and drops one of chrome', () => {
    const body = prose('q', 40);
    const text = `Home | World | Sport\n\n${body}\n\nCopyright 2019 Harbour Gazette Media. All rights reserved.\n`;
    const t = tokenize(text);
    const span = spanOver(t, text, text.trim(), t, text);
    const self = { ...span, other: 1 };
    const chrome = [bp('boilerplate.navigation', text, 'Home | World | Sport'), bp('boilerplate.legal', text, 'Copyright 2019 Harbour Gazette Media. All rights reserved.')];
    const tokensOf = () => t;
    const kept = (code: string) => trimBoilerplateEnds(t, [self], [...chrome, bp(code, text, body)], 25, tokensOf).length === 1;
    assert.ok(kept('boilerplate.not-prose'), 'few function words');
    assert.ok(kept('boilerplate.outside-main-text'), 'prose away from the main text');
    assert.ok(kept('boilerplate.repeated-across-files'), 'prose of 40 words in many files');
    assert.ok(!kept('boilerplate.legal'), 'chrome through and through');
  });

  it('places the cut ends on the other side where its words agree, when the chrome there is longer', () => {
    const body = prose('w', 40);
    const a = `Menu Home News Sport\n\n${body}\n\nMore: one two\n`;
    const b = `Menu Home News Sport World Travel\n\n${body}\n\nMore: one two three four\n`;
    const ta = tokenize(a);
    const tb = tokenize(b);
    const span: SharedSpan = { other: 2, aStart: 0, aEnd: ta.count, bStart: 0, bEnd: tb.count };
    const chrome = [bp('boilerplate.navigation', a, 'Menu Home News Sport'), bp('boilerplate.read-more', a, 'More: one two')];
    const [out] = trimBoilerplateEnds(ta, [span], chrome, 25, (id) => (id === 2 ? tb : undefined));
    assert.strictEqual(a.slice(ta.offsets.start(out.aStart), ta.offsets.end(out.aEnd - 1)), body.slice(0, -1));
    assert.strictEqual(b.slice(tb.offsets.start(out.bStart), tb.offsets.end(out.bEnd - 1)), body.slice(0, -1));
  });

  it('counts short repeated lines as chrome, however many of them a passage joins', () => {
    const lines = ['Most read today', 'Port strike ends after talks', 'Storm closes the coastal road', 'New bridge opens to cyclists',
      'School year starts late again', 'Ferry fares rise for winter', 'Council votes on the budget', 'Library keeps its late hours'];
    const text = `${lines.join('\n')}\n`;
    const t = tokenize(text);
    const span = { ...spanOver(t, text, text.trim(), t, text), other: 1 };
    const repeated = lines.map((l) => bp('boilerplate.repeated-in-file', text, l));
    assert.ok(t.count >= 25);
    assert.deepStrictEqual(trimBoilerplateEnds(t, [span], repeated, 25, () => t), []);
  });
});
