// Messages between a parallel scan and its prepare workers.
import { BoilerplateOptions } from '../detect/boilerplate';
import { Finding } from '../findings';
import { PackedDocument } from './prepare';

export type PrepareRequest =
  | { type: 'prepare'; root: string; files: string[]; maxFileBytes: number; k: number; window: number; boilerplate: BoilerplateOptions }
  | { type: 'boilerplate'; items: { path: string; counts: Int32Array }[]; totalFiles: number; options: BoilerplateOptions };

export type PreparedFile =
  | { path: string; ok: true; bytes: number; doc: PackedDocument }
  | { path: string; ok: false; reason: string; message: string };

export type PrepareReply =
  | { type: 'prepared'; files: PreparedFile[] }
  | { type: 'boilerplate'; results: { path: string; findings: Finding[] }[] }
  | { type: 'error'; message: string };
