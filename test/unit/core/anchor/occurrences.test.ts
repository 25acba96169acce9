// Finding every occurrence of a string (tag all occurrences) and every identical line (decisions for the whole
// corpus, accepting a suggestion everywhere): whole words by code point, joined words, case, CRLF line breaks and
// characters outside the BMP.
import * as assert from 'node:assert/strict';
import { findOccurrences, identicalLines, isWordCodePoint, withLines } from '../../../../src/core/anchor/occurrences';

const slices = (text: string, ranges: [number, number][]) => ranges.map(([s, e]) => text.slice(s, e));

describe('occurrences', () => {
  it('finds whole-word, case-sensitive matches by default', () => {
    const text = 'Port of Arden. Portland is not Arden port; the Port.';
    assert.deepEqual(findOccurrences(text, 'Port'), [[0, 4], [47, 51]]);
    assert.deepEqual(slices(text, findOccurrences(text, 'Port', { caseSensitive: false })), ['Port', 'port', 'Port']);
    assert.deepEqual(findOccurrences(text, 'Port', { wholeWord: false }).map(([s]) => s), [0, 15, 47]);
  });

  it('takes a word joined by a hyphen or an apostrophe before, or a hyphen after, as a longer word', () => {
    const text = 'Lund said. Lundgren, Lund-based, ex-Lund, d\'Lund, Lund\'s and (Lund) too; Lunds - Lund -Lund.';
    assert.deepEqual(findOccurrences(text, 'Lund').map(([s]) => s), [0, 50, 62, 81, 87]);
    assert.deepEqual(slices('Åsa met Åsa-Lena and Åsa.', findOccurrences('Åsa met Åsa-Lena and Åsa.', 'Åsa')), ['Åsa', 'Åsa']);
    assert.deepEqual(findOccurrences('éLund Lund', 'Lund'), [[6, 10]]);
    assert.deepEqual(findOccurrences('the U.S.A. and U.S.', 'U.S.').map(([s]) => s), [4, 15]);
    assert.deepEqual(findOccurrences('ex-Lund', 'Lund', { wholeWord: false }), [[3, 7]]);
  });

  it('treats letters outside the BMP as word characters, by whole code point', () => {
    const gothic = '𐌰'; // U+10330, two UTF-16 units, a letter
    assert.equal(isWordCodePoint(gothic.codePointAt(0)!), true);
    assert.equal(isWordCodePoint('😀'.codePointAt(0)!), false);
    const text = `${gothic}Arden Arden${gothic} 😀Arden😀 𠮷Arden`;
    // Only the one between emoji is a whole word: the Gothic letter and the CJK ideograph continue the word.
    assert.deepEqual(findOccurrences(text, 'Arden'), [[text.indexOf('😀Arden') + 2, text.indexOf('😀Arden') + 7]]);
    assert.equal(findOccurrences(text, 'Arden', { wholeWord: false }).length, 4);
  });

  it('matches a needle outside the BMP without splitting a surrogate pair', () => {
    const text = '𠮷野家 and 𠮷野家, not 𠮷野家s';
    const found = findOccurrences(text, '𠮷野家');
    assert.deepEqual(slices(text, found), ['𠮷野家', '𠮷野家']);
    assert.equal(found[1][0], text.indexOf('𠮷野家,'));
  });

  it('tests only the ends of the needle that are word characters', () => {
    const text = 'a #tag, b#tag c #tags';
    assert.deepEqual(slices(text, findOccurrences(text, '#tag')), ['#tag', '#tag']);
    assert.deepEqual(findOccurrences(text, '#tag').map(([s]) => s), [2, 9]);
  });

  it('retries one character after a match that is not a whole word, and takes special characters literally', () => {
    assert.deepEqual(findOccurrences('aaa aa', 'aa'), [[4, 6]]);
    assert.deepEqual(findOccurrences('cost (USD) 3.5 or 345', '3.5'), [[11, 14]]);
    assert.deepEqual(findOccurrences('x', ''), []);
  });

  it('places matches on their lines with CRLF, LF and a lone CR, without the line break in the line text', () => {
    const text = 'Arden mill\r\nnear Arden\rArden\nend';
    const found = withLines(text, findOccurrences(text, 'Arden'));
    assert.deepEqual(found.map((o) => [o.line, o.character, o.lineText]), [
      [0, 0, 'Arden mill'], [1, 5, 'near Arden'], [2, 0, 'Arden'],
    ]);
    assert.equal(text.slice(found[1].start, found[1].end), 'Arden');
  });

  it('gives where a match that spans a line break ends (CRLF and LF), so that the editor can select all of it', () => {
    const text = 'Mill of Arden\r\nweir, and Arden\r\nweir again\nArden\nweir';
    const found = withLines(text, findOccurrences(text, 'Arden\r\nweir'));
    assert.deepEqual(found.map((o) => [o.line, o.character, o.endLine, o.endCharacter]), [[0, 8, 1, 4], [1, 10, 2, 4]]);
    const lf = withLines(text, findOccurrences(text, 'Arden\nweir'));
    assert.deepEqual(lf.map((o) => [o.line, o.character, o.endLine, o.endCharacter]), [[3, 0, 4, 4]]);
    const oneLine = withLines('a 𝐀 Arden', findOccurrences('a 𝐀 Arden', 'Arden'));
    assert.deepEqual(oneLine.map((o) => [o.line, o.character, o.endLine, o.endCharacter]), [[0, 5, 0, 10]]);
  });

  it('finds every line whose trimmed text is the given line, and only whole lines', () => {
    const line = 'Sign up for our newsletter.';
    const text = `${line}\r\n  ${line}  \r\nPlease ${line}\n${line} today\n\t${line}`;
    const found = identicalLines(text, `  ${line} `);
    assert.deepEqual(found.map(([s]) => text.slice(0, s).split(/\r?\n/).length - 1), [0, 1, 4]);
    for (const r of found) { assert.equal(text.slice(...r), line); }
    assert.deepEqual(identicalLines(text, '   '), []);
  });
});
