// The annotations API the editor and the CLI use: the store and its sessions, the model, errors, and the few
// helpers that stand on their own (paths, reading a sidecar, decisions). Anchoring lives in ../anchor.
export { AnnotationStore, SidecarSession } from './store';
export type {
  AnchoredAnnotation, AnnotationOutcome, AnnotationStoreOptions, Disposable, NewAnnotation, SaveResult,
  SidecarChangeEvent, SidecarChangeReason,
} from './store';
export { ANY_BOILERPLATE_CODE, codeApplies, decisionFor } from './decisions';
export type { FindingRef } from './decisions';
export { SidecarError, formatIssues } from './errors';
export type { SidecarErrorReason, SidecarIssue } from './errors';
export type { ConflictReason, MergeConflict } from './merge';
export {
  ANNOTATION_KINDS, CLAIM_STATUSES, DECISION_STATUSES, ENTITY_LABELS, SIDECAR_VERSION, decisionOf, sourceHashOf,
} from './model';
export type { Annotation, AnnotationKind, DecisionStatus, SidecarData } from './model';
export { PathQueue } from './sidecarFs';
export { SIDECAR_SUFFIX, isSidecarPath, sidecarPathFor } from './sidecarPaths';
export { defaultSidecarLimits, parseSidecar } from './sidecarYaml';
export type { SidecarLimits } from './sidecarYaml';
export type { TextChange } from '../anchor/textChanges';
