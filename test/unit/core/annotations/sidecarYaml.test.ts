// The sidecar format on disk: round trips that keep what people wrote, errors with line and column, hostile
// files refused, and the JSON Schema agreeing with the validator.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { SidecarError } from '../../../../src/core/annotations/errors';
import { ANNOTATION_KINDS, SidecarData, deepEqual, sourceHashOf } from '../../../../src/core/annotations/model';
import { newSidecarDocument, parseSidecar, patchSidecarDocument, renderSidecar } from '../../../../src/core/annotations/sidecarYaml';
import { validateSidecarData } from '../../../../src/core/annotations/validate';

const HASH = 'sha256:' + 'ab'.repeat(32);

const WRITTEN_BY_A_PERSON = `# Annotations for article.txt — reviewed by the desk
version: 1
source: article.txt  # relative to this file
sourceHash: ${HASH}
reviewer: desk-2      # a field a newer version (or a person) added
annotations:
  # The commander
  - id: k3f9a2
    kind: entity
    label: person
    quote: Mohammad Ali Jafari
    prefix: "Revolutionary Guard Corps, "
    suffix: ", wrote in an open letter"
    start: 412
    end: 431
    attributes: {canonical: Mohammad Ali Jafari, wikidata: Q123}
    author: desk
    created: 2026-11-22T08:00:00Z
    confidence: high    # unknown to this version, kept
  - id: c1aim0
    kind: claim
    quote: the agreement would not hold
    start: 500
    end: 528
    attributes:
      speaker: Jafari
      status: unverified   # still checking
      note: compare with the ministry's statement
`;

function parse(text: string): ReturnType<typeof parseSidecar> {
  return parseSidecar(text, 'article.txt.annotations.yaml');
}

function roundTrip(text: string, change: (d: SidecarData) => void): string {
  const parsed = parse(text);
  const data = structuredClone(parsed.data);
  change(data);
  patchSidecarDocument(parsed.doc, data);
  return renderSidecar(parsed.doc, data, parsed.eol);
}

function errorOf(text: string): SidecarError {
  try {
    parse(text);
  } catch (e) {
    assert.ok(e instanceof SidecarError, String(e));
    return e;
  }
  assert.fail('expected a SidecarError');
}

describe('annotations: sidecar YAML', () => {
  it('reads the format', () => {
    const { data } = parse(WRITTEN_BY_A_PERSON);
    assert.equal(data.version, 1);
    assert.equal(data.annotations.length, 2);
    assert.deepEqual(data.annotations[0].attributes, { canonical: 'Mohammad Ali Jafari', wikidata: 'Q123' });
    assert.equal(data.annotations[0].created, '2026-11-22T08:00:00Z'); // a string, not a Date
    assert.equal(data.annotations[0].confidence, 'high');
  });

  it('rewrites nothing when nothing changed: comments, order and unknown fields as written', () => {
    const out = roundTrip(WRITTEN_BY_A_PERSON, () => undefined);
    for (const kept of ['# Annotations for article.txt — reviewed by the desk', '# relative to this file', 'reviewer: desk-2',
      '# a field a newer version', '# The commander', 'confidence: high', '# unknown to this version, kept', '# still checking']) {
      assert.ok(out.includes(kept), `keeps ${kept}`);
    }
    assert.deepEqual(parse(out).data, parse(WRITTEN_BY_A_PERSON).data);
  });

  it('changes only what changed, keeping comments beside the changed values', () => {
    const out = roundTrip(WRITTEN_BY_A_PERSON, (d) => {
      d.annotations[0].start = 420;
      d.annotations[0].end = 439;
      (d.annotations[1].attributes as Record<string, unknown>).status = 'supported';
    });
    assert.match(out, /start: 420\n {4}end: 439\n/);
    assert.match(out, /status: supported # still checking/);
    assert.ok(out.includes('# The commander') && out.includes('confidence: high # unknown to this version, kept'));
    // Key order as written.
    const keys = [...out.matchAll(/^ {4}(\w+):/gm)].slice(0, 12).map((m) => m[1]);
    assert.deepEqual(keys.slice(0, 10), ['kind', 'label', 'quote', 'prefix', 'suffix', 'start', 'end', 'attributes', 'author', 'created']);
  });

  it('appends new annotations in the format\'s order, drops removed ones, keeps the rest', () => {
    const out = roundTrip(WRITTEN_BY_A_PERSON, (d) => {
      d.annotations.splice(1, 1);
      d.annotations.push({
        id: 'n0te01', kind: 'boilerplate', quote: 'Sign up for our newsletter', prefix: '\n', suffix: '\r\n', start: 0, end: 26,
        attributes: { status: 'dismissed', code: 'boilerplate.sign-up' }, author: 'desk', created: '2026-11-23T09:00:00Z',
      });
    });
    assert.ok(!out.includes('c1aim0'));
    assert.match(out, /- id: n0te01\n {4}kind: boilerplate\n {4}quote: Sign up for our newsletter\n {4}prefix: "\\n"\n {4}suffix: "\\r\\n"\n/);
    assert.match(out, /attributes: \{ ?status: dismissed, code: boilerplate\.sign-up ?\}/);
    assert.ok(out.includes('# The commander'));
  });

  it('round-trips awkward strings exactly: CRLF, tabs, leading spaces, # and :, emoji, quotes, a BOM character', () => {
    const awkward = ['line one\r\nline two', '\tindented', '  leading and trailing  ', 'a # not a comment', 'key: value',
      'emoji 😀 and 𠮷', '"quoted" and \'single\'', '\ufeffbom inside', '- looks like a list', 'yes', '123', 'null', '~', ''];
    const data: SidecarData = { version: 1, source: 'a.txt', annotations: awkward.filter((q) => q).map((q, i) => ({
      id: `aw${i}`, kind: 'note', quote: q, prefix: awkward[(i + 1) % awkward.length], suffix: awkward[(i + 2) % awkward.length], start: 0, end: q.length,
    })) };
    const doc = newSidecarDocument(data);
    const text = renderSidecar(doc, data);
    assert.ok(deepEqual(parse(text).data, data));
  });

  it('keeps CRLF line endings of a sidecar written with them', () => {
    const crlf = WRITTEN_BY_A_PERSON.replace(/\n/g, '\r\n');
    const out = roundTrip(crlf, (d) => { d.annotations[0].start = 1; });
    assert.ok(!/[^\r]\n/.test(out), 'every line ends with CRLF');
    assert.equal(parse(out).data.annotations[0].start, 1);
  });

  describe('errors, with line and column', () => {
    it('malformed YAML', () => {
      const e = errorOf('version: 1\nannotations:\n  - id: a\n    quote: [unclosed\n    start: 1\n');
      assert.equal(e.reason, 'syntax');
      assert.ok(e.issues[0].line !== undefined && e.issues[0].line >= 4, JSON.stringify(e.issues));
      assert.match(e.message, /^article\.txt\.annotations\.yaml:\d+:\d+: /);
    });

    it('a truncated file: valid YAML, invalid sidecar, pointing at the cut annotation', () => {
      const cut = WRITTEN_BY_A_PERSON.slice(0, WRITTEN_BY_A_PERSON.indexOf('    start: 500'));
      const e = errorOf(cut);
      assert.equal(e.reason, 'schema');
      assert.equal(e.issues.length, 2);
      assert.match(e.issues[0].message, /annotation 2: annotation is missing "start"/);
      assert.equal(e.issues[0].line, 20); // the "- id: c1aim0" line
      assert.equal(e.issues[0].col, 5);
    });

    it('a file cut in the middle of a string', () => {
      const e = errorOf(WRITTEN_BY_A_PERSON.slice(0, WRITTEN_BY_A_PERSON.indexOf('Guard Corps')));
      assert.equal(e.reason, 'syntax');
      assert.ok(e.issues[0].line! > 1);
    });

    it('wrong types, duplicate ids and decisions without a status, each at its place', () => {
      const e = errorOf(`version: 1
annotations:
  - id: a1
    kind: entity
    quote: x
    start: 5
    end: 2
  - id: a1
    kind: boilerplate
    quote: y
    start: 0
    end: 1
    attributes: {code: boilerplate.byline}
  - id: 123456
    kind: gossip
    quote: z
    start: -1
    end: 1
`);
      const byLine = e.issues.map((i) => `${i.line}:${i.col} ${i.message}`);
      assert.deepEqual(byLine, [
        '7:10 annotation 1: "end" must be greater than "start" (end is exclusive)',
        '13:17 annotation 2: a boilerplate decision\'s "status" must be confirmed, dismissed or kept',
        '8:9 annotation 2: duplicate id "a1" (also annotation 1); ids must be unique within the file',
        '14:9 annotation 3: "id" must be a string (quote it, e.g. id: "123456")',
        '15:11 annotation 3: "kind" must be one of entity, claim, boilerplate, duplicate, note',
        '17:12 annotation 3: "start" must be a whole number >= 0 (a UTF-16 offset into the source)',
      ]);
    });

    it('an empty file, and a document that is not a mapping', () => {
      assert.match(errorOf('').message, /the sidecar is empty/);
      assert.match(errorOf('- just\n- a list\n').message, /must be a mapping/);
    });

    it('a newer version is refused, to be left untouched', () => {
      const e = errorOf('version: 2\nannotations: []\n');
      assert.equal(e.reason, 'version');
      assert.match(e.message, /:1:10: sidecar version 2 is newer than this Corpus Lens reads/);
    });

    it('duplicate keys', () => {
      const e = errorOf('version: 1\nversion: 1\nannotations: []\n');
      assert.equal(e.reason, 'syntax');
      assert.equal(e.issues[0].line, 2);
    });
  });

  describe('hostile files', () => {
    it('a file whose lines end in lone CRs: one error saying so, where the first one stands, not a screen of others', () => {
      const e = errorOf('version: 1\rannotations:\r  - id: a1\r    kind: note\r    quote: x\r    start: 0\r    end: 1\r');
      assert.equal(e.reason, 'syntax');
      assert.deepEqual(e.issues, [{
        line: 1, col: 11,
        message: "its lines end in a lone CR (classic Mac OS), which YAML does not read as a line break; convert them to LF or CRLF (e.g. tr '\\r' '\\n'); it is left untouched until then",
      }]);
      // A file with LF line breaks and a CR in a value reads as before.
      assert.equal(parseSidecar('version: 1\nannotations:\n  - id: a1\n    kind: note\n    quote: "a\\rb"\n    start: 0\n    end: 3\n', 'x').data.annotations[0].quote, 'a\rb');
    });

    it('billion laughs: alias expansion is capped, with the place of the first alias', function () {
      this.timeout(5000);
      const lol = ['version: 1', 'annotations: []', 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
      for (const [name, prev] of [['b', 'a'], ['c', 'b'], ['d', 'c'], ['e', 'd'], ['f', 'e'], ['g', 'f'], ['h', 'g'], ['i', 'h']]) {
        lol.push(`${name}: &${name} [${Array(9).fill('*' + prev).join(',')}]`);
      }
      const started = Date.now();
      const e = errorOf(lol.join('\n') + '\n');
      assert.equal(e.reason, 'aliases');
      assert.equal(e.issues[0].line, 4);
      assert.ok(Date.now() - started < 2000, 'refused quickly');
    });

    it('a file over the size limit is refused before parsing', () => {
      const big = 'version: 1\nannotations: []\npadding: "' + 'x'.repeat(10 * 1024 * 1024) + '"\n';
      const e = errorOf(big);
      assert.equal(e.reason, 'too-large');
    });

    it('deep nesting is an error, not a crash', () => {
      const e = errorOf('version: 1\nannotations: []\nx: ' + '['.repeat(50_000) + ']'.repeat(50_000) + '\n');
      assert.ok(e.reason === 'syntax', e.reason);
    });
  });

  it('the example in docs/sidecar-format.md is a valid sidecar whose anchors hold in its source', () => {
    const doc = fs.readFileSync(path.join(__dirname, '../../../../../docs/sidecar-format.md'), 'utf8');
    const source = /```text\n([\s\S]*?)```/.exec(doc)![1];
    const yaml = /```yaml\n([\s\S]*?)```/.exec(doc)![1];
    const { data } = parse(yaml);
    assert.equal(data.sourceHash, sourceHashOf(source));
    assert.equal(data.annotations.length, 3);
    for (const a of data.annotations) {
      assert.equal(source.slice(a.start, a.end), a.quote);
      assert.equal(source.slice(Math.max(0, a.start - 32), a.start), a.prefix);
      assert.equal(source.slice(a.end, a.end + 32), a.suffix);
    }
  });

  describe('the JSON Schema', () => {
    const schema = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../../../schemas/annotations.schema.json'), 'utf8'));

    it('lists the same kinds and requires the same fields as the validator', () => {
      const ann = schema.definitions.annotation;
      assert.deepEqual(ann.properties.kind.enum, [...ANNOTATION_KINDS]);
      assert.deepEqual(ann.required, ['id', 'kind', 'quote', 'start', 'end']);
      assert.deepEqual(schema.required, ['version', 'annotations']);
      assert.equal(schema.properties.version.const, 1);
    });

    it('gives the same verdict as the validator on valid and invalid sidecars (when ajv is installed)', function () {
      let Ajv: (new (opts: object) => { compile(s: object): ((d: unknown) => boolean) }) | undefined;
      try {
        Ajv = createRequire(__filename)('ajv');
      } catch {
        this.skip();
      }
      const validate = new Ajv!({ allErrors: true }).compile(schema);
      const base = parse(WRITTEN_BY_A_PERSON).data;
      const cases: [string, unknown][] = [
        ['valid', base],
        ['valid empty', { version: 1, annotations: [] }],
        ['no version', { annotations: [] }],
        ['version 2', { version: 2, annotations: [] }],
        ['bad kind', { version: 1, annotations: [{ ...base.annotations[0], kind: 'gossip' }] }],
        ['numeric id', { version: 1, annotations: [{ ...base.annotations[0], id: 5 }] }],
        ['negative start', { version: 1, annotations: [{ ...base.annotations[0], start: -1 }] }],
        ['empty quote', { version: 1, annotations: [{ ...base.annotations[0], quote: '' }] }],
        ['decision without status', { version: 1, annotations: [{ ...base.annotations[0], kind: 'duplicate', attributes: { code: 'duplicate.cross-file' } }] }],
        ['decision', { version: 1, annotations: [{ ...base.annotations[0], kind: 'duplicate', attributes: { code: 'duplicate.cross-file', status: 'confirmed' } }] }],
        ['bad hash', { version: 1, sourceHash: 'md5:00', annotations: [] }],
        ['bad date', { version: 1, annotations: [{ ...base.annotations[0], created: 'yesterday' }] }],
      ];
      for (const [name, data] of cases) {
        assert.equal(validate(data), validateSidecarData(data).length === 0, name);
      }
    });
  });
});
