// The annotations index of a corpus folder (core/annotations/corpusAnnotations.ts), on files in a temporary
// folder: each file's tags at their stored offsets while the source is unchanged, re-anchored (orphans counted)
// once it changed, an invalid sidecar reported with its file and line, decisions noted, the files read again one
// by one (a sidecar gone, a source changed), and a whole pass that can be stopped between files.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { sourceHashOf } from '../../../../src/core/annotations';
import { CorpusAnnotations } from '../../../../src/core/annotations/corpusAnnotations';
import { readCorpusSidecars } from '../../../../src/core/suggest/corpusSidecars';

const SOURCE = 'Mayor Ana Lindqvist said the bridge would reopen in May. The Harbour Trust disagreed.';
const sidecar = (hash: string) => `version: 1
source: a.txt
sourceHash: ${hash}
annotations:
  - id: e1
    kind: entity
    label: person
    quote: Ana Lindqvist
    start: 6
    end: 19
    attributes: {canonical: Ana Lindqvist}
  - id: c1
    kind: claim
    quote: the bridge would reopen in May
    start: 25
    end: 55
    attributes: {speaker: Ana Lindqvist}
  - id: d1
    kind: boilerplate
    quote: The Harbour Trust
    start: 57
    end: 74
    attributes: {status: dismissed, code: boilerplate.teaser}
  - id: r1
    kind: entity
    label: location
    quote: Harbour
    start: 61
    end: 68
    attributes: {status: rejected}
`;

describe('annotations index', () => {
  let root: string;
  const file = (rel: string) => path.join(root, ...rel.split('/'));
  const write = (rel: string, text: string) => {
    fs.mkdirSync(path.dirname(file(rel)), { recursive: true });
    fs.writeFileSync(file(rel), text);
  };
  const all = async (index: CorpusAnnotations) => (await index.summaries(undefined))!;

  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-lens-index-'));
    write('a.txt', SOURCE);
    write('a.txt.annotations.yaml', sidecar(sourceHashOf(SOURCE)));
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('lists the entities and claims of a current sidecar at their stored offsets; decisions and rejections are not tags', async () => {
    const index = new CorpusAnnotations(root);
    await index.load(() => assert.fail('nothing to report'));
    const { files, removed } = await all(index);
    assert.deepStrictEqual(removed, []);
    assert.deepStrictEqual(files.map((f) => [f.source, f.orphaned, f.invalid, f.decisions]), [[file('a.txt'), 0, undefined, true]]);
    assert.deepStrictEqual(files[0].tags.map((t) => [t.id, t.kind, t.label, t.canonical, t.start, t.end, t.speaker, t.status]), [
      ['e1', 'entity', 'person', 'Ana Lindqvist', 6, 19, undefined, undefined],
      ['c1', 'claim', '', 'the bridge would reopen in May', 25, 55, 'Ana Lindqvist', 'unverified'],
    ]);
    // Every annotation is kept for the gazetteer, the rejection and the decision too.
    assert.deepStrictEqual(index.annotationsOf(file('a.txt')).map((a) => a.id), ['e1', 'c1', 'd1', 'r1']);
  });

  it('anchors the tags again when the source changed since, and counts what no longer anchors as orphaned', async () => {
    write('a.txt', `UPDATED: ${SOURCE.replace('The Harbour Trust disagreed.', 'Nobody else spoke.')}`);
    const index = new CorpusAnnotations(root);
    await index.load(() => undefined);
    const [f] = (await all(index)).files;
    assert.deepStrictEqual(f.tags.map((t) => [t.id, t.start, t.end, t.orphaned]), [['e1', 15, 28, false], ['c1', 34, 64, false]]);
    // The dismissal and the rejection stood on the removed sentence: both are lost records, both counted.
    assert.strictEqual(f.orphaned, 2);
  });

  it('reports an invalid sidecar with its file and line, lists no tags for it, and keeps the annotations last read', async () => {
    const index = new CorpusAnnotations(root);
    await index.load(() => undefined);
    write('a.txt.annotations.yaml', 'version: 1\nannotations:\n  - id: [unclosed\n');
    const problems: string[] = [];
    await index.reload([file('a.txt')], (m) => problems.push(m));
    assert.strictEqual(problems.length, 1);
    assert.match(problems[0], /^a\.txt\.annotations\.yaml: invalid sidecar, not used: .*a\.txt\.annotations\.yaml:\d+:\d+: /);
    const [f] = (await all(index)).files;
    assert.deepStrictEqual(f.tags, []);
    assert.match(f.invalid ?? '', /a\.txt\.annotations\.yaml:\d+:\d+: /);
    assert.deepStrictEqual(index.annotationsOf(file('a.txt')).map((a) => a.id), ['e1', 'c1', 'd1', 'r1']);
    // The CLI's reader passes it over.
    assert.deepStrictEqual([...(await readCorpusSidecars(root, () => undefined)).keys()], []);
  });

  it('reads files again one by one: a source changed on disk, a sidecar gone, one new', async () => {
    const index = new CorpusAnnotations(root);
    await index.load(() => undefined);
    assert.deepStrictEqual((await all(index)).files[0].tags.map((t) => t.start), [6, 25]);
    // Unchanged files are answered from what was built, without reading the source again.
    write('a.txt', `New: ${SOURCE}`);
    assert.deepStrictEqual((await all(index)).files[0].tags.map((t) => t.start), [6, 25]);
    await index.reload([file('a.txt')], () => undefined);
    assert.deepStrictEqual((await all(index)).files[0].tags.map((t) => t.start), [11, 30]);

    write('news/b.txt', SOURCE);
    write('news/b.txt.annotations.yaml', sidecar(sourceHashOf(SOURCE)).replace('source: a.txt', 'source: b.txt'));
    fs.rmSync(file('a.txt.annotations.yaml'));
    await index.reload([file('a.txt'), file('news/b.txt')], () => undefined);
    const named = (await index.summaries([file('a.txt'), file('news/b.txt')]))!;
    assert.deepStrictEqual(named.removed, [file('a.txt')]);
    assert.deepStrictEqual(named.files.map((f) => [f.source, f.tags.length]), [[file('news/b.txt'), 2]]);
    assert.deepStrictEqual([...index.annotations()].map((a) => a.path), [file('news/b.txt')]);
  });

  it('lists its sources a page at a time, in path order', async () => {
    for (const name of ['c.txt', 'b.txt']) {
      write(name, SOURCE);
      write(`${name}.annotations.yaml`, sidecar(sourceHashOf(SOURCE)).replace('source: a.txt', `source: ${name}`));
    }
    const index = new CorpusAnnotations(root);
    await index.load(() => undefined);
    assert.deepStrictEqual(index.page(undefined, 2), { sources: [file('a.txt'), file('b.txt')], more: true });
    assert.deepStrictEqual(index.page(file('b.txt'), 2), { sources: [file('c.txt')], more: false });
    assert.deepStrictEqual(index.page(undefined, 3), { sources: [file('a.txt'), file('b.txt'), file('c.txt')], more: false });
  });

  it('pauses between the files it builds, and stops when told to', async () => {
    write('b.txt', SOURCE);
    write('b.txt.annotations.yaml', sidecar(sourceHashOf(SOURCE)).replace('source: a.txt', 'source: b.txt'));
    const index = new CorpusAnnotations(root);
    await index.load(() => undefined);
    let pauses = 0;
    assert.strictEqual(await index.summaries(undefined, () => Promise.resolve(++pauses < 2)), undefined);
    assert.strictEqual(pauses, 2);
    // The file built before the stop is kept: the next pass builds only the other one.
    pauses = 0;
    const done = await index.summaries(undefined, () => Promise.resolve(++pauses > 0));
    assert.deepStrictEqual([done!.files.length, pauses], [2, 1]);
  });
});
