// The findings store keeps what the index worker last reported per file and drops what a newer change has
// overtaken: replies of an older generation than the file's newest change, and findings computed for another
// version of a document open in the editor. It is where findings meet the editor's decisions: each finding, and
// each other copy it names, carries the decision recorded about it, again whenever decisions change.
import * as assert from 'assert';
import { PlacedDecision } from '../../../../src/core/annotations/decisions';
import { FindingsStore } from '../../../../src/vscode/findings/findingsStore';
import { FileFindings, WireFinding } from '../../../../src/protocol/indexProtocol';
import { packFiles, packedPaths } from '../../../../src/protocol/packedFiles';
import { duplicateGroups } from '../../../../src/vscode/views/model/duplicates';
import { fileRow } from '../../../../src/vscode/views/model/files';

const FOLDER = 'file:///corpus';

function file(path: string, version?: number, message = 'x'): FileFindings {
  return {
    path,
    boilerplateShare: 0,
    duplicateShare: 0,
    nearDuplicates: [],
    version,
    findings: [{ kind: 'boilerplate', code: 'boilerplate.sign-up', message, score: 1, start: 0, end: 1, related: [],
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } } }],
  };
}

const uri = (p: string) => `${FOLDER}/${p}`;

describe('FindingsStore', () => {
  let open: Map<string, number>;
  let store: FindingsStore;
  let events: string[][];

  beforeEach(() => {
    open = new Map();
    store = new FindingsStore((u) => open.get(u));
    events = [];
    store.onDidChange((uris) => events.push([...uris]));
  });

  it('knows which files share passages or have near-copies without making their findings, for the Duplicates view', () => {
    const shared = (path: string, other: string): FileFindings => ({
      ...file(path),
      findings: [...file(path).findings, { kind: 'duplicate', code: 'duplicate.cross-file', message: `also in ${other}`, score: 1, start: 0, end: 9,
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 9 } },
        related: [{ path: other, start: 3, end: 12, range: { start: { line: 1, character: 0 }, end: { line: 1, character: 9 } } }] }],
    });
    const near: FileFindings = { ...file('c.txt'), nearDuplicates: [{ path: 'a.txt', similarity: 0.9 }] };
    const files = [shared('a.txt', 'b.txt'), shared('b.txt', 'a.txt'), near, file('d.txt')];
    store.accept(FOLDER, store.nextGeneration(), files.map((f) => ({ uri: uri(f.path), file: f })), []);
    const entries = store.entries();
    assert.deepStrictEqual(entries.map((e) => [e.path, e.linked]), [['a.txt', true], ['b.txt', true], ['c.txt', true], ['d.txt', false]]);
    // What the groups read of a file: its cross-file findings alone, and its near-copies.
    assert.deepStrictEqual(entries.map((e) => e.shared.findings.map((f) => f.code)), [['duplicate.cross-file'], ['duplicate.cross-file'], [], []]);
    assert.deepStrictEqual(entries[2].shared.nearDuplicates, near.nearDuplicates);
    // And the Files view's rows from it are those from every finding (an in-file copy names the file itself).
    const inFile: FileFindings = { ...shared('e.txt', 'a.txt'), duplicateShare: 0.5 };
    inFile.findings.push({ ...inFile.findings[1], code: 'duplicate.in-file', related: [{ ...inFile.findings[1].related[0], path: 'e.txt' }] });
    store.accept(FOLDER, store.nextGeneration(), [{ uri: uri('e.txt'), file: inFile }], []);
    for (const e of store.entries()) { assert.deepStrictEqual(fileRow(e.uri, e.path, e.shared, undefined), fileRow(e.uri, e.path, e.file, undefined)); }
    assert.strictEqual(fileRow(uri('e.txt'), 'e.txt', store.get(uri('e.txt'))!.shared, undefined).copies, 1);
    const plain = files.map((f) => ({ uri: uri(f.path), folder: FOLDER, path: f.path, file: f }));
    assert.deepStrictEqual(duplicateGroups(entries), duplicateGroups(plain));
    assert.strictEqual(duplicateGroups(entries)[0].files.length, 3);
  });

  it('adopts a reply as the worker packs it: the same findings as the objects, stale versions dropped', () => {
    const files = [file('a.txt', 3, 'first'), file('b.txt', undefined, 'second'), file('c.txt', 9, 'third')];
    files[1].findings.push({ kind: 'duplicate', code: 'duplicate.cross-file', message: 'also in a.txt', score: 0.75, start: 4, end: 20,
      range: { start: { line: 1, character: 2 }, end: { line: 2, character: 0 } },
      related: [{ path: 'a.txt', start: 7, end: 23, range: { start: { line: 3, character: 0 }, end: { line: 3, character: 16 } } }] });
    open.set(uri('c.txt'), 10); // c.txt's reply was computed for version 9: the editor holds 10
    const reply = structuredClone(packFiles(files));
    const changed = store.acceptPacked(FOLDER, store.nextGeneration(), reply, packedPaths(reply).map(uri), []);
    assert.deepStrictEqual(changed, [uri('a.txt'), uri('b.txt')]);
    assert.deepStrictEqual(store.get(uri('a.txt'))!.file, files[0]);
    assert.deepStrictEqual(store.get(uri('b.txt'))!.file, files[1]);
    assert.strictEqual(store.get(uri('b.txt'))!.linked, true);
    assert.strictEqual(store.get(uri('c.txt')), undefined);
    assert.deepStrictEqual(events, [changed]);
  });

  it('stores a reply and tells listeners which files changed', () => {
    const g = store.nextGeneration();
    assert.deepStrictEqual(store.accept(FOLDER, g, [{ uri: uri('a.txt'), file: file('a.txt') }], []), [uri('a.txt')]);
    assert.strictEqual(store.get(uri('a.txt'))?.file.path, 'a.txt');
    assert.deepStrictEqual(events, [[uri('a.txt')]]);
  });

  it('drops a file from a reply older than the newest change to that file, and keeps the others', () => {
    const scan = store.nextGeneration();
    store.invalidate(uri('a.txt')); // an edit after the scan was sent
    const changed = store.accept(FOLDER, scan, [{ uri: uri('a.txt'), file: file('a.txt') }, { uri: uri('b.txt'), file: file('b.txt') }], []);
    assert.deepStrictEqual(changed, [uri('b.txt')]);
    assert.strictEqual(store.get(uri('a.txt')), undefined);
  });

  it('accepts the reply to the newest change, and an affected file from it', () => {
    store.invalidate(uri('a.txt'));
    const edit = store.invalidate(uri('a.txt'));
    const changed = store.accept(FOLDER, edit, [{ uri: uri('a.txt'), file: file('a.txt', 7) }, { uri: uri('b.txt'), file: file('b.txt') }], []);
    assert.deepStrictEqual(changed, [uri('a.txt'), uri('b.txt')]);
  });

  it('drops findings computed for another version of an open document', () => {
    open.set(uri('a.txt'), 9);
    const g = store.nextGeneration();
    assert.deepStrictEqual(store.accept(FOLDER, g, [{ uri: uri('a.txt'), file: file('a.txt', 8) }], []), []);
    assert.deepStrictEqual(store.accept(FOLDER, g, [{ uri: uri('a.txt'), file: file('a.txt', 9) }], []), [uri('a.txt')]);
    // Findings from the disk's text carry no version and are taken (a change not yet sent would have invalidated).
    assert.deepStrictEqual(store.accept(FOLDER, g, [{ uri: uri('a.txt'), file: file('a.txt') }], []), [uri('a.txt')]);
  });

  it('removes files a reply says left the index, even if they changed since (a later reply brings them back)', () => {
    const g1 = store.nextGeneration();
    store.accept(FOLDER, g1, [{ uri: uri('a.txt'), file: file('a.txt') }, { uri: uri('b.txt'), file: file('b.txt') }], []);
    const g2 = store.nextGeneration();
    store.invalidate(uri('b.txt')); // b.txt was created again after the deletion was sent
    assert.deepStrictEqual(store.accept(FOLDER, g2, [], [uri('a.txt'), uri('b.txt'), uri('never.txt')]), [uri('a.txt'), uri('b.txt')]);
    assert.deepStrictEqual(store.uris(), []);
  });

  it('after a scan, forgets the folder\'s files it did not report, unless they changed since it was sent', async () => {
    const old = store.nextGeneration();
    store.accept(FOLDER, old, ['a.txt', 'b.txt', 'c.txt'].map((p) => ({ uri: uri(p), file: file(p) })), []);
    store.accept('file:///other', old, [{ uri: 'file:///other/c.txt', file: file('c.txt') }], []);
    const scan = store.nextGeneration();
    store.invalidate(uri('c.txt')); // created after the scan was sent
    store.accept(FOLDER, scan, [{ uri: uri('a.txt'), file: file('a.txt') }], []);
    assert.deepStrictEqual(await store.retainScanned(FOLDER, scan, new Set([uri('a.txt')])), [uri('b.txt')]);
    assert.deepStrictEqual(store.uris().sort(), [uri('a.txt'), uri('c.txt'), 'file:///other/c.txt']);
  });

  it('invalidates several files with one generation', () => {
    const before = store.nextGeneration();
    const g = store.invalidateAll([uri('a.txt'), uri('b.txt')]);
    assert.ok(g > before);
    assert.deepStrictEqual(store.accept(FOLDER, before, [{ uri: uri('a.txt'), file: file('a.txt') }, { uri: uri('b.txt'), file: file('b.txt') }], []), []);
    assert.deepStrictEqual(store.accept(FOLDER, g, [{ uri: uri('a.txt'), file: file('a.txt') }], []), [uri('a.txt')]);
  });

  it('forgets a folder', () => {
    const g = store.nextGeneration();
    store.accept(FOLDER, g, [{ uri: uri('a.txt'), file: file('a.txt') }], []);
    store.accept('file:///other', g, [{ uri: 'file:///other/c.txt', file: file('c.txt') }], []);
    assert.deepStrictEqual(store.clearFolder(FOLDER), [uri('a.txt')]);
    assert.deepStrictEqual(store.uris(), ['file:///other/c.txt']);
    assert.deepStrictEqual(events[events.length - 1], [uri('a.txt')]);
  });

  it('lists the files a scan found apart from their findings, and forgets those it never analysed when it ends', () => {
    const listedEvents: string[][] = [];
    store.onDidList((uris) => listedEvents.push([...uris]));
    const g = store.nextGeneration();
    store.accept(FOLDER, g, [{ uri: uri('old.txt'), file: file('old.txt') }], []);
    events = [];
    assert.deepStrictEqual(store.list(FOLDER, ['old.txt', 'a.txt', 'b.txt'].map((p) => ({ uri: uri(p), path: p }))),
      [uri('a.txt'), uri('b.txt')], 'a file with findings is not listed again');
    assert.deepStrictEqual(listedEvents, [[uri('a.txt'), uri('b.txt')]]);
    assert.deepStrictEqual(events, [], 'listing changes no findings (nothing to publish)');
    assert.strictEqual(store.listedPath(uri('a.txt')), 'a.txt');
    assert.strictEqual(store.get(uri('a.txt')), undefined);
    store.accept(FOLDER, g, [{ uri: uri('a.txt'), file: file('a.txt') }], []);
    assert.strictEqual(store.listedPath(uri('a.txt')), undefined, 'analysed: no longer only listed');
    assert.deepStrictEqual(store.endListing(FOLDER), [uri('b.txt')]);
    assert.deepStrictEqual(listedEvents[listedEvents.length - 1], [uri('b.txt')]);
    assert.strictEqual(store.listedPath(uri('b.txt')), undefined);
    assert.deepStrictEqual(store.uris().sort(), [uri('a.txt'), uri('old.txt')]);
  });
});

describe('FindingsStore with decisions', () => {
  const range = (line: number) => ({ start: { line, character: 0 }, end: { line, character: 10 } });
  // a.txt and b.txt share a passage (a: 100-200, b: 0-100); a.txt has a sign-up line at 300-340.
  const shared = (start: number, other: string, otherStart: number, line: number): WireFinding => ({
    kind: 'duplicate', code: 'duplicate.cross-file', message: `same passage as ${other}`, score: 1, start, end: start + 100, range: range(line),
    related: [{ path: other, start: otherStart, end: otherStart + 100, range: range(0) }],
  });
  const signUp: WireFinding = { kind: 'boilerplate', code: 'boilerplate.sign-up', message: 'sign-up prompt', score: 0.9, start: 300, end: 340, range: range(9), related: [] };
  const a: FileFindings = { path: 'a.txt', boilerplateShare: 0.1, duplicateShare: 0.3, nearDuplicates: [], findings: [shared(100, 'b.txt', 0, 3), signUp] };
  const b: FileFindings = { path: 'b.txt', boilerplateShare: 0, duplicateShare: 0.5, nearDuplicates: [], findings: [shared(0, 'a.txt', 100, 0)] };
  const c: FileFindings = { path: 'c.txt', boilerplateShare: 0, duplicateShare: 0, nearDuplicates: [], findings: [] };
  const decision = (id: string, code: string, status: PlacedDecision['status'], start: number, end: number): PlacedDecision =>
    ({ id, kind: code.startsWith('duplicate.') ? 'duplicate' : 'boilerplate', code, status, start, end });

  let recorded: Map<string, PlacedDecision[]>;
  let asked: string[];
  let store: FindingsStore;
  let events: string[][];

  beforeEach(() => {
    recorded = new Map();
    asked = [];
    store = new FindingsStore(() => undefined, { decisionsOf: (u) => { asked.push(u); return recorded.get(u); } });
    events = [];
    store.onDidChange((uris) => events.push([...uris]));
  });

  const all = () => ['a.txt', 'b.txt', 'c.txt'].map((p, i) => ({ uri: uri(p), file: [a, b, c][i] }));

  it('gives the reported findings as they are when no decision touches them', () => {
    store.accept(FOLDER, store.nextGeneration(), all(), []);
    assert.deepStrictEqual(store.get(uri('a.txt'))!.file, a);
    assert.deepStrictEqual(store.get(uri('c.txt'))!.file, c);
    assert.deepStrictEqual([...new Set(asked)].sort(), [uri('a.txt'), uri('b.txt'), uri('c.txt')], 'asked about the corpus files only');
  });

  it('gives each finding its decision, and each other copy the decision recorded in that copy\'s file', () => {
    recorded.set(uri('a.txt'), [decision('n1', 'boilerplate.*', 'dismissed', 300, 340)]);
    recorded.set(uri('b.txt'), [decision('k1', 'duplicate.cross-file', 'kept', 2, 98)]);
    store.accept(FOLDER, store.nextGeneration(), all(), []);
    assert.deepStrictEqual(store.get(uri('a.txt'))!.file.findings, [
      { ...a.findings[0], related: [{ ...a.findings[0].related[0], decision: { id: 'k1', status: 'kept' } }] },
      { ...signUp, decision: { id: 'n1', status: 'dismissed' } },
    ]);
    assert.deepStrictEqual(store.get(uri('b.txt'))!.file.findings, [{ ...b.findings[0], decision: { id: 'k1', status: 'kept' } }]);
    assert.deepStrictEqual(store.get(uri('c.txt'))!.file, c);
  });

  it('applies changed decisions again to the file and the files holding its other copies, and tells listeners', () => {
    store.accept(FOLDER, store.nextGeneration(), all(), []);
    events = [];
    recorded.set(uri('b.txt'), [decision('d1', 'duplicate.cross-file', 'dismissed', 0, 100)]);
    assert.deepStrictEqual(store.decisionsChanged(uri('b.txt')).sort(), [uri('a.txt'), uri('b.txt')]);
    assert.deepStrictEqual(events.map((e) => e.sort()), [[uri('a.txt'), uri('b.txt')]]);
    assert.deepStrictEqual(store.get(uri('b.txt'))!.file.findings[0].decision, { id: 'd1', status: 'dismissed' });
    assert.deepStrictEqual(store.get(uri('a.txt'))!.file.findings[0].related[0].decision, { id: 'd1', status: 'dismissed' });
    // Taken back: both files show the findings as reported again.
    recorded.delete(uri('b.txt'));
    assert.deepStrictEqual(store.decisionsChanged(uri('b.txt')).sort(), [uri('a.txt'), uri('b.txt')]);
    assert.deepStrictEqual(store.get(uri('a.txt'))!.file, a);
    assert.deepStrictEqual(store.get(uri('b.txt'))!.file, b);
    // Nothing decided before or after: still told (a sidecar changed), but c.txt, which shares nothing, is not.
    events = [];
    assert.deepStrictEqual(store.decisionsChanged(uri('b.txt')), [uri('b.txt'), uri('a.txt')]);
    assert.deepStrictEqual(store.decisionsChanged(uri('c.txt')), [uri('c.txt')]);
    assert.deepStrictEqual(store.decisionsChanged(uri('never.txt')), []);
    assert.deepStrictEqual(events, [[uri('b.txt'), uri('a.txt')], [uri('c.txt')]]);
  });

  it('gives a file that arrived before the file of its other copy that copy\'s decisions once that file arrives', () => {
    recorded.set(uri('b.txt'), [decision('k1', 'duplicate.cross-file', 'kept', 0, 100)]);
    const g = store.nextGeneration();
    store.accept(FOLDER, g, [{ uri: uri('a.txt'), file: a }], []);
    assert.deepStrictEqual(store.get(uri('a.txt'))!.file, a, 'b.txt is not known yet');
    events = [];
    assert.deepStrictEqual(store.accept(FOLDER, g, [{ uri: uri('b.txt'), file: b }], []).sort(), [uri('a.txt'), uri('b.txt')]);
    assert.deepStrictEqual(store.get(uri('a.txt'))!.file.findings[0].related[0].decision, { id: 'k1', status: 'kept' });
    assert.deepStrictEqual(events.map((e) => e.sort()), [[uri('a.txt'), uri('b.txt')]]);
  });

  it('does not take a removed file\'s decisions for a copy in it', () => {
    recorded.set(uri('b.txt'), [decision('k1', 'duplicate.cross-file', 'kept', 0, 100)]);
    const g = store.nextGeneration();
    store.accept(FOLDER, g, all(), []);
    store.accept(FOLDER, g, [], [uri('b.txt')]);
    store.decisionsChanged(uri('a.txt'));
    assert.deepStrictEqual(store.get(uri('a.txt'))!.file, a);
  });
});
