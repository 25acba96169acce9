// `corpus-lens import <folder> --format brat|w3c|spans-jsonl <input>`: tags from another tool (or a model's
// pre-annotations) into the sidecars, through the annotation store. Tags whose text the file does not hold are
// listed and not written; exit 1 when any was.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { importAnnotations } from '../core/export/importCorpus';
import { ImportFormat } from '../core/export/importFormats';
import { printable } from '../core/io/walkFolder';
import { parseArgs } from './args';
import { CliIO, UsageError } from './io';

export const importUsage = `usage: corpus-lens import <folder> --format brat|w3c|spans-jsonl <input> [options]

Adds the claim and entity tags in <input> to the sidecars of the files under <folder>. Quote and context are
taken from each file's text; a tag whose text the file does not hold is reported, never written elsewhere; a tag
the sidecar already has is not added twice.
  --format brat           <input> is a folder of .txt/.ann pairs (as export --format brat writes)
  --format w3c            <input> is W3C Web Annotations: JSON Lines, or one collection, page or array
  --format spans-jsonl    <input> is JSON Lines {text, spans: [{start, end, label}], meta: {path}}
  --offsets codepoints|utf16  the unit of the input's offsets when it does not say (default codepoints)
  --base IRI              w3c: the IRI the target sources are relative to (default the folder's file: URL)
  --json                  print the summary as one JSON document
`;

export async function runImportCommand(argv: string[], io: CliIO): Promise<number> {
  const args = parseArgs(argv, { flags: ['json', 'help'], values: ['format', 'offsets', 'base'] });
  if (args.flags.has('help')) { io.stdout(importUsage); return 0; }
  if (args.positional.length !== 2) { throw new UsageError('import needs a folder and an input'); }
  const format = args.values.get('format')?.at(-1);
  if (format !== 'brat' && format !== 'w3c' && format !== 'spans-jsonl') { throw new UsageError('import needs --format brat, w3c or spans-jsonl'); }
  const offsets = args.values.get('offsets')?.at(-1) ?? 'codepoints';
  if (offsets !== 'codepoints' && offsets !== 'utf16') { throw new UsageError('--offsets takes codepoints or utf16'); }
  const [folderArg, inputArg] = args.positional;
  const folder = path.resolve(folderArg);
  const input = path.resolve(inputArg);
  if (!fs.existsSync(folder) || !fs.statSync(folder).isDirectory()) { io.stderr(`corpus-lens: no such folder: ${folderArg}\n`); return 2; }
  if (!fs.existsSync(input) || fs.statSync(input).isDirectory() !== (format === 'brat')) {
    io.stderr(`corpus-lens: ${format === 'brat' ? 'brat input must be a folder' : 'input must be a file'}: ${inputArg}\n`);
    return 2;
  }
  const summary = await importAnnotations(folder, { format: format as ImportFormat, input, offsets, base: args.values.get('base')?.at(-1) });
  if (args.flags.has('json')) {
    io.stdout(JSON.stringify(summary) + '\n');
  } else {
    io.stdout(`imported ${summary.imported} tags into ${summary.sidecarsWritten} sidecars; ${summary.duplicates} already there; ` +
      `${summary.rejected.length} not written; ${summary.problems.length} unreadable records\n`);
    // Paths, quotes and messages come from the input: their control characters are shown as escapes, one line each.
    for (const r of summary.rejected) { io.stderr(`corpus-lens: not imported: ${printable(r.path)}: "${printable(r.quote)}": ${printable(r.reason)}\n`); }
    for (const p of summary.problems) { io.stderr(`corpus-lens: ${printable(p.where)}: ${printable(p.message)}\n`); }
  }
  return summary.rejected.length > 0 || summary.problems.length > 0 ? 1 : 0;
}
