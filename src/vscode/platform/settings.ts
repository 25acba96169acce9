// The extension's settings: names, defaults and allowed values, in one place without a 'vscode' import, so a
// unit test can hold package.json's contributes.configuration to them. Config (config.ts) reads them.
import { defaultExclude, defaultInclude } from '../../core/corpus';

export const SEVERITIES = ['hint', 'information', 'warning', 'error', 'off'] as const;
export type SeveritySetting = (typeof SEVERITIES)[number];

/** Which files' findings Problems holds: the open documents' (as spell checkers and linters do), or every file's. */
export const DIAGNOSTICS_SCOPES = ['openDocuments', 'workspace'] as const;
export type DiagnosticsScope = (typeof DIAGNOSTICS_SCOPES)[number];

export const Settings = {
  include: { key: 'include', default: defaultInclude },
  exclude: { key: 'exclude', default: defaultExclude },
  boilerplateSeverity: { key: 'boilerplate.severity', default: 'hint' as SeveritySetting },
  duplicatesSeverity: { key: 'duplicates.severity', default: 'information' as SeveritySetting },
  diagnosticsScope: { key: 'diagnostics.scope', default: 'openDocuments' as DiagnosticsScope },
  languageAssociation: { key: 'languageAssociation', default: true },
  suggestEntities: { key: 'suggestions.entities', default: true },
  suggestClaims: { key: 'suggestions.claims', default: false },
} as const;

/** The section every setting lives in: `corpusLens.<key>`. */
export const SECTION = 'corpusLens';

export function asDiagnosticsScope(value: unknown): DiagnosticsScope {
  return (DIAGNOSTICS_SCOPES as readonly unknown[]).includes(value) ? (value as DiagnosticsScope) : Settings.diagnosticsScope.default;
}

export function asSeverity(value: unknown, fallback: SeveritySetting): SeveritySetting {
  return typeof value === 'string' && (SEVERITIES as readonly string[]).includes(value) ? (value as SeveritySetting) : fallback;
}
