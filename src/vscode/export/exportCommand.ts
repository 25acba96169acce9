// "Corpus Lens: Export Corpus...": pick the workspace folder, the format and the target folder, then run the
// export in a process of its own (exportRunner.ts) with a cancellable progress notification, and offer to reveal the result. Arguments
// ({ folder, format, target }) skip the picks, for tests and other extensions; the command resolves with the
// export's summary, or undefined when cancelled.
import * as path from 'path';
import * as vscode from 'vscode';
import type { ExportSummary } from '../../core/export/exportCorpus';
import { EXPORT_FORMATS, ExportFormat } from '../../core/export/types';
import { Config } from '../platform/config';
import { CorpusFiles } from '../platform/corpusFiles';
import type { ExportJob } from './exportWorker';
import { runExport } from './exportRunner';

export interface ExportCommandDeps {
  files: CorpusFiles;
  extensionPath: string;
}

export interface ExportArgs {
  folder?: vscode.Uri | string;
  format?: ExportFormat;
  target?: vscode.Uri | string;
}

const FORMAT_ITEMS: { format: ExportFormat; detail: string }[] = [
  { format: 'jsonl', detail: 'Cleaned documents {id, text, metadata}, JSON Lines (datatrove, Dolma)' },
  { format: 'parquet', detail: 'Cleaned documents as a Parquet table' },
  { format: 'dolma-attributes', detail: 'Findings as Dolma attribute spans beside the unchanged documents' },
  { format: 'w3c', detail: 'Tags as W3C Web Annotations (Hypothesis, Recogito)' },
  { format: 'brat', detail: 'Tags as brat standoff (.txt + .ann per document)' },
  { format: 'conll', detail: 'Entities as CoNLL-2003 IOB2 for NER training' },
  { format: 'spans-jsonl', detail: 'Tags as span JSON Lines (Prodigy, doccano)' },
];

const asUri = (u: vscode.Uri | string) => (typeof u === 'string' ? vscode.Uri.parse(u, true) : u);

export async function exportCorpusCommand(deps: ExportCommandDeps, args: ExportArgs = {}): Promise<ExportSummary | undefined> {
  const folders = deps.files.folders();
  const folder = args.folder ? asUri(args.folder)
    : folders.length === 1 ? folders[0].uri : (await vscode.window.showWorkspaceFolderPick({ placeHolder: 'Folder to export' }))?.uri;
  if (!folder) {
    if (folders.length === 0) { void vscode.window.showInformationMessage('Corpus Lens: open a folder of text files to export it.'); }
    return undefined;
  }
  const format = args.format ?? (await vscode.window.showQuickPick(FORMAT_ITEMS.map((i) => ({ label: i.format, detail: i.detail })),
    { title: 'Corpus Lens: Export Corpus', placeHolder: 'Format' }))?.label as ExportFormat | undefined;
  if (!format) { return undefined; }
  if (!EXPORT_FORMATS.includes(format)) { throw new Error(`unknown export format ${format}`); }
  const target = args.target ? asUri(args.target) : (await vscode.window.showOpenDialog({
    canSelectFolders: true, canSelectFiles: false, canSelectMany: false, openLabel: 'Export Here', title: `Export as ${format} into`,
  }))?.[0];
  if (!target) { return undefined; }
  const root = folder.fsPath;
  const outDir = target.fsPath;
  if (outDir === root || outDir.startsWith(root + path.sep)) {
    void vscode.window.showErrorMessage('Corpus Lens: choose a folder outside the corpus to export into.');
    return undefined;
  }
  const config = new Config(folder);
  const job: ExportJob = {
    root,
    options: { format, outDir, include: config.include, exclude: config.exclude, workerScript: path.join(deps.extensionPath, 'dist', 'prepareWorker.js') },
  };
  const summary = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Corpus Lens: exporting as ${format}`, cancellable: true },
    (progress, token) => {
      const run = runExport(path.join(deps.extensionPath, 'dist', 'exportWorker.js'), job, (m) => {
        progress.report({ message: `${m.phase} ${m.done}/${m.total} files` });
      });
      const cancel = token.onCancellationRequested(() => run.cancel());
      return run.result.finally(() => cancel.dispose());
    },
  );
  if (!summary) {
    void vscode.window.showInformationMessage('Corpus Lens: export cancelled.');
    return undefined;
  }
  const notes = [
    summary.droppedDocuments ? `${summary.droppedDocuments} duplicate copies dropped` : '',
    summary.orphaned ? `${summary.orphaned} orphaned annotations (see warnings.jsonl)` : '',
  ].filter(Boolean).join(', ');
  void vscode.window.showInformationMessage(
    `Corpus Lens: exported ${summary.documents} documents and ${summary.tags} tags as ${format}${notes ? `; ${notes}` : ''}.`, 'Reveal',
  ).then((choice) => {
    if (choice === 'Reveal') { void vscode.commands.executeCommand('revealFileInOS', vscode.Uri.file(summary.files[0] ?? outDir)); }
  });
  return summary;
}
