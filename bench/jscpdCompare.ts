// `npm run bench -- --jscpd`: jscpd 5.3.3 (the Rust copy/paste detector) on the scan bench's corpus, beside this
// project's command line on the same corpus in the same run, for the issue's "twice jscpd's throughput at a
// quarter of its memory". jscpd is no dependency of the project: it is installed on demand into .bench-tools/
// (gitignored, outside the package), and the comparison is skipped, saying why, when it cannot be installed or
// measured. Each round runs `corpus-lens scan <dir> --json` and then jscpd, each under GNU time for its wall clock,
// CPU time and peak RSS; the rounds alternate so that both see the same load. jscpd's own findings are scored
// against the planted copies with the criterion the scan bench uses, for a sense of what each tool finds.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import { createRequire } from 'module';
import * as os from 'os';
import * as path from 'path';
import type { GeneratedCorpus, PlantedCopy } from './generate';

export const JSCPD_VERSION = '5.3.3';

/**
 * Settings comparable to the scan's: plain-text files only; a clone of at least 25 tokens (jscpd's txt tokens are
 * words and punctuation, about 1.1 to a word on this corpus, and the scan reports passages of at least 25 words);
 * no minimum of lines (it counts the lines a clone crosses, so its default of 5, and even 1, drops every copy
 * inside one paragraph, which is one line here); the corpus folder is gitignored in this repository, so .gitignore
 * must not apply; the JSON report, as the scan writes one.
 */
export const JSCPD_ARGS = ['--format', 'txt', '--min-tokens', '25', '--min-lines', '0', '--no-gitignore', '--reporters', 'json', '--silent'];

const TIME = '/usr/bin/time';

interface Measured { wall: number; cpu: number; peakMB: number }

/** Runs a command under GNU time, its standard output to `stdoutFile`; throws with its stderr when it fails. */
function measure(cmd: string, args: string[], stdoutFile: string): Measured {
  const timeFile = path.join(path.dirname(stdoutFile), 'time.txt');
  const out = fs.openSync(stdoutFile, 'w');
  try {
    const r = spawnSync(TIME, ['-f', '%e %U %S %M', '-o', timeFile, cmd, ...args], { stdio: ['ignore', out, 'pipe'], maxBuffer: 64 << 20 });
    if (r.status !== 0) { throw new Error(`${path.basename(cmd)} ${args.join(' ')} exited with ${r.status}: ${String(r.stderr).slice(-2000)}`); }
  } finally {
    fs.closeSync(out);
  }
  const [wall, user, sys, kb] = fs.readFileSync(timeFile, 'utf8').trim().split('\n').pop()!.split(' ').map(Number);
  return { wall, cpu: user + sys, peakMB: kb / 1024 };
}

/** The jscpd binary for this platform under `tools`, installed there first if it is not; a reason when it cannot be. */
function jscpdBinary(tools: string): { bin: string } | { skip: string } {
  const pkg = path.join(tools, 'node_modules', 'jscpd', 'package.json');
  const installed = () => fs.existsSync(pkg) && (JSON.parse(fs.readFileSync(pkg, 'utf8')) as { version: string }).version === JSCPD_VERSION;
  if (!installed()) {
    process.stdout.write(`installing jscpd@${JSCPD_VERSION} into ${tools} (not a project dependency) ...\n`);
    fs.mkdirSync(tools, { recursive: true });
    const r = spawnSync('npm', ['install', '--prefix', tools, `jscpd@${JSCPD_VERSION}`, '--no-audit', '--no-fund', '--loglevel=error'],
      { encoding: 'utf8', shell: process.platform === 'win32' });
    if (r.status !== 0 || !installed()) {
      return { skip: `npm install jscpd@${JSCPD_VERSION} failed (${r.error?.message ?? `exit ${r.status}`}): ${(r.stderr ?? '').trim().split('\n').slice(-3).join(' ')}` };
    }
  }
  // The package is a launcher that finds its platform's binary package; run the binary itself, as the issue's
  // figures were, so that no Node.js process sits between it and the clock.
  const req = createRequire(pkg);
  const platforms = req('./platform-map.js') as { getPlatformKey(): string | undefined; PLATFORM_MAP: Record<string, { packageName: string }> };
  const key = platforms.getPlatformKey();
  if (!key) { return { skip: `jscpd ${JSCPD_VERSION} has no prebuilt binary for ${process.platform}-${process.arch}` }; }
  try {
    const bin = path.join(path.dirname(req.resolve(`${platforms.PLATFORM_MAP[key].packageName}/package.json`)), 'bin', process.platform === 'win32' ? 'jscpd.exe' : 'jscpd');
    return fs.existsSync(bin) ? { bin } : { skip: `the jscpd binary is missing: ${bin}` };
  } catch (e) {
    return { skip: `jscpd's platform package ${platforms.PLATFORM_MAP[key].packageName} is not installed (${(e as Error).message})` };
  }
}

interface JscpdSide { name: string; startLoc: { position: number }; endLoc: { position: number } }
interface JscpdReport {
  duplicates: { firstFile: JscpdSide; secondFile: JscpdSide }[];
  statistics: { total: { clones: number; percentage: number } };
}

interface Clone { start: number; end: number; other: string; otherStart: number; otherEnd: number }

/**
 * The character ranges of jscpd's clones, per file. For .txt files its report gives each side's exact extent as
 * UTF-8 byte offsets (`startLoc.position`, `endLoc.position`, the end exclusive; its `fragment` is the whole lines
 * and its columns are not characters), so they are turned into UTF-16 offsets, the unit of the planted ranges.
 */
function cloneRanges(root: string, report: JscpdReport): Map<string, Clone[]> {
  const buffers = new Map<string, Buffer>();
  const charOffset = (name: string, byte: number) => {
    let b = buffers.get(name);
    if (!b) {
      if (buffers.size > 5000) { buffers.clear(); }
      b = fs.readFileSync(path.join(root, name));
      buffers.set(name, b);
    }
    return b.toString('utf8', 0, byte).length;
  };
  const range = (side: JscpdSide) => ({ start: charOffset(side.name, side.startLoc.position), end: charOffset(side.name, side.endLoc.position) });
  const byFile = new Map<string, Clone[]>();
  const add = (name: string, r: { start: number; end: number }, other: string, o: { start: number; end: number }) => {
    if (!byFile.has(name)) { byFile.set(name, []); }
    byFile.get(name)!.push({ ...r, other, otherStart: o.start, otherEnd: o.end });
  };
  for (const d of report.duplicates) {
    const a = range(d.firstFile);
    const b = range(d.secondFile);
    add(d.firstFile.name, a, d.secondFile.name, b);
    add(d.secondFile.name, b, d.firstFile.name, a);
  }
  return byFile;
}

const overlap = (a0: number, a1: number, b0: number, b1: number) => Math.max(0, Math.min(a1, b1) - Math.max(a0, b0));

/** jscpd's recall of the planted copies: one clone covering 90% of the copy, its other side in the source. */
function jscpdRecall(corpus: GeneratedCorpus, report: JscpdReport): string {
  const clones = cloneRanges(corpus.root, report);
  const found = (p: PlantedCopy) => (clones.get(p.target) ?? []).some((c) =>
    overlap(c.start, c.end, p.targetStart, p.targetEnd) >= 0.9 * (p.targetEnd - p.targetStart) &&
    c.other === p.source && overlap(c.otherStart, c.otherEnd, p.sourceStart, p.sourceEnd) > 0);
  const recall = (ps: PlantedCopy[]) => (ps.length ? ps.filter(found).length / ps.length : 1).toFixed(4);
  return `${recall(corpus.planted)} overall, ${recall(corpus.planted.filter((p) => !p.edited))} verbatim, ${recall(corpus.planted.filter((p) => p.edited))} edited`;
}

const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2; };

/** Runs the comparison and prints it; returns without measuring (and says why) when jscpd or GNU time is missing. */
export function compareWithJscpd(corpus: GeneratedCorpus, rounds: number): void {
  const repo = path.join(__dirname, '..');
  if (!fs.existsSync(TIME)) {
    console.log(`jscpd comparison skipped: it needs GNU time (${TIME}) to measure each run's CPU time and peak RSS`);
    return;
  }
  const found = jscpdBinary(path.join(repo, '.bench-tools'));
  if ('skip' in found) {
    console.log(`jscpd comparison skipped: ${found.skip}`);
    return;
  }
  const mb = corpus.bytes / 1024 / 1024;
  const fmt = (x: number, d = 1) => x.toFixed(d);
  const line = (who: string, m: Measured) =>
    `  ${who.padEnd(30)} ${fmt(m.wall, 2).padStart(7)} s wall (${fmt(mb / m.wall).padStart(5)} MB/s) ${fmt(m.cpu, 2).padStart(7)} s CPU ${fmt(m.peakMB, 0).padStart(6)} MB peak RSS`;
  console.log(`jscpd comparison   ${corpus.files} files, ${fmt(mb)} MB; jscpd ${JSCPD_VERSION} ${JSCPD_ARGS.join(' ')}; ` +
    `${rounds} round${rounds === 1 ? '' : 's'} in alternation, load average ${os.loadavg().map((l) => fmt(l, 1)).join(' ')}`);
  const ours: Measured[] = [];
  const theirs: Measured[] = [];
  let report: JscpdReport | undefined;
  for (let r = 0; r < rounds; r++) {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-lens-jscpd-'));
    try {
      ours.push(measure(process.execPath, [path.join(repo, 'bin', 'corpus-lens.js'), 'scan', corpus.root, '--json'], path.join(work, 'scan.json')));
      console.log(line(`round ${r + 1}: corpus-lens scan --json`, ours[r]));
      theirs.push(measure(found.bin, [...JSCPD_ARGS, '--output', work, corpus.root], path.join(work, 'jscpd.out')));
      console.log(line(`round ${r + 1}: jscpd`, theirs[r]));
      if (r === rounds - 1) { report = JSON.parse(fs.readFileSync(path.join(work, 'jscpd-report.json'), 'utf8')) as JscpdReport; }
    } finally {
      fs.rmSync(work, { recursive: true, force: true });
    }
  }
  const throughput = median(theirs.map((t, i) => t.wall / ours[i].wall));
  const cpu = median(theirs.map((t, i) => t.cpu / ours[i].cpu));
  const memory = median(ours.map((o, i) => o.peakMB / theirs[i].peakMB));
  console.log(`  ours against jscpd (median of the rounds): ${fmt(throughput, 2)}x its throughput (wall), ${fmt(cpu, 2)}x its MB per CPU-second, ` +
    `${fmt(memory, 2)} of its peak memory (the issue asks for at least 2x and at most 0.25)`);
  if (report) {
    const t = report.statistics.total;
    console.log(`  jscpd found ${t.clones.toLocaleString('en-US')} clones (${fmt(t.percentage, 1)}% of lines duplicated); ` +
      `its recall of the planted copies (as the scan's is measured): ${jscpdRecall(corpus, report)}`);
  }
}
