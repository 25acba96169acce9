// The long blocks of a CPU profile (bench/editorReal.mjs writes one of the extension host's thread with
// CORPUS_LENS_BENCH_PROFILE): runs of samples in a row that are not idle and last longer than a limit, and the
// functions the thread spent them in. A profile viewer shows where the time went in all; issue 13's limit is on one
// block at a time, and a function that is cheap in total can be the one that holds the thread for 500 ms at once.
//
// Usage: node bench/editorRealBlocks.mjs FILE.cpuprofile [--over 50] [--top 25]
//   Prints each block over the limit (its start in the profile, its length, its three heaviest functions), then the
//   self time and total time of the functions over all those blocks together.
import * as fs from 'node:fs';

function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

const file = process.argv[2];
if (!file) { throw new Error('give a .cpuprofile file'); }
const overMs = arg('over', 50);
const top = arg('top', 25);
const profile = JSON.parse(fs.readFileSync(file, 'utf8'));

const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) { for (const c of n.children ?? []) { parent.set(c, n.id); } }
const name = (n) => {
  const f = n.callFrame;
  const where = f.url ? `${f.url.split('/').slice(-2).join('/')}:${f.lineNumber + 1}` : '';
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
  console.log(`at ${((times[b.start] - profile.startTime) / 1e6).toFixed(1)} s: ${b.ms.toFixed(0)} ms  [${heavy}]`);
}
const sum = blocks.reduce((s, b) => s + b.ms, 0);
console.log(`\n${blocks.length} blocks over ${overMs} ms, ${sum.toFixed(0)} ms in all; longest ${Math.max(0, ...blocks.map((b) => b.ms)).toFixed(0)} ms`);
const list = (title, map) => {
  console.log(`\n${title}`);
  for (const [f, ms] of [...map].sort((x, y) => y[1] - x[1]).slice(0, top)) { console.log(`${ms.toFixed(0).padStart(8)} ms  ${f}`); }
};
list('self time in those blocks', self);
list('total time in those blocks', total);
