// Which files are corpus files: a file on disk inside a workspace folder whose folder-relative path the folder's
// corpusLens.include globs match and its corpusLens.exclude globs do not. Every feature asks here, so they agree.
import * as vscode from 'vscode';
import { corpusMatcher } from '../../core/corpus';
import { Selection } from '../../protocol/indexProtocol';
import { Config } from './config';
import { Settings } from './settings';

export interface CorpusLocation {
  folder: vscode.WorkspaceFolder;
  /** The path relative to the folder, with forward slashes. */
  rel: string;
}

export class CorpusFiles implements vscode.Disposable {
  /** Compiled matchers by their globs, so a changed setting simply asks for another one. */
  private readonly matchers = new Map<string, (rel: string) => boolean>();
  /**
   * Each folder's selection, read once: file-system events come by the thousand in one turn of the event loop,
   * and reading the settings for every one of them would hold the extension host up.
   */
  private readonly selections = new Map<string, Selection>();
  private readonly onConfig = vscode.workspace.onDidChangeConfiguration((e) => {
    if (Config.affects(e, [Settings.include.key, Settings.exclude.key])) { this.selections.clear(); }
  });

  dispose(): void {
    this.onConfig.dispose();
  }

  /** The workspace folders whose files can be corpus files (those on disk). */
  folders(): vscode.WorkspaceFolder[] {
    return (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file');
  }

  selection(folder: vscode.WorkspaceFolder): Selection {
    const key = folder.uri.toString();
    let s = this.selections.get(key);
    if (!s) {
      const config = new Config(folder.uri);
      s = { include: config.include, exclude: config.exclude };
      this.selections.set(key, s);
    }
    return s;
  }

  /** Where a file URI stands in the workspace, whether or not it is a corpus file. */
  locate(uri: vscode.Uri): CorpusLocation | undefined {
    if (uri.scheme !== 'file') { return undefined; }
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder || folder.uri.scheme !== 'file') { return undefined; }
    const base = folder.uri.path.endsWith('/') ? folder.uri.path : `${folder.uri.path}/`;
    if (!uri.path.startsWith(base)) { return undefined; }
    return { folder, rel: uri.path.slice(base.length) };
  }

  /** The location of a corpus file, or undefined for any other URI. */
  match(uri: vscode.Uri): CorpusLocation | undefined {
    const loc = this.locate(uri);
    return loc && this.matcher(loc.folder)(loc.rel) ? loc : undefined;
  }

  /** True when `rel` is, or could be a folder holding, corpus files of `folder` (for file-system events). */
  mayHoldCorpusFiles(folder: vscode.WorkspaceFolder, rel: string): boolean {
    const { exclude } = this.selection(folder);
    const kept = this.compiled({ include: ['**'], exclude });
    return kept(rel) && kept(`${rel}/x`);
  }

  uriOf(folder: vscode.WorkspaceFolder, rel: string): vscode.Uri {
    return vscode.Uri.joinPath(folder.uri, ...rel.split('/'));
  }

  matcher(folder: vscode.WorkspaceFolder): (rel: string) => boolean {
    return this.compiled(this.selection(folder));
  }

  private compiled(selection: Selection): (rel: string) => boolean {
    const key = JSON.stringify(selection);
    let m = this.matchers.get(key);
    if (!m) {
      m = corpusMatcher(selection);
      this.matchers.set(key, m);
    }
    return m;
  }
}
