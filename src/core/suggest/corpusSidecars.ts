// The sidecars of a corpus folder, read for the CLI's suggestion gazetteer: every sidecar under the
// folder by the absolute path of its source, through the one annotations index of core (which the editor's
// suggestion worker keeps per folder). An invalid sidecar is reported and passed over (its file's tags are then not
// in the gazetteer).
import { CorpusAnnotations } from '../annotations/corpusAnnotations';
import type { Annotation } from '../annotations/model';

export interface SidecarInfo {
  sidecarPath: string;
  /** The source's absolute path. */
  sourcePath: string;
  annotations: Annotation[];
}

/** Every sidecar under `root`, by the absolute path of its source. Invalid ones are reported and passed over. */
export async function readCorpusSidecars(root: string, report: (message: string) => void): Promise<Map<string, SidecarInfo>> {
  const index = new CorpusAnnotations(root);
  await index.load(report);
  const out = new Map<string, SidecarInfo>();
  for (const f of index.annotations()) {
    if (f.invalid === undefined) { out.set(f.path, { sidecarPath: f.sidecarPath, sourcePath: f.path, annotations: f.annotations }); }
  }
  return out;
}
