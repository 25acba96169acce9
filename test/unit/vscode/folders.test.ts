// The feature folders of src/vscode form a graph without cycles: every import of a module in another folder is an
// edge from its folder to that one, and no folder reaches itself through them. That is what lets activate()
// compose the folders in one order, each register(deps) given what the folders before it made. (The lint rule on
// platform/ keeps it at the bottom; this holds the rest in order.)
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.join(__dirname, '..', '..', '..', '..', 'src', 'vscode');

/** Folder to the folders its modules import (type-only imports too: they tie the folders' code as much). */
export type FolderGraph = Map<string, Set<string>>;

/** The folder graph of the TypeScript modules under `root` (a module directly under it is in no folder). */
export function folderGraph(root: string): FolderGraph {
  const graph: FolderGraph = new Map();
  const walk = (dir: string): string[] => fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []);
  for (const file of walk(root)) {
    const from = path.relative(root, file).split(path.sep)[0];
    if (from.endsWith('.ts')) { continue; }
    const edges = graph.get(from) ?? new Set<string>();
    graph.set(from, edges);
    const text = fs.readFileSync(file, 'utf8');
    for (const m of text.matchAll(/(?:from|import)\s*\(?\s*'(\.[^']*)'/g)) {
      const target = path.relative(root, path.resolve(path.dirname(file), m[1])).split(path.sep);
      if (target[0] === '..' || target.length < 2) { continue; } // outside src/vscode, or src/vscode itself
      if (target[0] !== from) { edges.add(target[0]); }
    }
  }
  return graph;
}

/** A cycle of the graph (its folders, the first repeated at the end), or undefined when it has none. */
export function findCycle(graph: FolderGraph): string[] | undefined {
  const state = new Map<string, 'open' | 'done'>();
  const trail: string[] = [];
  const visit = (node: string): string[] | undefined => {
    if (state.get(node) === 'done') { return undefined; }
    if (state.get(node) === 'open') { return [...trail.slice(trail.indexOf(node)), node]; }
    state.set(node, 'open');
    trail.push(node);
    for (const next of [...(graph.get(node) ?? [])].sort()) {
      const cycle = visit(next);
      if (cycle) { return cycle; }
    }
    trail.pop();
    state.set(node, 'done');
    return undefined;
  };
  for (const node of [...graph.keys()].sort()) {
    const cycle = visit(node);
    if (cycle) { return cycle; }
  }
  return undefined;
}

describe('vscode feature folders', () => {
  it('finds a cycle between folders, and none in a chain', () => {
    const chain: FolderGraph = new Map([['views', new Set(['tagging'])], ['tagging', new Set(['platform'])], ['platform', new Set()]]);
    assert.equal(findCycle(chain), undefined);
    const loop: FolderGraph = new Map([['findings', new Set(['tagging', 'platform'])], ['tagging', new Set(['findings'])], ['platform', new Set()]]);
    assert.deepEqual(findCycle(loop), ['findings', 'tagging', 'findings']);
  });

  it('import each other in one direction only', () => {
    const graph = folderGraph(ROOT);
    assert.ok(graph.size >= 8, [...graph.keys()].join(', '));
    const cycle = findCycle(graph);
    assert.equal(cycle, undefined, `the folders import each other in a cycle: ${cycle?.join(' -> ')}`);
  });

  it('each export one register(deps) from an index', () => {
    for (const folder of folderGraph(ROOT).keys()) {
      const index = path.join(ROOT, folder, 'index.ts');
      assert.ok(fs.existsSync(index), `${folder}/index.ts`);
      assert.match(fs.readFileSync(index, 'utf8'), /^export function register\(/m, `${folder}/index.ts exports register`);
    }
  });
});
