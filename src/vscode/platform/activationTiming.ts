// How long activation takes, as the extension sees it: from activate() being called to its return (wall-clock and
// CPU time), and to the first findings published for a document open in an editor. The activation benchmark
// (bench/activation.mjs) reads them through the extension's API; nothing else depends on them.
import * as vscode from 'vscode';

type CpuClock = (previous?: NodeJS.CpuUsage) => NodeJS.CpuUsage;
// The host thread's own CPU time where Node has it (22.19+, 23.9+: VS Code's extension hosts), so that the workers
// activation starts, which boot on other threads meanwhile, do not count; else the whole process's.
const threadCpuUsage = (process as { threadCpuUsage?: CpuClock }).threadCpuUsage?.bind(process);
const cpuClock: CpuClock = threadCpuUsage ?? ((previous) => process.cpuUsage(previous));

export interface ActivationTimes {
  /** Milliseconds from activate() being called to its return. */
  readonly activateMs: number;
  /** CPU milliseconds (user + system) spent meanwhile by the host thread, or by the process (see cpuOf). */
  readonly activateCpuMs: number;
  /** Whose CPU time activateCpuMs is. */
  readonly cpuOf: 'host thread' | 'process';
  /** Milliseconds from activate() being called to the first findings published for an open document. */
  readonly firstDiagnosticsMs: Promise<number>;
}

/** Construct it first thing in activate(), so that its clocks start there. */
export class ActivationClock implements vscode.Disposable {
  private readonly startedAt = performance.now();
  private readonly cpuAtStart = cpuClock();
  private listener: vscode.Disposable | undefined;
  private resolveFirst: (ms: number) => void = () => undefined;
  private readonly firstDiagnostics = new Promise<number>((resolve) => { this.resolveFirst = resolve; });

  /** Watches `onDidUpdateFindings` (the files whose findings were just published) for the first open document. */
  watch(onDidUpdateFindings: vscode.Event<readonly vscode.Uri[]>): void {
    this.listener = onDidUpdateFindings((uris) => {
      const open = new Set(vscode.workspace.textDocuments.map((d) => d.uri.toString()));
      if (uris.some((u) => open.has(u.toString()))) {
        this.resolveFirst(performance.now() - this.startedAt);
        this.dispose();
      }
    });
  }

  /** Call as activate() returns. */
  activated(): ActivationTimes {
    const cpu = cpuClock(this.cpuAtStart);
    return {
      activateMs: performance.now() - this.startedAt,
      activateCpuMs: (cpu.user + cpu.system) / 1000,
      cpuOf: threadCpuUsage ? 'host thread' : 'process',
      firstDiagnosticsMs: this.firstDiagnostics,
    };
  }

  dispose(): void {
    this.listener?.dispose();
    this.listener = undefined;
  }
}
