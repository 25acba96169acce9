// The annotations index in the suggestion worker's service, driven in this thread: a tags request answers every
// file with a sidecar (its tags re-anchored in the source on disk) beside the queue, one naming sources reads their
// sidecars again first, in the queue (a suggest request after it has the gazetteer see the change).
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { SuggestService } from '../../../src/worker/suggestWorker';
import { SuggestWorkerReply, SuggestWorkerRequest, UnsentSuggestRequest } from '../../../src/protocol/suggestProtocol';

const A = 'Harbour board meets\n\nThe harbour master, Ingrid Solvang, said the marina was full. Members of Kestrel Rowing asked for a slipway.\n';
const B = 'Regatta moved\n\nKestrel Rowing will hold its regatta in June.\n';

function sidecarFor(file: string, text: string, quotes: [string, string][]): string {
  const items = quotes.map(([label, quote], i) => {
    const start = text.indexOf(quote);
    return `  - {id: t${i}, kind: entity, label: ${label}, quote: ${JSON.stringify(quote)}, start: ${start}, end: ${start + quote.length}}`;
  });
  return `version: 1\nsource: ${file}\nannotations:\n${items.join('\n')}\n`;
}

type Tags = Extract<SuggestWorkerReply, { type: 'tags' }>;

describe('suggestion worker service: the annotations index', () => {
  let root: string;
  let replies: SuggestWorkerReply[];
  let service: SuggestService;
  let nextId = 1;

  const send = async (...reqs: UnsentSuggestRequest[]) => {
    const ids = reqs.map((req) => {
      const id = nextId++;
      service.receive({ ...req, id } as SuggestWorkerRequest);
      return id;
    });
    await service.idle();
    return ids.map((id) => replies.find((r) => r.id === id)!);
  };
  const tagsOf = (r: SuggestWorkerReply) => {
    assert.strictEqual(r.type, 'tags');
    return (r as Tags).files.map((f) => [path.basename(f.source), f.tags.map((t) => `${t.label}:${t.quote}@${t.start}`)]);
  };

  beforeEach(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-lens-tags-'));
    fs.writeFileSync(path.join(root, 'a.txt'), A);
    fs.writeFileSync(path.join(root, 'b.txt'), B);
    fs.writeFileSync(path.join(root, 'a.txt.annotations.yaml'), sidecarFor('a.txt', A, [['person', 'Ingrid Solvang'], ['organization', 'Kestrel Rowing']]));
    replies = [];
    service = new SuggestService((r) => replies.push(r), 0);
    await send({ type: 'folder', folder: 'f', root, selection: { include: ['**/*.txt'], exclude: [] } });
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('answers every file with a sidecar, its tags moved to where the source on disk has them now', async () => {
    fs.writeFileSync(path.join(root, 'a.txt'), `Updated\n\n${A}`);
    const [r] = await send({ type: 'tags', folder: 'f' });
    assert.deepStrictEqual(tagsOf(r), [['a.txt', [`person:Ingrid Solvang@${A.indexOf('Ingrid') + 9}`, `organization:Kestrel Rowing@${A.indexOf('Kestrel') + 9}`]]]);
    assert.deepStrictEqual([(r as Tags).removed, (r as Tags).problems, (r as Tags).files[0].orphaned], [[], [], 0]);
  });

  it('reads the sidecars of the sources named again, for the views and the gazetteer alike', async () => {
    fs.writeFileSync(path.join(root, 'b.txt.annotations.yaml'), sidecarFor('b.txt', B, [['organization', 'Kestrel Rowing']]));
    fs.rmSync(path.join(root, 'a.txt.annotations.yaml'));
    service.receive({ type: 'didOpen', uri: 'a', folder: 'f', path: 'a.txt', version: 1, text: A });
    const [r, suggested] = await send(
      { type: 'tags', folder: 'f', sources: [path.join(root, 'a.txt'), path.join(root, 'b.txt')] },
      { type: 'suggest', folder: 'f', doc: 'a', version: 1, generation: 1, annotations: [], entities: true, claims: false },
    );
    assert.deepStrictEqual(tagsOf(r), [['b.txt', [`organization:Kestrel Rowing@${B.indexOf('Kestrel')}`]]]);
    assert.deepStrictEqual((r as Tags).removed, [path.join(root, 'a.txt')]);
    // The gazetteer was built again from what the index holds now: b.txt's tag is proposed in a.txt.
    assert.ok(suggested.type === 'suggestions');
    assert.ok(suggested.suggestions.some((s) => s.kind === 'entity' && s.text === 'Kestrel Rowing' && s.source === 'gazetteer'));
  });
});
