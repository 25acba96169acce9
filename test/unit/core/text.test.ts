// The text model: decoding, line starts, UTF-16 positions, blocks.
import * as assert from 'assert';
import { decodeText, TextModel } from '../../../src/core/text';

const enc = (s: string) => new TextEncoder().encode(s);

describe('decodeText', () => {
  it('strips a UTF-8 BOM so offsets count from the first character, as VS Code does', () => {
    const r = decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...enc('Hello')]), { maxFileBytes: 100 });
    assert.deepStrictEqual(r, { ok: true, text: 'Hello', hadBom: true });
  });

  it('refuses binary, oversized and invalid UTF-8 input with a reason', () => {
    assert.strictEqual((decodeText(new Uint8Array([65, 0, 66]), { maxFileBytes: 100 }) as { reason: string }).reason, 'binary');
    assert.strictEqual((decodeText(enc('x'.repeat(101)), { maxFileBytes: 100 }) as { reason: string }).reason, 'too-large');
    assert.strictEqual((decodeText(new Uint8Array([0xc3, 0x28]), { maxFileBytes: 100 }) as { reason: string }).reason, 'invalid-utf8');
  });

  it('looks for a NUL byte in the first 8 KB only, of a Buffer as of a plain byte array', () => {
    const at = (i: number) => { const b = Buffer.alloc(9000, 0x61); b[i] = 0; return b; };
    assert.strictEqual((decodeText(at(8191), { maxFileBytes: 10000 }) as { reason: string }).reason, 'binary');
    assert.strictEqual((decodeText(new Uint8Array(at(8191)), { maxFileBytes: 10000 }) as { reason: string }).reason, 'binary');
    const late = decodeText(at(8192), { maxFileBytes: 10000 });
    assert.ok(late.ok && late.text.length === 9000 && late.text.charCodeAt(8192) === 0);
  });
});

describe('TextModel', () => {
  it('keeps CRLF in the text and counts it as two code units, excluding it from the line', () => {
    const m = new TextModel('ab\r\ncd\r\n');
    assert.strictEqual(m.lineCount, 3);
    assert.strictEqual(m.lineText(1), 'cd');
    assert.deepStrictEqual(m.positionAt(4), { line: 1, character: 0 });
    assert.strictEqual(m.offsetAt({ line: 1, character: 2 }), 6);
    assert.deepStrictEqual(m.positionAt(3), { line: 0, character: 2 }); // inside the line break
  });

  it('finds the same lines in LF text as in the same text with CRLF, less the extra code units', () => {
    const lf = new TextModel('one\n\ntwo three\nfour\n');
    const crlf = new TextModel('one\r\n\r\ntwo three\r\nfour\r\n');
    assert.strictEqual(lf.lineCount, 5);
    assert.deepStrictEqual([0, 1, 2, 3, 4].map((l) => lf.lineText(l)), [0, 1, 2, 3, 4].map((l) => crlf.lineText(l)));
    assert.deepStrictEqual(lf.positionAt(lf.text.indexOf('three')), { line: 2, character: 4 });
    assert.strictEqual(new TextModel('').lineCount, 1);
    assert.strictEqual(new TextModel('a\rb').lineText(1), 'b'); // a lone CR ends a line, as in VS Code
  });

  it('counts characters outside the BMP as two UTF-16 code units', () => {
    const m = new TextModel('😀 x\n𝔸b');
    assert.deepStrictEqual(m.positionAt(3), { line: 0, character: 3 });
    assert.deepStrictEqual(m.positionAt(m.text.indexOf('b')), { line: 1, character: 2 });
  });

  it('makes one block per paragraph when blank lines separate text', () => {
    const m = new TextModel('First line\nstill first.\n\n  Second.  \n\n\nThird\n');
    const blocks = m.blocks().map((b) => [b.startLine, b.endLine, m.text.slice(b.start, b.end)]);
    assert.deepStrictEqual(blocks, [[0, 1, 'First line\nstill first.'], [3, 3, 'Second.'], [6, 6, 'Third']]);
  });

  it('makes one block per line in a file without blank lines between text, even with a final newline', () => {
    const m = new TextModel('\nOne\nTwo\nThree\n');
    assert.deepStrictEqual(m.blocks().map((b) => b.startLine), [1, 2, 3]);
  });
});
