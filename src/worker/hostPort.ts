// A worker's end of its channel to the host: the thread's parentPort when the worker is a thread, the process's IPC
// channel when the host forked it. Both deliver messages in order as events; only a thread can also take a
// waiting message synchronously (receiveMessageOnPort), which a process cannot: its code yields to the event loop
// instead (see IndexService).
import { MessagePort, parentPort, receiveMessageOnPort } from 'worker_threads';
import { WORKER_PROCESS_ENV } from '../protocol/workerProcess';

export interface HostPort<In, Out> {
  post(message: Out): void;
  onMessage(listener: (message: In) => void): void;
  /** Takes a message that is waiting, if one is, without waiting for the event loop; absent in a process. */
  receiveWaiting?: () => In | undefined;
}

/** The port of a worker thread. */
export function threadPort<In, Out>(port: MessagePort): HostPort<In, Out> {
  return {
    post: (m) => port.postMessage(m),
    onMessage: (listener) => { port.on('message', listener); },
    receiveWaiting: () => receiveMessageOnPort(port)?.message as In | undefined,
  };
}

/**
 * The port of a forked process (`proc` is the process, given for tests). The process exits when the host goes
 * away (the channel closes), as a language server does: nothing else would end it, and it would hold its memory.
 */
export function processPort<In, Out>(proc: NodeJS.Process = process): HostPort<In, Out> {
  proc.on('disconnect', () => proc.exit(0));
  return {
    post: (m) => {
      // After a disconnect the process is exiting: a reply has nobody to go to.
      if (proc.connected) { proc.send!(m); }
    },
    onMessage: (listener) => { proc.on('message', (m) => listener(m as In)); },
  };
}

/** This worker's port to the host, or undefined when the script was loaded otherwise (by a test, the CLI). */
export function hostPort<In, Out>(): HostPort<In, Out> | undefined {
  if (parentPort) { return threadPort(parentPort); }
  if (process.send && process.env[WORKER_PROCESS_ENV] === '1') { return processPort(); }
  return undefined;
}
