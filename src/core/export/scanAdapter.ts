// The export's one access to the scan engine (its first pass): index the corpus as `scan` does and keep, per
// file, only what the second pass needs (findings, shares, near-copies, the hash of the text that was indexed),
// then let the index and its texts go. When the index stops holding texts, this file is the one to adapt.
import { FileAnalysis } from '../index/corpusIndex';
import { scanFolderParallel } from '../parallelScan';
import { ScanOptions, SkippedFile, scanFolder } from '../scan';
import { textSha256 } from './sourceReader';

export interface IndexedFile extends FileAnalysis {
  /** Hex SHA-256 of the text the findings were computed on; the second pass checks the file still holds it. */
  sha256: string;
}

export interface IndexedCorpus {
  files: IndexedFile[];
  skipped: SkippedFile[];
  bytes: number;
  maxFileBytes: number;
}

/** Scans `root` (on worker threads when `workerScript` names the bundled prepare worker) and keeps the analyses. */
export async function indexForExport(root: string, options: ScanOptions, workerScript?: string): Promise<IndexedCorpus> {
  const result = workerScript ? await scanFolderParallel(root, options, { workerScript }) : scanFolder(root, options);
  const files = result.files.map((f) => ({ ...f, sha256: textSha256(result.index.document(f.path)!.model.text) }));
  return { files, skipped: result.skipped, bytes: result.bytes, maxFileBytes: result.index.options.maxFileBytes };
}
