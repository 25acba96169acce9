// The Duplicates view's model: files that share passages or are near-copies of each other, gathered into groups
// (connected components of the "shares with" relation), each with its pairs and the passages each pair shares.
// Built from the findings store's findings, which carry the editor's decisions: a passage dismissed on either copy
// ("not a duplicate") is left out, and a pair whose every passage was dismissed with it; a copy kept or marked as
// the duplicate is said on its passage and its group. No 'vscode' import, so it is unit-tested.
import type { DecisionStatus } from '../../../core/annotations';
import { JsonRange } from '../../../core/report';
import type { ShownFileFindings } from '../../findings/findingsStore';

export interface StoredFile {
  uri: string;
  /** The workspace folder's URI. */
  folder: string;
  file: ShownFileFindings;
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
  const folders = new Map<string, Map<string, StoredFile>>();
  const all: StoredFile[] = [];
  for (const s of stored) {
    let paths = folders.get(s.folder);
    if (!paths) { folders.set(s.folder, paths = new Map()); }
    paths.set(s.file.path, s);
    all.push(s);
  }
  const lookup = (s: StoredFile, path: string) => folders.get(s.folder)?.get(path);
  const pairs = new Map<string, DuplicatePair>();
  const pairOf = (x: StoredFile, y: StoredFile): { pair: DuplicatePair; flipped: boolean } => {
    const flipped = y.uri < x.uri;
    const [a, b] = flipped ? [y, x] : [x, y];
    const key = `${a.uri}\0${b.uri}`;
    let pair = pairs.get(key);
    if (!pair) {
      pair = { key, a: a.uri, b: b.uri, aPath: a.file.path, bPath: b.file.path, passages: [], sharedChars: 0, dismissed: 0 };
      pairs.set(key, pair);
    }
    return { pair, flipped };
  };
  // Only files with a cross-file passage or a near-copy can be in a pair. (Not judged by duplicateShare, which is
  // rounded: a short passage in a long file can round to 0.)
  const linked = all.filter((s) => s.file.nearDuplicates.length > 0 || s.file.findings.some((f) => f.code === 'duplicate.cross-file'));
  for (const s of linked) {
    for (const n of s.file.nearDuplicates) {
      const other = lookup(s, n.path);
      if (!other || other.uri === s.uri) { continue; }
      const { pair } = pairOf(s, other);
      pair.similarity = Math.max(pair.similarity ?? 0, n.similarity);
    }
    for (const f of s.file.findings) {
      if (f.code !== 'duplicate.cross-file') { continue; }
      for (const r of f.related) {
        const other = lookup(s, r.path);
        if (!other || other.uri === s.uri) { continue; }
        const { pair, flipped } = pairOf(s, other);
        // Each passage is reported from both sides; keep the one reported by the pair's first file.
        if (flipped) { continue; }
        pair.passages.push(passage(f.range, r.range, f.end - f.start, f.decision?.status, r.decision?.status));
      }
    }
  }
  // A passage known only from the second file's side (its findings came first) is taken from there.
  for (const s of linked) {
    for (const f of s.file.findings) {
      if (f.code !== 'duplicate.cross-file') { continue; }
      for (const r of f.related) {
        const other = lookup(s, r.path);
        if (!other || other.uri === s.uri || s.uri < other.uri) { continue; }
        const pair = pairs.get(`${other.uri}\0${s.uri}`);
        if (!pair || pair.passages.some((p) => sameRange(p.a, r.range))) { continue; }
        pair.passages.push(passage(r.range, f.range, r.end - r.start, r.decision?.status, f.decision?.status));
      }
    }
  }
  const shown: DuplicatePair[] = [];
  for (const p of pairs.values()) {
    const all = p.passages;
    p.passages = all.filter((x) => x.aDecision !== 'dismissed' && x.bDecision !== 'dismissed');
    p.dismissed = all.length - p.passages.length;
    // Every passage the two share is not a duplicate, an editor said: nor is the pair.
    if (p.dismissed > 0 && p.passages.length === 0) { continue; }
    p.sharedChars = p.passages.reduce((n, x) => n + x.length, 0);
    p.passages.sort((x, y) => x.a.start.line - y.a.start.line || x.a.start.character - y.a.start.character);
    shown.push(p);
  }
  return components(shown);
}

function passage(a: JsonRange, b: JsonRange, length: number, aDecision: DecisionStatus | undefined, bDecision: DecisionStatus | undefined): SharedPassage {
  return { a, b, length, ...(aDecision ? { aDecision } : {}), ...(bDecision ? { bDecision } : {}) };
}

function sameRange(x: JsonRange, y: JsonRange): boolean {
  return x.start.line === y.start.line && x.start.character === y.start.character && x.end.line === y.end.line && x.end.character === y.end.character;
}

/** Union-find over the pairs' files; groups biggest first, then by shared characters. */
function components(pairs: DuplicatePair[]): DuplicateGroup[] {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let root = x;
    while (parent.get(root) !== root) { root = parent.get(root)!; }
    while (x !== root) { const next = parent.get(x)!; parent.set(x, root); x = next; }
    return root;
  };
  for (const p of pairs) {
    for (const u of [p.a, p.b]) { if (!parent.has(u)) { parent.set(u, u); } }
    const ra = find(p.a);
    const rb = find(p.b);
    if (ra !== rb) { parent.set(ra < rb ? rb : ra, ra < rb ? ra : rb); }
  }
  const groups = new Map<string, DuplicateGroup>();
  const paths = new Map<string, string>();
  for (const p of pairs) { paths.set(p.a, p.aPath); paths.set(p.b, p.bPath); }
  for (const p of pairs) {
    const root = find(p.a);
    let g = groups.get(root);
    if (!g) { groups.set(root, g = { key: root, files: [], pairs: [], similarity: 0, sharedChars: 0, kept: [], marked: [] }); }
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
  for (const u of parent.keys()) {
    groups.get(find(u))!.files.push({ uri: u, path: paths.get(u) ?? u });
  }
  const list = [...groups.values()];
  const distinct = (paths: string[]) => [...new Set(paths)].sort();
  for (const g of list) {
    g.kept = distinct(g.kept);
    g.marked = distinct(g.marked);
    g.files.sort((x, y) => (x.path < y.path ? -1 : x.path > y.path ? 1 : 0));
    g.pairs.sort((x, y) => (y.similarity ?? 0) - (x.similarity ?? 0) || y.sharedChars - x.sharedChars || (x.key < y.key ? -1 : 1));
  }
  return list.sort((x, y) => y.files.length - x.files.length || y.sharedChars - x.sharedChars || (x.key < y.key ? -1 : 1));
}
