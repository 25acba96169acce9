// A small argument parser: positional arguments, --flags, and --option VALUE (repeatable).
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
