// The tags of every corpus file, for the views and the report: read from the sidecars on disk (all of them at
// start, a few at a time, and each again when it changes), or from the editor's session for a document that has
// one open, whose offsets follow unsaved edits. Listeners hear which files changed, in debounced batches.
import * as vscode from 'vscode';
import { SIDECAR_SUFFIX } from '../../core/annotations';
import { decodeText } from '../../core/text';
import { AnnotationSessions } from './sessions';
import { CorpusFiles } from '../platform/corpusFiles';
import { FileTags, readFileTags, tagRecordOf } from '../views/model/tags';

/** Sidecars read at once. */
const CONCURRENT_READS = 8;
/** Changes arriving within this time are told to listeners together. */
const BATCH_MS = 150;

export class TagIndex implements vscode.Disposable {
  private readonly files = new Map<string, FileTags>();
  /** Files waiting to be (re)read, and whether a reader is working through them. */
  private readonly queue = new Map<string, vscode.Uri>();
  private readers = 0;
  private readonly pending = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private readonly changed = new vscode.EventEmitter<readonly string[]>();
  private readonly idle: (() => void)[] = [];
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private initial: Promise<void>;

  /** Fires with the URIs (strings) of the files whose tags changed. */
  readonly onDidChange = this.changed.event;

  constructor(private readonly deps: { files: CorpusFiles; sessions: AnnotationSessions }) {
    this.disposables.push(deps.sessions.onDidChange((uri) => this.refresh(uri)));
    this.initial = this.readAll();
  }

  dispose(): void {
    if (this.timer) { clearTimeout(this.timer); }
    for (const d of this.disposables) { d.dispose(); }
  }

  get(uri: string): FileTags | undefined {
    return this.files.get(uri);
  }

  all(): IterableIterator<FileTags> {
    return this.files.values();
  }

  /** Resolves once the sidecars found at start and every change since have been read and told to listeners. */
  async whenIdle(): Promise<void> {
    await this.initial;
    if (this.queue.size === 0 && this.readers === 0 && this.pending.size === 0) { return; }
    await new Promise<void>((resolve) => this.idle.push(resolve));
  }

  /** Reads a file's tags again: from its open session, or from its sidecar on disk. */
  refresh(source: vscode.Uri): void {
    if (!this.deps.files.match(source)) { return; }
    const session = this.deps.sessions.peek(source);
    if (session) {
      const key = source.toString();
      const tags = session.list().flatMap((a) => {
        const t = tagRecordOf(key, a.annotation, a.start ?? a.annotation.start, a.end ?? a.annotation.end, a.start === null && a.outcome === 'orphaned');
        return t ? [t] : [];
      });
      const orphaned = session.list().filter((a) => a.outcome === 'orphaned').length;
      this.set({ uri: key, tags, orphaned });
      return;
    }
    this.queue.set(source.toString(), source);
    this.pump();
  }

  private async readAll(): Promise<void> {
    const sidecars = await vscode.workspace.findFiles(`**/*${SIDECAR_SUFFIX}`);
    for (const s of sidecars) { this.refresh(s.with({ path: s.path.slice(0, -SIDECAR_SUFFIX.length) })); }
  }

  private pump(): void {
    while (this.readers < CONCURRENT_READS && this.queue.size > 0) {
      const [key, uri] = this.queue.entries().next().value as [string, vscode.Uri];
      this.queue.delete(key);
      this.readers++;
      void this.read(uri).finally(() => {
        this.readers--;
        this.pump();
        this.checkIdle();
      });
    }
  }

  private async read(source: vscode.Uri): Promise<void> {
    const key = source.toString();
    const sidecar = source.with({ path: source.path + SIDECAR_SUFFIX });
    const raw = await vscode.workspace.fs.readFile(sidecar).then((b) => new TextDecoder().decode(b), () => undefined);
    if (raw === undefined) {
      if (this.files.has(key)) { this.files.delete(key); this.note(key); }
      return;
    }
    const bytes = await vscode.workspace.fs.readFile(source).then((b) => b, () => undefined);
    const decoded = bytes && decodeText(bytes, { maxFileBytes: Number.MAX_SAFE_INTEGER });
    const text = decoded && decoded.ok ? decoded.text : undefined;
    if (this.deps.sessions.peek(source)) { return this.refresh(source); } // opened in the editor meanwhile
    this.set(readFileTags(key, raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw, sidecar.fsPath, text));
  }

  private set(tags: FileTags): void {
    const before = this.files.get(tags.uri);
    if (before && sameTags(before, tags)) { return; }
    if (tags.tags.length === 0 && tags.orphaned === 0 && tags.invalid === undefined) {
      if (!before) { return; }
      this.files.delete(tags.uri);
    } else {
      this.files.set(tags.uri, tags);
    }
    this.note(tags.uri);
  }

  private note(uri: string): void {
    this.pending.add(uri);
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      const uris = [...this.pending];
      this.pending.clear();
      this.changed.fire(uris);
      this.checkIdle();
    }, BATCH_MS);
  }

  private checkIdle(): void {
    if (this.queue.size > 0 || this.readers > 0 || this.pending.size > 0) { return; }
    for (const resolve of this.idle.splice(0)) { resolve(); }
  }
}

function sameTags(a: FileTags, b: FileTags): boolean {
  return a.orphaned === b.orphaned && a.invalid === b.invalid && a.tags.length === b.tags.length
    && a.tags.every((t, i) => JSON.stringify(t) === JSON.stringify(b.tags[i]));
}
