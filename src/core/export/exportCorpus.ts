// The export pipeline. Pass one indexes the corpus as `scan` does (scanAdapter); the near-duplicate clusters are
// settled from their members' sidecars; pass two re-reads each file, checks it is the text that was indexed,
// applies findings and decisions, and hands one document at a time to the format writer. Nothing is dropped
// silently: `removed.jsonl` lists every dropped document, removed span and tag that did not reach the output;
// `warnings.jsonl` lists orphaned annotations, unreadable sidecars and files that changed or could not be read.
import { defaultMinScore } from '../detect/calibration';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { AnnotationStore } from '../annotations/store';
import { applyDecisions, placedDecisions } from '../annotations/decisions';
import { corpusMatcher, CorpusSelection } from '../corpus';
import { BratWriter } from './brat';
import { CleanedText, BoilerplateRule, RemovedSpan, spansToRemove } from './clean';
import { ClusterOutcome, copyDecision, nearDuplicateClusters, resolveCluster } from './clusters';
import { ConllWriter } from './conll';
import { DolmaAttributesWriter } from './dolma';
import { JsonlDocumentsWriter } from './documents';
import { OutputFile } from './lineFile';
import { OffsetUnit, offsetMapper } from './offsets';
import { ParquetDocumentsWriter } from './parquetDocuments';
import { IndexedFile, indexForExport } from './scanAdapter';
import { isTag, loadAnnotations } from './sidecars';
import { readSourceText, textSha256 } from './sourceReader';
import { SpansJsonlWriter } from './spansJsonl';
import { createStage, discardStage, publishedPath, publishStage } from './staging';
import { ANNOTATION_FORMATS, ExportDocument, ExportFormat, FormatWriter, PlacedTag, WriterContext } from './types';
import { W3cWriter } from './w3c';

export interface ExportOptions extends CorpusSelection {
  format: ExportFormat;
  /** The folder the export writes into (created if missing). */
  outDir: string;
  boilerplate?: BoilerplateRule;
  /** Undecided boilerplate is removed only from this score up (default defaultMinScore, 0.85). */
  minScore?: number;
  duplicates?: 'drop' | 'keep-all';
  /** Annotation formats: spans on the source text (default) or on the cleaned text. */
  on?: 'source' | 'cleaned';
  offsets?: OffsetUnit;
  /** W3C targets: the IRI the document paths are resolved against (default: the folder's file: URL). */
  base?: string;
  /** The bundled prepare worker, to index on several threads. */
  workerScript?: string;
  onProgress?: (p: { phase: 'indexing' | 'exporting'; done: number; total: number }) => void;
  isCancelled?: () => boolean;
}

export interface ExportSummary {
  format: ExportFormat;
  documents: number;
  droppedDocuments: number;
  removedSpans: number;
  /** Tags written, and those that did not reach the output (inside removed text, cut by a token). */
  tags: number;
  removedTags: number;
  orphaned: number;
  warnings: number;
  skipped: number;
  /** Sidecars that could not be read: their tags and the editor's decisions in them did not reach the output. */
  invalidSidecars: number;
  files: string[];
}

export class ExportCancelled extends Error {
  constructor() { super('export cancelled'); }
}

/** Whether the export's texts are the cleaned ones (documents, or annotations --on cleaned). */
export function exportsCleanedText(format: ExportFormat, on: 'source' | 'cleaned'): boolean {
  return format === 'jsonl' || format === 'parquet' || (ANNOTATION_FORMATS.includes(format) && on === 'cleaned');
}

export async function exportCorpus(root: string, options: ExportOptions): Promise<ExportSummary> {
  // Everything is written into a staging folder and moved into outDir only once complete (staging.ts). Made
  // before the indexing, so that an output folder that cannot be written fails at once, not after the work.
  const existed = fs.existsSync(options.outDir);
  const stage = createStage(options.outDir);
  let published = false;
  try {
    const summary = await exportStaged(root, options, stage);
    publishStage(stage, options.outDir, root, corpusMatcher(options));
    published = true;
    summary.files = summary.files.map((f) => publishedPath(stage, options.outDir, f));
    return summary;
  } finally {
    if (!published) {
      try {
        discardStage(stage);
        // An output folder this export made is removed again if it stayed empty (rmdir refuses one that is not).
        if (!existed) { fs.rmdirSync(options.outDir); }
      } catch {
        // The error that stopped the export is the one to report.
      }
    }
  }
}

/** The export proper, with every output file written under `stage`. */
async function exportStaged(root: string, options: ExportOptions, stage: string): Promise<ExportSummary> {
  const unit = options.offsets ?? 'codepoints';
  const on = options.on ?? 'source';
  const cleaned = exportsCleanedText(options.format, on);
  const dropDuplicates = (options.duplicates ?? 'drop') === 'drop';
  const rules = { boilerplate: options.boilerplate ?? 'remove', minScore: options.minScore ?? defaultMinScore, dropDuplicates };
  const store = new AnnotationStore({ root });
  const cancelled = () => { if (options.isCancelled?.()) { throw new ExportCancelled(); } };

  const corpus = await indexForExport(root, { include: options.include, exclude: options.exclude, isCancelled: options.isCancelled,
    onProgress: (p) => options.onProgress?.({ phase: 'indexing', done: p.done, total: p.total }) }, options.workerScript);
  cancelled();
  const read = (rel: string) => readSourceText(root, rel, corpus.maxFileBytes);

  const summary: ExportSummary = { format: options.format, documents: 0, droppedDocuments: 0, removedSpans: 0, tags: 0, removedTags: 0, orphaned: 0, warnings: 0, skipped: 0, invalidSidecars: 0, files: [] };
  const removedFile = new OutputFile(path.join(stage, 'removed.jsonl'));
  const warningsFile = new OutputFile(path.join(stage, 'warnings.jsonl'));
  const ctx: WriterContext = {
    outDir: stage, unit,
    removed: (e) => { removedFile.record(e); if (e.type !== 'span' && e.type !== 'document') { summary.removedTags++; } },
    warn: (e) => { warningsFile.record(e); summary.warnings++; },
  };
  for (const s of corpus.skipped) { ctx.warn({ type: 'skipped', path: s.path, reason: s.reason, message: s.message }); summary.skipped++; }

  const clusters = await settleClusters(root, corpus.files, store, read, dropDuplicates);
  const writer = makeWriter(options.format, ctx, options.base ?? pathToFileURL(root + path.sep).href);
  try {
    let done = 0;
    for (const file of corpus.files) {
      cancelled();
      options.onProgress?.({ phase: 'exporting', done: done++, total: corpus.files.length });
      const r = read(file.path);
      if (!r.ok) { ctx.warn({ type: 'unreadable', path: file.path, message: r.message }); summary.skipped++; continue; }
      const text = r.text;
      if (textChanged(file, text)) {
        ctx.warn({ type: 'changed', path: file.path, message: 'the file changed while the corpus was exported; export again' });
        summary.skipped++;
        continue;
      }
      const annotations = await loadAnnotations(store, path.join(root, ...file.path.split('/')), text);
      if (annotations.error) { ctx.warn({ type: 'sidecar', path: file.path, message: annotations.error }); summary.invalidSidecars++; }
      for (const o of annotations.orphans) {
        ctx.warn({ type: 'orphaned', path: file.path, id: o.id, kind: o.kind, label: o.label ?? null, quote: o.quote });
        summary.orphaned++;
      }
      const cluster = clusters.byPath.get(file.path);
      const droppedFor = dropDuplicates ? cluster?.dropped.find((d) => d.path === file.path)?.keptCopy : undefined;
      const tags = annotations.anchored.filter((a) => isTag(a.annotation));
      if (droppedFor !== undefined && cleaned) {
        const d = cluster!.dropped.find((x) => x.path === file.path)!;
        const similarity = file.nearDuplicates.find((n) => n.path === droppedFor)?.similarity
          ?? corpus.files.find((f) => f.path === droppedFor)?.nearDuplicates.find((n) => n.path === file.path)?.similarity ?? null;
        removedFile.record({ type: 'document', path: file.path, code: 'duplicate.near-copy', reason: d.by === 'decision' ? 'marked as the duplicate' : 'near-copy of the kept copy (rule)',
          kept: droppedFor, similarity, tags: tags.length });
        summary.droppedDocuments++;
        summary.removedTags += tags.length;
        continue;
      }
      // The one place the export meets findings with the editor's decisions; everything after reads `findings`.
      const decisions = placedDecisions(annotations.anchored);
      const findings = applyDecisions(file.findings, decisions);
      const spans: RemovedSpan[] = cleaned ? spansToRemove(text, findings, decisions, rules) : [];
      const result = cleaned ? new CleanedText(text, spans) : undefined;
      const srcMap = offsetMapper(text, unit);
      for (const s of spans) {
        removedFile.record({ type: 'span', path: file.path, start: srcMap.fromUtf16(s.start), end: srcMap.fromUtf16(s.end), code: s.code, reason: s.reason, text: text.slice(s.start, s.end) });
      }
      summary.removedSpans += spans.length;
      const placed: PlacedTag[] = [];
      for (const t of tags) {
        const range = result ? result.mapRange(t.start!, t.end!) : { start: t.start!, end: t.end! };
        if (!range) {
          ctx.removed({ type: 'annotation', path: file.path, id: t.annotation.id, kind: t.annotation.kind, label: t.annotation.label ?? null,
            quote: text.slice(t.start!, t.end!), reason: 'inside removed text' });
          continue;
        }
        placed.push({ annotation: t.annotation, ...range });
      }
      const doc: ExportDocument = {
        path: file.path, sha256: file.sha256, source: text, text: result ? result.text : text, removed: spans,
        boilerplateShare: file.boilerplateShare, cluster: cluster?.id ?? null, droppedFor,
        findings,
        tags: placed,
      };
      const before = summary.removedTags;
      await writer.document(doc);
      summary.tags += placed.length - (summary.removedTags - before);
      summary.documents++;
    }
    options.onProgress?.({ phase: 'exporting', done: corpus.files.length, total: corpus.files.length });
    await writer.finish();
  } finally {
    try { removedFile.close(); } finally { warningsFile.close(); }
  }
  summary.files = [...writer.files, removedFile.file, warningsFile.file];
  return summary;
}

function textChanged(file: IndexedFile, text: string): boolean {
  return textSha256(text) !== file.sha256;
}

function makeWriter(format: ExportFormat, ctx: WriterContext, base: string): FormatWriter {
  switch (format) {
    case 'jsonl': return new JsonlDocumentsWriter(ctx);
    case 'parquet': return new ParquetDocumentsWriter(ctx);
    case 'dolma-attributes': return new DolmaAttributesWriter(ctx);
    case 'w3c': return new W3cWriter(ctx, base);
    case 'brat': return new BratWriter(ctx);
    case 'conll': return new ConllWriter(ctx);
    case 'spans-jsonl': return new SpansJsonlWriter(ctx);
  }
}

interface SettledClusters {
  byPath: Map<string, ClusterOutcome>;
}

/** Reads the sidecars of the clustered files (one at a time) and decides which copy each cluster keeps. */
async function settleClusters(
  root: string, files: readonly IndexedFile[], store: AnnotationStore,
  read: (rel: string) => ReturnType<typeof readSourceText>, dropDuplicates: boolean,
): Promise<SettledClusters> {
  const byPath = new Map<string, ClusterOutcome>();
  const info = new Map(files.map((f) => [f.path, f]));
  let id = 0;
  for (const members of nearDuplicateClusters(files)) {
    id++;
    if (!dropDuplicates) {
      const outcome: ClusterOutcome = { id, kept: members, dropped: [] };
      for (const m of members) { byPath.set(m, outcome); }
      continue;
    }
    const described = [];
    for (const m of members) {
      const f = info.get(m)!;
      const r = read(m);
      const annotations = r.ok ? await loadAnnotations(store, path.join(root, ...m.split('/')), r.text) : { anchored: [] };
      const others = new Set(members.filter((x) => x !== m));
      described.push({
        path: m, boilerplateShare: f.boilerplateShare,
        tags: annotations.anchored.filter((a) => isTag(a.annotation)).length,
        decision: copyDecision(applyDecisions(f.findings, placedDecisions(annotations.anchored)), others),
      });
    }
    const outcome = resolveCluster(id, described);
    for (const m of members) { byPath.set(m, outcome); }
  }
  return { byPath };
}
