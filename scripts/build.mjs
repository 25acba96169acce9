// Bundles the extension, its workers, the CLI and the benchmarks with esbuild; `vscode` stays external.
// Type checking is separate (`npm run typecheck`), as esbuild only strips types.
// `--production` (run by `vsce package` through vscode:prepublish, and by `npm pack` through prepack) bundles only
// what the .vsix and the npm tarball ship, minified and without source maps: smaller downloads, faster loading.
import * as fs from 'node:fs';
import * as esbuild from 'esbuild';

const production = process.argv.includes('--production');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  external: ['vscode'],
};

const shipped = {
  'src/extension.ts': 'dist/extension.js',
  'src/worker/scanWorker.ts': 'dist/scanWorker.js',
  'src/worker/prepareWorker.ts': 'dist/prepareWorker.js',
  'src/worker/suggestWorker.ts': 'dist/suggestWorker.js',
  'src/cli/main.ts': 'dist/cli.js',
  'src/vscode/export/exportWorker.ts': 'dist/exportWorker.js',
};
const devOnly = {
  'bench/bench.ts': 'dist/bench.js',
  'bench/host.ts': 'dist/benchHost.js',
  'bench/suggestHost.ts': 'dist/benchSuggest.js',
  'bench/exportBench.ts': 'dist/benchExport.js',
  'bench/editorScale.ts': 'dist/benchEditor.js',
  'bench/annotationsIndex.ts': 'dist/benchAnnotations.js',
};

// A production build starts from an empty dist/, so that no bundle or map of a development build is shipped.
if (production) { fs.rmSync('dist', { recursive: true, force: true }); }
const entries = Object.entries(production ? shipped : { ...shipped, ...devOnly });
await Promise.all(entries.map(([entry, outfile]) => esbuild.build({ ...common, entryPoints: [entry], outfile })));
