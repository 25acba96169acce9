// Runs the integration suites inside a real VS Code extension host and exits with their result: 0 when every test
// passed, 1 when one failed or none ran, 2 on a harness error, 124 on timeout. Two suites run, one after the other:
// the main one (out/test/integration/index.js) on test/integration/fixture-workspace, trusted, and a small one
// (out/test/integration/multiRoot/index.js) on the two folders of test/integration/fixture-multi-root's
// .code-workspace, in Restricted Mode (workspace trust on, never asked for).
//
// The tests run what users install: the extension is packaged with `vsce package` (production bundle,
// .vscodeignore's files) and installed with the server's --install-extension into the run's extensions folder,
// so a file left out of the .vsix fails the suite. VS Code only runs extension tests on behalf of a development
// extension, so the `payload` names an empty one (a package.json written into the run folder) as
// extensionDevelopmentPath, beside extensionTestsPath; Corpus Lens itself loads from the extensions folder.
//
// How: install.mjs provides (once, cached) the VS Code server from the npm package code-server, run on Node 24.
// We start it on a free port of 127.0.0.1 with a temporary HOME and data folders, and open its web workbench
// in headless Chromium on a copy of test/integration/fixture-workspace, with the `payload` URL parameter that
// carries extensionDevelopmentPath and extensionTestsPath, as @vscode/test-electron would pass them on a desktop
// VS Code's command line. When run()'s promise settles, the workbench calls window.codeAutomationExit(code).
// The suite writes its results to a JSON file, which we print.
//
// Expects `npm run compile-tests` to have run (`npm run test:integration` does it).
//
// Environment:
//   CORPUS_LENS_TEST_TIMEOUT_MS    limit for the whole suite run in the browser (default 300000)
//   CORPUS_LENS_TEST_GREP          run only the tests whose full title matches
//   CORPUS_LENS_VERBOSE=1          echo the browser console (extension host output included) as it comes
//   CORPUS_LENS_KEEP_RUN_DIR=1     keep the temporary run folder (logs, HOME, workspace copy) even on success
//   CORPUS_LENS_VSCODE_CACHE       where install.mjs caches Node 24 and code-server
//   CORPUS_LENS_CHROMIUM           the Chromium binary (default /usr/bin/chromium)
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ensureInstalled } from './install.mjs';
import {
  FIXTURE_MULTI_ROOT, FIXTURE_WORKSPACE, REPO, copyWorkspace, envInt, installVsix, interrupted, launchBrowser, log, makeRunDir, onCleanup,
  packageVsix, startMemorySampler, startServer, tail, workbenchUrl, writeTestRunnerExtension, runMain,
} from './lib.mjs';

const TIMEOUT_MS = envInt('CORPUS_LENS_TEST_TIMEOUT_MS', 5 * 60_000);
const VERBOSE = process.env.CORPUS_LENS_VERBOSE === '1';
const TESTS_ENTRY = path.join(REPO, 'out', 'test', 'integration', 'index.js');
const SUITES = [
  { label: 'integration', fixture: FIXTURE_WORKSPACE, testsEntry: TESTS_ENTRY },
  {
    label: 'multi-root, Restricted Mode', fixture: FIXTURE_MULTI_ROOT, open: 'multi-root.code-workspace', workspaceTrust: true,
    testsEntry: path.join(REPO, 'out', 'test', 'integration', 'multiRoot', 'index.js'),
  },
];
/** Browser console errors that come from being offline or from the web build, not from the extension. */
const OFFLINE_NOISE = /Failed to load resource|ServiceWorker|ENOTFOUND|ERR_NAME_NOT_RESOLVED|authentication provider|No default agent|bad HTTP response code/;
const state = { keepRunDir: process.env.CORPUS_LENS_KEEP_RUN_DIR === '1' };

async function main() {
  for (const suite of SUITES) {
    if (!fs.existsSync(suite.testsEntry)) { throw new Error(`${path.relative(REPO, suite.testsEntry)} is missing: run \`npm run compile-tests\` first`); }
  }
  const install = await ensureInstalled();
  const packageDir = makeRunDir('package');
  onCleanup(() => fs.rmSync(packageDir, { recursive: true, force: true }));
  const vsix = await packageVsix(packageDir);
  let rc = 0;
  for (const suite of SUITES) {
    const suiteRc = await runSuite(install, suite, vsix);
    if (interrupted()) { return 130; }
    rc = rc === 0 ? suiteRc : rc;
  }
  return rc;
}

/** Runs one suite in a fresh server and browser; returns its exit code. */
async function runSuite(install, suite, vsix) {
  const runDir = makeRunDir('integration');
  const keep = { runDir: state.keepRunDir };
  const unregister = onCleanup(() => {
    if (keep.runDir) { log(`run folder kept: ${runDir}`); } else { fs.rmSync(runDir, { recursive: true, force: true }); }
  });
  const workspace = copyWorkspace(suite.fixture, path.join(runDir, 'workspace'));
  const opened = suite.open ? path.join(workspace, suite.open) : workspace;
  if (suite.workspaceTrust) {
    // Trust is on, and the workspace opens untrusted without asking: Restricted Mode.
    const userDir = path.join(runDir, 'user-data', 'User');
    fs.mkdirSync(userDir, { recursive: true });
    fs.writeFileSync(path.join(userDir, 'settings.json'), JSON.stringify({
      'security.workspace.trust.enabled': true, 'security.workspace.trust.startupPrompt': 'never', 'security.workspace.trust.banner': 'never',
    }, null, 2));
  }
  const resultFile = path.join(runDir, 'result.json');
  const extensionsDir = path.join(runDir, 'extensions');
  await installVsix(install, runDir, extensionsDir, vsix);
  const testRunner = writeTestRunnerExtension(path.join(runDir, 'test-runner'));

  const server = await startServer(install, {
    runDir,
    extensionsDir,
    env: {
      CORPUS_LENS_TEST_RESULT: resultFile,
      CORPUS_LENS_TEST_PACKAGED: '1',
      ...(process.env.CORPUS_LENS_TEST_GREP ? { CORPUS_LENS_TEST_GREP: process.env.CORPUS_LENS_TEST_GREP } : {}),
    },
    smokeTestDriver: true, // without it VS Code 1.139 ignores the test paths in `payload` and waits forever
    workspaceTrust: suite.workspaceTrust,
  });
  const memory = startMemorySampler(); // this script's process tree: the server and Chromium are its children

  const { browser, close: closeBrowser } = await launchBrowser();
  const page = await browser.newPage({ viewport: { width: 1400, height: 850 } });
  const consoleFile = path.join(runDir, 'browser-console.log');
  const t0 = Date.now();
  const consoleLines = [];
  const onLine = (text) => {
    const line = `${((Date.now() - t0) / 1000).toFixed(1).padStart(5)}s ${text}`;
    consoleLines.push(line);
    if (VERBOSE) { process.stderr.write(`  | ${line}\n`); }
  };
  page.on('console', (m) => onLine(`[${m.type()}] ${m.text()}`));
  page.on('pageerror', (e) => onLine(`[pageerror] ${e.message}`));

  let reportExit;
  const exitCode = new Promise((resolve) => { reportExit = resolve; });
  await page.exposeFunction('codeAutomationExit', (code) => { reportExit(Number(code)); });

  const remote = (p) => `vscode-remote://${server.authority}${p}`;
  const payload = [
    ['extensionDevelopmentPath', remote(testRunner)],
    ['extensionTestsPath', remote(suite.testsEntry)],
  ];
  log(`running the ${suite.label} suite in the extension host...`);
  let timer;
  const outcome = await Promise.race([
    page.goto(workbenchUrl(server.base, opened, payload), { waitUntil: 'domcontentloaded', timeout: TIMEOUT_MS })
      .then(() => exitCode).then((code) => ({ code })),
    server.exited.then((how) => ({ error: `the VS Code server stopped (${how}) during the run` })),
    new Promise((resolve) => { timer = setTimeout(() => resolve({ timeout: true }), TIMEOUT_MS); }),
  ]).catch((e) => ({ error: e?.message ?? String(e) }));
  clearTimeout(timer);
  if (interrupted()) { return 130; }
  const seconds = ((Date.now() - t0) / 1000).toFixed(1);

  await closeBrowser();
  await server.stop();
  const peak = memory.stop();
  fs.writeFileSync(consoleFile, consoleLines.join('\n') + '\n');

  const result = readResult(resultFile);
  if (result) { printResult(result, suite.label); }

  let rc;
  if (outcome.timeout) {
    log(`timed out after ${TIMEOUT_MS / 1000} s (CORPUS_LENS_TEST_TIMEOUT_MS)`);
    rc = 124;
  } else if (outcome.error) {
    log(`error: ${outcome.error}`);
    rc = 2;
  } else if (!result) {
    log(`the workbench reported exit code ${outcome.code}, but the suite wrote no result file`);
    rc = Number.isInteger(outcome.code) && outcome.code > 0 ? outcome.code : 2;
  } else {
    // Both must agree that all is well.
    // (With CORPUS_LENS_TEST_GREP a suite may hold no matching test.)
    const ran = result.passes > 0 || !!process.env.CORPUS_LENS_TEST_GREP;
    rc = outcome.code === 0 && result.failures === 0 && ran && !result.error ? 0 : 1;
  }
  log(`suite finished in ${seconds} s, exit code ${rc}; peak memory (this script, VS Code server, Chromium): ${Math.round(peak / 2 ** 20)} MB`);

  if (rc !== 0) {
    keep.runDir = true;
    const hostLines = consoleLines
      .filter((l) => /Extension Host|s \[error\]|s \[pageerror\]/.test(l) && !OFFLINE_NOISE.test(l))
      .map((l) => (l.length > 800 ? `${l.slice(0, 800)}...` : l))
      .slice(-40);
    if (hostLines.length > 0) { process.stderr.write(`--- browser console (last lines) ---\n${hostLines.join('\n')}\n`); }
    process.stderr.write(`--- server log (last lines) ---\n${tail(server.logFile, 20)}\n`);
    log(`logs: ${consoleFile}, ${server.logFile}`);
  }
  unregister();
  if (keep.runDir) { log(`run folder kept: ${runDir}`); } else { fs.rmSync(runDir, { recursive: true, force: true }); }
  return rc;
}

function readResult(file) {
  try { return JSON.parse(fs.readFileSync(file, 'utf8')); } catch { return undefined; }
}

function printResult(result, label) {
  const out = [];
  for (const t of result.tests) {
    if (t.state === 'passed') { out.push(`  ✔ ${t.title} (${t.durationMs ?? 0} ms)`); }
    else if (t.state === 'pending') { out.push(`  - ${t.title} (skipped)`); }
    else {
      out.push(`  ✘ ${t.title}`);
      out.push(...(t.error ?? '').split('\n').slice(0, 12).map((l) => `      ${l}`));
    }
  }
  if (result.error) { out.push(`  the suite could not run: ${result.error}`); }
  out.push(`${label}: ${result.passes} passed, ${result.failures} failed, ${result.pending} skipped`);
  process.stdout.write(out.join('\n') + '\n');
}

await runMain(main, () => { state.keepRunDir = true; });
