// Typed access to the extension's settings, one getter per setting, read for a given folder (resource scope).
import * as vscode from 'vscode';
import { defaultExclude, defaultInclude } from '../core/corpus';

export class Config {
  constructor(private readonly scope?: vscode.Uri) {}

  private get section(): vscode.WorkspaceConfiguration {
    return vscode.workspace.getConfiguration('corpusLens', this.scope);
  }

  get include(): string[] {
    return this.section.get<string[]>('include', defaultInclude);
  }

  get exclude(): string[] {
    return this.section.get<string[]>('exclude', defaultExclude);
  }
}
