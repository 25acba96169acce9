// brat standoff: per document a `.txt` (the exported text, UTF-8, no BOM) and an `.ann`, plus one
// `annotation.conf` declaring every type and attribute used. Offsets are in the export's unit (brat itself counts
// code points, the default). A tag that crosses a line break becomes fragments `start end;start end`, one per line,
// since brat's T lines cannot hold a break. Entities take their type as brat type (characters brat does not allow
// become `_`); claims are the type `Claim`; a claim's status is an `A` line (attribute `Status`); speaker, note
// and other attributes are `#` AnnotatorNotes lines (`speaker: ...`); `#` lines `id: ...` keep the tag's id.
import * as path from 'node:path';
import { writeSmallFile } from './lineFile';
import { offsetMapper, OffsetMapper } from './offsets';
import { ExportDocument, FormatWriter, WriterContext } from './types';

export const CLAIM_TYPE = 'Claim';

/** A brat type name for an entity label: letters, digits, `_` and `-` only. */
export function bratType(kind: string, label: string | undefined): string {
  return kind === 'claim' ? CLAIM_TYPE : (label ?? 'entity').replace(/[^A-Za-z0-9_-]/g, '_') || 'entity';
}

/** The brat file names of a document (a.txt stays a.txt; other names get .txt added) and its .ann. */
export function bratFiles(relPath: string): { txt: string; ann: string } {
  const base = relPath.endsWith('.txt') ? relPath.slice(0, -4) : relPath;
  return { txt: `${base}.txt`, ann: `${base}.ann` };
}

/** The parts of [start, end) between line breaks (UTF-16), empty parts left out. */
export function lineFragments(text: string, start: number, end: number): [number, number][] {
  const out: [number, number][] = [];
  let s = start;
  for (let i = start; i <= end; i++) {
    if (i === end || text[i] === '\n' || text[i] === '\r') {
      if (i > s) { out.push([s, i]); }
      s = i + 1;
    }
  }
  return out;
}

/** One line of a note: line breaks and tabs would end the line or field. */
function oneLine(value: unknown): string {
  return (typeof value === 'string' ? value : JSON.stringify(value)).replace(/[\r\n\t]+/g, ' ');
}

export class BratWriter implements FormatWriter {
  readonly files: string[] = [];
  private readonly types = new Set<string>();
  private readonly statuses = new Set<string>();

  constructor(private readonly ctx: WriterContext) {}

  document(doc: ExportDocument): void {
    const names = bratFiles(doc.path);
    const map = offsetMapper(doc.text, this.ctx.unit);
    const lines: string[] = [];
    let t = 0;
    let a = 0;
    let n = 0;
    for (const tag of doc.tags) {
      const ann = tag.annotation;
      const type = bratType(ann.kind, ann.label);
      this.types.add(type);
      const id = `T${++t}`;
      const frags = lineFragments(doc.text, tag.start, tag.end);
      lines.push(`${id}\t${type} ${fragmentList(frags, map)}\t${frags.map(([s, e]) => doc.text.slice(s, e)).join(' ')}`);
      const { status, ...notes } = ann.attributes ?? {};
      if (ann.kind === 'claim' && typeof status === 'string') {
        this.statuses.add(status);
        lines.push(`A${++a}\tStatus ${id} ${status.replace(/\s+/g, '_')}`);
      } else if (status !== undefined) {
        notes.status = status;
      }
      lines.push(`#${++n}\tAnnotatorNotes ${id}\tid: ${oneLine(ann.id)}`);
      for (const [k, v] of Object.entries(notes)) { lines.push(`#${++n}\tAnnotatorNotes ${id}\t${k}: ${oneLine(v)}`); }
    }
    writeSmallFile(path.join(this.ctx.outDir, names.txt), doc.text);
    writeSmallFile(path.join(this.ctx.outDir, names.ann), lines.map((l) => l + '\n').join(''));
    this.files.push(path.join(this.ctx.outDir, names.txt), path.join(this.ctx.outDir, names.ann));
  }

  finish(): void {
    const entities = [...this.types].sort();
    const conf = [
      '# Written by corpus-lens export: every type and attribute the .ann files use.',
      '[entities]', ...entities, '',
      '[relations]', '<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>', '',
      '[events]', '',
      '[attributes]',
      ...(this.statuses.size > 0 ? [`Status\tArg:${CLAIM_TYPE}, Value:${[...this.statuses].map((s) => s.replace(/\s+/g, '_')).sort().join('|')}`] : []),
      '',
    ].join('\n');
    const file = path.join(this.ctx.outDir, 'annotation.conf');
    writeSmallFile(file, conf);
    this.files.push(file);
  }
}

function fragmentList(frags: [number, number][], map: OffsetMapper): string {
  return frags.map(([s, e]) => `${map.fromUtf16(s)} ${map.fromUtf16(e)}`).join(';');
}
