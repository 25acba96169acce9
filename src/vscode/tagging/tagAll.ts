// "Tag all occurrences": finds every whole-word, case-sensitive (by default) occurrence of the selected text (or
// the word at the cursor) in the document or in the whole corpus, shows them in a list where every match is
// picked, the first one active and the editor following the active one, so that a person can step through and
// leave out the wrong ones (Match Case and Match Whole Word toggle in the list and search again), then tags the picked ones through the annotation store (closed files too) as one step that Undo Last Tag takes
// back. The corpus search runs in the suggestion worker (see workers/corpusSearch), with cancellable progress.
import * as vscode from 'vscode';
import { ENTITY_LABELS } from '../../core/annotations';
import { Occurrence, OccurrenceOptions, findOccurrences, withLines } from '../../core/anchor/occurrences';
import { AnnotationSessions } from '../annotations/sessions';
import { CorpusFiles } from '../platform/corpusFiles';
import { openAt } from '../platform/reveal';
import { clip, formatCount, plural } from '../platform/text';
import { CorpusSearchDeps, searchCorpus } from '../workers/corpusSearch';
import { TagRefOf } from '../annotations/tagHistory';
import { MATCH_LIST_CONTEXT, styleOf } from './tagModel';

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

export interface TagAllDeps extends CorpusSearchDeps {
  sessions: AnnotationSessions;
  files: CorpusFiles;
  /** Records the tags of one command as one step for Undo Last Tag. */
  recordStep: (tags: TagRefOf[]) => void;
}

interface Match extends Occurrence {
  uri: vscode.Uri;
  rel: string;
  /** The text matched (it may differ in case from the needle). */
  quote: string;
}

type TagKind = { kind: 'claim' | 'entity'; label?: string };
type MatchOptions = Required<OccurrenceOptions>;

export class OccurrenceTagger implements vscode.Disposable {
  private readonly shown = new vscode.EventEmitter<number>();
  /**
   * Fires with the number of matches when the list of matches is shown, and again each time it is filled anew
   * after an option was toggled (for tests that step through it).
   */
  readonly onDidShowMatches = this.shown.event;
  /** The list of matches while it is showing. */
  private list: MatchList | undefined;

  constructor(private readonly deps: TagAllDeps) {}

  dispose(): void {
    this.shown.dispose();
  }

  async tagAll(args: TagAllArgs = {}): Promise<TagAllResult | undefined> {
    const scope = args.scope ?? 'file';
    const source = await this.sourceOf(args);
    if (!source) { return undefined; }
    const { doc, needle } = source;
    const options: MatchOptions = { caseSensitive: args.caseSensitive ?? true, wholeWord: args.wholeWord ?? true };
    const shown = clip(needle, 40);
    const tag = args.kind ? { kind: args.kind, label: args.kind === 'entity' ? args.label ?? 'other' : undefined } : await pickKind(shown);
    if (!tag) { return undefined; }
    const find = async (o: MatchOptions) => (scope === 'file' ? this.inDocument(doc, needle, o) : this.inCorpus(needle, o));
    const matches = await find(options);
    if (!matches) { return undefined; } // cancelled
    if (matches.length === 0) {
      void vscode.window.showInformationMessage(`Corpus Lens: no ${describe(options)} of "${shown}" ${scope === 'file' ? 'in this file' : 'in the corpus'}.`);
      return { matches: 0, tagged: [], alreadyTagged: 0 };
    }
    let picked: Match[] | undefined;
    let found = matches.length;
    if (args.skip) {
      picked = matches.filter((m) => !args.skip!.some((s) => s.uri === m.uri.toString() && s.line === m.line && s.character === m.character));
    } else {
      const list = new MatchList({
        matches, options, find, scope,
        titleOf: (n, o) => `Corpus Lens: tag ${n === 1 ? 'the occurrence' : `all ${n} occurrences`} of "${shown}" as ${title(tag)} (${describe(o)}s)`,
        onShown: (n) => this.shown.fire(n),
      });
      this.list = list;
      const outcome = await list.pick().finally(() => { if (this.list === list) { this.list = undefined; } });
      picked = outcome?.picked;
      found = outcome?.found ?? found;
    }
    if (!picked) { return undefined; }
    const result = await this.tagMatches(picked, tag);
    result.matches = found;
    const files = new Set(result.tagged.map((t) => t.uri)).size;
    const already = result.alreadyTagged > 0 ? ` (${result.alreadyTagged} already tagged)` : '';
    void vscode.window.setStatusBarMessage(`Corpus Lens: tagged ${result.tagged.length} of ${found} occurrences of "${shown}" in ${plural(files, 'file')}${already}`, 5000);
    return result;
  }

  /**
   * Turns Match Case or Match Whole Word on or off in the list of matches that is showing, and searches again
   * (the list's buttons do the same; this is their keyboard path). Resolves with whether a list was showing and
   * the search was made (false when it was cancelled).
   */
  toggleOption(option: keyof MatchOptions): Promise<boolean> {
    return this.list ? this.list.toggle(option) : Promise.resolve(false);
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

  private inDocument(doc: vscode.TextDocument, needle: string, options: MatchOptions): Match[] {
    const text = doc.getText();
    const rel = this.deps.files.match(doc.uri)?.rel ?? vscode.workspace.asRelativePath(doc.uri);
    return withLines(text, findOccurrences(text, needle, options)).map((o) => ({ ...o, uri: doc.uri, rel, quote: text.slice(o.start, o.end) }));
  }

  /**
   * Every corpus file's occurrences, open documents as the editor has them; undefined when cancelled. The places
   * come page by page; only the first MAX_LISTED of each folder carry their line's text, which the list shows.
   */
  private async inCorpus(needle: string, options: MatchOptions): Promise<Match[] | undefined> {
    const query = { kind: 'text' as const, needle, ...options };
    const matches: Match[] = [];
    const found = await searchCorpus(this.deps, `finding "${clip(needle, 40)}" in the corpus`, query, {
      lineTexts: MAX_LISTED,
      onHits: (hits) => {
        for (const hit of hits) {
          for (const p of hit.places) { matches.push({ ...p, lineText: p.lineText ?? '', quote: p.quote ?? needle, uri: hit.uri, rel: hit.rel }); }
        }
      },
    });
    if (!found) { return undefined; }
    // Each folder's pages come in path order (code units, as here), a file's places in text order: only the places
    // of several folders need sorting (sorting the 1.6 million places of a common word holds the host's thread
    // for about 0.15 s).
    if (this.deps.files.folders().length < 2) { return matches; }
    return matches.sort((x, y) => (x.rel < y.rel ? -1 : x.rel > y.rel ? 1 : x.start - y.start));
  }

  /** Tags the matches, file by file through the store, as one undo step. */
  private async tagMatches(matches: readonly Match[], tag: TagKind): Promise<TagAllResult> {
    const byFile = new Map<string, Match[]>();
    for (const m of matches) {
      const key = m.uri.toString();
      const list = byFile.get(key);
      if (list) { list.push(m); } else { byFile.set(key, [m]); }
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

/** "whole-word, case-sensitive occurrence" and the like, for messages and the list's title. */
function describe(o: MatchOptions): string {
  return `${o.wholeWord ? 'whole-word' : 'partial-word'}, ${o.caseSensitive ? 'case-sensitive' : 'any-case'} occurrence`;
}

type Item = vscode.QuickPickItem & { match: Match };

const keyOf = (m: Match) => `${m.uri.toString()}#${m.start}-${m.end}`;

interface MatchListParams {
  matches: readonly Match[];
  options: MatchOptions;
  /** Searches again with other options; undefined when cancelled. */
  find: (options: MatchOptions) => Promise<Match[] | undefined>;
  scope: TagAllScope;
  titleOf: (found: number, options: MatchOptions) => string;
  onShown: (found: number) => void;
}

/**
 * The list of matches, all picked at first, with the first one active and shown in the editor; the editor
 * follows the active match as the person steps through (the focus stays in the list). Two toggle buttons in its
 * title, Match Case and Match Whole Word (as in the editor's find widget, and on the same keys through
 * toggleOption), search again; a match the person left out stays left out when it is listed again. Dismissing
 * the list takes the editor back to where it was.
 */
class MatchList {
  private readonly qp = vscode.window.createQuickPick<Item>();
  /** Matches past the first MAX_LISTED: not in the list, tagged on Enter unless left out before. */
  private unlisted: readonly Match[] = [];
  private options: MatchOptions;
  /** The options of the matches listed (`options` runs ahead of them while a search is made). */
  private listed: MatchOptions;
  /** The matches the person left out, by file and offsets, kept across searches. */
  private readonly left = new Set<string>();
  private found: number;
  /** Counts searches, so that the result of a search overtaken by a newer toggle is dropped. */
  private generation = 0;
  private closed = false;

  constructor(private readonly params: MatchListParams) {
    this.options = { ...params.options };
    this.listed = this.options;
    this.found = params.matches.length;
  }

  /** Shows the list; resolves with the picked matches and how many were listed, or undefined when dismissed. */
  pick(): Promise<{ picked: Match[]; found: number } | undefined> {
    const { qp } = this;
    const origin = vscode.window.activeTextEditor;
    const back = origin && { uri: origin.document.uri, selection: origin.selection, viewColumn: origin.viewColumn };
    qp.placeholder = 'Space leaves out or takes back a match; Enter tags the picked ones; Alt+C Match Case, Alt+W Whole Word';
    qp.canSelectMany = true;
    qp.matchOnDescription = true;
    return new Promise((resolve) => {
      let accepted = false;
      const subs = [
        qp.onDidChangeActive((active) => { if (active[0]) { reveal(active[0].match); } }),
        qp.onDidChangeSelection((selected) => this.noteSelection(selected)),
        qp.onDidTriggerButton((button) => { void this.toggle((button as ToggleButton).option); }),
        qp.onDidAccept(() => {
          accepted = true;
          const rest = this.unlisted.filter((m) => !this.left.has(keyOf(m)));
          resolve({ picked: [...qp.selectedItems.map((i) => i.match), ...rest], found: this.found });
          qp.hide();
        }),
        qp.onDidHide(() => {
          this.closed = true;
          for (const s of subs) { s.dispose(); }
          qp.dispose();
          void vscode.commands.executeCommand('setContext', MATCH_LIST_CONTEXT, false);
          if (!accepted) {
            resolve(undefined);
            if (back) { void vscode.window.showTextDocument(back.uri, { selection: back.selection, viewColumn: back.viewColumn }); }
          }
        }),
      ];
      void vscode.commands.executeCommand('setContext', MATCH_LIST_CONTEXT, true);
      qp.show();
      this.fill(this.params.matches);
    });
  }

  /** Turns an option on or off and searches again; false when the list is gone or the search was cancelled. */
  async toggle(option: keyof MatchOptions): Promise<boolean> {
    if (this.closed) { return false; }
    const generation = ++this.generation;
    this.options = { ...this.options, [option]: !this.options[option] };
    this.qp.buttons = this.buttons();
    this.qp.busy = true;
    const found = await this.params.find(this.options);
    if (generation !== this.generation || this.closed) { return false; }
    this.qp.busy = false;
    if (!found) {
      // Cancelled: the list and its buttons stay as they were for the matches listed.
      this.options = this.listed;
      this.qp.buttons = this.buttons();
      return false;
    }
    // The window echoes each list's selection back by item index; an echo of the list shown before, arriving after
    // the new items are set, would pick the wrong ones. A round trip to the window first lets any such echo in
    // (the worker's reply can come back sooner than the window answers).
    await vscode.commands.executeCommand('setContext', MATCH_LIST_CONTEXT, true);
    if (generation !== this.generation || this.closed) { return false; }
    this.listed = this.options;
    this.fill(found);
    return true;
  }

  /** Lists the matches: picked unless left out before, the previously active one (else the first) active and shown. */
  private fill(matches: readonly Match[]): void {
    const { qp } = this;
    const wasActive = qp.activeItems[0] && keyOf(qp.activeItems[0].match);
    // A list of tens of thousands of items holds the host and the window for seconds: the first MAX_LISTED are
    // listed to step through, and Enter tags the rest too (as the title says).
    this.unlisted = matches.slice(MAX_LISTED);
    const items: Item[] = matches.slice(0, MAX_LISTED).map((m) => ({
      label: m.lineText.trim().length > 0 ? m.lineText.trim() : m.lineText,
      description: this.params.scope === 'file' ? `line ${m.line + 1}` : `${m.rel}:${m.line + 1}`,
      match: m,
    }));
    this.found = matches.length;
    const title = this.params.titleOf(matches.length, this.options);
    qp.title = this.unlisted.length > 0 ? `${title}; the first ${formatCount(MAX_LISTED)} listed` : title;
    qp.buttons = this.buttons();
    qp.items = items;
    qp.selectedItems = items.filter((i) => !this.left.has(keyOf(i.match)));
    const active = items.find((i) => keyOf(i.match) === wasActive) ?? items[0];
    if (active) {
      qp.activeItems = [active];
      reveal(active.match);
    }
    this.params.onShown(matches.length);
  }

  /** Remembers which listed matches are left out (the others' state is kept for when they are listed again). */
  private noteSelection(selected: readonly Item[]): void {
    const picked = new Set(selected);
    for (const item of this.qp.items) {
      if (picked.has(item)) { this.left.delete(keyOf(item.match)); } else { this.left.add(keyOf(item.match)); }
    }
  }

  private buttons(): ToggleButton[] {
    const { caseSensitive, wholeWord } = this.options;
    return [
      // The icons of the editor's find widget; a title button has no pressed look, so the state is in its
      // tooltip and in the list's title.
      { option: 'caseSensitive', iconPath: new vscode.ThemeIcon('case-sensitive'), tooltip: `Match Case: ${caseSensitive ? 'on' : 'off'} (Alt+C)` },
      { option: 'wholeWord', iconPath: new vscode.ThemeIcon('whole-word'), tooltip: `Match Whole Word: ${wholeWord ? 'on' : 'off'} (Alt+W)` },
    ];
  }
}

/** The most matches the list shows; see MatchList.fill. */
export const MAX_LISTED = 2000;

interface ToggleButton extends vscode.QuickInputButton {
  option: keyof MatchOptions;
}

/** Shows a match in an editor, selected, leaving the focus where it is. */
function reveal(m: Match): void {
  openAt(m.uri, new vscode.Range(m.line, m.character, m.endLine, m.endCharacter), { preview: true, preserveFocus: true }).then(undefined, () => undefined);
}
