// Regenerates docs/export.md from the sample corpus: runs the doc's test with UPDATE_EXPORT_DOC=1, which writes
// the doc before comparing (run `npm run compile-tests` first; `npm run docs:export` does both).
import { spawnSync } from 'node:child_process';

const r = spawnSync(process.execPath, ['node_modules/mocha/bin/mocha.js', '--no-config', '--timeout', '60000', 'out/test/unit/core/export/exportDoc.test.js'], {
  stdio: 'inherit',
  env: { ...process.env, UPDATE_EXPORT_DOC: '1' },
});
process.exit(r.status ?? 1);
