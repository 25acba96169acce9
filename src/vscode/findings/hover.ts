// Hovers over findings in corpus files give the reason in full ("Boilerplate: appears in 37 files (score 0.93)",
// "Duplicate: same passage as b.txt lines 85-100, 1,840 characters"), each other copy a link that opens it, and
// the decisions about it ("this copy is kept", "the copy in b.txt lines 3-5 is kept"), as the findings store gives
// them; a dismissed finding gets no hover.
import * as vscode from 'vscode';
import { CommandId } from '../platform/commandIds';
import { Config } from '../platform/config';
import { CorpusFiles } from '../platform/corpusFiles';
import { RangeTuple, toRange, tupleOf } from '../platform/ranges';
import { openAt } from '../platform/reveal';
import { decisionSuffix, hoverMarkdown } from './findingText';
import { escapeMarkdown } from '../platform/text';
import { FindingsStore } from './findingsStore';
import { corpusDocumentSelector } from '../platform/languages';

export interface HoverDeps {
  store: FindingsStore;
  files: CorpusFiles;
}

export function registerHover(deps: HoverDeps): vscode.Disposable {
  return vscode.languages.registerHoverProvider(corpusDocumentSelector, {
    provideHover: (doc, position) => provideHover(deps, doc, position),
  });
}

function provideHover(deps: HoverDeps, doc: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
  const loc = deps.files.match(doc.uri);
  const stored = loc && deps.store.get(doc.uri.toString());
  if (!loc || !stored) { return undefined; }
  // Findings for another text than the one shown would point at the wrong words; fresh ones are on their way.
  const file = stored.file;
  const { version } = file;
  if (version !== undefined ? version !== doc.version : doc.isDirty) { return undefined; }
  const config = new Config(doc.uri);
  const shown = { boilerplate: config.boilerplateSeverity !== 'off', duplicate: config.duplicatesSeverity !== 'off' };
  const hits = file.findings
    .filter((f) => shown[f.kind] && f.decision?.status !== 'dismissed' && toRange(f.range).contains(position));
  if (hits.length === 0) { return undefined; }
  const folder = loc.folder;
  const paragraphs = hits.map((f) => hoverMarkdown(f, file.path, (label, i) => {
    const r = f.related[i];
    const target = deps.files.uriOf(folder, r.path).toString();
    const args = [target, tupleOf(r.range)];
    return `[${label}](command:${CommandId.openCopy}?${encodeURIComponent(JSON.stringify(args))} "Open this copy")`;
  }) + escapeMarkdown(decisionSuffix(f, file.path)));
  const md = new vscode.MarkdownString(paragraphs.join('\n\n'));
  md.isTrusted = { enabledCommands: [CommandId.openCopy] };
  const innermost = hits.map((f) => toRange(f.range)).reduce((a, b) => (b.start.isAfterOrEqual(a.start) && b.end.isBeforeOrEqual(a.end) ? b : a));
  return new vscode.Hover(md, innermost);
}

/** The command behind the hover's links: opens a file with a range selected (the other copy of a passage). */
export async function openCopy(uri: string, range: RangeTuple): Promise<void> {
  await openAt(vscode.Uri.parse(uri, true), toRange(range), { preview: true });
}
