// The tag formats read by consumers that follow each format's own rules: W3C Web Annotations checked against the
// model, brat files by a reader that applies brat's standoff rules, the CoNLL file by a conlleval-style chunk
// reader; on a file with a BOM, CRLF, emoji (astral and ZWJ sequences), a flag and combining marks, counted in
// code points (the default) and in UTF-16.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { AnnotationStore } from '../../../../src/core/annotations/store';
import { offsetMapper } from '../../../../src/core/export/offsets';
import { OffsetUnit } from '../../../../src/core/export/offsets';
import { codePointSlice, readJsonl, runExport, tempDir, writeFiles } from './exportHelpers';

const TEXT = 'Lab report 👩‍🔬 from Zoe\u0308 Marchetti.\r\nThe Okonkwo Institute said output rose 12%\r\nin 2025, a record.\r\n\r\n'
  + 'More from 🇳🇴 Oslo: Ingrid Brekke spoke. 😀\r\n';
const TAGS = [
  { kind: 'entity' as const, label: 'person', quote: 'Zoe\u0308 Marchetti' },
  { kind: 'entity' as const, label: 'organization', quote: 'Okonkwo Institute' },
  { kind: 'claim' as const, quote: 'output rose 12%\r\nin 2025', attributes: { status: 'unverified', speaker: 'The Okonkwo Institute' } },
  { kind: 'entity' as const, label: 'location', quote: 'Oslo' },
  { kind: 'entity' as const, label: 'person', quote: 'Ingrid Brek' }, // ends inside the token "Brekke"
];

async function unicodeCorpus(): Promise<string> {
  const dir = tempDir('unicode');
  writeFiles(dir, { 'lab.txt': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT, 'utf8')]) });
  const session = await new AnnotationStore().open(path.join(dir, 'lab.txt'), TEXT);
  for (const t of TAGS) {
    const start = TEXT.indexOf(t.quote);
    session.add({ ...t, start, end: start + t.quote.length });
  }
  await session.save();
  return dir;
}

describe('export: offsets', () => {
  it('converts UTF-16 offsets to code points and back at every character boundary', () => {
    const map = offsetMapper(TEXT, 'codepoints');
    assert.equal(map.length, Array.from(TEXT).length);
    let cp = 0;
    for (let u = 0; u <= TEXT.length; u++) {
      if (u > 0 && u < TEXT.length && TEXT.charCodeAt(u) >= 0xdc00 && TEXT.charCodeAt(u) <= 0xdfff) { continue; }
      assert.equal(map.fromUtf16(u), cp, `at ${u}`);
      assert.equal(map.toUtf16(cp), u);
      if (u < TEXT.length) { cp++; }
    }
    assert.equal(map.toUtf16(map.length + 1), undefined);
  });
});

describe('export: tag formats', function () {
  this.timeout(60000);
  let dir: string;
  before(async () => { dir = await unicodeCorpus(); });

  for (const unit of ['codepoints', 'utf16'] as OffsetUnit[]) {
    const slice = (text: string, s: number, e: number) => (unit === 'codepoints' ? codePointSlice(text, s, e) : text.slice(s, e));

    it(`spans-jsonl: every span's text is its quote (${unit}), the BOM not counted`, async () => {
      const { out } = await runExport(dir, { format: 'spans-jsonl', offsets: unit });
      const [doc] = readJsonl<{ text: string; spans: { start: number; end: number; label: string }[]; meta: { offset_unit: string } }>(path.join(out, 'spans.jsonl'));
      assert.equal(doc.text, TEXT);
      assert.equal(doc.meta.offset_unit, unit);
      assert.deepEqual(doc.spans.map((s) => [slice(doc.text, s.start, s.end), s.label]), TAGS.map((t) => [t.quote, t.kind === 'claim' ? 'claim' : t.label]));
    });

    it(`w3c: annotations follow the Web Annotation model, selectors agree with the text (${unit})`, async () => {
      const { out } = await runExport(dir, { format: 'w3c', offsets: unit, base: 'file:///corpus/' });
      const annotations = readJsonl(path.join(out, 'annotations.jsonl'));
      assert.equal(annotations.length, TAGS.length);
      annotations.forEach((a, i) => checkWebAnnotation(a, TEXT, slice, TAGS[i].quote));
    });
  }

  it('brat: files a standoff reader accepts, fragments split at CRLF, every type and attribute declared', async () => {
    const { out } = await runExport(dir, { format: 'brat' });
    const txt = fs.readFileSync(path.join(out, 'lab.txt'), 'utf8');
    assert.equal(txt, TEXT);
    const conf = readBratConf(fs.readFileSync(path.join(out, 'annotation.conf'), 'utf8'));
    const ann = readStandoff(fs.readFileSync(path.join(out, 'lab.ann'), 'utf8'), txt, conf);
    assert.deepEqual(ann.entities.map((e) => [e.type, e.fragments.length]), [['person', 1], ['organization', 1], ['Claim', 2], ['location', 1], ['person', 1]]);
    assert.deepEqual(ann.entities[2].fragments.map(([s, e]) => codePointSlice(txt, s, e)), ['output rose 12%', 'in 2025']);
    assert.deepEqual(ann.attributes, [{ name: 'Status', target: 'T3', value: 'unverified' }]);
    assert.ok(ann.notes.some((n) => n.target === 'T3' && n.text === 'speaker: The Okonkwo Institute'));
  });

  it('conll: IOB2 chunks equal the entities; a tag that cuts a token is reported, not shifted', async () => {
    const { out } = await runExport(dir, { format: 'conll' });
    const docs = readConll(fs.readFileSync(path.join(out, 'corpus.conll'), 'utf8'));
    assert.equal(docs.length, 1);
    assert.deepEqual(docs[0].chunks, [['person', 'Zoe\u0308 Marchetti'], ['organization', 'Okonkwo Institute'], ['location', 'Oslo']]);
    const cut = readJsonl(path.join(out, 'removed.jsonl')).filter((r) => r.type === 'conll-cut');
    assert.deepEqual(cut.map((c) => [c.quote, c.token]), [['Ingrid Brek', 'Brekke']]);
  });
});

/** The Web Annotation Data Model's rules for what the export writes, and the selectors against the text. */
function checkWebAnnotation(a: Record<string, unknown>, text: string, slice: (t: string, s: number, e: number) => string, quote: string): void {
  const context = a['@context'];
  assert.ok(context === 'http://www.w3.org/ns/anno.jsonld' || (Array.isArray(context) && context[0] === 'http://www.w3.org/ns/anno.jsonld'));
  assert.equal(a.type, 'Annotation');
  assert.match(a.id as string, /^[a-z][a-z0-9+.-]*:\S+$/i, 'id is an IRI');
  const motivations = ['assessing', 'bookmarking', 'classifying', 'commenting', 'describing', 'editing', 'highlighting', 'identifying', 'linking', 'moderating', 'questioning', 'replying', 'tagging'];
  if (a.motivation !== undefined) { assert.ok(motivations.includes(a.motivation as string)); }
  if (a.created !== undefined) { assert.match(a.created as string, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/); }
  const bodies = a.body as Record<string, unknown>[];
  assert.ok(Array.isArray(bodies) && bodies.length > 0);
  for (const b of bodies) {
    assert.equal(b.type, 'TextualBody');
    assert.equal(typeof b.value, 'string');
    assert.ok(motivations.includes(b.purpose as string));
  }
  const target = a.target as { source: string; selector: Record<string, unknown>[] };
  assert.match(target.source, /^[a-z][a-z0-9+.-]*:\S+$/i, 'target source is an IRI');
  const q = target.selector.find((s) => s.type === 'TextQuoteSelector')!;
  const p = target.selector.find((s) => s.type === 'TextPositionSelector')!;
  assert.ok(Number.isInteger(p.start) && Number.isInteger(p.end) && (p.start as number) <= (p.end as number));
  assert.equal(q.exact, quote);
  assert.equal(slice(text, p.start as number, p.end as number), q.exact);
  assert.ok(text.includes(`${q.prefix as string}${q.exact as string}${q.suffix as string}`), 'prefix and suffix surround the quote');
}

interface BratConf { entities: Set<string>; attributes: Map<string, { args: string[]; values: string[] }> }

function readBratConf(conf: string): BratConf {
  const out: BratConf = { entities: new Set(), attributes: new Map() };
  let section = '';
  for (const line of conf.split('\n')) {
    if (line.startsWith('#') || line.trim() === '') { continue; }
    const m = /^\[(\w+)\]$/.exec(line.trim());
    if (m) { section = m[1]; continue; }
    if (section === 'entities') { out.entities.add(line.trim()); }
    if (section === 'attributes') {
      const [name, spec] = line.split('\t');
      const args = /Arg:([^,]+)/.exec(spec)![1].split('|');
      const values = /Value:(.+)$/.exec(spec)![1].split('|');
      out.attributes.set(name, { args, values });
    }
  }
  return out;
}

/** brat's standoff rules: T lines with fragments in code points whose texts, joined by a space, are the T line's text. */
function readStandoff(ann: string, txt: string, conf: BratConf) {
  const entities: { id: string; type: string; fragments: [number, number][] }[] = [];
  const attributes: { name: string; target: string; value: string }[] = [];
  const notes: { target: string; text: string }[] = [];
  const length = Array.from(txt).length;
  for (const line of ann.split('\n').filter((l) => l !== '')) {
    const [id, middle, ...rest] = line.split('\t');
    if (id.startsWith('T')) {
      const [type, ...offsets] = middle.split(' ');
      assert.ok(conf.entities.has(type), `type ${type} declared`);
      const fragments = offsets.join(' ').split(';').map((f) => f.split(' ').map(Number) as [number, number]);
      for (const [s, e] of fragments) {
        assert.ok(Number.isInteger(s) && Number.isInteger(e) && s < e && e <= length);
        assert.ok(!/[\r\n]/.test(codePointSlice(txt, s, e)), 'a fragment holds no line break');
      }
      assert.equal(rest.join('\t'), fragments.map(([s, e]) => codePointSlice(txt, s, e)).join(' '));
      entities.push({ id, type, fragments });
    } else if (id.startsWith('A')) {
      const [name, target, value] = middle.split(' ');
      const decl = conf.attributes.get(name);
      const entity = entities.find((e) => e.id === target);
      assert.ok(decl && entity && decl.args.includes(entity.type) && decl.values.includes(value), `attribute ${line} declared`);
      attributes.push({ name, target, value });
    } else if (id.startsWith('#')) {
      const [kind, target] = middle.split(' ');
      assert.equal(kind, 'AnnotatorNotes');
      assert.ok(entities.some((e) => e.id === target));
      notes.push({ target, text: rest.join('\t') });
    } else {
      assert.fail(`unexpected standoff line ${line}`);
    }
  }
  return { entities, attributes, notes };
}

/** Documents and their chunks as conlleval reads IOB2: an I- continues only a chunk of its own type. */
function readConll(conll: string): { chunks: [string, string][] }[] {
  const docs: { chunks: [string, string][] }[] = [];
  let open: { type: string; tokens: string[] } | undefined;
  const close = () => { if (open) { docs[docs.length - 1].chunks.push([open.type, open.tokens.join(' ')]); open = undefined; } };
  for (const line of conll.split('\n')) {
    if (line === '') { close(); continue; }
    const fields = line.split(' ');
    assert.equal(fields.length, 2, `two fields: ${line}`);
    const [token, tag] = fields;
    if (token === '-DOCSTART-') { close(); docs.push({ chunks: [] }); continue; }
    assert.match(tag, /^(O|[BI]-\S+)$/);
    if (tag === 'O') { close(); continue; }
    const [bi, type] = [tag[0], tag.slice(2)];
    if (bi === 'I') {
      assert.ok(open && open.type === type, `I-${type} continues a chunk of its type`);
      open.tokens.push(token);
    } else {
      close();
      open = { type, tokens: [token] };
    }
  }
  close();
  return docs;
}
