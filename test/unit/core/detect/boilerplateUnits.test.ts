// The fast shape hash used when indexing must give exactly the shape that the detector's full measure gives.
import * as assert from 'assert';
import { analyseUnits, blockShapes, defaultBoilerplateOptions, detectBoilerplate, foldedWords, shapeOf } from '../../../../src/core/detect/boilerplate';
import { shapeStatsFromCounts } from '../../../../src/core/shapeCounts';
import { TextModel } from '../../../../src/core/text';
import { BlockShaper, measure, shapeHash, WordBits, wordHash, wordTable } from '../../../../src/core/detect/boilerplateUnits';
import { tokenizeWide } from '../../../../src/core/detect/tokens';

const lines = [
  'Updated 3 hours ago - Politics & Policy',
  'Updated 51 mins ago - Politics & Policy',
  "Don’t miss it: the council’s 2026 budget, in 12 charts",
  'ÉTÉ À MONTRÉAL — Ça va? 😀 𝔸 x',
  '12:45 PM · 3/4/2026',
  '--- *** ---',
  '',
  'Sign up for our daily newsletter',
];

describe('shapeHash', () => {
  it('equals the shape measure() computes, for prose, numbers, apostrophes, accents and astral text', () => {
    for (const line of lines) {
      assert.strictEqual(shapeHash(line, 0, line.length, foldedWords), measure(line, 0, line.length, wordTable(new Set(), new Map(), foldedWords)).shape, line);
    }
  });

  it('folds digits and time words so that timestamps share a shape, and gives 0 without letters', () => {
    assert.strictEqual(shapeOf(lines[0]), shapeOf(lines[1]));
    assert.notStrictEqual(shapeOf(lines[0]), shapeOf(lines[7]));
    assert.strictEqual(shapeOf('--- 12 ---'), 0);
  });

  it('gives the index the same block shapes from the detector\'s one-pass measures', () => {
    // A one-line block, a block judged line by line (a menu), a hard-wrapped paragraph judged whole, CRLF, emoji.
    const text = [
      'Updated 3 hours ago',
      '',
      'Home\r\nWorld\r\nSport 😀\r\nWeather',
      '',
      'The council met on Tuesday night and voted to turn the old rail yard',
      'into a park, ending a dispute that had dragged on for most of a decade',
      'and split the neighbourhood into two loud and very tired camps of people.',
      '',
      '12:45',
    ].join('\n');
    const model = new TextModel(text);
    const blocks = model.blocks();
    const analysis = analyseUnits(model, blocks);
    assert.ok(analysis.units.some((u) => u.wholeBlock) && analysis.units.some((u) => !u.wholeBlock), 'both kinds of unit');
    assert.deepStrictEqual(analysis.blockShapes, blockShapes(model, blocks));

    // Without the shapes of blocks judged line by line: those are 0, the others the same, and the findings too.
    const lean = analyseUnits(model, blocks, defaultBoilerplateOptions, false);
    const whole = new Set(analysis.units.filter((u) => u.wholeBlock).map((u) => u.block));
    lean.blockShapes.forEach((s, b) => assert.strictEqual(s, whole.has(b) ? analysis.blockShapes[b] : 0, `block ${b}`));
    const counts = Int32Array.from(blocks, (_, b) => 2 + b);
    assert.deepStrictEqual(
      detectBoilerplate(model, blocks, shapeStatsFromCounts(lean.blockShapes, counts, 4), defaultBoilerplateOptions, lean),
      detectBoilerplate(model, blocks, shapeStatsFromCounts(analysis.blockShapes, counts, 4), defaultBoilerplateOptions, analysis),
    );
  });
});

/** The block shapes from a tokenizer's pass, and the tokenizer's result, beside the same without a shaper. */
function shapedTokens(text: string) {
  const model = new TextModel(text);
  const blocks = model.blocks();
  const shaper = new BlockShaper(text, blocks, foldedWords);
  const shaped = tokenizeWide(text, shaper);
  return { shapes: Array.from(shaper.done()), expected: blockShapes(model, blocks), shaped, plain: tokenizeWide(text) };
}

describe('BlockShaper', () => {
  it('gives blockShapes\' shapes from the tokenizer\'s words, apostrophes, accents and CJK included, and leaves the tokens alone', () => {
    const text = [
      "Don't miss it: the council's 2026 budget, rock'n'roll and the '90s, in 12 charts",
      "It'' s 'quoted' ' x 7'5 o'Clock dogs' bone",
      '',
      'Updated 3 hours ago - Politics & Policy',
      'Updated 51 MINS ago',
      '',
      'ÉTÉ À MONTRÉAL — Ça va? 😀 𝔸 x',
      '',
      '東京の天気は晴れ',
      '',
      '12:45 PM 3/4/2026',
      '--- *** ---',
      '',
      "Sign up\u00a0for our newsletter's end'",
      '',
      'L’été à Paris, “quoted” — it’s l’Été, Łódź żółw, ЖУРНАЛ журнал, 12’5 x’”',
    ].join('\n');
    const r = shapedTokens(text);
    assert.deepStrictEqual(r.shapes, r.expected);
    assert.ok(r.expected.filter((x) => x !== 0).length >= 5);
    assert.deepStrictEqual(r.shaped, r.plain);
  });

  it('agrees with blockShapes on random texts of ASCII, apostrophes, digits, time words, punctuation, capitals and letters of other scripts', () => {
    const pieces = [
      'a', 'B', 'x', 'Zeta', 'hours', 'Monday', '7', '42', "'", "'", ' ', ' ', ' ', '\n', '\n\n', '\r\n', '.', '-', ':', '\t',
      'é', 'É', '’', '’', '“', '—', '\u00a0', 'ж', 'Ж', 'ł', 'Ł', '\u0301', 'ª', '٣', '،', '€', '日', 'の', '😀',
    ];
    let seed = 12345;
    const next = () => { seed = (Math.imul(seed, 1103515245) + 12345) >>> 0; return seed >>> 8; };
    for (let n = 0; n < 1000; n++) {
      let text = '';
      const len = next() % 60;
      // Half of the texts are ASCII only, so that most of their blocks take the shaper's own way.
      const choices = n % 2 === 0 ? 20 : pieces.length;
      for (let i = 0; i < len; i++) { text += pieces[next() % choices]; }
      const r = shapedTokens(text);
      assert.deepStrictEqual(r.shapes, r.expected, JSON.stringify(text));
      assert.deepStrictEqual(r.shaped, r.plain, JSON.stringify(text));
    }
  });
});

describe('WordBits', () => {
  it('gives the bits of every word it holds and 0 for any other, the hash 0 and negative hashes included', () => {
    // Hashes that fill the table's probe chains: many of them share a slot in a table of this size.
    const entries: [number, number][] = [[0, 7], [-1, 3], [0x7fffffff, 1 << 30], [-0x80000000, 5]];
    for (let i = 1; i <= 500; i++) { entries.push([Math.imul(i, 0x10000), i]); }
    const table = new WordBits(entries);
    for (const [h, v] of entries) { assert.strictEqual(table.get(h), v, `hash ${h}`); }
    for (let i = 501; i <= 1000; i++) { assert.strictEqual(table.get(Math.imul(i, 0x10000)), 0); }
    assert.strictEqual(new WordBits([]).get(0), 0);
    assert.strictEqual(new WordBits([[wordHash('the'), 1]]).get(wordHash('The')), 1);
  });
});
