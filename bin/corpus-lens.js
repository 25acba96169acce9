#!/usr/bin/env node
// The command-line front end; the code lives in the bundle built by `npm run build`.
const cli = require('../dist/cli.js');
// A reader that stops early (`corpus-lens scan . --json | head`) ends the run quietly; a report that cannot be
// written (a full disk) is one line on stderr and exit 1.
cli.handleOutputErrors(process.stdout, (s) => process.stderr.write(s), (code) => process.exit(code));
cli
  .main(process.argv.slice(2))
  .then((code) => { process.exitCode = code; });
