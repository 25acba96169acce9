// How long activation takes, as the extension sees it: from activate() being called to its return (wall-clock and
// the process's CPU time), and to the first findings published for a document open in an editor. The activation
// benchmark (bench/activation.mjs) reads them through the extension's API; nothing else depends on them.
import * as vscode from 'vscode';

export interface ActivationTimes {
  /** Milliseconds from activate() being called to its return. */
  readonly activateMs: number;
  /** CPU milliseconds (user + system) the extension host process spent meanwhile, on all its threads. */
  readonly activateCpuMs: number;
  /** Milliseconds from activate() being called to the first findings published for an open document. */
  readonly firstDiagnosticsMs: Promise<number>;
}

/** Construct it first thing in activate(), so that its clocks start there. */
export class ActivationClock implements vscode.Disposable {
  private readonly startedAt = performance.now();
  private readonly cpuAtStart = process.cpuUsage();
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
    const cpu = process.cpuUsage(this.cpuAtStart);
    return {
      activateMs: performance.now() - this.startedAt,
      activateCpuMs: (cpu.user + cpu.system) / 1000,
      firstDiagnosticsMs: this.firstDiagnostics,
    };
  }

  dispose(): void {
    this.listener?.dispose();
    this.listener = undefined;
  }
}
