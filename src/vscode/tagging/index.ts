// The tagging folder's part in activation: the tag commands and their code actions, tag-all (in a file or the
// corpus), decisions about findings (one, every identical line, every boilerplate finding of a file), the tags'
// decorations, and Undo Last Tag over the history the annotations folder keeps.
import * as vscode from 'vscode';
import { AnnotationSessions } from '../annotations/sessions';
import { TagHistory, TagRefOf } from '../annotations/tagHistory';
import { FindingsStore } from '../findings/findingsStore';
import { CommandHandlers } from '../platform/commands';
import { CorpusFiles } from '../platform/corpusFiles';
import { SuggestWorkerClient } from '../workers/suggestClient';
import { registerDecorations } from './decorations';
import { FileArgs, FindingDecisions } from './findingDecisions';
import { OccurrenceTagger, TagAllArgs } from './tagAll';
import { registerTagActions } from './tagActions';
import { DecisionArgs, TagArgs, TagRef, Tagging } from './tagging';

export interface TaggingFeatureDeps {
  sessions: AnnotationSessions;
  history: TagHistory;
  store: FindingsStore;
  files: CorpusFiles;
  log: vscode.LogOutputChannel;
  /** The suggestion worker, which searches the corpus, and how to have it read a folder first. */
  client: SuggestWorkerClient;
  ensureFolder(folder: vscode.WorkspaceFolder): Promise<void>;
}

type TaggingCommands =
  | 'tagClaim' | 'tagEntity' | 'removeTag' | 'changeTagLabel' | 'editTagAttributes' | 'undoTag' | 'dismissFinding' | 'confirmFinding'
  | 'tagAllInFile' | 'tagAllInCorpus' | 'dismissEverywhere' | 'confirmEverywhere' | 'markDuplicate' | 'keepCopy' | 'confirmAllBoilerplate'
  | 'toggleMatchCase' | 'toggleMatchWholeWord';

export interface TaggingFeature extends vscode.Disposable {
  /** Fires with the number of matches when "tag all occurrences" shows them to step through. */
  readonly onDidShowMatches: vscode.Event<number>;
  readonly commands: Pick<CommandHandlers, TaggingCommands>;
}

export function register(deps: TaggingFeatureDeps): TaggingFeature {
  const { sessions, history, store, files, log } = deps;
  const isCorpusFile = (uri: vscode.Uri) => !!files.match(uri);
  const recordStep = (changes: TagRefOf[]) => history.pushStep(changes);
  const search = { files, log, client: deps.client, ensureFolder: (f: vscode.WorkspaceFolder) => deps.ensureFolder(f) };
  const tagging = new Tagging({ sessions, isCorpusFile, history });
  const occurrences = new OccurrenceTagger({ ...search, sessions, recordStep });
  const decisions = new FindingDecisions({ ...search, sessions, store, recordStep });
  const disposable = vscode.Disposable.from(
    tagging,
    occurrences,
    registerDecorations({ sessions }),
    registerTagActions({ sessions, store, isCorpusFile, log }),
  );
  return {
    onDidShowMatches: occurrences.onDidShowMatches,
    commands: {
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
      dismissEverywhere: (args: DecisionArgs) => decisions.decideEverywhere(args, 'dismissed'),
      confirmEverywhere: (args: DecisionArgs) => decisions.decideEverywhere(args, 'confirmed'),
      markDuplicate: (args: DecisionArgs) => tagging.decide(args, 'confirmed'),
      keepCopy: (args: DecisionArgs) => tagging.decide(args, 'kept'),
      confirmAllBoilerplate: (args?: FileArgs) => decisions.confirmAllInFile(args),
      toggleMatchCase: () => occurrences.toggleOption('caseSensitive'),
      toggleMatchWholeWord: () => occurrences.toggleOption('wholeWord'),
    },
    dispose: () => disposable.dispose(),
  };
}
