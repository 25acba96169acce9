// Ranks the transcripts of a CLEF CheckThat! check-worthiness set (2019 Task 1, 2020 Task 5) by the claim score and
// prints each file's average precision and their mean (MAP), the task's measure. The data stays outside the project.
//
//   node scripts/eval-clef.mjs DIR [--json]
//
// DIR holds one transcript a file (*.tsv), in spoken order, lines "id<TAB>speaker<TAB>text<TAB>label" (the CLEF
// format; label 1: check-worthy) or "label<TAB>text". Each transcript is read as the one document a user would
// open: every line "SPEAKER: text" (the speaker in capitals, as a transcript labels its turns), joined by newlines,
// and ranked as `corpus-lens suggest --min-claim-score 0` ranks it: every sentence scored, each line scoring as its
// best sentence, ties kept in spoken order. This is how `npm run eval:suggestions -- --external-claims` reads a
// transcript, so the figures are the same as that command's for the same lines.
import * as esbuild from 'esbuild';
import { createRequire } from 'node:module';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const dir = args.find((a) => !a.startsWith('--'));
if (!dir || !fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
  console.error('usage: node scripts/eval-clef.mjs DIR [--json]');
  process.exit(2);
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'eval-clef-'));
const outfile = path.join(tmp, 'engine.cjs');
await esbuild.build({
  stdin: { contents: "export * from './src/core/suggest/index';", resolveDir: repoRoot, loader: 'ts' },
  bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile, logLevel: 'warning',
});
const engine = createRequire(import.meta.url)(outfile);
fs.rmSync(tmp, { recursive: true, force: true });

/** The lines of one file as the document's lines ("SPEAKER: text") with their labels. */
function readTranscript(raw) {
  return raw.split('\n').filter((l) => l.trim() && !l.startsWith('#')).map((l) => {
    const cols = l.replace(/\r$/, '').split('\t');
    if (cols.length >= 4 && /^\d+$/.test(cols[0])) {
      const text = cols.slice(2, -1).join('\t');
      return { positive: cols[cols.length - 1].trim() === '1', line: `${cols[1].trim().toUpperCase()}: ${text}` };
    }
    return { positive: cols[0].trim() === '1', line: cols.slice(1).join('\t') };
  });
}

/** Each line's score: the best claim score over the sentences it overlaps in the joined document. */
function scoreLines(lines) {
  const doc = lines.map((x) => x.line).join('\n');
  const starts = [];
  let at = 0;
  for (const x of lines) { starts.push(at); at += x.line.length + 1; }
  const best = lines.map(() => 0);
  const claims = engine.suggest(doc, { entities: false, claims: true, minClaimScore: 0 }).filter((x) => x.kind === 'claim');
  // Claims come in text order: a line's overlapping claims start at or after the claims of the lines before it.
  let first = 0;
  for (const c of claims) {
    while (first < lines.length && starts[first] + lines[first].line.length <= c.start) { first++; }
    for (let k = first; k < lines.length && starts[k] < c.end; k++) {
      if (starts[k] + lines[k].line.length > c.start) { best[k] = Math.max(best[k], c.score); }
    }
  }
  return best;
}

/** Average precision of lines sorted by score (a stable sort: ties keep the spoken order). */
function averagePrecision(lines, scores) {
  const ranked = lines.map((x, k) => ({ positive: x.positive, s: scores[k] })).sort((a, b) => b.s - a.s);
  let hits = 0; let sum = 0;
  ranked.forEach((x, k) => { if (x.positive) { hits++; sum += hits / (k + 1); } });
  return hits ? sum / hits : 0;
}

const files = fs.readdirSync(dir).filter((f) => f.endsWith('.tsv')).sort();
const results = files.map((file) => {
  const lines = readTranscript(fs.readFileSync(path.join(dir, file), 'utf8'));
  const ap = averagePrecision(lines, scoreLines(lines));
  return { file, lines: lines.length, positive: lines.filter((x) => x.positive).length, ap };
});
const map = results.length ? results.reduce((a, r) => a + r.ap, 0) / results.length : 0;
if (args.includes('--json')) {
  console.log(JSON.stringify({ files: results, map }, null, 2));
} else {
  for (const r of results) { console.log(`${r.file.padEnd(40)} ${String(r.lines).padStart(5)} lines ${String(r.positive).padStart(4)} check-worthy  AP ${r.ap.toFixed(3)}`); }
  console.log(`${results.length} files, ${results.reduce((a, r) => a + r.lines, 0)} lines, ${results.reduce((a, r) => a + r.positive, 0)} check-worthy: MAP ${map.toFixed(3)}`);
}
