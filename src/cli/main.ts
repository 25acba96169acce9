// The corpus-lens command line: `scan`, `annotations` and `suggest`, over the same engine as the editor.
import { annotationsUsage, runAnnotationsCommand } from './annotationsCommand';
import { exportUsage, runExportCommand } from './exportCommand';
import { importUsage, runImportCommand } from './importCommand';
import { CliIO, processIO, UsageError } from './io';
import { runScanCommand, scanUsage } from './scanCommand';
import { runSuggestCommand, suggestUsage } from './suggestCommand';

// bin/corpus-lens.js sets up its stdout with it before it runs main.
export { handleOutputErrors } from './io';

const usage = `usage: corpus-lens <command> [options]

commands:
  scan <folder>          find boilerplate and duplicated passages
  annotations <folder>   re-anchor every annotation sidecar against its source
  suggest <folder>       propose entities and check-worthy claims to tag
  export <folder>        write cleaned documents or tags in the formats other tools read
  import <folder> <in>   add tags from brat, W3C or span JSON Lines files to the sidecars
  help [command]         show help

Run 'corpus-lens <command> --help' for a command's options.
`;

export async function main(argv: string[], io: CliIO = processIO): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'scan':
        return await runScanCommand(rest, io);
      case 'annotations':
        return await runAnnotationsCommand(rest, io);
      case 'suggest':
        return await runSuggestCommand(rest, io);
      case 'export':
        return await runExportCommand(rest, io);
      case 'import':
        return await runImportCommand(rest, io);
      case 'help':
      case '--help':
      case '-h':
      case undefined:
        io.stdout(rest[0] === 'scan' ? scanUsage : rest[0] === 'annotations' ? annotationsUsage : rest[0] === 'suggest' ? suggestUsage : rest[0] === 'export' ? exportUsage : rest[0] === 'import' ? importUsage : usage);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command '${command}'`);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`corpus-lens: ${e.message}\n\n${command === 'scan' ? scanUsage : command === 'annotations' ? annotationsUsage : command === 'suggest' ? suggestUsage : command === 'export' ? exportUsage : command === 'import' ? importUsage : usage}`);
      return 2;
    }
    io.stderr(`corpus-lens: ${(e as Error).stack ?? String(e)}\n`);
    return 1;
  }
}
