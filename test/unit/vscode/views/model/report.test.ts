// The corpus report's model and markup: histogram bins at their edges, the model's groups and tag counts, and
// HTML in which every text from the corpus is escaped and no style attribute or remote URL appears.
import * as assert from 'assert';
import { DuplicateGroup } from '../../../../../src/vscode/views/model/duplicates';
import { FileRow } from '../../../../../src/vscode/views/model/files';
import { escapeHtml, histogram, histogramSvg, reportBody, reportModel } from '../../../../../src/vscode/views/model/report';
import { FileTags } from '../../../../../src/vscode/views/model/tags';

const row = (path: string, boilerplateShare: number, tags = 0): FileRow =>
  ({ uri: `file:///c/${path}`, path, boilerplateShare, duplicateShare: 0, copies: 0, tags, orphaned: 0, invalid: false });

describe('views: corpus report', () => {
  it('bins shares in tenths, a share of exactly 1 in the last bin', () => {
    const bins = histogram([0, 0.05, 0.1, 0.55, 0.999, 1, Number.NaN]);
    assert.deepStrictEqual(bins.map((b) => b.count), [2, 1, 0, 0, 0, 1, 0, 0, 0, 2]);
    assert.deepStrictEqual([bins[0].from, bins[0].to, bins[9].from, bins[9].to], [0, 0.1, 0.9, 1]);
  });

  it('draws one SVG bar per bin, heights in proportion, with each bin\'s count in its title', () => {
    const svg = histogramSvg(histogram([0.05, 0.05, 0.15]), 'caption');
    assert.strictEqual(svg.match(/<rect /g)?.length, 10);
    assert.match(svg, /<title>0%–10% boilerplate: 2 files<\/title><rect x="[\d.]+" y="12" width="[\d.]+" height="160">/);
    assert.match(svg, /<title>10%–20% boilerplate: 1 file<\/title><rect x="[\d.]+" y="92" width="[\d.]+" height="80">/);
  });

  it('models the largest groups and tag counts by label and by file', () => {
    const rows = [row('a.txt', 0.9, 3), row('b.txt', 0.1), row('c.txt', 0.5, 1)];
    const group = (n: number, chars: number): DuplicateGroup => ({ key: `g${n}`, files: Array.from({ length: n }, (_, i) => ({ uri: `u${i}`, path: `p${i}` })), pairs: [], similarity: 0, sharedChars: chars, kept: [], marked: [] });
    const groups = Array.from({ length: 12 }, (_, i) => group(12 - i, 100));
    const tags: FileTags[] = [{ uri: 'file:///c/a.txt', orphaned: 0, tags: [
      { uri: 'file:///c/a.txt', id: '1', kind: 'entity', label: 'person', quote: 'x', start: 0, end: 1, canonical: 'x', orphaned: false },
      { uri: 'file:///c/a.txt', id: '2', kind: 'claim', label: '', quote: 'y', start: 2, end: 3, canonical: 'y', status: 'unverified', orphaned: false },
      { uri: 'file:///c/a.txt', id: '3', kind: 'entity', label: 'person', quote: 'z', start: 4, end: 5, canonical: 'z', orphaned: false },
    ] }];
    const m = reportModel(rows, groups, tags);
    assert.strictEqual(m.files, 3);
    assert.strictEqual(Math.round(m.meanBoilerplate * 100), 50);
    assert.deepStrictEqual(m.boilerplate.map((b) => b.count), [0, 1, 0, 0, 0, 1, 0, 0, 0, 1]);
    assert.deepStrictEqual([m.groups.length, m.moreGroups, m.groups[0].files.length], [10, 2, 12]);
    assert.deepStrictEqual(m.tagsByLabel, [{ label: 'person', count: 2 }, { label: 'claim', count: 1 }]);
    assert.deepStrictEqual(m.tagsByFile.map((f) => [f.path, f.count]), [['a.txt', 3], ['c.txt', 1]]);
  });

  it('labels the axis with the largest count, ending at the axis, however many digits it has', () => {
    const svg = histogramSvg([{ from: 0, to: 0.1, count: 133017 }, { from: 0.1, to: 0.2, count: 4 }], 'caption');
    // A class, not the text-anchor attribute: the stylesheet's rule for the histogram's text outranks an attribute.
    assert.match(svg, /<text class="tick y" x="46" y="20">133,017<\/text>/);
    assert.ok(!/text-anchor=/.test(svg));
  });

  it('names the first files of a large group and counts the rest', () => {
    const files = Array.from({ length: 30 }, (_, i) => ({ uri: `file:///c/f${i}.txt`, path: `f${i}.txt` }));
    const html = reportBody(reportModel([row('f0.txt', 0.1)], [{ key: 'g', files, pairs: [], similarity: 0.9, sharedChars: 500, kept: [], marked: [] }], []));
    assert.strictEqual(html.match(/data-open="file:\/\/\/c\/f\d+\.txt"/g)?.length, 12);
    assert.match(html, /<span class="group-size">30 files<\/span>/);
    assert.match(html, /and 18 more files \(the Duplicates view lists them all\)/);
    const small = reportBody(reportModel([row('f0.txt', 0.1)], [{ key: 'g', files: files.slice(0, 12), pairs: [], similarity: 0.9, sharedChars: 500, kept: [], marked: [] }], []));
    assert.ok(!small.includes('more file'), 'a group of twelve is named in full');
  });

  it('escapes every name from the corpus and uses no inline style or remote address', () => {
    const evil = 'x<img src=https://evil.example/a.png onerror="alert(1)">.txt';
    const rows = [{ ...row(evil, 0.3, 1), uri: 'file:///c/x%3Cimg' }];
    const groups: DuplicateGroup[] = [{ key: 'g', files: [{ uri: 'file:///c/x%3Cimg', path: evil }, { uri: 'file:///c/b', path: 'b.txt' }], pairs: [], similarity: 0.5, sharedChars: 10, kept: [evil], marked: ['b.txt'] }];
    const tags: FileTags[] = [{ uri: 'file:///c/x%3Cimg', orphaned: 0, tags: [
      { uri: 'file:///c/x%3Cimg', id: '1', kind: 'entity', label: '<script>', quote: 'q', start: 0, end: 1, canonical: 'q', orphaned: false }] }];
    const html = reportBody(reportModel(rows, groups, tags));
    assert.ok(!html.includes('<img'), html);
    assert.ok(!html.includes('<script'), html);
    assert.ok(!/style=/.test(html));
    assert.ok(!/https?:/.test(html.replace(/https:\/\/evil\.example/g, '')) && html.includes(escapeHtml(evil)));
    assert.match(html, /data-open="file:\/\/\/c\/x%3Cimg">x&#60;img/);
    assert.ok(html.includes(`<span class="decisions">kept: ${escapeHtml(evil)} · marked as the duplicate: b.txt</span>`), 'the decisions about the copies');
    const undecided = reportBody(reportModel(rows, [{ ...groups[0], kept: [], marked: [] }], tags));
    assert.ok(!undecided.includes('class="decisions"'), 'no decisions, no line for them');
  });

  it('says what to do when there are no corpus files', () => {
    assert.match(reportBody(reportModel([], [], [])), /No corpus files.*Scan Workspace/s);
  });
});
