// The items of the Corpus Lens views, as plain data: the tree providers hand these to VS Code and back, menus
// match their contextValue, and commands run from a view's context menu receive them. A tag item carries `uri`
// and `id`, the arguments corpusLens.removeTag takes; a boilerplate finding carries `uri`, `code` and `range`
// as corpusLens.dismissFinding takes them, and the decision recorded about it (its item says so).
import * as vscode from 'vscode';
import type { ShownFinding } from '../findings/findingsStore';
import { RangeTuple, tupleOf } from '../platform/ranges';
import { baseName, formatCount, linesLabel } from '../platform/text';
import { decisionLabel } from '../findings/findingText';
import { tagTitle } from '../tagging/tagModel';
import { CommandId } from '../platform/commandIds';
import { DuplicatePair, DuplicateGroup, SharedPassage } from './model/duplicates';
import { FileRow, page, Sliceable } from './model/files';
import { TagRecord } from './model/tags';
import { RevealTarget } from '../platform/reveal';

export interface FileNode { type: 'file'; uri: string; row: FileRow }
/** Stands after the first pages of a long list; `parent` names the list ('' for the view's top level). */
export interface MoreNode { type: 'more'; view: string; parent: string; rest: number }
export interface FindingNode { type: 'finding'; uri: string; code: string; range: RangeTuple; finding: ShownFinding }
export interface TagNode { type: 'tag'; uri: string; id: string; tag: TagRecord; path: string }
export interface GroupNode { type: 'group'; group: DuplicateGroup }
export interface PairNode { type: 'pair'; pair: DuplicatePair }
export interface PassageNode { type: 'passage'; pair: DuplicatePair; passage: SharedPassage; index: number }
export interface LabelNode { type: 'label'; label: string; count: number }
export interface EntityNode { type: 'entity'; label: string; canonical: string; mentions: TagRecord[]; files: number }

export type ViewNode = FileNode | MoreNode | FindingNode | TagNode | GroupNode | PairNode | PassageNode | LabelNode | EntityNode;

/** How many items a long list shows before a "show more" item. */
export const PAGE_SIZE = 500;


export function findingNode(uri: string, finding: ShownFinding): FindingNode {
  return { type: 'finding', uri, code: finding.code, range: tupleOf(finding.range), finding };
}

export function revealCommand(target: RevealTarget, title = 'Reveal'): vscode.Command {
  return { title, command: CommandId.revealItem, arguments: [target] };
}

export function tagTarget(t: TagRecord): RevealTarget {
  return { uri: t.uri, tag: { id: t.id, start: t.start, end: t.end } };
}

/** The tree item of a tag: its quote, and where it is and what it says in the description. */
export function tagItem(node: TagNode, showFile: boolean): vscode.TreeItem {
  const t = node.tag;
  const quote = t.quote.replace(/\s+/g, ' ');
  const item = new vscode.TreeItem(quote.length > 80 ? `${quote.slice(0, 80)}…` : quote);
  item.id = `${t.uri}#tag:${t.id}`;
  const parts: string[] = [];
  if (t.kind === 'claim') {
    if (t.speaker) { parts.push(t.speaker); }
    parts.push(t.status ?? 'unverified');
  } else if (!showFile) {
    parts.push(t.label);
    if (t.canonical !== quote) { parts.push(`→ ${t.canonical}`); }
  }
  if (showFile) { parts.push(baseName(node.path)); }
  if (t.orphaned) { parts.push('orphaned'); }
  item.description = parts.join(' · ');
  // A plain string: VS Code's host lexes a MarkdownString tooltip as Markdown for each item it sends (see fileItem).
  item.tooltip = `${tagTitle(t.kind === 'claim' ? { kind: 'claim' } : { kind: 'entity', label: t.label })}: "${t.quote}"\n${node.path}`;
  item.iconPath = new vscode.ThemeIcon(t.kind === 'claim' ? 'comment-discussion' : 'symbol-field',
    new vscode.ThemeColor(t.orphaned ? 'problemsWarningIcon.foreground' : 'foreground'));
  item.contextValue = t.kind === 'claim' ? 'corpusLens.claim' : 'corpusLens.mention';
  item.command = revealCommand(tagTarget(t), 'Reveal Tag');
  return item;
}

/** Long lists of a view, a page at a time: each list (by its parent's key) remembers how many pages it shows. */
export class Pager {
  private readonly pages = new Map<string, number>();

  constructor(private readonly view: string) {}

  /** The first pages of `items` as nodes, and a "more" node when some are left. */
  list<T>(parent: string, items: Sliceable<T>, toNode: (t: T) => ViewNode): ViewNode[] {
    const { shown, rest } = page(items, PAGE_SIZE, this.pages.get(parent) ?? 1);
    const nodes = shown.map(toNode);
    if (rest > 0) { nodes.push({ type: 'more', view: this.view, parent, rest } satisfies MoreNode); }
    return nodes;
  }

  more(parent: string): void {
    this.pages.set(parent, (this.pages.get(parent) ?? 1) + 1);
  }

  reset(): void {
    this.pages.clear();
  }
}

export function moreItem(node: MoreNode): vscode.TreeItem {
  const item = new vscode.TreeItem(`${formatCount(node.rest)} more…`);
  item.id = `${node.view}#more:${node.parent}`;
  item.description = 'show more';
  item.iconPath = new vscode.ThemeIcon('ellipsis');
  item.command = { title: 'Show More', command: CommandId.showMoreItems, arguments: [node] };
  return item;
}

export function findingItem(node: FindingNode): vscode.TreeItem {
  const f = node.finding;
  const item = new vscode.TreeItem(f.kind === 'boilerplate' ? `Boilerplate: ${f.message}` : `Duplicate: ${f.message}`);
  item.id = `${node.uri}#finding:${f.code}:${node.range.join(',')}`;
  const decided = decisionLabel(f.kind, f.decision?.status);
  item.description = decided ? `${linesLabel(f.range)} · ${decided}` : linesLabel(f.range);
  item.tooltip = `${f.code} · ${linesLabel(f.range)} · score ${f.score.toFixed(2)}${decided ? ` · ${decided}` : ''}`;
  item.iconPath = new vscode.ThemeIcon(f.kind === 'boilerplate' ? 'circle-slash' : 'files');
  item.contextValue = f.kind === 'boilerplate' ? 'corpusLens.finding.boilerplate' : 'corpusLens.finding.duplicate';
  item.command = revealCommand({ uri: node.uri, range: f.range }, 'Reveal Finding');
  return item;
}
