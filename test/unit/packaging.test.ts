// The .vsix as users get it: `vsce package` with no flags builds it (production bundle through vscode:prepublish),
// it holds only what the extension loads (an allow-list; no source, test, benchmark, evaluation data or source map)
// and everything package.json points at, under the size budget. The manifest's first-run texts render: welcome
// content and walkthrough steps use links and command links only, and every link in the README resolves outside
// the repository too (a marketplace page has no repository to resolve a relative link against).
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const repo = path.resolve(__dirname, '..', '..', '..');
const manifest = JSON.parse(fs.readFileSync(path.join(repo, 'package.json'), 'utf8'));
const MAX_PACKED_BYTES = 3 * 1024 * 1024;

/** Paths inside the .vsix's extension/ folder that may be shipped. */
const ALLOWED: RegExp[] = [
  /^package\.json$/, /^readme\.md$/, /^changelog\.md$/, /^LICENSE\.txt$/, /^language-configuration\.json$/,
  /^dist\/(extension|scanWorker|prepareWorker|suggestWorker|exportWorker)\.js$/,
  /^syntaxes\/[\w.-]+\.tmLanguage\.json$/, /^schemas\/[\w.-]+\.schema\.json$/,
  /^media\/icon\.png$/, /^media\/walkthrough\/[\w-]+\.png$/, /^media\/report\/[\w-]+\.(js|css)$/,
];
/** The workers the extension starts by file name (src/vscode/workers/workerHost.ts, src/worker/scanWorker.ts, src/vscode/export/). */
const WORKERS = ['dist/scanWorker.js', 'dist/prepareWorker.js', 'dist/suggestWorker.js', 'dist/exportWorker.js'];

interface ZipEntry { name: string; size: number }

/** The entries of a zip file, from its central directory (the .vsix is a plain zip). */
function zipEntries(file: string): ZipEntry[] {
  const zip = fs.readFileSync(file);
  let eocd = zip.length - 22;
  while (eocd >= 0 && zip.readUInt32LE(eocd) !== 0x06054b50) { eocd--; }
  assert.ok(eocd >= 0, `${file} is not a zip file`);
  const count = zip.readUInt16LE(eocd + 10);
  const entries: ZipEntry[] = [];
  for (let at = zip.readUInt32LE(eocd + 16), i = 0; i < count; i++) {
    assert.strictEqual(zip.readUInt32LE(at), 0x02014b50, 'a central directory entry');
    const nameLength = zip.readUInt16LE(at + 28);
    entries.push({ name: zip.toString('utf8', at + 46, at + 46 + nameLength), size: zip.readUInt32LE(at + 24) });
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return entries;
}

/** Every file path package.json's manifest names, relative to the extension's folder. */
function referencedFiles(): string[] {
  const c = manifest.contributes;
  const rel = (p: string) => path.posix.normalize(p.replace(/^\.\//, ''));
  return [
    rel(manifest.main), rel(manifest.icon), ...WORKERS,
    ...c.grammars.map((g: { path: string }) => rel(g.path)),
    ...c.languages.map((l: { configuration: string }) => rel(l.configuration)),
    ...c.yamlValidation.map((y: { url: string }) => rel(y.url)),
    ...c.walkthroughs.flatMap((w: { steps: { media: { image: string } }[] }) => w.steps.map((s) => rel(s.media.image))),
  ];
}

/** The texts that VS Code renders with links and command links only (no bold, no code spans). */
function linkOnlyTexts(): { where: string; text: string }[] {
  const c = manifest.contributes;
  return [
    ...c.viewsWelcome.map((w: { view: string; contents: string }) => ({ where: `viewsWelcome ${w.view}`, text: w.contents })),
    ...c.walkthroughs.flatMap((w: { steps: { id: string; description: string }[] }) =>
      w.steps.map((s) => ({ where: `walkthrough step ${s.id}`, text: s.description }))),
  ];
}

describe('packaging', function () {
  this.timeout(180_000);
  let dir: string;
  let vsix: string;
  let files: Map<string, number>;

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-lens-vsix-'));
    vsix = path.join(dir, 'corpus-lens.vsix');
    // No flags: what `npx vsce package` in a fresh clone runs. stdin closed, so a question would fail, not hang.
    execFileSync(process.execPath, [path.join(repo, 'node_modules', '@vscode', 'vsce', 'vsce'), 'package', '--out', vsix],
      { cwd: repo, stdio: ['ignore', 'pipe', 'pipe'] });
    files = new Map(zipEntries(vsix)
      .filter((e) => e.name.startsWith('extension/'))
      .map((e) => [e.name.slice('extension/'.length), e.size]));
  });

  after(() => { fs.rmSync(dir, { recursive: true, force: true }); });

  it('is under the size budget, packed', () => {
    const bytes = fs.statSync(vsix).size;
    assert.ok(bytes < MAX_PACKED_BYTES, `the .vsix is ${(bytes / 2 ** 20).toFixed(2)} MB, over ${MAX_PACKED_BYTES / 2 ** 20} MB`);
  });

  it('holds only files on the allow-list: no source, test, benchmark, evaluation data or source map', () => {
    const unexpected = [...files.keys()].filter((f) => !ALLOWED.some((re) => re.test(f)));
    assert.deepStrictEqual(unexpected, []);
    for (const f of files.keys()) {
      assert.doesNotMatch(f, /\.(ts|map)$|(^|\/)(src|test|bench|eval|scripts|node_modules)\//, f);
    }
  });

  it('holds every file the manifest and the extension load, none of them empty', () => {
    for (const f of [...referencedFiles(), 'LICENSE.txt', 'changelog.md', 'readme.md']) {
      assert.ok((files.get(f) ?? 0) > 0, `${f} is missing from the .vsix or empty`);
    }
  });

  it('ships minified bundles (the production build)', () => {
    const bundle = fs.readFileSync(path.join(repo, 'dist', 'extension.js'), 'utf8');
    const lines = bundle.split('\n').length;
    assert.ok(lines < bundle.length / 500, `dist/extension.js has ${lines} lines for ${bundle.length} characters: not minified`);
  });

  it('names no placeholder address, and the README links only to absolute https pages or its own headings', () => {
    for (const file of ['package.json', 'README.md', 'CHANGELOG.md']) {
      assert.doesNotMatch(fs.readFileSync(path.join(repo, file), 'utf8'), /\b[\w.-]+\.(invalid|example)\b|example\.(com|org)/i, file);
    }
    const readme = fs.readFileSync(path.join(repo, 'README.md'), 'utf8');
    for (const [, link] of readme.matchAll(/\]\(([^)\s]+)[^)]*\)/g)) {
      assert.match(link, /^(https:\/\/|#)/, `README link ${link} does not resolve on a marketplace page`);
    }
  });

  it('walks a new user through four steps, each with a command link and a PNG picture', () => {
    const [walkthrough, ...others] = manifest.contributes.walkthroughs;
    assert.deepStrictEqual(others, []);
    assert.deepStrictEqual(walkthrough.steps.map((s: { id: string }) => s.id), ['openCorpus', 'readFinding', 'tagClaimEntity', 'openReport']);
    for (const step of walkthrough.steps) {
      assert.match(step.description, /\]\(command:[\w.]+(\?[^)]*)?\)/, `${step.id} has no command link`);
      assert.ok(step.media.altText, `${step.id} has no alt text`);
      const png = fs.readFileSync(path.join(repo, step.media.image));
      assert.strictEqual(png.toString('latin1', 1, 4), 'PNG', step.media.image);
    }
  });

  it('writes welcome texts and walkthrough steps without markdown that VS Code shows literally', () => {
    for (const { where, text } of linkOnlyTexts()) {
      assert.doesNotMatch(text, /\*\*|__|`/, where);
    }
  });

  it('has a 128x128 PNG icon and an MIT licence naming its authors', () => {
    const icon = fs.readFileSync(path.join(repo, manifest.icon));
    assert.strictEqual(icon.toString('latin1', 1, 4), 'PNG');
    assert.deepStrictEqual([icon.readUInt32BE(16), icon.readUInt32BE(20)], [128, 128]); // IHDR width, height
    assert.strictEqual(manifest.license, 'MIT');
    assert.match(fs.readFileSync(path.join(repo, 'LICENSE'), 'utf8'), /^MIT License\n\nCopyright \(c\) \d{4} The Corpus Lens authors\n/);
  });
});
