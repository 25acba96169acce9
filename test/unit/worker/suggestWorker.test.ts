// The suggestion worker's service, driven in this thread: it reads a folder's sidecars into the corpus gazetteer,
// proposes a string tagged in another file, leaves out what the document's own annotations tagged or turned down
// (entities and claims), reads a changed sidecar again, skips a request overtaken by a newer one for the same
// document or naming a version the document channel does not hold, and searches the corpus (whole-word
// occurrences, identical lines) in the texts the channel sent before the disk's, beside the queue, until cancelled,
// streaming what it finds in bounded pages of which only a few are out before the host acknowledges one.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Annotation } from '../../../src/core/annotations/model';
import { Gazetteer, suggest } from '../../../src/core/suggest';
import { SuggestService, warmUpText } from '../../../src/worker/suggestWorker';
import {
  FoundFile, SEARCH_PAGES_IN_FLIGHT, SEARCH_PAGE_PLACES, SuggestWorkerReply, SuggestWorkerRequest, UnsentSuggestRequest,
} from '../../../src/protocol/suggestProtocol';

const A = 'Harbour board meets\n\nThe harbour master, Ingrid Solvang, said on Tuesday that 1,200 boats used the marina last year, '
  + 'up 14 percent on the year before. Members of Kestrel Rowing asked for a second slipway.\n';
const B = 'Regatta moved\n\nKestrel Rowing will hold its regatta in June instead of May. The club said it had 85 members in March, twice as many as in 2019.\n';

function sidecarFor(file: string, annotations: Partial<Annotation>[]): string {
  const items = annotations.map((a, i) => [
    `  - id: t${i}`, `    kind: ${a.kind}`, ...(a.label ? [`    label: ${a.label}`] : []), `    quote: ${JSON.stringify(a.quote)}`,
    `    start: ${a.start}`, `    end: ${a.end}`,
    ...(a.attributes ? [`    attributes: ${JSON.stringify(a.attributes)}`] : []),
  ].join('\n'));
  return `version: 1\nsource: ${file}\nannotations:\n${items.join('\n')}\n`;
}

function tagOf(text: string, quote: string, extra: Partial<Annotation>): Annotation {
  const start = text.indexOf(quote);
  assert.ok(start >= 0, quote);
  return { id: `x${start}`, kind: 'entity', quote, start, end: start + quote.length, ...extra } as Annotation;
}

type Suggestions = Extract<SuggestWorkerReply, { type: 'suggestions' }>;

describe('suggestion worker service', () => {
  let root: string;
  let replies: SuggestWorkerReply[];
  let service: SuggestService;
  let nextId: number;
  /** Whether search pages are acknowledged as they come (as the host does once it has taken one in). */
  let acking: boolean;
  /** A service whose replies go to `replies`, search pages acknowledged a turn later while `acking`. */
  const serviceOf = (sliceMs?: number) => {
    const made: SuggestService = new SuggestService((r) => {
      replies.push(r);
      if (r.type === 'foundPage' && acking) { setImmediate(() => made.receive({ type: 'searchAck', id: 0, search: r.id })); }
    }, sliceMs);
    return made;
  };
  /** The files of a search's pages, in order. */
  const foundFiles = (id: number): FoundFile[] => replies.flatMap((r) => (r.id === id && r.type === 'foundPage' ? r.files : []));

  const send = async (...reqs: UnsentSuggestRequest[]) => {
    const ids = reqs.map((req) => {
      const id = nextId++;
      service.receive({ ...req, id } as SuggestWorkerRequest);
      return id;
    });
    await service.idle();
    return ids.map((id) => replies.find((r) => r.id === id && r.type !== 'searchProgress' && r.type !== 'foundPage')!);
  };
  const suggestB = (annotations: Annotation[] = [], generation = 1, claims = false) => ({
    type: 'suggest' as const, folder: 'f', doc: 'b', version: 3, generation, annotations, entities: true, claims,
  });
  /** Opens a.txt and b.txt by the document channel (as 'a' and 'b', version 3), with the texts on disk. */
  const openAB = () => {
    service.receive({ type: 'didOpen', uri: 'a', folder: 'f', path: 'a.txt', version: 3, text: A });
    service.receive({ type: 'didOpen', uri: 'b', folder: 'f', path: 'b.txt', version: 3, text: B });
  };
  const texts = (r: SuggestWorkerReply) => (r as Suggestions).suggestions.map((s) => `${s.kind}:${s.kind === 'entity' ? s.label : ''}:${s.text}`);

  beforeEach(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-lens-suggest-'));
    fs.writeFileSync(path.join(root, 'a.txt'), A);
    fs.writeFileSync(path.join(root, 'b.txt'), B);
    const rowing = A.indexOf('Kestrel Rowing');
    fs.writeFileSync(path.join(root, 'a.txt.annotations.yaml'), sidecarFor('a.txt', [
      { kind: 'entity', label: 'organization', quote: 'Kestrel Rowing', start: rowing, end: rowing + 'Kestrel Rowing'.length },
    ]));
    replies = [];
    nextId = 1;
    acking = true;
    service = serviceOf();
    openAB();
    const [done] = await send({ type: 'folder', folder: 'f', root, selection: { include: ['**/*.txt'], exclude: [] } });
    assert.deepStrictEqual(done, { type: 'done', id: 1, problems: [] });
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('proposes a string tagged in another file, with its label, and names the version and generation', async () => {
    const [r] = await send(suggestB());
    assert.strictEqual(r.type, 'suggestions');
    const s = r as Suggestions;
    assert.deepStrictEqual([s.doc, s.version, s.generation], ['b', 3, 1]);
    const rowing = s.suggestions.find((x) => x.text === 'Kestrel Rowing');
    assert.ok(rowing && rowing.kind === 'entity');
    assert.deepStrictEqual([rowing.label, rowing.source, rowing.start], ['organization', 'gazetteer', B.indexOf('Kestrel Rowing')]);
    assert.ok(!texts(r).some((t) => t.startsWith('claim')), 'claims are off in this request');
  });

  it('leaves out what the document tagged and the mentions it turned down', async () => {
    const [r] = await send(suggestB([tagOf(B, 'Kestrel Rowing', { label: 'organization', attributes: { status: 'rejected' } })]));
    assert.ok(!texts(r).some((t) => t.endsWith(':Kestrel Rowing')), texts(r).join('; '));
  });

  it('leaves out a claim the document turned down, and proposes it otherwise', async () => {
    const sentence = 'The club said it had 85 members in March, twice as many as in 2019.';
    const [on] = await send(suggestB([], 1, true));
    assert.ok(texts(on).includes(`claim::${sentence}`), texts(on).join('; '));
    const [off] = await send(suggestB([tagOf(B, sentence, { kind: 'claim', attributes: { status: 'rejected' } })], 2, true));
    assert.ok(!texts(off).includes(`claim::${sentence}`), texts(off).join('; '));
  });

  it('reads a changed sidecar again: a string turned down as often as tagged is no longer proposed', async () => {
    const rowing = B.indexOf('Kestrel Rowing');
    fs.writeFileSync(path.join(root, 'b.txt.annotations.yaml'), sidecarFor('b.txt', [
      { kind: 'entity', label: 'organization', quote: 'Kestrel Rowing', start: rowing, end: rowing + 14, attributes: { status: 'rejected' } },
    ]));
    const [done, r] = await send({ type: 'sidecars', folder: 'f', sources: [path.join(root, 'b.txt')] }, { ...suggestB(), doc: 'a' });
    assert.deepStrictEqual(done, { type: 'done', id: 2, problems: [] });
    assert.ok(!texts(r).some((t) => t.endsWith(':Kestrel Rowing')), texts(r).join('; '));
  });

  it('reports an invalid sidecar by name and keeps what it last read from it', async () => {
    fs.writeFileSync(path.join(root, 'a.txt.annotations.yaml'), 'version: 1\nannotations: [\n');
    const [done, r] = await send({ type: 'sidecars', folder: 'f', sources: [path.join(root, 'a.txt')] }, suggestB());
    assert.strictEqual(done.type, 'done');
    assert.match((done as { problems: string[] }).problems[0], /^a\.txt\.annotations\.yaml: invalid sidecar, not used/);
    assert.ok(texts(r).includes('entity:organization:Kestrel Rowing'));
  });

  it('skips a request that a later one for the same document overtook', async () => {
    const [first, second] = await send(suggestB([], 1), suggestB([], 2));
    assert.deepStrictEqual(first, { type: 'skipped', id: 2 });
    assert.strictEqual((second as Suggestions).generation, 2);
  });

  it('skips a request for a version it does not hold, and suggests from the text the channel changed', async () => {
    const at = B.indexOf('Kestrel Rowing');
    // "Kestrel Rowing" becomes "The Kestrel Rowing" at version 4: a request for version 3 is out of date.
    service.receive({ type: 'didChange', uri: 'b', version: 4, changes: [{ rangeOffset: at, rangeLength: 0, text: 'The ' }] });
    const [old] = await send(suggestB());
    assert.deepStrictEqual(old, { type: 'skipped', id: 2 });
    const [r] = await send({ ...suggestB(), version: 4 });
    const rowing = (r as Suggestions).suggestions.find((x) => x.text === 'Kestrel Rowing');
    assert.strictEqual(rowing?.start, at + 4);
    service.receive({ type: 'didClose', uri: 'b' });
    assert.deepStrictEqual((await send({ ...suggestB(), version: 4 }))[0], { type: 'skipped', id: 4 });
  });

  it('finds whole-word occurrences in every corpus file, with their lines, the editor\'s text first', async () => {
    fs.writeFileSync(path.join(root, 'c.txt'), 'A Kestrel Rowingclub is not it, nor is ex-Kestrel Rowing.\n');
    service.receive({ type: 'didChange', uri: 'b', version: 4, changes: [{ text: 'Kestrel Rowing and\r\nkestrel rowing.' }] });
    const [r] = await send({ type: 'search', folder: 'f', query: { kind: 'text', needle: 'Kestrel Rowing' } });
    assert.deepStrictEqual(r, { type: 'found', id: r.id, files: 2, places: 2, unreadable: 0, skipped: 0 });
    const files = foundFiles(r.id);
    assert.deepStrictEqual(files.map((f) => [f.path, f.places.length]), [['a.txt', 1], ['b.txt', 1]]);
    const [place] = files[0].places;
    // The text matched is the needle itself: not repeated in each place.
    assert.deepStrictEqual([place.start, place.quote, place.line, place.lineText?.includes('Members of Kestrel Rowing')], [A.indexOf('Kestrel Rowing'), undefined, 2, true]);
    const [blind] = await send({ type: 'search', folder: 'f', query: { kind: 'text', needle: 'Kestrel Rowing', caseSensitive: false } });
    assert.ok(blind.type === 'found');
    assert.deepStrictEqual(foundFiles(blind.id)[1].places.map((p) => [p.quote, p.line, p.character]), [[undefined, 0, 0], ['kestrel rowing', 1, 0]]);
  });

  it('gives the text of their lines to the first places asked for only', async () => {
    const [r] = await send({ type: 'search', folder: 'f', query: { kind: 'text', needle: 'Kestrel Rowing' }, lineTexts: 1 });
    assert.deepStrictEqual(foundFiles(r.id).map((f) => f.places.map((p) => p.lineText)), [
      [A.split('\n')[2]], [undefined],
    ]);
  });

  it('finds every line whose trimmed text is the one asked for', async () => {
    fs.writeFileSync(path.join(root, 'c.txt'), 'Share this page\nBody text.\n  Share this page  \nShare this page now\n');
    const [r] = await send({ type: 'search', folder: 'f', query: { kind: 'lines', line: 'Share this page' } });
    assert.ok(r.type === 'found');
    assert.deepStrictEqual(foundFiles(r.id).map((f) => [f.path, f.places.map((p) => p.line)]), [['c.txt', [0, 2]]]);
  });

  it('streams a search in pages of a bounded size, and waits while a few are not acknowledged', async () => {
    // Eight files of 60% of a page's places each: a page closes at the file that fills it, so four pages of two.
    const perFile = Math.ceil(SEARCH_PAGE_PLACES * 0.6);
    for (let i = 0; i < 8; i++) { fs.writeFileSync(path.join(root, `m${i}.txt`), 'oar '.repeat(perFile)); }
    acking = false;
    const id = nextId++;
    service.receive({ type: 'search', id, folder: 'f', query: { kind: 'text', needle: 'oar' } });
    const pages = () => replies.filter((r) => r.id === id && r.type === 'foundPage').length;
    for (let i = 0; i < 50 && pages() < SEARCH_PAGES_IN_FLIGHT; i++) { await new Promise((r) => setTimeout(r, 5)); }
    // Time for it to run ahead, which it must not.
    await new Promise((r) => setTimeout(r, 50));
    assert.strictEqual(pages(), SEARCH_PAGES_IN_FLIGHT);
    assert.ok(!replies.some((r) => r.id === id && r.type === 'found'));
    acking = true;
    service.receive({ type: 'searchAck', id: 0, search: id });
    await service.idle();
    const sizes = replies.filter((r) => r.id === id && r.type === 'foundPage').map((r) => (r.type === 'foundPage' ? r.files.map((f) => f.places.length) : []));
    assert.deepStrictEqual(sizes, [[perFile, perFile], [perFile, perFile], [perFile, perFile], [perFile, perFile]]);
    const found = replies.find((r) => r.id === id && r.type === 'found');
    assert.deepStrictEqual(found, { type: 'found', id, files: 8, places: 8 * perFile, unreadable: 0, skipped: 0 });
  });

  it('stops a search that waits for an ack when it is cancelled', async () => {
    for (let i = 0; i < 8; i++) { fs.writeFileSync(path.join(root, `m${i}.txt`), 'oar '.repeat(SEARCH_PAGE_PLACES)); }
    acking = false;
    const id = nextId++;
    service.receive({ type: 'search', id, folder: 'f', query: { kind: 'text', needle: 'oar' } });
    for (let i = 0; i < 50 && replies.filter((r) => r.id === id && r.type === 'foundPage').length < SEARCH_PAGES_IN_FLIGHT; i++) { await new Promise((r) => setTimeout(r, 5)); }
    service.receive({ type: 'cancel', id: 0, search: id });
    await service.idle();
    assert.deepStrictEqual(replies.filter((r) => r.id === id && r.type !== 'searchProgress').map((r) => r.type), [...Array<string>(SEARCH_PAGES_IN_FLIGHT).fill('foundPage'), 'skipped']);
  });

  it('stops a search that a cancel names, and answers other requests meanwhile', async () => {
    for (let i = 0; i < 20; i++) { fs.writeFileSync(path.join(root, `n${String(i).padStart(2, '0')}.txt`), `Notice ${i} from Kestrel Rowing.\n`); }
    service = serviceOf(0);
    openAB();
    replies = [];
    await send({ type: 'folder', folder: 'f', root, selection: { include: ['**/*.txt'], exclude: [] } });
    const search = nextId;
    const [cancelled, suggested] = await send(
      { type: 'search', folder: 'f', query: { kind: 'text', needle: 'Kestrel Rowing' } }, suggestB(), { type: 'cancel', search },
    );
    assert.deepStrictEqual(cancelled, { type: 'skipped', id: search });
    assert.strictEqual(suggested.type, 'suggestions');
    const [whole] = await send({ type: 'search', folder: 'f', query: { kind: 'text', needle: 'Kestrel Rowing' } });
    assert.ok(whole.type === 'found' && whole.files === 22, whole.type);
  });

  it('answers a request for a folder it has not read with an error', async () => {
    const [r] = await send({ ...suggestB(), folder: 'elsewhere' });
    assert.strictEqual(r.type, 'error');
  });

  it('warms up on a text of its own with every kind of suggestion, and reports the runs it made', async () => {
    const text = warmUpText();
    assert.ok(text.length >= 20_000 && text.length < 21_000, `${text.length}`);
    const made = suggest(text, { entities: true, claims: true, gazetteer: Gazetteer.fromEntries([{ text: 'Quarry Lane', label: 'location' }]) });
    const kinds = new Set(made.map((x) => (x.kind === 'entity' ? `${x.label}/${x.source}` : 'claim')));
    for (const k of ['person/nlp', 'organization/nlp', 'location/nlp', 'location/gazetteer', 'claim']) { assert.ok(kinds.has(k), `${k} in ${[...kinds].join(', ')}`); }
    await service.warmUp(2);
    const warmed = replies.filter((r) => r.type === 'warmedUp');
    assert.deepStrictEqual(warmed.map((r) => [r.id, r.type === 'warmedUp' && r.rounds, r.type === 'warmedUp' && r.ms >= 0]), [[0, 2, true]]);
  });

  it('answers a request that comes during the warm-up without waiting for the warm-up to end', async () => {
    const warming = service.warmUp(3);
    service.receive({ ...suggestB(), id: 50 } as SuggestWorkerRequest);
    await warming;
    await service.idle();
    const answered = replies.findIndex((r) => r.id === 50);
    const warmed = replies.findIndex((r) => r.type === 'warmedUp');
    assert.strictEqual(replies[answered]?.type, 'suggestions');
    assert.ok(answered >= 0 && warmed > answered, replies.map((r) => r.type).join(', '));
  });

  it('counts every corpus file\'s untagged mentions of strings tagged elsewhere, respecting each file\'s tags and rejections', async () => {
    fs.writeFileSync(path.join(root, 'c.txt'), 'Kestrel Rowing won. Kestrel Rowing lost.\n');
    const [all] = await send({ type: 'untagged', folder: 'f' });
    assert.deepStrictEqual(all, {
      type: 'untagged', id: 2, files: [{ path: 'b.txt', count: 1 }, { path: 'c.txt', count: 2 }], counted: [], unreadable: [],
    });
    // b.txt tags it, c.txt turns its second mention down (tagged twice, turned down once: still proposed).
    const inB = B.indexOf('Kestrel Rowing');
    fs.writeFileSync(path.join(root, 'b.txt.annotations.yaml'), sidecarFor('b.txt', [
      { kind: 'entity', label: 'organization', quote: 'Kestrel Rowing', start: inB, end: inB + 14 },
    ]));
    const inC = 'Kestrel Rowing won. '.length;
    fs.writeFileSync(path.join(root, 'c.txt.annotations.yaml'), sidecarFor('c.txt', [
      { kind: 'entity', label: 'organization', quote: 'Kestrel Rowing', start: inC, end: inC + 14, attributes: { status: 'rejected' } },
    ]));
    const [, some] = await send({ type: 'sidecars', folder: 'f', sources: [path.join(root, 'b.txt'), path.join(root, 'c.txt')] },
      { type: 'untagged', folder: 'f', paths: ['b.txt', 'c.txt', 'gone.txt'] });
    assert.deepStrictEqual(some, { type: 'untagged', id: 4, files: [{ path: 'c.txt', count: 1 }], counted: ['b.txt', 'c.txt'], unreadable: ['gone.txt'] });
  });

  it('counts in the editor\'s text of an open document, not in the file on disk', async () => {
    fs.writeFileSync(path.join(root, 'c.txt'), 'Nothing here.\n');
    service.receive({ type: 'didOpen', uri: 'c', folder: 'f', path: 'c.txt', version: 1, text: 'Kestrel Rowing, then Kestrel Rowing.\n' });
    const [r] = await send({ type: 'untagged', folder: 'f', paths: ['c.txt'] });
    assert.deepStrictEqual(r, { type: 'untagged', id: 2, files: [{ path: 'c.txt', count: 2 }], counted: ['c.txt'], unreadable: [] });
  });

  it('cancels an untagged count when a newer one for the folder comes, and answers suggest requests meanwhile', async () => {
    for (let i = 0; i < 20; i++) { fs.writeFileSync(path.join(root, `n${String(i).padStart(2, '0')}.txt`), `Notice ${i} from the boat house.\n`); }
    service = serviceOf(0);
    openAB();
    replies = [];
    await send({ type: 'folder', folder: 'f', root, selection: { include: ['**/*.txt'], exclude: [] } });
    const [first, suggested, second] = await send({ type: 'untagged', folder: 'f' }, suggestB(), { type: 'untagged', folder: 'f' });
    assert.deepStrictEqual(first, { type: 'skipped', id: first.id });
    assert.strictEqual(suggested.type, 'suggestions');
    assert.deepStrictEqual(second.type === 'untagged' && second.files, [{ path: 'b.txt', count: 1 }]);
    // The suggest request was answered before the count that began first ended.
    assert.ok(replies.indexOf(suggested) < replies.indexOf(first), replies.map((r) => r.type).join(', '));
  });

  it('cancels an untagged count when the folder\'s sidecars change', async () => {
    for (let i = 0; i < 20; i++) { fs.writeFileSync(path.join(root, `n${String(i).padStart(2, '0')}.txt`), `Notice ${i} from the boat house.\n`); }
    service = serviceOf(0);
    openAB();
    replies = [];
    await send({ type: 'folder', folder: 'f', root, selection: { include: ['**/*.txt'], exclude: [] } });
    const [count] = await send({ type: 'untagged', folder: 'f' }, { type: 'sidecars', folder: 'f', sources: [path.join(root, 'b.txt')] });
    assert.deepStrictEqual(count, { type: 'skipped', id: count.id });
  });
});
