// Messages between the extension host and the scan worker. Every request carries an id; every reply names it,
// so replies to a superseded request can be recognised and dropped.
import { JsonReport } from '../core/report';
import { ScanProgress } from '../core/scan';

export interface ScanRequest {
  type: 'scan';
  id: number;
  root: string;
  include?: string[];
  exclude?: string[];
  /** One Int32 the host sets to 1 to cancel; shared, because the scan runs synchronously between files. */
  cancel: SharedArrayBuffer;
}

export type WorkerRequest = ScanRequest;

export type WorkerReply =
  | { type: 'progress'; id: number; progress: ScanProgress }
  | { type: 'result'; id: number; report: JsonReport; seconds: number }
  | { type: 'cancelled'; id: number }
  | { type: 'error'; id: number; message: string };
