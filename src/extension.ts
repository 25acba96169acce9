// Corpus Lens: activate() wires the features together and returns the API that integration tests read.
import * as vscode from 'vscode';
import { Activity } from './vscode/platform/activity';
import { ActivationClock, ActivationTimes } from './vscode/platform/activationTiming';
import { AnnotationSessions } from './vscode/annotations/sessions';
import { registerCommands } from './vscode/platform/commands';
import { CorpusFiles } from './vscode/platform/corpusFiles';
import { registerDecorations } from './vscode/tagging/decorations';
import { registerDiagnostics } from './vscode/findings/diagnostics';
import { FindingsStore } from './vscode/findings/findingsStore';
import { SessionDecisions } from './vscode/findings/sessionDecisions';
import { openCopy, registerHover } from './vscode/findings/hover';
import { IndexWorkerClient } from './vscode/workers/indexClient';
import { CorpusIndexer } from './vscode/workers/indexer';
import { DocumentSync } from './vscode/workers/documentSync';
import { registerLanguageAssociation } from './vscode/platform/languageAssociation';
import { registerLiveUpdates } from './vscode/workers/liveUpdates';
import { scanWorkspace } from './vscode/findings/scanCommand';
import { registerStatusBar } from './vscode/views/statusBar';
import { SuggestWorkerClient } from './vscode/workers/suggestClient';
import {
  AcceptEverywhereArgs, SuggestionArgs, acceptSuggestion, acceptSuggestionEverywhere, registerSuggestionActions, rejectSuggestion,
} from './vscode/suggestions/suggestionActions';
import { Suggestions } from './vscode/suggestions/suggestions';
import { registerTagActions } from './vscode/tagging/tagActions';
import { FileArgs, FindingDecisions } from './vscode/findings/findingDecisions';
import { OccurrenceTagger, TagAllArgs } from './vscode/tagging/tagAll';
import { DecisionArgs, TagArgs, TagRef, Tagging } from './vscode/tagging/tagging';
import { TagRefOf } from './vscode/tagging/tagModel';
import { CorpusViews, CorpusViewsApi } from './vscode/views/corpusViews';
import { ExportArgs, exportCorpusCommand } from './vscode/export/exportCommand';
import { UntaggedMentions } from './vscode/views/untaggedMentions';

export interface CorpusLensApi {
  /** The diagnostics the extension publishes, for tests and other extensions. */
  readonly diagnostics: vscode.DiagnosticCollection;
  /**
   * Resolves when the findings shown are current: no scan, edit or file change is waiting for the index worker
   * and no diagnostics are waiting to be published. (A file change the watcher has not yet reported is not
   * known; wait for onDidUpdateFindings for that.)
   */
  whenIdle(): Promise<void>;
  /** Fires with the files whose diagnostics were just published. */
  readonly onDidUpdateFindings: vscode.Event<readonly vscode.Uri[]>;
  /** Fires with a source file's URI after its annotations sidecar was saved. */
  readonly onDidSaveSidecar: vscode.Event<vscode.Uri>;
  /** Fires with the number of matches when "tag all occurrences" shows them to step through. */
  readonly onDidShowMatches: vscode.Event<number>;
  /** The sidebar views' providers, the tag index they read and the corpus report. */
  readonly views: CorpusViewsApi;
  /** The suggestion hints (entities, claims), apart from the findings. */
  readonly suggestions: vscode.DiagnosticCollection;
  /** Resolves when no document's suggestions are waiting to be computed or published. */
  whenSuggestionsIdle(): Promise<void>;
  /** Fires with a document's URI after its suggestion hints were published. */
  readonly onDidUpdateSuggestions: vscode.Event<vscode.Uri>;
  /** How long activation took (read by the activation benchmark). */
  readonly activation: ActivationTimes;
}

export function activate(context: vscode.ExtensionContext): CorpusLensApi {
  const clock = new ActivationClock();
  try {
    const log = vscode.window.createOutputChannel('Corpus Lens', { log: true });
    const activity = new Activity();
    const diagnostics = vscode.languages.createDiagnosticCollection('corpusLens');
    const published = new vscode.EventEmitter<readonly vscode.Uri[]>();
    clock.watch(published.event);
    const files = new CorpusFiles();
    const sessions = new AnnotationSessions({ files, log });
    // The one place on the host where findings meet the editor's decisions: the store, which every surface reads.
    const decisions = new SessionDecisions(sessions);
    const store = new FindingsStore((uri) => vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri)?.version, decisions);
    const client = new IndexWorkerClient(context.extensionPath, activity);
    const suggestClient = new SuggestWorkerClient(context.extensionPath);
    // Before any feature that listens to documents or starts a worker: the workers hear of a change before a request.
    const documentSync = new DocumentSync({ files, targets: [client, suggestClient] });
    const indexer = new CorpusIndexer({ client, store, files, activity, log });
    const isCorpusFile = (uri: vscode.Uri) => !!files.match(uri);
    const tagging = new Tagging({ sessions, isCorpusFile });
    const suggestions = new Suggestions({ client: suggestClient, sessions, files, log });
    // The actions that reach every corpus file search it in the suggestion worker.
    const search = { files, log, client: suggestClient, ensureFolder: (f: vscode.WorkspaceFolder) => suggestions.ensureFolder(f) };
    const occurrences = new OccurrenceTagger({ ...search, sessions, recordStep: (tags) => tagging.recordStep(tags) });
    const findingDecisions = new FindingDecisions({ ...search, sessions, store, recordStep: (changes) => tagging.recordStep(changes) });
    const untagged = new UntaggedMentions({ client: suggestClient, suggestions, files, log });
    const views = new CorpusViews({ ...search, extensionUri: context.extensionUri, store, sessions, indexer, untagged });
    const suggestionDeps = { ...search, suggestions, sessions, recordStep: (tags: TagRefOf[]) => tagging.recordStep(tags) };
    context.subscriptions.push(
      files,
      client,
      suggestClient,
      documentSync,
      indexer,
      sessions,
      decisions,
      decisions.onDidChange((uri) => store.decisionsChanged(uri)),
      tagging,
      occurrences,
      views,
      suggestions,
      registerSuggestionActions(suggestionDeps),
      registerDiagnostics({ store, collection: diagnostics, activity, published }),
      registerDecorations({ sessions }),
      registerTagActions({ sessions, store, isCorpusFile, log }),
      registerLiveUpdates({ indexer, files, store, activity }),
      registerHover({ store, files }),
      registerStatusBar({ store, files, indexer, tags: views.tags }),
      registerLanguageAssociation({ files, log }),
      registerCommands({
        scanWorkspace: () => scanWorkspace({ indexer, files }),
        cancelIndexing: () => indexer.cancelAll(),
        openCopy,
        tagClaim: (args?: TagArgs) => tagging.tagClaim(args),
        tagEntity: (args?: TagArgs) => tagging.tagEntity(args),
        removeTag: (ref?: TagRef) => tagging.removeTag(ref),
        changeTagLabel: (ref?: TagRef & { label?: string }) => tagging.changeTagLabel(ref),
        editTagAttributes: (ref?: TagRef & { attributes?: Record<string, string> }) => tagging.editTagAttributes(ref),
        undoTag: () => tagging.undoTag(),
        dismissFinding: (args: DecisionArgs) => tagging.decide(args, 'dismissed'),
        confirmFinding: (args: DecisionArgs) => tagging.decide(args, 'confirmed'),
        tagAllInFile: (args?: TagAllArgs) => occurrences.tagAll({ ...args, scope: 'file' }),
        tagAllInCorpus: (args?: TagAllArgs) => occurrences.tagAll({ ...args, scope: 'corpus' }),
        dismissEverywhere: (args: DecisionArgs) => findingDecisions.decideEverywhere(args, 'dismissed'),
        confirmEverywhere: (args: DecisionArgs) => findingDecisions.decideEverywhere(args, 'confirmed'),
        markDuplicate: (args: DecisionArgs) => tagging.decide(args, 'confirmed'),
        keepCopy: (args: DecisionArgs) => tagging.decide(args, 'kept'),
        confirmAllBoilerplate: (args?: FileArgs) => findingDecisions.confirmAllInFile(args),
        ...views.commands,
        acceptSuggestion: (args?: SuggestionArgs) => acceptSuggestion(suggestionDeps, args),
        acceptSuggestionAs: (args?: SuggestionArgs) => acceptSuggestion(suggestionDeps, args, true),
        acceptSuggestionEverywhere: (args?: AcceptEverywhereArgs) => acceptSuggestionEverywhere(suggestionDeps, args),
        rejectSuggestion: (args?: SuggestionArgs) => rejectSuggestion(suggestionDeps, args),
        toggleMatchCase: () => occurrences.toggleOption('caseSensitive'),
        toggleMatchWholeWord: () => occurrences.toggleOption('wholeWord'),
        exportCorpus: (args?: ExportArgs) => exportCorpusCommand({ files, extensionPath: context.extensionPath }, args),
      }),
      diagnostics,
      published,
      log,
      clock,
    );
    indexer.start();
    return {
      diagnostics, whenIdle: () => activity.whenIdle(), onDidUpdateFindings: published.event, onDidSaveSidecar: sessions.onDidSave,
      onDidShowMatches: occurrences.onDidShowMatches,
      views,
      suggestions: suggestions.collection, whenSuggestionsIdle: () => suggestions.whenIdle(), onDidUpdateSuggestions: suggestions.onDidUpdate,
      activation: clock.activated(),
    };
  } catch (e) {
    void vscode.window.showErrorMessage(`Corpus Lens failed to start: ${e instanceof Error ? e.message : String(e)}`);
    throw e;
  }
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
