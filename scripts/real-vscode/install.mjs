// Installs, once, what the integration tests need to run the extension inside a real VS Code, and caches it.
//
// VS Code's desktop build cannot be downloaded on our machines, so instead of @vscode/test-electron we use the
// VS Code server bundled in the npm package code-server (a real VS Code with the real Node extension host),
// run on Node 24 from the npm package node-linux-<arch>, and open its web workbench in Debian's Chromium.
//
//   system (apt, as root):  chromium (the browser), libkrb5-dev (code-server's `kerberos` module builds against it)
//   <cache>/node24/         node-linux-<arch>@24: a Node 24 binary with its headers (native modules build with them)
//   <cache>/code-server/    code-server@4.139.1, built with Node 24; we only use lib/vscode/out/server-main.js
//
// <cache> is <repo>/.vscode-test/real-vscode unless CORPUS_LENS_VSCODE_CACHE says otherwise. Each part writes a
// marker file when its install succeeded; a later run finds the markers and skips the part, so it starts in
// seconds. Delete the cache folder (or a part of it) to force a reinstall.
//
// Usage: node scripts/real-vscode/install.mjs   (run-integration.mjs and screenshot.mjs call it themselves)
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CACHE, envInt, log, runLogged } from './lib.mjs';

export const NODE_VERSION = '24.21.0';
export const CODE_SERVER_VERSION = '4.139.1';
const APT_PACKAGES = ['chromium', 'libkrb5-dev'];
const MARKER = '.corpus-lens-installed.json';
const INSTALL_TIMEOUT_MS = envInt('CORPUS_LENS_INSTALL_TIMEOUT_MS', 20 * 60_000);

/** Ensures everything is installed; returns the paths the runners need. */
export async function ensureInstalled() {
  fs.mkdirSync(CACHE, { recursive: true });
  ensureAptPackages();
  const release = await lock();
  try {
    const nodeDir = await ensureNode();
    const vscodeDir = await ensureCodeServer(nodeDir);
    return {
      node: path.join(nodeDir, 'bin', 'node'),
      nodeDir,
      vscodeDir,
      serverMain: path.join(vscodeDir, 'out', 'server-main.js'),
    };
  } finally {
    release();
  }
}

// ---------------------------------------------------------------------------------------------------------

function isInstalled(pkg) {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.trim() === 'install ok installed';
}

function ensureAptPackages() {
  let missing = APT_PACKAGES.filter((p) => !isInstalled(p));
  const root = typeof process.getuid !== 'function' || process.getuid() === 0;
  if (!root && codeServerReady()) {
    missing = missing.filter((p) => p !== 'libkrb5-dev'); // only needed to build code-server
  }
  if (missing.length === 0) { return; }
  if (!root) {
    throw new Error(`missing system packages: ${missing.join(' ')}. Install them first, e.g.\n` +
      `  sudo apt-get update && sudo apt-get install -y --no-install-recommends ${missing.join(' ')}`);
  }
  log(`installing system packages ${missing.join(', ')} (first run, about 20 seconds)...`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const install = () => spawnSync('apt-get', ['install', '-y', '-q', '--no-install-recommends', ...missing],
    { env, encoding: 'utf8', timeout: INSTALL_TIMEOUT_MS });
  let r = install();
  if (r.status !== 0) {
    // Usually the package lists are missing or stale: refresh them only now.
    log('apt-get install failed; running apt-get update and retrying...');
    const u = spawnSync('apt-get', ['update', '-q'], { env, encoding: 'utf8', timeout: INSTALL_TIMEOUT_MS });
    if (u.status !== 0) { throw new Error(`apt-get update failed:\n${u.stdout}\n${u.stderr}`); }
    r = install();
  }
  if (r.status !== 0 || missing.some((p) => !isInstalled(p))) {
    throw new Error(`apt-get install ${missing.join(' ')} failed:\n${(r.stdout ?? '').slice(-2000)}\n${r.stderr ?? ''}`);
  }
}

// ---------------------------------------------------------------------------------------------------------

/** A child environment for npm: without the npm_* variables of an outer `npm run`, plus `extra`. */
function npmEnv(extra) {
  const env = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (!/^npm_/i.test(k)) { env[k] = v; }
  }
  return { ...env, ...extra };
}

function readMarker(dir) {
  try { return JSON.parse(fs.readFileSync(path.join(dir, MARKER), 'utf8')); } catch { return undefined; }
}

function writeMarker(dir, what) {
  fs.writeFileSync(path.join(dir, MARKER), JSON.stringify({ ...what, installedAt: new Date().toISOString() }, null, 2) + '\n');
}

/** Installs `spec` with npm into the empty folder `dir` (removed first), its log under <cache>/logs. */
async function npmInstallInto(dir, spec, env) {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ private: true, description: 'corpus-lens test cache' }) + '\n');
  const logFile = path.join(CACHE, 'logs', `npm-install-${path.basename(dir)}.log`);
  await runLogged('npm', ['install', '--no-audit', '--no-fund', '--no-update-notifier', spec], {
    cwd: dir, env, logFile, timeoutMs: INSTALL_TIMEOUT_MS,
  });
}

async function ensureNode() {
  const arch = { x64: 'x64', arm64: 'arm64' }[process.arch];
  if (process.platform !== 'linux' || !arch) {
    throw new Error(`no Node 24 package known for ${process.platform}-${process.arch}; this harness supports Linux x64/arm64`);
  }
  const pkg = `node-linux-${arch}`;
  const dir = path.join(CACHE, 'node24');
  const nodeDir = path.join(dir, 'node_modules', pkg);
  const want = { package: pkg, version: NODE_VERSION };
  const have = readMarker(dir);
  if (have?.package === want.package && have?.version === want.version && fs.existsSync(path.join(nodeDir, 'bin', 'node'))) {
    return nodeDir;
  }
  log(`installing Node ${NODE_VERSION} from npm into ${dir} (first run, a few seconds)...`);
  await npmInstallInto(dir, `${pkg}@${NODE_VERSION}`, npmEnv({}));
  const v = spawnSync(path.join(nodeDir, 'bin', 'node'), ['--version'], { encoding: 'utf8' });
  if (v.stdout?.trim() !== `v${NODE_VERSION}`) {
    throw new Error(`the installed Node reports '${v.stdout?.trim()}' (${v.stderr?.trim()}), expected v${NODE_VERSION}`);
  }
  writeMarker(dir, want);
  return nodeDir;
}

const CODE_SERVER_DIR = path.join(CACHE, 'code-server');
const VSCODE_DIR = path.join(CODE_SERVER_DIR, 'node_modules', 'code-server', 'lib', 'vscode');

function codeServerReady() {
  const have = readMarker(CODE_SERVER_DIR);
  return have?.version === CODE_SERVER_VERSION && have?.node === NODE_VERSION && fs.existsSync(path.join(VSCODE_DIR, 'out', 'server-main.js'));
}

async function ensureCodeServer(nodeDir) {
  const dir = CODE_SERVER_DIR;
  const vscodeDir = VSCODE_DIR;
  const want = { package: 'code-server', version: CODE_SERVER_VERSION, node: NODE_VERSION };
  if (codeServerReady()) { return vscodeDir; }
  log(`installing code-server ${CODE_SERVER_VERSION} into ${dir} (first run, about 2-4 minutes)...`);
  const t0 = Date.now();
  // Its postinstall builds native modules for Node 24: Node 24 first on PATH and its headers for node-gyp
  // (the machine's npm config points nodedir at Node 20's), scripts allowed as root, npx without prompting.
  await npmInstallInto(dir, `code-server@${CODE_SERVER_VERSION}`, npmEnv({
    PATH: `${path.join(nodeDir, 'bin')}${path.delimiter}${process.env.PATH ?? ''}`,
    npm_config_nodedir: nodeDir,
    npm_config_unsafe_perm: 'true',
    npm_config_yes: 'true',
  }));
  if (!fs.existsSync(path.join(vscodeDir, 'out', 'server-main.js'))) {
    throw new Error(`code-server installed, but ${vscodeDir}/out/server-main.js is missing`);
  }
  writeMarker(dir, want);
  log(`code-server installed in ${Math.round((Date.now() - t0) / 1000)} s`);
  return vscodeDir;
}

// ---------------------------------------------------------------------------------------------------------

/** A cross-process lock on the cache, so two runs never install into it at the same time. */
async function lock() {
  const dir = path.join(CACHE, '.install-lock');
  const deadline = Date.now() + INSTALL_TIMEOUT_MS;
  let said = false;
  for (;;) {
    try {
      fs.mkdirSync(dir);
      fs.writeFileSync(path.join(dir, 'pid'), String(process.pid));
      const release = () => fs.rmSync(dir, { recursive: true, force: true });
      process.once('exit', release);
      return () => { process.removeListener('exit', release); release(); };
    } catch (e) {
      if (e.code !== 'EEXIST') { throw e; }
    }
    let holder = NaN;
    try { holder = Number(fs.readFileSync(path.join(dir, 'pid'), 'utf8')); } catch { /* being written or removed */ }
    if (Number.isInteger(holder) && !isAlive(holder)) {
      fs.rmSync(dir, { recursive: true, force: true }); // left by a run that died
      continue;
    }
    if (Date.now() > deadline) { throw new Error(`timed out waiting for the install lock ${dir}`); }
    if (!said) { log(`another run is installing into ${CACHE}; waiting...`); said = true; }
    await new Promise((r) => setTimeout(r, 1000));
  }
}

function isAlive(pid) {
  try { process.kill(pid, 0); return true; } catch (e) { return e.code === 'EPERM'; }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const t0 = Date.now();
  ensureInstalled().then(
    (paths) => {
      log(`ready in ${((Date.now() - t0) / 1000).toFixed(1)} s: ${paths.serverMain}`);
    },
    (e) => {
      log(`install failed: ${e?.stack ?? e}`);
      process.exit(1);
    },
  );
}
