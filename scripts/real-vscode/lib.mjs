// Shared helpers for the real-VS-Code harness: paths, logging, child processes that are always cleaned up,
// the VS Code server (from the npm package code-server) and headless Chromium (driven by playwright-core).
// See install.mjs for what gets installed and why; run-integration.mjs and screenshot.mjs use these helpers.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Where Node 24 and code-server are installed; survives between runs like @vscode/test-electron's download. */
export const CACHE = path.resolve(process.env.CORPUS_LENS_VSCODE_CACHE || path.join(REPO, '.vscode-test', 'real-vscode'));

export const FIXTURE_WORKSPACE = path.join(REPO, 'test', 'integration', 'fixture-workspace');
/** The second, small suite's workspace: two folders, opened in Restricted Mode. */
export const FIXTURE_MULTI_ROOT = path.join(REPO, 'test', 'integration', 'fixture-multi-root');

const started = Date.now();
/** A short progress line on stderr, with the seconds since the script started. */
export function log(message) {
  const secs = ((Date.now() - started) / 1000).toFixed(1).padStart(5);
  process.stderr.write(`[real-vscode ${secs}s] ${message}\n`);
}

/** An integer from the environment, or the default when unset or not a number. */
export function envInt(name, fallback) {
  const n = Number(process.env[name]);
  return Number.isFinite(n) && n > 0 ? n : fallback;
}

/** The last `lines` lines of a text file, or '' when it cannot be read. */
export function tail(file, lines = 30) {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

// ---------------------------------------------------------------------------------------------------------
// Cleanup: everything this process starts is registered here and ended on every path out, including
// errors, timeouts and Ctrl-C. Children are started in their own process group so the whole tree goes.

const cleanups = [];
let cleaningUp;

/** Registers an async cleanup; they run in reverse order. Returns a function that unregisters it. */
export function onCleanup(fn) {
  cleanups.push(fn);
  return () => {
    const i = cleanups.indexOf(fn);
    if (i >= 0) { cleanups.splice(i, 1); }
  };
}

export function cleanup() {
  cleaningUp ??= (async () => {
    while (cleanups.length > 0) {
      const fn = cleanups.pop();
      try { await fn(); } catch (e) { log(`cleanup: ${e?.message ?? e}`); }
    }
  })();
  return cleaningUp;
}

/** Process groups still alive, for the synchronous last resort at process exit. */
const liveGroups = new Set();
process.on('exit', () => {
  for (const pid of liveGroups) {
    try { process.kill(-pid, 'SIGKILL'); } catch { /* already gone */ }
  }
});
let signalled = false;
/** True once a signal asked us to stop; the runners then skip their reporting. */
export const interrupted = () => signalled;
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, () => {
    const code = sig === 'SIGINT' ? 130 : 143;
    if (signalled) { process.exit(code); } // a second Ctrl-C: stop at once (the exit hook still kills groups)
    signalled = true;
    log(`${sig}: stopping`);
    void cleanup().finally(() => process.exit(code));
  });
}

/** Kills a detached child's whole process group: TERM, then KILL after `graceMs`. Resolves once it exited. */
export function killGroup(child, graceMs = 5000) {
  if (child.exitCode !== null || child.signalCode !== null) {
    liveGroups.delete(child.pid);
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ }
    }, graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      // The leader is gone; make sure no straggler of its group (extension host, pty host...) stays.
      try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ }
      liveGroups.delete(child.pid);
      resolve();
    });
    try { process.kill(-child.pid, 'SIGTERM'); } catch { /* gone */ }
  });
}

/** Starts a child in its own process group, tracked for cleanup. */
export function spawnTracked(cmd, args, options) {
  const child = spawn(cmd, args, { ...options, detached: true });
  if (child.pid !== undefined) { liveGroups.add(child.pid); }
  return child;
}

/**
 * Runs a command to completion with its output in `logFile`. Rejects (and shows the log's tail) when it fails
 * or runs past `timeoutMs`.
 */
export function runLogged(cmd, args, { cwd, env, logFile, timeoutMs }) {
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  const out = fs.openSync(logFile, 'w');
  const child = spawnTracked(cmd, args, { cwd, env, stdio: ['ignore', out, out] });
  fs.closeSync(out);
  return new Promise((resolve, reject) => {
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      void killGroup(child, 2000);
    }, timeoutMs);
    child.once('error', (e) => { clearTimeout(timer); reject(e); });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      liveGroups.delete(child.pid);
      if (code === 0 && !timedOut) { resolve(); return; }
      const why = timedOut ? `timed out after ${Math.round(timeoutMs / 1000)} s` : `exited with ${code ?? signal}`;
      reject(new Error(`${cmd} ${args.join(' ')} ${why}; log ${logFile}:\n${tail(logFile)}`));
    });
  });
}

// ---------------------------------------------------------------------------------------------------------
// The VS Code server

/** A TCP port that was free on 127.0.0.1 a moment ago. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** A fresh temporary folder for one run: HOME, server data, user data, logs. */
export function makeRunDir(prefix) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `corpus-lens-${prefix}-`));
  for (const sub of ['home', 'tmp', 'server-data', 'user-data', 'extensions']) {
    fs.mkdirSync(path.join(dir, sub), { recursive: true });
  }
  return dir;
}

/** Copies a workspace folder so that a run never changes the checked-in one. */
export function copyWorkspace(from, to) {
  fs.cpSync(from, to, { recursive: true });
  return to;
}

function serverArgs(runDir, extensionsDir, { workspaceTrust = false } = {}) {
  return [
    '--accept-server-license-terms', '--without-connection-token', '--disable-telemetry',
    ...(workspaceTrust ? [] : ['--disable-workspace-trust']),
    '--server-data-dir', path.join(runDir, 'server-data'),
    '--user-data-dir', path.join(runDir, 'user-data'),
    '--extensions-dir', extensionsDir,
  ];
}

/**
 * The environment for the server: a temporary HOME (VS Code writes under it) and temporary folder (it leaves
 * its IPC sockets there), plus `extra`. The extension host inherits all of it.
 */
function serverEnv(runDir, extra) {
  const tmp = path.join(runDir, 'tmp');
  return { ...process.env, HOME: path.join(runDir, 'home'), TMPDIR: tmp, XDG_RUNTIME_DIR: tmp, ...extra };
}

/**
 * Packages the extension as users get it: `vsce package` with no flags (its vscode:prepublish script builds the
 * production bundle; .vscodeignore chooses the files), written to `<runDir>/corpus-lens.vsix`.
 */
export async function packageVsix(runDir) {
  const vsix = path.join(runDir, 'corpus-lens.vsix');
  log('packaging the .vsix (vsce package)...');
  await runLogged(process.execPath, [path.join(REPO, 'node_modules', '@vscode', 'vsce', 'vsce'), 'package', '--out', vsix], {
    cwd: REPO, env: process.env, logFile: path.join(runDir, 'vsce.log'), timeoutMs: 180_000,
  });
  return vsix;
}

/**
 * Writes an extension with nothing in it but its manifest into `dir`: VS Code runs an extensionTestsPath only on
 * behalf of a development extension, and this one lets the installed .vsix be the Corpus Lens that loads (its
 * name differs, so it replaces nothing).
 */
export function writeTestRunnerExtension(dir) {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({
    name: 'corpus-lens-test-runner', publisher: 'corpus-lens', version: '0.0.0', engines: { vscode: '*' },
  }, null, 2) + '\n');
  return dir;
}

/** Installs a .vsix into `extensionsDir` with the server's own CLI. */
export async function installVsix(install, runDir, extensionsDir, vsix) {
  await runLogged(install.node, [install.serverMain, ...serverArgs(runDir, extensionsDir), '--install-extension', vsix], {
    cwd: runDir, env: serverEnv(runDir, {}), logFile: path.join(runDir, 'install-extension.log'), timeoutMs: 120_000,
  });
}

/**
 * A run of the extension as users get it: a fresh run folder (removed at cleanup), the .vsix packaged into it and
 * installed into its extensions folder. For the scripts that start one server on one installed copy.
 */
export async function prepareVsixRun(install, prefix) {
  const runDir = makeRunDir(prefix);
  onCleanup(() => fs.rmSync(runDir, { recursive: true, force: true }));
  const vsix = await packageVsix(runDir);
  const extensionsDir = path.join(runDir, 'extensions');
  await installVsix(install, runDir, extensionsDir, vsix);
  log('installed the .vsix into the server\'s extensions folder');
  return { runDir, extensionsDir };
}

/**
 * Starts the VS Code server on a free port of 127.0.0.1 and waits until it answers. `smokeTestDriver` is
 * needed for the workbench to honour extensionDevelopmentPath/extensionTestsPath in its `payload` parameter.
 * Returns { base, authority, pid, logFile, exited (a promise), stop() }; stop() is also registered as a cleanup.
 */
export async function startServer(install, { runDir, extensionsDir, env = {}, smokeTestDriver = false, workspaceTrust = false, readyTimeoutMs = 60_000 }) {
  const logFile = path.join(runDir, 'server.log');
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const args = [install.serverMain, '--host', '127.0.0.1', '--port', String(port), ...serverArgs(runDir, extensionsDir, { workspaceTrust })];
    if (smokeTestDriver) { args.push('--enable-smoke-test-driver'); }
    const out = fs.openSync(logFile, 'a');
    const child = spawnTracked(install.node, args, { cwd: runDir, env: serverEnv(runDir, env), stdio: ['ignore', out, out] });
    fs.closeSync(out);
    const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));
    const stop = () => killGroup(child);
    const unregister = onCleanup(stop);
    const base = `http://127.0.0.1:${port}`;
    const t0 = Date.now();
    const ready = await waitForHttp(base, child, readyTimeoutMs);
    if (ready) {
      log(`VS Code server ready on ${base} in ${Date.now() - t0} ms (pid ${child.pid})`);
      return {
        base, authority: `127.0.0.1:${port}`, pid: child.pid, logFile, exited,
        stop: async () => { unregister(); await stop(); },
      };
    }
    unregister();
    await stop();
    if (attempt >= 3) {
      throw new Error(`the VS Code server did not start; log ${logFile}:\n${tail(logFile)}`);
    }
    log(`VS Code server did not come up on port ${port}; retrying`);
  }
}

async function waitForHttp(base, child, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) { return false; }
    try {
      const res = await fetch(`${base}/`, { signal: AbortSignal.timeout(2000) });
      await res.arrayBuffer();
      if (res.ok) { return true; }
    } catch { /* not yet listening */ }
    await new Promise((r) => setTimeout(r, 200));
  }
  return false;
}

// ---------------------------------------------------------------------------------------------------------
// Chromium

export const CHROMIUM = process.env.CORPUS_LENS_CHROMIUM || '/usr/bin/chromium';

/** Headless Debian Chromium; closed on cleanup. Playwright gives it a fresh temporary profile. */
export async function launchBrowser() {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    // Our own signal handlers close everything in order; playwright's would exit the process midway. On any
    // exit playwright still kills the browser.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
  // If close() hangs, playwright still kills the browser when this process exits.
  const close = () => Promise.race([browser.close(), new Promise((r) => setTimeout(r, 10_000))]);
  const unregister = onCleanup(close);
  return { browser, close: async () => { unregister(); await close(); } };
}

/** The workbench URL for `folder` (or a `.code-workspace` file), with an optional extension-test payload. */
export function workbenchUrl(base, folder, payload) {
  let url = `${base}/?${folder.endsWith('.code-workspace') ? 'workspace' : 'folder'}=${encodeURIComponent(folder)}`;
  if (payload) { url += `&payload=${encodeURIComponent(JSON.stringify(payload))}`; }
  return url;
}

/**
 * Opens `folder` in a fresh workbench page with a probe as the run's extension "tests" (the test-runner extension
 * in `runnerDir`, the probe script `probe`, plus any `extra` payload entries such as an `openFile`), and resolves
 * with the exit code the probe reported, or 'timeout' after `timeoutMs`. The page is closed either way.
 */
export async function runProbePage(server, browser, { folder, runnerDir, probe, extra = [], timeoutMs }) {
  const page = await browser.newPage({ viewport: { width: 1400, height: 850 } });
  let reportExit;
  const exited = new Promise((resolve) => { reportExit = resolve; });
  await page.exposeFunction('codeAutomationExit', (code) => { reportExit(Number(code)); });
  const remote = (p) => `vscode-remote://${server.authority}${p}`;
  const payload = [
    ['extensionDevelopmentPath', remote(runnerDir)],
    ['extensionTestsPath', remote(probe)],
    ...extra.map(([key, p]) => [key, remote(p)]),
  ];
  let timer;
  try {
    return await Promise.race([
      page.goto(workbenchUrl(server.base, folder, payload), { waitUntil: 'domcontentloaded', timeout: timeoutMs }).then(() => exited),
      new Promise((resolve) => { timer = setTimeout(() => resolve('timeout'), timeoutMs); }),
    ]);
  } finally {
    clearTimeout(timer);
    await page.close();
  }
}

// ---------------------------------------------------------------------------------------------------------
// Memory: peak resident memory of a process tree (this script, the VS Code server, Chromium), from /proc.

/** Samples the summed RSS of `rootPid` and all its descendants; stop() returns the peak in bytes. */
export function startMemorySampler(rootPid = process.pid, intervalMs = 500) {
  let peak = 0;
  const sample = () => {
    let entries;
    try { entries = fs.readdirSync('/proc'); } catch { return; }
    const parent = new Map();
    const rss = new Map();
    for (const name of entries) {
      if (!/^\d+$/.test(name)) { continue; }
      try {
        const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        parent.set(Number(name), Number(fields[1]));
        rss.set(Number(name), Number(fields[21]) * 4096);
      } catch { /* exited meanwhile */ }
    }
    let total = 0;
    for (const [pid, bytes] of rss) {
      for (let p = pid, hops = 0; p > 1 && hops < 64; p = parent.get(p) ?? 0, hops++) {
        if (p === rootPid) { total += bytes; break; }
      }
    }
    peak = Math.max(peak, total);
  };
  const timer = setInterval(sample, intervalMs);
  timer.unref();
  return { stop: () => { clearInterval(timer); sample(); return peak; } };
}

/**
 * Runs a script's main(), then the cleanup, and exits with main's code: 130 when a signal stopped it, 2 (with the
 * error logged) when it threw. `onError` runs before the cleanup for a script that keeps something on failure.
 */
export async function runMain(main, onError = () => {}) {
  let code = 2;
  try {
    code = await main();
  } catch (e) {
    code = interrupted() ? 130 : 2;
    if (!interrupted()) {
      log(`error: ${e?.stack ?? e}`);
      onError();
    }
  } finally {
    await cleanup();
  }
  process.exit(code);
}
