// The standard way to run the same integration suite, for machines that can download a desktop VS Code:
// @vscode/test-electron downloads VS Code (cached in .vscode-test/) and starts it with
// --extensionDevelopmentPath/--extensionTestsPath, as run-integration.mjs passes them through the web workbench's
// `payload`. Both run out/test/integration/index.js; this one loads the extension from this folder's development
// build, where run-integration.mjs installs the packaged .vsix (so the suite's packaged-extension check skips here).
//
// NOT used by `npm test` on our machines: they cannot reach VS Code's download server, so this would fail at
// the download. Use it on a developer machine that can:
//   npm run build && npm run compile-tests && node scripts/real-vscode/test-electron.mjs
// (on a Linux machine without a display, run it under xvfb-run). Env: VSCODE_VERSION (default 'stable').
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const FIXTURE_WORKSPACE = path.join(REPO, 'test', 'integration', 'fixture-workspace');

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-lens-electron-'));
const workspace = path.join(work, 'workspace');
fs.cpSync(FIXTURE_WORKSPACE, workspace, { recursive: true });
const resultFile = path.join(work, 'result.json');

let code = 1;
try {
  await runTests({
    version: process.env.VSCODE_VERSION || 'stable',
    extensionDevelopmentPath: REPO,
    extensionTestsPath: path.join(REPO, 'out', 'test', 'integration', 'index.js'),
    extensionTestsEnv: { CORPUS_LENS_TEST_RESULT: resultFile },
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--user-data-dir', path.join(work, 'user-data')],
  });
  code = 0;
} catch (e) {
  console.error(`integration tests failed: ${e?.message ?? e}`);
} finally {
  // Desktop VS Code prints mocha's output itself; the summary line is the same as run-integration.mjs prints.
  try {
    const r = JSON.parse(fs.readFileSync(resultFile, 'utf8'));
    console.log(`integration: ${r.passes} passed, ${r.failures} failed, ${r.pending} skipped`);
  } catch { /* the suite did not get to run */ }
  fs.rmSync(work, { recursive: true, force: true });
}
process.exit(code);
