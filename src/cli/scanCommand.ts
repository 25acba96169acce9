// `corpus-lens scan <folder>`: scan a folder and print a readable report, one JSON document with --json, or JSON
// Lines with --jsonl. Every report is written as it is made, a file at a time, never built as one string.
import * as fs from 'fs';
import * as path from 'path';
import { jsonLinesWriter, jsonReportWriter, ReportWriter, SummaryBuilder } from '../core/report';
import { scanFolderParallel } from '../core/parallelScan';
import { printable } from '../core/io/walkFolder';
import { scanFolder, ScanOptions } from '../core/scan';
import { parseFolderCommand } from './args';
import { CliIO, ProgressBar, UsageError } from './io';

export const scanUsage = `usage: corpus-lens scan <folder> [--json | --jsonl] [--include GLOB]... [--exclude GLOB]... [--top N]

Finds boilerplate and duplicated passages in the plain-text files under <folder>.
  --json           print one JSON document (findings with 0-based lines, UTF-16 characters)
  --jsonl          print JSON Lines: one object per file (as in --json's "files"), then {"summary": {...}}
  --include GLOB   files to scan, relative to <folder> (default **/*.txt; repeatable)
  --exclude GLOB   files to leave out (default **/node_modules/**, **/.git/**; repeatable)
  --top N          findings listed per file in the readable report (default 5)
`;

export async function runScanCommand(argv: string[], io: CliIO): Promise<number> {
  const cmd = parseFolderCommand('scan', argv, { flags: ['json', 'jsonl'], values: ['include', 'exclude', 'top'] }, scanUsage, io);
  if (typeof cmd === 'number') { return cmd; }
  const { args, folder: root } = cmd;
  const top = Number(args.values.get('top')?.[0] ?? 5);
  if (!Number.isInteger(top) || top < 0) { throw new UsageError('--top takes a whole number'); }
  if (args.flags.has('json') && args.flags.has('jsonl')) { throw new UsageError('--json and --jsonl exclude each other'); }

  const bar = new ProgressBar(io);
  const started = Date.now();
  const out = new BufferedOut(io, bar);
  const write = (piece: string) => out.write(piece);
  const writer = args.flags.has('json') ? jsonReportWriter(write)
    : args.flags.has('jsonl') ? jsonLinesWriter(write)
      : readableWriter(write, top, () => (Date.now() - started) / 1000);
  // Each file's findings are written as soon as they and the files before them are final: the scan keeps no
  // list of every file's analysis.
  const scanOptions: ScanOptions = {
    include: args.values.get('include'),
    exclude: args.values.get('exclude'),
    onProgress: (p) => bar.update(p.phase, p.done, p.total),
    onFile: (a, index) => writer.file(index, a),
  };
  // The bundled CLI ships a prepare worker beside it; without one (tests on compiled sources) scan on this thread.
  // The index is not edited after the report: its fingerprints go once the sort has found the shared ones.
  const workerScript = path.join(__dirname, 'prepareWorker.js');
  const result = fs.existsSync(workerScript)
    ? await scanFolderParallel(root, scanOptions, { workerScript, dropFingerprints: true })
    : scanFolder(root, scanOptions);
  bar.clear();
  writer.finish(result);
  if (args.flags.has('json')) { write('\n'); }
  out.end();
  for (const s of result.skipped) { io.stderr(`corpus-lens: skipped ${printable(s.path)}: ${printable(s.message)}\n`); }
  return result.skipped.some((s) => s.reason === 'unreadable') ? 1 : 0;
}

/**
 * Pieces gathered into writes of about 64 KB: one write per file would cost a system call each. The progress bar
 * is cleared before each write (it is drawn again at the next update), so a report on a terminal stays readable.
 */
class BufferedOut {
  private buffer = '';

  constructor(private readonly io: CliIO, private readonly bar: ProgressBar) {}

  write(piece: string): void {
    this.buffer += piece;
    if (this.buffer.length >= 65536) { this.end(); }
  }

  end(): void {
    if (!this.buffer) { return; }
    this.bar.clear();
    this.io.stdout(this.buffer);
    this.buffer = '';
  }
}

function pct(x: number): string {
  return `${Math.round(x * 100)}%`;
}

/** The readable report: a few lines per file, then the corpus totals. */
function readableWriter(write: (s: string) => void, top: number, seconds: () => number): ReportWriter {
  const totals = new SummaryBuilder();
  return {
    file(index, f) {
      totals.add(index, f);
      const near = f.nearDuplicates.length ? ` · near-copy of ${f.nearDuplicates.map((n) => `${printable(n.path)} (${pct(n.similarity)})`).join(', ')}` : '';
      write(`${printable(f.path)}: ${pct(f.boilerplateShare)} boilerplate · ${pct(f.duplicateShare)} duplicated · ${f.findings.length} findings${near}\n`);
      const model = index.document(f.path)!.model;
      const ranked = [...f.findings].sort((a, b) => b.score * (b.end - b.start) - a.score * (a.end - a.start)).slice(0, top);
      for (const x of ranked.sort((a, b) => a.start - b.start)) {
        const a = model.positionAt(x.start).line + 1;
        const b = model.positionAt(Math.max(x.start, x.end - 1)).line + 1;
        const lines = a === b ? `${a}` : `${a}-${b}`;
        write(`  ${lines.padStart(7)}  ${x.kind.padEnd(11)} ${x.message}  [${x.code}]\n`);
      }
    },
    finish(result) {
      const s = totals.summary(result.skipped, result.bytes);
      write(`\n${s.files} files, ${(s.bytes / 1024 / 1024).toFixed(1)} MB in ${seconds().toFixed(1)} s: ` +
        `${pct(s.boilerplateShare)} boilerplate, ${pct(s.duplicateShare)} duplicated, ${s.findings} findings, ` +
        `${s.nearDuplicatePairs} near-duplicate pair${s.nearDuplicatePairs === 1 ? '' : 's'}\n`);
      for (const [code, n] of Object.entries(s.byCode).sort((a, b) => b[1] - a[1])) {
        write(`  ${String(n).padStart(6)}  ${code}\n`);
      }
    },
  };
}
