// The ids of the commands the extension contributes. No 'vscode' import, so a unit test can check them against
// package.json's contributes.commands; commands.ts types its handler map with them.
export const CommandId = {
  scanWorkspace: 'corpusLens.scanWorkspace',
  cancelIndexing: 'corpusLens.cancelIndexing',
  openCopy: 'corpusLens.openCopy',
} as const;

export type CommandIdValue = (typeof CommandId)[keyof typeof CommandId];
