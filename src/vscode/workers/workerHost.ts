// What the host's ends of the workers share: the worker started on first use, requests sent with ids and kept
// until their reply settles them, and a worker that dies failing every request in flight (onDidLoseWorker fires;
// the next request starts a new worker), and the end of the document channel (a new worker is announced, so that
// DocumentSync opens the editor's documents in it before any request). Subclasses route the replies.
//
// A worker runs as a thread of the extension host, or as a process of its own, as a language server does: whatever
// a process holds is out of the host's memory (the index worker holds the whole corpus's index). This file uses
// `vscode` for types only, so that its unit tests run outside the editor.
import { ChildProcess, fork } from 'child_process';
import * as os from 'os';
import * as path from 'path';
import type * as vscode from 'vscode';
import { Worker, WorkerOptions } from 'worker_threads';
import { DocumentSync } from '../../protocol/documentProtocol';
import { workerForkOptions } from '../../protocol/workerProcess';

export interface PendingRequest {
  reject: (e: Error) => void;
}

/**
 * How a worker is started: a thread with these options, or a process with these V8 and Node flags; `background`, a
 * process at a lower priority than the host's.
 */
export type WorkerStart = { thread: WorkerOptions } | { process: { execArgv: string[]; background?: boolean } };

/**
 * How much lower than the host's a background worker's priority is: a nice value on Unix (10, as `nice` gives by
 * default), "below normal" on Windows. The index worker scans on every core it can get, and at equal priority the
 * scheduler gave it the cores while the host's thread waited: in the real editor at 1 GB on 2 cores, nearly every
 * block of the host over 50 ms was its wait for a core (141 ms with 2.5 ms run), not its work. A lower priority
 * takes nothing from the worker when the cores are idle.
 */
const BACKGROUND_NICENESS = 10;

/** Lowers a process's priority below this one's, where the system lets it (else it runs at the host's). */
function lowerPriority(pid: number | undefined): void {
  if (pid === undefined) { return; }
  try {
    os.setPriority(pid, Math.min(19, os.getPriority() + BACKGROUND_NICENESS));
  } catch {
    // Not allowed, or the process is gone already: it runs at the host's priority.
  }
}

/** A started worker, thread or process, as the host uses it. */
export interface Channel {
  post(message: object): void;
  /** Stops the worker; its exit is not reported. */
  stop(): void;
  /** The process's id, when the worker is a process. */
  readonly pid: number | undefined;
}

/** An event as VS Code's EventEmitter makes them, without loading `vscode` (see the top of this file). */
class Emitter<T> {
  private listeners: ((e: T) => unknown)[] = [];

  readonly event: vscode.Event<T> = (listener, thisArgs?, disposables?) => {
    const bound = (e: T) => listener.call(thisArgs, e);
    this.listeners.push(bound);
    const d = { dispose: () => { this.listeners = this.listeners.filter((l) => l !== bound); } };
    disposables?.push(d);
    return d;
  };

  fire(e: T): void {
    for (const l of [...this.listeners]) { l(e); }
  }

  dispose(): void {
    this.listeners = [];
  }
}

export abstract class WorkerHost<Reply, P extends PendingRequest> implements vscode.Disposable {
  private worker: Channel | undefined;
  private nextId = 1;
  protected readonly pending = new Map<number, P>();
  private readonly lostWorker = new Emitter<Error>();
  /** Fires when the worker died (whatever it held is gone); the next request starts a fresh one. */
  readonly onDidLoseWorker = this.lostWorker.event;
  private readonly startedWorker = new Emitter<void>();
  /**
   * Fires when a worker was started, before any message is posted to it: a listener that posts (sync) is heard
   * before the request that started it.
   */
  readonly onDidStartWorker = this.startedWorker.event;

  /**
   * @param script the bundled worker's path
   * @param name the worker's name in errors ("the index worker")
   * @param start how the worker is started (a thread or a process, with its heap's limits)
   */
  constructor(private readonly script: string, private readonly name: string, private readonly how: WorkerStart = { thread: {} }) {}

  /** The worker's bundled script under the extension's dist/ folder. */
  static script(extensionPath: string, file: string): string {
    return path.join(extensionPath, 'dist', file);
  }

  dispose(): void {
    const worker = this.worker;
    this.worker = undefined;
    worker?.stop();
    this.failAll(new Error('Corpus Lens was shut down'));
    this.lostWorker.dispose();
    this.startedWorker.dispose();
  }

  /** Posts a document channel notification, if the worker runs (a worker started later is sent what is open). */
  sync(message: DocumentSync): void {
    this.notify(message);
  }

  /** True when a worker runs (the document channel sends it changes). */
  get running(): boolean {
    return this.worker !== undefined;
  }

  /** The worker's process id, when it runs as a process (the editor bench samples its memory). */
  get pid(): number | undefined {
    return this.worker?.pid;
  }

  /** Sends `message` with a new id; `pending` makes what the reply will settle (it is told the id). */
  protected request<T>(message: object, pending: (resolve: (value: T) => void, reject: (e: Error) => void, id: number) => P): Promise<T> {
    const worker = this.ensureWorker();
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, pending(resolve, reject, id));
      worker.post({ ...message, id });
    });
  }

  /** Posts a message that expects no reply (an ack), if the worker runs. */
  protected notify(message: object): void {
    this.worker?.post(message);
  }

  protected ensureWorker(): Channel {
    if (this.worker) { return this.worker; }
    const worker = 'process' in this.how ? this.startProcess(this.how.process) : this.startThread(this.how.thread);
    this.worker = worker;
    this.startedWorker.fire();
    return worker;
  }

  private startThread(options: WorkerOptions): Channel {
    const thread = new Worker(this.script, options);
    const channel: Channel = { post: (m) => thread.postMessage(m), stop: () => void thread.terminate(), pid: undefined };
    thread.on('message', (reply: Reply) => this.onReply(reply));
    thread.on('error', (e) => this.lost(channel, e));
    thread.on('exit', (code) => this.lost(channel, new Error(`${this.name} stopped (exit code ${code})`)));
    return channel;
  }

  /**
   * Forks the worker's script (see workerForkOptions for how). A background worker's priority is lowered at once:
   * on Linux a priority is a thread's, and the threads the worker starts later (its prepare threads) take its
   * main thread's.
   */
  private startProcess({ execArgv, background }: { execArgv: string[]; background?: boolean }): Channel {
    let child: ChildProcess;
    try {
      child = fork(this.script, [], workerForkOptions(execArgv));
    } catch (e) {
      throw new Error(`${this.name} could not be started: ${e instanceof Error ? e.message : String(e)}`);
    }
    if (background) { lowerPriority(child.pid); }
    const channel: Channel = {
      post: (m) => {
        // A process that exited leaves its channel closed until 'exit' is heard: the message is lost with it, and
        // the requests in flight fail then.
        if (child.connected) { child.send(m); }
      },
      stop: () => { child.kill(); },
      pid: child.pid,
    };
    child.on('message', (reply: Reply) => this.onReply(reply));
    child.on('error', (e) => this.lost(channel, e));
    child.on('exit', (code, signal) => this.lost(channel, new Error(`${this.name} stopped (${signal ? `signal ${signal}` : `exit code ${code}`})`)));
    return channel;
  }

  protected abstract onReply(reply: Reply): void;

  /** Fails a request the worker will not answer any more. */
  protected abandon(p: P, e: Error): void {
    p.reject(e);
  }

  private lost(worker: Channel, e: Error): void {
    if (this.worker !== worker) { return; } // already replaced, or shut down on purpose
    this.worker = undefined;
    worker.stop();
    this.failAll(e);
    this.lostWorker.fire(e);
  }

  private failAll(e: Error): void {
    const all = [...this.pending.values()];
    this.pending.clear();
    for (const p of all) { this.abandon(p, e); }
  }
}
