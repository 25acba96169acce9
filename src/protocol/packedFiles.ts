// A findings reply's files as they cross from the index worker to the host: every number of every file in one
// Float64Array and every string once in a list, the numbers naming the strings by their place in it. Sent as
// objects, a reply of 200 findings became thousands of objects on the host (Node's IPC deserializes each finding,
// range and position), which the findings store then packed and dropped: at 1 GB that garbage was most of the
// host's full collections while indexing. Packed, the host receives one typed array and a short list per reply, and
// the store adopts each file's numbers as they are (packedFindings.ts keeps the same layout of a file's findings).
import { FileFindings, WireFinding, WireRelated } from './indexProtocol';

/** A file's numbers before its findings: path, the two shares, has a version key, version, near-copies, findings, length. */
export const FILE_HEADER = 8;
/** The numbers per finding: kind, code, message, score, start, end, the range's four numbers, copies. */
export const FINDING = 11;
/** The numbers per other copy: path, start, end, the range's four numbers. */
export const RELATED = 7;
/** The numbers per near-copy: path, similarity. */
export const NEAR = 2;

/** Where in a file's header each number is. */
export const H_PATH = 0;
export const H_BOILERPLATE = 1;
export const H_DUPLICATE = 2;
/** 1 when the file had a `version` key (the worker sets it on every file, possibly undefined), else 0. */
export const H_HAS_VERSION = 3;
/** The version, NaN when undefined. */
export const H_VERSION = 4;
export const H_NEAR = 5;
export const H_FINDINGS = 6;
/** How many numbers the findings and their copies take, after the near-copies. */
export const H_LENGTH = 7;

export interface PackedFiles {
  /** How many files. */
  readonly count: number;
  /** The strings the numbers name, by their index here: each once in a reply. */
  readonly strings: string[];
  /** Each file in turn: its header, its near-copies, its findings, then their other copies in the findings' order. */
  readonly numbers: Float64Array;
}

/** Packs files for a reply. */
export function packFiles(files: readonly FileFindings[]): PackedFiles {
  let size = 0;
  for (const file of files) {
    size += FILE_HEADER + file.nearDuplicates.length * NEAR + file.findings.length * FINDING;
    for (const f of file.findings) { size += f.related.length * RELATED; }
  }
  const numbers = new Float64Array(size);
  const strings: string[] = [];
  const ids = new Map<string, number>();
  const id = (s: string): number => {
    let n = ids.get(s);
    if (n === undefined) {
      n = strings.length;
      ids.set(s, n);
      strings.push(s);
    }
    return n;
  };
  let at = 0;
  for (const file of files) {
    const findings = file.findings;
    let related = 0;
    for (const f of findings) { related += f.related.length; }
    const length = findings.length * FINDING + related * RELATED;
    numbers[at + H_PATH] = id(file.path);
    numbers[at + H_BOILERPLATE] = file.boilerplateShare;
    numbers[at + H_DUPLICATE] = file.duplicateShare;
    numbers[at + H_HAS_VERSION] = 'version' in file ? 1 : 0;
    numbers[at + H_VERSION] = file.version ?? NaN;
    numbers[at + H_NEAR] = file.nearDuplicates.length;
    numbers[at + H_FINDINGS] = findings.length;
    numbers[at + H_LENGTH] = length;
    at += FILE_HEADER;
    for (const n of file.nearDuplicates) {
      numbers[at] = id(n.path);
      numbers[at + 1] = n.similarity;
      at += NEAR;
    }
    let r = at + findings.length * FINDING;
    for (let i = 0; i < findings.length; i++) {
      const f = findings[i];
      const o = at + i * FINDING;
      numbers[o] = id(f.kind);
      numbers[o + 1] = id(f.code);
      numbers[o + 2] = id(f.message);
      numbers[o + 3] = f.score;
      numbers[o + 4] = f.start;
      numbers[o + 5] = f.end;
      numbers[o + 6] = f.range.start.line;
      numbers[o + 7] = f.range.start.character;
      numbers[o + 8] = f.range.end.line;
      numbers[o + 9] = f.range.end.character;
      numbers[o + 10] = f.related.length;
      for (const x of f.related) {
        numbers[r] = id(x.path);
        numbers[r + 1] = x.start;
        numbers[r + 2] = x.end;
        numbers[r + 3] = x.range.start.line;
        numbers[r + 4] = x.range.start.character;
        numbers[r + 5] = x.range.end.line;
        numbers[r + 6] = x.range.end.character;
        r += RELATED;
      }
    }
    at += length;
  }
  return { count: files.length, strings, numbers };
}

/** Where each file of a reply starts in its numbers (at its header). */
export function fileStarts(packed: PackedFiles): number[] {
  const out: number[] = [];
  const { numbers } = packed;
  let at = 0;
  for (let i = 0; i < packed.count; i++) {
    out.push(at);
    at += FILE_HEADER + numbers[at + H_NEAR] * NEAR + numbers[at + H_LENGTH];
  }
  return out;
}

/** The path of the file whose header is at `at`. */
export function pathAt(packed: PackedFiles, at: number): string {
  return packed.strings[packed.numbers[at + H_PATH]];
}

/** The version of the file whose header is at `at` (undefined when it has none). */
export function versionAt(packed: PackedFiles, at: number): number | undefined {
  const v = packed.numbers[at + H_VERSION];
  return Number.isNaN(v) ? undefined : v;
}

/** The paths of a reply's files, in order. */
export function packedPaths(packed: PackedFiles): string[] {
  return fileStarts(packed).map((at) => pathAt(packed, at));
}

/**
 * A file's findings as objects, from numbers in a file's findings layout (FINDING numbers per finding, then their
 * copies) starting at `from`, whose strings `stringAt` gives. With `only`, a string's number, only the findings of
 * that code are made.
 */
export function findingsAt(
  numbers: Float64Array, from: number, count: number, stringAt: (id: number) => string, only = -1,
): WireFinding[] {
  // Lines, characters and offsets are read as integers (`| 0`, exact: all are below 2^31): a number read from a
  // Float64Array and stored as is became a heap number of its own in V8, 16 bytes each beside its object (1.2
  // million of them in the Duplicates groups' ranges at 1 GB, a heap snapshot of the host), where an integer is
  // stored in the object's field.
  const findings: WireFinding[] = [];
  let r = from + count * FINDING;
  for (let i = 0; i < count; i++) {
    const at = from + i * FINDING;
    if (only >= 0 && numbers[at + 1] !== only) {
      r += numbers[at + 10] * RELATED;
      continue;
    }
    const related: WireRelated[] = [];
    for (let j = numbers[at + 10]; j > 0; j--) {
      related.push({
        path: stringAt(numbers[r]),
        range: {
          start: { line: numbers[r + 3] | 0, character: numbers[r + 4] | 0 },
          end: { line: numbers[r + 5] | 0, character: numbers[r + 6] | 0 },
        },
        start: numbers[r + 1] | 0,
        end: numbers[r + 2] | 0,
      });
      r += RELATED;
    }
    findings.push({
      kind: stringAt(numbers[at]) as WireFinding['kind'],
      code: stringAt(numbers[at + 1]),
      message: stringAt(numbers[at + 2]),
      score: numbers[at + 3],
      range: {
        start: { line: numbers[at + 6] | 0, character: numbers[at + 7] | 0 },
        end: { line: numbers[at + 8] | 0, character: numbers[at + 9] | 0 },
      },
      related,
      start: numbers[at + 4] | 0,
      end: numbers[at + 5] | 0,
    });
  }
  return findings;
}

/** The files as objects again, equal to those packed (the benches and tests read replies so). */
export function unpackFiles(packed: PackedFiles): FileFindings[] {
  const { numbers, strings } = packed;
  const stringAt = (id: number) => strings[id];
  return fileStarts(packed).map((at) => {
    const near = numbers[at + H_NEAR];
    const from = at + FILE_HEADER;
    const nearDuplicates: FileFindings['nearDuplicates'] = [];
    for (let i = 0; i < near; i++) { nearDuplicates.push({ path: strings[numbers[from + i * NEAR]], similarity: numbers[from + i * NEAR + 1] }); }
    const file: FileFindings = {
      path: strings[numbers[at + H_PATH]],
      boilerplateShare: numbers[at + H_BOILERPLATE],
      duplicateShare: numbers[at + H_DUPLICATE],
      nearDuplicates,
      findings: findingsAt(numbers, from + near * NEAR, numbers[at + H_FINDINGS], stringAt),
    };
    if (numbers[at + H_HAS_VERSION] === 1) { file.version = versionAt(packed, at); }
    return file;
  });
}
