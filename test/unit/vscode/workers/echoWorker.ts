// A worker for WorkerHost's tests, thread or process: it answers each request with its id, the process it runs in
// and its thread, exits when told to crash, and leaves a request named 'hold' unanswered.
import { threadId } from 'worker_threads';
import { hostPort } from '../../../../src/worker/hostPort';

export interface EchoRequest {
  type: 'echo' | 'crash' | 'hold';
  id: number;
}

export interface EchoReply {
  id: number;
  pid: number;
  threadId: number;
}

const port = hostPort<EchoRequest, EchoReply>();
port?.onMessage((m) => {
  if (m.type === 'crash') { process.exit(3); }
  if (m.type === 'hold') { return; }
  port.post({ id: m.id, pid: process.pid, threadId });
});
