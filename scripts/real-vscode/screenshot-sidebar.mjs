// Takes the screenshot of the Corpus Lens sidebar and the corpus report in a real VS Code, as screenshot.mjs
// does for the editor: the extension packaged as a .vsix and installed into the VS Code server, the sample corpus
// open, a tagged article in the editor, the Corpus Lens container shown from the command palette, and the corpus
// report opened beside the article.
//
// Usage: node scripts/real-vscode/screenshot-sidebar.mjs [out.png]
//   out.png defaults to media/screenshots/corpus-lens-sidebar.png
//   CORPUS_LENS_SKIP_BUILD=1      use dist/ as it is instead of running the esbuild bundle first
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ensureInstalled } from './install.mjs';
import {
  FIXTURE_WORKSPACE, REPO, cleanup, copyWorkspace, installVsix, interrupted, launchBrowser, log, makeRunDir, onCleanup,
  runLogged, startServer, workbenchUrl,
} from './lib.mjs';

const OUT = path.resolve(REPO, process.argv[2] || 'media/screenshots/corpus-lens-sidebar.png');
const SAMPLE = path.join(REPO, 'sample-corpus');
const FILE = 'quillpoint-port-strike.txt';
const STEP_TIMEOUT_MS = 60_000;

async function packageVsix(runDir) {
  if (process.env.CORPUS_LENS_SKIP_BUILD !== '1') {
    log('bundling the extension (npm run build)...');
    const r = spawnSync(process.execPath, [path.join(REPO, 'scripts', 'build.mjs')], { cwd: REPO, stdio: 'inherit' });
    if (r.status !== 0) { throw new Error('the esbuild bundle failed'); }
  }
  const vsix = path.join(runDir, 'corpus-lens.vsix');
  const repo = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')).repository.url.replace(/\.git$/, '');
  await runLogged(path.join(REPO, 'node_modules', '.bin', 'vsce'),
    ['package', '--no-dependencies', '--skip-license', '--allow-missing-repository',
      '--baseContentUrl', `${repo}/blob/main`, '--baseImagesUrl', `${repo}/raw/main`, '-o', vsix], {
      cwd: REPO, env: process.env, logFile: path.join(runDir, 'vsce.log'), timeoutMs: 120_000,
    });
  return vsix;
}

async function runCommand(page, title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ timeout: STEP_TIMEOUT_MS });
  await page.keyboard.press('Enter');
}

async function main() {
  const install = await ensureInstalled();
  const runDir = makeRunDir('screenshot-sidebar');
  onCleanup(() => fs.rmSync(runDir, { recursive: true, force: true }));
  const vsix = await packageVsix(runDir);
  const extensionsDir = path.join(runDir, 'extensions');
  await installVsix(install, runDir, extensionsDir, vsix);

  const workspace = copyWorkspace(SAMPLE, path.join(runDir, 'sample-corpus'));
  fs.mkdirSync(path.join(workspace, '.vscode'), { recursive: true });
  const settings = JSON.parse(fs.readFileSync(path.join(FIXTURE_WORKSPACE, '.vscode', 'settings.json'), 'utf8'));
  Object.assign(settings, { 'editor.wordWrap': 'on', 'editor.occurrencesHighlight': 'off', 'files.exclude': { '**/.vscode': true }, 'editor.minimap.enabled': false });
  fs.writeFileSync(path.join(workspace, '.vscode', 'settings.json'), JSON.stringify(settings, null, 2));

  const server = await startServer(install, { runDir, extensionsDir });
  const { browser, close } = await launchBrowser();
  const page = await browser.newPage({ viewport: { width: 1400, height: 850 } });
  await page.goto(workbenchUrl(server.base, workspace), { waitUntil: 'domcontentloaded', timeout: STEP_TIMEOUT_MS });
  await page.locator('.monaco-workbench').waitFor({ timeout: STEP_TIMEOUT_MS });
  await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: STEP_TIMEOUT_MS });
  log('workbench is up');

  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  await input.fill(FILE);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: FILE }).first().waitFor({ timeout: STEP_TIMEOUT_MS });
  await page.keyboard.press('Enter');
  await page.locator('.tabs-container .tab.active', { hasText: FILE }).waitFor({ timeout: STEP_TIMEOUT_MS });
  log(`${FILE} is open`);

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
  // Dragging the sash can bring up the (empty) secondary side bar; keep the editor area wide.
  if (await page.locator('.part.auxiliarybar').isVisible()) { await runCommand(page, 'View: Close Secondary Side Bar'); }
  await page.waitForTimeout(1000);

  fs.mkdirSync(path.dirname(OUT), { recursive: true });
  await page.screenshot({ path: OUT });
  log(`screenshot saved: ${path.relative(REPO, OUT)}`);
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
