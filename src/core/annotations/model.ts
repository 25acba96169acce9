// The annotation model: what a sidecar holds, the vocabulary of kinds and statuses, ids and the source hash.
// Offsets are UTF-16 code units into the source text with any BOM removed, end exclusive.
import { createHash, randomBytes } from 'node:crypto';

/** The sidecar format version this code reads and writes. */
export const SIDECAR_VERSION = 1;

export const ANNOTATION_KINDS = ['entity', 'claim', 'boilerplate', 'duplicate', 'note'] as const;
export type AnnotationKind = (typeof ANNOTATION_KINDS)[number];

/** Entity types offered by default; a workspace may use others. */
export const ENTITY_LABELS = ['person', 'organization', 'location', 'event', 'other'] as const;

/** Claim statuses offered by default; others are allowed. */
export const CLAIM_STATUSES = ['unverified', 'supported', 'refuted', 'disputed', 'misleading', 'unsupported'] as const;

/**
 * An editor's decision about a detector finding, kept in a boilerplate or duplicate annotation: `confirmed` (it is
 * boilerplate; this copy is the duplicate), `dismissed` (the detector is wrong here), and for a duplicate `kept`
 * (this is the copy to keep).
 */
export const DECISION_STATUSES = ['confirmed', 'dismissed', 'kept'] as const;
export type DecisionStatus = (typeof DECISION_STATUSES)[number];

/**
 * One annotation as stored. Fields this version does not know (written by a person or a newer version) are
 * kept as they are, so the type is open.
 */
export interface Annotation {
  id: string;
  kind: AnnotationKind;
  label?: string;
  quote: string;
  prefix?: string;
  suffix?: string;
  start: number;
  end: number;
  /**
   * Per kind: a claim's `speaker`, `status` and `note`; an entity's `canonical` and `externalId`; a boilerplate
   * or duplicate decision's `status` (confirmed | dismissed) and finding `code`.
   */
  attributes?: Record<string, unknown>;
  author?: string;
  created?: string;
  [extra: string]: unknown;
}

/** The whole sidecar as plain data. */
export interface SidecarData {
  version: number;
  /** Path of the source, relative to the sidecar's folder, with forward slashes. */
  source?: string;
  /** `sha256:<hex>` of the source text the anchors were last checked against. */
  sourceHash?: string;
  annotations: Annotation[];
  [extra: string]: unknown;
}

/** The fields that place an annotation in the text; they change together, as one unit. */
export const ANCHOR_FIELDS = ['quote', 'prefix', 'suffix', 'start', 'end'] as const;

/** `sha256:` and the hex digest of the text's UTF-8 encoding (BOM removed, line endings as they are). */
export function sourceHashOf(text: string): string {
  return 'sha256:' + createHash('sha256').update(text, 'utf8').digest('hex');
}

const ID_LENGTH = 6;

/** A random id of six base-36 characters. */
export function randomId(): string {
  const bytes = randomBytes(ID_LENGTH);
  let id = '';
  for (let i = 0; i < ID_LENGTH; i++) { id += (bytes[i] % 36).toString(36); }
  return id;
}

/** A fresh id that none of `taken` uses. */
export function uniqueId(taken: (id: string) => boolean, generate: () => string = randomId): string {
  for (let attempt = 0; attempt < 1000; attempt++) {
    const id = generate();
    if (!taken(id)) { return id; }
  }
  throw new Error('could not generate a unique annotation id');
}

/** An ISO 8601 UTC timestamp to the second, as the format shows: 2026-11-22T08:00:00Z. */
export function timestamp(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The decision an annotation records about a detector finding, if it is one. */
export function decisionOf(a: Readonly<Annotation>): { code: string; status: DecisionStatus } | undefined {
  if (a.kind !== 'boilerplate' && a.kind !== 'duplicate') { return undefined; }
  const code = a.attributes?.code;
  const status = a.attributes?.status;
  if (typeof code !== 'string' || !(DECISION_STATUSES as readonly unknown[]).includes(status)) { return undefined; }
  return { code, status: status as DecisionStatus };
}

/** Deep equality of plain JSON-like values (objects compared key-wise, whatever the key order). */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) { return true; }
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) { return false; }
  if (Array.isArray(a) !== Array.isArray(b)) { return false; }
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((v, i) => deepEqual(v, b[i]));
  }
  const ka = Object.keys(a as object).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b as object).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (ka.length !== kb.length) { return false; }
  return ka.every((k) => deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** A deep copy of plain JSON-like data. */
export function cloneData<T>(value: T): T {
  return structuredClone(value);
}
