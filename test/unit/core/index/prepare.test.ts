// A batch of prepared documents moved into one shared buffer must come out on the other side as the same
// documents: every array equal to the one prepared, every array a view on the one buffer, properly aligned.
import * as assert from 'assert';
import { packBatch, packDocument, prepareDocument, unpackBatch, unpackDocument } from '../../../../src/core/index/prepare';

const texts = [
  'First line of a story about the harbour.\n\nA second paragraph, with words of every length: extraordinarily so.',
  '',
  'One line only, no break',
  'Crlf\r\nlines\r\n\r\nand a lone\rcarriage return, héllo wörld, 😀 and the long word antidisestablishmentarianism.',
  // Gaps of 8 characters between the words, and more tokens than one anchor block holds.
  Array.from({ length: 400 }, (_, i) => `word${i % 37} w${i}`).join(',       '),
];

describe('prepared documents in a shared buffer', () => {
  it('moves the fingerprints of a batch into one ArrayBuffer, every other array into one SharedArrayBuffer, and gives back the same documents', () => {
    const options = { k: 6, window: 10 };
    const prepared = texts.map((t) => prepareDocument(t, options));
    const reference = texts.map((t) => packDocument(prepareDocument(t, options)).packed);
    // Through a structured clone, as a reply between threads goes: the layout is all that says where each array is.
    const batch = structuredClone(packBatch(prepared.map((p) => packDocument(p).packed)));
    const docs = unpackBatch(batch);
    assert.strictEqual(docs.length, texts.length);
    const fingerprints = batch.fingerprints;
    const buffers = new Set<ArrayBufferLike>();
    docs.forEach((d, i) => {
      const r = reference[i];
      for (const key of ['lineStarts', 'lineEnds', 'blocks', 'shapes', 'uniqueShapes', 'tokHash', 'tokBytes', 'tokAnchors', 'tokLong', 'fpHash', 'fpPos'] as const) {
        const a = d[key];
        if (key === 'fpHash' || key === 'fpPos') {
          assert.strictEqual(a.buffer, fingerprints, `${key} of text ${i} is not in the batch's fingerprint buffer`);
          assert.deepStrictEqual(Array.from(a), Array.from(r[key]), `${key} of text ${i}`);
          continue;
        }
        assert.ok(a.buffer instanceof SharedArrayBuffer, `${key} of text ${i} is not shared`);
        assert.strictEqual(a.byteOffset % a.BYTES_PER_ELEMENT, 0, `${key} of text ${i} is not aligned`);
        assert.deepStrictEqual(Array.from(a), Array.from(r[key]), `${key} of text ${i}`);
        buffers.add(a.buffer);
      }
      assert.deepStrictEqual(Array.from(d.tokHash), Array.from(prepared[i].tokens.hash));
      const doc = unpackDocument(d, () => texts[i]);
      assert.deepStrictEqual(doc.blocks, prepared[i].blocks);
      for (let t = 0; t < prepared[i].tokens.count; t++) {
        assert.strictEqual(doc.tokens.offsets.start(t), prepared[i].tokens.offsets.start(t));
        assert.strictEqual(doc.tokens.offsets.end(t), prepared[i].tokens.offsets.end(t));
      }
      assert.strictEqual(doc.model.lineCount, prepared[i].model.lineCount);
    });
    assert.strictEqual(buffers.size, 1, 'the batch is in more than one buffer');
    assert.ok(reference[3].uniqueShapes.length > 0 && reference[3].tokLong.length > 0, 'the sample does not reach the side table or the shapes');
  });
});
