// The Files view's model: one row per corpus file with its boilerplate and duplicated shares, its copies and its
// tags, and the sorts and filters the view offers. Sorting 10,000 rows is one comparison sort of plain numbers;
// the view shows a page of the result at a time. No 'vscode' import, so it is unit-tested.
import type { ShownFileFindings } from '../../findings/findingsStore';
import { percent, plural } from '../../platform/text';
import { sortSteps } from './steps';
import { FileTags } from './tags';

export interface FileRow {
  /** The file's URI, as a string; the row's identity. */
  uri: string;
  /** The path relative to its workspace folder. */
  path: string;
  boilerplateShare: number;
  duplicateShare: number;
  /** Other files that share a passage with it, or are near-copies of it. */
  copies: number;
  tags: number;
  orphaned: number;
  invalid: boolean;
  /**
   * Places holding a string tagged as an entity elsewhere in the corpus that the file has not tagged or turned
   * down there (what the gazetteer would suggest); undefined until counted.
   */
  untagged?: number;
  /** Listed by a scan that has not analysed it yet: its shares and copies are not known. */
  pending?: boolean;
}

/**
 * A file's row from its findings (undefined before the index reported it), its tags and its untagged mentions. A
 * passage an editor dismissed on either copy makes no copy (as in the Duplicates view); the shares are the
 * detector's measure.
 */
export function fileRow(uri: string, path: string, findings: ShownFileFindings | undefined, tags: FileTags | undefined, untagged?: number): FileRow {
  const others = new Set<string>();
  for (const f of findings?.findings ?? []) {
    if (f.kind !== 'duplicate' || f.decision?.status === 'dismissed') { continue; }
    for (const r of f.related) { if (r.path !== path && r.decision?.status !== 'dismissed') { others.add(r.path); } }
  }
  for (const n of findings?.nearDuplicates ?? []) { others.add(n.path); }
  return {
    uri, path,
    boilerplateShare: findings?.boilerplateShare ?? 0,
    duplicateShare: findings?.duplicateShare ?? 0,
    copies: others.size,
    tags: tags?.tags.length ?? 0,
    orphaned: tags?.orphaned ?? 0,
    invalid: tags?.invalid !== undefined,
    ...(untagged === undefined ? {} : { untagged }),
  };
}

export const FILE_SORTS = {
  name: 'Name',
  boilerplate: 'Boilerplate share, highest first',
  duplicated: 'Duplicated share, highest first',
  tags: 'Number of tags, most first',
} as const;
export type FileSort = keyof typeof FILE_SORTS;

export const FILE_FILTERS = {
  all: 'All corpus files',
  mostlyBoilerplate: 'More than half boilerplate',
  duplicated: 'Sharing passages with other files',
  tagged: 'Tagged',
  untagged: 'Not tagged yet',
  untaggedSuggestions: 'With untagged suggestions: strings tagged elsewhere in the corpus',
  sidecarProblems: 'Sidecar with orphaned or invalid annotations',
} as const;
export type FileFilter = keyof typeof FILE_FILTERS;

const FILTERS: Record<FileFilter, (r: FileRow) => boolean> = {
  all: () => true,
  mostlyBoilerplate: (r) => r.boilerplateShare > 0.5,
  duplicated: (r) => r.copies > 0 || r.duplicateShare > 0,
  tagged: (r) => r.tags > 0,
  untagged: (r) => r.tags === 0,
  untaggedSuggestions: (r) => (r.untagged ?? 0) > 0,
  sidecarProblems: (r) => r.invalid || r.orphaned > 0,
};

export function matchesFilter(row: FileRow, filter: FileFilter): boolean {
  return FILTERS[filter](row);
}

const byPath = (a: FileRow, b: FileRow) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0);

const SORTS: Record<FileSort, (a: FileRow, b: FileRow) => number> = {
  name: byPath,
  boilerplate: (a, b) => b.boilerplateShare - a.boilerplateShare || byPath(a, b),
  duplicated: (a, b) => b.duplicateShare - a.duplicateShare || byPath(a, b),
  tags: (a, b) => b.tags - a.tags || byPath(a, b),
};

/** The rows that pass `filter`, in `sort` order (a new array; `rows` is left as it is). */
export function arrangeRows(rows: Iterable<FileRow>, sort: FileSort, filter: FileFilter): FileRow[] {
  const keep = FILTERS[filter];
  const out: FileRow[] = [];
  for (const r of rows) { if (keep(r)) { out.push(r); } }
  return out.sort(SORTS[sort]);
}

/**
 * The same as arrangeRows, a step at a time: the generator yields after about `step` rows filtered or compared, so
 * that a caller on the extension host's thread can give the thread back between steps, and returns the arranged rows
 * (a new array). Sorting all 133,000 rows of the 1 GB corpus in one turn held the host's thread for 99-341 ms while
 * a scan listed them (`arrangeRows` and `byPath` in the profiles of the real editor).
 */
export function* arrangeSteps(rows: Iterable<FileRow>, sort: FileSort, filter: FileFilter, step = STEP_ROWS): Generator<void, FileRow[]> {
  const keep = FILTERS[filter];
  const out: FileRow[] = [];
  let seen = 0;
  for (const r of rows) {
    if (keep(r)) { out.push(r); }
    if (++seen % step === 0) { yield; }
  }
  return yield* sortSteps(out, SORTS[sort], step);
}

/**
 * `arranged` (rows that pass `filter`, in `sort` order) with `arrivals` (in any order) arranged and merged in, a step
 * at a time as arrangeSteps: a new array; `arranged` is left as it is. A scan's listing adds rows in batches to a
 * view of 133,000: sorting them all again for each batch held the extension host's thread for some 100 ms each time,
 * and one merge of a batch into every row for some 30 ms.
 */
export function* mergeSteps(arranged: readonly FileRow[], arrivals: Iterable<FileRow>, sort: FileSort, filter: FileFilter, step = STEP_ROWS): Generator<void, FileRow[]> {
  const compare = SORTS[sort];
  const sorted = yield* arrangeSteps(arrivals, sort, filter, step);
  const out = new Array<FileRow>(arranged.length + sorted.length);
  let i = 0;
  let j = 0;
  for (let o = 0; o < out.length; o++) {
    // Ties (none between distinct URIs) take the arranged row first.
    out[o] = i < arranged.length && (j >= sorted.length || compare(sorted[j], arranged[i]) >= 0) ? arranged[i++] : sorted[j++];
    if (o % step === step - 1) { yield; }
  }
  return out;
}

/** The rows of one step of arrangeSteps and mergeSteps: a sort of this many rows takes well under a millisecond. */
const STEP_ROWS = 1024;

/** True when a change from `before` to `after` can move the row in `sort` order or in or out of `filter`. */
export function changesPlace(before: FileRow, after: FileRow, sort: FileSort, filter: FileFilter): boolean {
  if (matchesFilter(before, filter) !== matchesFilter(after, filter)) { return true; }
  // Same path, so the comparison is of the sort key alone.
  return SORTS[sort](before, after) !== 0;
}

/** The row's description in the view: "38% boilerplate · 12% duplicated · 2 copies · 5 tags · 3 untagged". */
export function rowDescription(r: FileRow): string {
  const parts = r.pending ? ['analysing…'] : [`${percent(r.boilerplateShare)} boilerplate`, `${percent(r.duplicateShare)} duplicated`];
  if (r.copies > 0) { parts.push(plural(r.copies, 'copy', 'copies')); }
  parts.push(plural(r.tags, 'tag'));
  if (r.untagged) { parts.push(`${r.untagged} untagged`); }
  return parts.join(' · ');
}

/** The row's badge, for a sidecar that needs attention: undefined when it does not. */
export function rowProblem(r: FileRow): string | undefined {
  if (r.invalid) { return 'the sidecar is invalid'; }
  if (r.orphaned > 0) { return plural(r.orphaned, 'orphaned annotation'); }
  return undefined;
}

/** One page of a list: the first `size * pages` items, and how many are left after them. */
export function page<T>(items: Sliceable<T>, size: number, pages: number): { shown: readonly T[]; rest: number } {
  const n = Math.min(items.length, size * Math.max(1, pages));
  return { shown: n === items.length && Array.isArray(items) ? items : items.slice(0, n), rest: items.length - n };
}

/** A list whose items can be made a page at a time (an array, or the Duplicates groups' pairs). */
export interface Sliceable<T> {
  readonly length: number;
  slice(start: number, end: number): readonly T[];
}
