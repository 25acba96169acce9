// The Duplicates view's model: files that share passages or are near-copies of each other, gathered into groups
// (connected components of the "shares with" relation), each with its pairs and the passages each pair shares.
// Built from the findings store's findings, which carry the editor's decisions: a passage dismissed on either copy
// ("not a duplicate") is left out, and a pair whose every passage was dismissed with it; a copy kept or marked as
// the duplicate is said on its passage and its group. No 'vscode' import, so it is unit-tested.
import type { DecisionStatus } from '../../../core/annotations';
import { DuplicateCode } from '../../../core/findings';
import { JsonRange } from '../../../core/report';
import type { ShownFileFindings } from '../../findings/findingsStore';
import { sortSteps } from './steps';

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
  passages: SharedPassage[];
  /** Characters shared, in the first file. */
  sharedChars: number;
  /** Passages an editor dismissed on either copy, left out of `passages` and `sharedChars`. */
  dismissed: number;
}

export interface DuplicateGroup {
  /** Identity: the uri of its first file. */
  key: string;
  files: { uri: string; path: string }[];
  pairs: DuplicatePair[];
  /** The highest similarity of its pairs (0 when none was measured). */
  similarity: number;
  sharedChars: number;
  /** The files holding a copy an editor kept, and those holding a copy marked as the duplicate, by path. */
  kept: string[];
  marked: string[];
}

/** Groups the files of one folder or several (paths are resolved within each file's folder). */
export function duplicateGroups(stored: Iterable<StoredFile>): DuplicateGroup[] {
  const steps = duplicateGroupSteps(stored);
  for (;;) {
    const r = steps.next();
    if (r.done) { return r.value; }
  }
}

/**
 * The same as duplicateGroups, a slice at a time: the generator yields after about `slice` files, related places or
 * pairs of work, so that a caller on the extension host's thread can give the thread back between slices, and returns
 * the groups. Files are numbered, so the work per cross-file passage is a few integer map lookups.
 */
export function* duplicateGroupSteps(stored: Iterable<StoredFile>, slice = 2000): Generator<void, DuplicateGroup[]> {
  const all: StoredFile[] = [];
  const ids = new Map<string, Map<string, number>>();
  for (const s of stored) {
    let paths = ids.get(s.folder);
    if (!paths) { ids.set(s.folder, paths = new Map()); }
    paths.set(s.path, all.length);
    all.push(s);
    // Numbering 133,000 files at once held the host's thread for some 70 ms.
    if (all.length % slice === 0) { yield; }
  }
  const n = all.length;
  const lookup = (s: StoredFile, path: string) => ids.get(s.folder)?.get(path);
  const pairs = new Map<number, Pair>();
  // The pair of files x and y: its first file is the one whose URI sorts first.
  const pairOf = (x: number, y: number): { pair: Pair; flipped: boolean } => {
    const flipped = all[y].uri < all[x].uri;
    const [a, b] = flipped ? [y, x] : [x, y];
    const id = a * n + b;
    let pair = pairs.get(id);
    if (!pair) {
      const fa = all[a];
      const fb = all[b];
      pair = new Pair(fa.uri, fb.uri, fa.path, fb.path);
      pairs.set(id, pair);
    }
    return { pair, flipped };
  };
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
      const { pair } = pairOf(i, other);
      pair.similarity = Math.max(pair.similarity ?? 0, d.similarity);
    }
    for (const f of file.findings) {
      if (f.code !== DuplicateCode.crossFile) { continue; }
      for (const r of f.related) {
        if (did(1)) { yield; }
        const other = lookup(s, r.path);
        if (other === undefined || other === i) { continue; }
        const { pair, flipped } = pairOf(i, other);
        // Each passage is reported from both sides; keep the one reported by the pair's first file.
        if (flipped) { continue; }
        pair.passages.push(passage(f.range, r.range, f.end - f.start, f.decision?.status, r.decision?.status));
      }
    }
  }
  // A passage known only from the second file's side (its findings came first) is taken from there. Most pairs share
  // a passage or two, which are compared in place; a set of the known passages' keys is made only for a pair with
  // many (a set and a key per passage for every pair, each rebuild, was the garbage in which the host's full
  // collections landed at 1 GB).
  const known = new Map<Pair, Set<string>>();
  const isKnown = (pair: Pair, r: JsonRange): boolean => {
    if (pair.passages.length <= FEW_PASSAGES && !known.has(pair)) { return pair.passages.some((p) => p.startsAt(r)); }
    let set = known.get(pair);
    if (!set) { known.set(pair, set = new Set(pair.passages.map((p) => p.aKey()))); }
    const key = rangeKey(r.start.line, r.start.character, r.end.line, r.end.character);
    if (set.has(key)) { return true; }
    set.add(key);
    return false;
  };
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
        const pair = pairs.get(other * n + i);
        if (!pair) { continue; }
        if (isKnown(pair, r.range)) { continue; }
        pair.passages.push(passage(r.range, f.range, r.end - r.start, r.decision?.status, f.decision?.status));
      }
    }
  }
  work = 0;
  // The pairs shown and their numbers, side by side (not a tuple per pair).
  const shownIds: number[] = [];
  const shown: Pair[] = [];
  for (const [id, p] of pairs) {
    const every = p.passages;
    // A copy of the exact length: an array grown by push has room for 16 more, 24 MB of empty slots over the
    // 158,880 pairs of one group at 1 GB, most of which have one passage. One copy, filtered only when needed.
    const dismissed = every.some(isDismissed);
    p.passages = dismissed ? every.filter((x) => !isDismissed(x)).slice() : every.slice();
    p.dismissed = every.length - p.passages.length;
    if (++work % slice === 0) { yield; }
    // Every passage the two share is not a duplicate, an editor said: nor is the pair.
    if (p.dismissed > 0 && p.passages.length === 0) { continue; }
    let chars = 0;
    for (const x of p.passages) { chars += x.length; }
    p.sharedChars = chars;
    if (p.passages.length > 1) { p.passages.sort((x, y) => x.aLine - y.aLine || x.aCharacter - y.aCharacter); }
    shownIds.push(id);
    shown.push(p);
  }
  return yield* components(shownIds, shown, n, all, slice);
}

/**
 * Pairs in the order of their keys, compared by their files' URIs instead: the same order (a key is the two URIs
 * joined by a NUL, which sorts before any character of a URI), without reading the key. Comparing the keys made V8
 * flatten each, a new string of both URIs per pair: 25 MB for the 158,880 pairs of one syndicated story's group at
 * 1 GB (a heap snapshot of the host), where an unread key stays a 32-byte pair of pointers to the URIs.
 */
function byFiles(x: DuplicatePair, y: DuplicatePair): number {
  if (x.a !== y.a) { return x.a < y.a ? -1 : 1; }
  return x.b < y.b ? -1 : x.b > y.b ? 1 : 0;
}

/**
 * A pair as the groups hold it: its key is made when read (the view reads it for the pairs it shows), not for each of
 * the 158,880 pairs of one group at 1 GB on every rebuild.
 */
class Pair implements DuplicatePair {
  declare similarity?: number;
  passages: Passage[] = [];
  sharedChars = 0;
  dismissed = 0;
  constructor(readonly a: string, readonly b: string, readonly aPath: string, readonly bPath: string) {}
  get key(): string { return `${this.a}\0${this.b}`; }
}

/**
 * A shared passage as the groups hold it: its two ranges as eight integers in one object, made as ranges when read
 * (for the passages shown). Each rebuild made a passage and the two ranges of the findings it came from, seven
 * objects that lived until the next rebuild, in which the host's full collections landed at 1 GB.
 */
class Passage implements SharedPassage {
  declare aDecision?: DecisionStatus;
  declare bDecision?: DecisionStatus;
  readonly aLine: number;
  readonly aCharacter: number;
  private readonly aEndLine: number;
  private readonly aEndCharacter: number;
  private readonly bLine: number;
  private readonly bCharacter: number;
  private readonly bEndLine: number;
  private readonly bEndCharacter: number;
  constructor(a: JsonRange, b: JsonRange, readonly length: number) {
    this.aLine = a.start.line;
    this.aCharacter = a.start.character;
    this.aEndLine = a.end.line;
    this.aEndCharacter = a.end.character;
    this.bLine = b.start.line;
    this.bCharacter = b.start.character;
    this.bEndLine = b.end.line;
    this.bEndCharacter = b.end.character;
  }
  get a(): JsonRange { return range(this.aLine, this.aCharacter, this.aEndLine, this.aEndCharacter); }
  get b(): JsonRange { return range(this.bLine, this.bCharacter, this.bEndLine, this.bEndCharacter); }
  /** Whether `r` is this passage's range in the pair's first file. */
  startsAt(r: JsonRange): boolean {
    return this.aLine === r.start.line && this.aCharacter === r.start.character && this.aEndLine === r.end.line && this.aEndCharacter === r.end.character;
  }
  aKey(): string { return rangeKey(this.aLine, this.aCharacter, this.aEndLine, this.aEndCharacter); }
}

function range(line: number, character: number, endLine: number, endCharacter: number): JsonRange {
  return { start: { line, character }, end: { line: endLine, character: endCharacter } };
}

function passage(a: JsonRange, b: JsonRange, length: number, aDecision: DecisionStatus | undefined, bDecision: DecisionStatus | undefined): Passage {
  const p = new Passage(a, b, length);
  if (aDecision) { p.aDecision = aDecision; }
  if (bDecision) { p.bDecision = bDecision; }
  return p;
}

/** A pair sharing at most this many passages is searched in place for a passage already known. */
const FEW_PASSAGES = 8;

const isDismissed = (x: Passage) => x.aDecision === 'dismissed' || x.bDecision === 'dismissed';

function rangeKey(line: number, character: number, endLine: number, endCharacter: number): string {
  return `${line}:${character}:${endLine}:${endCharacter}`;
}

/** Union-find over the pairs' files (numbered); groups biggest first, then by shared characters. */
function* components(ids: readonly number[], pairs: readonly DuplicatePair[], n: number, all: StoredFile[], slice: number): Generator<void, DuplicateGroup[]> {
  const parent = new Int32Array(n).fill(-1);
  const find = (x: number): number => {
    let root = x;
    while (parent[root] !== root) { root = parent[root]; }
    while (x !== root) { const next = parent[x]; parent[x] = root; x = next; }
    return root;
  };
  let work = 0;
  for (const id of ids) {
    const a = Math.floor(id / n);
    const b = id % n;
    if (parent[a] < 0) { parent[a] = a; }
    if (parent[b] < 0) { parent[b] = b; }
    const ra = find(a);
    const rb = find(b);
    // The root is the file whose URI sorts first, so that a group's key is its first file.
    if (ra !== rb) { if (all[ra].uri < all[rb].uri) { parent[rb] = ra; } else { parent[ra] = rb; } }
    if (++work % slice === 0) { yield; }
  }
  const groups = new Map<number, DuplicateGroup>();
  for (let k = 0; k < pairs.length; k++) {
    const p = pairs[k];
    if (++work % slice === 0) { yield; }
    const root = find(Math.floor(ids[k] / n));
    let g = groups.get(root);
    if (!g) { groups.set(root, g = { key: all[root].uri, files: [], pairs: [], similarity: 0, sharedChars: 0, kept: [], marked: [] }); }
    g.pairs.push(p);
    g.similarity = Math.max(g.similarity, p.similarity ?? 0);
    g.sharedChars += p.sharedChars;
    for (const x of p.passages) {
      if (x.aDecision === 'kept') { g.kept.push(p.aPath); }
      if (x.bDecision === 'kept') { g.kept.push(p.bPath); }
      if (x.aDecision === 'confirmed') { g.marked.push(p.aPath); }
      if (x.bDecision === 'confirmed') { g.marked.push(p.bPath); }
    }
  }
  for (let u = 0; u < n; u++) {
    if (u % (slice * 8) === slice * 8 - 1) { yield; }
    if (parent[u] >= 0) { groups.get(find(u))!.files.push({ uri: all[u].uri, path: all[u].path }); }
  }
  yield;
  const list = [...groups.values()];
  const distinct = (paths: string[]) => [...new Set(paths)].sort();
  for (const g of list) {
    g.kept = distinct(g.kept);
    g.marked = distinct(g.marked);
    // A syndicated story's group can hold thousands of files and a hundred thousand pairs: sorted a slice at a time.
    g.files = yield* sortSteps(g.files, (x, y) => (x.path < y.path ? -1 : x.path > y.path ? 1 : 0), slice * 8);
    g.pairs = yield* sortSteps(g.pairs, (x, y) => (y.similarity ?? 0) - (x.similarity ?? 0) || y.sharedChars - x.sharedChars || byFiles(x, y), slice * 8);
    work += g.pairs.length + g.files.length;
    if (work > slice * 8) { work = 0; yield; }
  }
  return list.sort((x, y) => y.files.length - x.files.length || y.sharedChars - x.sharedChars || (x.key < y.key ? -1 : 1));
}
