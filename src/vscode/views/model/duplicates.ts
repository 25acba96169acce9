// The Duplicates view's model: files that share passages or are near-copies of each other, gathered into groups
// (connected components of the "shares with" relation), each with its pairs and the passages each pair shares.
// Built from the findings store's findings, which carry the editor's decisions: a passage dismissed on either copy
// ("not a duplicate") is left out, and a pair whose every passage was dismissed with it; a copy kept or marked as
// the duplicate is said on its passage and its group. No 'vscode' import, so it is unit-tested.
import type { DecisionStatus } from '../../../core/annotations';
import { DuplicateCode } from '../../../core/findings';
import { JsonRange } from '../../../core/report';
import type { ShownFileFindings } from '../../findings/findingsStore';
import { finish, sortSteps } from './steps';

export interface StoredFile {
  uri: string;
  /** The workspace folder's URI. */
  folder: string;
  /** The file's path (its findings' `path`: read without making them, which a packed store's `file` does). */
  path: string;
  /**
   * Whether the file shares a passage with another file or has near-copies, when known without its findings (the
   * store knows it of a packed file): the groups then make the findings of the linked files only.
   */
  linked?: boolean;
  file: ShownFileFindings;
  /**
   * The file with only its cross-file duplicate findings, when the source can make those alone (the store can):
   * the groups read nothing else of a file's findings.
   */
  shared?: ShownFileFindings;
}

export interface SharedPassage {
  /** The range in the pair's first file, and the same passage in the second. */
  a: JsonRange;
  b: JsonRange;
  /** Its length in the first file, in UTF-16 code units. */
  length: number;
  /** The editor's decision about the copy in the first file, and about the one in the second, where there is one. */
  aDecision?: DecisionStatus;
  bDecision?: DecisionStatus;
}

export interface DuplicatePair {
  /** Identity: "<uri a>\0<uri b>", a before b. */
  key: string;
  a: string;
  b: string;
  aPath: string;
  bPath: string;
  /** The near-duplicate similarity of the two documents, when the index measured one. */
  similarity?: number;
  /** How many passages the two share (those dismissed left out). */
  passageCount: number;
  /** The passages, in the first file's order: made when read (when the pair's item is expanded). */
  passages: SharedPassage[];
  /** Its `k`th passage alone. */
  passage(k: number): SharedPassage;
  /** Characters shared, in the first file. */
  sharedChars: number;
  /** Passages an editor dismissed on either copy, left out of `passages` and `sharedChars`. */
  dismissed: number;
}

/** A group's pairs in the view's order, made when read: the groups hold them as numbers. (An array is one too.) */
export interface PairList {
  readonly length: number;
  /** The `k`th pair, made now; undefined past the end. */
  at(k: number): DuplicatePair | undefined;
  /** The pairs from `start` to `end` (all of them by default), each made now. */
  slice(start?: number, end?: number): DuplicatePair[];
}

export interface DuplicateGroup {
  /** Identity: the uri of its first file. */
  key: string;
  files: { uri: string; path: string }[];
  pairs: PairList;
  /** The highest similarity of its pairs (0 when none was measured). */
  similarity: number;
  sharedChars: number;
  /** The files holding a copy an editor kept, and those holding a copy marked as the duplicate, by path. */
  kept: string[];
  marked: string[];
}

/** Groups the files of one folder or several (paths are resolved within each file's folder). */
export function duplicateGroups(stored: Iterable<StoredFile>): DuplicateGroup[] {
  return finish(duplicateGroupSteps(stored));
}

/**
 * How many pairs and passages a rebuild's table held. A caller that rebuilds the groups again and again (the view,
 * as a corpus's findings arrive) passes the same object each time: a rebuild sizes its columns from the last one's
 * and writes its own. Grown from empty, the table doubled its columns and rehashed its pairs inside single steps
 * (at 1 GB: 311,726 pairs, the passages' column some tens of MB copied at once, 26-45 ms a step).
 */
export interface TableSizes {
  pairs: number;
  passages: number;
}

/**
 * The same as duplicateGroups, a slice at a time: the generator yields after about `slice` files, related places or
 * pairs of work, so that a caller on the extension host's thread can give the thread back between slices, and returns
 * the groups. Files are numbered, pairs too, and what the groups hold is columns of numbers: a rebuild made a pair
 * object, its passages' array and a passage each for every pair (311,726 pairs at 1 GB), the garbage in which the
 * host's full collections landed.
 */
export function* duplicateGroupSteps(stored: Iterable<StoredFile>, slice = 2000, sizes?: TableSizes): Generator<void, DuplicateGroup[]> {
  const all: StoredFile[] = [];
  const uris: string[] = [];
  const pathList: string[] = [];
  const ids = new Map<string, Map<string, number>>();
  for (const s of stored) {
    let paths = ids.get(s.folder);
    if (!paths) { ids.set(s.folder, paths = new Map()); }
    // The URIs and paths by number are taken here, in steps: two lists of 133,000 made at once after the loop (each
    // path read through the store's entry) held the host's thread for tens of milliseconds in the real editor.
    const path = s.path;
    paths.set(path, all.length);
    all.push(s);
    uris.push(s.uri);
    pathList.push(path);
    // Numbering 133,000 files at once held the host's thread for some 70 ms.
    if (all.length % slice === 0) { yield; }
  }
  const n = all.length;
  const lookup = (s: StoredFile, path: string) => ids.get(s.folder)?.get(path);
  const t = new PairTable(uris, pathList, sizes);
  // Only files with a cross-file passage or a near-copy can be in a pair. (Not judged by duplicateShare, which is
  // rounded: a short passage in a long file can round to 0.)
  const linked: number[] = [];
  for (let i = 0; i < n; i++) {
    const s = all[i];
    if (s.linked ?? (s.file.nearDuplicates.length > 0 || s.file.findings.some((x) => x.code === DuplicateCode.crossFile))) { linked.push(i); }
    if (i % slice === slice - 1) { yield; }
  }
  // Work is counted in related places, not files: at 1 GB a file of a syndicated story can name hundreds of
  // places, and a slice of 2,000 such files held the host's thread for 0.6-1.4 s.
  let work = 0;
  const did = (units: number): boolean => {
    work += units;
    if (work < slice) { return false; }
    work = 0;
    return true;
  };
  for (const i of linked) {
    const s = all[i];
    // Reading a packed file's findings makes them (its findings count as work: a syndicated story's file can have
    // hundreds, and 2,000 such files made in one slice held the thread for 150 ms).
    const file = s.shared ?? s.file;
    if (did(1 + file.findings.length)) { yield; }
    // A place is counted as it is visited, not before its list: a file with thousands of near-copies, or a passage
    // syndicated to thousands of files, made one step of 52-91 ms at the end of indexing at 1 GB.
    for (const d of file.nearDuplicates) {
      if (did(1)) { yield; }
      const other = lookup(s, d.path);
      if (other === undefined || other === i) { continue; }
      const pair = t.pairOf(i, other);
      t.similarity.set(pair, Math.max(t.similarity.get(pair), d.similarity));
    }
    for (const f of file.findings) {
      if (f.code !== DuplicateCode.crossFile) { continue; }
      for (const r of f.related) {
        if (did(1)) { yield; }
        const other = lookup(s, r.path);
        if (other === undefined || other === i) { continue; }
        const pair = t.pairOf(i, other);
        // Each passage is reported from both sides; the one reported by the pair's first file comes first.
        if (t.first.get(pair) !== i) { continue; }
        t.addPassage(pair, f.range, r.range, f.end - f.start, f.decision?.status, r.decision?.status, 0);
      }
    }
  }
  // A passage known only from the second file's side (its findings came first) is taken from there: every passage
  // reported from that side is kept, and those the first side (or the second, twice) reported too are dropped once
  // the passages are sorted, where they stand beside each other.
  for (const i of linked) {
    const s = all[i];
    const file = s.shared ?? s.file;
    if (did(1 + file.findings.length)) { yield; }
    for (const f of file.findings) {
      if (f.code !== DuplicateCode.crossFile) { continue; }
      for (const r of f.related) {
        if (did(1)) { yield; }
        const other = lookup(s, r.path);
        if (other === undefined || other === i || s.uri < all[other].uri) { continue; }
        const pair = t.find(other, i);
        if (pair < 0) { continue; }
        t.addPassage(pair, r.range, f.range, r.end - r.start, r.decision?.status, f.decision?.status, 1);
      }
    }
  }
  yield* t.arrangePassages(slice);
  if (sizes) {
    sizes.pairs = t.pairs;
    sizes.passages = t.rows.length / PASSAGE_FIELDS;
  }
  t.forgetLookups();
  // The pairs shown, in the order they were made: every passage the two share is not a duplicate, an editor said of
  // a pair whose passages were all dismissed, nor is the pair.
  const shown: number[] = [];
  for (let p = 0; p < t.pairs; p++) {
    if (++work % slice === 0) { yield; }
    if (t.dismissed.get(p) > 0 && t.count.get(p) === 0) { continue; }
    shown.push(p);
  }
  return yield* components(t, shown, n, slice);
}

/** A column of integers that grows (doubling): one typed array, no object per row. */
class IntColumn {
  private data: Int32Array;
  length = 0;
  constructor(capacity = 1024) { this.data = new Int32Array(capacity); }
  push(v: number): void {
    if (this.length === this.data.length) { this.grow(); }
    this.data[this.length++] = v;
  }
  get(i: number): number { return this.data[i]; }
  set(i: number, v: number): void { this.data[i] = v; }
  private grow(): void {
    const next = new Int32Array(this.data.length * 2);
    next.set(this.data);
    this.data = next;
  }
}

/** The same for fractions (a pair's similarity; -1 when none was measured). */
class FloatColumn {
  private data: Float64Array;
  length = 0;
  constructor(capacity = 1024) { this.data = new Float64Array(capacity); }
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new Float64Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
  get(i: number): number { return this.data[i]; }
  set(i: number, v: number): void { this.data[i] = v; }
}

const DECISIONS: readonly (DecisionStatus | undefined)[] = [undefined, 'confirmed', 'dismissed', 'kept'];
const decisionCode = (d: DecisionStatus | undefined) => (d === undefined ? 0 : DECISIONS.indexOf(d));
const DISMISSED = decisionCode('dismissed');

/** A passage's fields in the passages' column, one row of PASSAGE_FIELDS integers each. */
const P_PAIR = 0;
const P_A = 1; // the first file's range: line, character, end line, end character
const P_B = 5; // the second file's
const P_LENGTH = 9;
const P_DECISIONS = 10; // the first copy's decision, and the second's times 4
const P_SIDE = 11; // 0 when reported by the pair's first file, 1 by its second
const PASSAGE_FIELDS = 12;

/**
 * The pairs of a rebuild and their passages, as columns of integers: a pair is a number (its files' numbers, its
 * similarity, where its passages start in the arranged passages and how many), a passage a row of twelve integers.
 * A pair and its passages are made as objects only when read (the view reads the pairs of the pages it shows, and a
 * pair's passages when its item is expanded).
 */
class PairTable {
  readonly first: IntColumn;
  readonly second: IntColumn;
  readonly similarity: FloatColumn;
  /** A pair's first passage in `arranged`, how many it shows, how many were dismissed, and its shared characters. */
  readonly start: IntColumn;
  readonly count: IntColumn;
  readonly dismissed: IntColumn;
  readonly chars: IntColumn;
  readonly rows: IntColumn;
  /** The passages shown, pair after pair, each pair's in its first file's order (rows of `rows`). */
  arranged = new Int32Array(0);
  /** An open-addressing table from a pair's two files to its number (plus one; 0 is empty). */
  private slots: Int32Array;

  /** @param sizes the last rebuild's, if any: the columns start with room for a quarter more, the lookup table for twice that */
  constructor(readonly uris: readonly string[], readonly paths: readonly string[], sizes?: TableSizes) {
    const pairs = Math.max(1024, Math.ceil((sizes?.pairs ?? 0) * 1.25));
    const passages = Math.max(1024, Math.ceil((sizes?.passages ?? 0) * 1.25));
    this.first = new IntColumn(pairs);
    this.second = new IntColumn(pairs);
    this.similarity = new FloatColumn(pairs);
    this.start = new IntColumn(pairs);
    this.count = new IntColumn(pairs);
    this.dismissed = new IntColumn(pairs);
    this.chars = new IntColumn(pairs);
    this.rows = new IntColumn(PASSAGE_FIELDS * passages);
    // A power of two at least twice the pairs expected: rehashed when the pairs pass half of it.
    this.slots = new Int32Array(2 ** Math.ceil(Math.log2(pairs * 2)));
  }

  get pairs(): number { return this.first.length; }

  /** The pair of files x and y, made if new: its first file is the one whose URI sorts first. */
  pairOf(x: number, y: number): number {
    const [a, b] = this.uris[y] < this.uris[x] ? [y, x] : [x, y];
    const found = this.find(a, b);
    if (found >= 0) { return found; }
    const pair = this.first.length;
    this.first.push(a);
    this.second.push(b);
    this.similarity.push(-1);
    this.start.push(0);
    this.count.push(0);
    this.dismissed.push(0);
    this.chars.push(0);
    if (this.pairs * 2 > this.slots.length) { this.rehash(); } else { this.slots[this.slotOf(a, b)] = pair + 1; }
    return pair;
  }

  /** The pair whose first file is a and second b, or -1. */
  find(a: number, b: number): number {
    return this.slots[this.slotOf(a, b)] - 1;
  }

  /** The slot holding the pair (a, b), or the empty one where it would go. */
  private slotOf(a: number, b: number): number {
    const mask = this.slots.length - 1;
    let h = (Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b)) & mask;
    for (;;) {
      const at = this.slots[h];
      if (at === 0 || (this.first.get(at - 1) === a && this.second.get(at - 1) === b)) { return h; }
      h = (h + 1) & mask;
    }
  }

  /** Drops the table from files to pairs, once every pair is made (the groups only read pairs by number). */
  forgetLookups(): void {
    this.slots = new Int32Array(1);
  }

  private rehash(): void {
    this.slots = new Int32Array(this.slots.length * 2);
    for (let p = 0; p < this.pairs; p++) { this.slots[this.slotOf(this.first.get(p), this.second.get(p))] = p + 1; }
  }

  addPassage(pair: number, a: JsonRange, b: JsonRange, length: number, aDecision: DecisionStatus | undefined, bDecision: DecisionStatus | undefined, side: number): void {
    const r = this.rows;
    r.push(pair);
    r.push(a.start.line); r.push(a.start.character); r.push(a.end.line); r.push(a.end.character);
    r.push(b.start.line); r.push(b.start.character); r.push(b.end.line); r.push(b.end.character);
    r.push(length);
    r.push(decisionCode(aDecision) + 4 * decisionCode(bDecision));
    r.push(side);
  }

  field(row: number, f: number): number { return this.rows.get(row * PASSAGE_FIELDS + f); }

  /**
   * Sorts the passages by pair, then by where they start in the first file (the first file's side first, then as
   * they were reported), drops those reported twice, leaves the dismissed out (counted), and sets each pair's place
   * in `arranged`, its count and its shared characters.
   */
  *arrangePassages(slice: number): Generator<void, void> {
    // The sort is stable and every passage from the first file's side was added before any from the second's, so
    // ties keep the first side first, then the order they were reported in.
    const total = this.rows.length / PASSAGE_FIELDS;
    const order: number[] = [];
    for (let k = 0; k < total; k++) {
      order.push(k);
      if (k % (slice * 8) === slice * 8 - 1) { yield; }
    }
    const f = (row: number, field: number) => this.rows.get(row * PASSAGE_FIELDS + field);
    const sorted = yield* sortSteps(order, (x, y) => f(x, P_PAIR) - f(y, P_PAIR) || f(x, P_A) - f(y, P_A) || f(x, P_A + 1) - f(y, P_A + 1), slice * 8);
    const arranged = new Int32Array(total);
    let out = 0;
    let current = -1;
    for (let k = 0; k < total; k++) {
      if (k % slice === slice - 1) { yield; }
      const row = sorted[k];
      const pair = f(row, P_PAIR);
      if (pair !== current) { current = pair; this.start.set(pair, out); }
      // One reported from the second file's side is dropped when one with the same range in the first file came
      // before it (in the same pair, the same start, so among the few just before).
      if (f(row, P_SIDE) === 1 && this.knownBefore(sorted, k, row)) { continue; }
      const decisions = f(row, P_DECISIONS);
      if (decisions % 4 === DISMISSED || Math.floor(decisions / 4) === DISMISSED) {
        this.dismissed.set(pair, this.dismissed.get(pair) + 1);
        continue;
      }
      arranged[out++] = row;
      this.count.set(pair, this.count.get(pair) + 1);
      this.chars.set(pair, this.chars.get(pair) + f(row, P_LENGTH));
    }
    this.arranged = arranged.slice(0, out);
  }

  /**
   * Whether a passage of the same pair and the same range in the first file stands before `sorted[k]` (one that was
   * itself dropped has an equal one before it).
   */
  private knownBefore(sorted: readonly number[], k: number, row: number): boolean {
    const f = (r: number, field: number) => this.rows.get(r * PASSAGE_FIELDS + field);
    for (let j = k - 1; j >= 0; j--) {
      const other = sorted[j];
      if (f(other, P_PAIR) !== f(row, P_PAIR) || f(other, P_A) !== f(row, P_A) || f(other, P_A + 1) !== f(row, P_A + 1)) { return false; }
      if (f(other, P_A + 2) === f(row, P_A + 2) && f(other, P_A + 3) === f(row, P_A + 3)) { return true; }
    }
    return false;
  }
}

/** A pair of a rebuild's table, made when read. */
class PairView implements DuplicatePair {
  constructor(private readonly t: PairTable, private readonly id: number) {}
  get a(): string { return this.t.uris[this.t.first.get(this.id)]; }
  get b(): string { return this.t.uris[this.t.second.get(this.id)]; }
  get aPath(): string { return this.t.paths[this.t.first.get(this.id)]; }
  get bPath(): string { return this.t.paths[this.t.second.get(this.id)]; }
  get key(): string { return `${this.a}\0${this.b}`; }
  get similarity(): number | undefined {
    const s = this.t.similarity.get(this.id);
    return s < 0 ? undefined : s;
  }
  get passageCount(): number { return this.t.count.get(this.id); }
  get sharedChars(): number { return this.t.chars.get(this.id); }
  get dismissed(): number { return this.t.dismissed.get(this.id); }
  get passages(): SharedPassage[] {
    const out: SharedPassage[] = [];
    for (let k = 0; k < this.passageCount; k++) { out.push(this.passage(k)); }
    return out;
  }
  passage(k: number): SharedPassage {
    const row = this.t.arranged[this.t.start.get(this.id) + k];
    const f = (field: number) => this.t.field(row, field);
    const p: SharedPassage = {
      a: range(f(P_A), f(P_A + 1), f(P_A + 2), f(P_A + 3)),
      b: range(f(P_B), f(P_B + 1), f(P_B + 2), f(P_B + 3)),
      length: f(P_LENGTH),
    };
    const aDecision = DECISIONS[f(P_DECISIONS) % 4];
    const bDecision = DECISIONS[Math.floor(f(P_DECISIONS) / 4)];
    if (aDecision) { p.aDecision = aDecision; }
    if (bDecision) { p.bDecision = bDecision; }
    return p;
  }
}

/** A group's pairs: their numbers, in the view's order. */
class Pairs implements PairList {
  constructor(private readonly t: PairTable, private readonly ids: Int32Array) {}
  get length(): number { return this.ids.length; }
  at(k: number): DuplicatePair | undefined { return k >= 0 && k < this.ids.length ? new PairView(this.t, this.ids[k]) : undefined; }
  slice(start = 0, end = this.ids.length): DuplicatePair[] {
    const out: DuplicatePair[] = [];
    for (let k = Math.max(0, start); k < Math.min(end, this.ids.length); k++) { out.push(new PairView(this.t, this.ids[k])); }
    return out;
  }
}

function range(line: number, character: number, endLine: number, endCharacter: number): JsonRange {
  return { start: { line, character }, end: { line: endLine, character: endCharacter } };
}

/** Union-find over the pairs' files (numbered); groups biggest first, then by shared characters. */
function* components(t: PairTable, shown: readonly number[], n: number, slice: number): Generator<void, DuplicateGroup[]> {
  const parent = new Int32Array(n).fill(-1);
  const find = (x: number): number => {
    let root = x;
    while (parent[root] !== root) { root = parent[root]; }
    while (x !== root) { const next = parent[x]; parent[x] = root; x = next; }
    return root;
  };
  let work = 0;
  for (const p of shown) {
    const a = t.first.get(p);
    const b = t.second.get(p);
    if (parent[a] < 0) { parent[a] = a; }
    if (parent[b] < 0) { parent[b] = b; }
    const ra = find(a);
    const rb = find(b);
    // The root is the file whose URI sorts first, so that a group's key is its first file.
    if (ra !== rb) { if (t.uris[ra] < t.uris[rb]) { parent[rb] = ra; } else { parent[ra] = rb; } }
    if (++work % slice === 0) { yield; }
  }
  interface Building extends Omit<DuplicateGroup, 'pairs'> { ids: number[] }
  const groups = new Map<number, Building>();
  for (const p of shown) {
    if (++work % slice === 0) { yield; }
    const root = find(t.first.get(p));
    let g = groups.get(root);
    if (!g) { groups.set(root, g = { key: t.uris[root], files: [], ids: [], similarity: 0, sharedChars: 0, kept: [], marked: [] }); }
    g.ids.push(p);
    g.similarity = Math.max(g.similarity, t.similarity.get(p));
    g.sharedChars += t.chars.get(p);
    const start = t.start.get(p);
    for (let k = 0; k < t.count.get(p); k++) {
      const decisions = t.field(t.arranged[start + k], P_DECISIONS);
      const aDecision = DECISIONS[decisions % 4];
      const bDecision = DECISIONS[Math.floor(decisions / 4)];
      if (aDecision === 'kept') { g.kept.push(t.paths[t.first.get(p)]); }
      if (bDecision === 'kept') { g.kept.push(t.paths[t.second.get(p)]); }
      if (aDecision === 'confirmed') { g.marked.push(t.paths[t.first.get(p)]); }
      if (bDecision === 'confirmed') { g.marked.push(t.paths[t.second.get(p)]); }
    }
  }
  for (let u = 0; u < n; u++) {
    if (u % (slice * 8) === slice * 8 - 1) { yield; }
    if (parent[u] >= 0) { groups.get(find(u))!.files.push({ uri: t.uris[u], path: t.paths[u] }); }
  }
  yield;
  const list: DuplicateGroup[] = [];
  const distinct = (paths: string[]) => [...new Set(paths)].sort();
  // Pairs in the order of their keys, compared by their files' URIs instead: the same order (a key is the two URIs
  // joined by a NUL, which sorts before any character of a URI), without making the key.
  const uriOrder = (x: number, y: number): number => {
    const xa = t.uris[t.first.get(x)];
    const ya = t.uris[t.first.get(y)];
    if (xa !== ya) { return xa < ya ? -1 : 1; }
    const xb = t.uris[t.second.get(x)];
    const yb = t.uris[t.second.get(y)];
    return xb < yb ? -1 : xb > yb ? 1 : 0;
  };
  const similarity = (p: number) => Math.max(0, t.similarity.get(p));
  for (const g of groups.values()) {
    const { ids, ...rest } = g;
    // A syndicated story's group can hold thousands of files and a hundred thousand pairs: sorted a slice at a time.
    rest.files = yield* sortSteps(rest.files, (x, y) => (x.path < y.path ? -1 : x.path > y.path ? 1 : 0), slice * 8);
    const order = yield* sortSteps(ids, (x, y) => similarity(y) - similarity(x) || t.chars.get(y) - t.chars.get(x) || uriOrder(x, y), slice * 8);
    list.push({ ...rest, kept: distinct(rest.kept), marked: distinct(rest.marked), pairs: new Pairs(t, Int32Array.from(order)) });
    work += order.length + rest.files.length;
    if (work > slice * 8) { work = 0; yield; }
  }
  return list.sort((x, y) => y.files.length - x.files.length || y.sharedChars - x.sharedChars || (x.key < y.key ? -1 : 1));
}
