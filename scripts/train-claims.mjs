// Trains the claim score's model (src/core/suggest/claimModel.ts): a logistic regression over the hand-set cue
// logit, each cue, and the most frequent words, learned from labelled debate and speech transcripts (CLEF
// CheckThat! 2019 Task 1 training files, kept outside the project). The hand-set rules are the prior: the weights
// are pulled towards them (the cue logit towards 1, everything else towards 0), so that with little data the model
// stays the rules, and the data moves it only where it shows something.
//
//   node scripts/train-claims.mjs --train DIR [--grid VOCAB:LAMBDA:WEIGHT:LEARNED,...] [--write]
//
// DIR holds one or more files per transcript, named GROUP-PART.tsv (the files of one GROUP are one transcript);
// each line is "id<TAB>label<TAB>sentence" or "label<TAB>sentence" (label 1: check-worthy), in the transcript's order,
// or a whole file is in the CLEF format "id<TAB>speaker<TAB>text<TAB>label", read as one document of "SPEAKER: text"
// lines the way scripts/eval-clef.mjs ranks it
// (the previous line is the context input). A small grid is searched by leave-one-transcript-out cross-validation (each transcript ranked by a
// model trained on the others, as CLEF ranks each debate on its own; the mean average precision decides). --write
// trains on every transcript with the chosen settings and writes the model file; without it nothing is written.
import * as esbuild from 'esbuild';
import { createRequire } from 'node:module';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, def) => {
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : def;
};
const trainDir = opt('--train');
if (!trainDir || !fs.existsSync(trainDir)) {
  console.error('usage: node scripts/train-claims.mjs --train DIR [--grid VOCAB:LAMBDA:WEIGHT:LEARNED,...] [--write]');
  process.exit(2);
}

// The engine's own sentence splitter, names and cues, so that the model learns from what it will be given.
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'train-claims-'));
const outfile = path.join(tmp, 'engine.cjs');
await esbuild.build({
  stdin: {
    contents: `export { cueLogit, claimInputs, claimWords, contextOf, LEARNED_FEATURES } from './src/core/suggest/claims';
      export { splitSentences, SPEAKER_LABEL } from './src/core/suggest/sentences';
      export { tokenize } from './src/core/suggest/tokens';
      export { findEntities, defaultEntityOptions } from './src/core/suggest/entities';`,
    resolveDir: repoRoot, loader: 'ts',
  },
  bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile, logLevel: 'warning',
});
const engine = createRequire(import.meta.url)(outfile);
fs.rmSync(tmp, { recursive: true, force: true });

/**
 * The cue inputs of one line: its sentence with the highest cue logit, names counted as findClaims counts them,
 * and the cue logit of its last sentence (the context of the line after it, as findClaims reads a document).
 */
function lineInputs(line) {
  const spans = engine.splitSentences(line);
  const entities = engine.findEntities(line, engine.tokenize(line), spans, engine.defaultEntityOptions);
  let best; let last;
  for (const span of spans) {
    const sentence = line.slice(span.start, span.end);
    const label = engine.SPEAKER_LABEL.exec(sentence)?.[0].length ?? 0;
    const names = entities.filter((x) => x.start >= span.start + label && x.start < span.end).length;
    const cue = engine.cueLogit(sentence, names, false);
    if (!best || cue.z > best.z) { best = cue; }
    last = cue.z;
  }
  best ??= engine.cueLogit(line, 0, false);
  return { cue: best, last: last ?? best.z };
}

/**
 * A whole transcript in the CLEF format (lines "id<TAB>speaker<TAB>text<TAB>label"), read as the one document a user
 * opens: every line "SPEAKER: text", joined by newlines, the inputs taken from the document as the score takes them
 * (who moderates, the sentence before), and each line given its sentence with the highest cue logit, as
 * scripts/eval-clef.mjs ranks a transcript.
 */
function transcriptRows(rows) {
  const lines = rows.map((cols) => ({ positive: cols[cols.length - 1].trim() === '1', line: `${cols[1].trim().toUpperCase()}: ${cols.slice(2, -1).join('\t')}` }));
  const doc = lines.map((x) => x.line).join('\n');
  const spans = engine.splitSentences(doc);
  const inputs = engine.claimInputs(doc, spans, engine.findEntities(doc, engine.tokenize(doc), spans, engine.defaultEntityOptions));
  const best = lines.map(() => undefined);
  let at = 0; let k = 0;
  for (const [j, x] of lines.entries()) {
    const end = at + x.line.length;
    while (k < inputs.length && inputs[k].span.end <= at) { k++; }
    for (let i = k; i < inputs.length && inputs[i].span.start < end; i++) {
      if (!best[j] || inputs[i].cue.z > best[j].cue.z) { best[j] = inputs[i]; }
    }
    at = end + 1;
  }
  return lines.map((x, j) => {
    const input = best[j];
    const cue = input ? { ...input.cue, features: { ...input.cue.features } } : engine.cueLogit(x.line, 0, false);
    cue.features.context = engine.contextOf(input?.previous);
    return { positive: x.positive, cue, words: engine.claimWords(cue.text) };
  });
}

const groups = new Map();
for (const file of fs.readdirSync(trainDir).filter((f) => f.endsWith('.tsv')).sort()) {
  const group = file.split('-')[0];
  const raw = fs.readFileSync(path.join(trainDir, file), 'utf8').split('\n').map((l) => l.replace(/\r$/, '')).filter((l) => l.trim());
  const split = raw.map((l) => l.split('\t'));
  if (split.length && split.every((cols) => cols.length >= 4 && /^\d+$/.test(cols[0]) && /^[01]$/.test(cols[cols.length - 1].trim()))) {
    groups.set(group, [...(groups.get(group) ?? []), ...transcriptRows(split)]);
    continue;
  }
  let previous;
  for (const cols of split) {
    const [label, sentence] = cols.length >= 3 && /^\d+$/.test(cols[0]) && /^[01]$/.test(cols[1])
      ? [cols[1], cols.slice(2).join('\t')] : [cols[0], cols.slice(1).join('\t')];
    if (!sentence.trim()) { continue; }
    const { cue, last } = lineInputs(sentence.trim());
    // The line before, within the same file: the parts of a transcript need not join up.
    cue.features.context = engine.contextOf(previous);
    previous = last;
    const rows = groups.get(group) ?? [];
    rows.push({ positive: label.trim() === '1', cue, words: engine.claimWords(cue.text) });
    groups.set(group, rows);
  }
}
const all = [...groups.values()].flat();
console.log(`${groups.size} transcripts, ${all.length} lines, ${all.filter((x) => x.positive).length} check-worthy`);

// The questioner cue stays as the rules set it: most training lines carry no speaker label, so the data cannot
// say what a question's premise is worth.
const FIXED = new Set(['questioner']);
const featureNames = [...new Set(all.flatMap((x) => Object.keys(x.cue.features)))].filter((k) => !FIXED.has(k)).sort();

/** The words in at least `minDf` lines of `rows`, the `size` most frequent. */
function vocabulary(rows, size, minDf = 8) {
  const df = new Map();
  for (const x of rows) { for (const w of x.words) { df.set(w, (df.get(w) ?? 0) + 1); } }
  return [...df].filter(([, n]) => n >= minDf).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, size).map(([w]) => w);
}

/** Sparse inputs: index 0 is the cue logit, then the cues, then the words. */
function encode(x, vocab) {
  const idx = [0]; const val = [x.cue.z];
  featureNames.forEach((k, j) => { if (x.cue.features[k]) { idx.push(1 + j); val.push(x.cue.features[k]); } });
  const base = 1 + featureNames.length;
  vocab.forEach((w, j) => { if (x.words.has(w)) { idx.push(base + j); val.push(1); } });
  return { idx, val };
}

// Inputs without a hand-set weight (LEARNED_FEATURES) have no rule to stay near: their penalty, `learned`, is their
// own, so that the search can let them move further than the cues the rules already weigh.
const learnedIndex = new Set(featureNames.map((k, j) => (engine.LEARNED_FEATURES.includes(k) ? 1 + j : -1)).filter((j) => j > 0));

/**
 * Weighted logistic regression by full-batch gradient descent (Adam), the L2 penalty pulling the cue logit's
 * weight towards 1 and the others towards 0 (`lambda`, or `learned` for the inputs the rules do not weigh);
 * check-worthy lines weigh `posWeight` each.
 */
function train(rows, vocab, lambda, posWeight, learned = lambda) {
  const n = 1 + featureNames.length + vocab.length;
  const data = rows.map((x) => ({ ...encode(x, vocab), y: x.positive ? 1 : 0, c: x.positive ? posWeight : 1 }));
  const total = data.reduce((a, d) => a + d.c, 0);
  const penalty = Float64Array.from({ length: n }, (_, j) => (learnedIndex.has(j) ? learned : lambda));
  const prior = new Float64Array(n); prior[0] = 1;
  const w = Float64Array.from(prior); let b = Math.log(rows.filter((x) => x.positive).length / rows.length);
  const m = new Float64Array(n + 1); const v = new Float64Array(n + 1);
  const rate = 0.05; const b1 = 0.9; const b2 = 0.999;
  for (let t = 1; t <= 400; t++) {
    const g = new Float64Array(n); let gb = 0;
    for (const d of data) {
      let z = b;
      for (let k = 0; k < d.idx.length; k++) { z += w[d.idx[k]] * d.val[k]; }
      const err = d.c * (1 / (1 + Math.exp(-z)) - d.y);
      gb += err;
      for (let k = 0; k < d.idx.length; k++) { g[d.idx[k]] += err * d.val[k]; }
    }
    for (let j = 0; j <= n; j++) {
      const grad = j === n ? gb / total : (g[j] + penalty[j] * (w[j] - prior[j])) / total;
      m[j] = b1 * m[j] + (1 - b1) * grad; v[j] = b2 * v[j] + (1 - b2) * grad * grad;
      const step = rate * (m[j] / (1 - b1 ** t)) / (Math.sqrt(v[j] / (1 - b2 ** t)) + 1e-8);
      if (j === n) { b -= step; } else { w[j] -= step; }
    }
  }
  return { w, b, vocab };
}

function logit(model, x) {
  const { idx, val } = encode(x, model.vocab);
  let z = model.b;
  for (let k = 0; k < idx.length; k++) { z += model.w[idx[k]] * val[k]; }
  return z;
}

/** Average precision of a ranking; ties keep the transcript's order, as the evaluation's stable sort does. */
function averagePrecision(scored) {
  const ranked = scored.map((x, k) => ({ ...x, k })).sort((a, b) => b.s - a.s || a.k - b.k);
  let hits = 0; let sum = 0;
  ranked.forEach((x, k) => { if (x.positive) { hits++; sum += hits / (k + 1); } });
  return hits ? sum / hits : 0;
}

const names = [...groups.keys()];
const fmt = (x) => x.toFixed(3);
/** Leave-one-transcript-out: each transcript ranked by a model trained on the others. */
function crossValidate(size, lambda, posWeight, learned) {
  return names.map((held) => {
    const rest = names.filter((g) => g !== held).flatMap((g) => groups.get(g));
    const model = train(rest, vocabulary(rest, size), lambda, posWeight, learned);
    return averagePrecision(groups.get(held).map((x) => ({ positive: x.positive, s: logit(model, x) })));
  });
}
const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;

const rules = names.map((g) => averagePrecision(groups.get(g).map((x) => ({ positive: x.positive, s: x.cue.z }))));
console.log(`the rules alone:            MAP ${fmt(mean(rules))}  (AP ${rules.map(fmt).join(' ')})`);
// --grid VOCAB:LAMBDA:WEIGHT:LEARNED,... replaces the default grid (one setting trains at once with --write); LEARNED
// is the penalty of the inputs without a hand-set weight (LAMBDA when left out).
const grid = opt('--grid')
  ? opt('--grid').split(',').map((s) => {
    const [size, lambda, posWeight, learned] = s.split(':').map(Number);
    return { size, lambda, posWeight: posWeight || 1, learned: learned || lambda };
  })
  : [0, 150].flatMap((size) => [30, 300].flatMap((lambda) => [3, 10, 30, lambda].map((learned) => ({ size, lambda, posWeight: 1, learned }))));
let best;
for (const setting of grid) {
  const aps = crossValidate(setting.size, setting.lambda, setting.posWeight, setting.learned);
  const map = mean(aps);
  console.log(`vocab ${String(setting.size).padStart(3)}, lambda ${String(setting.lambda).padStart(3)}, learned ${String(setting.learned).padStart(3)}, positive weight ${setting.posWeight}: MAP ${fmt(map)}  (AP ${aps.map(fmt).join(' ')})`);
  if (!best || map > best.map) { best = { ...setting, map }; }
}
console.log(`best: vocab ${best.size}, lambda ${best.lambda}, learned ${best.learned}, positive weight ${best.posWeight}, cross-validated MAP ${fmt(best.map)} (the rules: ${fmt(mean(rules))})`);

if (args.includes('--write')) {
  const model = train(all, vocabulary(all, best.size), best.lambda, best.posWeight, best.learned);
  // Mapped back onto the cue logit's scale (same mean and spread over the training lines): the ranking is the
  // same, and a threshold on the score keeps roughly the meaning it had under the rules alone.
  const zs = all.map((x) => logit(model, x));
  const cues = all.map((x) => x.cue.z);
  const sd = (xs) => { const mu = mean(xs); return Math.sqrt(mean(xs.map((x) => (x - mu) ** 2))); };
  const a = sd(cues) / sd(zs); const c = mean(cues) - a * mean(zs);
  const r = (x) => Math.round(x * 1000) / 1000;
  const features = {}; featureNames.forEach((k, j) => { if (r(a * model.w[1 + j])) { features[k] = r(a * model.w[1 + j]); } });
  const words = {}; model.vocab.forEach((w, j) => { const x = r(a * model.w[1 + featureNames.length + j]); if (x) { words[w] = x; } });
  const json = (o) => JSON.stringify(o).replace(/"([a-zA-Z_$][\w$]*)":/g, '$1: ').replace(/,/g, ', ');
  const target = path.join(repoRoot, 'src', 'core', 'suggest', 'claimModel.ts');
  fs.writeFileSync(target, `// The trained weights of the claim score. Generated by scripts/train-claims.mjs; do not edit by hand.
// ${groups.size} transcripts, ${all.length} lines (${all.filter((x) => x.positive).length} check-worthy); vocabulary ${best.size}, lambda ${best.lambda},
// learned inputs' lambda ${best.learned}, positive weight ${best.posWeight}; leave-one-transcript-out MAP ${fmt(best.map)}
// (the rules alone: ${fmt(mean(rules))}).
export interface ClaimModel {
  /** The weight of the hand-set cue logit. */
  cue: number;
  bias: number;
  /** Weights of the cue features, on top of their hand-set weights inside the cue logit. */
  features: Record<string, number>;
  /** Weights of frequent words (see claimWords). */
  words: Record<string, number>;
}

export const CLAIM_MODEL: ClaimModel = {
  cue: ${r(a * model.w[0])},
  bias: ${r(a * model.b + c)},
  features: ${json(features)},
  words: ${json(words)},
};
`);
  console.log(`wrote ${path.relative(repoRoot, target)} (${Object.keys(words).length} words)`);
}
