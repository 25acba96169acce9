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
  tagAllInFile: 'corpusLens.tagAllInFile',
  tagAllInCorpus: 'corpusLens.tagAllInCorpus',
  dismissEverywhere: 'corpusLens.dismissEverywhere',
  confirmEverywhere: 'corpusLens.confirmEverywhere',
  markDuplicate: 'corpusLens.markDuplicate',
  keepCopy: 'corpusLens.keepCopy',
  confirmAllBoilerplate: 'corpusLens.confirmAllBoilerplate',
  // The sidebar views and the corpus report (src/vscode/views/).
  revealItem: 'corpusLens.revealItem',
  openCopies: 'corpusLens.openCopies',
  showMoreItems: 'corpusLens.showMoreItems',
  sortFiles: 'corpusLens.sortFiles',
  filterFiles: 'corpusLens.filterFiles',
  filterClaims: 'corpusLens.filterClaims',
  renameEntity: 'corpusLens.renameEntity',
  mergeEntities: 'corpusLens.mergeEntities',
  openSidecar: 'corpusLens.openSidecar',
  rescanFile: 'corpusLens.rescanFile',
  showReport: 'corpusLens.showReport',
  acceptSuggestion: 'corpusLens.acceptSuggestion',
  acceptSuggestionAs: 'corpusLens.acceptSuggestionAs',
  acceptSuggestionEverywhere: 'corpusLens.acceptSuggestionEverywhere',
  rejectSuggestion: 'corpusLens.rejectSuggestion',
  // The toggles of the "tag all occurrences" list of matches (its title buttons' keyboard path).
  toggleMatchCase: 'corpusLens.toggleMatchCase',
  toggleMatchWholeWord: 'corpusLens.toggleMatchWholeWord',
  exportCorpus: 'corpusLens.exportCorpus',
} as const;

export type CommandIdValue = (typeof CommandId)[keyof typeof CommandId];
