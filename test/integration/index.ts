// Entry point of the integration suite, run by VS Code's extension-test protocol inside the real extension
// host (scripts/real-vscode/run-integration.mjs here; @vscode/test-electron's runTests where a desktop VS Code
// can be downloaded, see scripts/real-vscode/test-electron.mjs). VS Code calls run(); whether its promise
// resolves or rejects becomes the exit code.
//
// Mocha's own output goes to the extension host's console, which on the web workbench only reaches the browser
// console; so the results are also written as JSON to the file named by CORPUS_LENS_TEST_RESULT (an environment
// variable the runner sets on the VS Code server, whose extension host inherits it) for the runner to print.
// CORPUS_LENS_TEST_GREP, when set, runs only the tests whose full title matches it.
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';

export interface TestRecord {
  title: string;
  state: 'passed' | 'failed' | 'pending';
  durationMs?: number;
  error?: string;
}

export interface SuiteResult {
  passes: number;
  failures: number;
  pending: number;
  durationMs: number;
  tests: TestRecord[];
  /** Set when the suite could not even be loaded or run. */
  error?: string;
}

function writeResult(result: SuiteResult): void {
  const file = process.env.CORPUS_LENS_TEST_RESULT;
  if (!file) { return; }
  try {
    fs.writeFileSync(file, JSON.stringify(result, null, 2) + '\n');
  } catch (e) {
    console.error(`could not write the test result file ${file}:`, e);
  }
}

function describeError(err: unknown): string {
  if (err instanceof Error) { return err.stack ?? `${err.name}: ${err.message}`; }
  return String(err);
}

export function run(): Promise<void> {
  return runTestsIn(__dirname);
}

/** Runs the *.test.js files of `dir` (not of its subfolders, which hold other suites). */
export function runTestsIn(dir: string): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 60_000, reporter: 'spec' });
  if (process.env.CORPUS_LENS_TEST_GREP) { mocha.grep(process.env.CORPUS_LENS_TEST_GREP); }
  for (const name of fs.readdirSync(dir).sort()) {
    if (name.endsWith('.test.js')) { mocha.addFile(path.join(dir, name)); }
  }

  const started = Date.now();
  const result: SuiteResult = { passes: 0, failures: 0, pending: 0, durationMs: 0, tests: [] };
  return new Promise<void>((resolve, reject) => {
    const finish = (error?: unknown) => {
      result.durationMs = Date.now() - started;
      if (error !== undefined) { result.error = describeError(error); }
      writeResult(result);
      if (error !== undefined) { reject(error instanceof Error ? error : new Error(String(error))); }
      else if (result.failures > 0) { reject(new Error(`${result.failures} integration test(s) failed`)); }
      // With a grep, a suite may hold no test that matches; without one, a suite that ran nothing is broken.
      else if (result.passes === 0 && !process.env.CORPUS_LENS_TEST_GREP) { reject(new Error('no integration test ran')); }
      else { resolve(); }
    };
    try {
      const runner = mocha.run(() => finish());
      runner.on('pass', (t) => {
        result.passes++;
        result.tests.push({ title: t.fullTitle(), state: 'passed', durationMs: t.duration });
      });
      runner.on('fail', (t, err) => {
        // Also emitted for failing hooks, whose titles say which hook.
        result.failures++;
        result.tests.push({ title: t.fullTitle(), state: 'failed', durationMs: t.duration, error: describeError(err) });
      });
      runner.on('pending', (t) => {
        result.pending++;
        result.tests.push({ title: t.fullTitle(), state: 'pending' });
      });
    } catch (e) {
      // A test file that throws while loading ends up here.
      finish(e);
    }
  });
}
