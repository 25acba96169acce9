// Acceptance on the hand-labelled seed documents in ../shared (when that folder is present): at least 90% of
// the labelled boilerplate lines flagged, at most one content line flagged per file, and the table of contents
// and the link list of document 003 flagged. Shapes are counted across the four files as the index does.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { blockShapes, detectBoilerplate } from '../../../../src/core/detect/boilerplate';
import { TextModel } from '../../../../src/core/text';

function findRepoRoot(from: string): string {
  let dir = from;
  while (!fs.existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) { dir = path.dirname(dir); }
  return dir;
}

const repoRoot = findRepoRoot(__dirname);
const shared = path.resolve(repoRoot, '..', 'shared');
const seedsDir = path.join(shared, 'seeds');
const goldPath = path.join(shared, 'gold', 'seeds.yaml');

/** "4-12" or 43 → the 1-based line numbers. */
function expand(ranges: (string | number)[]): Set<number> {
  const out = new Set<number>();
  for (const r of ranges) {
    const [a, b] = String(r).split('-').map(Number);
    for (let l = a; l <= (b ?? a); l++) { out.add(l); }
  }
  return out;
}

interface SeedResult {
  name: string;
  lines: string[];
  /** 1-based lines touched by a boilerplate finding. */
  flagged: Set<number>;
}

function scanSeeds(): SeedResult[] {
  const names = fs.readdirSync(seedsDir).filter((f) => f.endsWith('.txt')).sort();
  const docs = names.map((name) => {
    const model = new TextModel(fs.readFileSync(path.join(seedsDir, name), 'utf8'));
    const blocks = model.blocks();
    return { name, model, blocks, shapes: blockShapes(model, blocks) };
  });
  const filesWith = new Map<number, number>();
  for (const d of docs) {
    for (const s of new Set(d.shapes)) { if (s !== 0) { filesWith.set(s, (filesWith.get(s) ?? 0) + 1); } }
  }
  const stats = { totalFiles: docs.length, filesWithShape: (s: number) => filesWith.get(s) ?? 0 };
  return docs.map((d) => {
    const flagged = new Set<number>();
    for (const f of detectBoilerplate(d.model, d.blocks, stats)) {
      const a = d.model.positionAt(f.start).line;
      const b = d.model.positionAt(f.end).line;
      for (let l = a; l <= b; l++) { flagged.add(l + 1); }
    }
    const lines = Array.from({ length: d.model.lineCount }, (_, i) => d.model.lineText(i));
    return { name: d.name, lines, flagged };
  });
}

describe('boilerplate on the labelled seed documents', function () {
  let results: SeedResult[] = [];
  let gold: Record<string, (string | number)[]> = {};

  before(function () {
    if (!fs.existsSync(seedsDir) || !fs.existsSync(goldPath)) { this.skip(); }
    gold = (parse(fs.readFileSync(goldPath, 'utf8')) as { boilerplate_lines: Record<string, (string | number)[]> }).boilerplate_lines;
    results = scanSeeds();
  });

  it('flags at least 90% of the labelled boilerplate lines', function () {
    let labelled = 0;
    let hit = 0;
    const missed: string[] = [];
    for (const r of results) {
      for (const l of expand(gold[r.name] ?? [])) {
        if (r.lines[l - 1] === undefined || r.lines[l - 1].trim() === '') { continue; }
        labelled++;
        if (r.flagged.has(l)) { hit++; } else { missed.push(`${r.name}:${l}`); }
      }
    }
    assert.ok(labelled > 0);
    assert.ok(hit / labelled >= 0.9, `flagged ${hit} of ${labelled}; missed ${missed.join(', ')}`);
  });

  it('flags at most one content line of each file', function () {
    for (const r of results) {
      const bp = expand(gold[r.name] ?? []);
      const wrong = [...r.flagged].filter((l) => !bp.has(l) && r.lines[l - 1]?.trim());
      assert.ok(wrong.length <= 1, `${r.name}: content lines flagged: ${wrong.map((l) => `${l} "${r.lines[l - 1].slice(0, 60)}"`).join('; ')}`);
    }
  });

  it('flags the table of contents and the link list of 003', function () {
    const r = results.find((x) => x.name.startsWith('003_'));
    assert.ok(r, 'document 003 is among the seeds');
    for (const l of expand(['4-12', '15-19'])) {
      assert.ok(r.flagged.has(l), `003 line ${l} "${r.lines[l - 1]}" is not flagged`);
    }
  });
});
