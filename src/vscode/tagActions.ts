// Code actions in corpus files: "Tag as claim" and "Tag as entity: person/..." on a selection; "Remove tag" and
// "Change label" on a tag; and on a boilerplate diagnostic the quick fixes "Not boilerplate" (preferred: a person
// asks for the fix when the detector is wrong) and "Confirm as boilerplate", which record the decision in the
// sidecar. The fixes carry the document's version, so a fix made against an older text is refused.
import * as vscode from 'vscode';
import { ENTITY_LABELS } from '../core/annotations';
import { AnnotationSessions } from './annotations';
import { CommandId } from './commandIds';
import { DIAGNOSTIC_SOURCE } from './diagnostics';
import { corpusDocumentSelector } from './languages';
import { tagsAt } from './tagModel';
import { DecisionArgs, TagArgs, TagRef } from './tagging';

export interface TagActionDeps {
  sessions: AnnotationSessions;
  isCorpusFile: (uri: vscode.Uri) => boolean;
}

const TAG_KIND = vscode.CodeActionKind.RefactorRewrite;
const FIX_KIND = vscode.CodeActionKind.QuickFix;

export function registerTagActions(deps: TagActionDeps): vscode.Disposable {
  return vscode.languages.registerCodeActionsProvider(corpusDocumentSelector, {
    provideCodeActions: (doc, range, context) => provideActions(deps, doc, range, context),
  }, { providedCodeActionKinds: [TAG_KIND, FIX_KIND] });
}

function provideActions(deps: TagActionDeps, doc: vscode.TextDocument, range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
  if (!deps.isCorpusFile(doc.uri)) { return []; }
  const wants = (kind: vscode.CodeActionKind) => !context.only || context.only.contains(kind) || kind.contains(context.only);
  const uri = doc.uri.toString();
  const out: vscode.CodeAction[] = [];
  if (wants(FIX_KIND)) {
    for (const d of context.diagnostics) {
      const code = typeof d.code === 'object' ? String(d.code.value) : String(d.code ?? '');
      if (d.source !== DIAGNOSTIC_SOURCE || !code.startsWith('boilerplate.')) { continue; }
      const args: DecisionArgs = { uri, code, range: rangeArgs(d.range), version: doc.version };
      const dismiss = action('Not boilerplate', FIX_KIND, CommandId.dismissFinding, args);
      dismiss.diagnostics = [d];
      dismiss.isPreferred = true;
      const confirm = action('Confirm as boilerplate', FIX_KIND, CommandId.confirmFinding, args);
      confirm.diagnostics = [d];
      out.push(dismiss, confirm);
    }
  }
  if (!wants(TAG_KIND)) { return out; }
  if (!range.isEmpty) {
    const args: TagArgs = { uri, range: rangeArgs(range) };
    out.push(action('Tag as claim', TAG_KIND, CommandId.tagClaim, args));
    for (const label of ENTITY_LABELS) {
      out.push(action(`Tag as entity: ${label}`, TAG_KIND, CommandId.tagEntity, { ...args, label }));
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

function rangeArgs(r: vscode.Range): [number, number, number, number] {
  return [r.start.line, r.start.character, r.end.line, r.end.character];
}
