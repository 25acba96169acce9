// A file's findings as the findings store keeps them: every number of every finding in one Float64Array, and every
// string (kinds, codes, messages, the paths of other copies) as a number into a table the store shares. As objects,
// about 15 findings per file with ranges, positions and strings of their own each held some 7.7 KB of heap per file
// (1.5 GB on a corpus of 133,000 files); most of their strings are the same few dozen. A findings reply comes packed
// in the same layout (src/protocol/packedFiles.ts): the store copies each file's numbers, turning the reply's string
// numbers into its table's, and makes the objects the surfaces read only when one asks for that file. No 'vscode'
// import.
import { DuplicateCode } from '../../core/findings';
import { FileFindings } from '../../protocol/indexProtocol';
import {
  FILE_HEADER, FINDING, H_BOILERPLATE, H_DUPLICATE, H_FINDINGS, H_HAS_VERSION, H_LENGTH, H_NEAR, H_PATH, NEAR, PackedFiles, RELATED,
  findingsAt, packFiles, versionAt,
} from '../../protocol/packedFiles';

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

/** A file's findings packed by themselves (a reply's files come packed already: see adoptFile). */
export function packFindings(file: FileFindings, strings: StringTable): PackedFindings {
  const reply = packFiles([file]);
  return adoptFile(reply, 0, replyIds(reply, strings), strings);
}

/** The table's numbers of a reply's strings, by their index in the reply. */
export function replyIds(reply: PackedFiles, strings: StringTable): number[] {
  return reply.strings.map((s) => strings.id(s));
}

/**
 * The file of a reply whose header is at `at`: its numbers are a view of the reply's, whose string numbers it turns
 * into the table's (`ids`) in place, so the reply is not read again after. No finding is made as an object, and no
 * array allocated: a copy per file was one more backing store among 133,000 for the collector to track (the reply's
 * stays as long as one of its files does: at most a corpus's worth once, after every file is analysed again).
 */
export function adoptFile(reply: PackedFiles, at: number, ids: readonly number[], strings: StringTable): PackedFindings {
  const from = reply.numbers;
  const nearCount = from[at + H_NEAR];
  const count = from[at + H_FINDINGS];
  const start = at + FILE_HEADER + nearCount * NEAR;
  const numbers = count === 0 ? NONE : from.subarray(start, start + from[at + H_LENGTH]);
  const cross = strings.id(DuplicateCode.crossFile);
  let linked = nearCount > 0;
  let r = count * FINDING;
  for (let i = 0; i < count; i++) {
    const o = i * FINDING;
    numbers[o] = ids[numbers[o]];
    numbers[o + 1] = ids[numbers[o + 1]];
    numbers[o + 2] = ids[numbers[o + 2]];
    if (numbers[o + 1] === cross) { linked = true; }
    for (let j = numbers[o + 10]; j > 0; j--) {
      numbers[r] = ids[numbers[r]];
      r += RELATED;
    }
  }
  let nearDuplicates: { path: string; similarity: number }[] | undefined;
  for (let i = 0; i < nearCount; i++) {
    const n = at + FILE_HEADER + i * NEAR;
    (nearDuplicates ??= []).push({ path: strings.at(ids[from[n]]), similarity: from[n + 1] });
  }
  return {
    path: strings.at(ids[from[at + H_PATH]]),
    boilerplateShare: from[at + H_BOILERPLATE],
    duplicateShare: from[at + H_DUPLICATE],
    nearDuplicates,
    hasVersion: from[at + H_HAS_VERSION] === 1,
    version: versionAt(reply, at),
    count,
    linked,
    numbers,
  };
}

/**
 * The file as the worker reported it: new objects, equal to those it was packed from. With `code`, only the findings
 * of that code are made (the Duplicates groups read a file's cross-file passages alone, and making every finding of
 * 40,000 linked files on each rebuild was most of the host's garbage while indexing).
 */
export function unpackFindings(packed: PackedFindings, strings: StringTable, code?: string): FileFindings {
  const only = code === undefined ? -1 : strings.id(code);
  const findings = findingsAt(packed.numbers, 0, packed.count, (id) => strings.at(id), only);
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
