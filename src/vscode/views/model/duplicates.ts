// The Duplicates view's model: files that share passages or are near-copies of each other, gathered into groups
// (connected components of the "shares with" relation), each with its pairs and the passages each pair shares.
// Built from the findings the index reported; no 'vscode' import, so it is unit-tested.
import { JsonRange } from '../../../core/report';
import { FileFindings } from '../../../protocol/indexProtocol';

export interface StoredFile {
  uri: string;
  /** The workspace folder's URI. */
  folder: string;
  file: FileFindings;
}

export interface SharedPassage {
  /** The range in the pair's first file, and the same passage in the second. */
  a: JsonRange;
  b: JsonRange;
  /** Its length in the first file, in UTF-16 code units. */
  length: number;
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
}

export interface DuplicateGroup {
  /** Identity: the uri of its first file. */
  key: string;
  files: { uri: string; path: string }[];
  pairs: DuplicatePair[];
  /** The highest similarity of its pairs (0 when none was measured). */
  similarity: number;
  sharedChars: number;
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
      pair = { key, a: a.uri, b: b.uri, aPath: a.file.path, bPath: b.file.path, passages: [], sharedChars: 0 };
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
        pair.passages.push({ a: f.range, b: r.range, length: f.length });
        pair.sharedChars += f.length;
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
        pair.passages.push({ a: r.range, b: f.range, length: f.length });
        pair.sharedChars += f.length;
      }
    }
  }
  for (const p of pairs.values()) { p.passages.sort((x, y) => x.a.start.line - y.a.start.line || x.a.start.character - y.a.start.character); }
  return components([...pairs.values()]);
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
    if (!g) { groups.set(root, g = { key: root, files: [], pairs: [], similarity: 0, sharedChars: 0 }); }
    g.pairs.push(p);
    g.similarity = Math.max(g.similarity, p.similarity ?? 0);
    g.sharedChars += p.sharedChars;
  }
  for (const u of parent.keys()) {
    groups.get(find(u))!.files.push({ uri: u, path: paths.get(u) ?? u });
  }
  const list = [...groups.values()];
  for (const g of list) {
    g.files.sort((x, y) => (x.path < y.path ? -1 : x.path > y.path ? 1 : 0));
    g.pairs.sort((x, y) => (y.similarity ?? 0) - (x.similarity ?? 0) || y.sharedChars - x.sharedChars || (x.key < y.key ? -1 : 1));
  }
  return list.sort((x, y) => y.files.length - x.files.length || y.sharedChars - x.sharedChars || (x.key < y.key ? -1 : 1));
}
