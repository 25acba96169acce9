// The annotation store: the API the editor uses (open, list, add, update, remove, reattach, live edits, save,
// reload, events), with real files in a temporary folder.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { decisionFor } from '../../../../src/core/annotations/decisions';
import { SidecarError } from '../../../../src/core/annotations/errors';
import { sourceHashOf } from '../../../../src/core/annotations/model';
import { parseSidecar } from '../../../../src/core/annotations/sidecarYaml';
import { AnnotationStore, SidecarChangeEvent } from '../../../../src/core/annotations/store';
import { decodeText } from '../../../../src/core/text';

const TEXT = 'In Tehran, the commander of the Revolutionary Guard Corps, Mohammad Ali Jafari, wrote in an open letter '
  + 'that the agreement would not hold. Officials declined to comment.\n';

let dir: string;
let seq = 0;
const ids = () => `id${String(seq++).padStart(4, '0')}`;
const fixedNow = () => new Date('2026-11-22T08:00:00.123Z');

function store(extra: ConstructorParameters<typeof AnnotationStore>[0] = {}): AnnotationStore {
  return new AnnotationStore({ author: 'tester', now: fixedNow, generateId: ids, ...extra });
}

function sourceFile(name = 'article.txt', text = TEXT): string {
  const p = path.join(dir, name);
  fs.mkdirSync(path.dirname(p), { recursive: true });
  fs.writeFileSync(p, text);
  return p;
}

const read = (p: string) => fs.readFileSync(p, 'utf8');
const at = (text: string, quote: string) => ({ start: text.indexOf(quote), end: text.indexOf(quote) + quote.length });

describe('annotations: store', () => {
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-lens-store-'));
    seq = 0;
  });
  afterEach(() => { fs.rmSync(dir, { recursive: true, force: true }); });

  it('opens a source without a sidecar empty, and writes one on the first save', async () => {
    const src = sourceFile();
    const s = await store().open(src, TEXT);
    assert.deepEqual(s.list(), []);
    assert.equal(s.sidecarPath, src + '.annotations.yaml');
    assert.deepEqual(await s.save(), { written: false, conflicts: [] }); // nothing to write: no empty file
    assert.ok(!fs.existsSync(s.sidecarPath));
    const a = s.add({ kind: 'entity', label: 'person', ...at(TEXT, 'Mohammad Ali Jafari'), attributes: { canonical: 'Mohammad Ali Jafari' } });
    assert.deepEqual(a, {
      id: 'id0000', kind: 'entity', label: 'person', quote: 'Mohammad Ali Jafari', prefix: ' the Revolutionary Guard Corps, ',
      suffix: ', wrote in an open letter that t', start: 59, end: 78, attributes: { canonical: 'Mohammad Ali Jafari' },
      author: 'tester', created: '2026-11-22T08:00:00Z',
    });
    assert.equal((await s.save()).written, true);
    assert.equal(read(s.sidecarPath), `version: 1
source: article.txt
sourceHash: ${sourceHashOf(TEXT)}
annotations:
  - id: id0000
    kind: entity
    label: person
    quote: Mohammad Ali Jafari
    prefix: " the Revolutionary Guard Corps, "
    suffix: ", wrote in an open letter that t"
    start: 59
    end: 78
    attributes: {canonical: Mohammad Ali Jafari}
    author: tester
    created: 2026-11-22T08:00:00Z
`);
    // No temporary or lock file left behind.
    assert.deepEqual(fs.readdirSync(dir).sort(), ['article.txt', 'article.txt.annotations.yaml']);
  });

  it('generates short unique ids by default: six base-36 characters', async () => {
    const s = await new AnnotationStore().open(sourceFile(), TEXT);
    const made = new Set<string>();
    for (let i = 0; i < 200; i++) { made.add(s.add({ kind: 'note', start: 0, end: 2 }).id); }
    assert.equal(made.size, 200);
    for (const id of made) { assert.match(id, /^[0-9a-z]{6}$/); }
  });

  it('updates, removes and re-attaches, firing an event for each', async () => {
    const st = store();
    const events: SidecarChangeEvent[] = [];
    const sub = st.onDidChange((e) => events.push(e));
    const s = await st.open(sourceFile(), TEXT);
    const a = s.add({ kind: 'claim', ...at(TEXT, 'the agreement would not hold'), attributes: { speaker: 'Jafari', status: 'unverified' } });
    s.update(a.id, { attributes: { speaker: 'Jafari', status: 'refuted', note: 'see the ministry' }, reviewer: 'desk' });
    assert.deepEqual(s.get(a.id)!.annotation.attributes, { speaker: 'Jafari', status: 'refuted', note: 'see the ministry' });
    assert.equal(s.get(a.id)!.annotation.reviewer, 'desk');
    assert.throws(() => s.update(a.id, { start: 3 } as never), /reattach/);
    assert.throws(() => s.update(a.id, { kind: 'boilerplate' }), SidecarError); // a decision needs status and code
    const moved = s.reattach(a.id, ...(Object.values(at(TEXT, 'Officials declined')) as [number, number]));
    assert.equal(moved.quote, 'Officials declined');
    assert.equal(s.remove(a.id), true);
    assert.equal(s.remove(a.id), false);
    sub.dispose();
    s.add({ kind: 'note', start: 0, end: 2 });
    assert.deepEqual(events.map((e) => e.reason), ['loaded', 'added', 'updated', 'reattached', 'removed']);
  });

  it('records decisions about detector findings, found again after a re-scan moved the finding slightly', async () => {
    const text = 'Sign up for our newsletter!\n\nThe article itself.\n';
    const s = await store().open(sourceFile('n.txt', text), text);
    const finding = { kind: 'boilerplate' as const, code: 'boilerplate.sign-up', start: 0, end: 27 };
    const a = s.decide(finding, 'confirmed');
    assert.deepEqual(a.attributes, { status: 'confirmed', code: 'boilerplate.sign-up' });
    // The detector now reports the block without its "!": the same decision applies, and is updated in place.
    const rescanned = { ...finding, end: 26 };
    assert.deepEqual(decisionFor(s.list(), rescanned), { id: a.id, status: 'confirmed' });
    assert.equal(s.decide(rescanned, 'dismissed').id, a.id);
    assert.equal(s.list().length, 1);
    assert.equal(decisionFor(s.list(), { ...finding, code: 'boilerplate.byline' }), undefined);
    assert.equal(decisionFor(s.list(), { ...finding, start: 29, end: 48 }), undefined);
  });

  it('refuses ranges outside the text or splitting a surrogate pair', async () => {
    const text = 'emoji 😀 here';
    const s = await store().open(sourceFile('e.txt', text), text);
    assert.throws(() => s.add({ kind: 'note', start: 5, end: 5 }), RangeError);
    assert.throws(() => s.add({ kind: 'note', start: 0, end: 99 }), RangeError);
    assert.throws(() => s.add({ kind: 'note', start: 6, end: 7 }), /surrogate/);
    assert.equal(s.add({ kind: 'note', start: 6, end: 8 }).quote, '😀');
  });

  it('moves anchors with live edits, and saves the offsets, context and hash that are right for the new text', async () => {
    const s = await store().open(sourceFile(), TEXT);
    const a = s.add({ kind: 'entity', label: 'person', ...at(TEXT, 'Mohammad Ali Jafari') });
    const c = s.add({ kind: 'claim', ...at(TEXT, 'the agreement would not hold') });
    await s.save();
    // Insert before both; then fix a typo inside the claim (two changes in one event, last first as VS Code sends).
    s.applyChanges([{ start: 0, end: 0, text: 'TEHRAN — ' }]);
    const claimAt = s.get(c.id)!.start!;
    s.applyChanges([{ start: claimAt + 19, end: claimAt + 23, text: 'n\'t' }, { start: 3, end: 9, text: 'Teheran' }]);
    const text = s.text;
    assert.equal(text.slice(s.get(a.id)!.start!, s.get(a.id)!.end!), 'Mohammad Ali Jafari');
    assert.equal(s.get(a.id)!.outcome, 'moved');
    assert.equal(s.get(c.id)!.outcome, 'fuzzy');
    assert.equal(text.slice(s.get(c.id)!.start!, s.get(c.id)!.end!), 'the agreement wouldn\'t hold');
    assert.ok(s.dirty);
    await s.save();
    assert.ok(!s.dirty);
    const saved = parseSidecar(read(s.sidecarPath), 'x').data;
    assert.equal(saved.sourceHash, sourceHashOf(text));
    for (const x of saved.annotations) { assert.equal(text.slice(x.start, x.end), x.quote); }
    assert.equal(saved.annotations[1].quote, 'the agreement wouldn\'t hold');
    assert.deepEqual(s.list().map((x) => x.outcome), ['exact', 'exact']);
    // A fresh store against the same text agrees.
    const again = await store().open(s.sourcePath, text);
    assert.deepEqual(again.list().map((x) => [x.outcome, x.start, x.end]), s.list().map((x) => ['exact', x.start, x.end]));
  });

  it('keeps an orphan in the file, reports it, and lets it be re-attached', async () => {
    const s = await store().open(sourceFile(), TEXT);
    const a = s.add({ kind: 'entity', ...at(TEXT, 'Mohammad Ali Jafari') });
    await s.save();
    const edited = TEXT.replace('Mohammad Ali Jafari', 'a senior officer');
    const s2 = await store().open(s.sourcePath, edited);
    assert.equal(s2.get(a.id)!.outcome, 'orphaned');
    assert.equal(s2.get(a.id)!.start, null);
    await s2.save();
    const kept = parseSidecar(read(s.sidecarPath), 'x').data.annotations[0];
    assert.equal(kept.quote, 'Mohammad Ali Jafari'); // untouched, waiting to be re-attached
    assert.equal(kept.start, 59);
    s2.reattach(a.id, edited.indexOf('a senior officer'), edited.indexOf('a senior officer') + 16);
    assert.equal(s2.get(a.id)!.outcome, 'exact');
    await s2.save();
    assert.equal(parseSidecar(read(s.sidecarPath), 'x').data.annotations[0].quote, 'a senior officer');
  });

  it('merges what another writer put on disk since we read it, keeping their comments', async () => {
    const s = await store().open(sourceFile(), TEXT);
    const a = s.add({ kind: 'claim', ...at(TEXT, 'the agreement would not hold'), attributes: { status: 'unverified' } });
    await s.save();
    // Someone edits the file by hand: a comment, a status change, a new annotation.
    const onDisk = read(s.sidecarPath)
      .replace('annotations:\n', 'annotations:\n  # checked by the desk\n')
      .replace('attributes: {status: unverified}', 'attributes:\n      status: supported # per the ministry')
      + `  - id: hand01\n    kind: note\n    quote: Officials\n    start: ${TEXT.indexOf('Officials')}\n    end: ${TEXT.indexOf('Officials') + 9}\n`;
    fs.writeFileSync(s.sidecarPath, onDisk);
    // Meanwhile we add one and move the claim with an edit.
    s.add({ kind: 'entity', ...at(TEXT, 'Tehran') });
    s.applyChanges([{ start: 0, end: 0, text: '>> ' }]);
    const result = await s.save();
    assert.deepEqual(result.conflicts, []);
    const out = read(s.sidecarPath);
    assert.ok(out.includes('# checked by the desk') && out.includes('status: supported # per the ministry'));
    const data = parseSidecar(out, 'x').data;
    assert.deepEqual(data.annotations.map((x) => x.id), [a.id, 'hand01', 'id0001']);
    assert.equal(data.annotations[0].start, TEXT.indexOf('the agreement') + 3);
    assert.equal(data.annotations[1].start, TEXT.indexOf('Officials') + 3); // theirs, re-anchored against our text
  });

  it('reports a true conflict and keeps both versions', async () => {
    const st = store();
    const events: SidecarChangeEvent[] = [];
    st.onDidChange((e) => events.push(e));
    const s = await st.open(sourceFile(), TEXT);
    const a = s.add({ kind: 'entity', label: 'person', ...at(TEXT, 'Mohammad Ali Jafari') });
    await s.save();
    fs.writeFileSync(s.sidecarPath, read(s.sidecarPath).replace('label: person', 'label: organization'));
    s.update(a.id, { label: 'event' });
    const r = await s.save();
    assert.deepEqual(r.conflicts, [{ id: a.id, reason: 'changed-on-both-sides', oursId: 'id0001' }]);
    assert.deepEqual(events.at(-1)!.conflicts, r.conflicts);
    const data = parseSidecar(read(s.sidecarPath), 'x').data;
    assert.deepEqual(data.annotations.map((x) => [x.id, x.label]), [[a.id, 'organization'], ['id0001', 'event']]);
    assert.deepEqual(s.list().map((x) => x.annotation.label), ['organization', 'event']);
  });

  it('never writes over a sidecar that became invalid on disk', async () => {
    const s = await store().open(sourceFile(), TEXT);
    s.add({ kind: 'note', start: 0, end: 2 });
    await s.save();
    const broken = read(s.sidecarPath).replace('end: 2', 'end: [2');
    fs.writeFileSync(s.sidecarPath, broken);
    s.add({ kind: 'note', start: 3, end: 9 });
    await assert.rejects(s.save(), (e: unknown) => e instanceof SidecarError && e.reason === 'syntax' && /:\d+:\d+: /.test(e.message));
    assert.equal(read(s.sidecarPath), broken);
    assert.equal(s.list().length, 2, 'the unsaved annotation is still held');
  });

  it('refuses to open an invalid or oversized sidecar, with its place', async () => {
    const src = sourceFile();
    fs.writeFileSync(src + '.annotations.yaml', 'version: 1\nannotations:\n  - id: a\n    kind: entity\n');
    await assert.rejects(store().open(src, TEXT), /article\.txt\.annotations\.yaml:3:5: annotation 1: annotation is missing "quote"/);
    fs.writeFileSync(src + '.annotations.yaml', 'version: 1\nannotations: []\n# ' + 'x'.repeat(5000) + '\n');
    await assert.rejects(store({ limits: { maxBytes: 1000 } }).open(src, TEXT), (e: unknown) => e instanceof SidecarError && e.reason === 'too-large');
  });

  it('reloads changes made on disk into the session, keeping unsaved work', async () => {
    const s = await store().open(sourceFile(), TEXT);
    const a = s.add({ kind: 'entity', ...at(TEXT, 'Tehran') });
    await s.save();
    fs.writeFileSync(s.sidecarPath, read(s.sidecarPath).replace('kind: entity', 'kind: entity\n    label: location'));
    const unsaved = s.add({ kind: 'note', ...at(TEXT, 'Officials') });
    assert.deepEqual(await s.reload(), { conflicts: [] });
    assert.equal(s.get(a.id)!.annotation.label, 'location');
    assert.ok(s.get(unsaved.id));
    assert.ok(s.dirty);
  });

  it('serialises saves of one session and keeps edits made while a save is writing', async () => {
    const s = await store().open(sourceFile(), TEXT);
    s.add({ kind: 'note', start: 0, end: 2 });
    const first = s.save();
    s.add({ kind: 'note', start: 3, end: 9 }); // while the first save is in flight
    const second = s.save();
    await Promise.all([first, second]);
    assert.equal(parseSidecar(read(s.sidecarPath), 'x').data.annotations.length, 2);
    assert.ok(!s.dirty);
  });

  it('counts offsets in UTF-16 code units of the text without its BOM, with CRLF and characters outside the BMP', async () => {
    const bytes = Buffer.from('\ufeffTitle 😀\r\n\r\n東京都庁 𠮷野家 said the plan was sound.\r\n', 'utf8');
    const src = path.join(dir, 'bom.txt');
    fs.writeFileSync(src, bytes);
    const decoded = decodeText(fs.readFileSync(src), { maxFileBytes: 1 << 20 });
    assert.ok(decoded.ok && decoded.hadBom);
    const text = decoded.ok ? decoded.text : '';
    const s = await store().open(src, text);
    const quote = '𠮷野家 said the plan';
    const a = s.add({ kind: 'claim', ...at(text, quote) });
    assert.deepEqual([a.start, a.end], [17, 35]); // "Title 😀" is 8 units, two CRLF 4, "東京都庁 " 5; 𠮷 is 2
    await s.save();
    s.applyChanges([{ start: 6, end: 8, text: '🚀🚀' }, { start: 0, end: 0, text: '\r\n' }]);
    assert.deepEqual([s.get(a.id)!.start, s.get(a.id)!.end], [21, 39]);
    assert.equal(s.text.slice(21, 39), quote);
    await s.save();
    const reopened = await store().open(src, s.text);
    assert.deepEqual([reopened.get(a.id)!.outcome, reopened.get(a.id)!.start], ['exact', 21]);
  });
});
