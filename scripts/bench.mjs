// `npm run bench [-- --size MB --seed N --regenerate]`: runs the benchmarks one after another. npm appends the
// arguments after `--` to the last command of a script, so this runner hands them to the scan benchmark, the one
// that takes them, instead of the host, suggestion, export, editor and activation benchmarks that run after it.
import { spawnSync } from 'child_process';

const args = process.argv.slice(2);
const runs = [
  ['--expose-gc', 'dist/bench.js', ...args],
  ['dist/benchHost.js'],
  ['dist/benchSuggest.js'],
  ['dist/benchExport.js'],
  ['dist/benchEditor.js'],
  ['bench/activation.mjs'],
];
for (const run of runs) {
  const r = spawnSync(process.execPath, run, { stdio: 'inherit' });
  if (r.status !== 0) { process.exit(r.status ?? 1); }
}
