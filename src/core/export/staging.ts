// Where an export writes before it is done: a hidden folder inside the output folder, whose files are moved into
// place only once every one of them was written in full. A failed or cancelled export (a full disk, a read-only
// folder, a file that cannot be written) removes the folder and leaves the output folder as it was, so no
// truncated documents.jsonl is ever left to pass for a complete one, and an earlier export there is kept whole.
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { isProcessAlive, WriteError } from '../io/atomicWrite';
import { describeErrno, isWithin } from '../io/safeRead';

/** A staging folder is `.corpus-lens-export-<host>-<pid>-<random>`. */
const PREFIX = '.corpus-lens-export-';

/** Creates `dir` and its missing parents; a failure is a WriteError naming the folder and the real reason. */
export function makeOutputFolder(dir: string): void {
  try {
    fs.mkdirSync(dir, { recursive: true });
  } catch (e) {
    // Node's recursive mkdir says ENOENT for a parent on a read-only file system: one plain mkdir gives the cause.
    let cause = e;
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') {
      try { fs.mkdirSync(dir); } catch (again) { cause = again; }
    }
    throw new WriteError(dir, `cannot create the folder: ${describeErrno(cause)}`, (cause as NodeJS.ErrnoException).code);
  }
}

/** Creates the output folder and a fresh staging folder in it, after removing those of exports that died. */
export function createStage(outDir: string): string {
  makeOutputFolder(outDir);
  removeDeadStages(outDir);
  const stage = path.join(outDir, `${PREFIX}${hostTag()}-${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    fs.mkdirSync(stage);
  } catch (e) {
    throw new WriteError(outDir, `cannot write in the folder: ${describeErrno(e)}`, (e as NodeJS.ErrnoException).code);
  }
  return stage;
}

/** Removes the staging folder and whatever was written in it. */
export function discardStage(stage: string): void {
  fs.rmSync(stage, { recursive: true, force: true });
}

/**
 * Moves every file of `stage` to the same place under `outDir`, then removes `stage`. A file that would land on
 * a file of the corpus (`isCorpusFile`, relative to the real `root`) stops the move before anything is moved.
 */
export function publishStage(stage: string, outDir: string, root: string, isCorpusFile: (rel: string) => boolean): void {
  const files = listFiles(stage, '');
  const realOut = fs.realpathSync(outDir);
  const realRoot = fs.realpathSync(root);
  for (const rel of files) {
    const target = path.join(realOut, ...rel.split('/'));
    const inRoot = path.relative(realRoot, target).split(path.sep).join('/');
    if (isWithin(realRoot, target) && isCorpusFile(inRoot)) {
      throw new WriteError(target, `the export would write over ${inRoot}, a file of the corpus; export to a folder outside it`);
    }
  }
  for (const rel of files) {
    const from = path.join(stage, ...rel.split('/'));
    const to = path.join(outDir, ...rel.split('/'));
    try {
      fs.mkdirSync(path.dirname(to), { recursive: true });
      fs.renameSync(from, to);
    } catch (e) {
      throw new WriteError(to, `cannot move ${rel} into ${outDir}: ${describeErrno(e)}`, (e as NodeJS.ErrnoException).code);
    }
  }
  discardStage(stage);
}

/** The path a file written at `file` inside `stage` has once published into `outDir`. */
export function publishedPath(stage: string, outDir: string, file: string): string {
  return path.join(outDir, path.relative(stage, file));
}

function listFiles(dir: string, rel: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const r = rel === '' ? e.name : `${rel}/${e.name}`;
    if (e.isDirectory()) { out.push(...listFiles(path.join(dir, e.name), r)); } else { out.push(r); }
  }
  return out.sort();
}

/**
 * Staging folders of exports whose process is gone (killed mid-export) are removed by the next export on the same
 * machine; one made on another machine (a shared folder) is left to that machine, whose pids these are not.
 */
function removeDeadStages(outDir: string): void {
  let names: string[];
  try { names = fs.readdirSync(outDir); } catch { return; }
  const mine = `${PREFIX}${hostTag()}-`;
  for (const name of names) {
    const m = name.startsWith(mine) ? /^(\d+)-[0-9a-f]+$/.exec(name.slice(mine.length)) : null;
    if (m && !isProcessAlive(Number(m[1]))) { fs.rmSync(path.join(outDir, name), { recursive: true, force: true }); }
  }
}

/** This machine's name as it may stand in a file name: letters, digits, dots and dashes, at most 64 of them. */
function hostTag(): string {
  return os.hostname().replace(/[^A-Za-z0-9.-]/g, '_').slice(0, 64) || 'host';
}
