// `import`: tags from another tool written into the corpus's sidecars through the annotation store, so that quote
// and context come from the file's own text and the tags re-anchor like any other. A tag is placed only where
// the file holds its quote: at its stated offsets, or else where the anchor search finds the exact quote (with
// its context); a tag whose text the file does not hold is reported and never written. A tag equal to one the
// sidecar already has (kind, label and range) is not added twice.
import * as path from 'node:path';
import { resolveAnchor } from '../anchor/resolve';
import { splitsSurrogatePair } from '../anchor/textChanges';
import { AnnotationStore } from '../annotations/store';
import { isTag } from './sidecars';
import { ImportedTag, ImportFormat, ImportProblem, parseBrat, parseSpansJsonl, parseW3c } from './importFormats';
import { OffsetUnit, offsetMapper } from './offsets';
import { readSourceText } from './sourceReader';
import { corpusMatcher, CorpusSelection } from '../corpus';
import { DEFAULT_MAX_FILE_BYTES } from '../options';
import { pathToFileURL } from 'node:url';

export interface ImportOptions extends CorpusSelection {
  format: ImportFormat;
  /** brat: a folder of .txt/.ann; w3c and spans-jsonl: a file. */
  input: string;
  offsets?: OffsetUnit;
  base?: string;
  maxFileBytes?: number;
}

export interface ImportSummary {
  imported: number;
  duplicates: number;
  /** Tags not written: their text is not in the file, or the file is not in the corpus. */
  rejected: { path: string; quote: string; reason: string }[];
  problems: ImportProblem[];
  sidecarsWritten: number;
}

export async function importAnnotations(root: string, options: ImportOptions, store = new AnnotationStore({ root })): Promise<ImportSummary> {
  const unit = options.offsets ?? 'codepoints';
  const parsed = options.format === 'brat' ? parseBrat(options.input, unit)
    : options.format === 'w3c' ? parseW3c(options.input, unit, options.base ?? pathToFileURL(root + path.sep).href)
      : parseSpansJsonl(options.input, unit);
  const summary: ImportSummary = { imported: 0, duplicates: 0, rejected: [], problems: parsed.problems, sidecarsWritten: 0 };
  const inCorpus = corpusMatcher(options);
  const byPath = new Map<string, ImportedTag[]>();
  for (const t of parsed.tags) { byPath.set(t.path, [...(byPath.get(t.path) ?? []), t]); }
  for (const [rel, tags] of [...byPath].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const reject = (t: ImportedTag, reason: string) => summary.rejected.push({ path: rel, quote: t.quote, reason });
    if (rel.split('/').some((s) => s === '..' || s === '') || !inCorpus(rel)) { tags.forEach((t) => reject(t, 'not a corpus file under the folder')); continue; }
    const abs = path.join(root, ...rel.split('/'));
    const r = readSourceText(root, rel, options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES);
    if (!r.ok) { tags.forEach((t) => reject(t, `cannot read the file: ${r.message}`)); continue; }
    const text = r.text;
    // A sidecar that cannot be read (not UTF-8, invalid) or written costs its own file's tags, reported, and is
    // left as it is; the run goes on to the other files.
    let session: Awaited<ReturnType<typeof store.open>>;
    try {
      session = await store.open(abs, text);
    } catch (e) {
      tags.forEach((t) => reject(t, `the sidecar cannot be read: ${(e as Error).message}`));
      continue;
    }
    try {
      let added = 0;
      for (const t of tags) {
        const place = placeTag(text, t);
        if (!place) { reject(t, 'the file does not hold this text'); continue; }
        const same = session.list().some((a) => isTag(a.annotation) && a.annotation.kind === t.kind
          && (a.annotation.label ?? null) === (t.label ?? null) && a.start === place.start && a.end === place.end);
        if (same) { summary.duplicates++; continue; }
        session.add({ kind: t.kind, ...(t.label !== undefined ? { label: t.label } : {}), start: place.start, end: place.end,
          ...(Object.keys(t.attributes).length > 0 ? { attributes: t.attributes } : {}), ...(t.author !== undefined ? { author: t.author } : {}) });
        added++;
      }
      if (added > 0) {
        try {
          await session.save();
        } catch (e) {
          tags.forEach((t) => reject(t, `the sidecar cannot be written: ${(e as Error).message}`));
          continue;
        }
        summary.sidecarsWritten++;
        summary.imported += added;
      }
    } finally {
      store.close(abs);
    }
  }
  return summary;
}

/** Where the file holds the tag's quote: at its offsets, else the exact quote the anchor search finds. */
export function placeTag(text: string, t: ImportedTag): { start: number; end: number } | undefined {
  let start = t.start;
  let end = t.end;
  if (t.positionUnit && start !== undefined && end !== undefined) {
    const map = offsetMapper(text, t.positionUnit);
    start = map.toUtf16(start);
    end = map.toUtf16(end);
  }
  // A range that cuts an emoji in two is no place at all: the store refuses it, and that refusal must cost this
  // tag alone, not the run.
  const whole = (a: number, b: number) => !splitsSurrogatePair(text, a) && !splitsSurrogatePair(text, b);
  if (start !== undefined && end !== undefined && text.slice(start, end) === t.quote && whole(start, end)) { return { start, end }; }
  const r = resolveAnchor(text, { quote: t.quote, prefix: t.prefix, suffix: t.suffix, start: start ?? 0, end: end ?? t.quote.length });
  if (r.outcome === 'orphaned' || text.slice(r.start, r.end) !== t.quote || !whole(r.start, r.end)) { return undefined; }
  return { start: r.start, end: r.end };
}
