// The ids of the commands the extension contributes. No 'vscode' import, so a unit test can check them against
// package.json's contributes.commands; commands.ts types its handler map with them.
export const CommandId = {
  scanWorkspace: 'corpusLens.scanWorkspace',
  cancelIndexing: 'corpusLens.cancelIndexing',
  openCopy: 'corpusLens.openCopy',
  tagClaim: 'corpusLens.tagClaim',
  tagEntity: 'corpusLens.tagEntity',
  removeTag: 'corpusLens.removeTag',
  changeTagLabel: 'corpusLens.changeTagLabel',
  editTagAttributes: 'corpusLens.editTagAttributes',
  undoTag: 'corpusLens.undoTag',
  dismissFinding: 'corpusLens.dismissFinding',
  confirmFinding: 'corpusLens.confirmFinding',
  acceptSuggestion: 'corpusLens.acceptSuggestion',
  acceptSuggestionAs: 'corpusLens.acceptSuggestionAs',
  acceptSuggestionEverywhere: 'corpusLens.acceptSuggestionEverywhere',
  rejectSuggestion: 'corpusLens.rejectSuggestion',
} as const;

export type CommandIdValue = (typeof CommandId)[keyof typeof CommandId];
