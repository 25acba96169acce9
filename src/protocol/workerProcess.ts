// How the host starts a worker as a process of its own, and how the worker knows it: the environment variable
// below, set by the host's fork. Without it a script started by another program that happens to have an IPC
// channel (a test runner's child) does not take that channel for the host's.
import type { ForkOptions } from 'child_process';

/** Set to '1' in the environment of a worker the host forked. */
export const WORKER_PROCESS_ENV = 'CORPUS_LENS_WORKER_PROCESS';

/**
 * The fork options of every worker process. In VS Code the host's executable is Electron, which
 * ELECTRON_RUN_AS_NODE makes plain Node (as the language clients start their servers); elsewhere it is Node
 * already. The advanced serialization carries what a thread's messages carry (typed arrays, maps), so a worker's
 * protocol is the same as a thread or a process.
 */
export function workerForkOptions(execArgv: string[]): ForkOptions {
  return {
    execArgv,
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1', [WORKER_PROCESS_ENV]: '1' },
    serialization: 'advanced',
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  };
}
