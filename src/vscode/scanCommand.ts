// The "Scan Workspace" command: scans every workspace folder on the worker thread with a cancellable
// progress notification, publishes the findings as diagnostics, and reports a one-line summary.
import * as path from 'path';
import * as vscode from 'vscode';
import { JsonFinding, JsonReport } from '../core/report';
import { Config } from './config';
import { ScanWorkerClient } from './workerClient';

export interface ScanSummary {
  files: number;
  findings: number;
  boilerplateShare: number;
  duplicateShare: number;
  skipped: number;
}

export function registerScanCommand(
  client: ScanWorkerClient,
  diagnostics: vscode.DiagnosticCollection,
): vscode.Disposable {
  return vscode.commands.registerCommand('corpusLens.scanWorkspace', async (): Promise<ScanSummary | undefined> => {
    const folders = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file');
    if (folders.length === 0) {
      void vscode.window.showInformationMessage('Corpus Lens: open a folder of text files to scan it.');
      return undefined;
    }
    const summary: ScanSummary = { files: 0, findings: 0, boilerplateShare: 0, duplicateShare: 0, skipped: 0 };
    const completed = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: 'Corpus Lens', cancellable: true },
      async (progress, token) => {
        for (const folder of folders) {
          const config = new Config(folder.uri);
          let last = 0;
          const outcome = await client.scan(folder.uri.fsPath, { include: config.include, exclude: config.exclude }, token, (p) => {
            const pct = p.total ? (p.done / p.total) * 100 : 100;
            const half = p.phase === 'reading' ? pct / 2 : 50 + pct / 2;
            progress.report({ message: `${p.phase} ${p.done}/${p.total} files in ${folder.name}`, increment: half - last });
            last = half;
          });
          if (!outcome) { return false; }
          publish(diagnostics, folder.uri, outcome.report);
          const s = outcome.report.summary;
          const weight = summary.files + s.files;
          summary.boilerplateShare = weight ? (summary.boilerplateShare * summary.files + s.boilerplateShare * s.files) / weight : 0;
          summary.duplicateShare = weight ? (summary.duplicateShare * summary.files + s.duplicateShare * s.files) / weight : 0;
          summary.files += s.files;
          summary.findings += s.findings;
          summary.skipped += s.skipped.length;
        }
        return true;
      },
    );
    if (!completed) {
      void vscode.window.showInformationMessage('Corpus Lens: scan cancelled.');
      return undefined;
    }
    const pct = (x: number) => `${Math.round(x * 100)}%`;
    const skipped = summary.skipped ? `, ${summary.skipped} skipped` : '';
    void vscode.window.showInformationMessage(
      `Corpus Lens: ${summary.files} files${skipped}, ${pct(summary.boilerplateShare)} boilerplate, ${pct(summary.duplicateShare)} duplicated, ${summary.findings} findings.`,
    );
    return summary;
  });
}

function publish(collection: vscode.DiagnosticCollection, root: vscode.Uri, report: JsonReport): void {
  const toRange = (r: JsonFinding['range']) => new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
  const uriOf = (rel: string) => vscode.Uri.joinPath(root, ...rel.split('/'));
  for (const file of report.files) {
    const diags = file.findings.map((f) => {
      const d = new vscode.Diagnostic(
        toRange(f.range),
        f.message,
        f.kind === 'boilerplate' ? vscode.DiagnosticSeverity.Hint : vscode.DiagnosticSeverity.Information,
      );
      d.code = f.code;
      d.source = 'Corpus Lens';
      if (f.kind === 'boilerplate') { d.tags = [vscode.DiagnosticTag.Unnecessary]; }
      d.relatedInformation = f.related.map((r) =>
        new vscode.DiagnosticRelatedInformation(new vscode.Location(uriOf(r.path), toRange(r.range)), `copy in ${path.basename(r.path)}`));
      return d;
    });
    collection.set(uriOf(file.path), diags);
  }
}
