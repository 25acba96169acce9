// The workers' document store, fed by the document channel: incremental changes applied in order (UTF-16 offsets,
// CRLF line ends and characters outside the Basic Multilingual Plane counted as VS Code counts them), whole-text
// changes, changes no newer than the version held ignored, a change that does not fit dropping the document, a
// document found by URI and by folder and path, and close forgetting it.
import * as assert from 'assert';
import { applyChanges, DocumentStore } from '../../../src/worker/documentStore';
import { DocumentSync } from '../../../src/protocol/documentProtocol';

const URI = 'file:///corpus/a.txt';

function storeWith(text: string, version = 1): DocumentStore {
  const store = new DocumentStore();
  assert.ok(store.apply({ type: 'didOpen', uri: URI, folder: 'file:///corpus', path: 'a.txt', version, text }));
  return store;
}

const change = (version: number, ...changes: { rangeOffset?: number; rangeLength?: number; text: string }[]): DocumentSync =>
  ({ type: 'didChange', uri: URI, version, changes });

describe('document store', () => {
  it('applies incremental changes in order, at UTF-16 offsets', () => {
    const store = storeWith('Harbour board meets\nThe master said so.\n');
    // As VS Code lists a multi-cursor edit: the later place first, so that each offset holds when it is applied.
    assert.ok(store.apply(change(2, { rangeOffset: 24, rangeLength: 6, text: 'harbour master' }, { rangeOffset: 0, rangeLength: 7, text: 'Port' })));
    assert.deepStrictEqual(store.get(URI), {
      uri: URI, folder: 'file:///corpus', path: 'a.txt', version: 2, text: 'Port board meets\nThe harbour master said so.\n',
    });
    assert.ok(store.apply(change(3, { rangeOffset: 16, rangeLength: 1, text: '' })));
    assert.strictEqual(store.get(URI)?.text, 'Port board meetsThe harbour master said so.\n');
  });

  it('keeps CRLF line ends as two code units, and edits across them', () => {
    const store = storeWith('one\r\ntwo\r\nthree\r\n');
    // Join "two" and "three" (delete the CRLF between them), then break "one" with a new CRLF.
    assert.ok(store.apply(change(2, { rangeOffset: 8, rangeLength: 2, text: ' ' })));
    assert.strictEqual(store.get(URI)?.text, 'one\r\ntwo three\r\n');
    assert.ok(store.apply(change(3, { rangeOffset: 2, rangeLength: 0, text: '\r\n' })));
    assert.strictEqual(store.get(URI)?.text, 'on\r\ne\r\ntwo three\r\n');
  });

  it('counts a character outside the BMP as two code units', () => {
    const store = storeWith('Caf\u00e9 \u{1F600} \u{10348}ok');
    // 'Café ' is 5 units, the emoji 2, a space, then U+10348 (2 units): replace the emoji, then the Gothic letter.
    assert.ok(store.apply(change(2, { rangeOffset: 5, rangeLength: 2, text: ':)' })));
    assert.strictEqual(store.get(URI)?.text, 'Caf\u00e9 :) \u{10348}ok');
    assert.ok(store.apply(change(3, { rangeOffset: 8, rangeLength: 2, text: '\u{1D11E}' })));
    assert.strictEqual(store.get(URI)?.text, 'Caf\u00e9 :) \u{1D11E}ok');
  });

  it('replaces the whole text for a change without a range', () => {
    const store = storeWith('a\r\nb\r\n');
    assert.ok(store.apply(change(2, { text: 'a\nb\n' })));
    assert.strictEqual(store.get(URI)?.text, 'a\nb\n');
  });

  it('ignores a change no newer than the version held, and one for a document not open', () => {
    const store = storeWith('abc', 5);
    assert.ok(!store.apply(change(5, { rangeOffset: 0, rangeLength: 1, text: 'X' })), 'the same version again');
    assert.ok(!store.apply(change(4, { rangeOffset: 0, rangeLength: 1, text: 'Y' })), 'an older version');
    assert.deepStrictEqual([store.get(URI)?.version, store.get(URI)?.text], [5, 'abc']);
    // Versions may skip (the host sends only the changes of corpus documents it saw).
    assert.ok(store.apply(change(8, { rangeOffset: 3, rangeLength: 0, text: 'd' })));
    assert.deepStrictEqual([store.get(URI)?.version, store.get(URI)?.text], [8, 'abcd']);
    assert.ok(!store.apply({ type: 'didChange', uri: 'file:///corpus/other.txt', version: 9, changes: [{ text: 'x' }] }));
    assert.strictEqual(store.size, 1);
  });

  it('drops a document when a change does not fit its text, so that the file on disk is read instead', () => {
    const store = storeWith('short');
    assert.ok(!store.apply(change(2, { rangeOffset: 3, rangeLength: 10, text: '' })));
    assert.strictEqual(store.get(URI), undefined);
    assert.strictEqual(store.find('file:///corpus', 'a.txt'), undefined);
    assert.strictEqual(applyChanges('abc', [{ rangeOffset: -1, rangeLength: 0, text: 'x' }]), undefined);
    assert.strictEqual(applyChanges('abc', [{ rangeOffset: 1.5, rangeLength: 0, text: 'x' }]), undefined);
  });

  it('finds a document by folder and path, and forgets it on close', () => {
    const store = storeWith('text');
    store.apply({ type: 'didOpen', uri: 'file:///other/b.txt', folder: 'file:///other', path: 'b.txt', version: 1, text: 'b' });
    assert.strictEqual(store.find('file:///corpus', 'a.txt')?.uri, URI);
    assert.deepStrictEqual([...store.inFolder('file:///other').keys()], ['b.txt']);
    assert.ok(store.apply({ type: 'didClose', uri: URI }));
    assert.strictEqual(store.get(URI), undefined);
    assert.strictEqual(store.find('file:///corpus', 'a.txt'), undefined);
    assert.deepStrictEqual([...store.inFolder('file:///corpus').keys()], []);
    assert.ok(!store.apply({ type: 'didClose', uri: URI }), 'closed twice');
    assert.ok(!store.apply(change(2, { text: 'again' })), 'a change after close');
  });

  it('opens a document again with the text and version sent (a worker restarted, or the file left and came back)', () => {
    const store = storeWith('old', 7);
    assert.ok(store.apply({ type: 'didOpen', uri: URI, folder: 'file:///corpus', path: 'moved/a.txt', version: 2, text: 'new' }));
    assert.deepStrictEqual([store.get(URI)?.path, store.get(URI)?.version, store.get(URI)?.text], ['moved/a.txt', 2, 'new']);
    assert.strictEqual(store.find('file:///corpus', 'a.txt'), undefined);
    assert.strictEqual(store.size, 1);
  });
});
