// `corpus-lens suggest <folder>`: entity and claim suggestions for every corpus file, with the corpus gazetteer
// built from the folder's sidecars, as a readable list or one JSON document with --json. Exit 2 on a usage error
// or a missing folder, 1 when a file or a sidecar could not be read (the other files are still reported).
import * as path from 'node:path';
import { DEFAULT_MAX_FILE_BYTES } from '../core/options';
import { SidecarError } from '../core/annotations/errors';
import type { Annotation } from '../core/annotations/model';
import { AnnotationStore } from '../core/annotations/store';
import { listCorpus, readCorpusFile } from '../core/corpus';
import { printable } from '../core/io/walkFolder';
import { Gazetteer, suggest, Suggestion } from '../core/suggest';
import { defaultClaimOptions } from '../core/suggest/claims';
import { readCorpusSidecars } from '../core/suggest/corpusSidecars';
import { TextModel } from '../core/text';
import { parseFolderCommand } from './args';

export const suggestUsage = `usage: corpus-lens suggest <folder> [--json] [--min-claim-score N] [--include GLOB]... [--exclude GLOB]...

Suggests entities (people, organizations, places) and check-worthy claims in the plain-text files under <folder>.
Strings tagged as entities in the folder's *.annotations.yaml sidecars are proposed again wherever else they
occur, with the label they were given; spans already tagged and mentions turned down are left out.
  --json           print one JSON document (UTF-16 offsets into each file's text, BOM not counted)
  --min-claim-score N
                   propose the sentences whose check-worthiness score is at least N, 0 to 1 (default ${defaultClaimOptions.minScore});
                   0 scores every sentence, for ranking a transcript by its claims
  --include GLOB   files to read, relative to <folder> (default **/*.txt; repeatable)
  --exclude GLOB   files to leave out (default **/node_modules/**, **/.git/**; repeatable)
`;

export interface SuggestReport {
  version: 1;
  files: { path: string; suggestions: JsonSuggestion[] }[];
  /** Files and folders not read, with why (a link out of the folder, a FIFO, an unreadable folder...). */
  skipped: { path: string; reason: string; message: string }[];
}

type JsonSuggestion =
  | { kind: 'entity'; label: string; text: string; start: number; end: number; score: number }
  | { kind: 'claim'; text: string; start: number; end: number; speaker?: string; score: number };

export async function runSuggestCommand(
  args: string[], io: { stdout(s: string): void; stderr(s: string): void },
): Promise<number> {
  const cmd = parseFolderCommand('suggest', args, { flags: ['json'], values: ['include', 'exclude', 'min-claim-score'] }, suggestUsage, io);
  if (typeof cmd === 'number') { return cmd; }
  const { args: parsed, folder: root } = cmd;
  const minClaimText = parsed.values.get('min-claim-score')?.at(-1);
  const minClaimScore = minClaimText === undefined ? undefined : Number(minClaimText);
  if (minClaimScore !== undefined && !(minClaimText!.trim() !== '' && minClaimScore >= 0 && minClaimScore <= 1)) {
    io.stderr(`corpus-lens: --min-claim-score takes a number from 0 to 1, not "${minClaimText}"\n\n${suggestUsage}`);
    return 2;
  }
  let failed = false;
  const sidecars = await readCorpusSidecars(root, (message) => { io.stderr(`corpus-lens: ${printable(message)}\n`); failed = true; });
  const gazetteer = Gazetteer.fromAnnotations([...sidecars.values()].map((s) => ({ path: s.sourcePath, annotations: s.annotations })));
  const listing = listCorpus(root, { include: parsed.values.get('include'), exclude: parsed.values.get('exclude') });
  const report: SuggestReport = { version: 1, files: [], skipped: listing.skipped };
  if (listing.skipped.some((s) => s.reason === 'unreadable')) { failed = true; }
  const texts = new Map<string, string>();
  for (const rel of listing.files) {
    const abs = path.join(root, ...rel.split('/'));
    const read = readCorpusFile(root, rel, { maxFileBytes: DEFAULT_MAX_FILE_BYTES });
    if (!read.ok) {
      report.skipped.push({ path: rel, reason: read.reason, message: read.message });
      if (read.reason === 'unreadable') { failed = true; }
      continue;
    }
    const sidecar = sidecars.get(abs);
    let annotations: Annotation[] = [];
    if (sidecar) {
      try {
        annotations = await anchoredAnnotations(root, abs, sidecar.sidecarPath, read.text);
      } catch (e) {
        if (!(e instanceof SidecarError)) { throw e; }
        io.stderr(`corpus-lens: ${printable(path.relative(root, sidecar.sidecarPath).split(path.sep).join('/'))}: ${printable(e.message)}\n`);
        failed = true;
      }
    }
    const suggestions = suggest(read.text, { entities: true, claims: true, gazetteer, annotations, minClaimScore });
    report.files.push({ path: rel, suggestions: suggestions.map(toJson) });
    texts.set(rel, read.text);
  }
  report.skipped.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  for (const k of report.skipped) { io.stderr(`corpus-lens: skipped ${printable(k.path)}: ${printable(k.message)}\n`); }
  if (parsed.flags.has('json')) {
    io.stdout(JSON.stringify(report) + '\n');
  } else {
    io.stdout(formatReadable(report, texts, gazetteer.size));
  }
  return failed ? 1 : 0;
}

function toJson(s: Suggestion): JsonSuggestion {
  if (s.kind === 'entity') {
    return { kind: 'entity', label: s.label, text: s.text, start: s.start, end: s.end, score: s.score };
  }
  const out: JsonSuggestion = { kind: 'claim', text: s.text, start: s.start, end: s.end, score: s.score };
  if (s.speaker !== undefined) { out.speaker = s.speaker; }
  return out;
}

function formatReadable(report: SuggestReport, texts: Map<string, string>, gazetteerSize: number): string {
  const lines: string[] = [];
  let entities = 0;
  let claims = 0;
  for (const f of report.files) {
    const model = new TextModel(texts.get(f.path) ?? '');
    const e = f.suggestions.filter((s) => s.kind === 'entity').length;
    const c = f.suggestions.length - e;
    entities += e;
    claims += c;
    lines.push(`${printable(f.path)}: ${plural(e, 'entity', 'entities')}, ${plural(c, 'claim')}`);
    for (const s of f.suggestions) {
      const line = String(model.positionAt(s.start).line + 1).padStart(6);
      const what = s.kind === 'entity' ? `entity/${s.label}` : 'claim';
      const speaker = s.kind === 'claim' && s.speaker ? `  (speaker: ${s.speaker})` : '';
      lines.push(`${line}  ${what.padEnd(20)} ${s.score.toFixed(2)}  ${clip(s.text)}${speaker}`);
    }
  }
  lines.push(`${plural(report.files.length, 'file')}: ${plural(entities, 'entity', 'entities')}, ${plural(claims, 'claim')} suggested`
    + (gazetteerSize ? `; ${plural(gazetteerSize, 'tagged string')} in the corpus gazetteer` : ''));
  return lines.join('\n') + '\n';
}

function clip(s: string): string {
  const one = s.replace(/\s+/g, ' ');
  return one.length > 100 ? one.slice(0, 99) + '…' : one;
}

function plural(n: number, word: string, many = word + 's'): string {
  return `${n} ${n === 1 ? word : many}`;
}

/** The file's annotations placed in its current text (re-anchored as the editor would); orphans are left out. */
async function anchoredAnnotations(root: string, sourcePath: string, sidecarPath: string, text: string): Promise<Annotation[]> {
  const session = await new AnnotationStore({ root }).open(sourcePath, text, { sidecarPath });
  const out: Annotation[] = [];
  for (const a of session.list()) {
    if (a.start === null || a.end === null) { continue; }
    out.push({ ...a.annotation, start: a.start, end: a.end, quote: text.slice(a.start, a.end) });
  }
  return out;
}
