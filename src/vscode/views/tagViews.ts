// The Entities and Claims views, both drawn from the tag index. Entities: by label, then by canonical name, then
// each mention. Claims: every claim with its speaker and status, filtered by status, a page at a time. Both are
// redrawn as a whole a moment after tags change (their items keep their ids, so selection and expansion stay).
import * as vscode from 'vscode';
import { CLAIMS_VIEW, ENTITIES_VIEW } from './model/viewIds';
import { FindingsStore } from '../findings/findingsStore';
import { plural } from '../platform/text';
import { LabelGroup, TagRecord, groupEntities, listClaims } from './model/tags';
import { EntityNode, LabelNode, MoreNode, Pager, TagNode, ViewNode, moreItem, revealCommand, tagItem, tagTarget } from './nodes';
import { TagIndex } from './tagIndex';

const REFRESH_MS = 200;

abstract class TagTree implements vscode.TreeDataProvider<ViewNode>, vscode.Disposable {
  protected readonly emitter = new vscode.EventEmitter<ViewNode | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private timer: NodeJS.Timeout | undefined;
  protected readonly disposables: vscode.Disposable[] = [this.emitter];

  constructor(protected readonly deps: { tags: TagIndex; store: FindingsStore }) {
    this.disposables.push(deps.tags.onDidChange(() => {
      // What the provider answers is current at once; the view is told a moment later, once for a burst.
      this.invalidate();
      this.timer ??= setTimeout(() => { this.timer = undefined; this.emitter.fire(undefined); }, REFRESH_MS);
    }));
  }

  dispose(): void {
    if (this.timer) { clearTimeout(this.timer); }
    for (const d of this.disposables) { d.dispose(); }
  }

  protected abstract invalidate(): void;
  protected abstract readonly pager: Pager;

  showMore(node: MoreNode): void {
    this.pager.more(node.parent);
    this.emitter.fire(undefined);
  }
  abstract getChildren(node?: ViewNode): ViewNode[];
  abstract getTreeItem(node: ViewNode): vscode.TreeItem;

  protected tagNode(tag: TagRecord): TagNode {
    return { type: 'tag', uri: tag.uri, id: tag.id, tag, path: this.deps.store.get(tag.uri)?.path ?? vscode.Uri.parse(tag.uri, true).path };
  }
}

export class EntitiesProvider extends TagTree {
  private grouped: LabelGroup[] | undefined;
  protected readonly pager = new Pager(ENTITIES_VIEW);

  groups(): LabelGroup[] {
    this.grouped ??= groupEntities(this.deps.tags.all());
    return this.grouped;
  }

  protected invalidate(): void {
    this.grouped = undefined;
  }

  getChildren(node?: ViewNode): ViewNode[] {
    if (!node) { return this.groups().map((g) => ({ type: 'label', label: g.label, count: g.mentions }) satisfies LabelNode); }
    if (node.type === 'label') {
      const g = this.groups().find((x) => x.label === node.label);
      return this.pager.list(`label:${node.label}`, g?.entities ?? [],
        (e) => ({ type: 'entity', label: e.label, canonical: e.canonical, mentions: e.mentions, files: e.files }) satisfies EntityNode);
    }
    if (node.type === 'entity') { return this.pager.list(`entity:${node.label}\0${node.canonical}`, node.mentions, (m) => this.tagNode(m)); }
    return [];
  }

  getTreeItem(node: ViewNode): vscode.TreeItem {
    if (node.type === 'label') {
      const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Expanded);
      item.id = `label:${node.label}`;
      item.description = plural(node.count, 'mention');
      item.iconPath = new vscode.ThemeIcon('tag');
      item.contextValue = 'corpusLens.entityLabel';
      return item;
    }
    if (node.type === 'entity') {
      const item = new vscode.TreeItem(node.canonical, vscode.TreeItemCollapsibleState.Collapsed);
      item.id = `entity:${node.label}\0${node.canonical}`;
      const n = node.mentions.length;
      item.description = `${plural(n, 'mention')} in ${plural(node.files, 'file')}`;
      item.iconPath = new vscode.ThemeIcon('symbol-class');
      item.contextValue = 'corpusLens.entity';
      item.command = revealCommand(tagTarget(node.mentions[0]), 'Reveal First Mention');
      return item;
    }
    if (node.type === 'tag') { return tagItem(node, true); }
    if (node.type === 'more') { return moreItem(node); }
    return new vscode.TreeItem('');
  }

  getParent(node: ViewNode): ViewNode | undefined {
    if (node.type === 'entity') {
      const g = this.groups().find((x) => x.label === node.label);
      return g && { type: 'label', label: g.label, count: g.mentions };
    }
    return undefined;
  }
}

export class ClaimsProvider extends TagTree {
  private statuses: ReadonlySet<string> | undefined;
  protected readonly pager = new Pager(CLAIMS_VIEW);
  private claims: TagRecord[] | undefined;

  /** The statuses shown; undefined shows every claim. */
  get statusFilter(): ReadonlySet<string> | undefined { return this.statuses; }

  setStatusFilter(statuses: ReadonlySet<string> | undefined, view?: vscode.TreeView<ViewNode>): void {
    this.statuses = statuses;
    this.pager.reset();
    this.invalidate();
    if (view) { view.description = statuses ? [...statuses].join(', ') : undefined; }
    this.emitter.fire(undefined);
  }

  list(): TagRecord[] {
    this.claims ??= listClaims(this.deps.tags.all(), this.statuses);
    return this.claims;
  }

  protected invalidate(): void {
    this.claims = undefined;
  }

  getChildren(node?: ViewNode): ViewNode[] {
    if (node) { return []; }
    return this.pager.list('', this.list(), (t) => this.tagNode(t));
  }

  getTreeItem(node: ViewNode): vscode.TreeItem {
    if (node.type === 'tag') { return tagItem(node, true); }
    if (node.type === 'more') { return moreItem(node); }
    return new vscode.TreeItem('');
  }
}
