// What a heap snapshot of the extension host holds, grouped by what retains it: written for the snapshot that
// bench/editorReal.mjs takes with CORPUS_LENS_BENCH_HEAPSNAPSHOT (the host's heap as indexing ends), to tell the
// extension's own objects (the findings store, the views, the diagnostics collections) from VS Code's.
//
// Usage: node --max-old-space-size=8192 bench/heapSnapshot.mjs FILE.heapsnapshot [--min MB] [--depth N]
//   prints the heap by object type, then the dominator tree from the roots down to every node that retains at
//   least --min MB (default 4), each named by the edge it was reached by and its constructor.
//
// A snapshot of a 500 MB heap is a JSON file of more than the longest string V8 makes, so it is read as bytes and
// its arrays of numbers are scanned into typed arrays; the strings are decoded one at a time.
import * as fs from 'node:fs';

const MB = 1024 * 1024;

function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
}

/** The index just past `needle` in `buf` from `from` (throws when it is not there). */
function after(buf, needle, from) {
  const i = buf.indexOf(needle, from, 'latin1');
  if (i < 0) { throw new Error(`no ${needle} in the snapshot`); }
  return i + needle.length;
}

/** Reads the unsigned integers of a JSON array that starts at `at` into `out`; returns the index past its `]`. */
function scanNumbers(buf, at, out) {
  let n = 0;
  let value = 0;
  let inNumber = false;
  for (let i = at; i < buf.length; i++) {
    const c = buf[i];
    if (c >= 48 && c <= 57) {
      value = value * 10 + (c - 48);
      inNumber = true;
    } else {
      if (inNumber) { out[n++] = value; value = 0; inNumber = false; }
      if (c === 93) {
        if (n !== out.length) { throw new Error(`expected ${out.length} numbers, read ${n}`); }
        return i + 1;
      }
    }
  }
  throw new Error('the snapshot ends inside an array');
}

/** Decodes the JSON array of strings that starts at `at`. */
function scanStrings(buf, at) {
  const strings = [];
  let i = at;
  for (;;) {
    while (buf[i] !== 34 && buf[i] !== 93) { i++; }
    if (buf[i] === 93) { return strings; }
    const start = i;
    i++;
    while (buf[i] !== 34) { i += buf[i] === 92 ? 2 : 1; }
    i++;
    strings.push(JSON.parse(buf.toString('utf8', start, i)));
  }
}

function load(file) {
  const buf = fs.readFileSync(file);
  const nodesAt = after(buf, '"nodes":[', 0);
  const head = buf.toString('utf8', 0, nodesAt - '"nodes":['.length).replace(/,\s*$/, '');
  const { snapshot } = JSON.parse(`${head}}`);
  const meta = snapshot.meta;
  const nodeFields = meta.node_fields.length;
  const edgeFields = meta.edge_fields.length;
  const nodes = new Float64Array(snapshot.node_count * nodeFields);
  const edgesAt = after(buf, '"edges":[', scanNumbers(buf, nodesAt, nodes));
  const edges = new Uint32Array(snapshot.edge_count * edgeFields);
  const rest = scanNumbers(buf, edgesAt, edges);
  const strings = scanStrings(buf, after(buf, '"strings":[', rest));
  return { meta, nodes, edges, strings, nodeCount: snapshot.node_count, edgeCount: snapshot.edge_count, nodeFields, edgeFields };
}

function analyse(s) {
  const { meta, nodes, edges, strings, nodeCount: N, nodeFields: NF, edgeFields: EF } = s;
  const f = (name) => meta.node_fields.indexOf(name);
  const [TYPE, NAME, SIZE, EDGES] = [f('type'), f('name'), f('self_size'), f('edge_count')];
  const [ETYPE, ENAME, ETO] = ['type', 'name_or_index', 'to_node'].map((n) => meta.edge_fields.indexOf(n));
  const nodeTypes = meta.node_types[0];
  const edgeTypes = meta.edge_types[0];
  const WEAK = edgeTypes.indexOf('weak');
  const SHORTCUT = edgeTypes.indexOf('shortcut');
  const firstEdge = new Uint32Array(N + 1);
  for (let n = 0; n < N; n++) { firstEdge[n + 1] = firstEdge[n] + nodes[n * NF + EDGES]; }
  const strong = (e) => { const t = edges[e * EF + ETYPE]; return t !== WEAK && t !== SHORTCUT; };

  // Postorder of a depth-first walk from the root along strong edges; the edge each node was first reached by.
  const post = new Uint32Array(N);
  const order = new Int32Array(N).fill(-1);
  const via = new Int32Array(N).fill(-1);
  const stack = new Uint32Array(N);
  const cursor = new Uint32Array(N);
  const seen = new Uint8Array(N);
  let top = 0;
  let count = 0;
  stack[top++] = 0;
  seen[0] = 1;
  cursor[0] = firstEdge[0];
  while (top > 0) {
    const n = stack[top - 1];
    if (cursor[n] < firstEdge[n + 1]) {
      const e = cursor[n]++;
      if (!strong(e)) { continue; }
      const to = edges[e * EF + ETO] / NF;
      if (!seen[to]) { seen[to] = 1; via[to] = e; cursor[to] = firstEdge[to]; stack[top++] = to; }
    } else {
      top--;
      order[n] = count;
      post[count++] = n;
    }
  }

  // Predecessors along strong edges, among the reachable nodes.
  const predCount = new Uint32Array(N + 1);
  for (let n = 0; n < N; n++) {
    if (!seen[n]) { continue; }
    for (let e = firstEdge[n]; e < firstEdge[n + 1]; e++) { if (strong(e)) { predCount[edges[e * EF + ETO] / NF + 1]++; } }
  }
  for (let n = 0; n < N; n++) { predCount[n + 1] += predCount[n]; }
  const preds = new Uint32Array(predCount[N]);
  const fill = predCount.slice(0, N);
  for (let n = 0; n < N; n++) {
    if (!seen[n]) { continue; }
    for (let e = firstEdge[n]; e < firstEdge[n + 1]; e++) { if (strong(e)) { preds[fill[edges[e * EF + ETO] / NF]++] = n; } }
  }

  // Immediate dominators by Cooper, Harvey and Kennedy's iteration, over postorder numbers.
  const root = count - 1;
  const idom = new Int32Array(count).fill(-1);
  idom[root] = root;
  for (let changed = true; changed;) {
    changed = false;
    for (let p = root - 1; p >= 0; p--) {
      const n = post[p];
      let best = -1;
      for (let k = predCount[n]; k < predCount[n + 1]; k++) {
        let q = order[preds[k]];
        if (q < 0 || idom[q] < 0) { continue; }
        if (best < 0) { best = q; continue; }
        let a = best;
        while (a !== q) {
          while (a < q) { a = idom[a]; }
          while (q < a) { q = idom[q]; }
        }
        best = a;
      }
      if (best >= 0 && idom[p] !== best) { idom[p] = best; changed = true; }
    }
  }
  const retained = new Float64Array(count);
  for (let p = 0; p < count; p++) { retained[p] += nodes[post[p] * NF + SIZE]; if (p !== root) { retained[idom[p]] += retained[p]; } }

  const label = (n) => {
    const type = nodeTypes[nodes[n * NF + TYPE]];
    const name = strings[nodes[n * NF + NAME]];
    if (type === 'object' || type === 'closure' || type === 'native' || type === 'synthetic') { return `${name.slice(0, 60)}${type === 'closure' ? '()' : ''}`; }
    return `(${type})`;
  };
  const edgeLabel = (n) => {
    const e = via[n];
    if (e < 0) { return ''; }
    const t = edgeTypes[edges[e * EF + ETYPE]];
    const v = edges[e * EF + ENAME];
    return t === 'element' || t === 'hidden' ? `[${v}]` : String(strings[v]).slice(0, 50);
  };

  let total = 0;
  const byType = new Map();
  for (let p = 0; p < count; p++) {
    const n = post[p];
    const size = nodes[n * NF + SIZE];
    total += size;
    const key = label(n);
    const entry = byType.get(key) ?? { count: 0, size: 0 };
    entry.count++;
    entry.size += size;
    byType.set(key, entry);
  }
  console.log(`${count.toLocaleString('en-US')} reachable nodes of ${N.toLocaleString('en-US')}, ${(total / MB).toFixed(1)} MB`);
  console.log('\nby type (self size):');
  for (const [key, v] of [...byType].sort((a, b) => b[1].size - a[1].size).slice(0, 30)) {
    console.log(`  ${(v.size / MB).toFixed(1).padStart(8)} MB ${v.count.toLocaleString('en-US').padStart(11)}  ${key}`);
  }

  const children = new Map();
  for (let p = 0; p < root; p++) {
    if (retained[p] < minBytes) { continue; }
    const d = idom[p];
    if (!children.has(d)) { children.set(d, []); }
    children.get(d).push(p);
  }
  // What each node shown holds apart from the nodes shown under it, by type: the many small objects of a Map or
  // an array (each under the threshold) are said as a count, not left out.
  const owner = new Int32Array(count);
  const own = new Map();
  for (let p = root; p >= 0; p--) {
    owner[p] = p === root || retained[p] >= minBytes ? p : owner[idom[p]];
    const key = `${owner[p]} ${label(post[p])}`;
    const entry = own.get(key) ?? { count: 0, size: 0 };
    entry.count++;
    entry.size += nodes[post[p] * NF + SIZE];
    own.set(key, entry);
  }
  const ownTypes = new Map();
  for (const [key, v] of own) {
    const space = key.indexOf(' ');
    const o = Number(key.slice(0, space));
    if (!ownTypes.has(o)) { ownTypes.set(o, []); }
    ownTypes.get(o).push([key.slice(space + 1), v]);
  }
  console.log(`\ndominator tree (retained size, what it is, the edge it is reached by), nodes of ${minBytes / MB} MB or more;`);
  console.log('beneath each, the largest kinds of what it holds besides the nodes shown under it:');
  const walk = (p, depth) => {
    const n = post[p];
    const pad = '  '.repeat(depth + 1);
    console.log(`${pad}${(retained[p] / MB).toFixed(1)} MB  ${label(n)}  <- ${edgeLabel(n)}`);
    const kinds = (ownTypes.get(p) ?? []).sort((a, b) => b[1].size - a[1].size).filter(([, v]) => v.size >= minBytes / 4).slice(0, 6);
    if (kinds.length > 0 && p !== root) {
      console.log(`${pad}    (${kinds.map(([k, v]) => `${k} ${v.count.toLocaleString('en-US')}: ${(v.size / MB).toFixed(1)} MB`).join('; ')})`);
    }
    if (depth >= maxDepth) { return; }
    for (const c of (children.get(p) ?? []).sort((a, b) => retained[b] - retained[a])) { walk(c, depth + 1); }
  };
  walk(root, 0);
}

const file = process.argv[2];
const minBytes = Number(arg('min', 4)) * MB;
const maxDepth = Number(arg('depth', 14));
if (!file) { throw new Error('give a .heapsnapshot file'); }
analyse(load(file));
