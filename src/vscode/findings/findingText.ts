// What the editor says about findings: diagnostic messages, hover text and the status bar's text. Pure
// functions without a 'vscode' import, so the wording is unit-tested; adapters wrap the strings.
import type { DecisionStatus } from '../../core/annotations';
import { JsonRange } from '../../core/report';
import { WireFinding } from '../../protocol/indexProtocol';
import type { ShownFileFindings, ShownFinding } from './findingsStore';
import { baseName, escapeMarkdown, formatCount, linesLabel, percent, plural } from '../platform/text';

export function kindLabel(kind: WireFinding['kind']): string {
  return kind === 'boilerplate' ? 'Boilerplate' : 'Duplicate';
}

/** The short message of a finding's diagnostic: "Boilerplate: sign-up or subscription prompt". */
export function diagnosticMessage(f: WireFinding): string {
  return `${kindLabel(f.kind)}: ${f.message}`;
}

/**
 * The hover text of one finding, in Markdown. `link(label, i)` makes a Markdown link (a trusted command link in
 * the editor) to the finding's i-th related location, from an already escaped label.
 *
 *   Boilerplate: appears in 37 files (score 0.93)
 *   Duplicate: same passage as b.txt lines 85-100, 1,840 characters
 */
export function hoverMarkdown(f: WireFinding, selfPath: string, link: (label: string, index: number) => string): string {
  const code = ` \`${f.code}\``;
  if (f.kind === 'boilerplate') {
    return `${kindLabel(f.kind)}: ${escapeMarkdown(f.message)} (score ${f.score.toFixed(2)})${code}`;
  }
  const copies = f.related.map((r, i) => link(escapeMarkdown(copyLabel(r, selfPath)), i));
  const chars = `${formatCount(f.end - f.start)} characters`;
  if (copies.length === 0) { return `${kindLabel(f.kind)}: ${escapeMarkdown(f.message)}${code}`; }
  const [first, ...rest] = copies;
  const others = rest.length > 0 ? `; also ${rest.join(', ')}` : '';
  return `${kindLabel(f.kind)}: same passage as ${first}${others}, ${chars}${code}`;
}

/** What an editor decided about a copy or finding, in a word or three: "confirmed", "marked as the duplicate", "kept". */
export function decisionLabel(kind: WireFinding['kind'], status: DecisionStatus | undefined): string | undefined {
  switch (status) {
    case 'confirmed': return kind === 'duplicate' ? 'marked as the duplicate' : 'confirmed';
    case 'kept': return 'kept';
    case 'dismissed': return kind === 'duplicate' ? 'not a duplicate' : 'not boilerplate';
    default: return undefined;
  }
}

/**
 * What a finding's message adds for the decisions about it and about its other copies: " (confirmed)",
 * " (marked as the duplicate; the copy in b.txt lines 3-5 is kept)", " (this copy is kept)".
 */
export function decisionSuffix(f: ShownFinding, selfPath: string): string {
  const status = f.decision?.status;
  const parts: string[] = [];
  if (status === 'confirmed') { parts.push(decisionLabel(f.kind, status)!); }
  if (status === 'kept') { parts.push('this copy is kept'); }
  const keptElsewhere = f.kind === 'duplicate' && status !== 'kept'
    ? f.related.filter((r) => r.decision?.status === 'kept').map((r) => copyLabel(r, selfPath))
    : [];
  if (keptElsewhere.length > 0) { parts.push(`the copy in ${keptElsewhere.join(', ')} is kept`); }
  return parts.length > 0 ? ` (${parts.join('; ')})` : '';
}

/** Where another copy of a passage is, for a message: "b.txt lines 3-5", or "this file, line 4". */
export function copyLabel(r: { path: string; range: JsonRange }, selfPath: string): string {
  return r.path === selfPath ? `this file, ${linesLabel(r.range)}` : `${baseName(r.path)} ${linesLabel(r.range)}`;
}

export interface StatusText {
  text: string;
  tooltip: string;
}

/**
 * The status bar's text for a corpus file with findings: "$(eye) 38% boilerplate · 2 copies". Findings an editor
 * dismissed are not counted (the shares are the detector's measure, before decisions).
 */
export function statusText(file: ShownFileFindings): StatusText {
  const shown = file.findings.filter((f) => f.decision?.status !== 'dismissed');
  const duplicates = shown.filter((f) => f.kind === 'duplicate');
  const boilerplate = shown.length - duplicates.length;
  const copies = plural(duplicates.length, 'copy', 'copies');
  const others = [...new Set(duplicates.flatMap((f) => f.related.map((r) => r.path)).filter((p) => p !== file.path))].map(baseName);
  const shared = others.length === 0 ? '' : `, shared with ${others.slice(0, 5).join(', ')}${others.length > 5 ? ` and ${others.length - 5} more` : ''}`;
  const tooltip = [
    `Corpus Lens: ${baseName(file.path)}`,
    `${percent(file.boilerplateShare)} boilerplate (${plural(boilerplate, 'finding')})`,
    `${percent(file.duplicateShare)} duplicated (${plural(duplicates.length, 'passage')}${shared})`,
  ].join('\n');
  return { text: `$(eye) ${percent(file.boilerplateShare)} boilerplate · ${copies}`, tooltip };
}
