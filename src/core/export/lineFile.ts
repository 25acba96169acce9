// An output file written as it goes, in large buffered chunks: what every export format writes through, so that
// memory holds one document's output at a time and a failed write says which file it was.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ExportDocument, FormatWriter, WriterContext } from './types';

const FLUSH_AT = 1 << 20;

export class OutputFile {
  private fd: number | undefined;
  private pending: string[] = [];
  private pendingLength = 0;

  constructor(readonly file: string) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    this.fd = fs.openSync(file, 'w');
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

  close(): void {
    if (this.fd === undefined) { return; }
    this.flush();
    fs.closeSync(this.fd);
    this.fd = undefined;
  }

  private flush(): void {
    if (this.fd === undefined || this.pending.length === 0) { return; }
    fs.writeSync(this.fd, this.pending.join(''));
    this.pending = [];
    this.pendingLength = 0;
  }
}

/** Writes a whole small file (brat's per-document files, annotation.conf), creating its folder. */
export function writeSmallFile(file: string, text: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
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
