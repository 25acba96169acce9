// The one place the export reads a corpus file's text again (its second pass). It goes through the corpus
// reader the scan uses (core's safe reader: regular files inside the folder, size checked before reading), so
// both passes decode alike (BOM removed, UTF-8 checked, size limit).
import { createHash } from 'node:crypto';
import { readCorpusFile } from '../corpus';

export type SourceRead = { ok: true; text: string } | { ok: false; message: string };

/** Reads `rel` under `root` as the scan decodes it. */
export function readSourceText(root: string, rel: string, maxFileBytes: number): SourceRead {
  const r = readCorpusFile(root, rel, { maxFileBytes });
  return r.ok ? { ok: true, text: r.text } : { ok: false, message: r.message };
}

/** Hex SHA-256 of the text's UTF-8 (BOM removed): the sidecar's `sourceHash` without its `sha256:` prefix. */
export function textSha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
