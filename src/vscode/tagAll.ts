// "Tag all occurrences": finds every whole-word, case-sensitive (by default) occurrence of the selected text (or
// the word at the cursor) in the document or in the whole corpus, shows them in a list where every match is
// picked and the editor follows the active one, so that a person can step through and leave out the wrong ones,
// then tags the picked ones through the annotation store (closed files too) as one step that Undo Last Tag takes
// back. The corpus search reads files in batches off the thread's critical path, with cancellable progress.
import * as vscode from 'vscode';
import { ENTITY_LABELS } from '../core/annotations';
import { Occurrence, OccurrenceOptions, findOccurrences, withLines } from '../core/anchor/occurrences';
import { AnnotationSessions } from './annotations';
import { CorpusFiles } from './corpusFiles';
import { searchCorpus } from './corpusSearch';
import { TagRefOf, styleOf } from './tagModel';

export type TagAllScope = 'file' | 'corpus';

export interface TagAllArgs {
  scope?: TagAllScope;
  /** The document whose selection (or `text`) is searched for; the active editor's by default. */
  uri?: string;
  /** What to find; by default the selection, else the word at the cursor. */
  text?: string;
  kind?: 'claim' | 'entity';
  label?: string;
  caseSensitive?: boolean;
  wholeWord?: boolean;
  /**
   * Tag every match but these, without showing the list of matches (for keyboard macros, automation and tests);
   * `line` and `character` are the match's start, 0-based.
   */
  skip?: { uri: string; line: number; character: number }[];
}

export interface TagAllResult {
  /** Every match found. */
  matches: number;
  /** The tags made, in the order of the matches. */
  tagged: { uri: string; id: string; start: number; end: number }[];
  /** Picked matches already tagged so (same kind and label, same range): left as they were. */
  alreadyTagged: number;
}

export interface TagAllDeps {
  sessions: AnnotationSessions;
  files: CorpusFiles;
  /** Records the tags of one command as one step for Undo Last Tag. */
  recordStep: (tags: TagRefOf[]) => void;
  log: vscode.LogOutputChannel;
}

interface Match extends Occurrence {
  uri: vscode.Uri;
  rel: string;
  /** The text matched (it may differ in case from the needle). */
  quote: string;
}

type TagKind = { kind: 'claim' | 'entity'; label?: string };

export class OccurrenceTagger implements vscode.Disposable {
  private readonly shown = new vscode.EventEmitter<number>();
  /** Fires with the number of matches when the list of matches is shown (for tests that step through it). */
  readonly onDidShowMatches = this.shown.event;

  constructor(private readonly deps: TagAllDeps) {}

  dispose(): void {
    this.shown.dispose();
  }

  async tagAll(args: TagAllArgs = {}): Promise<TagAllResult | undefined> {
    const scope = args.scope ?? 'file';
    const source = await this.sourceOf(args);
    if (!source) { return undefined; }
    const { doc, needle } = source;
    const options: OccurrenceOptions = { caseSensitive: args.caseSensitive ?? true, wholeWord: args.wholeWord ?? true };
    const shown = quoteForTitle(needle);
    const tag = args.kind ? { kind: args.kind, label: args.kind === 'entity' ? args.label ?? 'other' : undefined } : await pickKind(shown);
    if (!tag) { return undefined; }
    const matches = scope === 'file' ? this.inDocument(doc, needle, options) : await this.inCorpus(needle, options);
    if (!matches) { return undefined; } // cancelled
    if (matches.length === 0) {
      void vscode.window.showInformationMessage(`Corpus Lens: no whole-word occurrence of "${shown}" ${scope === 'file' ? 'in this file' : 'in the corpus'}.`);
      return { matches: 0, tagged: [], alreadyTagged: 0 };
    }
    const picked = args.skip ? matches.filter((m) => !args.skip!.some((s) => s.uri === m.uri.toString() && s.line === m.line && s.character === m.character))
      : await pickMatches(matches, `Tag ${matches.length === 1 ? 'the occurrence' : `all ${matches.length} occurrences`} of "${shown}" as ${title(tag)}`, scope,
        () => this.shown.fire(matches.length));
    if (!picked) { return undefined; }
    const result = await this.tagMatches(picked, tag);
    result.matches = matches.length;
    const files = new Set(result.tagged.map((t) => t.uri)).size;
    const already = result.alreadyTagged > 0 ? ` (${result.alreadyTagged} already tagged)` : '';
    void vscode.window.setStatusBarMessage(`Corpus Lens: tagged ${result.tagged.length} of ${matches.length} occurrences of "${shown}" in ${files} ${files === 1 ? 'file' : 'files'}${already}`, 5000);
    return result;
  }

  /** Occurrences of the selection (or `text`) in one document, counted for a code action's title. */
  countInDocument(doc: vscode.TextDocument, needle: string): number {
    return findOccurrences(doc.getText(), needle).length;
  }

  private async sourceOf(args: TagAllArgs): Promise<{ doc: vscode.TextDocument; needle: string } | undefined> {
    const editor = vscode.window.activeTextEditor;
    const doc = args.uri ? await vscode.workspace.openTextDocument(vscode.Uri.parse(args.uri, true)) : editor?.document;
    if (!doc || !this.deps.files.match(doc.uri)) {
      void vscode.window.showInformationMessage('Corpus Lens: open a corpus file and select the text to tag everywhere.');
      return undefined;
    }
    let needle = args.text;
    if (needle === undefined && editor && editor.document === doc) {
      const sel = editor.selection;
      const range = sel.isEmpty ? doc.getWordRangeAtPosition(sel.active) : sel;
      needle = range ? doc.getText(range) : undefined;
    }
    needle = needle?.trim();
    if (!needle) {
      void vscode.window.showInformationMessage('Corpus Lens: select the text to tag everywhere first.');
      return undefined;
    }
    return { doc, needle };
  }

  private inDocument(doc: vscode.TextDocument, needle: string, options: OccurrenceOptions): Match[] {
    const text = doc.getText();
    const rel = this.deps.files.match(doc.uri)?.rel ?? vscode.workspace.asRelativePath(doc.uri);
    return withLines(text, findOccurrences(text, needle, options)).map((o) => ({ ...o, uri: doc.uri, rel, quote: text.slice(o.start, o.end) }));
  }

  /** Every corpus file's occurrences, open documents as the editor has them; undefined when cancelled. */
  private async inCorpus(needle: string, options: OccurrenceOptions): Promise<Match[] | undefined> {
    const hits = await searchCorpus(this.deps, `finding "${quoteForTitle(needle)}" in the corpus`, (text) => {
      const found = findOccurrences(text, needle, options);
      return found.length > 0 ? found : undefined;
    });
    if (!hits) { return undefined; }
    const matches: Match[] = [];
    for (const hit of hits) {
      for (const o of withLines(hit.text, hit.found)) { matches.push({ ...o, uri: hit.uri, rel: hit.rel, quote: hit.text.slice(o.start, o.end) }); }
    }
    return matches.sort((x, y) => (x.rel < y.rel ? -1 : x.rel > y.rel ? 1 : x.start - y.start));
  }

  /** Tags the matches, file by file through the store, as one undo step. */
  private async tagMatches(matches: readonly Match[], tag: TagKind): Promise<TagAllResult> {
    const byFile = new Map<string, Match[]>();
    for (const m of matches) {
      const key = m.uri.toString();
      byFile.set(key, [...(byFile.get(key) ?? []), m]);
    }
    const result: TagAllResult = { matches: matches.length, tagged: [], alreadyTagged: 0 };
    for (const [key, list] of byFile) {
      const uri = vscode.Uri.parse(key, true);
      const added = await this.deps.sessions.edit(uri, (session) => {
        const existing = session.list().filter((a) => styleOf(a.annotation) !== undefined && a.annotation.kind === tag.kind
          && (tag.kind !== 'entity' || a.annotation.label === tag.label));
        const made: TagAllResult['tagged'] = [];
        for (const m of list) {
          // The file may have changed since it was searched: tag only what still holds the text found.
          if (session.text.slice(m.start, m.end) !== m.quote) { continue; }
          if (existing.some((a) => a.start === m.start && a.end === m.end)) {
            result.alreadyTagged++;
            continue;
          }
          const a = session.add({ kind: tag.kind, start: m.start, end: m.end, ...(tag.label ? { label: tag.label } : {}) });
          made.push({ uri: key, id: a.id, start: m.start, end: m.end });
        }
        return made;
      });
      result.tagged.push(...(added ?? []));
    }
    this.deps.recordStep(result.tagged.map((t) => ({ doc: t.uri, id: t.id })));
    return result;
  }
}

function quoteForTitle(s: string): string {
  const line = s.replace(/\s+/g, ' ');
  return line.length > 40 ? `${line.slice(0, 40)}…` : line;
}

function title(tag: TagKind): string {
  return tag.kind === 'claim' ? 'claims' : `entities: ${tag.label}`;
}

async function pickKind(shown: string): Promise<TagKind | undefined> {
  const items: (vscode.QuickPickItem & { tag: TagKind })[] = [
    { label: 'Claim', tag: { kind: 'claim' } },
    ...ENTITY_LABELS.map((label) => ({ label: `Entity: ${label}`, tag: { kind: 'entity' as const, label } })),
  ];
  const picked = await vscode.window.showQuickPick(items, { title: `Corpus Lens: tag every "${shown}" as`, placeHolder: 'What are these occurrences?' });
  return picked?.tag;
}

/**
 * Shows the matches, all picked, and moves the editor to the active one as the person steps through them (the
 * focus stays in the list). Resolves with the picked matches, or undefined when the list is dismissed, after
 * which the editor goes back to where it was.
 */
function pickMatches(matches: readonly Match[], titleText: string, scope: TagAllScope, onShown: () => void): Promise<Match[] | undefined> {
  type Item = vscode.QuickPickItem & { match: Match };
  const items: Item[] = matches.map((m) => ({
    label: m.lineText.trim().length > 0 ? m.lineText.trim() : m.lineText,
    description: scope === 'file' ? `line ${m.line + 1}` : `${m.rel}:${m.line + 1}`,
    match: m,
  }));
  const origin = vscode.window.activeTextEditor;
  const back = origin && { uri: origin.document.uri, selection: origin.selection, viewColumn: origin.viewColumn };
  const qp = vscode.window.createQuickPick<Item>();
  qp.title = `Corpus Lens: ${titleText}`;
  qp.placeholder = 'Space leaves out or takes back a match; Enter tags the picked ones';
  qp.canSelectMany = true;
  qp.matchOnDescription = true;
  qp.items = items;
  qp.selectedItems = items;
  return new Promise((resolve) => {
    let accepted = false;
    const reveal = (m: Match) => {
      const selection = new vscode.Range(m.line, m.character, m.line, m.character + (m.end - m.start));
      void vscode.window.showTextDocument(m.uri, { preview: true, preserveFocus: true, selection }).then(
        (e) => e.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport), () => undefined);
    };
    const subs = [
      qp.onDidChangeActive((active) => { if (active[0]) { reveal(active[0].match); } }),
      qp.onDidAccept(() => {
        accepted = true;
        resolve(qp.selectedItems.map((i) => i.match));
        qp.hide();
      }),
      qp.onDidHide(() => {
        for (const s of subs) { s.dispose(); }
        qp.dispose();
        if (!accepted) {
          resolve(undefined);
          if (back) { void vscode.window.showTextDocument(back.uri, { selection: back.selection, viewColumn: back.viewColumn }); }
        }
      }),
    ];
    qp.show();
    onShown();
  });
}
