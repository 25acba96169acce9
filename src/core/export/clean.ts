// What the cleaned text leaves out, and the cleaned text itself, from findings that already met the editor's
// decisions (applyDecisions): confirmed boilerplate goes, dismissed stays, undecided follows the --boilerplate rule
// (and, when removed, only from the least score up: --min-score); a passage confirmed as the duplicate goes; a
// boilerplate decision the editor confirmed over text no finding covers goes too (it is the editor's mark). A span
// that fills its lines takes their line breaks.
import { Decided, PlacedDecision } from '../annotations/decisions';
import { Finding } from '../findings';

export type BoilerplateRule = 'remove' | 'keep';

export interface RemovedSpan {
  start: number;
  end: number;
  code: string;
  reason: string;
}

export interface CleaningRules {
  boilerplate: BoilerplateRule;
  /**
   * The least score of an undecided boilerplate finding that is removed (scores are calibrated probabilities:
   * src/core/detect/calibration.ts); below it the text stays. Confirmed findings go whatever their score.
   */
  minScore: number;
  /** False with --duplicates keep-all: passages confirmed as the duplicate stay. */
  dropDuplicates: boolean;
}

/**
 * The spans to remove from one text, merged where they touch or overlap, sorted, in UTF-16 offsets. `decisions`
 * are the file's placed decisions, those that `findings` met among them.
 */
export function spansToRemove(text: string, findings: readonly Decided<Finding>[], decisions: readonly PlacedDecision[], rules: CleaningRules): RemovedSpan[] {
  const spans: RemovedSpan[] = [];
  const used = new Set<string>();
  for (const f of findings) {
    const d = f.decision;
    if (d) { used.add(d.id); }
    if (f.kind === 'boilerplate') {
      if (d?.status === 'dismissed' || (!d && (rules.boilerplate === 'keep' || f.score < rules.minScore))) { continue; }
      spans.push({ start: f.start, end: f.end, code: f.code, reason: d?.status === 'confirmed' ? `${f.message} (confirmed)` : f.message });
    } else if (rules.dropDuplicates && d?.status === 'confirmed') {
      const other = f.related[0]?.path;
      spans.push({ start: f.start, end: f.end, code: f.code, reason: `marked as the duplicate${other ? ` of ${other}` : ''}` });
    }
  }
  for (const d of decisions) {
    if (d.kind !== 'boilerplate' || d.status !== 'confirmed' || used.has(d.id)) { continue; }
    spans.push({ start: d.start, end: d.end, code: d.code, reason: 'confirmed as boilerplate by an editor' });
  }
  return mergeSpans(spans.map((s) => ({ ...s, ...widenToLines(text, s.start, s.end) })));
}

/** Overlapping or touching spans become one, named after its longest part. */
function mergeSpans(spans: RemovedSpan[]): RemovedSpan[] {
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: (RemovedSpan & { longest: number })[] = [];
  for (const s of spans) {
    const last = out[out.length - 1];
    if (last && s.start <= last.end) {
      if (s.end - s.start > last.longest) { last.code = s.code; last.reason = s.reason; last.longest = s.end - s.start; }
      last.end = Math.max(last.end, s.end);
    } else {
      out.push({ ...s, longest: s.end - s.start });
    }
  }
  return out.map(({ longest: _, ...s }) => s);
}

const isBlank = (c: string) => c === ' ' || c === '\t';
const isBreak = (c: string) => c === '\n' || c === '\r';

/**
 * A span that is all of its lines (but white space) is widened to the whole lines and their last line break, and
 * to the blank lines after it when a blank line (or the start of the text) stands before it, so that removing a
 * paragraph leaves one paragraph break, not two.
 */
export function widenToLines(text: string, start: number, end: number): { start: number; end: number } {
  let s = start;
  while (s > 0 && isBlank(text[s - 1])) { s--; }
  let e = end;
  while (e < text.length && isBlank(text[e])) { e++; }
  if (!(s === 0 || isBreak(text[s - 1])) || !(e === text.length || isBreak(text[e]))) { return { start, end }; }
  e = skipBreak(text, e);
  const blankBefore = s === 0 || (isBreak(text[s - 1]) && (s - 1 === 0 || lineBlankBefore(text, s - 1)));
  if (blankBefore) {
    for (;;) {
      let k = e;
      while (k < text.length && isBlank(text[k])) { k++; }
      if (k < text.length && isBreak(text[k])) { e = skipBreak(text, k); } else { break; }
    }
  }
  return { start: s, end: e };
}

function skipBreak(text: string, i: number): number {
  if (text[i] === '\r' && text[i + 1] === '\n') { return i + 2; }
  return i < text.length ? i + 1 : i;
}

/** Whether the line that ends with the break at `breakAt` is blank (white space only). */
function lineBlankBefore(text: string, breakAt: number): boolean {
  let i = breakAt;
  if (text[i] === '\n' && text[i - 1] === '\r') { i--; }
  while (i > 0 && isBlank(text[i - 1])) { i--; }
  return i === 0 || isBreak(text[i - 1]);
}

/** A text with spans cut out, and the map from the original's offsets to the cleaned text's. */
export class CleanedText {
  readonly text: string;
  /** Removed characters before each span's start (prefix sums), for the offset map. */
  private readonly removedBefore: number[];

  constructor(readonly source: string, readonly spans: readonly RemovedSpan[]) {
    const parts: string[] = [];
    let at = 0;
    let removed = 0;
    this.removedBefore = [];
    for (const s of spans) {
      parts.push(source.slice(at, s.start));
      this.removedBefore.push(removed);
      removed += s.end - s.start;
      at = s.end;
    }
    parts.push(source.slice(at));
    this.text = parts.join('');
  }

  /** Where a range of the original stands in the cleaned text; undefined when removed text touches its inside. */
  mapRange(start: number, end: number): { start: number; end: number } | undefined {
    const i = this.spanAtOrBefore(start);
    const s = this.spans[i];
    if (s && start < s.end) { return undefined; }
    const next = this.spans[i + 1];
    if (next && next.start < end) { return undefined; }
    const shift = s ? this.removedBefore[i] + (s.end - s.start) : 0;
    return { start: start - shift, end: end - shift };
  }

  /** The index of the last span starting at or before `offset` (-1 when none). */
  private spanAtOrBefore(offset: number): number {
    let lo = 0;
    let hi = this.spans.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.spans[mid].start <= offset) { lo = mid + 1; } else { hi = mid; }
    }
    return lo - 1;
  }
}
