// Resolving anchors: each outcome, choosing between repeats, and offsets with CRLF, a BOM and non-BMP text.
import * as assert from 'node:assert/strict';
import { AnchorTarget, describeRange, resolveAnchor } from '../../../../src/core/anchor/resolve';
import { applyTextChanges, snapOutward, splitsSurrogatePair } from '../../../../src/core/anchor/textChanges';
import { decodeText } from '../../../../src/core/text';

const ARTICLE = 'In Tehran, the commander of the Revolutionary Guard Corps, Mohammad Ali Jafari, wrote in an open letter '
  + 'that the agreement would not hold. Officials declined to comment on the letter.';

function targetFor(text: string, quote: string, occurrence = 0): AnchorTarget {
  let start = -1;
  for (let i = 0; i <= occurrence; i++) { start = text.indexOf(quote, start + 1); }
  assert.ok(start >= 0, `fixture holds "${quote}"`);
  return { ...describeRange(text, start, start + quote.length), start, end: start + quote.length };
}

describe('anchor: resolve', () => {
  it('keeps stored offsets that still hold the quote: exact', () => {
    const t = targetFor(ARTICLE, 'Mohammad Ali Jafari');
    assert.equal(t.prefix, ' the Revolutionary Guard Corps, '); // 32 code units of context
    const r = resolveAnchor(ARTICLE, t);
    assert.equal(r.outcome, 'exact');
    assert.equal(r.start, 59);
    assert.equal(r.end, 78);
  });

  it('finds the quote elsewhere after text was inserted before it: moved', () => {
    const t = targetFor(ARTICLE, 'Mohammad Ali Jafari');
    const text = 'BREAKING: ' + ARTICLE;
    const r = resolveAnchor(text, t);
    assert.equal(r.outcome, 'moved');
    assert.equal(r.start, 69);
    assert.equal(text.slice(r.start!, r.end!), 'Mohammad Ali Jafari');
  });

  it('uses prefix and suffix to choose between repeats', () => {
    const text = 'Jafari said no. Later, the general Jafari wrote a letter. Jafari said yes.';
    const t = targetFor(text, 'Jafari', 1);
    // Shift everything so the stored offsets fail, and move the old place nearer the first repeat.
    const shifted = 'Update - ' + text;
    const r = resolveAnchor(shifted, { ...t, start: 8, end: 14 });
    assert.equal(r.outcome, 'moved');
    assert.equal(r.start, t.start + 9);
  });

  it('finds a lightly edited quote: fuzzy, with exact boundaries', () => {
    const t = targetFor(ARTICLE, 'wrote in an open letter that the agreement would not hold');
    const text = ARTICLE.replace('wrote in an open letter that', 'wrote in an opne letter saying that');
    const r = resolveAnchor(text, t);
    assert.equal(r.outcome, 'fuzzy');
    assert.equal(text.slice(r.start!, r.end!), 'wrote in an opne letter saying that the agreement would not hold');
  });

  it('picks the right boundary when the quote loses its first or last character', () => {
    const t = targetFor(ARTICLE, 'Mohammad Ali Jafari');
    const noFirst = ARTICLE.replace('Mohammad Ali Jafari', 'ohammad Ali Jafari');
    const r1 = resolveAnchor(noFirst, t);
    assert.equal(noFirst.slice(r1.start!, r1.end!), 'ohammad Ali Jafari');
    const noLast = ARTICLE.replace('Mohammad Ali Jafari', 'Mohammad Ali Jafar');
    const r2 = resolveAnchor(noLast, t);
    assert.equal(noLast.slice(r2.start!, r2.end!), 'Mohammad Ali Jafar');
  });

  it('orphans a quote that is gone, rather than placing it on other text', () => {
    const t = targetFor(ARTICLE, 'Mohammad Ali Jafari');
    const text = ARTICLE.replace('Mohammad Ali Jafari', 'a senior officer');
    const r = resolveAnchor(text, t);
    assert.equal(r.outcome, 'orphaned');
    assert.equal(r.start, null);
  });

  it('does not put a short quote whose context is gone inside a longer word', () => {
    const text = 'Ali spoke first.';
    const t = targetFor(text, 'Ali');
    const r = resolveAnchor('Shares of Alibaba rose sharply today, analysts said.', t);
    assert.equal(r.outcome, 'orphaned');
  });

  it('counts offsets in UTF-16 code units after the BOM is removed, with CRLF line breaks', () => {
    const bytes = Buffer.from('\ufeffLine one\r\nThe quote 😀 here\r\nEnd\r\n', 'utf8');
    const decoded = decodeText(bytes, { maxFileBytes: 1 << 20 });
    assert.ok(decoded.ok);
    const text = decoded.ok ? decoded.text : '';
    assert.equal(text.indexOf('The quote'), 10); // "Line one\r\n" is ten code units; the BOM is not counted
    const start = text.indexOf('quote 😀 here');
    const t: AnchorTarget = { ...describeRange(text, start, start + 'quote 😀 here'.length), start, end: start + 13 };
    assert.equal(t.end - t.start, 13); // the emoji is two code units
    assert.equal(resolveAnchor(text, t).outcome, 'exact');
    const edited = text.replace('Line one\r\n', 'Line one, longer\r\n\r\n');
    const r = resolveAnchor(edited, t);
    assert.equal(r.outcome, 'moved');
    assert.equal(r.start, start + 10); // ", longer" and one more CRLF
    assert.equal(edited.slice(r.start!, r.end!), 'quote 😀 here');
  });

  it('never splits a surrogate pair in a fuzzy match', () => {
    const text = 'Before the quote. The words of the quote end here. After that, more text.';
    const t = targetFor(text, 'The words of the quote end here');
    // The last letter becomes an emoji: ending after its high half would cost one edit, as would leaving it out.
    const edited = text.replace('end here.', 'end her\u{1F600}.');
    const r = resolveAnchor(edited, t);
    assert.equal(r.outcome, 'fuzzy');
    assert.ok(!splitsSurrogatePair(edited, r.start!) && !splitsSurrogatePair(edited, r.end!), `[${r.start}, ${r.end}) keeps pairs whole`);
    assert.ok(['The words of the quote end her', 'The words of the quote end her\u{1F600}'].includes(edited.slice(r.start!, r.end!)));
    assert.deepEqual(snapOutward('a\u{1F600}b', 2, 2), { start: 1, end: 3 });
  });

  it('context never starts or ends inside a surrogate pair', () => {
    const text = '😀'.repeat(40) + 'quote' + '😀'.repeat(40);
    const d = describeRange(text, 80, 85);
    assert.equal(d.prefix.length % 2, 0);
    assert.equal(d.suffix.length % 2, 0);
    assert.ok(!/^[\udc00-\udfff]/.test(d.prefix) && !/[\ud800-\udbff]$/.test(d.suffix));
  });

  it('applies one event\'s changes in order, as VS Code reports them (last first)', () => {
    const text = 'abcdefghij';
    // Descending, non-overlapping: each change also holds against the original text.
    assert.equal(applyTextChanges(text, [{ start: 8, end: 9, text: 'X' }, { start: 2, end: 4, text: '' }]), 'abefghXj');
    // Ascending: each against the text the previous change left.
    assert.equal(applyTextChanges(text, [{ start: 0, end: 1, text: 'AA' }, { start: 3, end: 4, text: '' }]), 'AAbdefghij');
    assert.throws(() => applyTextChanges(text, [{ start: 5, end: 20, text: '' }]), RangeError);
  });
});
