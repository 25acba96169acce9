// `node dist/benchExport.js [--export-size MB] [--seed N] [--rounds N]`: the JSONL export against the scan it
// builds on. Each run is a child process (so peak memory is its own), scan and export in alternation; prints wall
// and CPU time, MB/s, peak RSS, and the RSS at the start and the peak of the export's write pass (flat memory
// means the pass adds about nothing, whatever the corpus's size). Figures, never pass/fail: read them.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { exportCorpus } from '../src/core/export/exportCorpus';
import { scanFolderParallel } from '../src/core/parallelScan';
import { CORPUS_VERSION, generateCorpus } from './generate';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

interface RunFigures {
  wallS: number; cpuS: number; bytes: number; peakRssMB: number; writeStartRssMB?: number; writePeakRssMB?: number;
  /** Live heap after a full collection at the start and at the end of the write pass (the child runs with --expose-gc). */
  writeStartHeapMB?: number; writeEndHeapMB?: number;
}

/** The live heap after a full collection, when gc is exposed. */
function liveHeap(): number | undefined {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) { return undefined; }
  gc();
  return process.memoryUsage().heapUsed;
}

/** One measured run in this process: `scan` or `export` of `dir`. */
async function child(mode: string, dir: string): Promise<void> {
  const workerScript = path.join(__dirname, 'prepareWorker.js');
  let peak = 0;
  let writeStart: number | undefined;
  let writePeak = 0;
  let heapStart: number | undefined;
  let heapEnd: number | undefined;
  const timer = setInterval(() => { peak = Math.max(peak, process.memoryUsage.rss()); }, 50);
  const t0 = Date.now();
  const c0 = process.cpuUsage();
  let bytes = 0;
  if (mode === 'scan') {
    bytes = (await scanFolderParallel(dir, {}, { workerScript })).bytes;
  } else {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-lens-bench-export-'));
    await exportCorpus(dir, {
      format: 'jsonl', outDir: out, workerScript,
      onProgress: (p) => {
        if (p.phase !== 'exporting') { return; }
        const rss = process.memoryUsage.rss();
        if (writeStart === undefined) { writeStart = rss; heapStart = liveHeap(); }
        writePeak = Math.max(writePeak, rss);
        if (p.done === p.total) { heapEnd = liveHeap(); }
      },
    });
    bytes = fs.statSync(path.join(out, 'documents.jsonl')).size;
    fs.rmSync(out, { recursive: true, force: true });
  }
  const cpu = process.cpuUsage(c0);
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage.rss());
  const mb = (n: number) => Math.round(n / 1024 / 1024);
  const figures: RunFigures = {
    wallS: (Date.now() - t0) / 1000, cpuS: (cpu.user + cpu.system) / 1e6, bytes, peakRssMB: mb(peak),
    ...(writeStart !== undefined ? { writeStartRssMB: mb(writeStart), writePeakRssMB: mb(writePeak) } : {}),
    ...(heapStart !== undefined && heapEnd !== undefined ? { writeStartHeapMB: mb(heapStart), writeEndHeapMB: mb(heapEnd) } : {}),
  };
  process.stdout.write(JSON.stringify(figures) + '\n');
}

function corpusBytes(dir: string): number {
  let n = 0;
  for (const f of fs.readdirSync(dir, { recursive: true }) as string[]) {
    const p = path.join(dir, f);
    if (f.endsWith('.txt') && fs.statSync(p).isFile()) { n += fs.statSync(p).size; }
  }
  return n;
}

async function main(): Promise<void> {
  if (process.argv[2] === '--child') { await child(process.argv[3], process.argv[4]); return; }
  const sizeMB = Number(arg('export-size', '100'));
  const seed = Number(arg('seed', '42'));
  const rounds = Number(arg('rounds', '2'));
  const dir = path.resolve(path.join(__dirname, '..', 'bench-corpus', `${sizeMB}mb-seed${seed}-${CORPUS_VERSION}`));
  if (!fs.existsSync(dir)) {
    process.stdout.write(`generating a ${sizeMB} MB corpus in ${dir} ...\n`);
    generateCorpus(dir, sizeMB * 1024 * 1024, seed);
  }
  const input = corpusBytes(dir) / 1024 / 1024;
  process.stdout.write(`export bench: ${input.toFixed(1)} MB corpus, ${rounds} rounds, scan and export --format jsonl in alternation\n`);
  const results: Record<string, RunFigures[]> = { scan: [], export: [] };
  for (let r = 0; r < rounds; r++) {
    for (const mode of ['scan', 'export']) {
      const run = spawnSync(process.execPath, ['--expose-gc', __filename, '--child', mode, dir], { encoding: 'utf8', maxBuffer: 1 << 20 });
      if (run.status !== 0) { throw new Error(`${mode} run failed: ${run.stderr}`); }
      const f = JSON.parse(run.stdout.trim().split('\n').pop()!) as RunFigures;
      results[mode].push(f);
      const heap = f.writeStartHeapMB !== undefined ? `, live heap ${f.writeStartHeapMB} -> ${f.writeEndHeapMB} MB` : '';
      const write = f.writeStartRssMB !== undefined ? `, write pass RSS ${f.writeStartRssMB} -> ${f.writePeakRssMB} MB${heap}` : '';
      process.stdout.write(`  ${mode.padEnd(6)} ${f.wallS.toFixed(1)} s wall (${(input / f.wallS).toFixed(1)} MB/s), ${f.cpuS.toFixed(1)} s CPU (${(input / f.cpuS).toFixed(1)} MB/CPU-s), peak RSS ${f.peakRssMB} MB${write}\n`);
    }
  }
  const best = (xs: RunFigures[], k: 'wallS' | 'cpuS') => Math.min(...xs.map((x) => x[k]));
  process.stdout.write(`  export speed / scan speed: ${(best(results.scan, 'wallS') / best(results.export, 'wallS')).toFixed(2)} wall, ` +
    `${(best(results.scan, 'cpuS') / best(results.export, 'cpuS')).toFixed(2)} CPU (best of ${rounds})\n`);
}

main().catch((e) => { console.error(e); process.exit(1); });
