// The findings store keeps what the index worker last reported per file and drops what a newer change has
// overtaken: replies of an older generation than the file's newest change, and findings computed for another
// version of a document open in the editor.
import * as assert from 'assert';
import { FindingsStore } from '../../../../src/vscode/findings/findingsStore';
import { FileFindings } from '../../../../src/protocol/indexProtocol';

const FOLDER = 'file:///corpus';

function file(path: string, version?: number, message = 'x'): FileFindings {
  return {
    path,
    boilerplateShare: 0,
    duplicateShare: 0,
    nearDuplicates: [],
    version,
    findings: [{ kind: 'boilerplate', code: 'boilerplate.sign-up', message, score: 1, length: 1, related: [],
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

  it('after a scan, forgets the folder\'s files it did not report, unless they changed since it was sent', () => {
    const old = store.nextGeneration();
    store.accept(FOLDER, old, ['a.txt', 'b.txt', 'c.txt'].map((p) => ({ uri: uri(p), file: file(p) })), []);
    store.accept('file:///other', old, [{ uri: 'file:///other/c.txt', file: file('c.txt') }], []);
    const scan = store.nextGeneration();
    store.invalidate(uri('c.txt')); // created after the scan was sent
    store.accept(FOLDER, scan, [{ uri: uri('a.txt'), file: file('a.txt') }], []);
    assert.deepStrictEqual(store.retainScanned(FOLDER, scan, new Set([uri('a.txt')])), [uri('b.txt')]);
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
});
