// Decisions about findings that apply to every boilerplate code of a line (the corpus-wide "Not boilerplate in any
// file"), and the `kept` status of a duplicate: how they match findings and how they are recorded beside the
// decisions already there.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ANY_BOILERPLATE_CODE, codeApplies, decisionFor } from '../../../../src/core/annotations/decisions';
import { AnchoredAnnotation, AnnotationStore } from '../../../../src/core/annotations/store';
import { parseSidecar } from '../../../../src/core/annotations/sidecarYaml';

const TEXT = 'Menu | Home | Sport\nThe ferry runs again.\nSign up for the morning bulletin.\n';
const line = (quote: string) => ({ start: TEXT.indexOf(quote), end: TEXT.indexOf(quote) + quote.length });

function decision(id: string, code: string, status: string, r: { start: number; end: number }): AnchoredAnnotation {
  return { annotation: { id, kind: 'boilerplate', quote: 'q', ...r, attributes: { status, code } }, outcome: 'exact', ...r };
}

describe('annotations: decisions for every code, and kept copies', () => {
  let dir: string;
  beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-lens-decisions-')); });
  afterEach(() => { fs.rmSync(dir, { recursive: true, force: true }); });

  it('applies a kind.* code to every code of the kind, and prefers a decision with the exact code', () => {
    assert.equal(codeApplies('boilerplate.*', 'boilerplate.sign-up'), true);
    assert.equal(codeApplies('boilerplate.*', 'duplicate.cross-file'), false);
    assert.equal(codeApplies('boilerplate.sign-up', 'boilerplate.navigation'), false);
    const signUp = line('Sign up for the morning bulletin.');
    const any = decision('any', ANY_BOILERPLATE_CODE, 'dismissed', signUp);
    assert.deepEqual(decisionFor([any], { code: 'boilerplate.repeated-across-files', ...signUp }), { id: 'any', status: 'dismissed' });
    const exact = decision('exact', 'boilerplate.sign-up', 'confirmed', { start: signUp.start + 5, end: signUp.end });
    assert.deepEqual(decisionFor([any, exact], { code: 'boilerplate.sign-up', ...signUp }), { id: 'exact', status: 'confirmed' });
    assert.equal(decisionFor([any], { code: 'duplicate.cross-file', ...signUp }), undefined);
  });

  it('records a decision for every code over a line, bringing the single-code decisions there to the same status', async () => {
    const source = path.join(dir, 'ferry.txt');
    fs.writeFileSync(source, TEXT);
    const store = new AnnotationStore();
    const s = await store.open(source, TEXT);
    const signUp = line('Sign up for the morning bulletin.');
    const single = s.decide({ kind: 'boilerplate', code: 'boilerplate.sign-up', ...signUp }, 'confirmed');
    const menu = s.decide({ kind: 'boilerplate', code: 'boilerplate.navigation', ...line('Menu | Home | Sport') }, 'confirmed');
    const any = s.decideAnyBoilerplate(signUp.start, signUp.end, 'dismissed');
    assert.deepEqual(any.attributes, { status: 'dismissed', code: ANY_BOILERPLATE_CODE });
    assert.equal(s.get(single.id)?.annotation.attributes?.status, 'dismissed', 'the single-code decision follows');
    assert.equal(s.get(menu.id)?.annotation.attributes?.status, 'confirmed', 'another line is left alone');
    assert.equal(s.decideAnyBoilerplate(signUp.start, signUp.end, 'confirmed').id, any.id, 'decided again: the same annotation');
    assert.equal(s.list().length, 3);
    await s.save();
    const { data } = parseSidecar(fs.readFileSync(`${source}.annotations.yaml`, 'utf8'), 'x');
    assert.deepEqual(data.annotations.map((a) => [a.quote, a.attributes]), [
      ['Sign up for the morning bulletin.', { status: 'confirmed', code: 'boilerplate.sign-up' }],
      ['Menu | Home | Sport', { status: 'confirmed', code: 'boilerplate.navigation' }],
      ['Sign up for the morning bulletin.', { status: 'confirmed', code: ANY_BOILERPLATE_CODE }],
    ]);
  });

  it('reads and writes a kept duplicate, and refuses a status it does not know', async () => {
    const ok = 'version: 1\nannotations:\n  - id: k1\n    kind: duplicate\n    quote: The ferry runs again.\n    start: 20\n    end: 41\n'
      + '    attributes: {status: kept, code: duplicate.cross-file}\n';
    assert.equal(parseSidecar(ok, 'x').data.annotations[0].attributes?.status, 'kept');
    assert.throws(() => parseSidecar(ok.replace('kept', 'keep'), 'x'), /must be confirmed, dismissed or kept/);
  });
});
