// Findings as typed arrays and one table of strings, for a worker's reply. Posted as objects, a batch's
// boilerplate findings (a dozen or more a file, seven fields each) cost the worker 0.6 s of structured cloning at
// 100 MB and the main thread as much again to rebuild them; packed, the clone is a few buffers and the strings a
// batch uses (codes and messages repeat from file to file, so each is sent once).
import { Finding, FindingKind } from '../findings';

export interface PackedFindings {
  /** The kinds, codes, messages and related paths the findings use, each once. */
  strings: string[];
  /** Four a finding: kind, code and message (indices into strings), number of related locations. */
  head: Int32Array<ArrayBuffer>;
  /** Three a finding: score, start, end. */
  nums: Float64Array<ArrayBuffer>;
  /** Three a related location, in finding order: path (index into strings), start, end. */
  related: Float64Array<ArrayBuffer>;
}

/** Packs the findings of several files, one list after the other (unpack with the same counts, in order). */
export function packFindings(lists: readonly Finding[][]): PackedFindings {
  let count = 0;
  let relatedCount = 0;
  for (const list of lists) {
    count += list.length;
    for (const f of list) { relatedCount += f.related.length; }
  }
  const strings: string[] = [];
  const index = new Map<string, number>();
  const id = (s: string) => {
    let i = index.get(s);
    if (i === undefined) { i = strings.length; strings.push(s); index.set(s, i); }
    return i;
  };
  const head = new Int32Array(4 * count);
  const nums = new Float64Array(3 * count);
  const related = new Float64Array(3 * relatedCount);
  let at = 0;
  let r = 0;
  for (const list of lists) {
    for (const f of list) {
      head[4 * at] = id(f.kind);
      head[4 * at + 1] = id(f.code);
      head[4 * at + 2] = id(f.message);
      head[4 * at + 3] = f.related.length;
      nums[3 * at] = f.score;
      nums[3 * at + 1] = f.start;
      nums[3 * at + 2] = f.end;
      for (const l of f.related) {
        related[r++] = id(l.path);
        related[r++] = l.start;
        related[r++] = l.end;
      }
      at++;
    }
  }
  return { strings, head, nums, related };
}

/** Reads packed findings a file at a time, in the order they were packed. */
export class FindingsReader {
  private at = 0;
  private r = 0;

  constructor(private readonly p: PackedFindings) {}

  /** The next `count` findings, as the objects that were packed (the same fields in the same order). */
  next(count: number): Finding[] {
    const { strings, head, nums, related } = this.p;
    const out: Finding[] = new Array(count);
    for (let k = 0; k < count; k++) {
      const a = this.at++;
      const rel = [];
      for (let j = head[4 * a + 3]; j > 0; j--) {
        rel.push({ path: strings[related[this.r]], start: related[this.r + 1], end: related[this.r + 2] });
        this.r += 3;
      }
      out[k] = {
        kind: strings[head[4 * a]] as FindingKind,
        code: strings[head[4 * a + 1]],
        message: strings[head[4 * a + 2]],
        score: nums[3 * a],
        start: nums[3 * a + 1],
        end: nums[3 * a + 2],
        related: rel,
      };
    }
    return out;
  }
}
