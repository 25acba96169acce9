// The editor's wording of findings: diagnostic messages, hover text with links to the other copies, and the
// status bar's text.
import * as assert from 'assert';
import { copyLabel, decisionSuffix, diagnosticMessage, hoverMarkdown, statusText } from '../../../../src/vscode/findings/findingText';
import { escapeMarkdown, linesLabel } from '../../../../src/vscode/platform/text';
import { WireFinding } from '../../../../src/protocol/indexProtocol';
import type { ShownFinding } from '../../../../src/vscode/findings/findingsStore';

const range = (sl: number, sc: number, el: number, ec: number) => ({ start: { line: sl, character: sc }, end: { line: el, character: ec } });

const repeated: WireFinding = {
  kind: 'boilerplate', code: 'boilerplate.repeated-across-files', message: 'appears in 37 files', score: 0.934, start: 100, end: 140,
  range: range(2, 0, 2, 40), related: [],
};

const duplicate: WireFinding = {
  kind: 'duplicate', code: 'duplicate.cross-file', message: 'same passage as news/b.txt lines 85-100 (1,840 characters)', score: 1,
  start: 600, end: 2440, range: range(10, 0, 25, 12), related: [{ path: 'news/b.txt', range: range(84, 0, 99, 77), start: 5000, end: 6840 }],
};

const link = (label: string, i: number) => `[${label}](link${i})`;

describe('finding text', () => {
  it('labels diagnostics by kind', () => {
    assert.strictEqual(diagnosticMessage(repeated), 'Boilerplate: appears in 37 files');
    assert.strictEqual(diagnosticMessage(duplicate), 'Duplicate: same passage as news/b.txt lines 85-100 (1,840 characters)');
  });

  it('gives 1-based line spans, not counting a range that ends at the start of a line', () => {
    assert.strictEqual(linesLabel(range(84, 0, 99, 77)), 'lines 85-100');
    assert.strictEqual(linesLabel(range(3, 0, 4, 0)), 'line 4');
    assert.strictEqual(linesLabel(range(3, 2, 3, 9)), 'line 4');
  });

  it('hovers over boilerplate with the reason, the score and the code', () => {
    assert.strictEqual(hoverMarkdown(repeated, 'a.txt', link), 'Boilerplate: appears in 37 files (score 0.93) `boilerplate.repeated-across-files`');
  });

  it('hovers over a duplicate with a link per copy and the length', () => {
    assert.strictEqual(hoverMarkdown(duplicate, 'a.txt', link),
      'Duplicate: same passage as [b.txt lines 85-100](link0), 1,840 characters `duplicate.cross-file`');
    const more: WireFinding = { ...duplicate, related: [...duplicate.related, { path: 'a.txt', range: range(200, 0, 203, 5), start: 9000, end: 10840 }, { path: 'c_1.txt', range: range(1, 0, 1, 9), start: 10, end: 19 }] };
    assert.strictEqual(hoverMarkdown(more, 'a.txt', link),
      'Duplicate: same passage as [b.txt lines 85-100](link0); also [this file, lines 201-204](link1), [c\\_1.txt line 2](link2), 1,840 characters `duplicate.cross-file`');
  });

  it('escapes Markdown in names and messages', () => {
    assert.strictEqual(escapeMarkdown('a_[b]*(c)`.txt'), 'a\\_\\[b\\]\\*\\(c\\)\\`.txt');
  });

  it('puts the boilerplate share and the number of copied passages in the status bar', () => {
    const file = { path: 'news/a.txt', boilerplateShare: 0.384, duplicateShare: 0.61, nearDuplicates: [], findings: [repeated, duplicate, duplicate] };
    const s = statusText(file);
    assert.strictEqual(s.text, '$(eye) 38% boilerplate · 2 copies');
    assert.strictEqual(s.tooltip, 'Corpus Lens: a.txt\n38% boilerplate (1 finding)\n61% duplicated (2 passages, shared with b.txt)');
    assert.strictEqual(statusText({ ...file, findings: [duplicate] }).text, '$(eye) 38% boilerplate · 1 copy');
    assert.strictEqual(statusText({ ...file, findings: [] }).text, '$(eye) 38% boilerplate · 0 copies');
    const dismissed: ShownFinding = { ...duplicate, decision: { id: 'd1', status: 'dismissed' } };
    assert.strictEqual(statusText({ ...file, findings: [repeated, dismissed, duplicate] }).text, '$(eye) 38% boilerplate · 1 copy', 'a dismissed passage is no copy');
  });

  it('says what the decisions about a finding and its other copies are', () => {
    const decided = (f: WireFinding, status?: 'confirmed' | 'dismissed' | 'kept', related: ('kept' | undefined)[] = []): ShownFinding => ({
      ...f,
      ...(status ? { decision: { id: 'x', status } } : {}),
      related: f.related.map((r, i) => (related[i] ? { ...r, decision: { id: `r${i}`, status: related[i]! } } : r)),
    });
    assert.strictEqual(decisionSuffix(repeated, 'a.txt'), '');
    assert.strictEqual(decisionSuffix(decided(repeated, 'confirmed'), 'a.txt'), ' (confirmed)');
    assert.strictEqual(decisionSuffix(decided(duplicate, 'confirmed', ['kept']), 'news/a.txt'),
      ' (marked as the duplicate; the copy in b.txt lines 85-100 is kept)');
    assert.strictEqual(decisionSuffix(decided(duplicate, undefined, ['kept']), 'news/a.txt'), ' (the copy in b.txt lines 85-100 is kept)');
    assert.strictEqual(decisionSuffix(decided(duplicate, 'kept', ['kept']), 'news/a.txt'), ' (this copy is kept)', 'a kept copy does not name the others');
    assert.strictEqual(copyLabel(duplicate.related[0], 'news/a.txt'), 'b.txt lines 85-100');
    assert.strictEqual(copyLabel({ path: 'news/a.txt', range: range(3, 0, 3, 9) }, 'news/a.txt'), 'this file, line 4');
  });
});
