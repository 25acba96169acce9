// The suggestion worker: a long-lived thread that computes entity and claim suggestions for the documents the
// editor shows, so that the extension host's thread never runs the language model (loading it takes about 100 ms,
// once per worker; a 20 KB document then takes about 20 ms). It keeps, per workspace folder, every sidecar's
// annotations, from which it builds the corpus gazetteer (again only after a sidecar changed). Requests run one at
// a time in arrival order; a suggest request that a later queued one for the same document overtakes is skipped.
import * as path from 'path';
import { parentPort } from 'worker_threads';
import type { Annotation } from '../core/annotations/model';
import { sidecarPathFor } from '../core/annotations/sidecarPaths';
import { listCorpusFiles, readCorpusFile } from '../core/corpus';
import { Gazetteer, suggest, wholeWordOccurrences } from '../core/suggest';
import { readCorpusSidecars, readOneSidecar } from '../core/suggest/corpusSidecars';
import { Selection } from './protocol';
import {
  FileOccurrences, FolderRequest, OccurrencesRequest, SidecarsRequest, SuggestRequest, SuggestWorkerReply, SuggestWorkerRequest,
} from './suggestProtocol';

/** Corpus files larger than this are left out of the occurrence count (as the index leaves them out). */
const MAX_FILE_BYTES = 5 * 1024 * 1024;

interface FolderState {
  root: string;
  selection: Selection;
  /** Annotations by the source's absolute path. */
  sidecars: Map<string, Annotation[]>;
  /** Built on first use after a change. */
  gazetteer: Gazetteer | undefined;
}

export class SuggestService {
  private readonly folders = new Map<string, FolderState>();
  private readonly queue: SuggestWorkerRequest[] = [];
  private running = false;

  constructor(private readonly post: (reply: SuggestWorkerReply) => void) {}

  receive(req: SuggestWorkerRequest): void {
    this.queue.push(req);
    if (!this.running) {
      // Start a turn later, so that requests arriving together are all queued and overtaken ones can be seen.
      this.running = true;
      setImmediate(() => void this.pump());
    }
  }

  /** Resolves when every request received so far has been answered (for tests). */
  async idle(): Promise<void> {
    while (this.running || this.queue.length > 0) { await new Promise((r) => setImmediate(r)); }
  }

  private async pump(): Promise<void> {
    try {
      while (this.queue.length > 0) {
        const req = this.queue.shift()!;
        try {
          if (req.type === 'suggest' && this.queue.some((q) => q.type === 'suggest' && q.doc === req.doc)) {
            this.post({ type: 'skipped', id: req.id });
          } else {
            await this.handle(req);
          }
        } catch (e) {
          this.post({ type: 'error', id: req.id, message: e instanceof Error ? e.stack ?? e.message : String(e) });
        }
        // Let messages that arrived meanwhile join the queue, so overtaken requests can be skipped.
        await new Promise((r) => setImmediate(r));
      }
    } finally {
      this.running = false;
    }
  }

  private handle(req: SuggestWorkerRequest): Promise<void> | void {
    switch (req.type) {
      case 'folder': return this.loadFolder(req);
      case 'sidecars': return this.reloadSidecars(req);
      case 'suggest': return this.suggest(req);
      case 'occurrences': return this.occurrences(req);
    }
  }

  private async loadFolder(req: FolderRequest): Promise<void> {
    const problems: string[] = [];
    const read = await readCorpusSidecars(req.root, (m) => problems.push(m));
    const sidecars = new Map([...read].map(([source, info]) => [source, info.annotations] as const));
    this.folders.set(req.folder, { root: req.root, selection: req.selection, sidecars, gazetteer: undefined });
    this.post({ type: 'done', id: req.id, problems });
  }

  private async reloadSidecars(req: SidecarsRequest): Promise<void> {
    const folder = this.folderOf(req.folder);
    const problems: string[] = [];
    for (const source of req.sources) {
      const abs = path.resolve(source);
      let invalid = false;
      const info = await readOneSidecar(sidecarPathFor(abs), folder.root, (m) => { problems.push(m); invalid = true; });
      // An invalid sidecar keeps the annotations last read from it: a half-typed edit should not drop its tags.
      if (info) {
        folder.sidecars.set(abs, info.annotations);
      } else if (!invalid) {
        folder.sidecars.delete(abs);
      }
    }
    folder.gazetteer = undefined;
    this.post({ type: 'done', id: req.id, problems });
  }

  private suggest(req: SuggestRequest): void {
    const started = performance.now();
    const folder = this.folderOf(req.folder);
    folder.gazetteer ??= Gazetteer.fromAnnotations([...folder.sidecars].map(([p, annotations]) => ({ path: p, annotations })));
    const suggestions = suggest(req.text, {
      entities: req.entities, claims: req.claims, gazetteer: folder.gazetteer, annotations: req.annotations,
    });
    this.post({
      type: 'suggestions', id: req.id, doc: req.doc, version: req.version, generation: req.generation, suggestions,
      ms: performance.now() - started,
    });
  }

  private occurrences(req: OccurrencesRequest): void {
    const folder = this.folderOf(req.folder);
    const overlays = new Map(req.overlays.map((o) => [o.path, o.text]));
    const files: FileOccurrences[] = [];
    let unreadable = 0;
    for (const rel of listCorpusFiles(folder.root, folder.selection)) {
      let text = overlays.get(rel);
      if (text === undefined) {
        const read = readCorpusFile(path.join(folder.root, ...rel.split('/')), { maxFileBytes: MAX_FILE_BYTES });
        if (!read.ok) { unreadable++; continue; }
        text = read.text;
      }
      if (!text.includes(req.needle)) { continue; }
      const count = wholeWordOccurrences(text, req.needle).length;
      if (count > 0) { files.push({ path: rel, count }); }
    }
    this.post({ type: 'occurrences', id: req.id, files, unreadable });
  }

  private folderOf(key: string): FolderState {
    const folder = this.folders.get(key);
    if (!folder) { throw new Error(`the suggestion worker has not read the folder ${key}`); }
    return folder;
  }
}

if (parentPort) {
  const port = parentPort;
  const service = new SuggestService((reply) => port.postMessage(reply));
  port.on('message', (req: SuggestWorkerRequest) => service.receive(req));
}
