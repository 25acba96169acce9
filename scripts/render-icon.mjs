// Renders the marketplace icon, media/icon.svg, to the 128x128 PNG that package.json's `icon` names
// (media/icon.png): the Marketplace and VS Code's extension view take PNG, not SVG. Run it after editing the SVG:
//   node scripts/render-icon.mjs
// Uses the same headless Chromium as the integration tests (scripts/real-vscode/install.mjs installs it).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO, cleanup, launchBrowser } from './real-vscode/lib.mjs';

const SIZE = 128;
const svg = fs.readFileSync(path.join(REPO, 'media', 'icon.svg'), 'utf8');
const { browser, close } = await launchBrowser();
try {
  const page = await browser.newPage({ viewport: { width: SIZE, height: SIZE } });
  await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
  await page.locator('svg').screenshot({ path: path.join(REPO, 'media', 'icon.png'), omitBackground: true });
} finally {
  await close();
  await cleanup();
}
