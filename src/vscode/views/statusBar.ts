// A status bar item for the active corpus file: "$(eye) 38% boilerplate · 2 copies · 5 tags", which opens the
// Corpus Lens Files view; before the file's folder is indexed it says so (indexing, not scanned, or Restricted
// Mode) and runs the scan. It follows the active editor, the findings and the index's status.
import * as vscode from 'vscode';
import { CommandId } from '../platform/commandIds';
import { CorpusFiles } from '../platform/corpusFiles';
import { statusText } from '../findings/findingText';
import { plural } from '../platform/text';
import { FindingsStore } from '../findings/findingsStore';
import { CorpusIndexer } from '../workers/indexer';
import { TagIndex } from './tagIndex';
import { FILES_VIEW } from './model/viewIds';

export interface StatusBarDeps {
  store: FindingsStore;
  files: CorpusFiles;
  indexer: CorpusIndexer;
  tags: TagIndex;
}

export const RESTRICTED_TOOLTIP = 'Corpus Lens is limited in Restricted Mode: the workspace is not indexed in the background, '
  + 'so findings appear only after you run "Corpus Lens: Scan Workspace". Trust the workspace to index it automatically.';

export function registerStatusBar(deps: StatusBarDeps): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('corpusLens.file', vscode.StatusBarAlignment.Right, 100);
  item.name = 'Corpus Lens';
  const update = () => render(item, deps);
  const updateFor = (uris: readonly string[]) => {
    const active = vscode.window.activeTextEditor?.document.uri.toString();
    if (active && uris.includes(active)) { update(); }
  };
  update();
  return vscode.Disposable.from(
    item,
    vscode.window.onDidChangeActiveTextEditor(update),
    deps.indexer.onDidChangeStatus(update),
    vscode.workspace.onDidGrantWorkspaceTrust(update),
    deps.store.onDidChange(updateFor),
    deps.tags.onDidChange(updateFor),
  );
}

function render(item: vscode.StatusBarItem, deps: StatusBarDeps): void {
  const doc = vscode.window.activeTextEditor?.document;
  const loc = doc && deps.files.match(doc.uri);
  if (!doc || !loc) {
    item.hide();
    return;
  }
  const stored = deps.store.get(doc.uri.toString());
  const status = deps.indexer.status(loc.folder);
  if (stored && status !== 'indexing') {
    const { text, tooltip } = statusText(stored.file);
    const tags = deps.tags.get(doc.uri.toString())?.tags.length ?? 0;
    item.text = `${text} · ${plural(tags, 'tag')}`;
    item.tooltip = `${tooltip}\n${plural(tags, 'tag')}\nClick to show the file in the Corpus Lens view.`;
    item.command = { title: 'Show in Corpus Lens', command: `${FILES_VIEW}.focus` };
  } else if (status === 'indexing') {
    item.text = '$(sync~spin) Corpus Lens';
    item.tooltip = `Corpus Lens is indexing ${loc.folder.name}. Click to stop.`;
    item.command = { title: 'Stop Indexing', command: CommandId.cancelIndexing };
  } else if (status === 'restricted') {
    item.text = '$(shield) Corpus Lens: restricted';
    item.tooltip = RESTRICTED_TOOLTIP;
    item.command = { title: 'Scan Workspace', command: CommandId.scanWorkspace };
  } else {
    item.text = '$(eye) Corpus Lens: not scanned';
    item.tooltip = 'This file has not been scanned yet. Click to scan the workspace.';
    item.command = { title: 'Scan Workspace', command: CommandId.scanWorkspace };
  }
  item.show();
}
