// `corpus-lens export <folder> --format F --out DIR`: the curated corpus out, as cleaned documents (jsonl,
// parquet), detector output (dolma-attributes) or tags (w3c, brat, conll, spans-jsonl). The work is in
// src/core/export; this parses options, draws progress and prints the summary.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { corpusMatcher } from '../core/corpus';
import { exportCorpus } from '../core/export/exportCorpus';
import { WriteError } from '../core/io/atomicWrite';
import { printable } from '../core/io/walkFolder';
import { EXPORT_FORMATS, ExportFormat } from '../core/export/types';
import { parseFolderCommand } from './args';
import { CliIO, ProgressBar, UsageError } from './io';

export const exportUsage = `usage: corpus-lens export <folder> --format FORMAT --out DIR [options]

Writes the corpus and its annotations into DIR, with removed.jsonl (every dropped document, removed span and
tag that did not reach the output, with its reason) and warnings.jsonl (orphaned annotations, unreadable files).
  --format FORMAT          jsonl | parquet         cleaned documents {id, text, metadata}
                           dolma-attributes        findings as Dolma attribute spans, text unchanged
                           w3c | brat | conll | spans-jsonl   claim and entity tags
  --out DIR                the folder to write into (created if missing)
  --boilerplate remove|keep  undecided boilerplate findings (default remove; confirmed always go, dismissed stay)
  --min-score N            remove undecided boilerplate only from this score up (0 to 1; default 0.85:
                           scores are the measured chance that a finding of that code is boilerplate)
  --duplicates drop|keep-all near-duplicate copies: keep one per cluster (default drop) or all
  --on source|cleaned      tag formats: spans on the source text (default) or on the cleaned text
  --offsets codepoints|utf16 the unit of every offset (default codepoints, as Python tools count)
  --base IRI               w3c: the IRI document paths are resolved against (default the folder's file: URL)
  --include GLOB           files to export, relative to <folder> (default **/*.txt; repeatable)
  --exclude GLOB           files to leave out (repeatable)
See docs/export.md for each format's layout.
`;

/** File system errors that mean the export's output cannot be written. */
const WRITE_ERRORS = new Set(['EACCES', 'EPERM', 'EROFS', 'ENOSPC', 'EDQUOT', 'ENOTDIR', 'EISDIR', 'EEXIST', 'ENAMETOOLONG', 'EFBIG']);

function choice<T extends string>(value: string | undefined, allowed: readonly T[], name: string, fallback: T): T {
  if (value === undefined) { return fallback; }
  if (!(allowed as readonly string[]).includes(value)) { throw new UsageError(`--${name} takes ${allowed.join(', ')}`); }
  return value as T;
}

export async function runExportCommand(argv: string[], io: CliIO): Promise<number> {
  const cmd = parseFolderCommand('export', argv, { flags: [], values: ['format', 'out', 'boilerplate', 'min-score', 'duplicates', 'on', 'offsets', 'base', 'include', 'exclude'] }, exportUsage, io);
  if (typeof cmd === 'number') { return cmd; }
  const { args, folder } = cmd;
  const one = (name: string) => args.values.get(name)?.at(-1);
  const format = one('format');
  if (format === undefined) { throw new UsageError('export needs --format'); }
  const out = one('out');
  if (out === undefined) { throw new UsageError('export needs --out DIR'); }
  const outDir = path.resolve(out);
  if (fs.existsSync(outDir) && !fs.statSync(outDir).isDirectory()) { throw new UsageError(`--out must be a folder: ${out}`); }
  if (outDir === folder || outDir.startsWith(folder + path.sep) && corpusMatcher({ include: args.values.get('include'), exclude: args.values.get('exclude') })(
    `${path.relative(folder, outDir).split(path.sep).join('/')}/x.txt`)) {
    // Writing inside the corpus would feed the export's own .txt files (brat) into the next scan: only a folder
    // that --exclude leaves out of the corpus will do.
    throw new UsageError('--out must be outside the corpus folder (or excluded from it with --exclude)');
  }
  const minScoreText = one('min-score');
  const minScore = minScoreText === undefined ? undefined : Number(minScoreText);
  if (minScore !== undefined && !(minScoreText!.trim() !== '' && minScore >= 0 && minScore <= 1)) {
    throw new UsageError(`--min-score takes a number from 0 to 1, not "${minScoreText}"`);
  }
  const bar = new ProgressBar(io);
  const workerScript = path.join(__dirname, 'prepareWorker.js');
  let summary: Awaited<ReturnType<typeof exportCorpus>>;
  try {
    summary = await exportCorpus(folder, {
      format: choice(format, EXPORT_FORMATS, 'format', 'jsonl' as ExportFormat),
      outDir,
      boilerplate: choice(one('boilerplate'), ['remove', 'keep'] as const, 'boilerplate', 'remove'),
      minScore,
      duplicates: choice(one('duplicates'), ['drop', 'keep-all'] as const, 'duplicates', 'drop'),
      on: choice(one('on'), ['source', 'cleaned'] as const, 'on', 'source'),
      offsets: choice(one('offsets'), ['codepoints', 'utf16'] as const, 'offsets', 'codepoints'),
      base: one('base'),
      include: args.values.get('include'),
      exclude: args.values.get('exclude'),
      workerScript: fs.existsSync(workerScript) ? workerScript : undefined,
      onProgress: (p) => bar.update(p.phase, p.done, p.total),
    });
  } catch (e) {
    // The output folder cannot be made or written (permissions, a full disk, a file in the way): the corpus and
    // its sidecars are only read, and what was written is removed unpublished (staging.ts), so nothing is lost
    // and nothing half-written is left; say where and why instead of a stack trace.
    if (e instanceof WriteError) {
      bar.clear();
      io.stderr(`corpus-lens: cannot write the export to ${printable(out)}: ${printable(e.message)}; nothing was exported\n`);
      return 1;
    }
    const code = (e as NodeJS.ErrnoException).code;
    const where = (e as NodeJS.ErrnoException).path;
    if (code === undefined || !WRITE_ERRORS.has(code) || (where !== undefined && !path.resolve(where).startsWith(outDir))) { throw e; }
    bar.clear();
    io.stderr(`corpus-lens: cannot write the export to ${out}: ${(e as Error).message}\n`);
    return 1;
  }
  bar.clear();
  io.stdout(`exported ${summary.documents} documents as ${summary.format} to ${out}: ` +
    `${summary.droppedDocuments} dropped as duplicates, ${summary.removedSpans} spans removed, ${summary.tags} tags` +
    `${summary.removedTags ? ` (${summary.removedTags} not exported, see removed.jsonl)` : ''}` +
    `${summary.orphaned ? `, ${summary.orphaned} orphaned annotations` : ''}` +
    `${summary.warnings ? `; ${summary.warnings} warnings in warnings.jsonl` : ''}\n`);
  // An unreadable sidecar's tags and decisions are missing from the output (a dismissed finding is then removed
  // as undecided): as much a failure for a CI run as a skipped file.
  if (summary.invalidSidecars > 0) { io.stderr(`corpus-lens: ${summary.invalidSidecars} sidecars could not be read; their tags and decisions are not in the export (see warnings.jsonl)\n`); }
  return summary.skipped > 0 || summary.invalidSidecars > 0 ? 1 : 0;
}
