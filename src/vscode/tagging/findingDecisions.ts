// Decisions about findings that reach past one finding: "Not boilerplate in any file" and "Confirm in every file"
// record the decision over every line of the corpus whose trimmed text is the finding's line (code boilerplate.*,
// in each file's sidecar, so that it holds after a re-scan and for closed files), and "Confirm all boilerplate in
// this file" (the source fix-all action) confirms every boilerplate finding of a file not yet decided, as the
// findings store holds them (with their decisions and offsets): a file that is not open has no published
// diagnostics under the default scope. Each is one step for Undo Last Tag, in every file it touched: decisions it
// added are removed, decisions it changed get their earlier status back.
import * as vscode from 'vscode';
import { DecisionStatus } from '../../core/annotations';
import { identicalLines } from '../../core/anchor/occurrences';
import { AnnotationSessions } from '../annotations/sessions';
import { CorpusFiles } from '../platform/corpusFiles';
import { clip, plural } from '../platform/text';
import { CorpusHit, CorpusSearchDeps, searchCorpus } from '../workers/corpusSearch';
import { shownKinds } from '../findings/diagnostics';
import { FindingsStore } from '../findings/findingsStore';
import { DecisionArgs } from './tagging';
import { TagRefOf, decisionChanges } from '../annotations/tagHistory';
import { toRange } from '../platform/ranges';

export interface FindingDecisionDeps extends CorpusSearchDeps {
  sessions: AnnotationSessions;
  files: CorpusFiles;
  store: FindingsStore;
  /** Records what one command changed, in every file, as one step for Undo Last Tag (the TagHistory of annotations/). */
  recordStep: (changes: TagRefOf[]) => void;
}

export interface CorpusDecisionResult {
  /** Lines decided, in how many files. */
  lines: number;
  files: number;
}

export interface FileArgs {
  uri?: string;
  /** The document version the action was offered for; an action on an older text is refused. */
  version?: number;
}

export class FindingDecisions {
  constructor(private readonly deps: FindingDecisionDeps) {}

  /** Records `status` for every line of the corpus identical (trimmed) to the finding's line. */
  async decideEverywhere(args: DecisionArgs, status: Extract<DecisionStatus, 'confirmed' | 'dismissed'>): Promise<CorpusDecisionResult | undefined> {
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(args.uri, true));
    if (args.version !== undefined && args.version !== doc.version) {
      void vscode.window.showWarningMessage('Corpus Lens: the document changed since this finding was shown; try again.');
      return undefined;
    }
    const line = singleLine(doc, toRange(args.range));
    if (line === undefined) {
      void vscode.window.showInformationMessage('Corpus Lens: decisions for every file are made on a finding of one line.');
      return undefined;
    }
    const shown = clip(line, 40);
    let lines = 0;
    let files = 0;
    const step: TagRefOf[] = [];
    // Each page of files found is decided before the worker searches on past a few pages.
    const applyPage = async (hits: CorpusHit[]) => {
      for (const hit of hits) {
        const decided = await this.deps.sessions.edit(hit.uri, (session) => {
          // Placed in the session's text, which is the text searched unless the file changed meanwhile.
          const found: [number, number][] = hit.places.map((p) => [p.start, p.end]);
          const ranges = found.every(([s, e]) => session.text.slice(s, e) === line) ? found : identicalLines(session.text, line);
          const before = session.list();
          for (const [start, end] of ranges) { session.decideAnyBoilerplate(start, end, status); }
          return { count: ranges.length, changes: decisionChanges(hit.uri.toString(), before, session.list()) };
        });
        if (decided?.count) {
          lines += decided.count;
          files++;
          step.push(...decided.changes);
          this.deps.sessions.noteDecision(hit.uri);
        }
      }
    };
    const searched = await searchCorpus(this.deps, `finding the lines "${shown}"`, { kind: 'lines', line }, { lineTexts: 0, onHits: applyPage });
    // What was decided before a cancel is one step too.
    this.deps.recordStep(step);
    const verb = status === 'dismissed' ? 'not boilerplate' : 'confirmed as boilerplate';
    const stopped = searched ? '' : ' before the search was cancelled';
    void vscode.window.setStatusBarMessage(`Corpus Lens: ${plural(lines, 'line')} in ${plural(files, 'file')} ${verb}${stopped}`, 5000);
    return searched ? { lines, files } : undefined;
  }

  /** Confirms every boilerplate finding shown for the document that has no decision yet; resolves with how many. */
  async confirmAllInFile(args: FileArgs = {}): Promise<number> {
    const doc = args.uri ? await vscode.workspace.openTextDocument(vscode.Uri.parse(args.uri, true)) : vscode.window.activeTextEditor?.document;
    if (!doc || !this.deps.files.match(doc.uri)) {
      void vscode.window.showInformationMessage('Corpus Lens: open a corpus file to confirm its boilerplate.');
      return 0;
    }
    if (args.version !== undefined && args.version !== doc.version) { return 0; }
    const stored = this.deps.store.get(doc.uri.toString());
    const loc = this.deps.files.match(doc.uri);
    if (!stored || !loc || !shownKinds(loc.folder.uri).boilerplate) { return 0; }
    // Findings computed from another text than the document's now are not placed in it: the next reply will be.
    const current = stored.file.version === undefined ? !doc.isDirty : stored.file.version === doc.version;
    if (!current) {
      void vscode.window.showWarningMessage('Corpus Lens: the findings of this file are being updated; try again.');
      return 0;
    }
    // The store's findings carry their decisions, and offsets in the document's text (checked current above).
    const undecided = stored.file.findings.filter((f) => f.kind === 'boilerplate' && !f.decision);
    if (undecided.length === 0) { return 0; }
    const confirmed = await this.deps.sessions.edit(doc.uri, (session) => {
      const before = session.list();
      for (const f of undecided) { session.decide({ kind: 'boilerplate', code: f.code, start: f.start, end: f.end }, 'confirmed'); }
      return decisionChanges(doc.uri.toString(), before, session.list());
    });
    if (!confirmed?.length) { return 0; }
    this.deps.recordStep(confirmed);
    this.deps.sessions.noteDecision(doc.uri);
    // One new decision per finding confirmed (one that overlaps a decision just made with its code joins that one).
    return confirmed.length;
  }
}

export function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code ?? '');
}

/** The trimmed text of a range that lies on one line (it may end at the start of the next); else undefined. */
export function singleLine(doc: vscode.TextDocument, range: vscode.Range): string | undefined {
  const endLine = range.end.character === 0 && range.end.line > range.start.line ? range.end.line - 1 : range.end.line;
  if (endLine !== range.start.line) { return undefined; }
  const text = doc.getText(range).trim();
  return text.length > 0 && !/[\r\n]/.test(text) ? text : undefined;
}
