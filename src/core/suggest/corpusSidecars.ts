// The sidecars of a corpus folder, read for the suggestion gazetteer: every `*.annotations.yaml` under the folder
// by the absolute path of its source. The CLI's `suggest` and the editor's suggestion worker both read them here.
// An invalid sidecar is reported and passed over (its file's tags are then not in the gazetteer).
import * as path from 'node:path';
import { SidecarError } from '../annotations/errors';
import type { Annotation } from '../annotations/model';
import { readSidecarFile } from '../annotations/sidecarFs';
import { defaultSourcePathFor, findSidecars, resolveSourceField } from '../annotations/sidecarPaths';
import { defaultSidecarLimits, parseSidecar } from '../annotations/sidecarYaml';

export interface SidecarInfo {
  sidecarPath: string;
  /** The source's absolute path. */
  sourcePath: string;
  annotations: Annotation[];
}

/** Every sidecar under `root`, by the absolute path of its source. Invalid ones are reported and passed over. */
export async function readCorpusSidecars(root: string, report: (message: string) => void): Promise<Map<string, SidecarInfo>> {
  const out = new Map<string, SidecarInfo>();
  const found = findSidecars(root);
  for (const s of found.skipped) { report(`${s.path}: skipped: ${s.message}`); }
  for (const p of found.sidecars) {
    const info = await readOneSidecar(p, root, report);
    if (info) { out.set(path.resolve(info.sourcePath), info); }
  }
  return out;
}

/** One sidecar; undefined when it is missing, or invalid (then reported). */
export async function readOneSidecar(sidecarPath: string, root: string, report: (message: string) => void): Promise<SidecarInfo | undefined> {
  try {
    const raw = await readSidecarFile(sidecarPath, defaultSidecarLimits.maxBytes, root);
    if (raw === undefined) { return undefined; }
    const data = parseSidecar(raw, sidecarPath).data;
    const sourcePath = typeof data.source === 'string' ? resolveSourceField(sidecarPath, data.source) : defaultSourcePathFor(sidecarPath);
    return { sidecarPath, sourcePath: path.resolve(sourcePath), annotations: data.annotations };
  } catch (err) {
    if (!(err instanceof SidecarError)) { throw err; }
    report(`${path.relative(root, sidecarPath).split(path.sep).join('/')}: invalid sidecar, not used: ${err.message}`);
    return undefined;
  }
}
