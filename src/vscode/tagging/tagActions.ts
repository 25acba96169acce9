// Code actions in corpus files: "Tag as claim", "Tag as entity: person/..." and "Tag all N occurrences ... in this
// file / in the corpus" on a selection; "Remove tag" and "Change label" on a tag; on a boilerplate diagnostic the
// quick fixes "Not boilerplate" (preferred: a person asks for the fix when the detector is wrong), "Confirm as
// boilerplate", and the same for every identical line of the corpus; on a duplicate "Open the other copy", "Mark
// this copy as the duplicate" and "Keep this copy"; and the source action source.fixAll.corpusLens, "Confirm all
// boilerplate in this file" (for editor.codeActionsOnSave). Decisions are recorded in the sidecar. The fixes carry
// the document's version, so a fix made against an older text is refused.
import * as vscode from 'vscode';
import { ENTITY_LABELS, decisionFor } from '../../core/annotations';
import { AnnotationSessions } from '../annotations/sessions';
import { CommandId } from '../platform/commandIds';
import { findOccurrences } from '../../core/anchor/occurrences';
import { DIAGNOSTIC_SOURCE } from '../findings/diagnostics';
import { boilerplateDiagnostics, codeOf, singleLine } from '../findings/findingDecisions';
import { baseName, linesLabel } from '../findings/findingText';
import { corpusDocumentSelector } from '../platform/languages';
import { tagsAt } from './tagModel';
import { DecisionArgs, TagArgs, TagRef } from './tagging';

export interface TagActionDeps {
  sessions: AnnotationSessions;
  isCorpusFile: (uri: vscode.Uri) => boolean;
}

const TAG_KIND = vscode.CodeActionKind.RefactorRewrite;
const FIX_KIND = vscode.CodeActionKind.QuickFix;
export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('corpusLens');

export function registerTagActions(deps: TagActionDeps): vscode.Disposable {
  return vscode.languages.registerCodeActionsProvider(corpusDocumentSelector, {
    provideCodeActions: (doc, range, context) => provideActions(deps, doc, range, context),
  }, { providedCodeActionKinds: [TAG_KIND, FIX_KIND, FIX_ALL_KIND] });
}

function provideActions(deps: TagActionDeps, doc: vscode.TextDocument, range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
  if (!deps.isCorpusFile(doc.uri)) { return []; }
  const wants = (kind: vscode.CodeActionKind) => !context.only || context.only.contains(kind) || kind.contains(context.only);
  const uri = doc.uri.toString();
  const out: vscode.CodeAction[] = [];
  // A source action is given only when asked for by kind (the Source Action menu, codeActionsOnSave).
  if (context.only?.contains(FIX_ALL_KIND)) {
    const session = deps.sessions.peek(doc.uri);
    const undecided = boilerplateDiagnostics(doc.uri).filter((d) => !session || !decisionFor(session.list(),
      { code: codeOf(d), start: doc.offsetAt(d.range.start), end: doc.offsetAt(d.range.end) }));
    if (undecided.length > 0) {
      out.push(action('Confirm all boilerplate in this file', FIX_ALL_KIND, CommandId.confirmAllBoilerplate, { uri, version: doc.version }));
    }
  }
  if (wants(FIX_KIND)) {
    for (const d of context.diagnostics) {
      const code = codeOf(d);
      if (d.source !== DIAGNOSTIC_SOURCE) { continue; }
      const args: DecisionArgs = { uri, code, range: rangeArgs(d.range), version: doc.version };
      const fix = (title: string, command: string, ...commandArgs: unknown[]) => {
        const f = new vscode.CodeAction(title, FIX_KIND);
        f.command = { title, command, arguments: commandArgs.length > 0 ? commandArgs : [args] };
        f.diagnostics = [d];
        out.push(f);
        return f;
      };
      if (code.startsWith('boilerplate.')) {
        fix('Not boilerplate', CommandId.dismissFinding).isPreferred = true;
        fix('Confirm as boilerplate', CommandId.confirmFinding);
        if (singleLine(doc, d.range) !== undefined) {
          fix('Not boilerplate in any file', CommandId.dismissEverywhere);
          fix('Confirm as boilerplate in every file', CommandId.confirmEverywhere);
        }
      } else if (code.startsWith('duplicate.')) {
        for (const r of d.relatedInformation ?? []) {
          const where = r.location.uri.toString() === uri ? `this file, ${linesOf(r.location.range)}` : `${baseName(r.location.uri.path)} ${linesOf(r.location.range)}`;
          fix(`Open the other copy (${where})`, CommandId.openCopy, r.location.uri.toString(), rangeArgs(r.location.range));
        }
        fix('Mark this copy as the duplicate', CommandId.markDuplicate);
        fix('Keep this copy', CommandId.keepCopy);
      }
    }
  }
  if (!wants(TAG_KIND)) { return out; }
  if (!range.isEmpty) {
    const args: TagArgs = { uri, range: rangeArgs(range) };
    out.push(action('Tag as claim', TAG_KIND, CommandId.tagClaim, args));
    for (const label of ENTITY_LABELS) {
      out.push(action(`Tag as entity: ${label}`, TAG_KIND, CommandId.tagEntity, { ...args, label }));
    }
    const needle = doc.getText(range).trim();
    if (needle.length > 0 && range.isSingleLine) {
      const shown = needle.length > 30 ? `${needle.slice(0, 30)}…` : needle;
      const n = findOccurrences(doc.getText(), needle).length;
      if (n > 1) {
        out.push(action(`Tag all ${n} occurrences of "${shown}" in this file...`, TAG_KIND, CommandId.tagAllInFile, { uri, text: needle, scope: 'file' }));
      }
      out.push(action(`Tag all occurrences of "${shown}" in the corpus...`, TAG_KIND, CommandId.tagAllInCorpus, { uri, text: needle, scope: 'corpus' }));
    }
  }
  const session = deps.sessions.peek(doc.uri);
  const tag = session && tagsAt(session.list(), doc.offsetAt(range.start), doc.offsetAt(range.end))[0];
  if (tag) {
    const ref: TagRef = { uri, id: tag.annotation.id };
    out.push(action('Remove tag', TAG_KIND, CommandId.removeTag, ref));
    if (tag.annotation.kind === 'entity') { out.push(action('Change label', TAG_KIND, CommandId.changeTagLabel, ref)); }
    out.push(action('Edit tag attributes', TAG_KIND, CommandId.editTagAttributes, ref));
  }
  return out;
}

function action(title: string, kind: vscode.CodeActionKind, command: string, args: unknown): vscode.CodeAction {
  const a = new vscode.CodeAction(title, kind);
  a.command = { title, command, arguments: [args] };
  return a;
}

/** "line 4" or "lines 3-5", 1-based. */
function linesOf(r: vscode.Range): string {
  return linesLabel({ start: { line: r.start.line, character: r.start.character }, end: { line: r.end.line, character: r.end.character } });
}

function rangeArgs(r: vscode.Range): [number, number, number, number] {
  return [r.start.line, r.start.character, r.end.line, r.end.character];
}
