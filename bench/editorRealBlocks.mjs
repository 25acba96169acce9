// The long blocks of a CPU profile (bench/editorReal.mjs writes one of the extension host's thread with
// CORPUS_LENS_BENCH_PROFILE): runs of samples in a row that are not idle and last longer than a limit, and the
// functions the thread spent them in. A profile viewer shows where the time went in all; issue 13's limit is on one
// block at a time, and a function that is cheap in total can be the one that holds the thread for 500 ms at once.
//
// Usage: node bench/editorRealBlocks.mjs FILE.cpuprofile [--over 50] [--top 25] [--blocks FILE.cpuprofile.blocks.json]
//        [--map extension.js.map]
//   Prints each block over the limit (its start in the profile, its length, its three heaviest functions), then the
//   self time and total time of the functions over all those blocks together. Without --blocks a block is a run of
//   busy samples, which can hold several turns of the event loop in a row (slices of work that yield by
//   setImmediate, each short); with the blocks the probe timed (editorReal.mjs writes them beside the profile), a
//   block is the time the probe's timer was late, which is one turn. The .vsix's bundle is minified: --map names
//   its functions by their source, from the map of a build of the same tree with the same options and a source map
//   (esbuild's minified names are the same for the same input). With --blocks each block also says whose it is
//   (editorRealOwners.mjs: our code, the collector, VS Code's, the probe's, or unsampled) and the shares, and a
//   summary per phase follows.
import * as fs from 'node:fs';
import { blockOwners, formatOwnerSummary } from './editorRealOwners.mjs';

function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

const file = process.argv[2];
if (!file) { throw new Error('give a .cpuprofile file'); }
const overMs = arg('over', 50);
const top = arg('top', 25);
const profile = JSON.parse(fs.readFileSync(file, 'utf8'));

/** For each generated line, its mapped segments: [generated column, source index, source line]. */
function decodeMap(file) {
  const map = JSON.parse(fs.readFileSync(file, 'utf8'));
  const digits = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  let source = 0;
  let line = 0;
  const lines = map.mappings.split(';').map((text) => {
    let column = 0;
    const segments = [];
    for (const segment of text.split(',')) {
      if (!segment) { continue; }
      const values = [];
      let value = 0;
      let shift = 0;
      for (const ch of segment) {
        const d = digits.indexOf(ch);
        value += (d & 31) << shift;
        if (d & 32) { shift += 5; continue; }
        values.push(value & 1 ? -(value >>> 1) : value >>> 1);
        value = 0;
        shift = 0;
      }
      column += values[0];
      if (values.length > 1) { source += values[1]; line += values[2]; segments.push([column, source, line]); }
    }
    return segments;
  });
  return { sources: map.sources, lines };
}
const mapAt = process.argv.indexOf('--map');
const sourceMap = mapAt > 0 ? decodeMap(process.argv[mapAt + 1]) : undefined;
/** Where a frame of the bundle comes from, as "src/...:line" (undefined without a map, or outside it). */
const sourceOf = (f) => {
  if (!sourceMap || !f.url.endsWith('/extension.js')) { return undefined; }
  let best;
  for (const s of sourceMap.lines[f.lineNumber] ?? []) { if (s[0] <= f.columnNumber) { best = s; } else { break; } }
  return best && `${sourceMap.sources[best[1]].replace(/^(\.\.\/)+/, '').replace(/^.*?\/(src|bench)\//, '$1/')}:${best[2] + 1}`;
};

const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) { for (const c of n.children ?? []) { parent.set(c, n.id); } }
const name = (n) => {
  const f = n.callFrame;
  const where = sourceOf(f) ?? (f.url ? `${f.url.split('/').slice(-2).join('/')}:${f.lineNumber + 1}` : '');
  return `${f.functionName || '(anonymous)'} ${where}`.trim();
};
/** The distinct functions on a sample's stack, the sampled one first. */
const stack = (id) => {
  const out = [];
  for (let at = id; at !== undefined; at = parent.get(at)) {
    const n = nodes.get(at);
    if (n.callFrame.functionName === '(root)') { break; }
    out.push(name(n));
  }
  return out;
};
const idle = (id) => nodes.get(id).callFrame.functionName === '(idle)';

// A sample's time is the delta to the next sample: the thread was where the sample says until then.
const { samples, timeDeltas } = profile;
const times = new Float64Array(samples.length);
let t = profile.startTime;
for (let i = 0; i < samples.length; i++) { t += timeDeltas[i]; times[i] = t; }
const spent = (i) => (i + 1 < samples.length ? times[i + 1] - times[i] : 0) / 1000;

const blocks = [];
const timed = process.argv.indexOf('--blocks');
const timedBlocks = timed > 0 ? JSON.parse(fs.readFileSync(process.argv[timed + 1], 'utf8')) : [];
const owned = blockOwners(profile, timedBlocks, overMs);
if (timed > 0) {
  // The probe's timer fires every 10 ms: a lateness of `ms` ending at `endUs` held the thread from about then.
  for (const b of timedBlocks) {
    if (b.ms <= overMs) { continue; }
    const from = b.endUs - b.ms * 1000;
    let start = samples.length;
    let end = samples.length;
    for (let i = 0; i < samples.length; i++) {
      if (start === samples.length && times[i] >= from) { start = i; }
      if (times[i] > b.endUs) { end = i; break; }
    }
    const o = owned.find((x) => x.endUs === b.endUs);
    if (start < end) { blocks.push({ start, end, ms: b.ms, owner: o }); }
  }
} else {
  let start = -1;
  for (let i = 0; i <= samples.length; i++) {
    const busy = i < samples.length && !idle(samples[i]);
    if (busy && start < 0) { start = i; }
    if (!busy && start >= 0) {
      const ms = (times[i - 1] - times[start]) / 1000 + spent(i - 1);
      if (ms > overMs) { blocks.push({ start, end: i, ms }); }
      start = -1;
    }
  }
}

const self = new Map();
const total = new Map();
const add = (map, key, ms) => map.set(key, (map.get(key) ?? 0) + ms);
for (const b of blocks) {
  const mine = new Map();
  for (let i = b.start; i < b.end; i++) {
    const ms = spent(i);
    const s = stack(samples[i]);
    add(self, s[0], ms);
    add(mine, s[0], ms);
    for (const f of new Set(s)) { add(total, f, ms); }
  }
  const heavy = [...mine].sort((x, y) => y[1] - x[1]).slice(0, 3).map(([f, ms]) => `${f} ${ms.toFixed(0)}`).join('; ');
  const o = b.owner && ` ${b.owner.phase}, ${b.owner.owner} (${Object.entries(b.owner.shares).filter(([, ms]) => ms >= 0.5).map(([k, ms]) => `${k} ${ms.toFixed(0)}`).join(', ')})`;
  console.log(`at ${((times[b.start] - profile.startTime) / 1e6).toFixed(1)} s: ${b.ms.toFixed(0)} ms${o ?? ''}  [${heavy}]`);
}
if (timed > 0) { console.log(''); for (const line of formatOwnerSummary(owned, overMs)) { console.log(line); } }
const sum = blocks.reduce((s, b) => s + b.ms, 0);
console.log(`\n${blocks.length} blocks over ${overMs} ms, ${sum.toFixed(0)} ms in all; longest ${Math.max(0, ...blocks.map((b) => b.ms)).toFixed(0)} ms`);
const list = (title, map) => {
  console.log(`\n${title}`);
  for (const [f, ms] of [...map].sort((x, y) => y[1] - x[1]).slice(0, top)) { console.log(`${ms.toFixed(0).padStart(8)} ms  ${f}`); }
};
list('self time in those blocks', self);
list('total time in those blocks', total);
