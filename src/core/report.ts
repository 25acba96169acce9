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

export function summarize(result: ScanResult): JsonSummary {
  const byCode: Record<string, number> = {};
  let findings = 0;
  let chars = 0;
  let bp = 0;
  let dup = 0;
  const pairs = new Set<string>();
  for (const f of result.files) {
    const n = result.index.document(f.path)!.model.length;
    chars += n;
    bp += f.boilerplateShare * n;
    dup += f.duplicateShare * n;
    for (const x of f.findings) {
      findings++;
      byCode[x.code] = (byCode[x.code] ?? 0) + 1;
    }
    for (const nd of f.nearDuplicates) { pairs.add([f.path, nd.path].sort().join('\0')); }
  }
  return {
    files: result.files.length,
    skipped: result.skipped,
    bytes: result.bytes,
    findings,
    byCode,
    boilerplateShare: chars ? round(bp / chars) : 0,
    duplicateShare: chars ? round(dup / chars) : 0,
    nearDuplicatePairs: pairs.size,
  };
}

export function toJsonReport(result: ScanResult): JsonReport {
  return { version: 1, files: result.files.map((f) => fileToJson(result.index, f)), summary: summarize(result) };
}

/**
 * The JsonReport document as consecutive pieces of text: joined, exactly JSON.stringify(toJsonReport(result)),
 * but no piece holds more than one file's findings.
 */
export function* jsonReportPieces(result: ScanResult): Generator<string> {
  yield '{"version":1,"files":[';
  let first = true;
  for (const f of result.files) {
    yield (first ? '' : ',') + JSON.stringify(fileToJson(result.index, f));
    first = false;
  }
  yield `],"summary":${JSON.stringify(summarize(result))}}`;
}

/**
 * JSON Lines for pipelines (jq, DuckDB read_json, pandas lines=True): one JsonFile per line, then one line
 * `{"summary": JsonSummary}`. Each piece is one line with its line break.
 */
export function* jsonLinesPieces(result: ScanResult): Generator<string> {
  for (const f of result.files) { yield JSON.stringify(fileToJson(result.index, f)) + '\n'; }
  yield JSON.stringify({ summary: summarize(result) }) + '\n';
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
