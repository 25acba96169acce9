// What the editor says about findings: diagnostic messages, hover text and the status bar's text. Pure
// functions without a 'vscode' import, so the wording is unit-tested; adapters wrap the strings.
import type { DecisionStatus } from '../../core/annotations';
import { JsonRange } from '../../core/report';
import { FileFindings, WireFinding } from '../../protocol/indexProtocol';

export function kindLabel(kind: WireFinding['kind']): string {
  return kind === 'boilerplate' ? 'Boilerplate' : 'Duplicate';
}

/** The short message of a finding's diagnostic: "Boilerplate: sign-up or subscription prompt". */
export function diagnosticMessage(f: WireFinding): string {
  return `${kindLabel(f.kind)}: ${f.message}`;
}

/** "line 4" or "lines 85-100" (1-based), for a range that may end at the start of the line after it. */
export function linesLabel(r: JsonRange): string {
  const first = r.start.line + 1;
  const last = r.end.character === 0 && r.end.line > r.start.line ? r.end.line : r.end.line + 1;
  return first === last ? `line ${first}` : `lines ${first}-${last}`;
}

/** Escapes what Markdown would read as markup inside a line (the text never starts a line, so '#', '-' are safe). */
export function escapeMarkdown(s: string): string {
  return s.replace(/[\\`*_[\]()<>|~]/g, (c) => `\\${c}`);
}

export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

export function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** The last segment of a corpus-relative path. */
export function baseName(relPath: string): string {
  return relPath.slice(relPath.lastIndexOf('/') + 1);
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
  const chars = `${formatCount(f.length)} characters`;
  if (copies.length === 0) { return `${kindLabel(f.kind)}: ${escapeMarkdown(f.message)}${code}`; }
  const [first, ...rest] = copies;
  const others = rest.length > 0 ? `; also ${rest.join(', ')}` : '';
  return `${kindLabel(f.kind)}: same passage as ${first}${others}, ${chars}${code}`;
}

/** How an editor's decision about a finding, or about another copy of a duplicate, shows on it. */
export interface DecisionView {
  /** This finding's own decision. */
  status?: DecisionStatus;
  /** The other copies marked as the ones to keep, as "b.txt lines 3-5". */
  keptElsewhere?: string[];
}

/** What a finding's message adds for the decisions about it: " (this copy is the duplicate)". */
export function decisionSuffix(kind: WireFinding['kind'], view: DecisionView | undefined): string {
  const parts: string[] = [];
  if (view?.status === 'confirmed') { parts.push(kind === 'duplicate' ? 'marked as the duplicate' : 'confirmed'); }
  if (view?.status === 'kept') { parts.push('this copy is kept'); }
  if (view?.keptElsewhere && view.keptElsewhere.length > 0) {
    parts.push(`the copy in ${view.keptElsewhere.join(', ')} is kept`);
  }
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

/** The status bar's text for a corpus file with findings: "$(eye) 38% boilerplate · 2 copies". */
export function statusText(file: FileFindings): StatusText {
  const duplicates = file.findings.filter((f) => f.kind === 'duplicate');
  const boilerplate = file.findings.length - duplicates.length;
  const copies = duplicates.length === 1 ? '1 copy' : `${duplicates.length} copies`;
  const others = [...new Set(duplicates.flatMap((f) => f.related.map((r) => r.path)).filter((p) => p !== file.path))].map(baseName);
  const shared = others.length === 0 ? '' : `, shared with ${others.slice(0, 5).join(', ')}${others.length > 5 ? ` and ${others.length - 5} more` : ''}`;
  const tooltip = [
    `Corpus Lens: ${baseName(file.path)}`,
    `${percent(file.boilerplateShare)} boilerplate (${boilerplate} ${boilerplate === 1 ? 'finding' : 'findings'})`,
    `${percent(file.duplicateShare)} duplicated (${duplicates.length} ${duplicates.length === 1 ? 'passage' : 'passages'}${shared})`,
    'Click to show the Problems view.',
  ].join('\n');
  return { text: `$(eye) ${percent(file.boilerplateShare)} boilerplate · ${copies}`, tooltip };
}
