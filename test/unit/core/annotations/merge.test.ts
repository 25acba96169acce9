// Three-way merge of sidecars: what each side did survives; a true conflict keeps both versions and is reported.
import * as assert from 'node:assert/strict';
import { mergeSidecars } from '../../../../src/core/annotations/merge';
import { Annotation, SidecarData } from '../../../../src/core/annotations/model';

function ann(id: string, extra: Partial<Annotation> = {}): Annotation {
  return { id, kind: 'entity', label: 'person', quote: `quote ${id}`, prefix: 'p', suffix: 's', start: 10, end: 17, ...extra };
}

function sidecar(...annotations: Annotation[]): SidecarData {
  return { version: 1, source: 'a.txt', annotations };
}

const ids = (d: SidecarData) => d.annotations.map((a) => a.id);
let counter = 0;
const generateId = () => `new${String(counter++).padStart(3, '0')}`;

describe('annotations: merge', () => {
  beforeEach(() => { counter = 0; });

  it('takes their side when we changed nothing, and ours when they changed nothing', () => {
    const base = sidecar(ann('a'), ann('b'));
    const theirs = sidecar(ann('a', { label: 'organization' }), ann('c'));
    assert.deepEqual(mergeSidecars(base, base, theirs).data, theirs);
    const ours = sidecar(ann('b'), ann('d'));
    assert.deepEqual(mergeSidecars(base, ours, base).data, ours);
  });

  it('keeps annotations both sides added: theirs in file order, then ours', () => {
    const base = sidecar(ann('a'));
    const r = mergeSidecars(base, sidecar(ann('a'), ann('ours1'), ann('ours2')), sidecar(ann('a'), ann('theirs1')), { generateId });
    assert.deepEqual(ids(r.data), ['a', 'theirs1', 'ours1', 'ours2']);
    assert.deepEqual(r.conflicts, []);
  });

  it('merges different fields changed on each side without a conflict', () => {
    const base = sidecar(ann('a', { attributes: { status: 'unverified', note: 'x' } }));
    const ours = sidecar(ann('a', { start: 20, end: 27, prefix: 'q', attributes: { status: 'unverified', note: 'x' } }));
    const theirs = sidecar(ann('a', { label: 'organization', attributes: { status: 'supported', note: 'x' } }));
    const r = mergeSidecars(base, ours, theirs);
    assert.deepEqual(r.conflicts, []);
    assert.deepEqual(r.data.annotations, [ann('a', { start: 20, end: 27, prefix: 'q', label: 'organization', attributes: { status: 'supported', note: 'x' } })]);
  });

  it('merges attributes key by key', () => {
    const base = sidecar(ann('a', { attributes: { status: 'unverified' } }));
    const ours = sidecar(ann('a', { attributes: { status: 'refuted' } }));
    const theirs = sidecar(ann('a', { attributes: { status: 'unverified', note: 'see p. 3' } }));
    assert.deepEqual(mergeSidecars(base, ours, theirs).data.annotations[0].attributes, { status: 'refuted', note: 'see p. 3' });
  });

  it('a true conflict keeps their version under the id and ours under a new one, and reports it', () => {
    const base = sidecar(ann('a'), ann('b'));
    const ours = sidecar(ann('a', { label: 'organization' }), ann('b'));
    const theirs = sidecar(ann('a', { label: 'location' }), ann('b'));
    const r = mergeSidecars(base, ours, theirs, { generateId });
    assert.deepEqual(ids(r.data), ['a', 'new000', 'b']);
    assert.equal(r.data.annotations[0].label, 'location');
    assert.equal(r.data.annotations[1].label, 'organization');
    assert.deepEqual(r.conflicts, [{ id: 'a', reason: 'changed-on-both-sides', oursId: 'new000' }]);
  });

  it('anchor fields change as one unit: moved differently on each side is a conflict unless both mark the same place', () => {
    const base = sidecar(ann('a'));
    const ours = sidecar(ann('a', { start: 20, end: 27 }));
    const theirs = sidecar(ann('a', { start: 30, end: 37, prefix: 'other' }));
    assert.equal(mergeSidecars(base, ours, theirs, { generateId }).conflicts.length, 1);
    const same = mergeSidecars(base, ours, theirs, { generateId, sameAnchor: () => true });
    assert.deepEqual(same.conflicts, []);
    assert.deepEqual(same.data.annotations, [ann('a', { start: 20, end: 27 })]);
  });

  it('deleted here but changed there: their change is kept, and reported', () => {
    const base = sidecar(ann('a'), ann('b'));
    const r = mergeSidecars(base, sidecar(ann('b')), sidecar(ann('a', { label: 'event' }), ann('b')));
    assert.deepEqual(ids(r.data), ['a', 'b']);
    assert.deepEqual(r.conflicts, [{ id: 'a', reason: 'deleted-here-changed-there' }]);
  });

  it('changed here but deleted there: our change is kept, and reported', () => {
    const base = sidecar(ann('a'), ann('b'));
    const r = mergeSidecars(base, sidecar(ann('a', { label: 'event' }), ann('b')), sidecar(ann('b')));
    assert.deepEqual(ids(r.data), ['b', 'a']);
    assert.deepEqual(r.conflicts, [{ id: 'a', reason: 'changed-here-deleted-there' }]);
  });

  it('a deletion on one side of an unchanged annotation goes through', () => {
    const base = sidecar(ann('a'), ann('b'));
    assert.deepEqual(ids(mergeSidecars(base, sidecar(ann('b')), base).data), ['b']);
    assert.deepEqual(ids(mergeSidecars(base, base, sidecar(ann('a'))).data), ['a']);
  });

  it('the same new id on both sides with different content keeps both', () => {
    const base = sidecar();
    const r = mergeSidecars(base, sidecar(ann('x', { label: 'person' })), sidecar(ann('x', { label: 'event' })), { generateId });
    assert.deepEqual(ids(r.data), ['x', 'new000']);
    assert.deepEqual(r.conflicts, [{ id: 'x', reason: 'added-on-both-sides', oursId: 'new000' }]);
  });

  it('keeps unknown fields from both sides, top level included', () => {
    const base = sidecar(ann('a'));
    const ours = { ...sidecar(ann('a', { ours: 1 })), sourceHash: 'sha256:' + '1'.repeat(64) };
    const theirs = { ...sidecar(ann('a', { theirs: 2 })), reviewer: 'desk' };
    const r = mergeSidecars(base, ours, theirs);
    assert.deepEqual(r.data.annotations[0], ann('a', { ours: 1, theirs: 2 }));
    assert.equal(r.data.reviewer, 'desk');
    assert.equal(r.data.sourceHash, 'sha256:' + '1'.repeat(64));
  });

  it('treats a file that vanished, or was never read, sensibly', () => {
    // Never read, none on disk: ours as is.
    assert.deepEqual(ids(mergeSidecars(undefined, sidecar(ann('a')), undefined).data), ['a']);
    // Read, then deleted on disk: unchanged annotations go, changed ones stay (reported).
    const base = sidecar(ann('a'), ann('b'));
    const r = mergeSidecars(base, sidecar(ann('a'), ann('b', { label: 'event' })), undefined);
    assert.deepEqual(ids(r.data), ['b']);
    assert.equal(r.conflicts[0].reason, 'changed-here-deleted-there');
  });
});
