// Whose each long block of the extension host's thread is, from a CPU profile of it (bench/editorReal.mjs writes
// one with CORPUS_LENS_BENCH_PROFILE, and the blocks its probe timed beside it). Issue 13 bars the host's thread
// from being blocked more than 50 ms, but the host runs VS Code's own code and the bench's probe as well as ours,
// and the machine's other processes take its cores: a block is counted against the extension only when the largest
// share of it was spent in the extension's code, in the Node IPC of its workers' messages, or in the collector.
//
// A sample's stack decides its owner:
//   ours       a frame of the extension's bundle (its dist/*.js) is on the stack, or the serialization of Node's
//              child_process channel (the workers' replies are parsed there: VS Code's own host protocol runs over
//              a socket; VS Code's own spawns, as of its port finder, are not ours);
//   collector  V8's "(garbage collector)": the host's heap is mostly ours (docs/scaling.md, the heap snapshot), so
//              a collection is counted with ours, though VS Code's garbage is in it too;
//   probe      the bench's own probe (editorRealProbe.cjs), also where it calls the extension's API;
//   vscode     any other JavaScript (VS Code, its built-in extensions, Node's other internals);
//   none       "(program)" and "(idle)" samples (native code outside JavaScript);
//   scheduler  the time the thread waited for a core (the probe reads the scheduler's counters of the thread, see
//              editorRealProbe.cjs): the machine's other processes, or the host's own other threads, had them.
// With those counters, the samples share out only the rest of the block (the time on a core, and asleep in a call:
// the collector waiting for its helper threads, a spawn for its child): on a loaded machine the profiler's sampling
// thread waits for a core too (3-6 ms between samples of a 0.5 ms interval at a load of 6), so the gaps between
// samples cannot tell. Without them (an older probe's blocks) a sample stands for the time until the next, and the
// scheduler's share is not known.
// A block's owner is the one with the largest share of its time.
export const OWNERS = ['ours', 'collector', 'probe', 'vscode', 'scheduler', 'none'];

const OURS = /\/corpus-lens[^/]*\/dist\/[^/]+\.js$/;
const IPC = /^node:internal\/child_process\/serialization/;

/**
 * The blocks over `overMs` with their owners. `blocks` as the probe wrote them ({ phase, endUs, ms, cpuMs, waitMs }:
 * the time its 10 ms timer was late, ending at endUs on the profile's clock, and the thread's time on a core and
 * waiting for one meanwhile).
 * Returns [{ phase, ms, endUs, atS (seconds into the profile), owner, shares: { owner: ms } }].
 */
export function blockOwners(profile, blocks, overMs = 50) {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) { for (const c of n.children ?? []) { parent.set(c, n.id); } }
  const ownerOf = new Map();
  const owner = (id) => {
    let o = ownerOf.get(id);
    if (o !== undefined) { return o; }
    const leaf = nodes.get(id).callFrame.functionName;
    if (leaf === '(garbage collector)') { o = 'collector'; } else if (leaf === '(program)' || leaf === '(idle)') { o = 'none'; } else {
      o = 'vscode';
      for (let at = id; at !== undefined; at = parent.get(at)) {
        const url = nodes.get(at).callFrame.url ?? '';
        // The probe calling the extension's API (its poll of the Files view's rows) is the bench's cost.
        if (url.endsWith('/editorRealProbe.cjs')) { o = 'probe'; break; }
        if (OURS.test(url) || IPC.test(url)) { o = 'ours'; }
      }
    }
    ownerOf.set(id, o);
    return o;
  };
  const { samples, timeDeltas } = profile;
  const times = new Float64Array(samples.length);
  let t = profile.startTime;
  for (let i = 0; i < samples.length; i++) { t += timeDeltas[i]; times[i] = t; }
  const out = [];
  for (const b of blocks) {
    if (b.ms <= overMs) { continue; }
    const fromUs = b.endUs - b.ms * 1000;
    const shares = Object.fromEntries(OWNERS.map((o) => [o, 0]));
    // A sample stands for the time until the next one, clipped to the block.
    let i = lowerBound(times, fromUs);
    if (i > 0) { i--; }
    for (; i < samples.length && times[i] < b.endUs; i++) {
      const next = i + 1 < samples.length ? times[i + 1] : times[i];
      const us = Math.min(next, b.endUs) - Math.max(times[i], fromUs);
      if (us > 0) { shares[owner(samples[i])] += us / 1000; }
    }
    const sampled = OWNERS.reduce((sum, o) => sum + shares[o], 0);
    if (b.waitMs !== undefined) {
      // The wait for a core is the scheduler's; the samples share out the rest, the time on a core and the time
      // asleep in a call (the collector waiting for its helper threads, a spawn waiting for its child's exec).
      const wait = Math.min(b.waitMs, b.ms);
      for (const o of OWNERS) { shares[o] = sampled > 0 ? (shares[o] / sampled) * (b.ms - wait) : 0; }
      if (sampled === 0) { shares.none = b.ms - wait; }
      shares.scheduler = wait;
    } else {
      shares.none += Math.max(0, b.ms - sampled);
    }
    const top = OWNERS.reduce((best, o) => (shares[o] > shares[best] ? o : best), OWNERS[0]);
    out.push({ phase: b.phase, ms: b.ms, endUs: b.endUs, atS: (fromUs - profile.startTime) / 1e6, owner: top, shares });
  }
  return out;
}

/**
 * Per phase: the blocks over the limit, those that are ours (our code or the collector the largest share), the rest
 * by owner, and the blocks in which our code's and the collector's time alone passed 50 ms (the blocks that a
 * machine of their own would still show: on a loaded one most of a block can be the wait for a core).
 */
export function ownerSummary(owned) {
  const phases = new Map();
  for (const b of owned) {
    let p = phases.get(b.phase);
    if (!p) {
      phases.set(b.phase, p = { total: 0, longest: 0, longestOurs: 0, oursOnCore: 0, oursOverBar: 0, byOwner: Object.fromEntries(OWNERS.map((o) => [o, 0])) });
    }
    p.total++;
    p.longest = Math.max(p.longest, b.ms);
    p.byOwner[b.owner]++;
    if (b.owner === 'ours' || b.owner === 'collector') { p.longestOurs = Math.max(p.longestOurs, b.ms); }
    // About what the block would have been on a machine of its own: our code's and the collector's time alone.
    const ours = b.shares.ours + b.shares.collector;
    p.oursOnCore = Math.max(p.oursOnCore, ours);
    if (ours > 50) { p.oursOverBar++; }
  }
  return phases;
}

/** Lines of text for the summary: one per phase. */
export function formatOwnerSummary(owned, overMs = 50) {
  const lines = [];
  for (const [phase, p] of ownerSummary(owned)) {
    const ours = p.byOwner.ours + p.byOwner.collector;
    lines.push(`${phase}: ${p.total} blocks over ${overMs} ms (longest ${p.longest.toFixed(0)} ms); ours ${ours} `
      + `(our code ${p.byOwner.ours}, the collector ${p.byOwner.collector}; longest ${p.longestOurs.toFixed(0)} ms), `
      + `VS Code ${p.byOwner.vscode}, the probe ${p.byOwner.probe}, the scheduler (waiting for a core) ${p.byOwner.scheduler}, `
      + `native or unsampled ${p.byOwner.none}; our code and the collector alone past 50 ms in ${p.oursOverBar} (at most ${p.oursOnCore.toFixed(0)} ms in one)`);
  }
  return lines;
}

function lowerBound(sorted, value) {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < value) { lo = mid + 1; } else { hi = mid; }
  }
  return lo;
}
