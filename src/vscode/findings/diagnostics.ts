// Publishes findings as diagnostics: boilerplate faded as unnecessary text, duplicated passages with links to
// every other copy, each at the severity its setting asks for (or not at all). An editor's decisions show, as the
// findings store gives them with each finding: a dismissed finding is left out, a copy marked as the duplicate is
// faded, a kept copy's finding is quietened to a hint, and the other copies say which one is kept. By default only
// the documents open in the editor get diagnostics (corpusLens.diagnostics.scope): a corpus of 100,000 files makes
// millions of findings, which Problems cannot usefully list; the sidebar is the corpus-wide view. Files whose
// findings changed (a decision about them too) are queued and published in slices of a few milliseconds with a
// turn of the event loop between them, so that publishing the findings of ten thousand files never holds the
// extension host's thread for long.
import * as vscode from 'vscode';
import { Activity } from '../platform/activity';
import { Config } from '../platform/config';
import { toRange } from '../platform/ranges';
import { decisionSuffix, diagnosticMessage } from './findingText';
import { baseName } from '../platform/text';
import { FindingsStore, ShownFinding, StoredFindings } from './findingsStore';
import { SeveritySetting, Settings } from '../platform/settings';

/**
 * The publisher turns findings into diagnostics for this long, or this many files, then hands them to the
 * collection (which takes about twice as long again to send them to the workbench) and yields the thread.
 */
const SLICE_MS = 3;
const SLICE_FILES = 50;
/** At most this many files, those with nothing to send included, are told as published per slice. */
const SLICE_TOLD = 2000;

export const DIAGNOSTIC_SOURCE = 'Corpus Lens';

export interface DiagnosticsDeps {
  store: FindingsStore;
  collection: vscode.DiagnosticCollection;
  activity: Activity;
  /** Fired with the files whose diagnostics were just published. */
  published: vscode.EventEmitter<readonly vscode.Uri[]>;
}

export function registerDiagnostics(deps: DiagnosticsDeps): vscode.Disposable {
  return new DiagnosticsPublisher(deps);
}

interface Severities {
  boilerplate: vscode.DiagnosticSeverity | undefined;
  duplicate: vscode.DiagnosticSeverity | undefined;
  /** Every file of the folder is published, not only the open documents. */
  wholeFolder: boolean;
}

class DiagnosticsPublisher implements vscode.Disposable {
  private readonly queue = new Set<string>();
  private draining: { end: () => void } | undefined;
  private disposed = false;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly deps: DiagnosticsDeps) {
    this.disposables.push(
      deps.store.onDidChange((uris) => this.enqueue(uris)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (Config.affects(e, [Settings.boilerplateSeverity.key, Settings.duplicatesSeverity.key, Settings.diagnosticsScope.key])) {
          this.enqueue(deps.store.uris());
        }
      }),
      // Opening a document publishes its findings; closing it withdraws them (unless the whole folder is shown).
      vscode.workspace.onDidOpenTextDocument((doc) => this.enqueueStored(doc.uri)),
      vscode.workspace.onDidCloseTextDocument((doc) => this.enqueueStored(doc.uri)),
    );
  }

  dispose(): void {
    this.disposed = true;
    this.draining?.end();
    for (const d of this.disposables) { d.dispose(); }
  }

  private enqueueStored(uri: vscode.Uri): void {
    const key = uri.toString();
    if (this.deps.store.get(key)) { this.enqueue([key]); }
  }

  private enqueue(uris: Iterable<string>): void {
    for (const u of uris) { this.queue.add(u); }
    if (!this.draining && this.queue.size > 0) {
      this.draining = { end: this.deps.activity.begin() };
      setImmediate(() => this.drain());
    }
  }

  private drain(): void {
    if (this.disposed) { return; }
    const started = performance.now();
    const severities = new Map<string, Severities>();
    const entries: [vscode.Uri, vscode.Diagnostic[] | undefined][] = [];
    const told: vscode.Uri[] = [];
    const open = new Set(vscode.workspace.textDocuments.map((d) => d.uri.toString()));
    for (const key of this.queue) {
      this.queue.delete(key);
      const uri = vscode.Uri.parse(key, true);
      const stored = this.deps.store.get(key);
      let diagnostics: vscode.Diagnostic[] | undefined;
      if (stored) {
        let sev = severities.get(stored.folder);
        if (!sev) {
          sev = severitiesFor(vscode.Uri.parse(stored.folder, true));
          severities.set(stored.folder, sev);
        }
        diagnostics = sev.wholeFolder || open.has(key) ? toDiagnostics(stored, sev) : undefined;
      }
      told.push(uri);
      // A file with nothing to show that shows nothing now (a closed file, while indexing: nearly all of them) is
      // not sent to the workbench: indexing 133,000 files sent it thousands of messages that cleared nothing.
      const shown = diagnostics?.length ? diagnostics : undefined;
      if (shown || this.deps.collection.has(uri)) { entries.push([uri, shown]); }
      if (entries.length >= SLICE_FILES || told.length >= SLICE_TOLD || performance.now() - started >= SLICE_MS) { break; }
    }
    // One message to the workbench per slice; [uri, undefined] clears a file.
    if (entries.length > 0) { this.deps.collection.set(entries); }
    this.deps.published.fire(told);
    if (this.queue.size > 0) {
      setImmediate(() => this.drain());
    } else {
      const d = this.draining;
      this.draining = undefined;
      d?.end();
    }
  }
}

function severitiesFor(folder: vscode.Uri): Severities {
  const config = new Config(folder);
  return {
    boilerplate: toSeverity(config.boilerplateSeverity),
    duplicate: toSeverity(config.duplicatesSeverity),
    wholeFolder: config.diagnosticsScope === 'workspace',
  };
}

/** Which kinds of finding a folder's settings show at all (a severity of 'off' hides a kind). */
export function shownKinds(folder: vscode.Uri): { boilerplate: boolean; duplicate: boolean } {
  const sev = severitiesFor(folder);
  return { boilerplate: sev.boilerplate !== undefined, duplicate: sev.duplicate !== undefined };
}

export function toSeverity(s: SeveritySetting): vscode.DiagnosticSeverity | undefined {
  switch (s) {
    case 'error': return vscode.DiagnosticSeverity.Error;
    case 'warning': return vscode.DiagnosticSeverity.Warning;
    case 'information': return vscode.DiagnosticSeverity.Information;
    case 'hint': return vscode.DiagnosticSeverity.Hint;
    case 'off': return undefined;
  }
}

function toDiagnostics(stored: StoredFindings, severities: Severities): vscode.Diagnostic[] {
  const folder = vscode.Uri.parse(stored.folder, true);
  const out: vscode.Diagnostic[] = [];
  for (const f of stored.file.findings) {
    const severity = f.kind === 'boilerplate' ? severities.boilerplate : severities.duplicate;
    if (severity === undefined || f.decision?.status === 'dismissed') { continue; }
    out.push(toDiagnostic(f, severity, folder, stored.path));
  }
  return out;
}

function toDiagnostic(f: ShownFinding, severity: vscode.DiagnosticSeverity, folder: vscode.Uri, selfPath: string): vscode.Diagnostic {
  const status = f.decision?.status;
  // A kept copy is where it should be: its finding is quietened to a hint.
  const shownSeverity = status === 'kept' ? vscode.DiagnosticSeverity.Hint : severity;
  const d = new vscode.Diagnostic(toRange(f.range), diagnosticMessage(f) + decisionSuffix(f, selfPath), shownSeverity);
  d.code = f.code;
  d.source = DIAGNOSTIC_SOURCE;
  // Boilerplate, and a copy marked as the duplicate, are text to leave out: faded.
  if (f.kind === 'boilerplate' || status === 'confirmed') { d.tags = [vscode.DiagnosticTag.Unnecessary]; }
  if (f.related.length > 0) {
    d.relatedInformation = f.related.map((r) => new vscode.DiagnosticRelatedInformation(
      new vscode.Location(vscode.Uri.joinPath(folder, ...r.path.split('/')), toRange(r.range)),
      r.path === selfPath ? 'the same passage elsewhere in this file' : `the same passage in ${baseName(r.path)}`,
    ));
  }
  return d;
}
