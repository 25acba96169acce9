// The tagging commands: tag the selections as a claim or an entity, remove a tag, change an entity's label, edit a
// tag's attributes, record an editor's decision about a finding, and take back the last step made in a document (a
// tag, the tags of "tag all occurrences", a decision, or the decisions of "decide in every file").
// Each writes through the document's sidecar session and saves the sidecar before it resolves, so that work is
// never lost. Every command works on the active editor (its selections, or the tag at the cursor) or on
// arguments, which code actions, hover links, keybindings and tests pass.
import * as vscode from 'vscode';
import { Annotation, CLAIM_STATUSES, DecisionStatus, ENTITY_LABELS, SidecarSession, decisionOf } from '../../core/annotations';
import { AnnotationSessions } from '../annotations/sessions';
import { RangeTuple, toRange } from '../platform/ranges';
import { clip, plural } from '../platform/text';
import { TagHistory, TagRefOf, decisionChanges } from '../annotations/tagHistory';
import { CORPUS_FILE_CONTEXT, tagTitle, tagsAt } from './tagModel';


/** A document and a range in it, as [startLine, startCharacter, endLine, endCharacter]. */
export interface RangeArgs {
  uri?: string;
  range?: RangeTuple;
}

export interface TagArgs extends RangeArgs {
  label?: string;
}

/** Names a tag; without it, the command takes the innermost tag at the active editor's cursor. */
export interface TagRef {
  uri?: string;
  id?: string;
}

export interface DecisionArgs {
  uri: string;
  code: string;
  range: RangeTuple;
  /** The document version the finding was shown for; a decision about an older text is refused. */
  version?: number;
}

export interface TaggingDeps {
  sessions: AnnotationSessions;
  isCorpusFile: (uri: vscode.Uri) => boolean;
  /** The undo history every command that writes annotations records its steps in. */
  history: TagHistory;
}

export class Tagging implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly deps: TaggingDeps) {
    this.disposables.push(
      vscode.window.onDidChangeActiveTextEditor((e) => this.updateContext(e)),
    );
    this.updateContext(vscode.window.activeTextEditor);
  }

  dispose(): void {
    for (const d of this.disposables) { d.dispose(); }
  }

  tagClaim(args?: TagArgs): Promise<Annotation[]> {
    return this.tag(args, async () => ({ kind: 'claim' }));
  }

  tagEntity(args?: TagArgs): Promise<Annotation[]> {
    return this.tag(args, async () => {
      const label = args?.label ?? await pickLabel();
      return label === undefined ? undefined : { kind: 'entity', label };
    });
  }

  async removeTag(ref?: TagRef): Promise<boolean> {
    const found = await this.findTag(ref);
    if (!found) { return false; }
    found.session.remove(found.annotation.id);
    return this.deps.sessions.save(found.doc.uri);
  }

  async changeTagLabel(ref?: TagRef & { label?: string }): Promise<Annotation | undefined> {
    const found = await this.findTag(ref);
    if (!found) { return undefined; }
    if (found.annotation.kind !== 'entity') {
      void vscode.window.showInformationMessage('Corpus Lens: only entities have a label.');
      return undefined;
    }
    const label = ref?.label ?? await pickLabel(found.annotation.label);
    if (label === undefined) { return undefined; }
    const updated = found.session.update(found.annotation.id, { label });
    await this.deps.sessions.save(found.doc.uri);
    return updated;
  }

  /** Asks for a claim's speaker and status, or an entity's canonical name (or takes them from `attributes`). */
  async editTagAttributes(ref?: TagRef & { attributes?: Record<string, string> }): Promise<Annotation | undefined> {
    const found = await this.findTag(ref);
    if (!found) { return undefined; }
    const current = found.annotation.attributes ?? {};
    const asked = ref?.attributes ?? await askAttributes(found.annotation);
    if (!asked) { return undefined; }
    const attributes: Record<string, unknown> = { ...current };
    for (const [k, v] of Object.entries(asked)) {
      if (v.trim() === '') { delete attributes[k]; } else { attributes[k] = v.trim(); }
    }
    const updated = found.session.update(found.annotation.id, { attributes: Object.keys(attributes).length > 0 ? attributes : undefined });
    await this.deps.sessions.save(found.doc.uri);
    return updated;
  }

  /**
   * Takes back the last step that touched the active document: the tag made there, or every tag that "tag all
   * occurrences" made with it, in other files too (tags already removed are skipped); a decision recorded there, or
   * every decision of "decide in every file" (a decision it changed gets its earlier status back).
   */
  async undoTag(): Promise<boolean> {
    const doc = vscode.window.activeTextEditor?.document;
    const session = doc && await this.deps.sessions.sessionFor(doc, true);
    const key = doc?.uri.toString();
    // A step whose changes are all gone by now (removed, or their files' sidecars deleted) is passed over.
    let step = doc && session && this.deps.history.popStep(key!, (t) => t.doc !== key || session.get(t.id) !== undefined);
    while (step) {
      const undone = await this.undoStep(step, key!);
      if (undone !== 'nothing') { return undone === 'all'; }
      step = this.deps.history.popStep(key!, (t) => t.doc !== key || session!.get(t.id) !== undefined);
    }
    void vscode.window.showInformationMessage('Corpus Lens: no tag or decision to undo in this document.');
    return false;
  }

  /** Takes back one step; 'nothing' when none of its changes was still there to take back. */
  private async undoStep(step: readonly TagRefOf[], from: string): Promise<'all' | 'some' | 'nothing'> {
    // A file whose sidecar cannot be read or written now (made invalid meanwhile, the file gone) keeps its tags;
    // they are put back as a step, so that Undo Last Tag tries them again once the sidecar is repaired.
    const left: TagRefOf[] = [];
    let undone = 0;
    for (const file of new Set(step.map((t) => t.doc))) {
      const refs = step.filter((t) => t.doc === file);
      const uri = vscode.Uri.parse(file, true);
      const result = await this.deps.sessions.edit(uri, (s) => {
        let n = 0;
        let decisions = false;
        for (const t of refs) {
          const now = s.get(t.id)?.annotation;
          if (!now) { continue; }
          decisions ||= decisionOf(now) !== undefined;
          if (t.restore) { s.update(t.id, { attributes: t.restore.attributes }); } else { s.remove(t.id); }
          n++;
        }
        return { n, decisions };
      });
      if (!result) { left.push(...refs); continue; }
      undone += result.n;
      if (result.decisions) { this.deps.sessions.noteDecision(uri); }
    }
    if (left.length > 0) {
      this.deps.history.pushStep(left, from);
      const files = new Set(left.map((t) => t.doc)).size;
      void vscode.window.showWarningMessage(`Corpus Lens: ${plural(left.length, 'change')} in ${plural(files, 'file')} could not be taken back (see the error); Undo Last Tag tries again.`);
      return 'some';
    }
    return undone > 0 ? 'all' : 'nothing';
  }

  /** Records a decision about a finding ("Not boilerplate": dismissed) in the sidecar. */
  async decide(args: DecisionArgs, status: DecisionStatus): Promise<boolean> {
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(args.uri, true));
    if (args.version !== undefined && args.version !== doc.version) {
      void vscode.window.showWarningMessage('Corpus Lens: the document changed since this finding was shown; try again.');
      return false;
    }
    const kind = args.code.startsWith('duplicate.') ? 'duplicate' : 'boilerplate';
    if (status === 'kept' && kind !== 'duplicate') {
      void vscode.window.showInformationMessage('Corpus Lens: only a copy of a duplicated passage can be kept.');
      return false;
    }
    const session = await this.deps.sessions.sessionFor(doc, true);
    if (!session) { return false; }
    const range = toRange(args.range);
    const before = session.list();
    session.decide({ kind, code: args.code, start: doc.offsetAt(range.start), end: doc.offsetAt(range.end) }, status);
    this.deps.history.pushStep(decisionChanges(doc.uri.toString(), before, session.list()));
    const saved = await this.deps.sessions.save(doc.uri);
    this.deps.sessions.noteDecision(doc.uri);
    return saved;
  }

  private async tag(args: TagArgs | undefined, what: () => Promise<{ kind: 'claim' | 'entity'; label?: string } | undefined>): Promise<Annotation[]> {
    const target = await this.targetOf(args);
    if (!target) { return []; }
    const ranges = target.ranges.map((r) => trimmed(target.doc, r)).filter((r): r is [number, number] => r !== undefined);
    if (ranges.length === 0) {
      void vscode.window.showInformationMessage('Corpus Lens: select the text to tag first.');
      return [];
    }
    const session = await this.deps.sessions.sessionFor(target.doc, true);
    if (!session) { return []; }
    const tag = await what();
    if (!tag) { return []; }
    const added = ranges.map(([start, end]) => session.add({ ...tag, start, end }));
    this.deps.history.pushStep(added.map((a) => ({ doc: target.doc.uri.toString(), id: a.id })));
    await this.deps.sessions.save(target.doc.uri);
    return added;
  }

  /** The document and ranges a tagging command works on: the arguments', else the active editor's selections. */
  private async targetOf(args: RangeArgs | undefined): Promise<{ doc: vscode.TextDocument; ranges: vscode.Range[] } | undefined> {
    if (args?.uri) {
      const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(args.uri, true));
      const editor = vscode.window.visibleTextEditors.find((e) => e.document === doc);
      const ranges = args.range ? [toRange(args.range)] : editor?.selections ?? [];
      return this.corpusTarget(doc, ranges);
    }
    const editor = vscode.window.activeTextEditor;
    if (!editor) {
      void vscode.window.showInformationMessage('Corpus Lens: open a corpus file to tag it.');
      return undefined;
    }
    return this.corpusTarget(editor.document, args?.range ? [toRange(args.range)] : editor.selections);
  }

  private corpusTarget(doc: vscode.TextDocument, ranges: readonly vscode.Range[]): { doc: vscode.TextDocument; ranges: vscode.Range[] } | undefined {
    if (!this.deps.isCorpusFile(doc.uri)) {
      void vscode.window.showInformationMessage('Corpus Lens: this file is not part of the corpus (see corpusLens.include).');
      return undefined;
    }
    return { doc, ranges: [...ranges] };
  }

  /** The tag a command is about: the one named, else the innermost one at the active editor's cursor. */
  private async findTag(ref: TagRef | undefined): Promise<{ doc: vscode.TextDocument; session: SidecarSession; annotation: Readonly<Annotation> } | undefined> {
    const doc = ref?.uri
      ? await vscode.workspace.openTextDocument(vscode.Uri.parse(ref.uri, true))
      : vscode.window.activeTextEditor?.document;
    const session = doc && await this.deps.sessions.sessionFor(doc, true);
    if (!doc || !session) { return undefined; }
    let annotation: Readonly<Annotation> | undefined;
    if (ref?.id) {
      annotation = session.get(ref.id)?.annotation;
    } else {
      const editor = vscode.window.activeTextEditor;
      annotation = editor && tagsAt(session.list(), doc.offsetAt(editor.selection.active))[0]?.annotation;
    }
    if (!annotation) {
      void vscode.window.showInformationMessage('Corpus Lens: there is no tag here.');
      return undefined;
    }
    return { doc, session, annotation };
  }

  private updateContext(editor: vscode.TextEditor | undefined): void {
    const on = !!editor && this.deps.isCorpusFile(editor.document.uri);
    void vscode.commands.executeCommand('setContext', CORPUS_FILE_CONTEXT, on);
  }
}

/** A range's offsets without the white space at its ends; undefined when nothing else is left. */
function trimmed(doc: vscode.TextDocument, range: vscode.Range): [number, number] | undefined {
  let start = doc.offsetAt(range.start);
  let end = doc.offsetAt(range.end);
  const text = doc.getText();
  while (start < end && /\s/.test(text[start])) { start++; }
  while (end > start && /\s/.test(text[end - 1])) { end--; }
  return start < end ? [start, end] : undefined;
}

async function pickLabel(current?: string): Promise<string | undefined> {
  const items = ENTITY_LABELS.map((label) => ({ label, description: label === current ? 'current' : undefined }));
  const picked = await vscode.window.showQuickPick(items, { title: 'Corpus Lens: entity type', placeHolder: 'What kind of entity is this?' });
  return picked?.label;
}

async function askAttributes(a: Readonly<Annotation>): Promise<Record<string, string> | undefined> {
  const attrs = a.attributes ?? {};
  const fields: { key: string; prompt: string; placeHolder?: string }[] = a.kind === 'claim'
    ? [
      { key: 'speaker', prompt: 'Who makes this claim?' },
      { key: 'status', prompt: 'Status of the claim', placeHolder: CLAIM_STATUSES.join(', ') },
    ]
    : [{ key: 'canonical', prompt: 'Canonical name of this entity' }];
  const out: Record<string, string> = {};
  for (const f of fields) {
    const value = await vscode.window.showInputBox({
      title: `Corpus Lens: ${tagTitle(a)} "${clip(a.quote, 40)}"`,
      prompt: `${f.prompt} (empty: none)`,
      placeHolder: f.placeHolder,
      value: typeof attrs[f.key] === 'string' ? attrs[f.key] as string : '',
    });
    if (value === undefined) { return undefined; }
    out[f.key] = value;
  }
  return out;
}
