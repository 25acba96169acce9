#!/usr/bin/env node
// The command-line front end; the code lives in the bundle built by `npm run build`.
require('../dist/cli.js')
  .main(process.argv.slice(2))
  .then((code) => { process.exitCode = code; });
