// `corpus-lens annotations <folder> [--json] [--fix]`: re-anchors every sidecar under a folder against its source
// and reports each annotation's outcome; --fix writes the new offsets, context and source hash back through the
// annotation store (merge with concurrent writers, atomic write). Exit 1 when an annotation is orphaned or a
// sidecar is invalid, 2 on a usage error.
import * as path from 'node:path';
import { SidecarError, formatIssues } from '../core/annotations/errors';
import { readSidecarFile } from '../core/annotations/sidecarFs';
import {
  defaultSourcePathFor, findSidecars, isInside, resolveSourceField,
} from '../core/annotations/sidecarPaths';
import { defaultSidecarLimits, parseSidecar } from '../core/annotations/sidecarYaml';
import { AnnotationStore } from '../core/annotations/store';
import { readCorpusFile } from '../core/corpus';
import { printable } from '../core/io/walkFolder';
import { parseFolderCommand } from './args';

export const annotationsUsage = `usage: corpus-lens annotations <folder> [--json] [--fix]

Re-anchors every *.annotations.yaml sidecar under <folder> against its source text and reports each
annotation: exact (stored offsets hold), moved (quote found elsewhere), fuzzy (edited quote found),
orphaned (not found, or over the search budget; kept in the sidecar). A sidecar or folder that cannot be
read or written is reported and the run goes on. Exits 1 if any annotation is orphaned, any sidecar is
invalid or not written, or anything was skipped; 2 on a usage error.
  --json   print one JSON document
  --fix    write the re-anchored offsets, quote, context and source hash back to the sidecars
`;

export type AnnotationOutcomeName = 'exact' | 'moved' | 'fuzzy' | 'orphaned';

export interface AnnotationsReport {
  version: 1;
  sidecars: {
    /** Sidecar path relative to the folder, with forward slashes. */
    path: string;
    /** Source path relative to the folder, when known. */
    source: string | null;
    /** Why the sidecar could not be checked (file:line:col: message), or null. */
    error: string | null;
    /** `reason` "over-budget": an orphan whose search was given up for its cost (a long quote, a large source). */
    annotations: { id: string; outcome: AnnotationOutcomeName; start: number | null; end: number | null; reason?: 'over-budget' }[];
    /** With --fix: whether the sidecar was rewritten. */
    written?: boolean;
    /** With --fix: conflicts met merging with a concurrent writer (both versions kept). */
    conflicts?: { id: string; reason: string; oursId?: string }[];
  }[];
  /** Entries named like sidecars that could not be looked at, and folders that could not be read ("." the root). */
  skipped: { path: string; reason: string; message: string }[];
  /** Only what was checked in full: a sidecar with an error counts as invalid, its annotations not at all. */
  totals: { sidecars: number; invalid: number; annotations: number } & Record<AnnotationOutcomeName, number>;
}

const MAX_SOURCE_BYTES = 256 * 1024 * 1024;

export async function runAnnotationsCommand(
  args: string[], io: { stdout: (s: string) => void; stderr: (s: string) => void },
): Promise<number> {
  const cmd = parseFolderCommand('annotations', args, { flags: ['json', 'fix'], values: [] }, annotationsUsage, io);
  if (typeof cmd === 'number') { return cmd; }
  const { args: parsed, folder } = cmd;
  const report = await checkSidecars(folder, parsed.flags.has('fix'));
  if (parsed.flags.has('json')) {
    io.stdout(JSON.stringify(report) + '\n');
  } else {
    io.stdout(formatReport(report, parsed.flags.has('fix')));
  }
  return report.totals.invalid > 0 || report.totals.orphaned > 0 || report.skipped.length > 0 ? 1 : 0;
}

/**
 * Re-anchors every sidecar under `folder`; with `fix`, writes the results back. Never throws for a sidecar, a
 * source or a folder: each failure is that entry's error (or a skipped entry) and the run goes on.
 */
export async function checkSidecars(folder: string, fix: boolean): Promise<AnnotationsReport> {
  const found = findSidecars(folder);
  const report: AnnotationsReport = {
    version: 1, sidecars: [], skipped: found.skipped,
    totals: { sidecars: 0, invalid: 0, annotations: 0, exact: 0, moved: 0, fuzzy: 0, orphaned: 0 },
  };
  for (const sidecarPath of found.sidecars) {
    const entry: AnnotationsReport['sidecars'][number] = { path: relative(folder, sidecarPath), source: null, error: null, annotations: [] };
    report.sidecars.push(entry);
    report.totals.sidecars++;
    // Whether the sidecar was checked and only its write failed: it is then "not written", not "invalid".
    let writing = false;
    try {
      const sourcePath = await sourceOf(folder, sidecarPath);
      entry.source = relative(folder, sourcePath);
      const text = readSource(folder, sidecarPath, sourcePath);
      // A store per sidecar: sessions are keyed by source, and two sidecars might name the same one.
      const session = await new AnnotationStore({ root: folder }).open(sourcePath, text, { sidecarPath });
      const outcomes = session.list().map((a) => ({
        id: a.annotation.id, outcome: a.outcome === 'pending' ? 'orphaned' as const : a.outcome, start: a.start, end: a.end,
        ...(a.reason ? { reason: a.reason } : {}),
      }));
      if (fix) {
        writing = true;
        const saved = session.dirty ? await session.save() : { written: false, conflicts: [] };
        entry.written = saved.written;
        entry.conflicts = saved.conflicts;
      }
      // Counted only once the sidecar was checked (and, with --fix, written) in full.
      entry.annotations = outcomes;
      for (const a of outcomes) {
        report.totals[a.outcome]++;
        report.totals.annotations++;
      }
    } catch (e) {
      entry.error = e instanceof SidecarError
        ? formatIssues(relative(folder, e.file), e.issues)
        : `${entry.path}: ${e instanceof Error ? e.message : String(e)}`;
      entry.annotations = [];
      if (writing) { entry.written = false; } else { delete entry.written; }
      delete entry.conflicts;
      report.totals.invalid++;
    }
  }
  return report;
}

function formatReport(report: AnnotationsReport, fix: boolean): string {
  const lines: string[] = [];
  for (const s of report.sidecars) {
    if (s.error !== null) {
      lines.push(`${printable(s.path)}: ${s.written === false ? 'not written' : 'invalid'}`, ...s.error.split('\n').map((l) => `  ${printable(l)}`));
      continue;
    }
    const counts = (['exact', 'moved', 'fuzzy', 'orphaned'] as const)
      .map((o) => [o, s.annotations.filter((a) => a.outcome === o).length] as const)
      .filter(([, n]) => n > 0).map(([o, n]) => `${n} ${o}`);
    const written = fix ? (s.written ? ' (written)' : ' (unchanged)') : '';
    lines.push(`${printable(s.path)}: ${plural(s.annotations.length, 'annotation')}${counts.length ? ': ' + counts.join(', ') : ''}${written}`);
    for (const a of s.annotations) {
      if (a.outcome === 'exact') { continue; }
      const why = a.reason === 'over-budget' ? ' (search given up: quote too long for the source\'s size)' : '';
      lines.push(`  ${a.id.padEnd(8)} ${a.outcome.padEnd(9)}${a.start === null ? '' : ` ${a.start}-${a.end}`}${why}`.trimEnd());
    }
    for (const c of s.conflicts ?? []) {
      lines.push(`  ${c.id.padEnd(8)} conflict: ${c.reason}${c.oursId ? `; our version kept as ${c.oursId}` : ''}`);
    }
  }
  for (const k of report.skipped) { lines.push(`${printable(k.path)}: skipped: ${printable(k.message)}`); }
  const t = report.totals;
  const notWritten = report.sidecars.filter((s) => s.error !== null && s.written === false).length;
  const failed = [t.invalid - notWritten ? `${t.invalid - notWritten} invalid` : '', notWritten ? `${notWritten} not written` : ''].filter(Boolean).join(', ');
  lines.push(`${plural(t.sidecars, 'sidecar')}${failed ? ` (${failed})` : ''}, ${plural(t.annotations, 'annotation')}: `
    + `${t.exact} exact, ${t.moved} moved, ${t.fuzzy} fuzzy, ${t.orphaned} orphaned`);
  return lines.join('\n') + '\n';
}

/** The source a sidecar names (its `source` field, else its own name without the suffix), inside `folder`. */
async function sourceOf(folder: string, sidecarPath: string): Promise<string> {
  const raw = await readSidecarFile(sidecarPath, defaultSidecarLimits.maxBytes, folder).catch(() => undefined);
  let source: string | undefined;
  if (raw !== undefined) {
    try {
      const s = parseSidecar(raw, sidecarPath).data.source;
      source = typeof s === 'string' ? s : undefined;
    } catch {
      // The store reports the error with its place when it opens the sidecar.
    }
  }
  const sourcePath = source !== undefined ? resolveSourceField(sidecarPath, source) : defaultSourcePathFor(sidecarPath);
  if (!isInside(folder, sourcePath)) {
    throw new SidecarError(sidecarPath, 'source', [{ message: `source ${source ?? sourcePath} is outside the folder; not reading it` }]);
  }
  return sourcePath;
}

function readSource(folder: string, sidecarPath: string, sourcePath: string): string {
  const read = readCorpusFile(folder, relative(folder, sourcePath), { maxFileBytes: MAX_SOURCE_BYTES });
  if (!read.ok) {
    throw new SidecarError(sidecarPath, 'source', [{ message: `the source ${path.basename(sourcePath)} is not read: ${read.message}` }]);
  }
  return read.text;
}

function relative(folder: string, file: string): string {
  return path.relative(folder, file).split(path.sep).join('/');
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
