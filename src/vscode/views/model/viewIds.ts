// The ids of the Corpus Lens views, as package.json contributes them. No 'vscode' import, so a unit test holds
// them to the manifest.
export const VIEW_CONTAINER = 'corpusLens';
export const FILES_VIEW = 'corpusLens.files';
export const DUPLICATES_VIEW = 'corpusLens.duplicates';
export const ENTITIES_VIEW = 'corpusLens.entities';
export const CLAIMS_VIEW = 'corpusLens.claims';
