// WorkerHost with a real worker, as a process of its own (how the extension runs the index and suggestion workers)
// and as a thread: requests are answered from the worker, a worker that dies fails the requests in flight and is
// announced, the next request starts a new one, and dispose stops it. The worker's side is the real port
// (src/worker/hostPort.ts).
import * as assert from 'assert';
import { fork } from 'child_process';
import * as os from 'os';
import * as path from 'path';
import { WORKER_PROCESS_ENV } from '../../../../src/protocol/workerProcess';
import { WorkerHost, WorkerStart } from '../../../../src/vscode/workers/workerHost';
import type { EchoReply, EchoRequest } from './echoWorker';

const SCRIPT = path.join(__dirname, 'echoWorker.js');

interface Pending {
  resolve: (r: EchoReply) => void;
  reject: (e: Error) => void;
}

class EchoHost extends WorkerHost<EchoReply, Pending> {
  constructor(how: WorkerStart) {
    super(SCRIPT, 'the echo worker', how);
  }

  send(type: EchoRequest['type']): Promise<EchoReply> {
    return this.request<EchoReply>({ type }, (resolve, reject) => ({ resolve, reject }));
  }

  protected override onReply(reply: EchoReply): void {
    const p = this.pending.get(reply.id);
    this.pending.delete(reply.id);
    p?.resolve(reply);
  }
}

/** Resolves when process `pid` is gone. */
async function gone(pid: number): Promise<void> {
  for (;;) {
    try { process.kill(pid, 0); } catch { return; }
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('WorkerHost', () => {
  let host: EchoHost | undefined;
  afterEach(() => { host?.dispose(); host = undefined; });

  it('runs the worker as a process of its own, and answers its requests in order', async () => {
    host = new EchoHost({ process: { execArgv: [] } });
    const replies = await Promise.all([host.send('echo'), host.send('echo'), host.send('echo')]);
    assert.deepStrictEqual(replies.map((r) => r.id), [1, 2, 3]);
    assert.notStrictEqual(replies[0].pid, process.pid);
    assert.strictEqual(host.pid, replies[0].pid);
    assert.ok(replies.every((r) => r.pid === replies[0].pid && r.threadId === 0));
  });

  it('fails the requests in flight when the process dies, and starts a new one for the next request', async () => {
    host = new EchoHost({ process: { execArgv: [] } });
    const lost: Error[] = [];
    host.onDidLoseWorker((e) => lost.push(e));
    const first = await host.send('echo');
    const held = host.send('hold');
    const crashed = host.send('crash');
    await assert.rejects(held, /the echo worker stopped \(exit code 3\)/);
    await assert.rejects(crashed, /exit code 3/);
    assert.strictEqual(lost.length, 1);
    assert.strictEqual(host.running, false);
    const next = await host.send('echo');
    assert.notStrictEqual(next.pid, first.pid);
    assert.strictEqual(host.pid, next.pid);
  });

  it('fails the requests in flight when the process is killed from outside', async () => {
    host = new EchoHost({ process: { execArgv: [] } });
    const { pid } = await host.send('echo');
    const held = host.send('hold');
    process.kill(pid, 'SIGKILL');
    await assert.rejects(held, /signal SIGKILL/);
    assert.notStrictEqual((await host.send('echo')).pid, pid);
  });

  it('stops the process on dispose, failing what is in flight', async () => {
    host = new EchoHost({ process: { execArgv: [] } });
    const { pid } = await host.send('echo');
    const held = host.send('hold');
    host.dispose();
    await assert.rejects(held, /shut down/);
    await gone(pid);
  });

  it('runs a background worker process at a lower priority than its own, and another at its own', async () => {
    host = new EchoHost({ process: { execArgv: [], background: true } });
    const { pid } = await host.send('echo');
    assert.strictEqual(os.getPriority(pid), Math.min(19, os.getPriority() + 10));
    host.dispose();
    host = new EchoHost({ process: { execArgv: [] } });
    assert.strictEqual(os.getPriority((await host.send('echo')).pid), os.getPriority());
  });

  it('announces a started worker before the request that started it is posted', async () => {
    host = new EchoHost({ process: { execArgv: [] } });
    const order: string[] = [];
    host.onDidStartWorker(() => order.push(`started, running ${host!.running}`));
    await host.send('echo');
    await host.send('echo');
    assert.deepStrictEqual(order, ['started, running true']);
  });

  it('still runs the worker as a thread when asked to', async () => {
    host = new EchoHost({ thread: {} });
    const reply = await host.send('echo');
    assert.strictEqual(reply.pid, process.pid);
    assert.notStrictEqual(reply.threadId, 0);
    assert.strictEqual(host.pid, undefined);
    const held = host.send('hold');
    await assert.rejects(host.send('crash'), /exit code 3/);
    await assert.rejects(held, /exit code 3/);
  });
});

describe('a worker process', () => {
  it('exits when the host goes away (its channel closes)', async () => {
    const child = fork(SCRIPT, [], { env: { ...process.env, [WORKER_PROCESS_ENV]: '1' }, serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    const reply = await new Promise<EchoReply>((resolve) => {
      child.once('message', (m) => resolve(m as EchoReply));
      child.send({ type: 'echo', id: 7 });
    });
    assert.strictEqual(reply.id, 7);
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.disconnect();
    assert.strictEqual(await exited, 0);
  });

  it('does not take an IPC channel the host did not mark as its own', async () => {
    const child = fork(SCRIPT, [], { env: { ...process.env, [WORKER_PROCESS_ENV]: '' }, serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    const replies: unknown[] = [];
    child.on('message', (m) => replies.push(m));
    child.send({ type: 'echo', id: 1 });
    // The script registers no listener: with the channel open it would stay; it ends once its code has run.
    const code = await new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
    assert.strictEqual(code, 0);
    assert.deepStrictEqual(replies, []);
  });
});
