// Where a source's sidecar lives: beside it (`article.txt` -> `article.txt.annotations.yaml`). Every front end (the
// CLI, the export and import, the workers, the editor through src/vscode/platform/sidecarUris.ts) asks here, so
// that no one builds a sidecar path by hand.
import * as path from 'node:path';
import { SkippedEntry, walkFolder } from '../io/walkFolder';

export const SIDECAR_SUFFIX = '.annotations.yaml';

export function isSidecarPath(file: string): boolean {
  return file.endsWith(SIDECAR_SUFFIX);
}

/** The sidecar path for a source path. */
export function sidecarPathFor(sourcePath: string): string {
  return path.resolve(sourcePath) + SIDECAR_SUFFIX;
}

/** The source a sidecar belongs to by its place, when its `source` field does not say. */
export function defaultSourcePathFor(sidecarPath: string): string {
  const sidecar = path.resolve(sidecarPath);
  return sidecar.slice(0, sidecar.length - SIDECAR_SUFFIX.length);
}

/** The sidecar's `source` field: the source's path relative to the sidecar's folder, with forward slashes. */
export function sourceFieldFor(sidecarPath: string, sourcePath: string): string {
  return path.relative(path.dirname(path.resolve(sidecarPath)), path.resolve(sourcePath)).split(path.sep).join('/');
}

/** Resolves a sidecar's `source` field to a path. */
export function resolveSourceField(sidecarPath: string, source: string): string {
  return path.resolve(path.dirname(path.resolve(sidecarPath)), source.split('/').join(path.sep));
}

/** True when `file` is `folder` or inside it. */
export function isInside(folder: string, file: string): boolean {
  const rel = path.relative(path.resolve(folder), path.resolve(file));
  return !escapes(rel);
}

/** True when a relative path leaves its base folder. */
function escapes(rel: string): boolean {
  return rel === '..' || rel.startsWith('..' + path.sep) || path.isAbsolute(rel);
}

/** Folders never searched for sidecars: tooling, not corpus. */
const SKIPPED_FOLDERS = new Set(['.git', 'node_modules', '.vscode-test']);

/**
 * Every sidecar file under `folder` (absolute paths, in name order), and the entries left out with why: special
 * files named like a sidecar, folders that cannot be read (`folder` itself included, as "."), names that are
 * not UTF-8. Links are listed; the reader refuses those that lead out of the folder.
 */
export function findSidecars(folder: string): { sidecars: string[]; skipped: SkippedEntry[] } {
  const found = walkFolder(folder, {
    wants: (rel) => rel.endsWith(SIDECAR_SUFFIX),
    enter: (rel) => !SKIPPED_FOLDERS.has(rel.slice(rel.lastIndexOf('/') + 1)),
  });
  return { sidecars: found.files.map((rel) => path.join(folder, ...rel.split('/'))), skipped: found.skipped };
}
