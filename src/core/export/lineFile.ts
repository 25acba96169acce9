// An output file written as it goes, in large buffered chunks: what every export format writes through, so that
// memory holds one document's output at a time and a failed write says which file it was.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { WriteError } from '../io/atomicWrite';
import { describeErrno } from '../io/safeRead';
import { ExportDocument, FormatWriter, WriterContext } from './types';

const FLUSH_AT = 1 << 20;

export class OutputFile {
  private fd: number | undefined;
  private pending: string[] = [];
  private pendingLength = 0;

  constructor(readonly file: string) {
    this.fd = writing(file, () => {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      return fs.openSync(file, 'w');
    });
  }

  write(s: string): void {
    this.pending.push(s);
    this.pendingLength += s.length;
    if (this.pendingLength >= FLUSH_AT) { this.flush(); }
  }

  /** One JSON Lines record. */
  record(value: unknown): void {
    this.write(JSON.stringify(value) + '\n');
  }

  /** Writes what is pending and closes the file; the descriptor is closed even when the last write fails. */
  close(): void {
    if (this.fd === undefined) { return; }
    const fd = this.fd;
    try {
      this.flush();
    } finally {
      this.fd = undefined;
      fs.closeSync(fd);
    }
  }

  private flush(): void {
    if (this.fd === undefined || this.pending.length === 0) { return; }
    const fd = this.fd;
    const text = this.pending.join('');
    this.pending = [];
    this.pendingLength = 0;
    writing(this.file, () => fs.writeSync(fd, text));
  }
}

/** Writes a whole small file (brat's per-document files, annotation.conf), creating its folder. */
export function writeSmallFile(file: string, text: string): void {
  writing(file, () => {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  });
}

/** Runs a write of `file`; a file system error becomes a WriteError that names the file and says why in words. */
function writing<T>(file: string, op: () => T): T {
  try {
    return op();
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (typeof code !== 'string') { throw e; }
    throw new WriteError(file, `${path.basename(file)}: ${describeErrno(e)}`, code);
  }
}

/** A format written to one file of the output folder (documents.jsonl, spans.jsonl, corpus.conll), line by line. */
export abstract class OneFileWriter implements FormatWriter {
  readonly files: string[];
  protected readonly out: OutputFile;

  constructor(protected readonly ctx: WriterContext, name: string) {
    const file = path.join(ctx.outDir, name);
    this.files = [file];
    this.out = new OutputFile(file);
  }

  abstract document(doc: ExportDocument): void;

  finish(): void {
    this.out.close();
  }
}
