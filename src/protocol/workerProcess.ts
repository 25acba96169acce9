// How the host tells a worker it runs as a process of its own: the environment variable below, set by the host's
// fork. Without it a script started by another program that happens to have an IPC channel (a test runner's child)
// does not take that channel for the host's.

/** Set to '1' in the environment of a worker the host forked. */
export const WORKER_PROCESS_ENV = 'CORPUS_LENS_WORKER_PROCESS';
