// `npm run bench [-- --size MB --seed N --regenerate --jscpd]`: runs the benchmarks one after another. npm appends
// the arguments after `--` to the last command of a script, so this runner hands them to the scan benchmark, the
// one that takes them, instead of the host, suggestion, export, editor and activation benchmarks that run after it.
// The editor benchmark takes the workspace's shape from `--size`: as many files as a corpus of that size holds
// (about 133 a MB, so `--size 1000` is a 133,000-file workspace); without `--size` it keeps its 10,000 files.
import { spawnSync } from 'child_process';

const args = process.argv.slice(2);
const size = args.indexOf('--size');
const editorFiles = size >= 0 && Number(args[size + 1]) > 0 ? ['--files', String(Math.round(Number(args[size + 1]) * 133))] : [];
const runs = [
  ['--expose-gc', 'dist/bench.js', ...args],
  ['dist/benchHost.js'],
  ['dist/benchSuggest.js'],
  ['dist/benchExport.js'],
  ['dist/benchEditor.js', ...editorFiles],
  ['dist/benchAnnotations.js'],
  ['bench/activation.mjs'],
];
for (const run of runs) {
  const r = spawnSync(process.execPath, run, { stdio: 'inherit' });
  if (r.status !== 0) { process.exit(r.status ?? 1); }
}
