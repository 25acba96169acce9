// `npm run bench [-- --size MB] [--seed N] [--regenerate] [--jscpd [--jscpd-rounds N]] [--heap-snapshot]
// [--cli-report json,jsonl,text [--cli-runs N] [--cli-only]] [--no-heap-cap] [--one-shot]`: generates (or reuses,
// from bench-corpus/) a synthetic corpus with planted duplicates, scans it as the CLI does, and prints throughput,
// CPU time, peak memory, the time of each stage, recall and precision of the planted copies, and the time to
// re-analyse one edited 20 KB document. `--size 1000` is the 1 GB case at the top of the users' range; `--jscpd`
// then runs jscpd on the same corpus beside the command line (jscpdCompare.ts). `--no-heap-cap` scans without the
// engine's heap cap (HeapCap), to measure what it does; `--one-shot` drops the fingerprints after the sort, as the
// CLI's scan does (the edits after the scan then make them again from disk). Figures, never pass/fail: read them.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as v8 from 'v8';
import { scanFolderParallel } from '../src/core/parallelScan';
import { Finding } from '../src/core/findings';
import { CORPUS_VERSION, generateCorpus, GeneratedCorpus, PlantedCopy } from './generate';
import { compareWithJscpd } from './jscpdCompare';
import { benchCliReports, parseCliReports } from './cliReport';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

const sizeMB = Number(arg('size', '100'));
const seed = Number(arg('seed', '42'));
const dir = path.resolve(arg('dir', path.join(__dirname, '..', 'bench-corpus', `${sizeMB}mb-seed${seed}-${CORPUS_VERSION}`)));
const manifest = path.join(dir, '..', `${path.basename(dir)}.planted.json`);

/** The process's peak resident set so far, all threads included (the kernel's high-water mark). */
const peakRss = () => process.resourceUsage().maxRSS * 1024;

function loadOrGenerate(): GeneratedCorpus {
  if (!process.argv.includes('--regenerate') && fs.existsSync(manifest) && fs.existsSync(dir)) {
    return JSON.parse(fs.readFileSync(manifest, 'utf8')) as GeneratedCorpus;
  }
  const t = Date.now();
  process.stdout.write(`generating a ${sizeMB} MB corpus in ${dir} ...`);
  const g = generateCorpus(dir, sizeMB * 1024 * 1024, seed);
  fs.writeFileSync(manifest, JSON.stringify(g));
  process.stdout.write(` ${g.files} files in ${((Date.now() - t) / 1000).toFixed(1)} s\n`);
  return g;
}

function overlap(a0: number, a1: number, b0: number, b1: number): number {
  return Math.max(0, Math.min(a1, b1) - Math.max(a0, b0));
}

/** Recall: a planted copy is found when a duplicate finding in the target covers 90% of it and names the source. */
function found(p: PlantedCopy, findings: Finding[]): boolean {
  return findings.some((f) =>
    f.kind === 'duplicate' &&
    overlap(f.start, f.end, p.targetStart, p.targetEnd) >= 0.9 * (p.targetEnd - p.targetStart) &&
    f.related.some((r) => r.path === p.source && overlap(r.start, r.end, p.sourceStart, p.sourceEnd) > 0));
}

function words(s: string): string[] {
  return s.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

/** Share of a's words (as a multiset) also in b: 1 for verbatim copies, about 0.95 for lightly edited ones. */
function wordOverlap(a: string, b: string): number {
  const counts = new Map<string, number>();
  for (const w of words(b)) { counts.set(w, (counts.get(w) ?? 0) + 1); }
  const wa = words(a);
  let shared = 0;
  for (const w of wa) {
    const c = counts.get(w) ?? 0;
    if (c > 0) { shared++; counts.set(w, c - 1); }
  }
  return wa.length ? shared / wa.length : 0;
}

async function main(): Promise<void> {
  const corpus = loadOrGenerate();
  const cliReports = parseCliReports(arg('cli-report', ''));
  const cliRuns = Number(arg('cli-runs', '1'));
  if (!Number.isInteger(cliRuns) || cliRuns < 1) { throw new Error('--cli-runs takes a whole number of at least 1'); }
  const corpusMB = corpus.bytes / 1024 / 1024;
  // `--cli-only`: the command line's reports alone, without the engine's run above them.
  if (process.argv.includes('--cli-only')) {
    await benchCliReports(corpus.root, corpusMB, cliReports, cliRuns);
    return;
  }
  if (global.gc) { global.gc(); }
  const rssBefore = process.memoryUsage.rss();
  const t0 = process.hrtime.bigint();
  const cpu0 = process.cpuUsage();
  let readSeconds = 0;
  // The analyses are taken as the scan hands them over (ScanOptions.onFile), as the command line's reports take
  // them: recall is counted on the spot, and only the duplicate findings wait, for the precision check after the
  // scan (it reads texts from disk, which is no part of the scan's time).
  const plantedIn = new Map<string, PlantedCopy[]>();
  for (const p of corpus.planted) { plantedIn.set(p.target, [...(plantedIn.get(p.target) ?? []), p]); }
  const foundCopies = new Set<PlantedCopy>();
  const duplicatesOf: { path: string; findings: Finding[] }[] = [];
  let fileCount = 0;
  const result = await scanFolderParallel(corpus.root, {
    onProgress: (p) => {
      if (p.phase === 'reading' && p.done === p.total) { readSeconds = Number(process.hrtime.bigint() - t0) / 1e9; }
    },
    onFile: (a) => {
      fileCount++;
      for (const p of plantedIn.get(a.path) ?? []) { if (found(p, a.findings)) { foundCopies.add(p); } }
      const dups = a.findings.filter((d) => d.kind === 'duplicate');
      if (dups.length > 0) { duplicatesOf.push({ path: a.path, findings: dups }); }
    },
  }, { workerScript: path.join(__dirname, 'prepareWorker.js'), heapHeadroomMb: process.argv.includes('--no-heap-cap') ? false : undefined,
    dropFingerprints: process.argv.includes('--one-shot'),
  });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  // CPU time of every thread of the process: steadier than the wall clock when the machine is shared.
  const cpu = process.cpuUsage(cpu0);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const scanPeak = peakRss();
  // The main thread's heap right after the scan, findings of every file included (the workers are gone by now).
  if (global.gc) { global.gc(); }
  const heapAfter = process.memoryUsage();
  // `--heap-snapshot`: the main thread's heap right after the scan, for a look at what the index holds.
  if (process.argv.includes('--heap-snapshot')) { console.log(`heap snapshot      ${v8.writeHeapSnapshot()}`); }
  const mb = result.bytes / 1024 / 1024;

  const verbatim = corpus.planted.filter((p) => !p.edited);
  const edited = corpus.planted.filter((p) => p.edited);
  const recall = (ps: PlantedCopy[]) => (ps.length ? ps.filter((p) => foundCopies.has(p)).length / ps.length : 1);

  // Precision: each copy a passage names must really stand in it (the same words, give or take edits).
  // The texts come from disk: the index does not keep them.
  const textOf = (p: string) => fs.readFileSync(path.join(corpus.root, p), 'utf8');
  let passages = 0;
  let unshared = 0;
  // Of those not shared, how many reach into a site's chrome (header or footer) rather than lie in article text.
  let unsharedInChrome = 0;
  const bodyOf = (p: string) => { const n = Number(/(\d+)\.txt$/.exec(p)?.[1]); return corpus.bodies ? [corpus.bodies[2 * n], corpus.bodies[2 * n + 1]] : undefined; };
  for (const f of duplicatesOf) {
    const text = textOf(f.path);
    for (const d of f.findings) {
      if (d.kind !== 'duplicate') { continue; }
      passages++;
      const mine = text.slice(d.start, d.end);
      // One finding groups the copies of overlapping parts of this passage, so each copy must stand in it.
      const ok = d.related.every((r) => wordOverlap(textOf(r.path).slice(r.start, r.end), mine) >= 0.8);
      if (!ok) {
        unshared++;
        const body = bodyOf(f.path);
        if (body && (d.start < body[0] || d.end > body[1])) { unsharedInChrome++; }
      }
    }
  }

  // Re-analysis of one edited 20 KB document against the whole index.
  const target = corpus.editTarget;
  const original = textOf(target);
  // The bulk scan leaves unshared fingerprints out of the posting table; the first incremental update puts
  // them in. That one-off cost is reported on its own, not mixed into the per-edit figure.
  const c0 = process.hrtime.bigint();
  result.index.setDocument(target, original);
  const completeMs = Number(process.hrtime.bigint() - c0) / 1e6;
  const times: number[] = [];
  for (let i = 0; i < 21; i++) {
    const at = Math.floor(original.length / 2) + i * 7;
    const edited = original.slice(0, at) + ` edit${i} ` + original.slice(at);
    const s = process.hrtime.bigint();
    const affected = result.index.setDocument(target, edited);
    result.index.analyze(target);
    times.push(Number(process.hrtime.bigint() - s) / 1e6);
    void affected;
  }
  times.sort((a, b) => a - b);

  const fmt = (x: number, d = 1) => x.toFixed(d);
  console.log(`corpus             ${corpus.files} files, ${fmt(mb)} MB (${corpus.planted.length} planted copies: ${verbatim.length} verbatim, ${edited.length} edited)`);
  console.log(`full scan          ${fmt(seconds, 2)} s  ${fmt(mb / seconds)} MB/s  ${fmt(fileCount / seconds, 0)} files/s (reading and indexing ${fmt(readSeconds, 2)} s, analysing ${fmt(seconds - readSeconds, 2)} s)`);
  console.log(`cpu time           ${fmt(cpuSeconds, 2)} s on all threads (${fmt(mb / cpuSeconds)} MB per CPU-second; ${fmt(cpuSeconds / seconds, 2)} of ${os.availableParallelism()} cores busy on average)`);
  console.log(`peak memory        ${fmt(scanPeak / 1024 / 1024, 0)} MB RSS, ${fmt(scanPeak / result.bytes, 2)} per corpus MB (${fmt(rssBefore / 1024 / 1024, 0)} MB before the scan; ${result.index.postingCount.toLocaleString('en-US')} fingerprints)`);
  // What the index holds per document, in typed arrays (the part of the peak that grows with the corpus).
  let lines = 0;
  let blocks = 0;
  for (const p of result.index.paths) {
    const d = result.index.document(p)!;
    lines += d.model.lineCount;
    blocks += d.blockCount;
  }
  const held = result.index.heldTokens();
  const MiB = (b: number) => `${fmt(b / 1024 / 1024, 0)} MB`;
  console.log(`index arrays       tokens ${MiB(held.bytes)} (${held.words.toLocaleString('en-US')} words of the ${held.documents.toLocaleString('en-US')} files that share fingerprints), ` +
    `fingerprints ${MiB(result.index.postingCount * 8)}, line tables ${MiB(lines * 8)}, ${blocks.toLocaleString('en-US')} blocks`);
  console.log(`main heap after    ${MiB(heapAfter.heapUsed)} JS objects, ${MiB(heapAfter.arrayBuffers)} typed arrays (after a full collection)`);
  const cap = result.heapCollections;
  console.log(`heap cap           ${cap ? `${cap.count} full collections in phase two, ${fmt(cap.ms, 0)} ms of the main thread` : 'off'}`);
  for (const st of result.stages ?? []) {
    const memory = st.peakRss === undefined ? '' :
      ` ${MiB(st.peakRss).padStart(8)} peak ${MiB(st.heapUsed ?? 0).padStart(8)} heap ${MiB(st.arrayBuffers ?? 0).padStart(8)} arrays`;
    console.log(`  stage            ${fmt(st.wallMs / 1000, 2).padStart(7)} s wall ${fmt(st.cpuMs / 1000, 2).padStart(7)} s CPU ${fmt(st.cpuMs / 1000 / mb * 1000, 0).padStart(5)} ms CPU/MB${memory}  ${st.stage}`);
  }
  console.log(`planted recall     ${fmt(recall(corpus.planted), 4)} overall, ${fmt(recall(verbatim), 4)} verbatim, ${fmt(recall(edited), 4)} edited`);
  console.log(`duplicate passages ${passages} reported, ${unshared} not actually shared (precision ${fmt(passages ? 1 - unshared / passages : 1, 4)}; ${unsharedInChrome} of them reach into a site's header or footer)`);
  console.log(`index completion   ${fmt(completeMs, 0)} ms, once, before the first incremental update (peak memory after it ${fmt(peakRss() / 1024 / 1024, 0)} MB)`);
  console.log(`re-analyse 20 KB   median ${fmt(times[10], 2)} ms, max ${fmt(times[times.length - 1], 2)} ms (${target}, ${Buffer.byteLength(original)} bytes, 21 edits; ` +
    `${result.index.retokenized} dropped token lists, ${result.index.refingerprinted} dropped fingerprint lists made again)`);
  if (process.argv.includes('--jscpd')) { compareWithJscpd(corpus, Number(arg('jscpd-rounds', '2'))); }
  if (cliReports.length > 0) { await benchCliReports(corpus.root, corpusMB, cliReports, cliRuns); }
}

main().catch((e) => { console.error(e); process.exitCode = 1; });
