// A prepare worker of a parallel scan: reads and prepares its share of the files (decode, blocks, shapes,
// tokens, fingerprints) and sends them to the index as transferred typed arrays; later runs the boilerplate
// detector on the same files, given each block's shape count. Between the two it keeps only each file's stamp,
// not its text: phase two reads the file again (if it is unchanged), so a worker's memory does not grow with
// the corpus.
import { parentPort } from 'worker_threads';
import { analyseUnits, detectBoilerplate } from '../core/detect/boilerplate';
import { packDocument, prepareDocument } from '../core/index/prepare';
import { readIfUnchanged, readStamped, SourceStamp } from '../core/index/sourceFile';
import { shapeStatsFromCounts } from '../core/shapeCounts';
import { TextModel } from '../core/text';
import { BoilerplateResult, PreparedFile, PrepareReply, PrepareRequest } from '../core/index/prepareProtocol';

const stamps = new Map<string, SourceStamp | undefined>();
let root = '';
let maxFileBytes = 0;

function reply(r: PrepareReply, transfer: ArrayBuffer[] = []): void {
  parentPort!.postMessage(r, transfer);
}

parentPort?.on('message', (req: PrepareRequest) => {
  try {
    if (req.type === 'prepare') {
      root = req.root;
      maxFileBytes = req.maxFileBytes;
      const files: PreparedFile[] = [];
      const transfer: ArrayBuffer[] = [];
      for (const rel of req.files) {
        const { read: r, stamp } = readStamped(req.root, rel, { maxFileBytes: req.maxFileBytes });
        if (!r.ok) {
          files.push({ path: rel, ok: false, reason: r.reason, message: r.message });
          continue;
        }
        const prepared = prepareDocument(r.text, { k: req.k, window: req.window }, req.boilerplate);
        stamps.set(rel, stamp);
        const { packed, transfer: t } = packDocument(prepared);
        files.push({ path: rel, ok: true, bytes: r.bytes, doc: packed, stamp });
        transfer.push(...t);
      }
      reply({ type: 'prepared', files }, transfer);
    } else {
      const results = req.items.map(({ path: rel, counts }): BoilerplateResult => {
        if (!stamps.has(rel)) { throw new Error(`worker did not prepare ${rel}`); }
        const again = readIfUnchanged(root, rel, stamps.get(rel), { maxFileBytes });
        stamps.delete(rel);
        if (again.changed) { return { path: rel, changed: true }; }
        const model = new TextModel(again.text);
        const blocks = model.blocks();
        const analysis = analyseUnits(model, blocks, req.options);
        // Same stamp, same text, same blocks: a count per block that does not fit means the text is not the same.
        if (analysis.blockShapes.length !== counts.length) { return { path: rel, changed: true }; }
        const stats = shapeStatsFromCounts(analysis.blockShapes, counts, req.totalFiles);
        return { path: rel, changed: false, findings: detectBoilerplate(model, blocks, stats, req.options, analysis) };
      });
      reply({ type: 'boilerplate', results });
    }
  } catch (e) {
    reply({ type: 'error', message: e instanceof Error ? e.stack ?? e.message : String(e) });
  }
});
