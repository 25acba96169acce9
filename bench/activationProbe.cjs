// The activation benchmark's probe (bench/activation.mjs): VS Code loads it in the extension host as the
// "tests" of a run, beside the installed Corpus Lens. It waits until Corpus Lens has activated (the workspace's
// .txt files activate it at start, with a corpus file open in the editor) and writes what the extension's
// activation clock measured (src/vscode/platform/activationTiming.ts) to $CORPUS_LENS_BENCH_RESULT.
const fs = require('fs');
const vscode = require('vscode');

const EXTENSION_ID = 'corpus-lens.corpus-lens';
const FIRST_DIAGNOSTICS_TIMEOUT_MS = 60_000;

exports.run = async function run() {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  if (!ext) { throw new Error(`${EXTENSION_ID} is not installed`); }
  const api = await ext.activate(); // the activation already under way, or done
  const times = api.activation;
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no findings published for an open document within ${FIRST_DIAGNOSTICS_TIMEOUT_MS / 1000} s`)), FIRST_DIAGNOSTICS_TIMEOUT_MS);
  });
  try {
    const firstDiagnosticsMs = await Promise.race([times.firstDiagnosticsMs, timeout]);
    fs.writeFileSync(process.env.CORPUS_LENS_BENCH_RESULT, JSON.stringify({
      activateMs: times.activateMs,
      activateCpuMs: times.activateCpuMs,
      cpuOf: times.cpuOf,
      firstDiagnosticsMs,
      openDocuments: vscode.workspace.textDocuments.filter((d) => d.uri.scheme === 'file').map((d) => d.uri.path),
    }));
  } finally {
    clearTimeout(timer);
  }
};
