// Bundles the extension, its worker, the CLI and the benchmark with esbuild; `vscode` stays external.
// Type checking is separate (`npm run typecheck`), as esbuild only strips types.
import * as esbuild from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  external: ['vscode'],
};

await Promise.all([
  esbuild.build({ ...common, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js' }),
  esbuild.build({ ...common, entryPoints: ['src/worker/scanWorker.ts'], outfile: 'dist/scanWorker.js' }),
  esbuild.build({ ...common, entryPoints: ['src/worker/prepareWorker.ts'], outfile: 'dist/prepareWorker.js' }),
  esbuild.build({ ...common, entryPoints: ['src/worker/suggestWorker.ts'], outfile: 'dist/suggestWorker.js' }),
  esbuild.build({ ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js' }),
  esbuild.build({ ...common, entryPoints: ['src/vscode/export/exportWorker.ts'], outfile: 'dist/exportWorker.js' }),
  esbuild.build({ ...common, entryPoints: ['bench/bench.ts'], outfile: 'dist/bench.js' }),
  esbuild.build({ ...common, entryPoints: ['bench/host.ts'], outfile: 'dist/benchHost.js' }),
  esbuild.build({ ...common, entryPoints: ['bench/suggestHost.ts'], outfile: 'dist/benchSuggest.js' }),
  esbuild.build({ ...common, entryPoints: ['bench/exportBench.ts'], outfile: 'dist/benchExport.js' }),
]);
