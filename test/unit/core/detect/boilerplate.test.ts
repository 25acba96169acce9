// The boilerplate detector's rules, each on a small invented page: exact codes and ranges (UTF-16 offsets).
import * as assert from 'node:assert/strict';
import { BoilerplateCode, Finding } from '../../../../src/core/findings';
import { TextModel } from '../../../../src/core/text';
import { BoilerplateOptions, defaultBoilerplateOptions, detectBoilerplate, shapeOf, ShapeStats } from '../../../../src/core/detect/boilerplate';
import { splitUnits } from '../../../../src/core/detect/boilerplateUnits';

// Invented article paragraphs: long, sentence-like, rich in function words.
const P1 = 'The town council voted on Tuesday night to turn the old rail yard into a park, ending a dispute that had dragged on for almost a decade and split the neighbourhood into two loud camps.';
const P2 = 'Supporters said the plan would give families a place to walk and play, while the owners of the nearby warehouses argued that the land should be kept for the jobs that it could still bring back.';
const P3 = 'The mayor, who had stayed out of the debate until the last meeting, said she was glad that the council had found a way to move forward, and that the first trees would be planted in the spring.';
const P4 = 'Work on the paths is expected to begin next year, once the soil has been tested and cleaned, and the council will ask residents which kind of playground they would like to see at the north end.';

/** A one-file corpus: every shape is in this file only, unless `filesFor` says otherwise. */
function scan(text: string, filesFor: (shape: number) => number = () => 1, totalFiles = 1, options: Partial<BoilerplateOptions> = {}): { model: TextModel; findings: Finding[] } {
  const model = new TextModel(text);
  const blocks = model.blocks();
  const stats: ShapeStats = { totalFiles, filesWithShape: filesFor };
  return { model, findings: detectBoilerplate(model, blocks, stats, { ...defaultBoilerplateOptions, ...options }) };
}

/** The range of the first occurrence of `line` in `text`. */
function rangeOf(text: string, line: string): { start: number; end: number } {
  const start = text.indexOf(line);
  assert.ok(start >= 0, `fixture holds "${line}"`);
  return { start, end: start + line.length };
}

/** Findings as [code, flagged text], in order. */
function flagged(text: string, findings: Finding[]): [string, string][] {
  return findings.map((f) => [f.code, text.slice(f.start, f.end)]);
}

function page(lines: string[], separator = '\n\n'): string {
  return lines.join(separator) + '\n';
}

describe('boilerplate detector rules', function () {
  it('keeps a plain article', function () {
    const text = page([P1, P2, P3, P4]);
    assert.deepEqual(scan(text).findings, []);
  });

  it('flags a newsletter sign-up prompt with its exact range', function () {
    const prompt = 'Sign up for our weekly newsletter';
    const text = page([P1, P2, prompt, P3, P4]);
    const { findings } = scan(text);
    assert.equal(findings.length, 1);
    assert.equal(findings[0].code, BoilerplateCode.signUp);
    assert.deepEqual({ start: findings[0].start, end: findings[0].end }, rangeOf(text, prompt));
    assert.equal(findings[0].message, 'sign-up or subscription prompt');
    assert.ok(findings[0].score > 0 && findings[0].score <= 1);
  });

  it('flags a photo credit, and the caption just before it unless that is a sentence', function () {
    const caption = 'Children on the grass beside the old signal box';
    const credit = 'Photo: Jane Example/Example Agency';
    const text = page([caption, credit, P1, P2, P3, P4]);
    const { findings } = scan(text);
    assert.deepEqual(flagged(text, findings), [[BoilerplateCode.caption, caption], [BoilerplateCode.photoCredit, credit]]);
    assert.deepEqual({ start: findings[1].start, end: findings[1].end }, rangeOf(text, credit));
    // A sentence above a credit is as often the article's own line (a numbered step, a paragraph) as a caption.
    const sentence = 'Children play on the grass beside the old signal box.';
    const withSentence = page([P1, P2, sentence, credit, P3, P4]);
    assert.deepEqual(flagged(withSentence, scan(withSentence).findings), [[BoilerplateCode.photoCredit, credit]]);
  });

  it('flags photo credits in the devsets\' other languages, but not the word in a sentence', function () {
    const credits = ['Foto: Erika Beispiel/Beispielagentur', 'Bildquelle: Beispielarchiv', 'Fotografía: Archivo Ejemplo', 'Fot. Jan Przykładowy', 'Фото: Иван Примеров'];
    for (const credit of credits) {
      const text = page([P1, P2, credit, P3, P4]);
      assert.deepEqual(flagged(text, scan(text).findings), [[BoilerplateCode.photoCredit, credit]], credit);
    }
    const prose = 'Am Ende des Tages machten wir noch ein Foto von der alten Brücke am Fluss.';
    const text = page([P1, P2, prose, P3, P4]);
    assert.deepEqual(scan(text).findings, []);
  });

  it('flags sign-up, share, read-more, comments, cookie and legal lines in the devsets\' other languages', function () {
    const lines: [string, string][] = [
      [BoilerplateCode.signUp, 'Gib deine E-Mail-Adresse ein, um diesem Blog zu folgen.'],
      [BoilerplateCode.signUp, 'Suscríbete a nuestro boletín'],
      [BoilerplateCode.signUp, 'Abonnez-vous à notre lettre du matin'],
      [BoilerplateCode.share, 'Jetzt teilen'],
      [BoilerplateCode.share, 'Suivez-nous sur Instagram'],
      [BoilerplateCode.readMore, 'Das könnte Sie auch interessieren'],
      [BoilerplateCode.readMore, 'Das Thema könnte dich auch interessieren:'],
      [BoilerplateCode.readMore, 'Czytaj też: Nowy most nad rzeką otwarty'],
      [BoilerplateCode.readMore, 'Artículos relacionados'],
      [BoilerplateCode.comments, 'Schreib einen Kommentar'],
      [BoilerplateCode.cookie, 'Wir verwenden Cookies, um unsere Website für Sie zu verbessern.'],
      [BoilerplateCode.cookie, 'Utilizamos cookies propias y de terceros para mejorar nuestros servicios.'],
      [BoilerplateCode.legal, 'Datenschutzerklärung'],
      [BoilerplateCode.legal, '© 2021 Beispiel Verlag. Alle Rechte vorbehalten.'],
      [BoilerplateCode.legal, 'Todos los derechos reservados'],
    ];
    for (const [code, line] of lines) {
      const text = page([P1, P2, line, P3, P4]);
      assert.deepEqual(flagged(text, scan(text).findings), [[code, line]], line);
    }
  });

  it('takes "copyright" for a notice only when it says whose or since when', function () {
    for (const notice of ['Copyright 2024 Example Media', 'Copyright © Example Media', 'Copyright: Example Media']) {
      const text = page([P1, P2, P3, P4, notice]);
      assert.deepEqual(flagged(text, scan(text).findings), [[BoilerplateCode.legal, notice]], notice);
    }
    const prose = 'With a network of volunteers around the world, the foundation offers free copyright licenses that let anyone share their work on the terms they choose.';
    const text = page([P1, P2, prose, P3, P4]);
    assert.deepEqual(scan(text).findings, []);
  });

  it('flags timestamp lines, absolute and relative', function () {
    const stamps = ['Updated 3 hours ago - Politics & Policy', '51 mins ago - World', 'November 19, 2019 8:03 am ET'];
    const text = page([stamps[0], P1, P2, stamps[1], P3, P4, stamps[2]]);
    const { findings } = scan(text);
    assert.deepEqual(flagged(text, findings), stamps.map((s) => [BoilerplateCode.timestamp, s]));
  });

  it('does not take a sentence that names a day, or an embedded post\'s signature, for a timestamp', function () {
    const text = page([P1, 'On Wednesday, the council members ruled out any delay.', P2, '— Jane Example (@janeexample) November 18, 2019', P3]);
    assert.deepEqual(scan(text).findings, []);
  });

  it('folds timestamps and numbers in shapes, but not different words', function () {
    assert.equal(shapeOf('Updated 3 hours ago - Politics & Policy'), shapeOf('Updated 51 mins ago - Politics & Policy'));
    assert.equal(shapeOf('Nov. 19, 2019'), shapeOf('December 3, 2020'));
    assert.notEqual(shapeOf('Updated 3 hours ago - Politics & Policy'), shapeOf('Updated 3 hours ago - World'));
    assert.equal(shapeOf('12 / 34 -- !!'), 0);
  });

  it('flags a run of short title-case lines as a link list', function () {
    const links = ['Best Parks In The City', 'Where To Walk Your Dog', 'Ten Quiet Benches', 'The Story Of Our Rail Yards', 'Council Meeting Schedule'];
    const text = page([P1, P2, P3, P4, ...links], '\n');
    const { findings } = scan(text);
    assert.deepEqual(flagged(text, findings), links.map((l) => [BoilerplateCode.linkList, l]));
    assert.equal(findings[0].message, 'run of 5 short title-case lines (link list)');
    // A short line right before prose is the prose's heading, not the list's last item.
    const withHeading = page([P1, P2, ...links, P3, P4], '\n');
    assert.deepEqual(flagged(withHeading, scan(withHeading).findings), links.slice(0, 4).map((l) => [BoilerplateCode.linkList, l]));
  });

  it('flags a table of contents whose entries come back as headings', function () {
    const heads = ['How The Plan Began', 'What The Owners Said', 'What Happens Next'];
    const text = page(['Contents', ...heads.map((h) => `- ${h}`), heads[0], P1, heads[1], P2, heads[2], P3], '\n');
    const { findings } = scan(text);
    assert.deepEqual(flagged(text, findings), [
      [BoilerplateCode.tableOfContents, 'Contents'],
      ...heads.map((h): [string, string] => [BoilerplateCode.tableOfContents, `- ${h}`]),
    ]);
  });

  it('judges a short ambiguous line by its neighbours', function () {
    const short = 'Weekend edition';
    // Between boilerplate it is boilerplate...
    const legal = 'Copyright 2024 Example Media. All rights reserved.';
    const noisy = page([P1, P2, P3, 'Advertisement', short, legal]);
    assert.deepEqual(flagged(noisy, scan(noisy).findings), [
      [BoilerplateCode.advertisement, 'Advertisement'], [BoilerplateCode.shortLine, short], [BoilerplateCode.legal, legal],
    ]);
    assert.equal(scan(noisy).findings[1].message, 'short line (2 words) between boilerplate');
    // ...between prose it is content.
    const clean = page([P1, P2, short, P3, P4]);
    assert.deepEqual(scan(clean).findings, []);
  });

  it('keeps a short sentence inside the article', function () {
    const text = page([P1, P2, 'She declined to comment.', P3, P4]);
    assert.deepEqual(scan(text).findings, []);
  });

  it('keeps a short closing sentence of the article before boilerplate, but not a short line without a sentence', function () {
    const closing = 'The next vote is set for the first week of May.';
    const legal = 'Copyright 2024 Example Media. All rights reserved.';
    const text = page([P1, P2, P3, P4, closing, 'Advertisement', legal]);
    assert.deepEqual(flagged(text, scan(text).findings), [[BoilerplateCode.advertisement, 'Advertisement'], [BoilerplateCode.legal, legal]]);
    // Context alone (the short-sentence rule off) would judge it by the advertisement below.
    const model = new TextModel(text);
    const off = detectBoilerplate(model, model.blocks(), { totalFiles: 1, filesWithShape: () => 1 }, { ...defaultBoilerplateOptions, minShortSentenceWords: Infinity });
    assert.deepEqual(flagged(text, off)[0], [BoilerplateCode.shortLine, closing]);
    const heading = 'Weekend edition';
    const menu = page([P1, P2, P3, P4, heading, 'Advertisement', legal]);
    assert.deepEqual(flagged(menu, scan(menu).findings)[0], [BoilerplateCode.shortLine, heading]);
  });

  it('keeps a short sentence beside text that context would judge by the date line on its other side', function () {
    // A post above the page's main text: its opening line sits between a date line and two sentences of the post.
    const opening = 'It was the coldest morning of the winter so far.';
    const post = [
      'We took the dogs out early and walked along the river until the sun came up over the hills.',
      'By the time we came back the kettle was on and the whole house smelled of fresh bread and coffee.',
    ];
    const links = ['Winter walks', 'River paths', 'Bread recipes'];
    const text = page(['Home', 'March 3, 2024 at 10:15', opening, ...post, ...links, P1, P2, P3, P4], '\n');
    const codes = new Map(flagged(text, scan(text).findings).map(([code, line]) => [line, code]));
    assert.equal(codes.get(opening), undefined);
    for (const line of post) { assert.equal(codes.get(line), undefined, line); }
    assert.equal(codes.get('March 3, 2024 at 10:15'), BoilerplateCode.timestamp);
    // With the short-sentence rules off, context judges it by the date line.
    const model = new TextModel(text);
    const off = detectBoilerplate(model, model.blocks(), { totalFiles: 1, filesWithShape: () => 1 }, { ...defaultBoilerplateOptions, minShortSentenceWords: Infinity });
    assert.ok(flagged(text, off).some(([code, line]) => line === opening && code === BoilerplateCode.shortLine));
  });

  it('keeps the lines judged text that follow the main text without boilerplate between them', function () {
    // Not a sentence (no full stop), so it weighs against the main text region; context keeps it, and so does the region now.
    const tail = 'The council will meet again in the spring to talk about the plans for the north end of the new park';
    const text = page([P1, P2, P3, P4, tail, 'Advertisement'], '\n');
    assert.deepEqual(flagged(text, scan(text).findings), [[BoilerplateCode.advertisement, 'Advertisement']]);
    // Another story's opening paragraph, set apart from the text by boilerplate, is still outside it.
    const other = 'In the next valley the farmers have started to plant a new kind of wheat, and they say that it has stood up to the dry summer better than anything they had tried before, even the old seed that their parents used to swear by.';
    const apart = page([P1, P2, P3, P4, 'Advertisement', 'Share', 'Facebook', 'Twitter', 'Email', 'Print', 'Related', other], '\n');
    assert.deepEqual(flagged(apart, scan(apart).findings).slice(-1), [[BoilerplateCode.outsideMainText, other]]);
  });

  it('flags the teaser just before a read-more trailer below the main text, but not the paragraph before a heading', function () {
    const teaser = 'The baker on the high street has kept the same oven going for sixty years, and she says the secret of her bread is in the wood she burns.';
    const trailers = ['Read more', 'Weiterlesen »', 'Seguir leyendo', 'Czytaj dalej', 'Читать далее', '続きを読む'];
    for (const trailer of trailers) {
      const text = page([P1, P2, P3, P4, teaser, trailer], '\n');
      const got = flagged(text, scan(text).findings);
      assert.deepEqual(got.map(([, line]) => line), [teaser, trailer], trailer);
      assert.ok(got.every(([code]) => code === BoilerplateCode.readMore), trailer);
    }
    // A "Related stories" heading follows the article's own last paragraph: that paragraph stays text.
    const related = page([P1, P2, P3, P4, 'Related stories'], '\n');
    assert.deepEqual(flagged(related, scan(related).findings), [[BoilerplateCode.readMore, 'Related stories']]);
    // So does "Read more:", which heads a list of links.
    const heading = page([P1, P2, P3, P4, teaser, 'Read more:'], '\n');
    assert.ok(!flagged(heading, scan(heading).findings).some(([, line]) => line === teaser));
    // Above the main text there is no other story's teaser: a lead before "Read more" is the article's own.
    const lead = page([teaser, 'Read more', P1, P2, P3, P4], '\n');
    assert.ok(!flagged(lead, scan(lead).findings).some(([, line]) => line === teaser));
  });

  it('weighs apart the prose beyond a long run of boilerplate inside the main text region', function () {
    // Teasers with a sentence each, after a box longer than one inside an article: their weight outruns the box's,
    // so the region would run on over them; weighed alone they are far weaker than the article.
    const teasers = [
      'Why the river flooded the lower town twice this year, and what the engineers who looked at the old levee have said about it: they told the council that it was never meant to hold back so much water for so long.',
      'A baker on the high street has kept the same oven going for sixty years, and she says that the secret of her bread is in the wood that she burns, which her family has cut from the same small forest since the war.',
      'The school by the station will close for the whole of the summer while its roof is mended, and the parents were told about the move in a letter that the head teacher sent home with the children on Friday.',
    ];
    const box = ['Most read', 'Local news', 'Weather', 'Sport', 'Opinion', 'Travel', 'Food'];
    const article = [`${P1} ${P2}`, `${P3} ${P4}`, `${P2} ${P3}`, `${P4} ${P1}`, `${P1} ${P3}`, `${P2} ${P4}`];
    const text = page([...article, ...box, ...teasers, '© 2026 The Daily Example'], '\n');
    const codes = new Map(flagged(text, scan(text).findings).map(([code, line]) => [line, code]));
    for (const t of teasers) { assert.equal(codes.get(t), BoilerplateCode.outsideMainText, t); }
    for (const p of article) { assert.equal(codes.get(p), undefined); }
    // A box of a few lines (regionMaxGapLines) inside the article leaves the text after it in the region.
    const inside = page([...article.slice(0, 3), ...box.slice(0, 5), ...teasers, '© 2026 The Daily Example'], '\n');
    const kept = new Map(flagged(inside, scan(inside).findings).map(([code, line]) => [line, code]));
    for (const t of teasers) { assert.equal(kept.get(t), undefined, t); }
  });

  it('keeps the rows of a table of figures inside the main text', function () {
    // Each row alone reads as a menu trail (cells between separators) or an item of a link list.
    const table = ['Town | Rain in May | Rain in June', 'Northfield | 41 mm | 38 mm', 'Eastbrook | 57 mm | 49 mm', 'Westmoor | 33 mm | 30 mm'];
    const text = page([P1, P2, ...table, P3, P4], '\n');
    assert.deepEqual(flagged(text, scan(text).findings), []);
    // The same rows without figures are a menu, and a table below the text is not the text's.
    const menu = ['News | Sport | Weather', 'Travel | Food | Money', 'Jobs | Homes | Cars'];
    const withMenu = page([P1, P2, ...menu, P3, P4], '\n');
    assert.deepEqual(flagged(withMenu, scan(withMenu).findings).map(([, line]) => line), menu);
    const below = page([P1, P2, P3, P4, 'Advertisement', ...table], '\n');
    assert.ok(flagged(below, scan(below).findings).some(([, line]) => line === table[1]));
  });

  it('flags lines repeated within the file', function () {
    const again = 'Please enter a valid email address';
    const text = page([P1, 'Thank you!', P2, 'Thank you!', P3, P4]);
    assert.deepEqual(flagged(text, scan(text).findings), [
      [BoilerplateCode.repeatedInFile, 'Thank you!'], [BoilerplateCode.repeatedInFile, 'Thank you!'],
    ]);
    assert.equal(scan(page([P1, again, P2, P3])).findings[0].code, BoilerplateCode.signUp);
  });

  it('needs a line in several files, and prose in many more, to call it repeated', function () {
    const nav = 'Local News Weather Sports';
    const text = page([nav, P1, P2, P3, P4]);
    const navShape = shapeOf(nav);
    // In 3 of 40 files: the navigation line is repeated boilerplate; the article text in 3 files is not.
    const { findings } = scan(text, (s) => (s === navShape ? 3 : 3), 40);
    assert.deepEqual(flagged(text, findings), [[BoilerplateCode.repeatedAcrossFiles, nav]]);
    assert.equal(findings[0].message, 'appears in 3 files');
    // In 2 files (an article stored twice in a small corpus), nothing is flagged for repetition.
    assert.deepEqual(scan(page([P1, P2, P3, P4]), () => 2, 4).findings, []);
  });

  it('handles CRLF line breaks with the same findings at CRLF offsets', function () {
    const prompt = 'Subscribe to our daily briefing';
    const lf = page([P1, P2, prompt, P3, P4]);
    const crlf = lf.replace(/\n/g, '\r\n');
    const a = scan(lf).findings;
    const b = scan(crlf).findings;
    assert.deepEqual(b.map((f) => f.code), a.map((f) => f.code));
    assert.deepEqual({ start: b[0].start, end: b[0].end }, rangeOf(crlf, prompt));
    const { model } = scan(crlf);
    assert.deepEqual(model.positionAt(b[0].start), { line: 4, character: 0 });
    assert.deepEqual(model.positionAt(b[0].end), { line: 4, character: prompt.length });
  });

  it('counts offsets in UTF-16 code units on lines with emoji', function () {
    const party = 'The crowd cheered 🎉 when the vote was read out, and a few of the older residents, who had fought for the park since the start, said they would bring their grandchildren 🌳 to see it.';
    const share = '👍 Share on Facebook 📣';
    const text = page([P1, party, share, P2, P3]);
    const { model, findings } = scan(text);
    assert.deepEqual(flagged(text, findings), [[BoilerplateCode.share, share]]);
    assert.deepEqual({ start: findings[0].start, end: findings[0].end }, rangeOf(text, share));
    assert.equal(findings[0].end - findings[0].start, share.length); // 22 code units, emoji count 2 each
    assert.deepEqual(model.positionAt(findings[0].end), { line: 4, character: share.length });
  });

  it('judges lines one by one inside a block without blank lines', function () {
    const text = [P1, 'Related Stories', 'Park Plans Unveiled', 'A New Bridge For Cyclists', 'Rail Yard History', 'Advertisement', P2, P3].join('\n') + '\n\n' + P4 + '\n';
    const { findings } = scan(text);
    assert.deepEqual(flagged(text, findings).map(([c, t]) => `${c} ${t}`), [
      `${BoilerplateCode.readMore} Related Stories`,
      `${BoilerplateCode.linkList} Park Plans Unveiled`,
      `${BoilerplateCode.linkList} A New Bridge For Cyclists`,
      `${BoilerplateCode.linkList} Rail Yard History`,
      `${BoilerplateCode.advertisement} Advertisement`,
    ]);
    // The box does not cut the article's first paragraph off from the rest.
    assert.ok(!findings.some((f) => text.slice(f.start, f.end) === P1));
  });

  it('judges a sentence broken over lines (one block per line) as one unit, but not a run of lower-case tags', function () {
    const broken = ['The old station will not be torn down,', 'the council decided on Tuesday night after a long debate', 'about the cost of the repairs.'];
    const tags = ['rail', 'council', 'budget'];
    const text = [...broken, ...tags].join('\n') + '\n';
    const model = new TextModel(text);
    const units = splitUnits(model, model.blocks()).map((u) => text.slice(u.start, u.end));
    assert.deepEqual(units, [broken.join('\n'), ...tags]);
  });

  it('keeps a list of phrases between the paragraphs of the text, but not one of headlines', function () {
    const items = ['two short talks of about 15 minutes each', 'a break for coffee and cake in the hall', 'small groups to plan the next meeting', 'questions from the floor and a vote'];
    const text = page([P1, P2, ...items, P3, P4], '\n');
    assert.deepEqual(scan(text).findings, []);
    // Without the rule the run is a link list (its last item heads the prose below).
    assert.deepEqual(flagged(text, scan(text, () => 1, 1, { insideTextListWords: 0 }).findings), items.slice(0, 3).map((l) => [BoilerplateCode.linkList, l]));
  });

  it('keeps a sentence inside the main text between image buttons', function () {
    const sentence = 'Open the settings page and untick the box next to the update that you want to hide.';
    const junk = 'Click to enlarge';
    const lines = [P1, P2, P3, junk, junk, junk, junk, junk, sentence, junk, junk, junk, P4, P1.replace('town', 'city'), P2.replace('plan', 'idea')];
    const text = page(lines, '\n');
    const texts = (options: Partial<BoilerplateOptions>) => flagged(text, scan(text, () => 1, 1, options).findings).map(([, t]) => t);
    assert.deepEqual(texts({}), new Array<string>(8).fill(junk));
    assert.ok(texts({ insideTextSentences: false }).includes(sentence));
  });

  it('keeps a closing line without final punctuation just below the main text, but not one a heading or a button parts from it', function () {
    // Few function words and no final stop: judged alone it is not prose.
    const closing = 'Green spaces cut summer heat, noise and flooding in crowded districts (City Parks Report 2025)';
    const tail = ['Share', 'Facebook', 'Twitter', '© 2026 The Daily Example'];
    const codes = (lines: string[], options: Partial<BoilerplateOptions> = {}) => {
      const text = page(lines, '\n');
      return new Map(flagged(text, scan(text, () => 1, 1, options).findings).map(([code, line]) => [line, code]));
    };
    assert.equal(codes([P1, P2, P3, P4, closing, ...tail]).get(closing), undefined);
    assert.equal(codes([P1, P2, P3, P4, closing, ...tail]).get('Share'), BoilerplateCode.share);
    // Without the rule it is not prose.
    assert.equal(codes([P1, P2, P3, P4, closing, ...tail], { closingLines: false }).get(closing), BoilerplateCode.notProse);
    // A line between it and the text ends the text: what follows a heading or a button is not the paragraph's.
    assert.notEqual(codes([P1, P2, P3, P4, 'Related stories', closing, ...tail]).get(closing), undefined);
    assert.notEqual(codes([P1, P2, P3, P4, 'Click to enlarge', closing, ...tail]).get(closing), undefined);
    // Another story's headline in title case, long as it is.
    const other = 'Council Votes To Sell Old Depot After Years Of Delay And Protest | Daily Example Staff';
    assert.notEqual(codes([P1, P2, P3, P4, other, ...tail]).get(other), undefined);
    assert.equal(codes([P1, P2, P3, P4, other.toLowerCase(), ...tail]).get(other.toLowerCase()), undefined);
    // Shorter than a paragraph's line (shortChars): a headline's length.
    const headline = 'Summer heat and flooding in districts (Parks Report 2025)';
    assert.notEqual(codes([P1, P2, P3, P4, headline, ...tail]).get(headline), undefined);
  });

  it('goes on with the text below its last line through a sentence that only short lines part from it', function () {
    const sentence = 'The first of the new trees will be planted along the north path in the spring, the council said.';
    const junk = 'Click to enlarge';
    const tail = ['Share', 'Facebook', 'Twitter', '© 2026 The Daily Example'];
    const lines = (between: string[]) => page([P1, P2, P3, P4, junk, ...between, junk, sentence, ...tail], '\n');
    const codes = (text: string, options: Partial<BoilerplateOptions> = {}) => new Map(flagged(text, scan(text, () => 1, 1, options).findings).map(([code, line]) => [line, code]));
    const text = lines(['Video: the new park']);
    assert.equal(codes(text).get(sentence), undefined);
    assert.notEqual(codes(text).get(junk), undefined);
    // Without the rule context judges the sentence by the short lines on both sides.
    assert.equal(codes(text, { afterTextSentences: false }).get(sentence), BoilerplateCode.context);
    // More short lines than a box inside an article holds (regionMaxGapLines) end the text.
    assert.equal(codes(lines(['Video: the new park', 'Photos', 'Maps', 'Events'])).get(sentence), BoilerplateCode.context);
    // So does a read-more heading: what follows it is another story's.
    assert.equal(codes(lines(['Related stories'])).get(sentence), BoilerplateCode.context);
  });

  it('takes a paragraph-length line without a final stop for prose when it has the function words of a sentence', function () {
    const line = 'Residents who came to the hall on Tuesday heard plans for new paths, benches, lamps, a pond, two playgrounds, a skate ramp, public toilets, bike racks, picnic tables, wild flower meadows and a small cafe (Jane Example)';
    const text = page([P1, P2, line, P3, P4]);
    assert.deepEqual(scan(text).findings, []);
    // Without either rule it is not prose (it follows a paragraph of the text, so closingLines would keep it too).
    assert.deepEqual(flagged(text, scan(text, () => 1, 1, { longUnpunctuatedChars: 1000, closingLines: false }).findings), [[BoilerplateCode.notProse, line]]);
  });
});
