// Checks sidecar data against the format (the rules of schemas/annotations.schema.json, plus the ones a JSON
// Schema cannot say: unique ids, end after start). Issues name a path into the data; the reader turns the path
// into a line and column.
import { ANNOTATION_KINDS, DECISION_STATUSES, SIDECAR_VERSION } from './model';

export type DataPath = (string | number)[];

export interface SchemaIssue {
  path: DataPath;
  message: string;
}

const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
const HASH_PATTERN = /^sha256:[0-9a-f]{64}$/;
const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}([Tt ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?([Zz]|[+-]\d{2}(:?\d{2})?)?)?$/;

/** Every way `data` departs from the format; empty when it is a valid sidecar. */
export function validateSidecarData(data: unknown): SchemaIssue[] {
  const issues: SchemaIssue[] = [];
  const add = (path: DataPath, message: string) => { issues.push({ path, message }); };
  if (!isPlainObject(data)) {
    add([], data === null || data === undefined
      ? 'the sidecar is empty: expected a mapping with version, source and annotations'
      : 'the sidecar must be a mapping with version, source and annotations');
    return issues;
  }
  if (!('version' in data)) {
    add([], 'missing "version" (this Corpus Lens writes version 1)');
  } else if (data.version !== SIDECAR_VERSION) {
    add(['version'], typeof data.version === 'number' && Number.isInteger(data.version) && data.version > SIDECAR_VERSION
      ? `sidecar version ${data.version} is newer than this Corpus Lens reads (${SIDECAR_VERSION}); it is left untouched`
      : `"version" must be ${SIDECAR_VERSION}`);
    return issues; // another version's rules may differ: do not judge the rest
  }
  if ('source' in data && (typeof data.source !== 'string' || data.source.length === 0)) {
    add(['source'], '"source" must be a non-empty path relative to the sidecar');
  }
  if ('sourceHash' in data && data.sourceHash !== null && (typeof data.sourceHash !== 'string' || !HASH_PATTERN.test(data.sourceHash))) {
    add(['sourceHash'], '"sourceHash" must look like sha256:<64 lowercase hex digits>');
  }
  if (!('annotations' in data)) {
    add([], 'missing "annotations" (a list, possibly empty)');
    return issues;
  }
  if (!Array.isArray(data.annotations)) {
    add(['annotations'], '"annotations" must be a list');
    return issues;
  }
  const seen = new Map<string, number>();
  data.annotations.forEach((a: unknown, i: number) => {
    validateAnnotation(a, ['annotations', i], add);
    if (isPlainObject(a) && typeof a.id === 'string') {
      const first = seen.get(a.id);
      if (first !== undefined) {
        add(['annotations', i, 'id'], `duplicate id "${a.id}" (also annotation ${first + 1}); ids must be unique within the file`);
      } else {
        seen.set(a.id, i);
      }
    }
  });
  return issues;
}

function validateAnnotation(a: unknown, at: DataPath, add: (path: DataPath, message: string) => void): void {
  if (!isPlainObject(a)) {
    add(at, 'an annotation must be a mapping');
    return;
  }
  const field = (name: string) => [...at, name];
  for (const name of ['id', 'kind', 'quote', 'start', 'end']) {
    if (!(name in a)) { add(at, `annotation is missing "${name}"`); }
  }
  if ('id' in a) {
    if (typeof a.id !== 'string') {
      add(field('id'), `"id" must be a string${typeof a.id === 'number' ? ' (quote it, e.g. id: "' + String(a.id) + '")' : ''}`);
    } else if (!ID_PATTERN.test(a.id)) {
      add(field('id'), '"id" must be 1-64 letters, digits, "_" or "-", starting with a letter or digit');
    }
  }
  if ('kind' in a && !(ANNOTATION_KINDS as readonly unknown[]).includes(a.kind)) {
    add(field('kind'), `"kind" must be one of ${ANNOTATION_KINDS.join(', ')}`);
  }
  if ('label' in a && typeof a.label !== 'string') { add(field('label'), '"label" must be a string'); }
  if ('quote' in a && (typeof a.quote !== 'string' || a.quote.length === 0)) {
    add(field('quote'), '"quote" must be the non-empty text the annotation marks');
  }
  for (const name of ['prefix', 'suffix', 'author']) {
    if (name in a && typeof a[name] !== 'string') { add(field(name), `"${name}" must be a string`); }
  }
  // Offsets that split a character outside the BMP leave half of it in the quote: no text marks half a character.
  if (typeof a.quote === 'string' && hasLoneSurrogate(a.quote)) {
    add(field('quote'), '"quote" holds half of a surrogate pair: its offsets split a character (an emoji, say) in two');
  }
  const offsetOk = (name: 'start' | 'end') => {
    if (!(name in a)) { return false; }
    const v = a[name];
    if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) {
      add(field(name), `"${name}" must be a whole number >= 0 (a UTF-16 offset into the source)`);
      return false;
    }
    return true;
  };
  const startOk = offsetOk('start');
  const endOk = offsetOk('end');
  if (startOk && endOk && (a.end as number) <= (a.start as number)) {
    add(field('end'), '"end" must be greater than "start" (end is exclusive)');
  }
  if ('created' in a && (typeof a.created !== 'string' || !DATE_PATTERN.test(a.created))) {
    add(field('created'), '"created" must be an ISO 8601 date or time, e.g. 2026-11-22T08:00:00Z');
  }
  if ('attributes' in a) {
    if (!isPlainObject(a.attributes)) {
      add(field('attributes'), '"attributes" must be a mapping');
    } else {
      validateAttributes(a.kind, a.attributes, field('attributes'), add);
    }
  } else if (a.kind === 'boilerplate' || a.kind === 'duplicate') {
    add(at, `a ${a.kind} decision needs attributes with "status" (confirmed, dismissed or kept) and the finding "code"`);
  }
}

function validateAttributes(kind: unknown, attrs: Record<string, unknown>, at: DataPath, add: (path: DataPath, message: string) => void): void {
  const stringField = (name: string) => {
    if (name in attrs && typeof attrs[name] !== 'string') { add([...at, name], `"${name}" must be a string`); }
  };
  switch (kind) {
    case 'claim':
      ['speaker', 'status', 'note'].forEach(stringField);
      break;
    case 'entity':
      stringField('canonical');
      if ('externalId' in attrs && typeof attrs.externalId !== 'string' && typeof attrs.externalId !== 'number') {
        add([...at, 'externalId'], '"externalId" must be a string');
      }
      break;
    case 'boilerplate':
    case 'duplicate':
      if (!(DECISION_STATUSES as readonly unknown[]).includes(attrs.status)) {
        add('status' in attrs ? [...at, 'status'] : at, `a ${kind} decision's "status" must be confirmed, dismissed or kept`);
      }
      if (typeof attrs.code !== 'string' || attrs.code.length === 0) {
        add('code' in attrs ? [...at, 'code'] : at, `a ${kind} decision needs the finding "code" (e.g. ${kind === 'boilerplate' ? 'boilerplate.repeated-across-files' : 'duplicate.cross-file'})`);
      }
      break;
    default:
      break;
  }
}

/** True when `s` has a high surrogate not followed by a low one, or a low one not preceded by a high one. */
function hasLoneSurrogate(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(i + 1);
      if (!(d >= 0xdc00 && d <= 0xdfff)) { return true; }
      i++;
    } else if (c >= 0xdc00 && c <= 0xdfff) {
      return true;
    }
  }
  return false;
}

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
