// Reading and writing a sidecar's YAML through the `yaml` package's document API, so that what a person (or a
// newer version) wrote survives our writes: comments, key order, scalar styles and unknown fields. A write
// patches the parsed document where the data differs and leaves every other node as it was.
import {
  Document, LineCounter, Node, Pair, Scalar, YAMLError, YAMLMap, YAMLSeq,
  isAlias, isMap, isNode, isScalar, isSeq, parseDocument, visit,
} from 'yaml';
import { SidecarError, SidecarIssue } from './errors';
import { Annotation, SidecarData, deepEqual } from './model';
import { DataPath, isPlainObject, validateSidecarData } from './validate';

export interface SidecarLimits {
  /** Sidecars larger than this many bytes are refused unread. */
  maxBytes: number;
  /** Most alias expansions allowed when reading (the `yaml` package's guard against "billion laughs"). */
  maxAliasCount: number;
}

export const defaultSidecarLimits: SidecarLimits = {
  maxBytes: 10 * 1024 * 1024,
  maxAliasCount: 100,
};

/** A sidecar read from text: the document (for writing back) and its data (checked against the format). */
export interface ParsedSidecar {
  doc: Document;
  data: SidecarData;
  /** Line ending used by the file, kept on write. */
  eol: '\n' | '\r\n';
}

const toStringOptions = { lineWidth: 0, minContentWidth: 0, flowCollectionPadding: false } as const;

/** Parses and validates a sidecar. Throws a SidecarError with line and column for anything wrong. */
export function parseSidecar(text: string, file: string, limits: SidecarLimits = defaultSidecarLimits): ParsedSidecar {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > limits.maxBytes) {
    throw new SidecarError(file, 'too-large', [{ message: `sidecar is ${bytes} bytes, over the limit of ${limits.maxBytes}` }]);
  }
  const lineCounter = new LineCounter();
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, strict: true });
  } catch (e) {
    // A pathological input (deep nesting) can exhaust the parser's stack.
    throw new SidecarError(file, 'syntax', [{ message: `cannot parse: ${(e as Error).message}` }]);
  }
  if (doc.errors.length > 0) {
    // A file whose lines end in a lone CR (classic Mac OS) is one long line to YAML: a screen of "nested mappings"
    // errors would hide the cause, so it is said once, where the first lone CR stands.
    const loneCr = text.search(/\r(?!\n)/);
    if (loneCr >= 0 && !/\n/.test(text.slice(0, loneCr))) {
      throw new SidecarError(file, 'syntax', [{
        ...at(lineCounter, loneCr),
        message: 'its lines end in a lone CR (classic Mac OS), which YAML does not read as a line break; convert them to LF or CRLF (e.g. tr \'\\r\' \'\\n\'); it is left untouched until then',
      }]);
    }
    throw new SidecarError(file, 'syntax', doc.errors.slice(0, 20).map((e) => {
      const p = lineCounter.linePos(e.pos[0]);
      return { message: inOurWords(e), line: p.line, col: p.col };
    }));
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: limits.maxAliasCount });
  } catch (e) {
    let where: Omit<SidecarIssue, 'message'> = {};
    visit(doc, { Alias(_k, node) { where = at(lineCounter, node.range?.[0]); return visit.BREAK; } });
    const aliases = e instanceof ReferenceError && /alias/i.test(e.message);
    throw new SidecarError(file, aliases ? 'aliases' : 'syntax', [{
      ...where,
      message: aliases
        ? `too many YAML alias expansions (limit ${limits.maxAliasCount}); sidecars do not need aliases`
        : `cannot read: ${firstLine((e as Error).message)}`,
    }]);
  }
  const issues = validateSidecarData(data);
  if (issues.length > 0) {
    const newer = issues.some((i) => i.path.length === 1 && i.path[0] === 'version' && /newer/.test(i.message));
    throw new SidecarError(file, newer ? 'version' : 'schema', issues.slice(0, 50).map((i) => ({
      ...at(lineCounter, nodeAt(doc, i.path)?.range?.[0]),
      message: describePath(i.path) + i.message,
    })));
  }
  return { doc, data: data as SidecarData, eol: /\r\n/.test(text) ? '\r\n' : '\n' };
}

/** A new sidecar document holding `data`, in the format's key order. */
export function newSidecarDocument(data: SidecarData): Document {
  const doc = new Document(null);
  doc.contents = createNode(doc, { ...data, annotations: [] }) as YAMLMap;
  patchSidecarDocument(doc, data); // annotations through annotationNode, for their layout
  return doc;
}

/**
 * Makes the document's content equal `data`, changing only the nodes whose values differ: annotations are
 * matched by id, new ones appended in `data`'s order, removed ones dropped; unknown fields in `data` are kept
 * as they are.
 */
export function patchSidecarDocument(doc: Document, data: SidecarData): void {
  if (hasAliases(doc)) { expandAliases(doc); }
  if (!isMap(doc.contents)) {
    doc.contents = createNode(doc, data) as YAMLMap;
    return;
  }
  const root = doc.contents;
  const { annotations, ...rest } = data;
  patchMap(doc, root, rest, ['annotations']);
  let seqPair = root.items.find((p) => keyOf(p) === 'annotations');
  if (!seqPair) {
    seqPair = new Pair(createNode(doc, 'annotations'), new YAMLSeq());
    root.items.push(seqPair);
  }
  if (!isSeq(seqPair.value)) { seqPair.value = new YAMLSeq(); }
  const seq = seqPair.value as YAMLSeq;
  const byId = new Map<string, YAMLMap>();
  for (const item of seq.items) {
    if (isMap(item)) {
      const id = item.get('id');
      if (typeof id === 'string') { byId.set(id, item); }
    }
  }
  seq.items = annotations.map((a) => {
    const existing = byId.get(a.id);
    if (existing) {
      patchMap(doc, existing, a, []);
      return existing;
    }
    return annotationNode(doc, a);
  });
}

/**
 * The document as text. The result is parsed back and compared with `expected`: a write that would not read
 * back as the same data is refused rather than made.
 */
export function renderSidecar(doc: Document, expected: SidecarData, eol: '\n' | '\r\n' = '\n'): string {
  let text = doc.toString(toStringOptions);
  const back = parseDocument(text, { uniqueKeys: true });
  if (back.errors.length > 0 || !deepEqual(back.toJS({ maxAliasCount: -1 }), JSON.parse(JSON.stringify(expected)))) {
    throw new Error('internal error: the sidecar would not read back as written; not writing it');
  }
  if (eol === '\r\n') { text = text.replace(/\r?\n/g, '\r\n'); }
  return text;
}

function annotationNode(doc: Document, a: Annotation): YAMLMap {
  const node = createNode(doc, a) as YAMLMap;
  const attrs = node.get('attributes', true);
  // Short attribute maps read best on one line, as in the format's example; longer ones one field a line.
  if (isMap(attrs) && attrs.items.every((p) => isScalar(p.key) && isScalar(p.value))
    && attrs.items.reduce((n, p) => n + String((p.key as Scalar).value).length + String((p.value as Scalar).value).length + 4, 0) <= 60) {
    attrs.flow = true;
  }
  return node;
}

function createNode(doc: Document, value: unknown): Node {
  const node = doc.createNode(value, { aliasDuplicateObjects: false }) as Node;
  visit(node, { Scalar(_k, s) { styleScalar(s); } });
  return node;
}

/** Strings with control characters or line separators are written double-quoted, so they read back exactly. */
function styleScalar(s: Scalar): void {
  if (typeof s.value === 'string' && /[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff]|[\ud800-\udfff]/.test(s.value)) {
    s.type = Scalar.QUOTE_DOUBLE;
  }
}

function patchMap(doc: Document, node: YAMLMap, value: Record<string, unknown>, skip: string[]): void {
  for (const [key, v] of Object.entries(value)) {
    if (v === undefined || skip.includes(key)) { continue; }
    const pair = node.items.find((p) => keyOf(p) === key);
    if (!pair) {
      node.items.push(new Pair(createNode(doc, key), createNode(doc, v)));
      continue;
    }
    patchValue(doc, pair, v);
  }
  node.items = node.items.filter((p) => {
    const k = keyOf(p);
    return k === undefined || skip.includes(k) || value[k] !== undefined;
  });
}

function patchValue(doc: Document, pair: Pair, v: unknown): void {
  const current = pair.value;
  if (deepEqual(jsOf(doc, current), v)) { return; }
  if (isScalar(current) && (v === null || typeof v !== 'object')) {
    current.value = v;
    if (typeof v === 'string' && current.type !== Scalar.PLAIN && current.type !== Scalar.QUOTE_DOUBLE && current.type !== Scalar.QUOTE_SINGLE) {
      current.type = undefined; // a block scalar's chomping no longer fits the new value
    }
    styleScalar(current);
  } else if (isMap(current) && isPlainObject(v)) {
    patchMap(doc, current, v, []);
  } else {
    pair.value = createNode(doc, v);
  }
}

function jsOf(doc: Document, node: unknown): unknown {
  if (node === null || node === undefined) { return null; }
  return isNode(node) ? node.toJS(doc, { maxAliasCount: -1 }) : node;
}

function keyOf(pair: Pair): string | undefined {
  const k = isScalar(pair.key) ? pair.key.value : pair.key;
  return typeof k === 'string' ? k : undefined;
}

function hasAliases(doc: Document): boolean {
  let found = false;
  visit(doc, { Alias() { found = true; return visit.BREAK; } });
  return found;
}

/**
 * Replaces every alias with a copy of what it names and drops the anchors: patching a node in place would
 * otherwise silently change every annotation that aliases it.
 */
function expandAliases(doc: Document): void {
  visit(doc, {
    Alias(_k, alias) {
      const target = alias.resolve(doc);
      return target ? createNode(doc, target.toJS(doc, { maxAliasCount: -1 })) : visit.REMOVE;
    },
  });
  visit(doc, { Node(_k, n) { if (!isAlias(n)) { n.anchor = undefined; } } });
}

/** The deepest node along `path`, for pointing at a problem. */
function nodeAt(doc: Document, path: DataPath): Node | undefined {
  let node: unknown = doc.contents;
  let found: Node | undefined = isNode(node) ? node : undefined;
  for (const seg of path) {
    if (typeof seg === 'number' && isSeq(node)) {
      node = node.items[seg];
    } else if (typeof seg === 'string' && isMap(node)) {
      const pair = node.items.find((p) => keyOf(p) === seg);
      if (!pair) { break; }
      node = pair.value ?? pair.key;
      if (isScalar(node) && node.value === null && isNode(pair.key)) { node = pair.key; }
    } else {
      break;
    }
    if (!isNode(node)) { break; }
    found = node;
  }
  return found;
}

function at(lineCounter: LineCounter, offset: number | undefined): { line?: number; col?: number } {
  if (offset === undefined) { return {}; }
  const p = lineCounter.linePos(offset);
  return { line: p.line, col: p.col };
}

function describePath(path: DataPath): string {
  if (path.length >= 2 && path[0] === 'annotations' && typeof path[1] === 'number') {
    return `annotation ${path[1] + 1}: `;
  }
  return '';
}

/** The parser's message, except where it speaks to a programmer rather than to the person editing the file. */
function inOurWords(e: YAMLError): string {
  if (e.code === 'MULTIPLE_DOCS') {
    return 'more than one YAML document (a second "---" line or text after "..."): a sidecar is one document';
  }
  return firstLine(e.message);
}

function firstLine(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}
