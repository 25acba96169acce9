// Suggestions in the editor: entity and claim candidates for the corpus documents shown in editors, published as
// quiet hints (DiagnosticSeverity.Hint) in their own diagnostic collection with their own source, apart from the
// boilerplate and duplicate findings. The suggestion worker computes them off this thread; edits are debounced,
// every request carries the document's version and a generation counter, and a result that a newer edit, a
// changed annotation or a changed setting overtook is dropped. The settings corpusLens.suggestions.entities and
// .claims turn each kind on or off. The quick fixes on them are in suggestionActions.ts.
import * as vscode from 'vscode';
import type { Annotation } from '../../core/annotations/model';
import type { EntityLabel, Suggestion } from '../../core/suggest/types';
import { Activity } from '../platform/activity';
import { AnnotationSessions } from '../annotations/sessions';
import { Config } from '../platform/config';
import { CorpusFiles } from '../platform/corpusFiles';
import { Settings } from '../platform/settings';
import { rangeAt } from '../platform/ranges';
import { SuggestWorkerClient } from '../workers/suggestClient';

/** The source of every suggestion hint; the quick fixes pick their diagnostics by it. */
export const SUGGESTION_SOURCE = 'Corpus Lens suggestion';

export const SuggestionCode = {
  entity: 'suggestion.entity',
  claim: 'suggestion.claim',
} as const;

/** Quiet time after the last keystroke before a document's suggestions are computed again. */
const DEBOUNCE_MS = 300;

/** A suggestion as shown: where it stands in the document version it was computed for. */
export interface ShownSuggestion {
  kind: 'entity' | 'claim';
  /** An entity's proposed type. */
  label?: EntityLabel;
  text: string;
  start: number;
  end: number;
  speaker?: string;
  range: vscode.Range;
  version: number;
}

interface DocState {
  /** Bumped by every change that makes a computed result out of date. */
  generation: number;
  timer?: ReturnType<typeof setTimeout>;
  /** Ends the piece of work that the timer (and the run it starts) counts as. */
  endWork?: () => void;
  shown: ShownSuggestion[];
}

export interface SuggestionsDeps {
  client: SuggestWorkerClient;
  sessions: AnnotationSessions;
  files: CorpusFiles;
  log: vscode.LogOutputChannel;
}

export class Suggestions implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('corpusLens.suggestions');
  private readonly updated = new vscode.EventEmitter<vscode.Uri>();
  /** Fires with a document's URI after its suggestion hints were published (or cleared). */
  readonly onDidUpdate = this.updated.event;
  private readonly docs = new Map<string, DocState>();
  /** Folders whose sidecars the worker has read (or is reading), by folder URI. */
  private readonly folders = new Map<string, Promise<void>>();
  /**
   * Sources whose sidecars changed in this turn, by folder URI, sent to the worker together; `sent` resolves once
   * the request is posted, so that a suggest request posted after it (the worker answers in order) sees them.
   */
  private readonly changedSidecars = new Map<string, { sources: Set<string>; sent: Promise<void> }>();
  private readonly activity = new Activity();
  private readonly sidecarsSent = new vscode.EventEmitter<string>();
  /** Fires with a folder's URI after the worker was sent sidecars that changed (requests after it see them). */
  readonly onDidSendSidecars = this.sidecarsSent.event;
  private readonly disposables: vscode.Disposable[] = [this.collection, this.updated, this.sidecarsSent];

  constructor(private readonly deps: SuggestionsDeps) {
    const { sessions } = deps;
    this.disposables.push(
      vscode.window.onDidChangeVisibleTextEditors((editors) => { for (const e of editors) { this.schedule(e.document.uri, 0); } }),
      vscode.workspace.onDidOpenTextDocument((doc) => this.schedule(doc.uri, 0)),
      vscode.workspace.onDidChangeTextDocument((e) => { if (e.contentChanges.length > 0) { this.schedule(e.document.uri, DEBOUNCE_MS); } }),
      vscode.workspace.onDidCloseTextDocument((doc) => this.forget(doc.uri)),
      // The document's annotations changed (a tag, a rejection, anchors moved by an edit, a sidecar merged).
      sessions.onDidChange((uri) => {
        if (this.isVisible(uri)) {
          this.schedule(uri, DEBOUNCE_MS);
        } else {
          // A closed file's sidecar changed on disk (or the file was closed): the gazetteer may have changed.
          this.sidecarsChanged(uri, DEBOUNCE_MS);
        }
      }),
      // A sidecar written: the gazetteer changes for every document, not only this one.
      sessions.onDidSave((uri) => this.sidecarsChanged(uri, 0)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        const keys = [Settings.suggestEntities.key, Settings.suggestClaims.key, Settings.include.key, Settings.exclude.key];
        if (Config.affects(e, keys)) {
          if (Config.affects(e, [Settings.include.key, Settings.exclude.key])) { this.folders.clear(); }
          this.refreshVisible(0);
        }
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => { this.folders.clear(); this.refreshVisible(0); }),
      deps.client.onDidLoseWorker((e) => {
        deps.log.error(`Corpus Lens: the suggestion worker stopped: ${e.message}`);
        this.folders.clear();
      }),
      deps.client.onDidWarmUp((w) => {
        if (w.ms < 0) {
          deps.log.warn(`Corpus Lens: the suggestion worker's warm-up failed: ${w.message ?? 'unknown error'}`);
        } else {
          deps.log.info(`Corpus Lens: the suggestion worker warmed up in ${w.ms.toFixed(0)} ms (${w.rounds} runs of the engine)`);
        }
      }),
    );
    // Started now, so that it has loaded the model and compiled the rules before a person opens a file (not when
    // every folder has suggestions turned off: then it starts when first needed, as for the Files view's counts).
    if (deps.files.folders().some((f) => { const c = new Config(f.uri); return c.suggestEntities || c.suggestClaims; })) {
      deps.client.start();
    }
    this.refreshVisible(0);
  }

  dispose(): void {
    for (const st of this.docs.values()) {
      if (st.timer) { clearTimeout(st.timer); }
      st.endWork?.();
    }
    this.docs.clear();
    for (const d of this.disposables) { d.dispose(); }
  }

  /** Resolves when no document's suggestions are waiting to be computed or published. */
  whenIdle(): Promise<void> {
    return this.activity.whenIdle();
  }

  /** The suggestions shown in a document that `range` touches (all of them without a range), innermost first. */
  shownAt(uri: vscode.Uri, range?: vscode.Range): ShownSuggestion[] {
    const shown = this.docs.get(uri.toString())?.shown ?? [];
    return shown
      .filter((s) => !range || (range.isEmpty ? s.range.contains(range.start) : s.range.intersection(range) !== undefined))
      .sort((a, b) => (a.end - a.start) - (b.end - b.start));
  }

  /** The suggestion a diagnostic shows, if it is one of ours and still shown. */
  suggestionOf(uri: vscode.Uri, d: vscode.Diagnostic): ShownSuggestion | undefined {
    if (d.source !== SUGGESTION_SOURCE) { return undefined; }
    const code = typeof d.code === 'object' ? String(d.code.value) : String(d.code ?? '');
    return this.shownAt(uri).find((s) => SuggestionCode[s.kind] === code && s.range.isEqual(d.range));
  }

  /** Takes a suggestion off the screen at once (it was accepted or rejected); the next run confirms it. */
  hide(uri: vscode.Uri, s: Pick<ShownSuggestion, 'kind' | 'start' | 'end'>): void {
    const st = this.docs.get(uri.toString());
    if (!st) { return; }
    st.shown = st.shown.filter((x) => !(x.kind === s.kind && x.start === s.start && x.end === s.end));
    this.collection.set(uri, st.shown.map(toDiagnostic));
    // Results in flight were computed without the decision just made.
    st.generation++;
  }

  /** Computes again, after `delay` ms, the suggestions of every document shown. */
  refreshVisible(delay: number): void {
    for (const e of vscode.window.visibleTextEditors) { this.schedule(e.document.uri, delay); }
  }

  /** The folder's sidecar worker state, read once (again after the worker was lost or the selection changed). */
  ensureFolder(folder: vscode.WorkspaceFolder): Promise<void> {
    const key = folder.uri.toString();
    let loading = this.folders.get(key);
    if (!loading) {
      loading = this.deps.client.send({ type: 'folder', folder: key, root: folder.uri.fsPath, selection: this.deps.files.selection(folder) })
        .then((r) => { if (r.type === 'done') { for (const p of r.problems) { this.deps.log.warn(`Corpus Lens: ${p}`); } } });
      loading.catch(() => { if (this.folders.get(key) === loading) { this.folders.delete(key); } });
      this.folders.set(key, loading);
    }
    return loading;
  }

  /**
   * A source's sidecar changed: the worker reads it again, in one request per folder for the sidecars changed
   * in the same turn (at start, the annotations feature reports every sidecar of the workspace at once).
   */
  private sidecarsChanged(source: vscode.Uri, delay: number): void {
    const loc = this.deps.files.match(source);
    const key = loc?.folder.uri.toString();
    if (key && this.folders.has(key)) {
      const pending = this.changedSidecars.get(key);
      if (pending) {
        pending.sources.add(source.fsPath);
      } else {
        const batch = { sources: new Set([source.fsPath]), sent: Promise.resolve() };
        const end = this.activity.begin();
        batch.sent = new Promise<void>((sent) => setImmediate(() => {
          this.changedSidecars.delete(key);
          void this.deps.client.send({ type: 'sidecars', folder: key, sources: [...batch.sources] })
            .then((r) => { if (r.type === 'done') { for (const p of r.problems) { this.deps.log.warn(`Corpus Lens: ${p}`); } } },
              (e: unknown) => this.deps.log.error(`Corpus Lens: could not re-read a sidecar: ${String(e)}`))
            .finally(end);
          sent();
          this.sidecarsSent.fire(key);
        }));
        this.changedSidecars.set(key, batch);
      }
    }
    this.refreshVisible(delay);
  }

  private schedule(uri: vscode.Uri, delay: number): void {
    if (!this.deps.files.match(uri)) { return; }
    const key = uri.toString();
    let st = this.docs.get(key);
    if (!st) {
      st = { generation: 0, shown: [] };
      this.docs.set(key, st);
    }
    st.generation++;
    if (st.timer) { clearTimeout(st.timer); } else { st.endWork = this.activity.begin(); }
    const state = st;
    state.timer = setTimeout(() => {
      state.timer = undefined;
      const end = state.endWork;
      state.endWork = undefined;
      void this.run(uri, state).catch((e: unknown) => {
        this.deps.log.error(`Corpus Lens: suggestions for ${vscode.workspace.asRelativePath(uri)} failed: ${e instanceof Error ? e.message : String(e)}`);
      }).finally(() => end?.());
    }, delay);
  }

  private async run(uri: vscode.Uri, st: DocState): Promise<void> {
    const generation = st.generation;
    const doc = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString())?.document;
    if (!doc) { return; } // not shown: its hints stay as they were until it is shown again or closed
    const loc = this.deps.files.match(uri);
    const config = new Config(uri);
    const entities = config.suggestEntities;
    const claims = config.suggestClaims;
    // The session the annotations feature opened for the shown document (it opens one for every visible corpus
    // document and tells onDidChange, which schedules this again). Opening one here would keep sessions for
    // documents that are no longer shown. None: its sidecar is invalid, or it is still being read.
    const session = loc && (entities || claims) ? this.deps.sessions.peek(uri) : undefined;
    if (!loc || !session) {
      // Off, not a corpus file, or no decisions to go by yet: without them, nothing can be proposed safely.
      this.publish(uri, st, []);
      return;
    }
    await this.ensureFolder(loc.folder);
    await this.changedSidecars.get(loc.folder.uri.toString())?.sent;
    if (st.generation !== generation) { return; }
    // The worker has this version's text by the document channel; the annotations must be placed in the same text.
    const text = doc.getText();
    if (session.text !== text) { return; } // the session has not caught up with an edit yet; that edit reschedules
    const version = doc.version;
    const annotations: Annotation[] = [];
    for (const a of session.list()) {
      if (a.start === null || a.end === null) { continue; }
      annotations.push({ ...a.annotation, start: a.start, end: a.end, quote: text.slice(a.start, a.end) });
    }
    const reply = await this.deps.client.send({
      type: 'suggest', folder: loc.folder.uri.toString(), doc: uri.toString(), version, generation, annotations, entities, claims,
    });
    if (reply.type !== 'suggestions' || st.generation !== generation || doc.isClosed || doc.version !== reply.version) { return; }
    this.deps.log.trace(`suggestions for ${vscode.workspace.asRelativePath(uri)}: ${reply.suggestions.length} in ${reply.ms.toFixed(1)} ms`);
    this.publish(uri, st, reply.suggestions.map((s) => shownOf(doc, s, version)));
  }

  private publish(uri: vscode.Uri, st: DocState, shown: ShownSuggestion[]): void {
    st.shown = shown;
    if (shown.length === 0) { this.collection.delete(uri); } else { this.collection.set(uri, shown.map(toDiagnostic)); }
    this.updated.fire(uri);
  }

  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    const st = this.docs.get(key);
    if (!st) { return; }
    if (st.timer) { clearTimeout(st.timer); }
    st.endWork?.();
    this.docs.delete(key);
    this.collection.delete(uri);
  }

  private isVisible(uri: vscode.Uri): boolean {
    return vscode.window.visibleTextEditors.some((e) => e.document.uri.toString() === uri.toString());
  }
}

function shownOf(doc: vscode.TextDocument, s: Suggestion, version: number): ShownSuggestion {
  const range = rangeAt(doc, s.start, s.end);
  return s.kind === 'entity'
    ? { kind: 'entity', label: s.label, text: s.text, start: s.start, end: s.end, range, version }
    : { kind: 'claim', text: s.text, start: s.start, end: s.end, speaker: s.speaker, range, version };
}

function toDiagnostic(s: ShownSuggestion): vscode.Diagnostic {
  const message = s.kind === 'entity'
    ? `Entity? ${s.label}: ${s.text}`
    : `Check-worthy claim?${s.speaker ? ` Speaker: ${s.speaker}` : ''}`;
  const d = new vscode.Diagnostic(s.range, message, vscode.DiagnosticSeverity.Hint);
  d.source = SUGGESTION_SOURCE;
  d.code = SuggestionCode[s.kind];
  return d;
}
