// The JSON report shared by the CLI and anything that consumes it: findings with 0-based lines and UTF-16
// characters, paths relative to the scanned folder, and corpus totals. The report is written in pieces (one file
// at a time), so that its size is bounded by nothing but the disk: a 1 GB corpus's report passes V8's limit on
// the length of one string.
import { CorpusIndex, FileAnalysis } from './index/corpusIndex';
import { Finding } from './findings';
import { ScanResult } from './scan';
import { Position, TextModel } from './text';

export interface JsonRange {
  start: Position;
  end: Position;
}

export interface JsonFinding {
  kind: Finding['kind'];
  code: string;
  message: string;
  score: number;
  range: JsonRange;
  related: { path: string; range: JsonRange }[];
}

export interface JsonFile {
  path: string;
  boilerplateShare: number;
  duplicateShare: number;
  nearDuplicates: { path: string; similarity: number }[];
  findings: JsonFinding[];
}

export interface JsonSummary {
  files: number;
  skipped: { path: string; reason: string; message: string }[];
  bytes: number;
  findings: number;
  byCode: Record<string, number>;
  /** Character-weighted over the corpus. */
  boilerplateShare: number;
  duplicateShare: number;
  nearDuplicatePairs: number;
}

export interface JsonReport {
  version: 1;
  files: JsonFile[];
  summary: JsonSummary;
}

function range(model: TextModel, start: number, end: number): JsonRange {
  return { start: model.positionAt(start), end: model.positionAt(end) };
}

export function fileToJson(index: CorpusIndex, a: FileAnalysis): JsonFile {
  const model = index.document(a.path)!.model;
  return {
    path: a.path,
    boilerplateShare: round(a.boilerplateShare),
    duplicateShare: round(a.duplicateShare),
    nearDuplicates: a.nearDuplicates,
    findings: a.findings.map((f) => ({
      kind: f.kind,
      code: f.code,
      message: f.message,
      score: round(f.score),
      range: range(model, f.start, f.end),
      related: f.related.map((r) => {
        const other = index.document(r.path);
        return { path: r.path, range: other ? range(other.model, r.start, r.end) : { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } };
      }),
    })),
  };
}

/** The corpus totals, added up a file at a time, so that a streamed report needs no list of every file. */
export class SummaryBuilder {
  private readonly byCode: Record<string, number> = {};
  private files = 0;
  private findings = 0;
  private chars = 0;
  private bp = 0;
  private dup = 0;
  private readonly pairs = new Set<string>();

  add(index: CorpusIndex, f: FileAnalysis): void {
    const n = index.document(f.path)!.model.length;
    this.files++;
    this.chars += n;
    this.bp += f.boilerplateShare * n;
    this.dup += f.duplicateShare * n;
    for (const x of f.findings) {
      this.findings++;
      this.byCode[x.code] = (this.byCode[x.code] ?? 0) + 1;
    }
    for (const nd of f.nearDuplicates) { this.pairs.add(f.path < nd.path ? `${f.path}\0${nd.path}` : `${nd.path}\0${f.path}`); }
  }

  summary(skipped: JsonSummary['skipped'], bytes: number): JsonSummary {
    const { chars } = this;
    return {
      files: this.files,
      skipped,
      bytes,
      findings: this.findings,
      byCode: this.byCode,
      boilerplateShare: chars ? round(this.bp / chars) : 0,
      duplicateShare: chars ? round(this.dup / chars) : 0,
      nearDuplicatePairs: this.pairs.size,
    };
  }
}

export function summarize(result: ScanResult): JsonSummary {
  const b = new SummaryBuilder();
  for (const f of result.files) { b.add(result.index, f); }
  return b.summary(result.skipped, result.bytes);
}

export function toJsonReport(result: ScanResult): JsonReport {
  return { version: 1, files: result.files.map((f) => fileToJson(result.index, f)), summary: summarize(result) };
}

/**
 * Writes a report while the scan runs: `file` is called with each file's analysis in path order (a scan's
 * `onFile`), `finish` once at the end. What it writes, joined, is exactly what the pieces functions below give
 * for the finished scan; it keeps nothing of a file once written but the summary's totals.
 */
export interface ReportWriter {
  file(index: CorpusIndex, a: FileAnalysis): void;
  finish(result: Pick<ScanResult, 'skipped' | 'bytes'>): void;
}

/** The JsonReport document, one file's object per write: joined, exactly JSON.stringify(toJsonReport(result)). */
export function jsonReportWriter(write: (s: string) => void): ReportWriter {
  const totals = new SummaryBuilder();
  let first = true;
  const open = () => {
    if (first) { write('{"version":1,"files":['); }
  };
  return {
    file(index, a) {
      open();
      write((first ? '' : ',') + JSON.stringify(fileToJson(index, a)));
      first = false;
      totals.add(index, a);
    },
    finish(result) {
      open();
      write(`],"summary":${JSON.stringify(totals.summary(result.skipped, result.bytes))}}`);
    },
  };
}

/**
 * JSON Lines for pipelines (jq, DuckDB read_json, pandas lines=True): one JsonFile per line, then one line
 * `{"summary": JsonSummary}`. Each write is one line with its line break.
 */
export function jsonLinesWriter(write: (s: string) => void): ReportWriter {
  const totals = new SummaryBuilder();
  return {
    file(index, a) {
      write(JSON.stringify(fileToJson(index, a)) + '\n');
      totals.add(index, a);
    },
    finish(result) { write(JSON.stringify({ summary: totals.summary(result.skipped, result.bytes) }) + '\n'); },
  };
}

/** A finished scan's report through a writer, as consecutive pieces (made one file at a time, as they are taken). */
function* piecesOf(result: ScanResult, make: (write: (s: string) => void) => ReportWriter): Generator<string> {
  let pending: string[] = [];
  const w = make((s) => pending.push(s));
  for (const f of result.files) {
    w.file(result.index, f);
    yield* pending;
    pending = [];
  }
  w.finish(result);
  yield* pending;
}

/** The JsonReport document of a finished scan as consecutive pieces, none holding more than one file's findings. */
export function jsonReportPieces(result: ScanResult): Generator<string> {
  return piecesOf(result, jsonReportWriter);
}

/** The JSON Lines report of a finished scan, a line per piece. */
export function jsonLinesPieces(result: ScanResult): Generator<string> {
  return piecesOf(result, jsonLinesWriter);
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
