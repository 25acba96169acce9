// The Duplicates view: groups of files that share passages or are near-copies, biggest first; under a group its
// pairs with their similarity, under a pair the passages they share. Selecting a pair or a passage opens both
// copies side by side. The groups are rebuilt from the findings store a moment after it changes (a decision about
// a finding too), and only while the view is visible. A passage an editor dismissed is left out; a copy kept or
// marked as the duplicate is said on its passage and its group.
import * as vscode from 'vscode';
import { baseName, formatCount, linesLabel, percent, plural } from '../platform/text';
import { FindingsStore } from '../findings/findingsStore';
import { CommandId } from '../platform/commandIds';
import { DuplicateGroup, TableSizes, duplicateGroupSteps } from './model/duplicates';
import { GroupNode, MoreNode, Pager, PairNode, PassageNode, ViewNode, moreItem } from './nodes';
import { DUPLICATES_VIEW } from './model/viewIds';
import { RevealTarget } from '../platform/reveal';
import { SLICE_MS } from '../platform/slices';
import { decisionLabel } from '../findings/findingText';

/**
 * The work of one step of the groups (files, related places, pairs), between which the rebuild looks at the clock:
 * small, because a step is never cut. At 1 GB the default of 2,000 made steps of 40-60 ms on their own (a profile of
 * the host in the real editor), each a block of the host's thread past the slice's budget.
 */
const STEP_WORK = 200;

const REFRESH_MS = 300;
/**
 * Rebuilding the groups walks every file's findings (0.6-1 s of CPU for 12,000 files on a 2-core machine): while
 * the index keeps reporting, refreshes are spaced to at least this many times the last rebuild, so the view takes
 * at most a tenth of the host's thread.
 */
const REBUILD_SPACING = 10;
/** A group's tooltip lists at most this many of its files. */
const TOOLTIP_FILES = 25;

export class DuplicatesProvider implements vscode.TreeDataProvider<ViewNode>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<ViewNode | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  /** The groups last built, and the count of store changes they reflect. */
  private groupList: DuplicateGroup[] | undefined;
  private builtAt = -1;
  private changes = 0;
  private building: Promise<DuplicateGroup[]> | undefined;
  private readonly pager = new Pager(DUPLICATES_VIEW);
  /** The groups changed while the view was hidden. */
  private untold = false;
  private timer: NodeJS.Timeout | undefined;
  private readonly disposables: vscode.Disposable[] = [this.emitter];
  private visible = () => true;
  /** How much of the host's thread the last rebuild of the groups took. */
  private lastBuildMs = 0;
  /** The last rebuild's table sizes, from which the next sizes its own (see TableSizes). */
  private readonly sizes: TableSizes = { pairs: 0, passages: 0 };

  constructor(private readonly deps: { store: FindingsStore }) {
    this.disposables.push(deps.store.onDidChange(() => {
      this.changes++; // rebuilt when next asked for
      this.timer ??= setTimeout(() => this.flush(), Math.max(REFRESH_MS, REBUILD_SPACING * this.lastBuildMs));
    }));
  }

  attach(view: vscode.TreeView<ViewNode>): void {
    this.visible = () => view.visible;
    // Changes while hidden were not told to the view; tell it once when it is shown.
    this.disposables.push(view.onDidChangeVisibility((e) => {
      if (e.visible && this.untold) { this.untold = false; this.emitter.fire(undefined); }
    }));
  }

  dispose(): void {
    if (this.timer) { clearTimeout(this.timer); }
    for (const d of this.disposables) { d.dispose(); }
  }

  /**
   * The current groups: those last built when the store has not changed since, else a rebuild (one at a time),
   * a slice at a time so that the host's thread is never held for long, however large the corpus.
   */
  groups(): Promise<DuplicateGroup[]> {
    if (this.groupList && this.builtAt === this.changes) { return Promise.resolve(this.groupList); }
    this.building ??= this.build().finally(() => { this.building = undefined; });
    return this.building;
  }

  private async build(): Promise<DuplicateGroup[]> {
    const at = this.changes;
    const steps = duplicateGroupSteps(this.deps.store.entries(), STEP_WORK, this.sizes);
    let busy = 0;
    for (;;) {
      const started = performance.now();
      let step = steps.next();
      while (!step.done && performance.now() - started < SLICE_MS) { step = steps.next(); }
      busy += performance.now() - started;
      if (step.done) {
        this.groupList = step.value;
        this.builtAt = at;
        this.lastBuildMs = busy;
        return step.value;
      }
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }

  getChildren(node?: ViewNode): ViewNode[] | Promise<ViewNode[]> {
    if (!node) {
      const top = (groups: DuplicateGroup[]) => this.pager.list('', groups, (group) => ({ type: 'group', group }) satisfies GroupNode);
      // Built already: at once (as every other view answers); else when the rebuild is done.
      return this.groupList && this.builtAt === this.changes ? top(this.groupList) : this.groups().then(top);
    }
    if (node.type === 'group') { return this.pager.list(`group:${node.group.key}`, node.group.pairs, (pair) => ({ type: 'pair', pair }) satisfies PairNode); }
    if (node.type === 'pair') {
      return node.pair.passages.map((passage, index) => ({ type: 'passage', pair: node.pair, passage, index }) satisfies PassageNode);
    }
    return [];
  }

  showMore(node: MoreNode): void {
    this.pager.more(node.parent);
    this.emitter.fire(undefined);
  }

  getTreeItem(node: ViewNode): vscode.TreeItem {
    if (node.type === 'more') { return moreItem(node); }
    if (node.type === 'group') {
      const g = node.group;
      // Only the names shown: a syndicated story's group holds thousands of files, and naming them all for each item
      // of a page was one of the host's turns over 50 ms at 1 GB (63 ms of ours with a collection in it).
      const names = g.files.slice(0, 3).map((f) => baseName(f.path));
      const item = new vscode.TreeItem(g.files.length <= 3 ? names.join(', ') : `${names.join(', ')} and ${g.files.length - 3} more`,
        vscode.TreeItemCollapsibleState.Collapsed);
      item.id = `group:${g.key}`;
      item.description = `${g.files.length} files${g.similarity > 0 ? ` · up to ${percent(g.similarity)} similar` : ''} · ${formatCount(g.sharedChars)} characters shared`
        + (g.kept.length > 0 ? ` · ${g.kept.map(baseName).join(', ')} kept` : '');
      const listed = g.files.slice(0, TOOLTIP_FILES).map((f) => f.path);
      if (g.files.length > TOOLTIP_FILES) { listed.push(`and ${formatCount(g.files.length - TOOLTIP_FILES)} more`); }
      item.tooltip = [...listed, ...groupDecisions(g)].join('\n');
      item.iconPath = new vscode.ThemeIcon('files');
      item.contextValue = 'corpusLens.duplicateGroup';
      return item;
    }
    if (node.type === 'pair') {
      const p = node.pair;
      const item = new vscode.TreeItem(`${baseName(p.aPath)} ↔ ${baseName(p.bPath)}`,
        p.passageCount > 0 ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
      item.id = `pair:${p.key}`;
      const parts = [];
      if (p.similarity !== undefined) { parts.push(`${percent(p.similarity)} similar`); }
      parts.push(plural(p.passageCount, 'passage'));
      if (p.dismissed > 0) { parts.push(`${p.dismissed} dismissed`); }
      item.description = parts.join(' · ');
      item.tooltip = `${p.aPath}\n${p.bPath}`;
      item.iconPath = new vscode.ThemeIcon('split-horizontal');
      item.contextValue = 'corpusLens.duplicatePair';
      // The first passage alone: the others are made when the pair is expanded.
      const first = p.passageCount > 0 ? p.passage(0) : undefined;
      item.command = openCopiesCommand({ uri: p.a, range: first?.a }, { uri: p.b, range: first?.b });
      return item;
    }
    if (node.type === 'passage') {
      const { pair, passage } = node;
      const item = new vscode.TreeItem(`${baseName(pair.aPath)} ${linesLabel(passage.a)} = ${baseName(pair.bPath)} ${linesLabel(passage.b)}`);
      item.id = `passage:${pair.key}:${node.index}`;
      const decided = [
        ...copyDecision(pair.aPath, decisionLabel('duplicate', passage.aDecision)),
        ...copyDecision(pair.bPath, decisionLabel('duplicate', passage.bDecision)),
      ];
      item.description = [`${formatCount(passage.length)} characters`, ...decided].join(' · ');
      item.iconPath = new vscode.ThemeIcon('quote');
      item.contextValue = 'corpusLens.sharedPassage';
      item.command = openCopiesCommand({ uri: pair.a, range: passage.a }, { uri: pair.b, range: passage.b });
      return item;
    }
    return new vscode.TreeItem('');
  }

  private flush(): void {
    this.timer = undefined;
    if (this.visible()) { this.emitter.fire(undefined); } else { this.untold = true; }
  }
}

/** "a.txt kept", for the copy in a file that an editor decided about; nothing when none did. */
function copyDecision(path: string, label: string | undefined): string[] {
  return label ? [`${baseName(path)} ${label}`] : [];
}

/** The decisions about a group's copies, a line each, for its tooltip. */
function groupDecisions(g: DuplicateGroup): string[] {
  return [...g.kept.map((p) => `kept: ${p}`), ...g.marked.map((p) => `marked as the duplicate: ${p}`)];
}

export function openCopiesCommand(a: RevealTarget, b: RevealTarget): vscode.Command {
  return { title: 'Open Both Copies', command: CommandId.openCopies, arguments: [a, b] };
}
