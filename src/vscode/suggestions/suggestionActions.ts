// The quick fixes on suggestion hints, and the commands behind them: accept with the proposed type (preferred),
// accept with another type, tag every whole-word occurrence of the string in every corpus file, and reject (an
// annotation of the suggestion's kind with `attributes.status: rejected`, so that it is not proposed again). Accepting
// goes through the tagging commands (corpusLens.tagEntity / corpusLens.tagClaim), so an accepted suggestion is an
// ordinary tag. Each fix carries the document version it was offered for, and is refused if the text changed
// since; without arguments a command acts on the suggestion at the active editor's cursor (keyboard, palette).
import * as vscode from 'vscode';
import { Annotation, ENTITY_LABELS } from '../../core/annotations';
import { findOccurrences } from '../../core/anchor/occurrences';
import { AnnotationSessions } from '../annotations/sessions';
import { CommandId } from '../platform/commandIds';
import { RangeTuple } from '../platform/ranges';
import { clip, plural } from '../platform/text';
import { CorpusFiles } from '../platform/corpusFiles';
import { corpusDocumentSelector } from '../platform/languages';
import { CorpusHit, CorpusSearchDeps, searchCorpus } from '../workers/corpusSearch';
import { ShownSuggestion, Suggestions } from './suggestions';
import { TagRefOf } from '../annotations/tagHistory';

/** What a fix or a command names: a suggestion in a document, as it was shown. */
export interface SuggestionArgs {
  uri: string;
  /** The document version the suggestion was shown for; a fix offered for an older text is refused. */
  version: number;
  kind: 'entity' | 'claim';
  label?: string;
  text: string;
  /** [startLine, startCharacter, endLine, endCharacter] */
  range: RangeTuple;
  speaker?: string;
}

export interface AcceptEverywhereArgs extends SuggestionArgs {
  /** false: do not ask before writing to several files (for scripts and tests). */
  ask?: boolean;
}

/** What "accept all" did, for tests and scripts. */
export interface AcceptEverywhereResult {
  tagged: number;
  files: number;
  /** Occurrences left alone because a tag or a rejection already covers them. */
  skipped: number;
  /** Files whose sidecar could not be opened or written. */
  failed: number;
}

export interface SuggestionActionDeps extends CorpusSearchDeps {
  suggestions: Suggestions;
  sessions: AnnotationSessions;
  files: CorpusFiles;
  /** Records the tags of one command as one step for Undo Last Tag (accept-everywhere, like tag-all). */
  recordStep: (tags: TagRefOf[]) => void;
}

const FIX_KIND = vscode.CodeActionKind.QuickFix;

/** Above this many files, "accept all" shows the count and asks before writing. */
const ASK_ABOVE_FILES = 1;

export function registerSuggestionActions(deps: SuggestionActionDeps): vscode.Disposable {
  return vscode.languages.registerCodeActionsProvider(corpusDocumentSelector, {
    provideCodeActions: (doc, _range, context) => provideActions(deps, doc, context),
  }, { providedCodeActionKinds: [FIX_KIND] });
}

function provideActions(deps: SuggestionActionDeps, doc: vscode.TextDocument, context: vscode.CodeActionContext): vscode.CodeAction[] {
  if (context.only && !FIX_KIND.contains(context.only) && !context.only.contains(FIX_KIND)) { return []; }
  const out: vscode.CodeAction[] = [];
  for (const d of context.diagnostics) {
    const s = deps.suggestions.suggestionOf(doc.uri, d);
    if (!s || s.version !== doc.version) { continue; }
    const args = argsOf(doc.uri, s);
    const quoted = clip(s.text, 40);
    if (s.kind === 'entity') {
      out.push(
        fix(`Tag "${quoted}" as ${s.label}`, CommandId.acceptSuggestion, args, d, true),
        fix(`Tag "${quoted}" as another type...`, CommandId.acceptSuggestionAs, args, d),
        fix(`Tag every "${quoted}" in the corpus as ${s.label}...`, CommandId.acceptSuggestionEverywhere, args, d),
        fix(`Reject the suggestion "${quoted}"`, CommandId.rejectSuggestion, args, d),
      );
    } else {
      out.push(
        fix(`Tag this sentence as a claim${s.speaker ? ` by ${s.speaker}` : ''}`, CommandId.acceptSuggestion, args, d, true),
        fix('Reject the claim suggestion', CommandId.rejectSuggestion, args, d),
      );
    }
  }
  return out;
}

/** Accepts a suggestion with its proposed type (or, for `otherType`, one picked from the others). */
export async function acceptSuggestion(deps: SuggestionActionDeps, given: SuggestionArgs | undefined, otherType = false): Promise<Annotation[]> {
  const target = await resolveTarget(deps, given);
  if (!target) { return []; }
  const { args, doc } = target;
  const uri = args.uri;
  let added: Annotation[];
  if (args.kind === 'claim') {
    added = await vscode.commands.executeCommand<Annotation[]>(CommandId.tagClaim, { uri, range: args.range });
    if (args.speaker && added.length === 1) {
      await vscode.commands.executeCommand(CommandId.editTagAttributes, { uri, id: added[0].id, attributes: { speaker: args.speaker } });
    }
  } else {
    const label = otherType ? await pickOtherLabel(args.label) : args.label;
    if (label === undefined) { return []; }
    added = await vscode.commands.executeCommand<Annotation[]>(CommandId.tagEntity, { uri, range: args.range, label });
  }
  if (added.length > 0) { deps.suggestions.hide(doc.uri, spanOf(doc, args)); }
  return added;
}

/** Records that a suggestion was turned down, so that it is not proposed again (also after a reload). */
export async function rejectSuggestion(deps: SuggestionActionDeps, given: SuggestionArgs | undefined): Promise<Annotation | undefined> {
  const target = await resolveTarget(deps, given);
  if (!target) { return undefined; }
  const { args, doc } = target;
  const session = await deps.sessions.sessionFor(doc, true);
  if (!session) { return undefined; }
  const { start, end } = spanOf(doc, args);
  const rejected = session.add({
    kind: args.kind, start, end, ...(args.kind === 'entity' && args.label ? { label: args.label } : {}), attributes: { status: 'rejected' },
  });
  deps.suggestions.hide(doc.uri, { kind: args.kind, start, end });
  await deps.sessions.save(doc.uri);
  return rejected;
}

/**
 * Tags every whole-word occurrence of an entity suggestion's string, in every corpus file of its folder (open or
 * not), with its proposed type, through each file's sidecar session. Places a tag or a rejection already covers
 * are left alone. Shows the count and asks first when more than one file would change.
 */
export async function acceptSuggestionEverywhere(deps: SuggestionActionDeps, given: AcceptEverywhereArgs | undefined): Promise<AcceptEverywhereResult | undefined> {
  const target = await resolveTarget(deps, given);
  if (!target) { return undefined; }
  const { args, doc } = target;
  if (args.kind !== 'entity' || !args.label) {
    void vscode.window.showInformationMessage('Corpus Lens: only entity suggestions can be accepted across the corpus.');
    return undefined;
  }
  const loc = deps.files.match(doc.uri);
  if (!loc) { return undefined; }
  const label = args.label;
  const needle = args.text;
  // Asked before anything is written, so the places are kept (their offsets, without their lines) until then.
  const found: CorpusHit[] = [];
  const searched = await searchCorpus(deps, `looking for "${clip(needle, 40)}" in the corpus`, { kind: 'text', needle }, {
    only: loc.folder, lineTexts: 0, onHits: (hits) => { found.push(...hits); },
  });
  if (!searched) { return undefined; }
  const places = searched.places;
  if (found.length > ASK_ABOVE_FILES && given?.ask !== false) {
    const go = `Tag ${places}`;
    const answer = await vscode.window.showWarningMessage(
      `Tag "${needle}" as ${label} at ${plural(places, 'place')} in ${plural(found.length, 'file')}?`,
      { modal: true, detail: 'Each file\'s sidecar is written. Places already tagged or turned down are left as they are.' }, go);
    if (answer !== go) { return undefined; }
  }
  const result: AcceptEverywhereResult = { tagged: 0, files: 0, skipped: 0, failed: 0 };
  const made: TagRefOf[] = [];
  await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Corpus Lens: tagging "${clip(needle, 40)}"`, cancellable: false },
    async (progress) => {
      for (const f of found) {
        progress.report({ message: f.rel, increment: 100 / found.length });
        let skipped = 0;
        const added = await deps.sessions.edit(f.uri, (session) => {
          const covered = session.list().filter((a) => a.annotation.kind === 'entity' && a.start !== null && a.end !== null);
          // The file may have changed since it was searched: a place whose text moved is looked for again.
          const still = f.places.every((p) => session.text.slice(p.start, p.end) === needle);
          const ranges: [number, number][] = still ? f.places.map((p) => [p.start, p.end]) : findOccurrences(session.text, needle);
          const tags: TagRefOf[] = [];
          for (const [start, end] of ranges) {
            if (covered.some((a) => a.start! < end && a.end! > start)) { skipped++; continue; }
            tags.push({ doc: f.uri.toString(), id: session.add({ kind: 'entity', label, start, end }).id });
          }
          return tags;
        });
        if (added === undefined) { result.failed++; continue; }
        result.skipped += skipped;
        if (added.length === 0) { continue; }
        result.tagged += added.length;
        result.files++;
        made.push(...added);
      }
    });
  deps.recordStep(made);
  const left = result.skipped > 0 ? `; ${plural(result.skipped, 'place')} already tagged or turned down left as ${result.skipped === 1 ? 'it was' : 'they were'}` : '';
  const failed = result.failed > 0 ? `; ${plural(result.failed, 'file')} could not be written (see the errors shown)` : '';
  void vscode.window.showInformationMessage(
    `Corpus Lens: tagged "${needle}" as ${label} at ${plural(result.tagged, 'place')} in ${plural(result.files, 'file')}${left}${failed}.`);
  return result;
}

/** The suggestion a command acts on, checked against the document: the one given, else the one at the cursor. */
async function resolveTarget(deps: SuggestionActionDeps, given: SuggestionArgs | undefined): Promise<{ args: SuggestionArgs; doc: vscode.TextDocument } | undefined> {
  if (!given) {
    const editor = vscode.window.activeTextEditor;
    const s = editor && deps.suggestions.shownAt(editor.document.uri, editor.selection)[0];
    if (!editor || !s || s.version !== editor.document.version) {
      void vscode.window.showInformationMessage('Corpus Lens: there is no suggestion at the cursor.');
      return undefined;
    }
    return { args: argsOf(editor.document.uri, s), doc: editor.document };
  }
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(given.uri, true));
  const { start, end } = spanOf(doc, given);
  if (doc.version !== given.version || doc.getText().slice(start, end) !== given.text) {
    void vscode.window.showWarningMessage('Corpus Lens: the document changed since this suggestion was shown; try again.');
    return undefined;
  }
  return { args: given, doc };
}

function argsOf(uri: vscode.Uri, s: ShownSuggestion): SuggestionArgs {
  const r = s.range;
  return {
    uri: uri.toString(), version: s.version, kind: s.kind, label: s.label, text: s.text,
    range: [r.start.line, r.start.character, r.end.line, r.end.character], speaker: s.speaker,
  };
}

function spanOf(doc: vscode.TextDocument, args: Pick<SuggestionArgs, 'range' | 'kind'>): { kind: 'entity' | 'claim'; start: number; end: number } {
  const [sl, sc, el, ec] = args.range;
  return { kind: args.kind, start: doc.offsetAt(new vscode.Position(sl, sc)), end: doc.offsetAt(new vscode.Position(el, ec)) };
}

async function pickOtherLabel(proposed: string | undefined): Promise<string | undefined> {
  const items = ENTITY_LABELS.filter((l) => l !== proposed).map((label) => ({ label }));
  const picked = await vscode.window.showQuickPick(items, { title: 'Corpus Lens: entity type', placeHolder: `Not ${proposed ?? 'this'}: which type is it?` });
  return picked?.label;
}

function fix(title: string, command: string, args: SuggestionArgs, d: vscode.Diagnostic, preferred = false): vscode.CodeAction {
  const a = new vscode.CodeAction(title, FIX_KIND);
  a.command = { title, command, arguments: [args] };
  a.diagnostics = [d];
  if (preferred) { a.isPreferred = true; }
  return a;
}

