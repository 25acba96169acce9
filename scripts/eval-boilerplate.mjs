// Evaluates the boilerplate detector on a folder of .txt files with line labels: writes a report in the shape of
// `corpus-lens scan --json`, scores it with the labelled set's score.py (all pages, and two halves of them, so a
// change tuned on one half can be checked on the other), and times the detector alone.
//
//   node scripts/eval-boilerplate.mjs [--folder DIR] [--labels FILE] [--out report.json] [--errors N]
//                                     [--errors-split dev|test] [--options JSON] [--direct]
//
// Defaults: the development set in ../shared/devset/boilerplate. The report comes from the real CLI,
// `node bin/corpus-lens.js scan DIR --json` (run `npm run build` first), when it is built; with --direct, with
// --options (detector options to override, e.g. '{"regionKeepRatio":0}') or without a build, it comes from the
// detector run in this process (bundled from src with esbuild), counting shapes across files as the index does.
// The detector alone is always timed in this process. --errors N lists the N lines the report gets most wrong
// (by characters), of one half with --errors-split.
import * as esbuild from 'esbuild';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const devset = path.resolve(repoRoot, '..', 'shared', 'devset', 'boilerplate');
const args = process.argv.slice(2);
const opt = (name, def) => {
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : def;
};
const folder = path.resolve(opt('--folder', path.join(devset, 'docs')));
const labels = path.resolve(opt('--labels', path.join(devset, 'labels.jsonl')));
const scorer = path.join(path.dirname(labels), 'score.py');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'eval-boilerplate-'));
const outPath = path.resolve(opt('--out', path.join(tmp, 'report.json')));
const showErrors = Number(opt('--errors', '0'));
const overrides = JSON.parse(opt('--options', '{}'));
const errorsSplit = opt('--errors-split', 'all');
const inHalf = (doc, half) => half === 'all' || (parseInt(doc[1], 16) < 8) === (half === 'dev');

async function loadEngine() {
  const outfile = path.join(tmp, 'engine.cjs');
  await esbuild.build({
    stdin: {
      contents: "export * from './src/core/detect/boilerplate'; export { TextModel } from './src/core/text';",
      resolveDir: repoRoot, loader: 'ts',
    },
    bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile, logLevel: 'warning',
  });
  return createRequire(import.meta.url)(outfile);
}

/** Runs the detector over every file directly, counting shapes across files as the index does. */
async function directReport(files) {
  const engine = await loadEngine();
  const docs = files.map((name) => {
    const text = fs.readFileSync(path.join(folder, name), 'utf8').replace(/^\uFEFF/, '');
    const model = new engine.TextModel(text);
    const blocks = model.blocks();
    return { name, text, model, blocks, shapes: engine.blockShapes(model, blocks) };
  });
  const filesWith = new Map();
  for (const d of docs) {
    for (const s of new Set(d.shapes)) { if (s !== 0) { filesWith.set(s, (filesWith.get(s) ?? 0) + 1); } }
  }
  const stats = { totalFiles: docs.length, filesWithShape: (s) => filesWith.get(s) ?? 0 };
  const options = { ...engine.defaultBoilerplateOptions, ...overrides };
  const run = () => docs.map((d) => engine.detectBoilerplate(d.model, d.blocks, stats, options));
  for (let r = 0; r < 5; r++) { run(); } // warm up the JIT
  const bytes = docs.reduce((a, d) => a + Buffer.byteLength(d.text), 0);
  // CPU time, not wall time, over at least 2 s: the figure should not depend on what else the machine runs.
  const c0 = process.cpuUsage();
  let results;
  let rounds = 0;
  let used = 0;
  while (used < 2e6) {
    results = run();
    rounds++;
    const cpu = process.cpuUsage(c0);
    used = cpu.user + cpu.system;
  }
  const secs = used / 1e6 / rounds;
  console.log(`detector alone: ${(bytes / 1e6).toFixed(2)} MB in ${(secs * 1000).toFixed(1)} ms CPU = ${(bytes / 1e6 / secs).toFixed(1)} MB/s (one thread)`);
  return {
    version: 1,
    files: docs.map((d, k) => ({
      path: d.name,
      findings: results[k].map((f) => ({
        kind: f.kind, code: f.code, message: f.message, score: f.score,
        range: { start: d.model.positionAt(f.start), end: d.model.positionAt(f.end) }, related: f.related,
      })),
    })),
  };
}

function cliReport() {
  const out = execFileSync('node', [path.join(repoRoot, 'bin', 'corpus-lens.js'), 'scan', folder, '--json'], { maxBuffer: 1 << 28 });
  return JSON.parse(out.toString('utf8'));
}

/** Writes labels of one half of the documents (by the second hex digit of the id) beside a copy of docs.jsonl. */
function halfLabels(name, keep) {
  const dir = path.join(tmp, name);
  fs.mkdirSync(dir);
  const rows = fs.readFileSync(labels, 'utf8').split('\n').filter((l) => l.trim() && keep(JSON.parse(l).doc));
  fs.writeFileSync(path.join(dir, 'labels.jsonl'), rows.join('\n') + '\n');
  const meta = path.join(path.dirname(labels), 'docs.jsonl');
  if (fs.existsSync(meta)) { fs.copyFileSync(meta, path.join(dir, 'docs.jsonl')); }
  return path.join(dir, 'labels.jsonl');
}

function score(labelsFile) {
  return execFileSync('python3', [scorer, labelsFile, outPath]).toString('utf8');
}

/** Lists the lines the report gets wrong, most characters first. */
function printErrors(report, n) {
  const flagged = new Map();
  for (const f of report.files) {
    const doc = path.basename(f.path).replace(/\.txt$/, '');
    const set = new Set();
    for (const fd of f.findings) {
      for (let l = fd.range.start.line; l <= fd.range.end.line; l++) { set.add(l + 1); }
    }
    flagged.set(doc, { set, findings: f.findings });
  }
  const errs = [];
  const metaPath = path.join(path.dirname(labels), 'docs.jsonl');
  const notEnglish = new Set(fs.existsSync(metaPath)
    ? fs.readFileSync(metaPath, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l)).filter((m) => m.english === false).map((m) => m.doc ?? m.id)
    : []);
  for (const line of fs.readFileSync(labels, 'utf8').split('\n')) {
    if (!line.trim()) { continue; }
    const r = JSON.parse(line);
    if (r.ambiguous || r.in_h1 || notEnglish.has(r.doc) || !inHalf(r.doc, errorsSplit)) { continue; }
    const f = flagged.get(r.doc);
    const isFlagged = f?.set.has(r.line) ?? false;
    if (isFlagged !== (r.label === 'boilerplate')) {
      const why = f?.findings.find((x) => x.range.start.line + 1 <= r.line && r.line <= x.range.end.line + 1);
      errs.push({ doc: r.doc.slice(0, 8), line: r.line, kind: isFlagged ? 'FLAGGED-CONTENT' : 'KEPT-BOILERPLATE', n: r.text.length, why: why ? `${why.code} ${why.message}` : '', text: r.text.slice(0, 110) });
    }
  }
  errs.sort((a, b) => b.n - a.n);
  for (const e of errs.slice(0, n)) { console.log(`${e.kind.padEnd(16)} ${e.doc}:${String(e.line).padEnd(4)} ${String(e.n).padStart(4)}  ${e.why ? `[${e.why}] ` : ''}${e.text}`); }
}

const files = fs.readdirSync(folder).filter((f) => f.endsWith('.txt')).sort();
const direct = await directReport(files);
const useCli = !args.includes('--direct') && !args.includes('--options') && fs.existsSync(path.join(repoRoot, 'dist', 'cli.js'));
const report = useCli ? cliReport() : direct;
console.log(`report from: ${useCli ? 'corpus-lens scan --json' : 'the detector in this process'}`);
fs.writeFileSync(outPath, JSON.stringify(report));
console.log(`report: ${outPath}`);
if (fs.existsSync(scorer)) {
  const dev = halfLabels('dev', (doc) => inHalf(doc, 'dev'));
  const test = halfLabels('test', (doc) => inHalf(doc, 'test'));
  for (const [name, file] of [['all', labels], ['dev', dev], ['test', test]]) {
    const out = score(file);
    const f1 = /content_f1=([\d.]+)/.exec(out)?.[1];
    const docs = /docs=(\d+)/.exec(out)?.[1];
    const bp = /boilerplate P=([\d.]+) R=([\d.]+)/.exec(out);
    const ct = /content {5}P=([\d.]+) R=([\d.]+)/.exec(out);
    console.log(`${name.padEnd(4)} docs=${docs} content P=${ct?.[1]} R=${ct?.[2]} boilerplate P=${bp?.[1]} R=${bp?.[2]} content_f1=${f1}`);
  }
  if (showErrors > 0) { printErrors(report, showErrors); }
}
fs.rmSync(tmp, { recursive: true, force: true, maxRetries: 2 });
