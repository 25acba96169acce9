// Typed access to the extension's settings, one getter per setting, read for a given folder or file (every
// setting has resource scope). Names and defaults come from settings.ts, which package.json is tested against.
import * as vscode from 'vscode';
import { asSeverity, SECTION, SeveritySetting, Settings } from './settings';

export class Config {
  constructor(private readonly scope?: vscode.Uri) {}

  private get section(): vscode.WorkspaceConfiguration {
    return vscode.workspace.getConfiguration(SECTION, this.scope);
  }

  /** True when a configuration change touches one of `keys` (settings.ts keys) for this scope. */
  static affects(e: vscode.ConfigurationChangeEvent, keys: string[], scope?: vscode.Uri): boolean {
    return keys.some((k) => e.affectsConfiguration(`${SECTION}.${k}`, scope));
  }

  get include(): string[] {
    return this.section.get<string[]>(Settings.include.key, Settings.include.default);
  }

  get exclude(): string[] {
    return this.section.get<string[]>(Settings.exclude.key, Settings.exclude.default);
  }

  get boilerplateSeverity(): SeveritySetting {
    return asSeverity(this.section.get(Settings.boilerplateSeverity.key), Settings.boilerplateSeverity.default);
  }

  get duplicatesSeverity(): SeveritySetting {
    return asSeverity(this.section.get(Settings.duplicatesSeverity.key), Settings.duplicatesSeverity.default);
  }

  get languageAssociation(): boolean {
    return this.section.get<boolean>(Settings.languageAssociation.key, Settings.languageAssociation.default);
  }

  get suggestEntities(): boolean {
    return this.section.get<boolean>(Settings.suggestEntities.key, Settings.suggestEntities.default);
  }

  get suggestClaims(): boolean {
    return this.section.get<boolean>(Settings.suggestClaims.key, Settings.suggestClaims.default);
  }
}
