// Checks the CLI as npm users get it, the README's way: `npm pack` (its prepack script builds the production
// bundle), then, in an empty folder holding only the tarball and a copy of sample-corpus/,
// `npx ./corpus-lens-<version>.tgz scan sample-corpus`, with a fresh npm cache so that nothing of this checkout
// (its node_modules, its dev dependencies) can stand in for what the tarball lacks. Passes when the scan exits 0
// and prints a report line for every sample file and the corpus summary. Needs the npm registry only if the
// tarball's dependencies are not in the fresh cache, i.e. always: they are fetched like a user's would be.
//
// Usage: node scripts/check-npm-pack.mjs   (npm run test:pack; .ci/run runs it after npm test)
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SAMPLE = path.join(REPO, 'sample-corpus');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-lens-pack-'));
// Without the npm_* variables of an outer `npm run`, which would point npx at this checkout's configuration.
const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));
const run = (cmd, args, cwd) => execFileSync(cmd, args, { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 2 ** 20 });

let code = 1;
try {
  const packed = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', work], REPO))[0];
  const files = packed.files.map((f) => f.path).sort();
  console.log(`npm pack: ${packed.filename}, ${(packed.size / 2 ** 20).toFixed(2)} MB packed, ${files.length} files: ${files.join(', ')}`);

  const empty = path.join(work, 'empty');
  fs.mkdirSync(empty);
  fs.renameSync(path.join(work, packed.filename), path.join(empty, packed.filename));
  fs.cpSync(SAMPLE, path.join(empty, 'sample-corpus'), { recursive: true });
  const out = run('npx', ['--yes', '--cache', path.join(work, 'npm-cache'), `./${packed.filename}`, 'scan', 'sample-corpus'], empty);

  const expected = fs.readdirSync(SAMPLE).filter((f) => f.endsWith('.txt'));
  const missing = expected.filter((f) => !out.includes(`${f}: `));
  if (missing.length > 0) { throw new Error(`the report names no ${missing.join(', ')}:\n${out.slice(0, 2000)}`); }
  if (!/^\d+ files\b.*boilerplate/m.test(out)) { throw new Error(`the report has no corpus summary line:\n${out.slice(-2000)}`); }
  console.log(`npx ./${packed.filename} scan sample-corpus in an empty folder: a report of ${expected.length} files`);
  code = 0;
} catch (e) {
  console.error(`npm pack check failed: ${e.stderr ?? ''}${e.message}`);
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
process.exit(code);
