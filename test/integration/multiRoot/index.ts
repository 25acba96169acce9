// Entry point of the second integration suite: a workspace of two folders opened in Restricted Mode
// (scripts/real-vscode/run-integration.mjs runs it after the main suite, on test/integration/fixture-multi-root).
import { runTestsIn } from '../index';

export function run(): Promise<void> {
  return runTestsIn(__dirname);
}
