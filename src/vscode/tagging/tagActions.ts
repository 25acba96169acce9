// Code actions in corpus files: "Tag as claim", "Tag as entity: person/..." and "Tag all N occurrences ... in this
// file / in the corpus" on a selection; "Remove tag" and "Change label" on a tag; on a boilerplate diagnostic the
// quick fixes "Not boilerplate" (preferred: a person asks for the fix when the detector is wrong), "Confirm as
// boilerplate", and the same for every identical line of the corpus; on a duplicate "Open the other copy", "Mark
// this copy as the duplicate" and "Keep this copy"; and the source action source.fixAll.corpusLens, "Confirm all
// boilerplate in this file" (for editor.codeActionsOnSave). Decisions are recorded in the sidecar. The fixes carry
// the document's version, so a fix made against an older text is refused.
import * as vscode from 'vscode';
import { ENTITY_LABELS } from '../../core/annotations';
import { AnnotationSessions } from '../annotations/sessions';
import { CommandId } from '../platform/commandIds';
import { findOccurrences } from '../../core/anchor/occurrences';
import { DIAGNOSTIC_SOURCE, shownKinds } from '../findings/diagnostics';
import { codeOf, singleLine } from './findingDecisions';
import { FindingsStore } from '../findings/findingsStore';
import { tupleOf } from '../platform/ranges';
import { baseName, clip, linesLabel } from '../platform/text';
import { corpusDocumentSelector } from '../platform/languages';
import { tagsAt } from './tagModel';
import { DecisionArgs, TagArgs, TagRef } from './tagging';

export interface TagActionDeps {
  sessions: AnnotationSessions;
  /** The findings with their decisions: "Confirm all boilerplate" is offered while one is undecided. */
  store: FindingsStore;
  isCorpusFile: (uri: vscode.Uri) => boolean;
  log?: vscode.LogOutputChannel;
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
  // The tag actions come first and depend on the selection alone; each other part is computed on its own, so
  // that a failure in one (logged) cannot leave the menu with the duplicate fixes only, as a run once did.
  const out = wants(TAG_KIND) && !range.isEmpty ? selectionTagActions(doc, range) : [];
  const parts: [string, () => vscode.CodeAction[]][] = [
    ['fix-all', () => (context.only?.contains(FIX_ALL_KIND) ? fixAllActions(deps, doc) : [])],
    ['finding fixes', () => (wants(FIX_KIND) ? findingFixes(doc, context.diagnostics) : [])],
    ['occurrences', () => (wants(TAG_KIND) && !range.isEmpty ? occurrenceActions(doc, range) : [])],
    ['tag at cursor', () => (wants(TAG_KIND) ? tagActionsAt(deps, doc, range) : [])],
  ];
  for (const [what, part] of parts) {
    try {
      out.push(...part());
    } catch (e) {
      deps.log?.error(`code actions (${what}) for ${doc.uri.fsPath}: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
    }
  }
  return out;
}

/** "Tag as claim", "Tag as entity: <label>" on a non-empty selection. */
function selectionTagActions(doc: vscode.TextDocument, range: vscode.Range): vscode.CodeAction[] {
  const args: TagArgs = { uri: doc.uri.toString(), range: tupleOf(range) };
  return [
    action('Tag as claim', TAG_KIND, CommandId.tagClaim, args),
    ...ENTITY_LABELS.map((label) => action(`Tag as entity: ${label}`, TAG_KIND, CommandId.tagEntity, { ...args, label })),
  ];
}

/** A source action is given only when asked for by kind (the Source Action menu, codeActionsOnSave). */
function fixAllActions(deps: TagActionDeps, doc: vscode.TextDocument): vscode.CodeAction[] {
  const stored = deps.store.get(doc.uri.toString());
  const undecided = !!stored && shownKinds(vscode.Uri.parse(stored.folder, true)).boilerplate
    && stored.file.findings.some((f) => f.kind === 'boilerplate' && !f.decision);
  return undecided
    ? [action('Confirm all boilerplate in this file', FIX_ALL_KIND, CommandId.confirmAllBoilerplate, { uri: doc.uri.toString(), version: doc.version })]
    : [];
}

function findingFixes(doc: vscode.TextDocument, diagnostics: readonly vscode.Diagnostic[]): vscode.CodeAction[] {
  const uri = doc.uri.toString();
  const out: vscode.CodeAction[] = [];
  for (const d of diagnostics) {
    const code = codeOf(d);
    if (d.source !== DIAGNOSTIC_SOURCE) { continue; }
    const args: DecisionArgs = { uri, code, range: tupleOf(d.range), version: doc.version };
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
        const where = r.location.uri.toString() === uri ? `this file, ${linesLabel(r.location.range)}` : `${baseName(r.location.uri.path)} ${linesLabel(r.location.range)}`;
        fix(`Open the other copy (${where})`, CommandId.openCopy, r.location.uri.toString(), tupleOf(r.location.range));
      }
      fix('Mark this copy as the duplicate', CommandId.markDuplicate);
      fix('Keep this copy', CommandId.keepCopy);
    }
  }
  return out;
}

/** "Tag all N occurrences of ... in this file / in the corpus" on a selection within one line. */
function occurrenceActions(doc: vscode.TextDocument, range: vscode.Range): vscode.CodeAction[] {
  const needle = doc.getText(range).trim();
  if (needle.length === 0 || !range.isSingleLine) { return []; }
  const uri = doc.uri.toString();
  const shown = clip(needle, 30);
  const out: vscode.CodeAction[] = [];
  const n = findOccurrences(doc.getText(), needle).length;
  if (n > 1) {
    out.push(action(`Tag all ${n} occurrences of "${shown}" in this file...`, TAG_KIND, CommandId.tagAllInFile, { uri, text: needle, scope: 'file' }));
  }
  out.push(action(`Tag all occurrences of "${shown}" in the corpus...`, TAG_KIND, CommandId.tagAllInCorpus, { uri, text: needle, scope: 'corpus' }));
  return out;
}

/** "Remove tag", "Change label", "Edit tag attributes" on the innermost tag covering the range. */
function tagActionsAt(deps: TagActionDeps, doc: vscode.TextDocument, range: vscode.Range): vscode.CodeAction[] {
  const session = deps.sessions.peek(doc.uri);
  const tag = session && tagsAt(session.list(), doc.offsetAt(range.start), doc.offsetAt(range.end))[0];
  if (!tag) { return []; }
  const ref: TagRef = { uri: doc.uri.toString(), id: tag.annotation.id };
  return [
    action('Remove tag', TAG_KIND, CommandId.removeTag, ref),
    ...(tag.annotation.kind === 'entity' ? [action('Change label', TAG_KIND, CommandId.changeTagLabel, ref)] : []),
    action('Edit tag attributes', TAG_KIND, CommandId.editTagAttributes, ref),
  ];
}

function action(title: string, kind: vscode.CodeActionKind, command: string, args: unknown): vscode.CodeAction {
  const a = new vscode.CodeAction(title, kind);
  a.command = { title, command, arguments: [args] };
  return a;
}
