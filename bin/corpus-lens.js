#!/usr/bin/env node
// The command-line front end; the code lives in the bundle built by `npm run build`.
// A reader that stops early (`corpus-lens scan . --json | head`) closes the pipe: end quietly, as Unix tools do.
process.stdout.on('error', (e) => { if (e.code === 'EPIPE') { process.exit(0); } throw e; });
require('../dist/cli.js')
  .main(process.argv.slice(2))
  .then((code) => { process.exitCode = code; });
