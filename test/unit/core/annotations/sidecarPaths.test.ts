// Where sidecars live, and that only the core's path functions say it: no other file of src/ spells the sidecar
// suffix, so that no front end builds a sidecar path by hand (the editor asks src/vscode/platform/sidecarUris.ts,
// whose glob is made from the suffix).
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { SIDECAR_SUFFIX, defaultSourcePathFor, isSidecarPath, sidecarPathFor } from '../../../../src/core/annotations/sidecarPaths';

const SRC = path.join(__dirname, '..', '..', '..', '..', '..', 'src');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(p) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('sidecar paths', () => {
  it('puts a sidecar beside its source, and finds the source from the sidecar', () => {
    const source = path.resolve('corpus', 'news', 'article.txt');
    assert.strictEqual(sidecarPathFor(source), `${source}.annotations.yaml`);
    assert.strictEqual(defaultSourcePathFor(sidecarPathFor(source)), source);
    assert.ok(isSidecarPath(sidecarPathFor(source)));
    assert.ok(!isSidecarPath(source));
  });

  it('is spelled in one place: no file of src/ but sidecarPaths.ts uses the suffix or writes it out', () => {
    const spelled = new RegExp(`${SIDECAR_SUFFIX.replace(/\./g, '\\.')}['\`"]|SIDECAR_SUFFIX`);
    const users = sourceFiles(SRC)
      .filter((f) => spelled.test(fs.readFileSync(f, 'utf8')))
      .map((f) => path.relative(SRC, f).split(path.sep).join('/'))
      .sort();
    // The core's index re-exports it; the editor makes its one watcher glob of it.
    assert.deepStrictEqual(users, ['core/annotations/index.ts', 'core/annotations/sidecarPaths.ts', 'vscode/platform/sidecarUris.ts']);
  });
});
