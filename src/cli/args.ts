// A small argument parser: positional arguments, --flags, and --option VALUE (repeatable).
import * as fs from 'fs';
import * as path from 'path';
import { UsageError } from './io';

export interface ParsedArgs {
  positional: string[];
  flags: Set<string>;
  values: Map<string, string[]>;
}

export function parseArgs(argv: string[], spec: { flags: string[]; values: string[] }): ParsedArgs {
  const out: ParsedArgs = { positional: [], flags: new Set(), values: new Map() };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') { out.positional.push(...argv.slice(i + 1)); break; }
    // -h is the one short option: asking for help must never be taken for a folder named "-h".
    if (a === '-h' && spec.flags.includes('help')) { out.flags.add('help'); continue; }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq > 0 ? a.slice(2, eq) : a.slice(2);
      if (spec.flags.includes(name)) {
        if (eq > 0) { throw new UsageError(`--${name} takes no value`); }
        out.flags.add(name);
      } else if (spec.values.includes(name)) {
        const v = eq > 0 ? a.slice(eq + 1) : argv[++i];
        if (v === undefined) { throw new UsageError(`--${name} needs a value`); }
        out.values.set(name, [...(out.values.get(name) ?? []), v]);
      } else {
        throw new UsageError(`unknown option ${a}`);
      }
    } else {
      out.positional.push(a);
    }
  }
  return out;
}

/**
 * The shared front of the folder commands (scan, annotations, suggest): parse the arguments, answer --help, and
 * check that the one positional argument is a folder. Returns the exit code when the command should stop there
 * (0 after help, 2 after a usage error or a missing folder, each explained on stderr).
 */
export function parseFolderCommand(
  name: string,
  argv: string[],
  spec: { flags: string[]; values: string[] },
  usage: string,
  io: { stdout(s: string): void; stderr(s: string): void },
): { args: ParsedArgs; folder: string } | number {
  let args: ParsedArgs;
  try {
    args = parseArgs(argv, { flags: [...spec.flags, 'help'], values: spec.values });
    if (args.flags.has('help')) { io.stdout(usage); return 0; }
    if (args.positional.length !== 1) { throw new UsageError(`${name} needs exactly one folder`); }
  } catch (e) {
    if (!(e instanceof UsageError)) { throw e; }
    io.stderr(`corpus-lens: ${e.message}\n\n${usage}`);
    return 2;
  }
  const folder = path.resolve(args.positional[0]);
  let st: fs.Stats | undefined;
  try { st = fs.statSync(folder); } catch { st = undefined; }
  if (!st?.isDirectory()) {
    io.stderr(`corpus-lens: ${st ? 'not a folder' : 'no such folder'}: ${args.positional[0]}\n`);
    return 2;
  }
  return { args, folder };
}
