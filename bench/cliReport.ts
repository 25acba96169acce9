// `--cli-report json,jsonl,text [--cli-runs N]`: runs the command line itself on the bench corpus, each report
// written to a file as a user writes it, and prints its wall time and peak memory. The scan benchmark above runs
// the engine with callbacks of its own and writes no report; the report's strings and writes are part of what a
// user's run costs, and the peak moves with the collector's timing from run to run, so each report can be run
// several times and the spread printed. Figures, never pass/fail.
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as readline from 'readline';

export type CliReport = 'json' | 'jsonl' | 'text';

interface CliRun {
  seconds: number;
  peakBytes: number;
  reportBytes: number;
  check: string;
}

// Node has no way to read a finished child's resource usage, so the child reports its own high-water mark (every
// thread's, as the kernel counts it) into a file as it exits.
const probeSource = `process.on('exit', () => {
  require('fs').writeFileSync(process.env.CORPUS_LENS_BENCH_PEAK_FILE, String(process.resourceUsage().maxRSS * 1024));
});
`;

export function parseCliReports(value: string): CliReport[] {
  const formats = value.split(',').map((s) => s.trim()).filter(Boolean);
  for (const f of formats) {
    if (f !== 'json' && f !== 'jsonl' && f !== 'text') { throw new Error(`--cli-report takes json, jsonl and text, not "${f}"`); }
  }
  return formats as CliReport[];
}

/** Checks a report without holding it: JSON Lines line by line, the JSON document's ends, the text's summary. */
export async function checkReport(file: string, format: CliReport): Promise<string> {
  if (format === 'jsonl') {
    let lines = 0;
    let summaryFiles = -1;
    const input = readline.createInterface({ input: fs.createReadStream(file, 'utf8'), crlfDelay: Infinity });
    for await (const line of input) {
      const o = JSON.parse(line) as { summary?: { files: number } };
      lines++;
      if (o.summary) { summaryFiles = o.summary.files; }
    }
    return `${lines.toLocaleString('en-US')} lines parsed, the summary counts ${summaryFiles.toLocaleString('en-US')} files`;
  }
  const size = fs.statSync(file).size;
  const fd = fs.openSync(file, 'r');
  try {
    const head = Buffer.alloc(Math.min(size, 64));
    const tail = Buffer.alloc(Math.min(size, 8192));
    fs.readSync(fd, head, 0, head.length, 0);
    fs.readSync(fd, tail, 0, tail.length, size - tail.length);
    if (format === 'json') {
      const whole = head.toString('utf8').trimStart().startsWith('{') && tail.toString('utf8').trimEnd().endsWith('}');
      return whole ? 'one JSON document (its ends checked)' : 'NOT a whole JSON document';
    }
    const last = tail.toString('utf8').split('\n').find((l) => / files, .* MB in /.test(l));
    return last ? `summary "${last.trim()}"` : 'no summary line';
  } finally {
    fs.closeSync(fd);
  }
}

function runOnce(root: string, format: CliReport, dir: string, probe: string): Promise<CliRun> {
  const cli = path.join(__dirname, '..', 'bin', 'corpus-lens.js');
  const report = path.join(dir, `report.${format === 'text' ? 'txt' : format}`);
  const peakFile = path.join(dir, 'peak');
  const flags = format === 'text' ? ['--top', '1'] : [`--${format}`];
  const out = fs.openSync(report, 'w');
  const t0 = process.hrtime.bigint();
  const child = spawn(process.execPath, ['--require', probe, cli, 'scan', root, ...flags], {
    stdio: ['ignore', out, 'ignore'],
    env: { ...process.env, CORPUS_LENS_BENCH_PEAK_FILE: peakFile },
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      fs.closeSync(out);
      const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
      if (code !== 0) { reject(new Error(`scan --${format} ended with ${signal ?? `code ${code}`}`)); return; }
      const peakBytes = Number(fs.readFileSync(peakFile, 'utf8'));
      const reportBytes = fs.statSync(report).size;
      checkReport(report, format).then((check) => {
        fs.rmSync(report, { force: true });
        resolve({ seconds, peakBytes, reportBytes, check });
      }, reject);
    });
  });
}

export async function benchCliReports(root: string, corpusMB: number, formats: CliReport[], runs: number): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-lens-cli-bench-'));
  const probe = path.join(dir, 'peak.cjs');
  fs.writeFileSync(probe, probeSource);
  try {
    for (const format of formats) {
      const all: CliRun[] = [];
      for (let i = 0; i < runs; i++) {
        const r = await runOnce(root, format, dir, probe);
        all.push(r);
        console.log(`cli scan ${`--${format}`.padEnd(7)} run ${i + 1}: ${r.seconds.toFixed(1)} s (${(corpusMB / r.seconds).toFixed(1)} MB/s), ` +
          `peak ${(r.peakBytes / 1024 / 1024).toFixed(0)} MiB RSS, report ${(r.reportBytes / 1024 / 1024).toFixed(1)} MiB to a file; ${r.check}`);
      }
      if (runs > 1) {
        const peaks = all.map((r) => r.peakBytes / 1024 / 1024);
        const secs = all.map((r) => r.seconds);
        console.log(`cli scan ${`--${format}`.padEnd(7)} ${runs} runs: peak ${Math.min(...peaks).toFixed(0)}-${Math.max(...peaks).toFixed(0)} MiB RSS, ` +
          `${Math.min(...secs).toFixed(1)}-${Math.max(...secs).toFixed(1)} s`);
      }
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
