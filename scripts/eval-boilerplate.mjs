// Evaluates the boilerplate detector on the two dev sets in ../shared/devset: `boilerplate` (news pages, line
// labels, scored by characters) and `snippets` (trafilatura's pages in many languages, scored on its hand-picked
// snippets). For each set it writes a report in the shape of `corpus-lens scan --json`, scores it with the set's
// own score.py on both halves of the pages (tune on `dev`, report `test`: a change tuned on one half is checked on
// pages it never saw), then prints what each finding code removes, a reliability table of the scores, and the
// article text kept when only findings at or above a score are removed. The detector alone is timed on each set.
//
//   node scripts/eval-boilerplate.mjs [--set news|snippets|all] [--split dev|test|all] [--options JSON] [--direct]
//                                     [--errors N] [--page ID] [--hide-test] [--parts]
//
// --split picks the half the diagnostic tables (and --errors) describe, default dev. --errors N lists the N judged
// lines with the most characters wrong and, on the snippets set, the snippets wrong as score.py counts them. --page
// ID prints one page of that half line by line: its gold (A article, B boilerplate, blank when not judged), the
// finding that covers the line and the text, so a lost article line is read beside its neighbours; a page of the
// other half is refused (the test half's pages are not for reading). --parts adds the figures of parts of the --split
// half, so a change can be shown to help each of them and not one site: two parts by page id (every other page), and
// on the snippets set German and non-German pages (most of its pages are German). --hide-test leaves out the test half's figures,
// so tuning on the dev half does not glance at them each run. The report comes from the real
// CLI, `node bin/corpus-lens.js scan DIR --json`, when it is built (npm run eval:boilerplate builds it); with
// --direct, with --options (detector options to override, e.g. '{"regionKeepRatio":0}') or without a build, from
// the detector run in this process (bundled from src with esbuild), counting shapes across files as the index does.
// When ../shared is absent, the script says so and exits 0.
import * as esbuild from 'esbuild';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { codeTable, findingOutcomes, newsJudge, reliabilityTable, snippetErrors, snippetJudge, thresholdTable } from './eval-boilerplate-tables.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const devsets = path.resolve(repoRoot, '..', 'shared', 'devset');
const args = process.argv.slice(2);
const opt = (name, def) => {
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : def;
};
const overrides = JSON.parse(opt('--options', '{}'));
const split = opt('--split', 'dev');
const which = opt('--set', 'all');
const showErrors = Number(opt('--errors', '0'));
const showPage = opt('--page', '');
const showParts = args.includes('--parts');
const halves = args.includes('--hide-test') ? ['dev'] : ['all', 'dev', 'test'];
const useCli = !args.includes('--direct') && !args.includes('--options') && fs.existsSync(path.join(repoRoot, 'dist', 'cli.js'));

/** The two sets: where their pages and gold are, how a page falls in a half, and how the gold judges lines. */
const sets = [
  {
    name: 'news', dir: path.join(devsets, 'boilerplate'), gold: 'labels.jsonl',
    // By the second hex digit of the page id, as this project has always split it.
    dev: (doc) => parseInt(doc[1], 16) < 8,
    // Every other page of a half, by the fifth hex digit of its id.
    parts: [['id A', (row) => parseInt(row.doc[4], 16) % 2 === 0], ['id B', (row) => parseInt(row.doc[4], 16) % 2 === 1]],
    judge: (dir, keep) => newsJudge(path.join(dir, 'labels.jsonl'), keep),
  },
  {
    name: 'snippets', dir: path.join(devsets, 'snippets'), gold: 'snippets.jsonl',
    dev: (doc) => parseInt(doc, 10) % 2 === 0,
    // Every other page of a half (a half's ids step by two), and the German pages against the rest.
    parts: [
      ['id A', (row) => Math.floor(parseInt(row.doc, 10) / 2) % 2 === 0], ['id B', (row) => Math.floor(parseInt(row.doc, 10) / 2) % 2 === 1],
      ['German', (row) => row.lang === 'de'], ['other', (row) => row.lang !== 'de'],
    ],
    judge: (dir, keep) => snippetJudge(path.join(dir, 'snippets.jsonl'), path.join(dir, 'docs'), keep),
  },
].filter((s) => which === 'all' || which === s.name);

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'eval-boilerplate-'));
let engine;

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

/** Runs the detector over every file directly, counting shapes across files as the index does; times it when asked. */
function directReport(folder, files, time) {
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
  let results = run();
  if (time) {
    for (let r = 0; r < 5; r++) { run(); } // warm up the JIT
    const bytes = docs.reduce((a, d) => a + Buffer.byteLength(d.text), 0);
    // CPU time, not wall time, over at least 2 s: the figure should not depend on what else the machine runs.
    const c0 = process.cpuUsage();
    let rounds = 0, used = 0;
    while (used < 2e6) {
      results = run();
      rounds++;
      const cpu = process.cpuUsage(c0);
      used = cpu.user + cpu.system;
    }
    const secs = used / 1e6 / rounds;
    console.log(`detector alone: ${(bytes / 1e6).toFixed(2)} MB in ${(secs * 1000).toFixed(1)} ms CPU = ${(bytes / 1e6 / secs).toFixed(1)} MB/s (one thread)`);
  }
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

function cliReport(folder) {
  const out = execFileSync('node', [path.join(repoRoot, 'bin', 'corpus-lens.js'), 'scan', folder, '--json'], { maxBuffer: 1 << 28 });
  return JSON.parse(out.toString('utf8'));
}

/** The gold file of one half of the pages, in a folder of its own (with the news set's docs.jsonl beside it). */
function halfGold(set, half, part) {
  const dir = path.join(tmp, `${set.name}-${half}${part ? `-${part[0].replace(/\W/g, '')}` : ''}`);
  fs.mkdirSync(dir);
  const rows = fs.readFileSync(path.join(set.dir, set.gold), 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l))
    .filter((row) => (half === 'all' || set.dev(row.doc) === (half === 'dev')) && (!part || part[1](row)));
  fs.writeFileSync(path.join(dir, set.gold), rows.map((row) => JSON.stringify(row)).join('\n') + '\n');
  const meta = path.join(set.dir, 'docs.jsonl');
  if (fs.existsSync(meta)) { fs.copyFileSync(meta, path.join(dir, 'docs.jsonl')); }
  return { file: path.join(dir, set.gold), docs: new Set(rows.map((row) => row.doc)) };
}

/** One line of official figures for a half, from the set's score.py. */
function officialFigures(set, half, report, part) {
  const { file: gold, docs } = halfGold(set, half, part);
  const tag = `${set.name}-${half}${part ? `-${part[0].replace(/\W/g, '')}` : ''}`;
  // The report of the half's (or the part's) pages only (score.py warns of pages it does not know).
  const reportPath = path.join(tmp, `${tag}-report.json`);
  const pageId = (file) => path.basename(file).replace(/\.txt$/, '');
  const files = report.files.filter((f) => docs.has(pageId(f.path)));
  fs.writeFileSync(reportPath, JSON.stringify({ ...report, files }));
  const scorer = path.join(set.dir, 'score.py');
  if (set.name === 'news') {
    const out = execFileSync('python3', [scorer, gold, reportPath]).toString('utf8');
    const ct = /content {5}P=([\d.]+) R=([\d.]+)/.exec(out);
    const bp = /boilerplate P=([\d.]+) R=([\d.]+)/.exec(out);
    return `docs=${/docs=(\d+)/.exec(out)?.[1]} content P=${ct?.[1]} R=${ct?.[2]} boilerplate P=${bp?.[1]} R=${bp?.[2]} content_f1=${/content_f1=([\d.]+)/.exec(out)?.[1]}`;
  }
  const json = path.join(tmp, `${tag}.json`);
  execFileSync('python3', [scorer, gold, reportPath, '--docs', path.join(set.dir, 'docs'), '--json', json, '--bootstrap', '0']);
  const r = JSON.parse(fs.readFileSync(json, 'utf8'));
  const s = r.scores.joined.CLI.all;
  const k = r.scores.joined['keep-all'].all;
  let byCode = '';
  if (half === split && !part) {
    // score.py's own count: the snippets each code removed, article ('with') against boilerplate ('without').
    const removed = r.cli_removed_snippets_by_code;
    const codes = [...new Set([...Object.keys(removed.with), ...Object.keys(removed.without)])]
      .sort((a, b) => (removed.with[b] ?? 0) - (removed.with[a] ?? 0));
    byCode = `\n  snippets removed by code (score.py), article / boilerplate:\n${codes.map((c) => `    ${c.padEnd(36)} ${String(removed.with[c] ?? 0).padStart(5)} / ${removed.without[c] ?? 0}`).join('\n')}`;
  }
  return `pages=${r.pages} snippet P=${s.precision.toFixed(3)} R=${s.recall.toFixed(3)} F1=${s.f1.toFixed(3)} (keep-all F1 ${k.f1.toFixed(3)}, R ${k.recall.toFixed(3)})${byCode}`;
}

/** The lines of the chosen half that the report gets most wrong, by characters. */
function printErrors(report, judge, n) {
  const errs = [];
  for (const file of report.files) {
    const judged = judge.lines.get(judge.pageOf(file.path));
    if (!judged) { continue; }
    for (const [l, j] of judged) {
      const by = file.findings.find((f) => f.kind === 'boilerplate' && f.range.start.line <= l && l <= f.range.end.line);
      if (Boolean(by) !== j.boilerplate) {
        errs.push({ page: judge.pageOf(file.path).slice(0, 8), line: l + 1, n: j.chars, kind: by ? 'FLAGGED-ARTICLE' : 'KEPT-BOILERPLATE', why: by ? `[${by.code} ${by.score}] ` : '' });
      }
    }
  }
  errs.sort((a, b) => b.n - a.n);
  for (const e of errs.slice(0, n)) { console.log(`  ${e.kind.padEnd(16)} ${e.page}:${String(e.line).padEnd(4)} ${String(e.n).padStart(5)}  ${e.why}`); }
}

/** One page of the chosen half, line by line: gold, the covering finding and the text (see --page). */
function printPage(set, report, judge, page) {
  const id = page.replace(/\.txt$/, '');
  const file = report.files.find((f) => judge.pageOf(f.path).replace(/\.txt$/, '') === id);
  if (!file) { return false; }
  const judged = judge.lines.get(judge.pageOf(file.path));
  if (!judged) { console.log(`\npage ${page}: not judged in the ${split} half (--page shows the judged pages of the --split half only)`); return true; }
  console.log(`\npage ${page} (${set.name}), line, gold (A article, B boilerplate), finding, text:`);
  const lines = fs.readFileSync(path.join(set.dir, 'docs', path.basename(file.path)), 'utf8').split('\n');
  lines.forEach((text, l) => {
    const j = judged.get(l);
    const by = file.findings.find((f) => f.kind === 'boilerplate' && f.range.start.line <= l && l <= f.range.end.line);
    const gold = j === undefined ? ' ' : j.boilerplate ? 'B' : 'A';
    const code = by ? `${by.code.replace('boilerplate.', '')} ${by.score}` : '';
    console.log(`  ${String(l + 1).padStart(5)} ${gold} ${code.padEnd(28)} ${text.slice(0, 140)}`);
  });
  return true;
}

if (!fs.existsSync(devsets)) {
  console.log(`eval:boilerplate: no dev sets at ${devsets}; nothing to evaluate`);
  process.exit(0);
}
engine = await loadEngine();
console.log(`report from: ${useCli ? 'corpus-lens scan --json' : 'the detector in this process'}; tables describe the ${split} half`);
const pooled = [];
let pageShown = false;
for (const set of sets) {
  const folder = path.join(set.dir, 'docs');
  if (!fs.existsSync(folder)) { console.log(`\n${set.name}: ${folder} absent, skipped`); continue; }
  const files = fs.readdirSync(folder).filter((f) => f.endsWith('.txt')).sort();
  console.log(`\n=== ${set.name} (${set.dir})`);
  const direct = directReport(folder, files, !showPage);
  const report = useCli ? cliReport(folder) : direct;
  const judge = set.judge(set.dir, (doc) => split === 'all' || set.dev(doc) === (split === 'dev'));
  if (showPage) {
    // Only the page: no figures (the test half's among them) and no tables; the page's set is found by its file.
    if (printPage(set, report, judge, showPage)) { pageShown = true; break; }
    continue;
  }
  for (const half of halves) { console.log(`${half.padEnd(4)} ${officialFigures(set, half, report)}`); }
  if (showParts && split !== 'all') {
    for (const part of set.parts) { console.log(`${split} ${part[0].padEnd(6)} ${officialFigures(set, split, report, part)}`); }
  }
  console.log(`\nwhat each code removes, in judged characters (P: share of them boilerplate; R: of all boilerplate; art.lost: of all article text):\n${codeTable(report, judge)}`);
  const outcomes = findingOutcomes(report, judge);
  pooled.push(outcomes);
  console.log(`\nreliability of the scores (a finding is boilerplate when most of its judged characters are):\n${reliabilityTable(outcomes)}`);
  console.log(`\nremoving only findings scored at least:\n${thresholdTable(report, judge, [0, 0.7, 0.75, 0.8, 0.85, 0.9])}`);
  if (showErrors > 0) { console.log('\nlargest errors:'); printErrors(report, judge, showErrors); }
  if (showErrors > 0 && set.name === 'snippets') {
    const wrong = snippetErrors(report, path.join(set.dir, set.gold), folder, (doc) => split === 'all' || set.dev(doc) === (split === 'dev'));
    console.log(`\nsnippets wrong (as score.py counts them), ${wrong.filter((e) => e.kind === 'ARTICLE-LOST').length} article lost and ${wrong.filter((e) => e.kind !== 'ARTICLE-LOST').length} boilerplate kept; the first ${showErrors}:`);
    for (const e of wrong.slice(0, showErrors)) { console.log(`  ${e.kind.padEnd(16)} ${`${e.page}:${e.line}`.padEnd(14)} ${e.why.padEnd(40)} ${e.snippet.slice(0, 70)}`); }
  }
}
if (showPage && !pageShown) { console.log(`\npage ${showPage}: no such page in the sets`); }
if (pooled.length > 1) {
  // Each set weighs the same (the scores are the mean of the two sets' rates): the larger set is subsampled evenly.
  const n = Math.min(...pooled.map((o) => o.length));
  const even = pooled.flatMap((o) => o.filter((_, k) => Math.floor((k * n) / o.length) !== Math.floor(((k - 1) * n) / o.length)));
  console.log(`\n=== both sets, ${split} half, each set weighing the same\nreliability of the scores:\n${reliabilityTable(even)}`);
}
fs.rmSync(tmp, { recursive: true, force: true, maxRetries: 2 });
