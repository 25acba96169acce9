// The sidebar's pure models: file rows with their sorts, filters and pages; duplicate groups with their pairs and
// shared passages; tags grouped as the Entities and Claims views show them (how each file's tags are read and
// re-anchored is the annotations index's: core/annotations/corpusAnnotations.test.ts).
import * as assert from 'assert';
import { JsonRange } from '../../../../src/core/report';
import type { DecisionStatus } from '../../../../src/core/annotations';
import { WireFinding } from '../../../../src/protocol/indexProtocol';
import type { ShownFileFindings, ShownFinding } from '../../../../src/vscode/findings/findingsStore';
import { duplicateGroups, duplicateGroupSteps, SharedPassage, StoredFile } from '../../../../src/vscode/views/model/duplicates';
import { arrangeRows, arrangeSteps, changesPlace, fileRow, FileFilter, FILE_FILTERS, FileRow, FileSort, FILE_SORTS, mergeSteps, page, rowDescription, rowProblem } from '../../../../src/vscode/views/model/files';
import { finish, sortSteps } from '../../../../src/vscode/views/model/steps';
import { claimStatuses, FileTags, groupEntities, listClaims } from '../../../../src/vscode/views/model/tags';

const r = (sl: number, sc: number, el: number, ec: number): JsonRange => ({ start: { line: sl, character: sc }, end: { line: el, character: ec } });
/** A passage's fields as a plain object (the groups hold its ranges as numbers and make them when read). */
const plainPassage = (p: SharedPassage) => ({
  a: p.a, b: p.b, length: p.length, ...(p.aDecision ? { aDecision: p.aDecision } : {}), ...(p.bDecision ? { bDecision: p.bDecision } : {}),
});

function dup(range: JsonRange, related: { path: string; range: JsonRange }[], length: number): WireFinding {
  return { kind: 'duplicate', code: 'duplicate.cross-file', message: 'same passage', score: 1, range, start: 0, end: length,
    related: related.map((x) => ({ ...x, start: 0, end: length })) };
}

/** A finding as the findings store gives it, with the decision about it and about each other copy. */
function decided(f: WireFinding, own: DecisionStatus | undefined, related: (DecisionStatus | undefined)[] = []): ShownFinding {
  return {
    ...f,
    ...(own ? { decision: { id: 'own', status: own } } : {}),
    related: f.related.map((x, i) => (related[i] ? { ...x, decision: { id: `r${i}`, status: related[i]! } } : x)),
  };
}

function findings(path: string, over: Partial<ShownFileFindings> = {}): ShownFileFindings {
  return { path, boilerplateShare: 0, duplicateShare: 0, nearDuplicates: [], findings: [], ...over };
}

function row(path: string, over: Partial<FileRow> = {}): FileRow {
  return { uri: `file:///c/${path}`, path, boilerplateShare: 0, duplicateShare: 0, copies: 0, tags: 0, orphaned: 0, invalid: false, ...over };
}

describe('views: file rows', () => {
  it('counts the other files a file shares passages with or nearly copies, once each, and its tags', () => {
    const f = findings('a.txt', {
      boilerplateShare: 0.38, duplicateShare: 0.12,
      nearDuplicates: [{ path: 'c.txt', similarity: 0.7 }],
      findings: [dup(r(1, 0, 2, 0), [{ path: 'b.txt', range: r(4, 0, 5, 0) }, { path: 'c.txt', range: r(0, 0, 1, 0) }], 40),
        dup(r(8, 0, 9, 0), [{ path: 'b.txt', range: r(7, 0, 8, 0) }], 30),
        { ...dup(r(10, 0, 11, 0), [{ path: 'a.txt', range: r(1, 0, 2, 0) }], 30), code: 'duplicate.in-file' }],
    });
    const tags: FileTags = { uri: 'file:///c/a.txt', orphaned: 2,
      tags: [{ uri: 'file:///c/a.txt', id: '1', kind: 'claim', label: '', quote: 'q', start: 0, end: 1, canonical: 'q', orphaned: false }] };
    const row = fileRow('file:///c/a.txt', 'a.txt', f, tags);
    assert.deepStrictEqual(row, { uri: 'file:///c/a.txt', path: 'a.txt', boilerplateShare: 0.38, duplicateShare: 0.12, copies: 2, tags: 1, orphaned: 2, invalid: false });
    assert.strictEqual(rowDescription(row), '38% boilerplate · 12% duplicated · 2 copies · 1 tag');
    assert.strictEqual(rowProblem(row), '2 orphaned annotations');
    assert.strictEqual(rowProblem({ ...row, invalid: true }), 'the sidecar is invalid');
    assert.strictEqual(rowProblem({ ...row, orphaned: 0 }), undefined);
  });

  it('sorts by a share or the tags (ties by path) and filters, leaving the input alone', () => {
    const rows = [row('b.txt', { boilerplateShare: 0.6, tags: 1 }), row('a.txt', { boilerplateShare: 0.2, duplicateShare: 0.5 }),
      row('c.txt', { boilerplateShare: 0.6, tags: 3, orphaned: 1 }), row('d.txt', { boilerplateShare: 0.51, copies: 1 })];
    const paths = (xs: FileRow[]) => xs.map((x) => x.path);
    assert.deepStrictEqual(paths(arrangeRows(rows, 'name', 'all')), ['a.txt', 'b.txt', 'c.txt', 'd.txt']);
    assert.deepStrictEqual(paths(arrangeRows(rows, 'boilerplate', 'all')), ['b.txt', 'c.txt', 'd.txt', 'a.txt']);
    assert.deepStrictEqual(paths(arrangeRows(rows, 'duplicated', 'all')), ['a.txt', 'b.txt', 'c.txt', 'd.txt']);
    assert.deepStrictEqual(paths(arrangeRows(rows, 'tags', 'all')), ['c.txt', 'b.txt', 'a.txt', 'd.txt']);
    assert.deepStrictEqual(paths(arrangeRows(rows, 'name', 'mostlyBoilerplate')), ['b.txt', 'c.txt', 'd.txt']);
    assert.deepStrictEqual(paths(arrangeRows(rows, 'name', 'duplicated')), ['a.txt', 'd.txt']);
    assert.deepStrictEqual(paths(arrangeRows(rows, 'name', 'untagged')), ['a.txt', 'd.txt']);
    assert.deepStrictEqual(paths(arrangeRows(rows, 'name', 'sidecarProblems')), ['c.txt']);
    assert.deepStrictEqual(paths(rows), ['b.txt', 'a.txt', 'c.txt', 'd.txt']);
  });

  it('merges rows that arrived into an arranged order as sorting them all again would, in every sort', () => {
    const shares = [0.6, 0.2, 0.6, 0.51, 0, 0.33, 0.2, 0.9];
    const all = shares.map((b, i) => row(`${String.fromCharCode(104 - i)}.txt`, { boilerplateShare: b, duplicateShare: shares[7 - i], tags: i % 3 }));
    for (const sort of ['name', 'boilerplate', 'duplicated', 'tags'] as FileSort[]) {
      const before = arrangeRows(all.slice(0, 5), sort, 'all');
      const merged = finish(mergeSteps(before, all.slice(5).reverse(), sort, 'all'));
      assert.deepStrictEqual(merged.map((x) => x.path), arrangeRows(all, sort, 'all').map((x) => x.path), sort);
      assert.strictEqual(before.length, 5, 'the arranged rows are left alone');
    }
    assert.deepStrictEqual(finish(mergeSteps([], [], 'name', 'all')), []);
  });

  it('arranges and merges a step at a time as one sort of every row would, on random rows in every sort and filter', () => {
    // A small random generator of its own, so the test is the same on every run.
    let seed = 13;
    const next = (n: number) => { seed = (Math.imul(seed, 1103515245) + 12345) >>> 0; return (seed >>> 8) % n; };
    const rows: FileRow[] = [];
    for (let i = 0; i < 3000; i++) {
      // Few distinct paths and shares, so that most comparisons tie on the sort key and many on the path (the URI
      // breaks those).
      rows.push({ ...row(`d${next(4)}/f${next(300)}.txt`, { boilerplateShare: next(5) / 4, duplicateShare: next(3) / 2, tags: next(3), copies: next(2) }), uri: `file:///c/${i}` });
    }
    for (const sort of Object.keys(FILE_SORTS) as FileSort[]) {
      for (const filter of Object.keys(FILE_FILTERS) as FileFilter[]) {
        const want = arrangeRows(rows, sort, filter).map((x) => x.uri);
        const steps = arrangeSteps(rows, sort, filter, 64);
        let yields = 0;
        let step = steps.next();
        while (!step.done) { yields++; step = steps.next(); }
        assert.deepStrictEqual(step.value.map((x) => x.uri), want, `${sort}, ${filter}`);
        // A step is about 64 rows' work: 3,000 rows filtered, then sorted and merged in passes, take many steps.
        assert.ok(yields >= Math.floor(rows.length / 64), `${sort}, ${filter}: ${yields} steps`);
        // The rows arrive in batches, each merged into the order so far.
        let arranged: FileRow[] = [];
        for (let at = 0; at < rows.length; at += 700) {
          arranged = finish(mergeSteps(arranged, rows.slice(at, at + 700), sort, filter, 64));
        }
        assert.deepStrictEqual(arranged.map((x) => x.uri), want, `${sort}, ${filter}, merged`);
      }
    }
  });

  it('lists the files with untagged mentions of strings tagged elsewhere, once counted, and says how many in the row', () => {
    const f = findings('a.txt', { boilerplateShare: 0.1, duplicateShare: 0 });
    const counted = fileRow('file:///c/a.txt', 'a.txt', f, undefined, 3);
    assert.strictEqual(counted.untagged, 3);
    assert.strictEqual(rowDescription(counted), '10% boilerplate · 0% duplicated · 0 tags · 3 untagged');
    assert.strictEqual(rowDescription(fileRow('file:///c/a.txt', 'a.txt', f, undefined, 0)), '10% boilerplate · 0% duplicated · 0 tags');
    assert.ok(!('untagged' in fileRow('file:///c/a.txt', 'a.txt', f, undefined)), 'not counted yet: no count');
    const rows = [row('b.txt', { untagged: 2 }), row('a.txt', { untagged: 0 }), row('c.txt', {}), row('d.txt', { untagged: 1, tags: 4 })];
    assert.deepStrictEqual(arrangeRows(rows, 'name', 'untaggedSuggestions').map((x) => x.path), ['b.txt', 'd.txt']);
    assert.strictEqual(changesPlace(rows[1], { ...rows[1], untagged: 1 }, 'name', 'untaggedSuggestions'), true);
    assert.strictEqual(changesPlace(rows[0], { ...rows[0], untagged: 5 }, 'name', 'untaggedSuggestions'), false);
  });

  it('tells when a change can move a row: its sort key changed, or it crossed the filter', () => {
    const before = row('a.txt', { boilerplateShare: 0.4, tags: 1 });
    assert.strictEqual(changesPlace(before, { ...before, tags: 2 }, 'boilerplate', 'all'), false);
    assert.strictEqual(changesPlace(before, { ...before, tags: 2 }, 'tags', 'all'), true);
    assert.strictEqual(changesPlace(before, { ...before, boilerplateShare: 0.45 }, 'name', 'all'), false);
    assert.strictEqual(changesPlace(before, { ...before, boilerplateShare: 0.55 }, 'name', 'mostlyBoilerplate'), true);
  });

  it('pages a long list: 500 of 1,201, then 1,000, then all', () => {
    const items = Array.from({ length: 1201 }, (_, i) => i);
    assert.deepStrictEqual([1, 2, 3].map((p) => { const x = page(items, 500, p); return [x.shown.length, x.rest]; }), [[500, 701], [1000, 201], [1201, 0]]);
    assert.strictEqual(page(items, 5000, 1).shown, items);
  });

  it('arranges 10,000 rows without building anything per row but the sorted array', () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => row(`f${String(i).padStart(5, '0')}.txt`, { boilerplateShare: (i * 7919 % 10_000) / 10_000 }));
    const sorted = arrangeRows(rows, 'boilerplate', 'mostlyBoilerplate');
    assert.strictEqual(sorted.length, 4999);
    assert.ok(sorted.every((x, i) => i === 0 || sorted[i - 1].boilerplateShare >= x.boilerplateShare));
    assert.strictEqual(sorted[0], rows.find((x) => x.boilerplateShare === sorted[0].boilerplateShare));
  });
});

/**
 * The groups' rules written plainly, as the groups were built before they held their pairs as numbers (a pair object
 * with an array of passages each): the reference the columns are checked against on random findings.
 */
function referenceGroups(stored: StoredFile[]): unknown[] {
  const num = new Map(stored.map((s, i) => [`${s.folder}\0${s.path}`, i]));
  const lookup = (s: StoredFile, path: string) => num.get(`${s.folder}\0${path}`);
  interface P { a: number; b: number; similarity?: number; passages: SharedPassage[] }
  const pairs = new Map<string, P>();
  const pairOf = (x: number, y: number) => {
    const [a, b] = stored[y].uri < stored[x].uri ? [y, x] : [x, y];
    let p = pairs.get(`${a},${b}`);
    if (!p) { pairs.set(`${a},${b}`, p = { a, b, passages: [] }); }
    return p;
  };
  const cross = (s: StoredFile) => s.file.findings.filter((f) => f.code === 'duplicate.cross-file');
  const passage = (a: JsonRange, b: JsonRange, length: number, ad?: DecisionStatus, bd?: DecisionStatus): SharedPassage =>
    ({ a, b, length, ...(ad ? { aDecision: ad } : {}), ...(bd ? { bDecision: bd } : {}) });
  const linked = stored.map((_, i) => i).filter((i) => stored[i].file.nearDuplicates.length > 0 || cross(stored[i]).length > 0);
  for (const i of linked) {
    for (const d of stored[i].file.nearDuplicates) {
      const o = lookup(stored[i], d.path);
      if (o === undefined || o === i) { continue; }
      const p = pairOf(i, o);
      p.similarity = Math.max(p.similarity ?? 0, d.similarity);
    }
    for (const f of cross(stored[i])) {
      for (const x of f.related) {
        const o = lookup(stored[i], x.path);
        if (o === undefined || o === i) { continue; }
        const p = pairOf(i, o);
        if (p.a === i) { p.passages.push(passage(f.range, x.range, f.end - f.start, f.decision?.status, x.decision?.status)); }
      }
    }
  }
  const same = (x: JsonRange, y: JsonRange) => JSON.stringify(x) === JSON.stringify(y);
  for (const i of linked) {
    for (const f of cross(stored[i])) {
      for (const x of f.related) {
        const o = lookup(stored[i], x.path);
        if (o === undefined || o === i || stored[i].uri < stored[o].uri) { continue; }
        const p = pairs.get(`${o},${i}`);
        if (!p || p.passages.some((q) => same(q.a, x.range))) { continue; }
        p.passages.push(passage(x.range, f.range, x.end - x.start, x.decision?.status, f.decision?.status));
      }
    }
  }
  const dismissed = (q: SharedPassage) => q.aDecision === 'dismissed' || q.bDecision === 'dismissed';
  const shown = [...pairs.values()].map((p) => ({ ...p, kept: p.passages.filter((q) => !dismissed(q)), dismissed: p.passages.filter(dismissed).length }))
    .filter((p) => p.dismissed === 0 || p.kept.length > 0);
  const root = (i: number): number => {
    // Files joined by shown pairs, the group's root its first file by URI.
    const seen = new Set([i]);
    for (let grew = true; grew;) {
      grew = false;
      for (const p of shown) {
        if (seen.has(p.a) !== seen.has(p.b)) { seen.add(p.a); seen.add(p.b); grew = true; }
      }
    }
    return [...seen].sort((x, y) => (stored[x].uri < stored[y].uri ? -1 : 1))[0];
  };
  const groups = new Map<number, typeof shown>();
  for (const p of shown) {
    const k = root(p.a);
    groups.set(k, [...(groups.get(k) ?? []), p]);
  }
  return [...groups].map(([k, ps]) => {
    const files = [...new Set(ps.flatMap((p) => [p.a, p.b]))].sort((x, y) => x - y).map((i) => stored[i].path).sort();
    const chars = (p: (typeof shown)[number]) => p.kept.reduce((n, q) => n + q.length, 0);
    const decided = (status: DecisionStatus) => [...new Set(ps.flatMap((p) => p.kept.flatMap((q) =>
      [...(q.aDecision === status ? [stored[p.a].path] : []), ...(q.bDecision === status ? [stored[p.b].path] : [])])))].sort();
    const key = (p: (typeof shown)[number]) => `${stored[p.a].uri}\0${stored[p.b].uri}`;
    const sorted = ps.slice().sort((x, y) => (y.similarity ?? 0) - (x.similarity ?? 0) || chars(y) - chars(x) || (key(x) < key(y) ? -1 : 1));
    return {
      key: stored[k].uri, files, similarity: Math.max(0, ...ps.map((p) => p.similarity ?? 0)), sharedChars: ps.reduce((n, p) => n + chars(p), 0),
      kept: decided('kept'), marked: decided('confirmed'),
      pairs: sorted.map((p) => ({ key: key(p), aPath: stored[p.a].path, bPath: stored[p.b].path, similarity: p.similarity, sharedChars: chars(p),
        dismissed: p.dismissed, passages: p.kept.slice().sort((x, y) => x.a.start.line - y.a.start.line || x.a.start.character - y.a.start.character) })),
    };
  }).sort((x, y) => y.files.length - x.files.length || y.sharedChars - x.sharedChars || (x.key < y.key ? -1 : 1));
}

describe('views: duplicate groups', () => {
  const folder = 'file:///c';
  const stored = (path: string, f: Partial<ShownFileFindings>): StoredFile => ({ uri: `${folder}/${path}`, folder, path, file: findings(path, f) });

  it('joins files linked by shared passages or near-copies into groups, biggest first, each pair once with its passages', () => {
    const files = [
      stored('a.txt', { findings: [dup(r(2, 0, 3, 0), [{ path: 'b.txt', range: r(5, 0, 6, 0) }], 120)] }),
      stored('b.txt', { findings: [dup(r(5, 0, 6, 0), [{ path: 'a.txt', range: r(2, 0, 3, 0) }], 120),
        dup(r(9, 0, 9, 50), [{ path: 'c.txt', range: r(1, 0, 1, 50) }], 50)] }),
      stored('c.txt', { findings: [dup(r(1, 0, 1, 50), [{ path: 'b.txt', range: r(9, 0, 9, 50) }], 50)] }),
      stored('d.txt', { nearDuplicates: [{ path: 'e.txt', similarity: 0.8 }] }),
      stored('e.txt', { nearDuplicates: [{ path: 'd.txt', similarity: 0.8 }] }),
      stored('f.txt', {}),
    ];
    const groups = duplicateGroups(files);
    assert.deepStrictEqual(groups.map((g) => g.files.map((f) => f.path)), [['a.txt', 'b.txt', 'c.txt'], ['d.txt', 'e.txt']]);
    const [abc, de] = groups;
    assert.deepStrictEqual(abc.pairs.slice().map((p) => [p.aPath, p.bPath, p.passages.length, p.sharedChars]), [['a.txt', 'b.txt', 1, 120], ['b.txt', 'c.txt', 1, 50]]);
    assert.deepStrictEqual(abc.pairs.slice().map((p) => p.key), [`${folder}/a.txt\0${folder}/b.txt`, `${folder}/b.txt\0${folder}/c.txt`]);
    assert.deepStrictEqual(plainPassage(abc.pairs.at(0)!.passages[0]), { a: r(2, 0, 3, 0), b: r(5, 0, 6, 0), length: 120 });
    assert.strictEqual(abc.sharedChars, 170);
    assert.deepStrictEqual(de.pairs.slice().map((p) => [p.aPath, p.bPath, p.similarity, p.passages.length]), [['d.txt', 'e.txt', 0.8, 0]]);
    assert.strictEqual(de.similarity, 0.8);
  });

  it('builds the groups the plain rules build, on random findings with decisions, near-copies and passages told twice', () => {
    let seed = 7;
    const next = (n: number) => { seed = (Math.imul(seed, 1103515245) + 12345) >>> 0; return (seed >>> 8) % n; };
    const statuses: (DecisionStatus | undefined)[] = [undefined, undefined, undefined, 'dismissed', 'kept', 'confirmed'];
    for (let round = 0; round < 20; round++) {
      const count = 5 + next(30);
      const names = Array.from({ length: count }, (_, i) => `f${next(1000)}-${i}.txt`);
      // Few ranges, so that passages start at the same place, are told from both sides and twice.
      const range = () => { const line = next(4); return r(line, next(2) * 10, line + 1 + next(2), 0); };
      const files = names.map((path) => {
        const found: ShownFinding[] = [];
        for (let k = next(4); k > 0; k--) {
          const related = Array.from({ length: 1 + next(3) }, () => ({ path: names[next(count)], range: range() }));
          const f = dup(range(), related, 10 + next(90));
          found.push(decided({ ...f, related: f.related.map((x) => ({ ...x, end: 10 + next(90) })) }, statuses[next(6)], related.map(() => statuses[next(6)])));
        }
        const nearDuplicates = next(4) === 0 ? [{ path: names[next(count)], similarity: (1 + next(9)) / 10 }] : [];
        return stored(path, { findings: found, nearDuplicates });
      });
      const got = duplicateGroups(files).map((g) => ({
        key: g.key, files: g.files.map((f) => f.path), similarity: g.similarity, sharedChars: g.sharedChars, kept: g.kept, marked: g.marked,
        pairs: g.pairs.slice().map((p) => ({ key: p.key, aPath: p.aPath, bPath: p.bPath, similarity: p.similarity, sharedChars: p.sharedChars,
          dismissed: p.dismissed, passages: p.passages.map(plainPassage) })),
      }));
      const want = referenceGroups(files).map((g) => ({ ...(g as { pairs: { passages: SharedPassage[] }[] }),
        pairs: (g as { pairs: { passages: SharedPassage[] }[] }).pairs.map((p) => ({ ...p, passages: p.passages.map(plainPassage) })) }));
      assert.deepStrictEqual(got, want, `round ${round}`);
      assert.ok(got.every((g) => g.pairs.every((p, k) => duplicateGroups(files)[got.indexOf(g)].pairs.at(k)!.passageCount === p.passages.length)));
    }
  });

  /** A chain of 40 files, each sharing one passage with the next, broken at the 21st: two groups. */
  const chainOfFiles = (): StoredFile[] => {
    const files: StoredFile[] = [];
    for (let i = 0; i < 40; i++) {
      const name = (k: number) => `n${String(k).padStart(2, '0')}.txt`;
      const links = [i - 1, i + 1].filter((k) => k >= 0 && k < 40 && k !== 20 && i !== 20);
      files.push(stored(name(i), { findings: links.map((k) => dup(r(k, 0, k, 30), [{ path: name(k), range: r(i, 0, i, 30) }], 30)) }));
    }
    return files;
  };

  it('builds the same groups a slice at a time, yielding between slices', () => {
    const files = chainOfFiles();
    const steps = duplicateGroupSteps(files, 3);
    let yields = 0;
    let step = steps.next();
    while (!step.done) { yields++; step = steps.next(); }
    assert.ok(yields >= 10, `yielded ${yields} times`);
    assert.deepStrictEqual(step.value, duplicateGroups(files));
    assert.deepStrictEqual(step.value.map((g) => [g.files.length, g.pairs.length, g.key]), [[20, 19, 'file:///c/n00.txt'], [19, 18, 'file:///c/n21.txt']]);
  });

  it('sizes a rebuild\'s table from the last one\'s, with the same groups, and notes its own sizes', () => {
    const files = chainOfFiles();
    const shown = (groups: ReturnType<typeof duplicateGroups>) => groups.map((g) => ({
      key: g.key, files: g.files, kept: g.kept, marked: g.marked, similarity: g.similarity, sharedChars: g.sharedChars,
      pairs: g.pairs.slice().map((p) => ({ key: p.key, passages: p.passages, sharedChars: p.sharedChars, dismissed: p.dismissed })),
    }));
    const sizes = { pairs: 0, passages: 0 };
    const first = finish(duplicateGroupSteps(files, 3, sizes));
    // 19 + 18 pairs; each passage told from both of its files.
    assert.deepStrictEqual(sizes, { pairs: 37, passages: 74 });
    assert.deepStrictEqual(shown(first), shown(duplicateGroups(files)));
    // Sized from the last rebuild, larger or smaller than this one: the same groups.
    assert.deepStrictEqual(shown(finish(duplicateGroupSteps(files, 3, sizes))), shown(first));
    assert.deepStrictEqual(shown(finish(duplicateGroupSteps(files, 3, { pairs: 5000, passages: 9000 }))), shown(first));
    assert.deepStrictEqual(sizes, { pairs: 37, passages: 74 });
  });

  it('sorts a long list a slice at a time, stably, as one sort would', () => {
    // Pseudo-random keys with many repeats, so that stability shows (the index breaks the ties).
    let seed = 7;
    const list = Array.from({ length: 1000 }, (_, index) => { seed = (seed * 48271) % 2147483647; return { key: seed % 50, index }; });
    const compare = (a: { key: number }, b: { key: number }) => a.key - b.key;
    const steps = sortSteps(list.slice(), compare, 64);
    let yields = 0;
    let step = steps.next();
    while (!step.done) { yields++; step = steps.next(); }
    assert.deepStrictEqual(step.value, list.slice().sort((a, b) => a.key - b.key || a.index - b.index));
    // 1,000 items in runs of 2 and merges of about 10,000 moves: no slice did more than about 64.
    assert.ok(yields >= 150, `yielded ${yields} times`);
    const short = sortSteps([3, 1, 2], (a, b) => a - b, 64).next();
    assert.deepStrictEqual([short.done, short.value], [true, [1, 2, 3]]);
  });

  it('counts the related places of a file as work, so that one file naming many copies is split across slices', () => {
    // One file naming 100 copies in one finding, and the 100 files holding them (known only from its side).
    const leaf = (k: number) => `leaf${String(k).padStart(3, '0')}.txt`;
    const hub = stored('hub.txt', { findings: [dup(r(0, 0, 1, 0), Array.from({ length: 100 }, (_, k) => ({ path: leaf(k), range: r(0, 0, 1, 0) })), 90)] });
    const files = [hub, ...Array.from({ length: 100 }, (_, k) => stored(leaf(k), {}))];
    const yieldsOf = (list: StoredFile[], slice: number) => {
      const steps = duplicateGroupSteps(list, slice);
      let yields = 0;
      let step = steps.next();
      while (!step.done) { yields++; step = steps.next(); }
      return { yields, groups: step.value };
    };
    // 101 files at a slice of 1,000 make no slice of files or pairs: only the hub's 100 places count.
    const { yields, groups } = yieldsOf(files, 20);
    const baseline = yieldsOf(files, 1000);
    assert.deepStrictEqual(groups, duplicateGroups(files));
    assert.deepStrictEqual(groups.map((g) => [g.files.length, g.pairs.length]), [[101, 100]]);
    // Files 101/20, the hub's places 100/20, pairs 100/20 twice, plus the step between grouping and sorting.
    assert.ok(yields >= 21, `yielded ${yields} times`);
    assert.strictEqual(baseline.yields, 1);
  });

  it('cuts the visit of one passage named in thousands of files across steps, not only before it', () => {
    const leaf = (k: number) => `l${String(k).padStart(4, '0')}.txt`;
    let visited = 0;
    // Each related place counts itself as its path is read, so that a step's share of them can be seen.
    const passage = dup(r(0, 0, 1, 0), Array.from({ length: 2000 }, (_, k) => ({ path: leaf(k), range: r(0, 0, 1, 0) })), 90);
    passage.related = passage.related.map((x) => ({ ...x, get path() { visited++; return x.path; } }));
    const hub = stored('hub.txt', { findings: [passage] });
    const files = [hub, ...Array.from({ length: 2000 }, (_, k) => stored(leaf(k), {}))];
    const steps = duplicateGroupSteps(files, 100);
    let most = 0;
    let step;
    do {
      const before = visited;
      step = steps.next();
      most = Math.max(most, visited - before);
    } while (!step.done);
    assert.strictEqual(step.value[0].pairs.length, 2000);
    assert.ok(most <= 100, `one step visited ${most} places`);
  });

  it('takes a passage from the second file when only its findings are known, and ignores paths of other folders', () => {
    const files = [stored('z.txt', { findings: [dup(r(0, 0, 1, 0), [{ path: 'y.txt', range: r(3, 0, 4, 0) }, { path: 'gone.txt', range: r(0, 0, 1, 0) }], 70)] }),
      stored('y.txt', {})];
    const [g] = duplicateGroups(files);
    assert.deepStrictEqual(g.pairs.slice().map((p) => [p.aPath, p.bPath]), [['y.txt', 'z.txt']]);
    assert.deepStrictEqual(g.pairs.at(0)!.passages.map(plainPassage), [{ a: r(3, 0, 4, 0), b: r(0, 0, 1, 0), length: 70 }]);
  });

  it('leaves out a passage dismissed on either copy, and a pair whose every passage was; names kept and marked copies', () => {
    const ab1 = dup(r(2, 0, 3, 0), [{ path: 'b.txt', range: r(5, 0, 6, 0) }], 120);
    const ab2 = dup(r(8, 0, 9, 0), [{ path: 'b.txt', range: r(12, 0, 13, 0) }], 80);
    const bc = dup(r(20, 0, 21, 0), [{ path: 'c.txt', range: r(1, 0, 2, 0) }], 60);
    const cd = dup(r(4, 0, 5, 0), [{ path: 'd.txt', range: r(0, 0, 1, 0) }], 40);
    const files = [
      // a.txt kept its copy of the first passage and dismissed the second; b.txt holds the copies of both.
      stored('a.txt', { findings: [decided(ab1, 'kept'), decided(ab2, 'dismissed')] }),
      // b.txt marked its copy of the passage it shares with c.txt as the duplicate; c.txt dismissed its copy of the one
      // it shares with d.txt, which d.txt knows only as "dismissed over there" (d.txt sorts after c.txt).
      stored('b.txt', { findings: [decided(bc, 'confirmed')] }),
      stored('c.txt', { findings: [decided(cd, 'dismissed')] }),
      stored('d.txt', { findings: [decided(dup(r(0, 0, 1, 0), [{ path: 'c.txt', range: r(4, 0, 5, 0) }], 40), undefined, ['dismissed'])] }),
    ];
    const groups = duplicateGroups(files);
    assert.deepStrictEqual(groups.map((g) => g.files.map((f) => f.path)), [['a.txt', 'b.txt', 'c.txt']], 'c.txt and d.txt share nothing left');
    const [g] = groups;
    assert.deepStrictEqual(g.pairs.slice().map((p) => [p.aPath, p.bPath, p.passages.length, p.sharedChars, p.dismissed]),
      [['a.txt', 'b.txt', 1, 120, 1], ['b.txt', 'c.txt', 1, 60, 0]]);
    assert.deepStrictEqual(g.pairs.at(0)!.passages.map(plainPassage), [{ a: r(2, 0, 3, 0), b: r(5, 0, 6, 0), length: 120, aDecision: 'kept' }]);
    assert.deepStrictEqual(g.pairs.at(1)!.passages.map(plainPassage), [{ a: r(20, 0, 21, 0), b: r(1, 0, 2, 0), length: 60, aDecision: 'confirmed' }]);
    assert.deepStrictEqual([g.sharedChars, g.kept, g.marked], [180, ['a.txt'], ['b.txt']]);
    // The decision about the other copy, seen from the first file's side, marks the second file's copy.
    const [h] = duplicateGroups([stored('a.txt', { findings: [decided(ab1, undefined, ['kept'])] }), stored('b.txt', {})]);
    assert.deepStrictEqual([h.pairs.at(0)!.passages[0].bDecision, h.kept], ['kept', ['b.txt']]);
  });

  it('does not count a copy that a dismissed passage would make', () => {
    const f = findings('a.txt', { findings: [decided(dup(r(1, 0, 2, 0), [{ path: 'b.txt', range: r(4, 0, 5, 0) }], 40), 'dismissed'),
      decided(dup(r(8, 0, 9, 0), [{ path: 'c.txt', range: r(7, 0, 8, 0) }], 30), undefined, ['dismissed']),
      decided(dup(r(12, 0, 13, 0), [{ path: 'd.txt', range: r(7, 0, 8, 0) }], 30), 'kept')] });
    assert.strictEqual(fileRow('file:///c/a.txt', 'a.txt', f, undefined).copies, 1);
  });
});

describe('views: tags grouped', () => {
  it('groups entities by label, then canonical name (most mentioned first), and lists claims by status', () => {
    const mk = (uri: string, id: string, kind: 'entity' | 'claim', label: string, canonical: string, start: number, status?: string) =>
      ({ uri, id, kind, label, quote: canonical, start, end: start + 1, canonical, ...(kind === 'claim' ? { status: status ?? 'unverified' } : {}), orphaned: false });
    const files: FileTags[] = [
      { uri: 'u:b', orphaned: 0, tags: [mk('u:b', '1', 'entity', 'person', 'Ana Lindqvist', 9), mk('u:b', '2', 'entity', 'organization', 'Harbour Trust', 3),
        mk('u:b', '3', 'claim', '', 'c', 1, 'refuted')] },
      { uri: 'u:a', orphaned: 0, tags: [mk('u:a', '4', 'entity', 'person', 'Tomas Berg', 2), mk('u:a', '5', 'entity', 'person', 'Ana Lindqvist', 5),
        mk('u:a', '6', 'claim', '', 'd', 4), mk('u:a', '7', 'claim', '', 'e', 0, 'refuted')] },
    ];
    const groups = groupEntities(files);
    assert.deepStrictEqual(groups.map((g) => [g.label, g.mentions, g.entities.map((e) => [e.canonical, e.files, e.mentions.map((m) => m.id)])]), [
      ['organization', 1, [['Harbour Trust', 1, ['2']]]],
      ['person', 3, [['Ana Lindqvist', 2, ['5', '1']], ['Tomas Berg', 1, ['4']]]],
    ]);
    assert.deepStrictEqual(listClaims(files).map((c) => c.id), ['7', '6', '3']);
    assert.deepStrictEqual(listClaims(files, new Set(['refuted'])).map((c) => c.id), ['7', '3']);
    assert.deepStrictEqual(claimStatuses(files), [{ status: 'refuted', count: 2 }, { status: 'unverified', count: 1 }]);
  });
});
