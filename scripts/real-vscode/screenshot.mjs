// Takes the README's screenshots of Corpus Lens in a real VS Code: the extension as a user gets it (packaged as a
// .vsix with vsce and installed into the VS Code server's extensions folder) and the sample corpus open.
//   workspace: a document in the editor and a workspace scan run from the command palette, findings in the
//              Problems panel (media/screenshots/corpus-lens-workspace.png)
//   sidebar:   a tagged article, the Corpus Lens views focused from the command palette, and the corpus report
//              opened beside the article (media/screenshots/corpus-lens-sidebar.png)
//
// Usage: node scripts/real-vscode/screenshot.mjs [workspace|sidebar|all] [out.png]
//   Both scenes by default, one after the other in the same workbench; out.png only with a single scene.
//   CORPUS_LENS_SCREENSHOT_FILE   the .txt file of the workspace scene (default: the first one, alphabetically)
//   CORPUS_LENS_SKIP_BUILD=1      use dist/ as it is instead of running the esbuild bundle first
// It opens sample-corpus/ (the fixture workspace when sample-corpus/ has no .txt file), copied into a temporary
// folder with the workspace settings that hide the Chat side bar. Installs what it needs like run-integration.mjs.
// A separate page load from the test run: when a test run ends, the workbench stops its extension host.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ensureInstalled } from './install.mjs';
import {
  FIXTURE_WORKSPACE, REPO, cleanup, copyWorkspace, installVsix, interrupted, launchBrowser, log, makeRunDir, onCleanup,
  runLogged, startServer, workbenchUrl,
} from './lib.mjs';

const SCENES = { workspace: 'media/screenshots/corpus-lens-workspace.png', sidebar: 'media/screenshots/corpus-lens-sidebar.png' };
const scene = process.argv[2] ?? 'all';
if (scene !== 'all' && !(scene in SCENES)) {
  console.error(`usage: screenshot.mjs [${Object.keys(SCENES).join('|')}|all] [out.png]`);
  process.exit(2);
}
const SIDEBAR_FILE = 'quillpoint-port-strike.txt';
const SAMPLE = path.join(REPO, 'sample-corpus');
const STEP_TIMEOUT_MS = 60_000;

function txtFiles(dir) {
  try { return fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort(); } catch { return []; }
}

async function packageVsix(runDir) {
  if (process.env.CORPUS_LENS_SKIP_BUILD !== '1') {
    log('bundling the extension (npm run build)...');
    const r = spawnSync(process.execPath, [path.join(REPO, 'scripts', 'build.mjs')], { cwd: REPO, stdio: 'inherit' });
    if (r.status !== 0) { throw new Error('the esbuild bundle failed'); }
  }
  const vsix = path.join(runDir, 'corpus-lens.vsix');
  log('packaging the .vsix with vsce...');
  // esbuild bundles the dependencies into dist/, so the package needs no node_modules (.vscodeignore).
  // The README links to docs by relative path; vsce wants a base for them, taken from package.json's repository.
  const repo = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')).repository.url.replace(/\.git$/, '');
  await runLogged(path.join(REPO, 'node_modules', '.bin', 'vsce'),
    ['package', '--no-dependencies', '--skip-license', '--allow-missing-repository',
      '--baseContentUrl', `${repo}/blob/main`, '--baseImagesUrl', `${repo}/raw/main`, '-o', vsix], {
      cwd: REPO, env: process.env, logFile: path.join(runDir, 'vsce.log'), timeoutMs: 120_000,
    });
  return vsix;
}

/** Runs a command through the command palette, by its title as the palette shows it. */
async function runCommand(page, title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ timeout: STEP_TIMEOUT_MS });
  await page.keyboard.press('Enter');
}

/** Opens a document with Quick Open, as a user would. */
async function openFile(page, file) {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  await input.fill(file);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: file }).first().waitFor({ timeout: STEP_TIMEOUT_MS });
  await page.keyboard.press('Enter');
  await page.locator('.tabs-container .tab.active', { hasText: file }).waitFor({ timeout: STEP_TIMEOUT_MS });
  await page.locator('.editor-instance .monaco-editor .view-line').first().waitFor({ timeout: STEP_TIMEOUT_MS });
  log(`${file} is open`);
}

async function workspaceScene(page, file) {
  await openFile(page, file);
  // Scan the workspace from the command palette; its summary arrives as a notification.
  const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
  const scan = pkg.contributes.commands.find((c) => c.command === 'corpusLens.scanWorkspace');
  await runCommand(page, `${scan.category}: ${scan.title}`);
  await page.locator('.notifications-toasts', { hasText: /Corpus Lens: \d+ files/ }).waitFor({ timeout: STEP_TIMEOUT_MS })
    .then(() => log('scan finished'), () => log('no scan summary seen (screenshot taken anyway)'));
  // The findings are drawn as faded text and hint dots once the diagnostics reach the editor.
  await page.locator('.editor-instance .squiggly-inline-unnecessary, .editor-instance .squiggly-hint').first()
    .waitFor({ timeout: 15_000 })
    .then(() => log('findings are shown in the editor'), () => log('no findings drawn in the editor'));
  // The findings, listed in the Problems panel.
  await runCommand(page, 'Problems: Focus on Problems View')
    .then(() => page.locator('.markers-panel .monaco-list-row').first().waitFor({ timeout: 15_000 }))
    .then(() => log('Problems panel lists the findings'), () => log('Problems panel shows no findings'));
}

async function sidebarScene(page) {
  // The workspace scene's Problems panel closes (Ctrl+J toggles it), and its notification goes.
  if (await page.locator('.part.panel').isVisible()) { await page.keyboard.press('Control+J'); }
  await runCommand(page, 'Notifications: Clear All Notifications');
  await openFile(page, SIDEBAR_FILE);
  // The sidebar, from the command palette, as a keyboard user would open it.
  await runCommand(page, 'Focus on Files View');
  await page.locator('.pane-body .monaco-list-row', { hasText: '% boilerplate' }).first().waitFor({ timeout: STEP_TIMEOUT_MS });
  log('the Files view lists the corpus');
  await page.locator('.pane-body .monaco-list-row', { hasText: 'files ·' }).first().waitFor({ timeout: 15_000 })
    .then(() => log('the Duplicates view lists groups'), () => log('no duplicate groups drawn'));
  // Wider, so that the items' descriptions show: drag the sash between the side bar and the editor.
  const side = await page.locator('.part.sidebar').boundingBox();
  if (side) {
    const x = side.x + side.width;
    await page.mouse.move(x, side.y + side.height / 2);
    await page.mouse.down();
    await page.mouse.move(x + 230, side.y + side.height / 2, { steps: 8 });
    await page.mouse.up();
  }
  // The corpus report, opened beside the article.
  await runCommand(page, 'Corpus Lens: Show Corpus Report');
  await page.locator('.tabs-container .tab', { hasText: 'Corpus Report' }).waitFor({ timeout: STEP_TIMEOUT_MS });
  const report = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
  await report.locator('svg.histogram').waitFor({ timeout: STEP_TIMEOUT_MS })
    .then(() => log('the report is drawn'), () => log('the report did not draw its histogram'));
  // Dragging the sash can bring up the (empty) secondary side bar; keep the editor area wide (Ctrl+Alt+B hides it).
  if (await page.locator('.part.auxiliarybar').isVisible()) { await page.keyboard.press('Control+Alt+B'); }
}

async function main() {
  const install = await ensureInstalled();
  const runDir = makeRunDir('screenshot');
  onCleanup(() => fs.rmSync(runDir, { recursive: true, force: true }));

  const vsix = await packageVsix(runDir);
  const extensionsDir = path.join(runDir, 'extensions');
  await installVsix(install, runDir, extensionsDir, vsix);
  log('installed the .vsix into the server\'s extensions folder');

  // The workspace, copied so that its settings can hide the Chat side bar without touching the original.
  const source = txtFiles(SAMPLE).length > 0 ? SAMPLE : FIXTURE_WORKSPACE;
  const workspace = copyWorkspace(source, path.join(runDir, path.basename(source)));
  fs.mkdirSync(path.join(workspace, '.vscode'), { recursive: true });
  const settings = JSON.parse(fs.readFileSync(path.join(FIXTURE_WORKSPACE, '.vscode', 'settings.json'), 'utf8'));
  Object.assign(settings, { 'editor.wordWrap': 'on', 'editor.occurrencesHighlight': 'off', 'files.exclude': { '**/.vscode': true }, 'editor.minimap.enabled': false });
  fs.writeFileSync(path.join(workspace, '.vscode', 'settings.json'), JSON.stringify(settings, null, 2));
  log(`workspace ${path.relative(REPO, source) || source}`);

  const server = await startServer(install, { runDir, extensionsDir });
  const { browser, close } = await launchBrowser();
  const page = await browser.newPage({ viewport: { width: 1400, height: 850 } });
  await page.goto(workbenchUrl(server.base, workspace), { waitUntil: 'domcontentloaded', timeout: STEP_TIMEOUT_MS });
  await page.locator('.monaco-workbench').waitFor({ timeout: STEP_TIMEOUT_MS });
  await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: STEP_TIMEOUT_MS });
  log('workbench is up');

  for (const name of scene === 'all' ? Object.keys(SCENES) : [scene]) {
    if (name === 'workspace') {
      await workspaceScene(page, process.env.CORPUS_LENS_SCREENSHOT_FILE || txtFiles(workspace)[0]);
    } else {
      await sidebarScene(page);
    }
    // Let the last layout pass and fade-in animations settle.
    await page.waitForTimeout(1000);
    const out = path.resolve(REPO, (scene !== 'all' && process.argv[3]) || SCENES[name]);
    fs.mkdirSync(path.dirname(out), { recursive: true });
    await page.screenshot({ path: out });
    log(`screenshot saved: ${path.relative(REPO, out)}`);
  }
  await close();
  await server.stop();
  return 0;
}

let code = 2;
try {
  code = await main();
} catch (e) {
  code = interrupted() ? 130 : 2;
  if (!interrupted()) { log(`error: ${e?.stack ?? e}`); }
} finally {
  await cleanup();
}
process.exit(code);
