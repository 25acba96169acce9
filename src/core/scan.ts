// A whole-folder scan: list the corpus, read and index every file, then analyse each one. Used by the CLI,
// the benchmark and the editor's worker; progress is reported per phase so a front end can show a bar.
import { CorpusSelection, listCorpus } from './corpus';
import { CorpusIndex, FileAnalysis } from './index/corpusIndex';
import { EngineOptionsInput } from './options';
import { readStamped } from './index/sourceFile';

export interface SkippedFile {
  path: string;
  reason: string;
  message: string;
}

export interface ScanProgress {
  phase: 'reading' | 'analysing';
  done: number;
  total: number;
}

export interface ScanOptions extends CorpusSelection {
  engine?: EngineOptionsInput;
  onProgress?: (p: ScanProgress) => void;
  /** Checked between files; a cancelled scan throws ScanCancelled. */
  isCancelled?: () => boolean;
  /**
   * When given, each file's analysis is handed here, in path order, as soon as it is final, instead of being kept
   * in ScanResult.files (which then stays empty): a report can be written while the scan runs, and the scan keeps
   * only the analyses still waiting for the files before them. See scanFolderParallel for files that change.
   */
  onFile?: (analysis: FileAnalysis, index: CorpusIndex) => void;
}

export class ScanCancelled extends Error {
  constructor() {
    super('scan cancelled');
  }
}

/** Wall-clock and CPU time of one stage of a scan; CPU counts every thread of the process. */
export interface StageTime {
  stage: string;
  wallMs: number;
  cpuMs: number;
  /** The process's peak resident set when the stage ended (all threads; the kernel's high-water mark), bytes. */
  peakRss?: number;
  /** The main thread's heap (JS objects) and typed arrays when the stage ended, bytes. */
  heapUsed?: number;
  arrayBuffers?: number;
}

export interface ScanResult {
  root: string;
  index: CorpusIndex;
  /** Every file's analysis, in path order; empty when the scan handed them to ScanOptions.onFile instead. */
  files: FileAnalysis[];
  skipped: SkippedFile[];
  bytes: number;
  /** Where the time went, stage by stage (the benchmark prints it). */
  stages?: StageTime[];
  /**
   * The full collections the heap cap made in phase two (not counting the one right after the sort) and the ms
   * they took on the scanning thread; absent when the scan ran without the cap (see scanFolderParallel).
   */
  heapCollections?: { count: number; ms: number };
}

/** Measures consecutive stages: each call to `end` closes the stage begun by the previous one. */
export class StageClock {
  readonly stages: StageTime[] = [];
  private wall = performance.now();
  private cpu = process.cpuUsage();

  end(stage: string): void {
    const wall = performance.now();
    const cpu = process.cpuUsage(this.cpu);
    const mem = process.memoryUsage();
    this.stages.push({
      stage, wallMs: wall - this.wall, cpuMs: (cpu.user + cpu.system) / 1000,
      peakRss: process.resourceUsage().maxRSS * 1024, heapUsed: mem.heapUsed, arrayBuffers: mem.arrayBuffers,
    });
    this.wall = wall;
    this.cpu = process.cpuUsage();
  }
}

/** Progress is reported at most this often (in files) to keep the cost of reporting negligible. */
const PROGRESS_EVERY = 64;

export function scanFolder(root: string, options: ScanOptions = {}): ScanResult {
  const { files: paths, skipped } = listCorpus(root, options);
  const index = new CorpusIndex(options.engine);
  let bytes = 0;
  const report = (phase: ScanProgress['phase'], done: number) => {
    if (options.isCancelled?.()) { throw new ScanCancelled(); }
    if (options.onProgress && (done % PROGRESS_EVERY === 0 || done === paths.length)) {
      options.onProgress({ phase, done, total: paths.length });
    }
  };
  paths.forEach((rel, i) => {
    const { read: r, stamp } = readStamped(root, rel, index.options);
    if (r.ok) {
      index.load(rel, r.text, stamp);
      bytes += r.bytes;
    } else {
      skipped.push({ path: rel, reason: r.reason, message: r.message });
    }
    report('reading', i + 1);
  });
  const files: FileAnalysis[] = [];
  let done = 0;
  const shared = index.sharedFingerprints();
  for (const rel of paths) {
    if (index.has(rel)) {
      const a = index.analyzeWith(rel, index.detectBoilerplate(rel), shared);
      if (options.onFile) { options.onFile(a, index); } else { files.push(a); }
    }
    report('analysing', ++done);
  }
  skipped.sort((a, b) => (a.path < b.path ? -1 : 1));
  return { root, index, files, skipped, bytes };
}
