// The extension's settings: names, defaults and allowed values, in one place without a 'vscode' import, so a
// unit test can hold package.json's contributes.configuration to them. Config (config.ts) reads them.
import { defaultExclude, defaultInclude } from '../../core/corpus';

export const SEVERITIES = ['hint', 'information', 'warning', 'error', 'off'] as const;
export type SeveritySetting = (typeof SEVERITIES)[number];

export const Settings = {
  include: { key: 'include', default: defaultInclude },
  exclude: { key: 'exclude', default: defaultExclude },
  boilerplateSeverity: { key: 'boilerplate.severity', default: 'hint' as SeveritySetting },
  duplicatesSeverity: { key: 'duplicates.severity', default: 'information' as SeveritySetting },
  languageAssociation: { key: 'languageAssociation', default: true },
  suggestEntities: { key: 'suggestions.entities', default: true },
  suggestClaims: { key: 'suggestions.claims', default: false },
} as const;

/** The section every setting lives in: `corpusLens.<key>`. */
export const SECTION = 'corpusLens';

export function asSeverity(value: unknown, fallback: SeveritySetting): SeveritySetting {
  return typeof value === 'string' && (SEVERITIES as readonly string[]).includes(value) ? (value as SeveritySetting) : fallback;
}
