// Draws the tags of visible corpus documents: a background per entity label and one for claims (theme colours
// contributed in package.json, decoration types created once), redrawn when the annotations change. A hover on a
// tag shows its kind, label and attributes, with links to remove it, change its label or edit its attributes.
import * as vscode from 'vscode';
import { AnnotationSessions } from '../annotations/sessions';
import { CommandId } from '../platform/commandIds';
import { corpusDocumentSelector } from '../platform/languages';
import { TAG_STYLES, TagStyle, colorIdOf, styleOf, tagHoverMarkdown, tagsAt } from './tagModel';
import { rangeAt } from '../platform/ranges';

export interface DecorationDeps {
  sessions: AnnotationSessions;
}

export function registerDecorations(deps: DecorationDeps): vscode.Disposable {
  return new TagDecorations(deps);
}

class TagDecorations implements vscode.Disposable {
  private readonly types = new Map<TagStyle, vscode.TextEditorDecorationType>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly deps: DecorationDeps) {
    for (const style of TAG_STYLES) {
      this.types.set(style, vscode.window.createTextEditorDecorationType({
        backgroundColor: new vscode.ThemeColor(colorIdOf(style)),
        borderRadius: '2px',
        rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
      }));
    }
    this.disposables.push(
      ...this.types.values(),
      deps.sessions.onDidChange((uri) => this.redraw(vscode.window.visibleTextEditors.filter((e) => e.document.uri.toString() === uri.toString()))),
      vscode.window.onDidChangeVisibleTextEditors((editors) => this.redraw(editors)),
      vscode.languages.registerHoverProvider(corpusDocumentSelector, { provideHover: (doc, pos) => this.hover(doc, pos) }),
    );
    this.redraw(vscode.window.visibleTextEditors);
  }

  dispose(): void {
    for (const d of this.disposables) { d.dispose(); }
  }

  private redraw(editors: readonly vscode.TextEditor[]): void {
    for (const editor of editors) {
      const session = this.deps.sessions.peek(editor.document.uri);
      const ranges = new Map<TagStyle, vscode.Range[]>(TAG_STYLES.map((s) => [s, []]));
      for (const a of session?.list() ?? []) {
        const style = styleOf(a.annotation);
        if (!style || a.start === null || a.end === null) { continue; }
        ranges.get(style)?.push(rangeAt(editor.document, a.start, a.end));
      }
      for (const [style, type] of this.types) { editor.setDecorations(type, ranges.get(style) ?? []); }
    }
  }

  private hover(doc: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const session = this.deps.sessions.peek(doc.uri);
    if (!session) { return undefined; }
    const hits = tagsAt(session.list(), doc.offsetAt(position));
    if (hits.length === 0) { return undefined; }
    const link = (label: string, command: string, id: string) =>
      `[${label}](command:${command}?${encodeURIComponent(JSON.stringify([{ uri: doc.uri.toString(), id }]))})`;
    const commands = [CommandId.removeTag, CommandId.changeTagLabel, CommandId.editTagAttributes];
    const md = new vscode.MarkdownString(hits.map((a) => tagHoverMarkdown(a.annotation, [
      link('Remove', CommandId.removeTag, a.annotation.id),
      ...(a.annotation.kind === 'entity' ? [link('Change label', CommandId.changeTagLabel, a.annotation.id)] : []),
      link('Edit attributes', CommandId.editTagAttributes, a.annotation.id),
    ])).join('\n\n---\n\n'));
    md.isTrusted = { enabledCommands: commands };
    const inner = hits[0];
    return new vscode.Hover(md, rangeAt(doc, inner.start ?? 0, inner.end ?? 0));
  }
}
