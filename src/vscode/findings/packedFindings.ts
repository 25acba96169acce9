// A file's findings as the findings store keeps them: every number of every finding in one Float64Array, and every
// string (kinds, codes, messages, the paths of other copies) as a number into a table the store shares. A findings
// reply arrives as objects, about 15 findings per file with ranges, positions and strings of their own each, which
// held some 7.7 KB of heap per file (1.5 GB on a corpus of 133,000 files); most of their strings are the same few
// dozen. The store packs each file as it takes it in and unpacks it, as the objects the surfaces read, only when one
// asks for that file. No 'vscode' import.
import { FileFindings, WireFinding, WireRelated } from '../../protocol/indexProtocol';

/** The numbers per finding: kind, code, message, score, start, end, the range's four numbers, copies. */
const FINDING = 11;
/** The numbers per other copy: path, start, end, the range's four numbers. */
const RELATED = 7;

/**
 * The strings of packed findings, each stored once and named by its number. A string stays for the store's life:
 * its kinds, codes and paths are those of the corpus, and its messages mostly repeat; an edit adds at most the
 * messages of its file that are new (those naming other copies by line).
 */
export class StringTable {
  /**
   * The numbers of the strings, in SHARDS maps chosen by a few of a string's characters: at 1 GB the table holds
   * millions of strings (a message naming another copy by its lines is its own), and one Map of them held the
   * host's thread for 100-260 ms each time it grew (a rehash of every entry, inside the take of one reply).
   */
  private readonly ids = Array.from({ length: SHARDS }, () => new Map<string, number>());
  private readonly strings: string[] = [];

  id(s: string): number {
    const ids = this.ids[shardOf(s)];
    let id = ids.get(s);
    if (id === undefined) {
      id = this.strings.length;
      ids.set(s, id);
      this.strings.push(s);
    }
    return id;
  }

  /** The stored instance of a string (one for all the files that name it). */
  intern(s: string): string {
    return this.strings[this.id(s)];
  }

  at(id: number): string {
    return this.strings[id];
  }
}

const SHARDS = 64;

/** A shard for a string, from its length and three of its characters (messages differ mostly near their ends). */
function shardOf(s: string): number {
  const n = s.length;
  if (n === 0) { return 0; }
  return (n * 7 + s.charCodeAt(n - 1) * 31 + s.charCodeAt(n - 2 < 0 ? 0 : n - 2) * 17 + s.charCodeAt(n >> 1)) & (SHARDS - 1);
}

export interface PackedFindings {
  readonly path: string;
  readonly boilerplateShare: number;
  readonly duplicateShare: number;
  /** Undefined when there are none (most files). */
  readonly nearDuplicates: FileFindings['nearDuplicates'] | undefined;
  /** Whether the reply had the key `version` at all (the worker sets it, possibly undefined, on every file). */
  readonly hasVersion: boolean;
  readonly version: number | undefined;
  /** How many findings: their numbers come first, then those of their other copies, in the findings' order. */
  readonly count: number;
  /** Whether a passage is shared with another file (a cross-file duplicate) or the file has near-copies. */
  readonly linked: boolean;
  readonly numbers: Float64Array;
}

const NONE = new Float64Array(0);

export function packFindings(file: FileFindings, strings: StringTable): PackedFindings {
  let related = 0;
  for (const f of file.findings) { related += f.related.length; }
  const numbers = file.findings.length === 0 ? NONE : new Float64Array(file.findings.length * FINDING + related * RELATED);
  let r = file.findings.length * FINDING;
  for (let i = 0; i < file.findings.length; i++) {
    const f = file.findings[i];
    const at = i * FINDING;
    numbers[at] = strings.id(f.kind);
    numbers[at + 1] = strings.id(f.code);
    numbers[at + 2] = strings.id(f.message);
    numbers[at + 3] = f.score;
    numbers[at + 4] = f.start;
    numbers[at + 5] = f.end;
    numbers[at + 6] = f.range.start.line;
    numbers[at + 7] = f.range.start.character;
    numbers[at + 8] = f.range.end.line;
    numbers[at + 9] = f.range.end.character;
    numbers[at + 10] = f.related.length;
    for (const x of f.related) {
      numbers[r] = strings.id(x.path);
      numbers[r + 1] = x.start;
      numbers[r + 2] = x.end;
      numbers[r + 3] = x.range.start.line;
      numbers[r + 4] = x.range.start.character;
      numbers[r + 5] = x.range.end.line;
      numbers[r + 6] = x.range.end.character;
      r += RELATED;
    }
  }
  return {
    path: strings.intern(file.path),
    boilerplateShare: file.boilerplateShare,
    duplicateShare: file.duplicateShare,
    nearDuplicates: file.nearDuplicates.length === 0
      ? undefined
      : file.nearDuplicates.map((n) => ({ path: strings.intern(n.path), similarity: n.similarity })),
    hasVersion: 'version' in file,
    version: file.version,
    count: file.findings.length,
    linked: file.nearDuplicates.length > 0 || file.findings.some((f) => f.code === 'duplicate.cross-file'),
    numbers,
  };
}

/**
 * The file as the worker reported it: new objects, equal to those it was packed from. With `code`, only the findings
 * of that code are made (the Duplicates groups read a file's cross-file passages alone, and making every finding of
 * 40,000 linked files on each rebuild was most of the host's garbage while indexing).
 */
export function unpackFindings(packed: PackedFindings, strings: StringTable, code?: string): FileFindings {
  const { numbers } = packed;
  const count = packed.count;
  const only = code === undefined ? -1 : strings.id(code);
  const findings: WireFinding[] = [];
  let r = count * FINDING;
  for (let i = 0; i < count; i++) {
    const at = i * FINDING;
    if (only >= 0 && numbers[at + 1] !== only) {
      r += numbers[at + 10] * RELATED;
      continue;
    }
    const related: WireRelated[] = [];
    for (let j = numbers[at + 10]; j > 0; j--) {
      related.push({
        path: strings.at(numbers[r]),
        range: {
          start: { line: numbers[r + 3], character: numbers[r + 4] },
          end: { line: numbers[r + 5], character: numbers[r + 6] },
        },
        start: numbers[r + 1],
        end: numbers[r + 2],
      });
      r += RELATED;
    }
    findings.push({
      kind: strings.at(numbers[at]) as WireFinding['kind'],
      code: strings.at(numbers[at + 1]),
      message: strings.at(numbers[at + 2]),
      score: numbers[at + 3],
      range: {
        start: { line: numbers[at + 6], character: numbers[at + 7] },
        end: { line: numbers[at + 8], character: numbers[at + 9] },
      },
      related,
      start: numbers[at + 4],
      end: numbers[at + 5],
    });
  }
  const file: FileFindings = {
    path: packed.path,
    boilerplateShare: packed.boilerplateShare,
    duplicateShare: packed.duplicateShare,
    nearDuplicates: packed.nearDuplicates?.map((n) => ({ ...n })) ?? [],
    findings,
  };
  if (packed.hasVersion) { file.version = packed.version; }
  return file;
}

/** The paths of the other copies the findings name (the file's own path among them when a copy is in it). */
export function relatedPaths(packed: PackedFindings, strings: StringTable): Set<string> {
  const { numbers } = packed;
  const out = new Set<string>();
  const start = packed.count * FINDING;
  for (let r = start; r < numbers.length; r += RELATED) { out.add(strings.at(numbers[r])); }
  return out;
}
