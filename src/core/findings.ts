// What the detectors report. Findings carry offsets (UTF-16 code units into the document's text);
// front ends turn them into lines and characters or editor ranges.

export type FindingKind = 'boilerplate' | 'duplicate';

/** Stable diagnostic codes. Front ends and sidecar decisions key on these; never rename one. */
export const BoilerplateCode = {
  repeatedAcrossFiles: 'boilerplate.repeated-across-files',
  repeatedInFile: 'boilerplate.repeated-in-file',
  signUp: 'boilerplate.sign-up',
  cookie: 'boilerplate.cookie-notice',
  share: 'boilerplate.share-prompt',
  readMore: 'boilerplate.read-more',
  photoCredit: 'boilerplate.photo-credit',
  timestamp: 'boilerplate.timestamp',
  byline: 'boilerplate.byline',
  navigation: 'boilerplate.navigation',
  linkList: 'boilerplate.link-list',
  tableOfContents: 'boilerplate.table-of-contents',
  legal: 'boilerplate.legal',
  advertisement: 'boilerplate.advertisement',
  shortLine: 'boilerplate.short-line',
  context: 'boilerplate.context',
  caption: 'boilerplate.caption',
  comments: 'boilerplate.comments',
  notProse: 'boilerplate.not-prose',
  outsideMainText: 'boilerplate.outside-main-text',
} as const;
export type BoilerplateCodeValue = (typeof BoilerplateCode)[keyof typeof BoilerplateCode];

export const DuplicateCode = {
  crossFile: 'duplicate.cross-file',
  inFile: 'duplicate.in-file',
} as const;
export type DuplicateCodeValue = (typeof DuplicateCode)[keyof typeof DuplicateCode];

export interface RelatedLocation {
  /** Path of the other copy, as the index knows it (relative to the corpus root). */
  path: string;
  start: number;
  end: number;
}

export interface Finding {
  kind: FindingKind;
  code: string;
  /** One short sentence a person understands: "appears in 37 files", "newsletter sign-up prompt". */
  message: string;
  /** Confidence from 0 to 1. */
  score: number;
  start: number;
  end: number;
  /** Other copies, for duplicates; the other places a repeated line stands, where known. */
  related: RelatedLocation[];
}

/** Pairs of near-duplicate documents. */
export interface NearDuplicate {
  path: string;
  /** Share of this document's words that also stand in the other document's shared passages, 0 to 1. */
  similarity: number;
}
