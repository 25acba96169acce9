// Takes the walkthrough's pictures of Corpus Lens in a real VS Code: the extension as a user gets it (packaged as a
// .vsix with vsce and installed into the VS Code server's extensions folder) and the sample corpus open. One
// scene per walkthrough step (package.json's contributes.walkthroughs), each saved under media/walkthrough/:
//   open-corpus:      the corpus folder in the Explorer and an article open (open-corpus.png)
//   read-finding:     a workspace scan run from the command palette, boilerplate faded in the editor and the
//                     findings with their reasons in the Problems panel (read-finding.png)
//   tag-claim-entity: a tagged article, its claim and entities highlighted, the editor's context menu on a
//                     selected sentence with the tagging commands (tag-claim-entity.png)
//   sidebar-report:   the Corpus Lens views focused from the command palette and the corpus report opened beside
//                     the article (sidebar-report.png)
//
// Usage: node scripts/real-vscode/screenshot.mjs [scene|all] [out.png]
//   Every scene by default, one after the other in the same workbench; out.png only with a single scene (the
//   scenes before it still run, unpictured, since each starts where the one before it ended).
//   CORPUS_LENS_SCREENSHOT_FILE   the .txt file of the first two scenes (default: the sample corpus's election
//                                 recount, which has copies elsewhere; else the first file, alphabetically)
//   CORPUS_LENS_SCREENSHOT_WORKSPACE  a folder to open instead of sample-corpus/ (copied, with the sample corpus's
//                                 articles added), e.g. a generated bench corpus, to look at the views on tens of
//                                 thousands of files
// It opens sample-corpus/ (the fixture workspace when sample-corpus/ has no .txt file), copied into a temporary
// folder with the workspace settings that hide the Chat side bar. Installs what it needs like run-integration.mjs.
// A separate page load from the test run: when a test run ends, the workbench stops its extension host.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ensureInstalled } from './install.mjs';
import {
  FIXTURE_WORKSPACE, REPO, copyWorkspace, launchBrowser, log, startServer, workbenchUrl, runMain, prepareVsixRun,
} from './lib.mjs';

const SHOWN_FILE = 'quillpoint-election-recount.txt';
const SCENES = ['open-corpus', 'read-finding', 'tag-claim-entity', 'sidebar-report'];
const scene = process.argv[2] ?? 'all';
if (scene !== 'all' && !SCENES.includes(scene)) {
  console.error(`usage: screenshot.mjs [${SCENES.join('|')}|all] [out.png]`);
  process.exit(2);
}
const TAGGED_FILE = 'quillpoint-port-strike.txt';
const SAMPLE = path.join(REPO, 'sample-corpus');
const STEP_TIMEOUT_MS = 60_000;

function txtFiles(dir) {
  try { return fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort(); } catch { return []; }
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

async function openCorpusScene(page, file) {
  await openFile(page, file);
  // The status bar item appears once the background index has read the article.
  await page.locator('.statusbar-item', { hasText: /boilerplate/ }).first().waitFor({ timeout: STEP_TIMEOUT_MS })
    .then(() => log('the status bar shows the article\'s figures'), () => log('no Corpus Lens status bar item seen'));
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

async function tagScene(page) {
  // The workspace scene's Problems panel closes (Ctrl+J toggles it), and its notification goes.
  if (await page.locator('.part.panel').isVisible()) { await page.keyboard.press('Control+J'); }
  await runCommand(page, 'Notifications: Clear All Notifications');
  await openFile(page, TAGGED_FILE);
  // A paragraph selected (a triple click selects its line) and the editor's context menu on it.
  const line = page.locator('.editor-instance .view-line', { hasText: /said/ }).first();
  await line.click({ clickCount: 3 });
  await line.click({ button: 'right' });
  await page.locator('.monaco-menu .action-label', { hasText: 'Tag Selection as Claim' }).first().waitFor({ timeout: 15_000 })
    .then(() => log('the context menu offers the tagging commands'), () => log('no tagging commands in the context menu'));
}

async function sidebarScene(page) {
  await page.keyboard.press('Escape'); // the tag scene's context menu
  await openFile(page, TAGGED_FILE);
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
  const { runDir, extensionsDir } = await prepareVsixRun(install, 'screenshot');

  // The workspace, copied so that its settings can hide the Chat side bar without touching the original.
  const other = process.env.CORPUS_LENS_SCREENSHOT_WORKSPACE;
  if (other && !fs.existsSync(other)) { throw new Error(`CORPUS_LENS_SCREENSHOT_WORKSPACE: no folder ${other}`); }
  const source = other ? path.resolve(other) : txtFiles(SAMPLE).length > 0 ? SAMPLE : FIXTURE_WORKSPACE;
  const workspace = copyWorkspace(source, path.join(runDir, path.basename(source)));
  // The scenes open and tag the sample corpus's articles: they join the other folder's files.
  if (other) { for (const f of txtFiles(SAMPLE)) { fs.copyFileSync(path.join(SAMPLE, f), path.join(workspace, f)); } }
  fs.mkdirSync(path.join(workspace, '.vscode'), { recursive: true });
  const settings = JSON.parse(fs.readFileSync(path.join(FIXTURE_WORKSPACE, '.vscode', 'settings.json'), 'utf8'));
  Object.assign(settings, { 'editor.wordWrap': 'on', 'editor.occurrencesHighlight': 'off', 'files.exclude': { '**/.vscode': true }, 'editor.minimap.enabled': false });
  // The fixture's suites check files they never open, so it shows the whole corpus in Problems; the pictures
  // show what a user gets by default: the open documents' findings.
  delete settings['corpusLens.diagnostics.scope'];
  fs.writeFileSync(path.join(workspace, '.vscode', 'settings.json'), JSON.stringify(settings, null, 2));
  log(`workspace ${path.relative(REPO, source) || source}`);

  const server = await startServer(install, { runDir, extensionsDir });
  const { browser, close } = await launchBrowser();
  const page = await browser.newPage({ viewport: { width: 1400, height: 850 } });
  await page.goto(workbenchUrl(server.base, workspace), { waitUntil: 'domcontentloaded', timeout: STEP_TIMEOUT_MS });
  await page.locator('.monaco-workbench').waitFor({ timeout: STEP_TIMEOUT_MS });
  await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: STEP_TIMEOUT_MS });
  log('workbench is up');
  // The (empty) secondary side bar takes a third of the width; Ctrl+Alt+B hides it.
  if (await page.locator('.part.auxiliarybar').isVisible()) { await page.keyboard.press('Control+Alt+B'); }

  // An article with copies elsewhere: boilerplate (hints) is faded but not listed in Problems, duplicates are.
  const files = txtFiles(workspace);
  const firstFile = process.env.CORPUS_LENS_SCREENSHOT_FILE || (files.includes(SHOWN_FILE) ? SHOWN_FILE : files[0]);
  const run = {
    'open-corpus': () => openCorpusScene(page, firstFile),
    'read-finding': () => workspaceScene(page, firstFile),
    'tag-claim-entity': () => tagScene(page),
    'sidebar-report': () => sidebarScene(page),
  };
  const last = scene === 'all' ? SCENES.length - 1 : SCENES.indexOf(scene);
  for (const name of SCENES.slice(0, last + 1)) {
    await run[name]();
    if (scene !== 'all' && name !== scene) { continue; }
    // Let the last layout pass and fade-in animations settle.
    await page.waitForTimeout(1000);
    const out = path.resolve(REPO, (scene !== 'all' && process.argv[3]) || path.join('media', 'walkthrough', `${name}.png`));
    fs.mkdirSync(path.dirname(out), { recursive: true });
    await page.screenshot({ path: out });
    log(`screenshot saved: ${path.relative(REPO, out)}`);
  }
  await close();
  await server.stop();
  return 0;
}

await runMain(main);
