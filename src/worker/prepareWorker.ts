// A prepare worker of a parallel scan: reads and prepares its share of the files (decode, blocks, shapes,
// tokens, fingerprints) and sends them to the index as transferred typed arrays; later runs the boilerplate
// detector on the same files, given each block's shape count. It keeps what phase two needs of its files.
import { parentPort } from 'worker_threads';
import { readCorpusFile } from '../core/corpus';
import { detectBoilerplate } from '../core/detect/boilerplate';
import { packDocument, prepareDocument, PreparedDocument } from '../core/index/prepare';
import { shapeStatsFromCounts } from '../core/shapeCounts';
import { PreparedFile, PrepareReply, PrepareRequest } from '../core/index/prepareProtocol';

const kept = new Map<string, Pick<PreparedDocument, 'model' | 'blocks' | 'shapes' | 'analysis'>>();

function reply(r: PrepareReply, transfer: ArrayBuffer[] = []): void {
  parentPort!.postMessage(r, transfer);
}

parentPort?.on('message', (req: PrepareRequest) => {
  try {
    if (req.type === 'prepare') {
      const files: PreparedFile[] = [];
      const transfer: ArrayBuffer[] = [];
      for (const rel of req.files) {
        const r = readCorpusFile(req.root, rel, { maxFileBytes: req.maxFileBytes });
        if (!r.ok) {
          files.push({ path: rel, ok: false, reason: r.reason, message: r.message });
          continue;
        }
        const prepared = prepareDocument(r.text, { k: req.k, window: req.window }, req.boilerplate);
        kept.set(rel, { model: prepared.model, blocks: prepared.blocks, shapes: prepared.shapes, analysis: prepared.analysis });
        const { packed, transfer: t } = packDocument(prepared);
        files.push({ path: rel, ok: true, bytes: r.bytes, doc: packed });
        transfer.push(...t);
      }
      reply({ type: 'prepared', files }, transfer);
    } else {
      const results = req.items.map(({ path: rel, counts }) => {
        const d = kept.get(rel);
        if (!d) { throw new Error(`worker holds no prepared text for ${rel}`); }
        kept.delete(rel);
        const stats = shapeStatsFromCounts(d.shapes, counts, req.totalFiles);
        return { path: rel, findings: detectBoilerplate(d.model, d.blocks, stats, req.options, d.analysis) };
      });
      reply({ type: 'boilerplate', results });
    }
  } catch (e) {
    reply({ type: 'error', message: e instanceof Error ? e.stack ?? e.message : String(e) });
  }
});
