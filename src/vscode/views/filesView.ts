// The Files view: every corpus file the index reported, with its boilerplate and duplicated shares, its copies,
// its tags and (once counted) its untagged mentions of strings tagged elsewhere, sorted and filtered as the user
// chose, a page at a time (a 10,000-file corpus makes 500 items, not 10,000). A file's children are its tags and
// its findings, as the findings store gives them with their decisions: a dismissed one is left out, a confirmed or
// kept one says so. A change to one file (a decision about it too) redraws that file's item alone unless it moves
// it in the order or across the filter; changes are gathered for a moment, and nothing is computed while the view
// is hidden.
import * as vscode from 'vscode';
import { FILES_VIEW } from './model/viewIds';
import { FindingsStore, ShownFileFindings, ShownFinding } from '../findings/findingsStore';
import { FileFilter, FileRow, FileSort, arrangeSteps, changesPlace, fileRow, matchesFilter, mergeSteps, rowDescription, rowProblem } from './model/files';
import { finish } from './model/steps';
import { FileNode, MoreNode, Pager, TagNode, ViewNode, findingItem, findingNode, moreItem, revealCommand, tagItem } from './nodes';
import { TagIndex } from './tagIndex';
import { SLICE_MS } from '../platform/slices';
import { ShardedMap, ShardedSet } from '../platform/shardedMap';

const REFRESH_MS = 200;

export interface FilesViewDeps {
  store: FindingsStore;
  tags: TagIndex;
  /** Untagged mentions per file (counted once the filter on them is first chosen). */
  untagged: {
    get(uri: string): number | undefined;
    start(): void;
    readonly onDidChange: vscode.Event<string[]>;
  };
}

export class FilesProvider implements vscode.TreeDataProvider<ViewNode>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<ViewNode | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private readonly refreshed = new vscode.EventEmitter<void>();
  /** Fires after the view was told to redraw (for tests and the status bar). */
  readonly onDidRefresh = this.refreshed.event;
  private sortKey: FileSort = 'name';
  private filterKey: FileFilter = 'all';
  private readonly pager = new Pager(FILES_VIEW);
  /**
   * Every file's row (sharded: one Map of 133,000 rows rehashed them all inside a slice as it grew), and the items of
   * those shown; arranged lazily.
   */
  private readonly rows = new ShardedMap<FileRow>();
  private readonly nodes = new Map<string, FileNode>();
  private arranged: FileRow[] | undefined;
  /** Rows new since the order was last arranged, to be merged into it; unless `reorder`, they are all that changed it. */
  private arrivals: FileRow[] = [];
  /** A row left or moved since the order was last arranged: it is arranged again from every row. */
  private reorder = false;
  /** The order being arranged a slice at a time, when one is. */
  private arranging: Promise<void> | undefined;
  /** Counts the sorts and filters chosen (and orders arranged at once): an order arranged for an older one is dropped. */
  private epoch = 0;
  private readonly dirty = new ShardedSet();
  /** Items whose row changed in place, redrawn on their own. */
  private readonly pendingItems = new Set<FileNode>();
  private rootDirty = false;
  /** How many rows have a problem (kept as rows change, for the badge). */
  private problems = 0;
  private timer: NodeJS.Timeout | undefined;
  private readonly disposables: vscode.Disposable[] = [this.emitter, this.refreshed];
  private visible = () => true;

  constructor(private readonly deps: FilesViewDeps) {
    this.disposables.push(
      deps.store.onDidChange((uris) => this.changed(uris)),
      deps.store.onDidList((uris) => this.changed(uris)),
      deps.tags.onDidChange((uris) => this.changed(uris)),
      deps.untagged.onDidChange((uris) => this.changed(uris)),
    );
    this.changed(deps.store.uris());
  }

  /** The view shows this provider; nothing is redrawn while it is hidden. */
  attach(view: vscode.TreeView<ViewNode>): void {
    this.visible = () => view.visible;
    this.disposables.push(view.onDidChangeVisibility((e) => { if (e.visible) { this.flush(); } }));
    this.describe(view);
    this.disposables.push(this.onDidRefresh(() => this.describe(view)));
  }

  dispose(): void {
    if (this.timer) { clearTimeout(this.timer); }
    for (const d of this.disposables) { d.dispose(); }
  }

  get sort(): FileSort { return this.sortKey; }
  get filter(): FileFilter { return this.filterKey; }

  setSort(sort: FileSort): void {
    this.sortKey = sort;
    this.rearrange();
  }

  setFilter(filter: FileFilter): void {
    // Untagged mentions are counted across the corpus only once someone asks for them.
    if (filter === 'untaggedSuggestions') { this.deps.untagged.start(); }
    this.filterKey = filter;
    this.rearrange();
  }

  showMore(node: MoreNode): void {
    this.pager.more(node.parent);
    this.emitter.fire(undefined);
    this.refreshed.fire();
  }

  /**
   * The rows in view order (all of them, not only the page shown), arranged at once if they are not: for tests and
   * callers that need the whole order now. The view itself reads them through getChildren, a slice at a time.
   */
  arrangedRows(): readonly FileRow[] {
    if (!this.isArranged()) {
      // The order being arranged in slices took some arrivals with it: every row is arranged again instead.
      if (this.arranging) { this.reorder = true; }
      this.arranged = finish(this.arrangeNext());
      this.epoch++; // an order being arranged in slices is older than this one
    }
    return this.arranged!;
  }

  /** Whether the order holds every row as it is now. */
  private isArranged(): boolean {
    return this.arranged !== undefined && !this.reorder && this.arrivals.length === 0;
  }

  /**
   * The steps that bring the order up to date: the arrivals merged into it, or every row arranged again when one
   * left or moved. What they take is taken now (rows that arrive meanwhile wait for the next arrangement).
   */
  private arrangeNext(): Generator<void, FileRow[]> {
    const arrivals = this.arrivals;
    this.arrivals = [];
    if (this.arranged && !this.reorder) { return mergeSteps(this.arranged, arrivals, this.sortKey, this.filterKey); }
    this.reorder = false;
    return arrangeSteps(this.rows.valueList(), this.sortKey, this.filterKey);
  }

  /**
   * Brings the order up to date: at once when it takes `budgetMs` or less (a small corpus, a few arrivals), else a
   * slice at a time, the promise resolved when it is done. Rows that change meanwhile are arranged the next time.
   */
  private arrange(budgetMs: number): Promise<void> | undefined {
    if (this.arranging) { return this.arranging; }
    if (this.isArranged()) { return undefined; }
    const epoch = this.epoch;
    const steps = this.arrangeNext();
    const started = performance.now();
    let step = steps.next();
    while (!step.done && performance.now() - started < budgetMs) { step = steps.next(); }
    if (step.done) { this.arranged = step.value; return undefined; }
    this.arranging = (async () => {
      while (!step.done) {
        await new Promise<void>((resolve) => setImmediate(resolve));
        const from = performance.now();
        step = steps.next();
        while (!step.done && performance.now() - from < SLICE_MS) { step = steps.next(); }
      }
      // Dropped when a sort or filter was chosen meanwhile (or the order arranged at once): the next read arranges it.
      if (this.epoch === epoch) { this.arranged = step.value; }
    })().finally(() => { this.arranging = undefined; });
    return this.arranging;
  }

  row(uri: string): FileRow | undefined {
    this.flushRows();
    return this.rows.get(uri);
  }

  allRows(): readonly FileRow[] {
    this.flushRows();
    return this.rows.valueList();
  }

  /**
   * The rows as the view holds them now, without taking in the changes it has not taken yet (it does, a slice at a
   * time): for a watcher that polls, such as the editor bench's probe. Polled through allRows, which takes every
   * change at once, the probe held the host's thread for 363 ms while 133,000 files were listed.
   */
  rowsSoFar(): readonly FileRow[] {
    return this.rows.valueList();
  }

  getChildren(node?: ViewNode): ViewNode[] | Promise<ViewNode[]> {
    if (!node) {
      // The rows in so far, within a slice's budget: while a large corpus is listed, VS Code asks for the root after
      // each refresh, and bringing every row changed since up to date at once held the host's thread for 65-115 ms
      // at 1 GB. The rest come with the next refresh.
      const started = performance.now();
      if (!this.flushRows(SLICE_MS)) { this.timer ??= setTimeout(() => this.flush(), 0); }
      // The order, brought up to date within a slice or a slice at a time (the root answered when it is done): one
      // sort of every row in one turn held the host's thread for 99-341 ms at 1 GB while the listing came.
      const arranging = this.arrange(SLICE_MS - (performance.now() - started));
      // An order dropped meanwhile (a sort or a filter chosen) is arranged again before the root is answered.
      const top = () => this.arranged ? this.pager.list('', this.arranged, (r) => this.nodeOf(r)) : this.getChildren();
      return arranging ? arranging.then(top) : top();
    }
    if (node.type !== 'file') { return []; }
    const stored = this.deps.store.get(node.uri);
    const tags: ViewNode[] = (this.deps.tags.get(node.uri)?.tags ?? [])
      .slice().sort((a, b) => a.start - b.start)
      .map((tag) => ({ type: 'tag', uri: tag.uri, id: tag.id, tag, path: node.row.path }) satisfies TagNode);
    const findings = shownFindings(stored?.file).map((f) => findingNode(node.uri, f));
    return [...tags, ...findings];
  }

  getTreeItem(node: ViewNode): vscode.TreeItem {
    switch (node.type) {
      case 'file': return fileItem(node, shownFindings(this.deps.store.get(node.uri)?.file).length + node.row.tags > 0);
      case 'more': return moreItem(node);
      case 'finding': return findingItem(node);
      case 'tag': return tagItem(node, false);
      default: return new vscode.TreeItem('');
    }
  }

  getParent(node: ViewNode): ViewNode | undefined {
    if (node.type === 'tag' || node.type === 'finding') { return this.nodes.get(node.uri); }
    return undefined;
  }

  private nodeOf(row: FileRow): FileNode {
    let n = this.nodes.get(row.uri);
    if (!n) {
      // The arranged order keeps a row's place, not its latest figures (a row changed in place is not moved).
      n = { type: 'file', uri: row.uri, row: this.rows.get(row.uri) ?? row };
      this.nodes.set(row.uri, n);
    }
    n.row = row;
    return n;
  }

  private changed(uris: readonly string[]): void {
    for (const u of uris) { this.dirty.add(u); }
    if (this.dirty.size === 0) { return; }
    this.timer ??= setTimeout(() => this.flush(), REFRESH_MS);
  }

  /**
   * Brings the rows of changed files up to date; marks the order stale when one may have moved. With a budget,
   * stops once it is spent (checked every 64 files) and returns false when files are left for another slice.
   */
  private flushRows(budgetMs = Infinity): boolean {
    const started = performance.now();
    // 64 files at a time, taken from the set without listing the rest, between looks at the clock.
    while (this.dirty.size > 0) {
      for (const uri of this.dirty.take(64)) {
        this.dirty.delete(uri);
        this.updateRow(uri);
      }
      if (performance.now() - started > budgetMs) { break; }
    }
    // The arrivals are merged into the order when it is next read, not after each slice: a merge is a pass over every
    // row (133,000 at 1 GB, some 30 ms), and a listing is taken in many slices. A row that left or moved makes the
    // order be arranged again from every row, which holds the arrivals too.
    if (this.reorder) { this.arrivals = []; }
    return this.dirty.size === 0;
  }

  private updateRow(uri: string): void {
    const stored = this.deps.store.get(uri);
    const before = this.rows.get(uri);
    // Read before the row may be brought up to date in place (setRow).
    const hadProblem = before && rowProblem(before) ? 1 : 0;
    const listed = stored ? undefined : this.deps.store.listedPath(uri);
    let after: FileRow | undefined;
    if (listed !== undefined) {
      // Listed by the scan that is running: shown at once, its shares and copies once it is analysed.
      after = fileRow(uri, listed, undefined, this.deps.tags.get(uri), this.deps.untagged.get(uri));
      after.pending = true;
      after = this.setRow(uri, before, after);
      if (!before) { this.arrived(after); }
    } else if (!stored) {
      // Tags of a file the index does not (or not yet) list: it has no row until the index reports it.
      if (before) { this.rows.delete(uri); this.nodes.delete(uri); this.rootDirty = true; this.reorder = true; }
    } else {
      // A row's copies are the other files its duplicate findings name, which only its cross-file findings do (an
      // in-file one names the file itself): the store makes those alone, not every finding of every file it reports.
      after = fileRow(uri, stored.path, stored.shared, this.deps.tags.get(uri), this.deps.untagged.get(uri));
      after.pending = false;
      const moves = before !== undefined && changesPlace(before, after, this.sortKey, this.filterKey);
      after = this.setRow(uri, before, after);
      if (!before) {
        this.arrived(after);
      } else if (moves) {
        this.rootDirty = true;
        this.reorder = true;
      } else if (matchesFilter(after, this.filterKey)) {
        const node = this.nodes.get(uri);
        if (node) { node.row = after; this.pendingItems.add(node); }
      }
    }
    this.problems += (after && rowProblem(after) ? 1 : 0) - hadProblem;
  }

  /**
   * Makes `after` the file's row. A row it had is brought up to date in place (when the two have the same fields),
   * so that the arranged order, which holds the rows themselves, never keeps a stale copy of one: replaced rows
   * held a second object per file there (21.6 MB at 133,000 files, a heap snapshot of the host as indexing ended).
   * Every row this view makes says whether it is pending, so a row listed and then analysed keeps its fields.
   */
  private setRow(uri: string, before: FileRow | undefined, after: FileRow): FileRow {
    if (before && ('untagged' in before) === ('untagged' in after)) { return Object.assign(before, after); }
    this.rows.set(uri, after);
    return after;
  }

  private arrived(row: FileRow): void {
    this.rootDirty = true;
    this.arrivals.push(row);
  }

  private flush(): void {
    if (this.timer) { clearTimeout(this.timer); this.timer = undefined; }
    if (!this.visible()) { return; } // done when the view is shown again
    // A large batch (a scan's listing) is taken a slice at a time; the view is told once it is all in.
    if (!this.flushRows(SLICE_MS)) { this.timer = setTimeout(() => this.flush(), 0); return; }
    if (this.rootDirty) {
      this.rootDirty = false;
      this.pendingItems.clear();
      this.emitter.fire(undefined);
    } else {
      for (const n of this.pendingItems) { this.emitter.fire(n); }
      this.pendingItems.clear();
    }
    this.refreshed.fire();
  }

  private rearrange(): void {
    this.arranged = undefined;
    this.arrivals = [];
    this.epoch++;
    this.pager.reset();
    this.emitter.fire(undefined);
    this.refreshed.fire();
  }

  /** How many rows pass the filter: the order's length when it is up to date, else counted (not sorted) now. */
  private shownCount(): number {
    if (this.isArranged()) { return this.arranged!.length; }
    let n = 0;
    for (const r of this.rows.valueList()) { if (matchesFilter(r, this.filterKey)) { n++; } }
    return n;
  }

  private describe(view: vscode.TreeView<ViewNode>): void {
    // Only a filter needs the arranged rows (a sort of every row); "all" shows them all.
    view.description = this.filterKey === 'all' ? undefined : `${this.shownCount()} of ${this.rows.size}`;
    const problems = this.problems;
    view.badge = problems > 0
      ? { value: problems, tooltip: `${problems} ${problems === 1 ? 'file has a sidecar' : 'files have sidecars'} with orphaned or invalid annotations` }
      : undefined;
  }
}

/** A file's findings as its children: those an editor dismissed are left out. */
function shownFindings(file: ShownFileFindings | undefined): readonly ShownFinding[] {
  return (file?.findings ?? []).filter((f) => f.decision?.status !== 'dismissed');
}

function fileItem(node: FileNode, expandable: boolean): vscode.TreeItem {
  const r = node.row;
  const item = new vscode.TreeItem(vscode.Uri.parse(r.uri, true),
    expandable ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
  item.id = r.uri;
  item.label = r.path;
  item.description = rowDescription(r);
  const problem = rowProblem(r);
  // A plain string, not a MarkdownString of the same text: VS Code's host runs its Markdown lexer over every
  // MarkdownString tooltip as it sends a page of items to the workbench (to find links), which held the host's thread
  // for 130-430 ms per page of the Files view at 1 GB (`_getTooltip`, `lex`, `emStrong` in the profile).
  item.tooltip = `${r.path}\n${rowDescription(r)}${problem ? `\n⚠ ${problem}` : ''}`;
  if (problem) { item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground')); }
  item.contextValue = 'corpusLens.file';
  item.command = revealCommand({ uri: r.uri }, 'Open File');
  return item;
}
