// Evaluates the suggestion engine on the labelled development set in eval/suggestions: entity precision and
// recall (exact spans with the right coarse type), the corpus gazetteer's precision at re-proposing tagged strings,
// claim precision and recall on the check-worthy class (on the clear-cut claim set and on the balanced news +
// debate set, checkworthy.*.tsv), speaker accuracy, and the time to make every suggestion for a 20 KB document,
// then whether the acceptance targets are met on the held-out figures. Every figure is given for both halves of
// the data: the development half (*.dev.*), which the rules may be tuned on, and the test half (*.test.*), never
// tuned on.
//
//   node scripts/eval-suggestions.mjs [--errors dev|test] [--compare] [--json] [--external-claims FILE] [--external-entities FILE]
//
// --errors lists the mistakes on one half (--errors external: on the --external-entities file). --compare also measures the two NLP libraries considered (compromise
// and wink-nlp): precision, recall and speed of compromise's own people/organizations/places, and the size of
// each library bundled. The engine is bundled from src with esbuild, so no build is needed.
import * as esbuild from 'esbuild';
import { createRequire } from 'node:module';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = path.join(repoRoot, 'eval', 'suggestions');
const args = process.argv.slice(2);
const opt = (name, def) => {
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length && !args[i + 1].startsWith('--') ? args[i + 1] : def;
};
const showErrors = opt('--errors', args.includes('--errors') ? 'dev' : undefined);
const compare = args.includes('--compare');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'eval-suggestions-'));
const require = createRequire(import.meta.url);

async function bundle(contents, name, extra = {}) {
  const outfile = path.join(tmp, `${name}.cjs`);
  await esbuild.build({
    stdin: { contents, resolveDir: repoRoot, loader: 'ts' },
    bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile, logLevel: 'warning', ...extra,
  });
  return outfile;
}

// ---------------------------------------------------------------- data

/** Blocks of an entity file (`entities`, or `news`: stories under headlines): the plain text and its gold spans. */
function readEntityBlocks(name = 'entities') {
  return ['dev', 'test'].flatMap((half) => readEntityFile(name, half));
}

function readEntityFile(name, half) {
  return readEntityFileFrom(dataDir, name, half);
}

function readEntityFileFrom(dir, name, half) {
  const raw = fs.readFileSync(path.join(dir, `${name}.${half}.txt`), 'utf8');
  const blocks = raw.split(/\n\s*\n/).map((b) => b.trim()).filter((b) => b && !b.startsWith('#'));
  const labels = { PER: 'person', ORG: 'organization', LOC: 'location' };
  return blocks.map((block, k) => {
    const i = `${half}:${k}`;
    let text = '';
    const gold = [];
    let at = 0;
    const re = /\[([^\]]+)\]\((PER|ORG|LOC)\)/g;
    for (let m = re.exec(block); m; m = re.exec(block)) {
      text += block.slice(at, m.index);
      gold.push({ start: text.length, end: text.length + m[1].length, label: labels[m[2]], text: m[1] });
      text += m[1];
      at = m.index + m[0].length;
    }
    text += block.slice(at);
    return { i, half, text, gold };
  });
}

/** The rows of `<name>.dev.tsv` and `<name>.test.tsv` (blank lines and # comments left out), split on tabs. */
function readTsv(name) {
  return ['dev', 'test'].flatMap((half) => {
    const raw = fs.readFileSync(path.join(dataDir, `${name}.${half}.tsv`), 'utf8');
    const lines = raw.split('\n').filter((l) => l.trim() && !l.startsWith('#'));
    return lines.map((l, i) => ({ i, half, cols: l.split('\t') }));
  });
}

function readBalancedClaims() {
  return readTsv('checkworthy').map(({ i, half, cols: [label, genre, sentence] }) => {
    if (!['0', '1'].includes(label) || !['news', 'debate'].includes(genre) || !sentence) {
      throw new Error(`checkworthy.${half}.tsv: line ${i + 1} is not label<TAB>genre<TAB>sentence`);
    }
    return { i, half, positive: label === '1', genre, sentence };
  });
}

/** Single debate turns, label<TAB>sentence. */
function readDebateTurns() {
  return readTsv('debate').map(({ i, half, cols: [label, sentence] }) => {
    if (!['0', '1'].includes(label) || !sentence) { throw new Error(`debate.${half}.tsv: line ${i + 1} is not label<TAB>sentence`); }
    return { i, half, positive: label === '1', sentence };
  });
}

/** A transcript in order, label<TAB>speaker<TAB>sentence; few lines are check-worthy. */
function readTranscript() {
  return readTsv('transcript').map(({ i, half, cols: [label, speaker, sentence] }) => {
    if (!['0', '1'].includes(label) || !speaker || !sentence) {
      throw new Error(`transcript.${half}.tsv: line ${i + 1} is not label<TAB>speaker<TAB>sentence`);
    }
    return { i, half, positive: label === '1', speaker, sentence };
  });
}

function readClaims() {
  return readTsv('claims').map(({ i, half, cols: [label, speaker, sentence] }) => (
    { i, half, positive: label === '1', speaker: speaker || undefined, sentence }));
}

// ---------------------------------------------------------------- scoring

function prf(tp, fp, fn) {
  const p = tp + fp ? tp / (tp + fp) : 0;
  const r = tp + fn ? tp / (tp + fn) : 0;
  return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0, tp, fp, fn };
}

const fmt = (x) => x.toFixed(3);
const line = (name, s) => `${name.padEnd(34)} P ${fmt(s.p)}  R ${fmt(s.r)}  F1 ${fmt(s.f)}   (tp ${s.tp}, fp ${s.fp}, fn ${s.fn})`;

/** Exact span and coarse type; predictions labelled "other" count as wrong. */
function scoreEntities(blocks, predict) {
  const per = {};
  const total = { tp: 0, fp: 0, fn: 0 };
  const errors = [];
  for (const b of blocks) {
    const pred = predict(b);
    const goldKeys = new Map(b.gold.map((g) => [`${g.start}:${g.end}:${g.label}`, g]));
    const predKeys = new Map(pred.map((p) => [`${p.start}:${p.end}:${p.label}`, p]));
    for (const [k, p] of predKeys) {
      const c = (per[p.label] ??= { tp: 0, fp: 0, fn: 0 });
      if (goldKeys.has(k)) { c.tp++; total.tp++; } else {
        c.fp++; total.fp++;
        const g = b.gold.find((x) => x.start < p.end && x.end > p.start);
        errors.push({ block: b.i, kind: 'fp', text: p.text, label: p.label, score: p.score, gold: g ? `${g.text} (${g.label})` : '-' });
      }
    }
    for (const [k, g] of goldKeys) {
      if (!predKeys.has(k)) {
        const c = (per[g.label] ??= { tp: 0, fp: 0, fn: 0 });
        c.fn++; total.fn++;
        const p = pred.find((x) => x.start < g.end && x.end > g.start);
        if (!p) { errors.push({ block: b.i, kind: 'fn', text: g.text, label: g.label, gold: '' }); }
      }
    }
  }
  return { total: prf(total.tp, total.fp, total.fn), per: Object.fromEntries(Object.entries(per).map(([k, v]) => [k, prf(v.tp, v.fp, v.fn)])), errors };
}

/**
 * Lenient: a prediction is right when it overlaps a gold span of the same type, and a gold span is found when some
 * prediction of its type overlaps it (the measure for corpora whose mentions carry modifiers, such as GUM's).
 */
function scoreEntitiesLenient(blocks, predict) {
  let right = 0; let predicted = 0; let found = 0; let gold = 0;
  for (const b of blocks) {
    const pred = predict(b);
    const overlaps = (x, y) => x.label === y.label && x.start < y.end && y.start < x.end;
    predicted += pred.length;
    gold += b.gold.length;
    right += pred.filter((p) => b.gold.some((g) => overlaps(p, g))).length;
    found += b.gold.filter((g) => pred.some((p) => overlaps(p, g))).length;
  }
  const p = predicted ? right / predicted : 0;
  const r = gold ? found / gold : 0;
  return { total: { p, r, f: p + r ? (2 * p * r) / (p + r) : 0, tp: right, fp: predicted - right, fn: gold - found } };
}

// ---------------------------------------------------------------- main

const engine = require(await bundle("export * from './src/core/suggest/index';", 'engine'));
const blocks = readEntityBlocks();
const claims = readClaims();
const halves = ['dev', 'test'];
const report = { entities: {}, news: {}, gazetteer: {}, claims: {}, claimsBalanced: {}, debate: {}, transcript: {}, speakers: {}, timing: {} };

console.log(`Entity set: ${blocks.length} paragraphs, ${blocks.reduce((a, b) => a + b.gold.length, 0)} entities; claim set: ${claims.length} sentences (${claims.filter((c) => c.positive).length} check-worthy).\n`);

const entityErrors = {};
const newsBlocks = readEntityBlocks('news');
for (const [set, title, bs] of [['entities', 'Entities', blocks], ['news', 'Entities in stories under headlines', newsBlocks]]) {
  console.log(`${set === 'news' ? '\n' : ''}${title} (exact span, right type; language rules only, no gazetteer)`);
  for (const half of halves) {
    const s = scoreEntities(bs.filter((b) => b.half === half), (b) => engine.suggest(b.text, { entities: true, claims: false }));
    report[set][half] = s.total;
    entityErrors[`${set}-${half}`] = s.errors;
    console.log('  ' + line(`${half}`, s.total));
    for (const [label, v] of Object.entries(s.per).sort()) { console.log('  ' + line(`  ${label}`, v)); }
  }
}

/** Gold entity spans of paragraphs as sidecar annotations, for a gazetteer. */
const asSidecars = (bs) => bs.map((x) => ({
  path: `p${x.i.replace(':', '-')}.txt`,
  annotations: x.gold.map((g, k) => ({ id: `a${k}`, kind: 'entity', label: g.label, quote: g.text, start: g.start, end: g.end })),
}));

/**
 * Scores a gazetteer's proposals on paragraphs against their gold spans; recall counts only gold mentions whose
 * string the gazetteer knows. `gazetteerFor(b)` gives the gazetteer to use on paragraph `b`.
 */
function scoreGazetteer(paragraphs, gazetteerFor) {
  let tp = 0; let fp = 0; let fn = 0;
  const wrong = [];
  for (const b of paragraphs) {
    const gaz = gazetteerFor(b);
    const found = gaz.find(b.text);
    const gold = new Set(b.gold.map((g) => `${g.start}:${g.end}:${g.label}`));
    for (const f of found) {
      if (gold.has(`${f.start}:${f.end}:${f.label}`)) { tp++; } else { fp++; wrong.push(`${f.text} (${f.label})`); }
    }
    for (const g of b.gold) {
      if (gaz.lookup(g.text) && !found.some((f) => f.start === g.start && f.end === g.end && f.label === g.label)) { fn++; }
    }
  }
  return { score: prf(tp, fp, fn), wrong };
}

// The gazetteer: within each half, each paragraph gets the tags of all the other paragraphs of that half (as
// sidecars would give them), and its proposals are scored against the paragraph's own gold spans.
console.log('\nGazetteer (strings tagged in the other paragraphs of the half, proposed again; leave-one-out)');
for (const half of halves) {
  const hb = blocks.filter((b) => b.half === half);
  const { score, wrong } = scoreGazetteer(hb, (b) => engine.Gazetteer.fromAnnotations(asSidecars(hb.filter((x) => x !== b))));
  report.gazetteer[half] = score;
  console.log('  ' + line(half, score) + (wrong.length ? `  wrong: ${wrong.slice(0, 6).join(', ')}` : ''));
}

// Across halves: the tags of one half proposed on the paragraphs of the other (more repeated strings).
for (const [from, to] of [['dev', 'test'], ['test', 'dev']]) {
  const gaz = engine.Gazetteer.fromAnnotations(asSidecars(blocks.filter((b) => b.half === from)));
  const { score, wrong } = scoreGazetteer(blocks.filter((x) => x.half === to), () => gaz);
  report.gazetteer[`${from}->${to}`] = score;
  console.log('  ' + line(`tags of ${from}, proposed on ${to}`, score) + (wrong.length ? `  wrong: ${wrong.slice(0, 6).join(', ')}` : ''));
}

{
  // Every re-proposal above together: the figure the acceptance target (precision >= 0.95) is about.
  const all = Object.values(report.gazetteer).reduce((a, x) => ({ tp: a.tp + x.tp, fp: a.fp + x.fp, fn: a.fn + x.fn }), { tp: 0, fp: 0, fn: 0 });
  report.gazetteer.pooled = prf(all.tp, all.fp, all.fn);
  console.log('  ' + line('all of the above, pooled', report.gazetteer.pooled));
}

console.log('\nClaims (sentence is check-worthy; positive class)');
const claimErrors = {};
for (const half of halves) {
  let tp = 0; let fp = 0; let fn = 0;
  let spk = 0; let spkRight = 0;
  const errs = [];
  for (const c of claims.filter((x) => x.half === half)) {
    const got = engine.suggest(c.sentence, { entities: false, claims: true }).filter((x) => x.kind === 'claim');
    const yes = got.length > 0;
    if (yes && c.positive) { tp++; } else if (yes) { fp++; errs.push(`fp ${got[0].score.toFixed(2)}  ${c.sentence}`); } else if (c.positive) { fn++; errs.push(`fn       ${c.sentence}`); }
    if (c.speaker && yes) {
      spk++;
      const said = (got[0].speaker ?? '').toLowerCase();
      const want = c.speaker.toLowerCase();
      if (said && (said.includes(want) || want.includes(said))) { spkRight++; } else { errs.push(`speaker "${got[0].speaker ?? ''}" for "${c.speaker}"  ${c.sentence}`); }
    }
  }
  claimErrors[half] = errs;
  report.claims[half] = prf(tp, fp, fn);
  report.speakers[half] = { right: spkRight, of: spk };
  console.log('  ' + line(half, report.claims[half]) + `   speaker right ${spkRight}/${spk}`);
}

// The balanced check-worthiness set: news sentences and debate-style turns, half check-worthy; dev may be tuned on,
// test is held out. Each sentence is suggested on its own, as a line of a document.
console.log('\nClaims on the balanced news + debate set (positive class: check-worthy)');
const balanced = readBalancedClaims();
for (const half of halves) {
  const errs = [];
  const count = { all: { tp: 0, fp: 0, fn: 0 }, news: { tp: 0, fp: 0, fn: 0 }, debate: { tp: 0, fp: 0, fn: 0 } };
  for (const c of balanced.filter((x) => x.half === half)) {
    const got = engine.suggest(c.sentence, { entities: false, claims: true }).filter((x) => x.kind === 'claim');
    const yes = got.length > 0;
    const key = yes && c.positive ? 'tp' : yes ? 'fp' : c.positive ? 'fn' : undefined;
    if (!key) { continue; }
    count.all[key]++;
    count[c.genre][key]++;
    if (key !== 'tp') { errs.push(`${key} ${yes ? got[0].score.toFixed(2) : '    '}  [${c.genre}] ${c.sentence}`); }
  }
  claimErrors[`balanced-${half}`] = errs;
  report.claimsBalanced[half] = prf(count.all.tp, count.all.fp, count.all.fn);
  const n = balanced.filter((x) => x.half === half);
  console.log(`  ${line(`${half} (${n.length}, ${n.filter((x) => x.positive).length} check-worthy)`, report.claimsBalanced[half])}`);
  for (const genre of ['news', 'debate']) {
    const g = count[genre];
    console.log(`  ${line(`  ${genre}`, prf(g.tp, g.fp, g.fn))}`);
  }
}

// Single debate turns, half check-worthy, almost none quoted: recall on speech without attribution is the point.
console.log('\nClaims on single debate turns (positive class: check-worthy)');
const debate = readDebateTurns();
report.debate = {};
for (const half of halves) {
  let tp = 0; let fp = 0; let fn = 0;
  const errs = [];
  const rows = debate.filter((x) => x.half === half);
  for (const c of rows) {
    const got = engine.suggest(c.sentence, { entities: false, claims: true }).filter((x) => x.kind === 'claim');
    const yes = got.length > 0;
    if (yes && c.positive) { tp++; } else if (yes) { fp++; errs.push(`fp ${got[0].score.toFixed(2)}  ${c.sentence}`); } else if (c.positive) { fn++; errs.push(`fn       ${c.sentence}`); }
  }
  claimErrors[`debate-${half}`] = errs;
  report.debate[half] = prf(tp, fp, fn);
  console.log(`  ${line(`${half} (${rows.length}, ${rows.filter((x) => x.positive).length} check-worthy)`, report.debate[half])}`);
}

/** Average precision of a ranking (best first) of items with `positive` flags. */
function averagePrecision(ranked) {
  let hits = 0; let sum = 0;
  ranked.forEach((x, k) => { if (x.positive) { hits++; sum += hits / (k + 1); } });
  return hits ? sum / hits : 0;
}

// A transcript ranked by the claim score, as CLEF CheckThat! ranks a debate: average precision over the ranking of
// every sentence (ties keep the spoken order). Every sentence is scored whatever its score; the name count comes
// from the engine's own entities, as in a document.
console.log('\nRanking a debate transcript by claim score (few lines check-worthy)');
const transcript = readTranscript();
report.transcript = {};
for (const half of halves) {
  const rows = transcript.filter((x) => x.half === half).map((x) => {
    const names = engine.suggest(x.sentence, { entities: true, claims: false }).length;
    return { ...x, score: engine.claimScore(x.sentence, names) };
  });
  const ranked = [...rows].sort((a, b) => b.score - a.score);
  const ap = averagePrecision(ranked);
  const pos = rows.filter((x) => x.positive).length;
  const firstTen = ranked.slice(0, 10).filter((x) => x.positive).length;
  // How dense the hints would be in an editor: the lines proposed at the default threshold.
  const proposed = rows.filter((x) => engine.suggest(x.sentence, { entities: false, claims: true }).some((c) => c.kind === 'claim'));
  const hit = proposed.filter((x) => x.positive).length;
  report.transcript[half] = { ap, positives: pos, lines: rows.length, positivesInTopTen: firstTen, proposed: proposed.length, proposedRight: hit };
  console.log(`  ${half.padEnd(5)} AP ${fmt(ap)}   (${pos} of ${rows.length} lines check-worthy, ${(100 * pos / rows.length).toFixed(1)}%: a random ranking scores about ${fmt(pos / rows.length)}; ${firstTen} in the top 10)`);
  console.log(`        proposed at the default threshold: ${proposed.length} of ${rows.length} lines (${(100 * proposed.length / rows.length).toFixed(0)}%), ${hit} of the ${pos} check-worthy among them`);
  claimErrors[`transcript-${half}`] = ranked.slice(0, 12).map((x, k) => `${String(k + 1).padStart(2)} ${x.positive ? '*' : ' '} ${x.score.toFixed(3)}  ${x.speaker}: ${x.sentence}`)
    .concat(ranked.map((x, k) => ({ x, k })).filter(({ x, k }) => x.positive && k >= 12).map(({ x, k }) => `${String(k + 1).padStart(2)} * ${x.score.toFixed(3)}  ${x.speaker}: ${x.sentence}`));
}

// The density of claim hints in news: the share of the news paragraphs' sentences proposed (no labels here; the
// figure says how busy an editor showing every claim hint would be, which the claims setting's default rests on).
{
  let sentences = 0; let proposed = 0;
  for (const b of [...blocks, ...newsBlocks]) {
    sentences += engine.splitSentences(b.text).length;
    proposed += engine.suggest(b.text, { entities: false, claims: true }).length;
  }
  report.claimDensityNews = { sentences, proposed };
  console.log(`\nClaim hints in the news paragraphs of both entity sets: ${proposed} of ${sentences} sentences proposed (${(100 * proposed / sentences).toFixed(0)}%)`);
}

// Timing: a 20 KB document of news paragraphs, with a gazetteer of every gold tag; CPU time over at least 2 s.
const corpusText = [...blocks.map((b) => b.text), ...claims.map((c) => c.sentence)].join('\n\n');
let doc = '';
while (doc.length < 20480) { doc += corpusText.slice(0, 20480 - doc.length); }
const gazAll = engine.Gazetteer.fromAnnotations(blocks.map((b) => ({ annotations: b.gold.map((g, k) => ({ id: `a${k}`, kind: 'entity', label: g.label, quote: g.text, start: g.start, end: g.end })) })));
const run = () => engine.suggest(doc, { entities: true, claims: true, gazetteer: gazAll });
const firstStart = process.hrtime.bigint();
run(); // also loads the language model
const firstMs = Number(process.hrtime.bigint() - firstStart) / 1e6;
for (let r = 0; r < 5; r++) { run(); }
const c0 = process.cpuUsage();
let rounds = 0; let used = 0; let count = 0;
while (used < 2e6) { count = run().length; rounds++; const cpu = process.cpuUsage(c0); used = cpu.user + cpu.system; }
report.timing = { bytes: Buffer.byteLength(doc), msPerDocument: used / 1000 / rounds, firstCallMs: firstMs, suggestions: count };
console.log(`\nTime: ${(used / 1000 / rounds).toFixed(1)} ms CPU per 20 KB document (${count} suggestions; mean of ${rounds} runs; the first call, which loads the model, took ${firstMs.toFixed(0)} ms)`);

// External data given on the command line, for measurement only (nothing of it belongs in the project):
// --external-claims FILE: label<TAB>sentence lines (1: check-worthy), e.g. ClaimBuster sentences, or a CLEF
// transcript one line a sentence in spoken order: P / R at the default threshold and the average precision of the
// ranking. --external-entities FILE: blocks in the format of entities.*.txt ([Name](PER|ORG|LOC)), each scored
// alone, strict (exact span, right type).
for (const [flag, what] of [['--external-claims', 'claims'], ['--external-entities', 'entities']]) {
  if (!args.includes(flag)) { continue; }
  // Several files may be given, separated by commas (each scored on its own, e.g. the two halves of a sample).
  for (const file of (opt(flag, '') ?? '').split(',')) {
  if (!file || !fs.existsSync(file)) { console.log(`\n${flag}: no file at ${file || '(no path given)'}; nothing measured`); continue; }
  if (what === 'claims') {
    const lines = fs.readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() && !l.startsWith('#')).map((l) => {
      const [label, ...rest] = l.split('\t');
      return { positive: label.trim() === '1', sentence: rest.join('\t') };
    });
    // A transcript (most lines open with a speaker label, "NAME: ...") is read as the one document a user would
    // open, so that what the engine learns from the whole of it (who moderates) counts; each line then scores as
    // its best claim. Other files hold independent sentences, each scored alone.
    const transcript = lines.filter((x) => /^\p{Lu}[\p{Lu}.'’ -]{0,40}:\s/u.test(x.sentence)).length >= lines.length / 2;
    let rows;
    if (transcript) {
      const doc = lines.map((x) => x.sentence).join('\n');
      const starts = [];
      let at = 0;
      for (const x of lines) { starts.push(at); at += x.sentence.length + 1; }
      const best = lines.map(() => 0);
      for (const c of engine.suggest(doc, { entities: false, claims: true, minClaimScore: 0 }).filter((x) => x.kind === 'claim')) {
        for (let k = 0; k < lines.length; k++) {
          if (starts[k] < c.end && starts[k] + lines[k].sentence.length > c.start) { best[k] = Math.max(best[k], c.score); }
        }
      }
      rows = lines.map((x, k) => ({ ...x, score: best[k], proposed: best[k] >= engine.defaultClaimOptions.minScore }));
    } else {
      rows = lines.map((x) => {
        const scores = engine.suggest(x.sentence, { entities: false, claims: true, minClaimScore: 0 }).filter((c) => c.kind === 'claim').map((c) => c.score);
        const proposed = engine.suggest(x.sentence, { entities: false, claims: true }).some((c) => c.kind === 'claim');
        return { ...x, score: scores.length ? Math.max(...scores) : 0, proposed };
      });
    }
    const tp = rows.filter((x) => x.positive && x.proposed).length;
    const fp = rows.filter((x) => !x.positive && x.proposed).length;
    const fn = rows.filter((x) => x.positive && !x.proposed).length;
    const ap = averagePrecision([...rows].sort((a, b) => b.score - a.score));
    (report.externalClaims ??= {})[file] = { ...prf(tp, fp, fn), ap, lines: rows.length };
    console.log(`\nExternal claims (${file}, ${rows.length} lines${transcript ? ', read as one transcript' : ''}, ${tp + fn} check-worthy)\n  ${line('at the default threshold', prf(tp, fp, fn))}   AP ${fmt(ap)}`);
    if (showErrors === 'external') { printRanking(rows); }
  } else {
    const raw = fs.readFileSync(file, 'utf8');
    const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'eval-external-'));
    fs.writeFileSync(path.join(tmpDir, 'x.dev.txt'), raw);
    const blocks = readEntityFileFrom(tmpDir, 'x', 'dev');
    fs.rmSync(tmpDir, { recursive: true, force: true });
    const predict = (b) => engine.suggest(b.text, { entities: true, claims: false }).filter((x) => x.label !== 'other');
    const scored = scoreEntities(blocks, predict);
    const lenient = scoreEntitiesLenient(blocks, predict);
    (report.externalEntities ??= {})[file] = { strict: scored.total, lenient: lenient.total, per: scored.per };
    console.log(`\nExternal entities (${file}, ${blocks.length} blocks)\n  ${line('strict', scored.total)}\n  ${line('lenient (overlap, right type)', lenient.total)}`);
    for (const [label, v] of Object.entries(scored.per).sort()) { console.log('  ' + line(`  strict ${label}`, v)); }
    if (showErrors === 'external') {
      for (const e of scored.errors) { console.log(`  #${e.block} ${e.kind} ${e.text} [${e.label}${e.score !== undefined ? ' ' + e.score : ''}]${e.gold ? '  gold: ' + e.gold : ''}`); }
    }
  }
  }
  // Several claim files are ranked each on its own, as CLEF CheckThat! ranks each debate or speech: their mean
  // average precision is the task's measure.
  const aps = Object.values(report.externalClaims ?? {}).map((x) => x.ap);
  if (what === 'claims' && aps.length > 1) {
    report.externalClaimsMap = aps.reduce((a, b) => a + b, 0) / aps.length;
    console.log(`\nExternal claims, ${aps.length} files ranked each on its own: MAP ${fmt(report.externalClaimsMap)} (AP ${aps.map(fmt).join(', ')})`);
  }
}

/** The top of a ranking and the check-worthy lines below it, to read the errors of an external claim file. */
function printRanking(rows) {
  const ranked = [...rows].sort((a, b) => b.score - a.score);
  ranked.forEach((x, k) => {
    if (k < 15 || x.positive) { console.log(`  ${String(k + 1).padStart(4)} ${x.positive ? '*' : ' '} ${x.score.toFixed(3)}  ${x.sentence}`); }
  });
}

// The acceptance targets, checked on the held-out figures (the dev figures are optimistic by construction).
const ok = (b) => (b ? 'met' : 'NOT MET');
console.log('\nTargets (held-out figures)');
console.log(`  entities P >= 0.80 at R >= 0.60 on test: P ${fmt(report.entities.test.p)}, R ${fmt(report.entities.test.r)}: ${ok(report.entities.test.p >= 0.8 && report.entities.test.r >= 0.6)}`);
console.log(`  gazetteer re-proposal P >= 0.95, pooled: ${fmt(report.gazetteer.pooled.p)}: ${ok(report.gazetteer.pooled.p >= 0.95)}`);
console.log(`  balanced claims P >= 0.80 at R >= 0.60 on test: P ${fmt(report.claimsBalanced.test.p)}, R ${fmt(report.claimsBalanced.test.r)}: ${ok(report.claimsBalanced.test.p >= 0.8 && report.claimsBalanced.test.r >= 0.6)}`);
console.log(`  under 100 ms per 20 KB document: ${report.timing.msPerDocument.toFixed(1)} ms: ${ok(report.timing.msPerDocument < 100)}`);

console.log(`  debate turns P >= 0.80 at R >= 0.65 on test: P ${fmt(report.debate.test.p)}, R ${fmt(report.debate.test.r)}: ${ok(report.debate.test.p >= 0.8 && report.debate.test.r >= 0.65)}`);
console.log(`  transcript AP >= 0.14 on test (goal 0.17): ${fmt(report.transcript.test.ap)}: ${ok(report.transcript.test.ap >= 0.14)}`);
console.log(`  entities under headlines P >= 0.85 at R >= 0.72 on test: P ${fmt(report.news.test.p)}, R ${fmt(report.news.test.r)}: ${ok(report.news.test.p >= 0.85 && report.news.test.r >= 0.72)}`);

if (compare) { await compareLibraries(); }

if (showErrors && showErrors !== 'external') {
  console.log(`\nEntity errors (${showErrors} half):`);
  for (const e of [...entityErrors[`entities-${showErrors}`], ...entityErrors[`news-${showErrors}`]]) { console.log(`  #${e.block} ${e.kind} ${e.text} [${e.label}${e.score !== undefined ? ' ' + e.score : ''}]${e.gold ? '  gold: ' + e.gold : ''}`); }
  console.log(`\nClaim errors (${showErrors} half):`);
  for (const e of claimErrors[showErrors]) { console.log('  ' + e); }
  console.log(`\nClaim errors on the balanced set (${showErrors} half):`);
  for (const e of claimErrors[`balanced-${showErrors}`]) { console.log('  ' + e); }
  console.log(`\nClaim errors on single debate turns (${showErrors} half):`);
  for (const e of claimErrors[`debate-${showErrors}`]) { console.log('  ' + e); }
  console.log(`\nTranscript ranking (${showErrors} half): the top 12, then the check-worthy lines below them (* check-worthy):`);
  for (const e of claimErrors[`transcript-${showErrors}`]) { console.log('  ' + e); }
}
if (args.includes('--json')) { console.log(JSON.stringify(report)); }

/** compromise's own entities against the same gold; both libraries' speed and bundled size. */
async function compareLibraries() {
  console.log('\nLibraries compared (the same paragraphs)');
  const nlp = require(await bundle("export { default } from 'compromise';", 'compromise')).default;
  const cmap = { people: 'person', organizations: 'organization', places: 'location' };
  const compromiseRaw = (b) => {
    const d = nlp(b.text);
    const out = [];
    for (const [m, label] of Object.entries(cmap)) {
      for (const x of d[m]().json({ offset: true })) {
        // compromise's offsets count UTF-16 units too; its terms carry trailing punctuation in `text`.
        const start = x.offset.start;
        const t = b.text.slice(start, start + x.offset.length).replace(/[\s.,;:!?'"”’)]+$/, '').replace(/['’]s$/, '');
        out.push({ start, end: start + t.length, label, text: t });
      }
    }
    return out;
  };
  for (const half of halves) {
    const s = scoreEntities(blocks.filter((b) => b.half === half), compromiseRaw);
    console.log('  ' + line(`compromise 14 (people/orgs/places) ${half}`, s.total));
  }
  const time = (fn) => {
    for (let r = 0; r < 3; r++) { fn(); }
    const c = process.cpuUsage();
    let n = 0; let u = 0;
    while (u < 2e6) { fn(); n++; const x = process.cpuUsage(c); u = x.user + x.system; }
    return u / 1000 / n;
  };
  const cms = time(() => { const d = nlp(doc); d.people().json(); d.organizations().json(); d.places().json(); });
  const wink = require(await bundle("import w from 'wink-nlp'; import m from 'wink-eng-lite-web-model'; export const nlp = w(m, ['sbd', 'pos']);", 'wink')).nlp;
  const wms = time(() => { const d = wink.readDoc(doc); d.tokens().out(wink.its.pos); });
  console.log(`  time per 20 KB: compromise ${cms.toFixed(1)} ms (parse + people/orgs/places); wink-nlp ${wms.toFixed(1)} ms (tokens + POS); engine ${report.timing.msPerDocument.toFixed(1)} ms (all suggestions)`);
  const size = async (contents, name) => {
    const f = await bundle(contents, `${name}-min`, { minify: true });
    return fs.statSync(f).size;
  };
  const cs = await size("import nlp from 'compromise'; console.log(nlp('x').people().out());", 'c');
  const ws = await size("import w from 'wink-nlp'; import m from 'wink-eng-lite-web-model'; console.log(w(m).readDoc('x').out());", 'w');
  const es = await size("export * from './src/core/suggest/index';", 'e');
  console.log(`  bundled and minified: compromise ${(cs / 1024).toFixed(0)} KB; wink-nlp + wink-eng-lite-web-model ${(ws / 1024).toFixed(0)} KB; the whole engine (wink + rules + word lists) ${(es / 1024).toFixed(0)} KB`);
}
