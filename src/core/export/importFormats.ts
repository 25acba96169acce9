// Reading tags back from the formats the export writes (and other tools write in the same shape): brat standoff,
// W3C Web Annotations in JSON Lines or as a collection, and span JSON Lines (Prodigy, doccano). Each parser gives
// tags with the text they quote and offsets into the text the other tool saw, in UTF-16; placing them in the
// corpus file is importCorpus's job.
import * as path from 'node:path';
import { readFileSafeSync } from '../io/safeRead';
import { walkFolder } from '../io/walkFolder';
import { CLAIM_TYPE, bratFiles } from './brat';
import { OffsetUnit, offsetMapper } from './offsets';
import { CL_NAMESPACE } from './w3c';

export type ImportFormat = 'brat' | 'w3c' | 'spans-jsonl';

export interface ImportedTag {
  /** The corpus file, relative to the folder, forward slashes. */
  path: string;
  kind: 'entity' | 'claim';
  label?: string;
  quote: string;
  prefix?: string;
  suffix?: string;
  /** Where the quote stood in the other tool's text (UTF-16, unless positionUnit says otherwise), when known. */
  start?: number;
  end?: number;
  /** Set when start and end are still in this unit of the corpus file's text (W3C positions; no text came along). */
  positionUnit?: OffsetUnit;
  attributes: Record<string, unknown>;
  /** Who made the tag, where the input says (a W3C creator's name). */
  author?: string;
}

/** A record of the input that could not be read as a tag, with where it stands. */
export interface ImportProblem {
  where: string;
  message: string;
}

export interface ParsedInput {
  tags: ImportedTag[];
  problems: ImportProblem[];
}

/** Input files over this size are refused unread (a JavaScript string holds at most about 512 M code units). */
export const MAX_INPUT_BYTES = 256 * 1024 * 1024;

/** Strict UTF-8; a BOM at the start (a Windows tool's JSON Lines) is dropped. */
const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * An input file's text through the safe reader: a FIFO or a device named as the input (or linked from a brat
 * folder) is refused without blocking, a huge file unread, and bytes that are not UTF-8 are refused rather than
 * read as replacement characters into the sidecars.
 */
function readInputFile(file: string): { ok: true; text: string } | { ok: false; missing: boolean; message: string } {
  const r = readFileSafeSync(file, { maxBytes: MAX_INPUT_BYTES });
  if (!r.ok) { return { ok: false, missing: r.reason === 'missing', message: `cannot read it: ${r.message}` }; }
  try {
    return { ok: true, text: utf8.decode(r.bytes) };
  } catch {
    return { ok: false, missing: false, message: 'not valid UTF-8; convert it to UTF-8 to import it' };
  }
}

/** readInputFile's text, or undefined with its refusal added to `problems` at `where`. */
function readInput(file: string, where: string, problems: ImportProblem[]): string | undefined {
  const r = readInputFile(file);
  if (r.ok) { return r.text; }
  problems.push({ where, message: r.message });
  return undefined;
}

/** Reads JSON Lines; a line that is not JSON is a problem, not an abort. */
function jsonLines(file: string, problems: ImportProblem[], raw = readInput(file, file, problems)): { line: number; value: unknown }[] {
  const out: { line: number; value: unknown }[] = [];
  (raw ?? '').split(/\r?\n/).forEach((l, i) => {
    if (l.trim() === '') { return; }
    try { out.push({ line: i + 1, value: JSON.parse(l) }); } catch (e) { problems.push({ where: `${file}:${i + 1}`, message: `not JSON: ${(e as Error).message}` }); }
  });
  return out;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** spans.jsonl: {text, spans: [{start, end, label, kind?, attributes?}], meta: {path, offset_unit?}}. */
export function parseSpansJsonl(file: string, unit: OffsetUnit): ParsedInput {
  const problems: ImportProblem[] = [];
  const tags: ImportedTag[] = [];
  for (const { line, value } of jsonLines(file, problems)) {
    const where = `${file}:${line}`;
    if (!isObject(value) || typeof value.text !== 'string' || !Array.isArray(value.spans)) { problems.push({ where, message: 'needs "text" and "spans"' }); continue; }
    const meta = isObject(value.meta) ? value.meta : {};
    if (typeof meta.path !== 'string') { problems.push({ where, message: 'needs "meta": {"path": ...} naming the corpus file' }); continue; }
    const text = value.text;
    const map = offsetMapper(text, meta.offset_unit === 'utf16' || meta.offset_unit === 'codepoints' ? meta.offset_unit : unit);
    for (const s of value.spans) {
      const start = isObject(s) && typeof s.start === 'number' ? map.toUtf16(s.start) : undefined;
      const end = isObject(s) && typeof s.end === 'number' ? map.toUtf16(s.end) : undefined;
      if (!isObject(s) || start === undefined || end === undefined || end <= start || typeof s.label !== 'string') {
        problems.push({ where, message: `a span needs whole-number start < end inside the text and a label: ${JSON.stringify(s)}` });
        continue;
      }
      const kind = s.kind === 'claim' || (s.kind === undefined && s.label === 'claim') ? 'claim' : 'entity';
      tags.push({
        path: meta.path, kind, ...(kind === 'entity' ? { label: s.label } : {}), quote: text.slice(start, end),
        prefix: text.slice(Math.max(0, start - 32), start), suffix: text.slice(end, end + 32), start, end,
        attributes: isObject(s.attributes) ? { ...s.attributes } : {},
      });
    }
  }
  return { tags, problems };
}

/** W3C annotations: JSON Lines of Annotation, or one JSON document (AnnotationCollection, AnnotationPage, array). */
export function parseW3c(file: string, unit: OffsetUnit, base: string): ParsedInput {
  const problems: ImportProblem[] = [];
  const raw = readInput(file, file, problems);
  if (raw === undefined) { return { tags: [], problems }; }
  let items: { where: string; value: unknown }[];
  try {
    const whole: unknown = JSON.parse(raw);
    const list = Array.isArray(whole) ? whole
      : isObject(whole) && whole.type === 'AnnotationCollection' && isObject(whole.first) ? (whole.first.items as unknown[] | undefined) ?? []
        : isObject(whole) && whole.type === 'AnnotationPage' ? (whole.items as unknown[] | undefined) ?? [] : [whole];
    items = list.map((value, i) => ({ where: `${file} item ${i + 1}`, value }));
  } catch {
    items = jsonLines(file, problems, raw).map(({ line, value }) => ({ where: `${file}:${line}`, value }));
  }
  const tags: ImportedTag[] = [];
  for (const { where, value } of items) {
    const t = w3cTag(value, unit, base);
    if (typeof t === 'string') { problems.push({ where, message: t }); } else { tags.push(t); }
  }
  return { tags, problems };
}

function w3cTag(a: unknown, unit: OffsetUnit, base: string): ImportedTag | string {
  if (!isObject(a) || a.type !== 'Annotation' || !isObject(a.target)) { return 'not an Annotation with a target'; }
  const source = a.target.source;
  if (typeof source !== 'string') { return 'target has no source'; }
  const rel = source.startsWith(base) ? source.slice(base.length) : source.includes('://') ? undefined : source;
  if (rel === undefined) { return `target source ${source} is not under ${base} (give --base)`; }
  const selectors = Array.isArray(a.target.selector) ? a.target.selector : [a.target.selector];
  const quote = selectors.find((s): s is Json => isObject(s) && s.type === 'TextQuoteSelector');
  if (!quote || typeof quote.exact !== 'string' || quote.exact === '') { return 'needs a TextQuoteSelector with exact text'; }
  const position = selectors.find((s): s is Json => isObject(s) && s.type === 'TextPositionSelector');
  const bodies = (Array.isArray(a.body) ? a.body : [a.body]).filter(isObject);
  const kindField = a['cl:kind'] ?? a[`${CL_NAMESPACE}kind`];
  const isClaim = kindField === 'claim' || bodies.some((b) => b.purpose === 'classifying' && b.value === 'claim');
  const label = bodies.find((b) => b.purpose === 'tagging' && typeof b.value === 'string')?.value as string | undefined;
  if (!isClaim && label === undefined) { return 'needs a tagging body (an entity type) or the classifying body "claim"'; }
  const attributes: Record<string, unknown> = isObject(a['cl:attributes']) ? { ...a['cl:attributes'] } : {};
  if (a['cl:speaker'] !== undefined) { attributes.speaker = a['cl:speaker']; }
  const status = bodies.find((b) => b.purpose === 'assessing')?.value;
  if (typeof status === 'string') { attributes.status = status; }
  const note = bodies.find((b) => b.purpose === 'commenting')?.value;
  if (typeof note === 'string') { attributes.note = note; }
  const u = a['cl:offsetUnit'] === 'utf16' || a['cl:offsetUnit'] === 'codepoints' ? a['cl:offsetUnit'] : unit;
  return {
    path: rel.split('/').map(decodeURIComponent).join('/'), kind: isClaim ? 'claim' : 'entity', ...(isClaim ? {} : { label }),
    quote: quote.exact,
    ...(typeof quote.prefix === 'string' ? { prefix: quote.prefix } : {}),
    ...(typeof quote.suffix === 'string' ? { suffix: quote.suffix } : {}),
    // Positions count in the target's text, which the corpus file's text converts (placing checks the quote).
    ...(position && typeof position.start === 'number' && typeof position.end === 'number' ? { positionUnit: u, start: position.start, end: position.end } : {}),
    attributes,
    ...(typeof creatorName(a.creator) === 'string' ? { author: creatorName(a.creator) } : {}),
  };
}

/** A W3C creator's name: an object with `name` (or `nickname`), or the first of several. */
function creatorName(creator: unknown): string | undefined {
  const c = Array.isArray(creator) ? creator[0] : creator;
  if (!isObject(c)) { return undefined; }
  return typeof c.name === 'string' ? c.name : typeof c.nickname === 'string' ? c.nickname : undefined;
}

/** A brat folder: every .ann beside its .txt (both found recursively); types as brat types, Claim a claim. */
export function parseBrat(folder: string, unit: OffsetUnit): ParsedInput {
  const problems: ImportProblem[] = [];
  const tags: ImportedTag[] = [];
  const listing = walkFolder(folder, { enter: () => true, wants: (rel) => rel.endsWith('.ann') });
  for (const k of listing.skipped) { problems.push({ where: k.path, message: k.message }); }
  for (const relAnn of listing.files) {
    const ann = path.join(folder, ...relAnn.split('/'));
    const txtFile = ann.slice(0, -4) + '.txt';
    const txt = readInputFile(txtFile);
    if (!txt.ok) {
      problems.push(txt.missing ? { where: relAnn, message: 'no .txt beside this .ann' } : { where: relAnn.slice(0, -4) + '.txt', message: txt.message });
      continue;
    }
    const text = txt.text;
    const annText = readInput(ann, relAnn, problems);
    if (annText === undefined) { continue; }
    const docPath = relAnn.slice(0, -4) + '.txt';
    if (bratFiles(docPath).ann !== relAnn) { problems.push({ where: relAnn, message: 'unexpected file name' }); continue; }
    const map = offsetMapper(text, unit);
    const byId = new Map<string, ImportedTag>();
    annText.split(/\r?\n/).forEach((line, i) => {
      const where = `${relAnn}:${i + 1}`;
      const fields = line.split('\t');
      if (line.trim() === '') { return; }
      if (line.startsWith('T')) {
        const m = /^(\S+) (\d+ \d+(?:;\d+ \d+)*)$/.exec(fields[1] ?? '');
        if (fields.length < 3 || !m) { problems.push({ where, message: 'a T line is "Tn<TAB>type start end[;start end]...<TAB>text"' }); return; }
        const frags = m[2].split(';').map((f) => f.split(' ').map((n) => map.toUtf16(Number(n))));
        if (frags.some(([s, e]) => s === undefined || e === undefined || e < s)) { problems.push({ where, message: 'offsets outside the .txt' }); return; }
        const start = frags[0][0]!;
        const end = frags[frags.length - 1][1]!;
        if (frags.map(([s, e]) => text.slice(s, e)).join(' ') !== fields.slice(2).join('\t')) {
          problems.push({ where, message: `the text "${fields.slice(2).join('\t')}" is not what the offsets mark in the .txt` });
          return;
        }
        const claim = m[1] === CLAIM_TYPE;
        byId.set(fields[0], {
          path: docPath, kind: claim ? 'claim' : 'entity', ...(claim ? {} : { label: m[1] }), quote: text.slice(start, end),
          prefix: text.slice(Math.max(0, start - 32), start), suffix: text.slice(end, end + 32), start, end, attributes: {},
        });
      } else if (line.startsWith('A') || line.startsWith('M')) {
        const [name, target, v] = (fields[1] ?? '').split(' ');
        const tag = byId.get(target ?? '');
        if (!tag) { problems.push({ where, message: `attribute of unknown annotation ${target}` }); return; }
        tag.attributes[name === 'Status' ? 'status' : name] = v ?? true;
      } else if (line.startsWith('#')) {
        const target = (fields[1] ?? '').split(' ')[1];
        const tag = byId.get(target ?? '');
        const note = fields.slice(2).join('\t');
        const kv = /^([A-Za-z_][\w-]*): (.*)$/.exec(note);
        if (!tag) { return; }
        if (kv && kv[1] !== 'id') { tag.attributes[kv[1]] = noteValue(kv[2]); } else if (!kv) { tag.attributes.note = note; }
      }
    });
    tags.push(...byId.values());
  }
  return { tags, problems };
}

/** A note's value: the export writes strings as they are and other values as JSON. */
function noteValue(v: string): unknown {
  if (!/^[[{\d"-]|^(true|false|null)$/.test(v)) { return v; }
  try {
    const parsed: unknown = JSON.parse(v);
    return typeof parsed === 'string' ? v : parsed;
  } catch {
    return v;
  }
}
