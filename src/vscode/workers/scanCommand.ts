// The "Scan Workspace" command: rebuilds the index of every workspace folder with a cancellable progress
// notification (the findings reach the diagnostics as they come), then reports a one-line summary. It also
// works in Restricted Mode, where it is the only way to index: scanning reads text files, nothing more.
import * as vscode from 'vscode';
import { JsonSummary } from '../../core/report';
import { CorpusFiles } from '../platform/corpusFiles';
import { percent } from '../platform/text';
import { CorpusIndexer } from './indexer';

export interface ScanSummary {
  files: number;
  findings: number;
  boilerplateShare: number;
  duplicateShare: number;
  skipped: number;
}

export interface ScanCommandDeps {
  indexer: CorpusIndexer;
  files: CorpusFiles;
}

export async function scanWorkspace(deps: ScanCommandDeps): Promise<ScanSummary | undefined> {
  if (deps.files.folders().length === 0) {
    void vscode.window.showInformationMessage('Corpus Lens: open a folder of text files to scan it.');
    return undefined;
  }
  const summaries = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Corpus Lens', cancellable: true },
    (progress, token) => {
      const steps = new Map<string, number>();
      const folders = deps.files.folders().length;
      return deps.indexer.scanAll((folder, p) => {
        // Each folder is an equal share of the bar: reading its files the first half, analysing them the second.
        const pct = p.total ? p.done / p.total : 1;
        const step = ((p.phase === 'reading' ? pct / 2 : 0.5 + pct / 2) * 100) / folders;
        const key = folder.uri.toString();
        const increment = Math.max(0, step - (steps.get(key) ?? 0));
        steps.set(key, step);
        progress.report({ message: `${p.phase} ${p.done}/${p.total} files in ${folder.name}`, increment });
      }, token);
    },
  );
  if (!summaries) {
    void vscode.window.showInformationMessage('Corpus Lens: scan cancelled.');
    return undefined;
  }
  const summary = combine(summaries);
  const skipped = summary.skipped ? `, ${summary.skipped} skipped` : '';
  void vscode.window.showInformationMessage(
    `Corpus Lens: ${summary.files} files${skipped}, ${percent(summary.boilerplateShare)} boilerplate, `
    + `${percent(summary.duplicateShare)} duplicated, ${summary.findings} findings.`,
  );
  return summary;
}

/** Sums the folders' summaries; the shares are weighted by each folder's file count. */
function combine(summaries: JsonSummary[]): ScanSummary {
  const out: ScanSummary = { files: 0, findings: 0, boilerplateShare: 0, duplicateShare: 0, skipped: 0 };
  for (const s of summaries) {
    const weight = out.files + s.files;
    out.boilerplateShare = weight ? (out.boilerplateShare * out.files + s.boilerplateShare * s.files) / weight : 0;
    out.duplicateShare = weight ? (out.duplicateShare * out.files + s.duplicateShare * s.files) / weight : 0;
    out.files += s.files;
    out.findings += s.findings;
    out.skipped += s.skipped.length;
  }
  return out;
}
