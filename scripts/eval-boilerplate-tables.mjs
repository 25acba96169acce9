// The diagnostic tables of `npm run eval:boilerplate`, computed from a scan report and a dev set's gold: what each
// finding code removes (article text against boilerplate), how well the findings' scores match how often they are
// right (a reliability table), and how much article text survives when only findings at or above a score are
// removed. The official figures come from each set's own score.py; these tables only explain them.
import * as fs from 'node:fs';
import * as path from 'node:path';

/** The whitespace fold of trafilatura's evaluation (and of the snippets set's score.py). */
const norm = (s) => s.replace(/[\s\u200b\u200c\u200d\ufeff]+/g, ' ').trim();

/** 0-based line numbers a finding covers (its last line not when it ends at character 0 of a later line). */
function linesOf(f) {
  const a = f.range.start.line;
  let b = f.range.end.line;
  if (f.range.end.character === 0 && b > a) { b--; }
  const out = [];
  for (let l = a; l <= b; l++) { out.push(l); }
  return out;
}

/**
 * A gold judge per line of each page: `{ chars, boilerplate }` or undefined when the line is not scored.
 * News set: the line labels (English pages, neither ambiguous nor inside <h1>, as its score.py counts them).
 */
export function newsJudge(labelsFile, keepDoc) {
  const meta = path.join(path.dirname(labelsFile), 'docs.jsonl');
  const notEnglish = new Set(fs.existsSync(meta)
    ? fs.readFileSync(meta, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l)).filter((m) => m.english === false).map((m) => m.doc ?? m.id)
    : []);
  const byDoc = new Map();
  for (const line of fs.readFileSync(labelsFile, 'utf8').split('\n')) {
    if (!line.trim()) { continue; }
    const r = JSON.parse(line);
    if (r.ambiguous || r.in_h1 || notEnglish.has(r.doc) || !keepDoc(r.doc)) { continue; }
    if (!byDoc.has(r.doc)) { byDoc.set(r.doc, new Map()); }
    byDoc.get(r.doc).set(r.line - 1, { chars: r.text.length, boilerplate: r.label === 'boilerplate' });
  }
  return { pageOf: (file) => path.basename(file).replace(/\.txt$/, ''), lines: byDoc };
}

/**
 * Snippets set: a line is article text when it lies inside a `with` snippet or holds one, boilerplate the same way
 * for `without`; a line touching neither (or both) is not judged.
 */
export function snippetJudge(snippetsFile, docsDir, keepDoc) {
  const byDoc = new Map();
  for (const row of fs.readFileSync(snippetsFile, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l))) {
    if (!keepDoc(row.doc)) { continue; }
    const text = fs.readFileSync(path.join(docsDir, row.path), 'utf8');
    const withs = row.with.map(norm).filter((s) => s.length > 0);
    const withouts = row.without.map(norm).filter((s) => s.length > 0);
    const touches = (l, snips) => snips.some((s) => s.includes(l) || l.includes(s));
    const judged = new Map();
    text.split('\n').forEach((raw, i) => {
      const l = norm(raw);
      if (l.length === 0) { return; }
      const content = touches(l, withs);
      const bp = touches(l, withouts);
      if (content !== bp) { judged.set(i, { chars: l.length, boilerplate: bp }); }
    });
    byDoc.set(row.path, judged);
  }
  return { pageOf: (file) => file.replace(/^\.\//, ''), lines: byDoc };
}

/** Per finding code: characters of judged article text and of judged boilerplate that its findings cover. */
export function codeTable(report, judge) {
  const per = new Map();
  let totalBp = 0, totalContent = 0;
  for (const judged of judge.lines.values()) {
    for (const j of judged.values()) { if (j.boilerplate) { totalBp += j.chars; } else { totalContent += j.chars; } }
  }
  for (const file of report.files) {
    const judged = judge.lines.get(judge.pageOf(file.path));
    if (!judged) { continue; }
    for (const f of file.findings) {
      if (f.kind !== 'boilerplate') { continue; }
      const c = per.get(f.code) ?? { findings: 0, content: 0, boilerplate: 0 };
      c.findings++;
      for (const l of linesOf(f)) {
        const j = judged.get(l);
        if (j) { c[j.boilerplate ? 'boilerplate' : 'content'] += j.chars; }
      }
      per.set(f.code, c);
    }
  }
  const rows = [...per].sort((a, b) => b[1].content - a[1].content);
  const lines = [`  ${'code'.padEnd(36)} ${'findings'.padStart(8)} ${'article'.padStart(8)} ${'boilerpl'.padStart(8)} ${'P'.padStart(6)} ${'R'.padStart(6)} ${'art.lost'.padStart(8)}`];
  for (const [code, c] of rows) {
    const p = c.content + c.boilerplate === 0 ? 0 : c.boilerplate / (c.content + c.boilerplate);
    lines.push(`  ${code.padEnd(36)} ${String(c.findings).padStart(8)} ${String(c.content).padStart(8)} ${String(c.boilerplate).padStart(8)} ${p.toFixed(3).padStart(6)} ${(c.boilerplate / Math.max(1, totalBp)).toFixed(3).padStart(6)} ${(c.content / Math.max(1, totalContent)).toFixed(3).padStart(8)}`);
  }
  return lines.join('\n');
}

/** Each judged finding's code, score and gold: boilerplate when most of its judged characters are. */
export function findingOutcomes(report, judge) {
  const out = [];
  for (const file of report.files) {
    const judged = judge.lines.get(judge.pageOf(file.path));
    if (!judged) { continue; }
    for (const f of file.findings) {
      if (f.kind !== 'boilerplate') { continue; }
      let bp = 0, content = 0;
      for (const l of linesOf(f)) {
        const j = judged.get(l);
        if (j) { if (j.boilerplate) { bp += j.chars; } else { content += j.chars; } }
      }
      if (bp + content > 0) { out.push({ code: f.code, score: f.score, boilerplate: bp >= content }); }
    }
  }
  return out;
}

/** Findings (findingOutcomes) binned by score, and by code: how many, their mean score, how often boilerplate. */
export function reliabilityTable(outcomes) {
  const bins = [0.5, 0.6, 0.7, 0.8, 0.9, 1.01];
  const rows = [`  ${'score'.padEnd(11)} ${'findings'.padStart(8)} ${'mean'.padStart(6)} ${'observed'.padStart(8)}`];
  let weightedGap = 0;
  for (let b = -1; b < bins.length - 1; b++) {
    const lo = b < 0 ? 0 : bins[b];
    const hi = b < 0 ? bins[0] : bins[b + 1];
    const inBin = outcomes.filter((o) => o.score >= lo && o.score < hi);
    if (inBin.length === 0) { continue; }
    const mean = inBin.reduce((a, o) => a + o.score, 0) / inBin.length;
    const seen = inBin.filter((o) => o.boilerplate).length / inBin.length;
    weightedGap += Math.abs(mean - seen) * inBin.length;
    rows.push(`  ${`${lo.toFixed(1)}-${Math.min(1, hi).toFixed(1)}`.padEnd(11)} ${String(inBin.length).padStart(8)} ${mean.toFixed(3).padStart(6)} ${seen.toFixed(3).padStart(8)}`);
  }
  rows.push(`  expected calibration error ${(weightedGap / Math.max(1, outcomes.length)).toFixed(3)} over ${outcomes.length} judged findings`);
  rows.push(`  ${'by code'.padEnd(36)} ${'findings'.padStart(8)} ${'mean'.padStart(6)} ${'observed'.padStart(8)}`);
  const codes = [...new Set(outcomes.map((o) => o.code))].sort();
  for (const code of codes) {
    const of = outcomes.filter((o) => o.code === code);
    const mean = of.reduce((a, o) => a + o.score, 0) / of.length;
    rows.push(`  ${code.padEnd(36)} ${String(of.length).padStart(8)} ${mean.toFixed(3).padStart(6)} ${(of.filter((o) => o.boilerplate).length / of.length).toFixed(3).padStart(8)}`);
  }
  return rows.join('\n');
}

/** Share of judged article characters kept, and of boilerplate characters removed, removing findings >= t only. */
export function thresholdTable(report, judge, thresholds) {
  const rows = [`  ${'min score'.padEnd(10)} ${'article kept'.padStart(12)} ${'boilerplate removed'.padStart(19)}`];
  for (const t of thresholds) {
    let content = 0, contentKept = 0, bp = 0, bpRemoved = 0;
    for (const file of report.files) {
      const judged = judge.lines.get(judge.pageOf(file.path));
      if (!judged) { continue; }
      const removed = new Set();
      for (const f of file.findings) {
        if (f.kind === 'boilerplate' && f.score >= t) { for (const l of linesOf(f)) { removed.add(l); } }
      }
      for (const [l, j] of judged) {
        if (j.boilerplate) { bp += j.chars; if (removed.has(l)) { bpRemoved += j.chars; } }
        else { content += j.chars; if (!removed.has(l)) { contentKept += j.chars; } }
      }
    }
    rows.push(`  ${t.toFixed(2).padEnd(10)} ${(contentKept / Math.max(1, content)).toFixed(3).padStart(12)} ${(bpRemoved / Math.max(1, bp)).toFixed(3).padStart(19)}`);
  }
  return rows.join('\n');
}

/**
 * Snippets set: the snippets the report gets wrong, as its score.py counts them (a snippet is kept when it stands
 * in the page's kept lines joined): article (`with`) snippets removed and boilerplate (`without`) snippets kept,
 * each with the page, the line that holds it (or the first line inside it) and the code of the finding there. The
 * line lists (printErrors) are dominated by one-word lines inside a longer snippet, which lose nothing; this list is
 * what recall and precision move by.
 */
export function snippetErrors(report, snippetsFile, docsDir, keepDoc) {
  const byPath = new Map(report.files.map((f) => [f.path.replace(/^\.\//, ''), f.findings]));
  const out = [];
  for (const row of fs.readFileSync(snippetsFile, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l))) {
    if (!keepDoc(row.doc)) { continue; }
    const text = fs.readFileSync(path.join(docsDir, row.path), 'utf8');
    const lines = text ? text.split('\n').slice(0, -1) : [];
    const cover = new Map();
    for (const f of byPath.get(row.path) ?? []) {
      if (f.kind !== 'boilerplate') { continue; }
      for (const l of linesOf(f)) { if (!cover.has(l)) { cover.set(l, f); } }
    }
    const normed = lines.map(norm);
    const full = norm(lines.join('\n'));
    const kept = norm(lines.filter((_, i) => !cover.has(i)).join('\n'));
    for (const [kind, snips] of [['ARTICLE-LOST', row.with], ['BOILERPLATE-KEPT', row.without]]) {
      for (const snip of snips) {
        const s = norm(snip);
        if (!s || !full.includes(s) || kept.includes(s) !== (kind === 'BOILERPLATE-KEPT')) { continue; }
        let at = normed.findIndex((l) => l.includes(s));
        if (at < 0) { at = normed.findIndex((l) => l.length > 0 && s.includes(l) && (kind === 'BOILERPLATE-KEPT') !== cover.has(normed.indexOf(l))); }
        const f = at >= 0 ? cover.get(at) : undefined;
        out.push({ kind, page: row.path, line: at + 1, why: f ? `[${f.code} ${f.score}]` : '', snippet: s });
      }
    }
  }
  return out;
}
