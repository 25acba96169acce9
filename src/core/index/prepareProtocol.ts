// Messages between a parallel scan and its prepare workers.
import { BoilerplateOptions } from '../detect/boilerplate';
import { Finding } from '../findings';
import { PackedDocument } from './prepare';
import { SourceStamp } from './sourceFile';

export type PrepareRequest =
  | { type: 'prepare'; root: string; files: string[]; maxFileBytes: number; k: number; window: number; boilerplate: BoilerplateOptions }
  | { type: 'boilerplate'; items: { path: string; counts: Int32Array }[]; totalFiles: number; options: BoilerplateOptions };

export type PreparedFile =
  | { path: string; ok: true; bytes: number; doc: PackedDocument; stamp: SourceStamp | undefined }
  | { path: string; ok: false; reason: string; message: string };

/** A file that changed on disk since it was prepared has no findings: the scan re-indexes it. */
export type BoilerplateResult =
  | { path: string; changed: false; findings: Finding[] }
  | { path: string; changed: true };

export type PrepareReply =
  | { type: 'prepared'; files: PreparedFile[] }
  | { type: 'boilerplate'; results: BoilerplateResult[] }
  | { type: 'error'; message: string };
