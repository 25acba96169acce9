// The export's one access to the scan engine (its first pass): index the corpus as `scan` does and keep, per
// file, only what the second pass needs (findings, shares, near-copies, the hash of the text that was indexed),
// then let the index go. The index keeps no texts after a parallel scan, so the hash is taken from a read of the
// file that checks it is still the version indexed (a file changed since gets no hash, and the second pass then
// reports it changed instead of exporting findings at stale offsets); no text is kept between files.
import { CorpusIndex, FileAnalysis } from '../index/corpusIndex';
import { readIfUnchanged } from '../index/sourceFile';
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
  const files = result.files.map((f) => ({ ...f, sha256: indexedTextHash(root, result.index, f.path) }));
  return { files, skipped: result.skipped, bytes: result.bytes, maxFileBytes: result.index.options.maxFileBytes };
}

/** The hash of the text `rel` was indexed with, or '' when the file is no longer that version. */
function indexedTextHash(root: string, index: CorpusIndex, rel: string): string {
  const doc = index.document(rel)!;
  if (doc.model.textLoaded) { return textSha256(doc.model.text); }
  const again = readIfUnchanged(root, rel, doc.stamp, index.options);
  return again.changed ? '' : textSha256(again.text);
}
