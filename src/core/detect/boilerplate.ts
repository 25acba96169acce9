// Boilerplate detection, per line (or per block for hard-wrapped paragraphs). Combines repetition across
// documents (of a normalised "shape"), repetition within the document, intrinsic cues in the spirit of jusText
// and the C4/Gopher/FineWeb line rules (length, stop-word density, terminal punctuation, runs of short lines,
// phrasing of sign-up prompts, credits, timestamps, bylines, legal lines, ads), and context: jusText's
// context-sensitive pass, then the main text region found by a maximum-sum segment over the lines' evidence.
import { Finding, BoilerplateCode } from '../findings';
import { TextModel, Block } from '../text';
import { compileCues, Cue, defaultCues, isTimestampLine, Mark, matchCue } from './cues';
import { measure, shapeHash, splitUnits, chooseStopwords, Unit, UnitMeasures, wordHash, wordTable } from './boilerplateUnits';
import { stopwordLanguages, stopwordLists } from './stopwords';
import { boilerplateScore } from './calibration';

export interface BoilerplateOptions {
  /** A line whose shape stands in at least this many files is boilerplate (prose lines need more, below). */
  minFilesForRepeated: number;
  /** ...and in at least this share of the corpus's files, so a few coincidences in a large corpus don't count. */
  minShareForRepeated: number;
  /** A prose line (long, sentence-like) must stand in this many files: syndicated articles repeat prose too. */
  minFilesForRepeatedProse: number;
  /** ...and in this share of the corpus's files. */
  minShareForRepeatedProse: number;
  /** A line that is not prose and stands this many times in one file is boilerplate (prose needs one more). */
  minRepeatsInFile: number;
  /** Lines shorter than this (UTF-16 units) are "short": too short to judge alone (jusText's length_low, 70). */
  shortChars: number;
  /** Lines longer than this with enough function words are "good" prose (jusText's length_high, 200). */
  longChars: number;
  /** Share of function words below which a sentence-like line is not prose (jusText's stopwords_low). */
  stopwordsLow: number;
  /** Share of function words at or above which a sentence-like line reads as prose (jusText's stopwords_high). */
  stopwordsHigh: number;
  /**
   * A line that does not end like a sentence needs this share of function words to be near-good (left to
   * context); below it, it is not prose. On news pages such lines are mostly headlines, teasers and captions.
   */
  stopwordsUnpunctuated: number;
  /**
   * When fewer than this share of a document's words are function words of the best-fitting list, its language
   * has no list, and lines are judged on length and sentence punctuation instead of function words.
   */
  minStopwordHitRate: number;
  /** A short heading-like line followed by good prose within this many characters is a heading (jusText, 200). */
  maxHeadingDistance: number;
  /** A line ending like a sentence with at least this many words is a sentence: inside the main text it is text. */
  minSentenceWords: number;
  /** A short line ending like a sentence, with a function word and this many words, is text inside the main text or beside a line kept as text. */
  minShortSentenceWords: number;
  /** This many consecutive short lines without sentence punctuation make a link list or table of contents. */
  minListRun: number;
  /** A line of a link list has at most this many words... */
  listMaxWords: number;
  /** ...and at most this many characters. */
  listMaxChars: number;
  /** A timestamp line has at most this many words besides the date, the time and words like "updated". */
  timestampMaxOtherWords: number;
  /** Timestamp lines are at most this long. */
  timestampMaxChars: number;
  /**
   * Weight against the main text region of a line judged boilerplate by a cue or by repetition (at least; longer
   * lines weigh their length). Prose weighs its length for the region.
   */
  regionBoilerplateWeight: number;
  /**
   * Text segments whose weight is below this share of the strongest segment are not the main text: their prose
   * is flagged as outside it (related-story teasers, author bios, comments). 0 keeps every segment.
   */
  regionKeepRatio: number;
  /**
   * A weaker segment at most this many lines away from kept text is kept too (a box inside an article); a kept
   * segment that bridges a longer run of lines against the text is weighed piece by piece (see mainTextSegments).
   */
  regionMaxGapLines: number;
  /** Weight of a text segment after a "comments" heading, relative to its length (comments can outweigh the text). */
  regionAfterCommentsFactor: number;
  /** A line of at most this many characters just before a photo credit is a caption (unless it is long prose). */
  captionMaxChars: number;
  /** Between the first and last lines of the main text, near-good sentences are text whatever their neighbours. */
  insideTextSentences: boolean;
  /**
   * A link-list run between the first and last lines of the main text, whose items average at least this many
   * words and mostly hold a function word or a number, is a list of the text (steps, features, an agenda, a
   * table), unless a cue line heads it or its items are in title case (headlines). 0 turns the rule off.
   */
  insideTextListWords: number;
  /**
   * Below the last line of the main text, the text goes on through near-good sentences that only short lines
   * (regionMaxGapLines at most in a row, none a read-more, sign-up or comments cue) part from it: an image's "click to
   * enlarge", an embedded video's label, a step's number. Context would judge such a sentence by those lines.
   */
  afterTextSentences: boolean;
  /**
   * A line just after a line of the main text, judged boilerplate by its own measures or its neighbours alone (no
   * cue, no repetition), with the words of a sentence and a function word, is the text's own: a closing line without
   * final punctuation (a quotation with its author in brackets, a pointer to a source). See keepClosingLines.
   */
  closingLines: boolean;
  /** A line without sentence punctuation longer than this needs only stopwordsLow to be near-good. */
  longUnpunctuatedChars: number;
  /** Phrasing cues, tried in order; see cues.ts for the defaults. */
  cues: readonly Cue[];
}

export const defaultBoilerplateOptions: BoilerplateOptions = {
  minFilesForRepeated: 3,
  minShareForRepeated: 0.001,
  minFilesForRepeatedProse: 5,
  minShareForRepeatedProse: 0.05,
  minRepeatsInFile: 2,
  shortChars: 70,
  longChars: 200,
  stopwordsLow: 0.15,
  stopwordsHigh: 0.25,
  stopwordsUnpunctuated: 0.3,
  minStopwordHitRate: 0.08,
  maxHeadingDistance: 200,
  minSentenceWords: 8,
  minShortSentenceWords: 6,
  minListRun: 3,
  listMaxWords: 12,
  listMaxChars: 100,
  timestampMaxOtherWords: 6,
  timestampMaxChars: 120,
  regionBoilerplateWeight: 80,
  regionKeepRatio: 0.6,
  regionMaxGapLines: 5,
  regionAfterCommentsFactor: 0.3,
  captionMaxChars: 300,
  insideTextSentences: true,
  insideTextListWords: 3,
  afterTextSentences: true,
  longUnpunctuatedChars: 200,
  closingLines: true,
  cues: defaultCues,
};

/** What the corpus knows about shapes, supplied by the index. */
export interface ShapeStats {
  /** Number of distinct files (this one included) holding a block of this shape. */
  filesWithShape(shape: number): number;
  /** Number of files in the corpus. */
  readonly totalFiles: number;
}

/** Words folded to one token in shapes, so "Updated 3 hours ago" and "Updated 51 mins ago" share a shape. */
export const foldedWords: ReadonlySet<number> = new Set(
  ('jan january feb february mar march apr april may jun june jul july aug august sep sept september oct october '
    + 'nov november dec december mon monday tue tues tuesday wed wednesday thu thurs thursday fri friday sat saturday '
    + 'sun sunday s sec secs second seconds m min mins minute minutes h hr hrs hour hours d day days w wk wks week '
    + 'weeks mo mos month months y yr yrs year years am pm').split(' ').map(wordHash),
);

/**
 * The normalised form of a block's text, hashed: case, white space, digits and punctuation folded, and the names
 * of months, weekdays and time units folded to one token, so that "Updated 3 hours ago - Politics & Policy" and
 * "Updated 51 mins ago - Politics & Policy" share a shape. It folds no further (a "word skeleton" would merge
 * unrelated short lines across files); a line like "51 mins ago - World" is caught by the timestamp cue.
 * Returns 0 for a block with no letters (never counted).
 */
export function shapeOf(text: string): number {
  return shapeHash(text, 0, text.length, foldedWords);
}

/** The shapes of a document's blocks, in block order; the index counts them across files. */
export function blockShapes(model: TextModel, blocks: Block[]): number[] {
  return blocks.map((b) => shapeHash(model.text, b.start, b.end, foldedWords));
}

/** Classes of jusText: bad (boilerplate), short (too short to tell), near-good, good (prose). */
const enum Cls { Bad = 0, Short = 1, NearGood = 2, Good = 3 }

interface Verdict {
  code: string;
  message: string;
  score: number;
  /** The line heads the comments (see Cue.startsComments). */
  startsComments?: boolean;
}

const captionVerdict: Verdict = { code: BoilerplateCode.caption, message: 'image caption (followed by a photo credit)', score: boilerplateScore(BoilerplateCode.caption) };

/**
 * What the detector measures of a document before it needs the corpus: its units, their measures (shapes
 * included) and the shapes of its blocks, which the index counts across files. One pass over the text gives both,
 * so a scan that needs the block shapes first and the verdicts later measures each character once.
 */
export interface UnitAnalysis {
  units: Unit[];
  measures: UnitMeasures[];
  /** The document's language has a stop-word list (see minStopwordHitRate). */
  knownLanguage: boolean;
  /**
   * The shape of each block, equal to blockShapes(model, blocks); without `splitBlockShapes`, 0 for the blocks
   * judged line by line (see analyseUnits).
   */
  blockShapes: number[];
}

/**
 * The units of a document and their measures. `splitBlockShapes` false leaves the shape of a block judged line by
 * line at 0: the detector looks up only the shapes of units that are whole blocks, so a caller that has the block
 * shapes from the index already (a worker's second pass) need not hash those blocks again.
 */
export function analyseUnits(model: TextModel, blocks: Block[], options: BoilerplateOptions = defaultBoilerplateOptions, splitBlockShapes = true): UnitAnalysis {
  const text = model.text;
  const units = splitUnits(model, blocks);
  const { list: stopwords, second, hitRate } = chooseStopwords(text, stopwordLists, stopwordLanguages);
  const table = wordTable(stopwords.hashes, compileCues(options.cues).wordBits, foldedWords, second?.hashes);
  const measures: UnitMeasures[] = new Array(units.length);
  const shapes: number[] = new Array(blocks.length).fill(-1);
  for (let i = 0; i < units.length; i++) {
    const u = units[i];
    measures[i] = measure(text, u.start, u.end, table);
    if (u.wholeBlock) { shapes[u.block] = measures[i].shape; }
  }
  // Blocks judged line by line still need their own shape, for the index.
  for (let b = 0; b < blocks.length; b++) {
    if (shapes[b] === -1) { shapes[b] = splitBlockShapes ? shapeHash(text, blocks[b].start, blocks[b].end, foldedWords) : 0; }
  }
  // A language without a list (hit rate near 0) is judged on length and sentence punctuation alone.
  return { units, measures, knownLanguage: hitRate >= options.minStopwordHitRate, blockShapes: shapes };
}

/**
 * The boilerplate findings of a document, given what the corpus knows about its block shapes. `analysis` is the
 * document's analyseUnits result when the caller computed it already (with the same options).
 */
export function detectBoilerplate(
  model: TextModel,
  blocks: Block[],
  stats: ShapeStats,
  options: BoilerplateOptions = defaultBoilerplateOptions,
  analysis: UnitAnalysis = analyseUnits(model, blocks, options),
): Finding[] {
  const o = options;
  const { units, measures, knownLanguage } = analysis;
  const n = units.length;
  if (n === 0) { return []; }
  const cues = compileCues(o.cues);
  const sliceChars = Math.max(cues.maxChars, o.timestampMaxChars);
  const unitShapes = new Float64Array(n);
  const texts: string[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const u = units[i];
    // Only lines short enough for some cue are matched, so only they are sliced.
    texts[i] = measures[i].chars <= sliceChars ? model.text.slice(u.start, u.end) : '';
    unitShapes[i] = measures[i].shape;
  }

  // 1. Intrinsic quality, and the verdicts that context cannot overturn (cues, repetition).
  const quality: Cls[] = new Array(n);
  const cls: Cls[] = new Array(n);
  const locked: (Verdict | undefined)[] = new Array(n);
  const total = Math.max(1, stats.totalFiles);
  // Repeats within the file, counted on the sorted shapes (52-bit shapes would be boxed as Map keys).
  const sortedShapes = unitShapes.slice().sort();
  const minFiles = Math.max(o.minFilesForRepeated, Math.ceil(o.minShareForRepeated * total));
  const minFilesProse = Math.max(o.minFilesForRepeatedProse, Math.ceil(o.minShareForRepeatedProse * total));
  for (let i = 0; i < n; i++) { quality[i] = intrinsic(measures[i], knownLanguage, o); }
  const isProse = (i: number) => quality[i] === Cls.Good || (quality[i] === Cls.NearGood && measures[i].terminal);
  for (let i = 0; i < n; i++) {
    const m = measures[i];
    const t = texts[i];
    const cue = m.chars <= cues.maxChars ? matchCue(t, cues, m.gateBits, m.marks) : undefined;
    if (cue) {
      locked[i] = { code: cue.code, message: cue.message, score: cue.score, startsComments: cue.startsComments };
    } else if (m.digits > 0 && m.chars <= o.timestampMaxChars && isTimestampLine(t, m.terminal && m.stops > 1 ? 1 : o.timestampMaxOtherWords)) {
      locked[i] = { code: BoilerplateCode.timestamp, message: 'date or time line', score: boilerplateScore(BoilerplateCode.timestamp) };
    } else if (unitShapes[i] !== 0) {
      // The index counts block shapes, so only a unit that is a whole block can be looked up across files.
      const files = units[i].wholeBlock ? stats.filesWithShape(unitShapes[i]) : 0;
      const repeats = countOf(sortedShapes, unitShapes[i]);
      // A line repeated once and followed by prose is a section heading (a table of contents repeats them).
      const heading = !m.terminal && repeats === o.minRepeatsInFile && i + 1 < n && isProse(i + 1);
      if (files >= (isProse(i) ? minFilesProse : minFiles)) {
        locked[i] = { code: BoilerplateCode.repeatedAcrossFiles, message: `appears in ${files} files`, score: boilerplateScore(BoilerplateCode.repeatedAcrossFiles) };
      } else if (repeats >= o.minRepeatsInFile + (isProse(i) ? 1 : 0) && !heading) {
        locked[i] = { code: BoilerplateCode.repeatedInFile, message: `repeated ${repeats} times in this file`, score: boilerplateScore(BoilerplateCode.repeatedInFile) };
      }
    }
    cls[i] = locked[i] ? Cls.Bad : quality[i];
  }

  // 2. Runs of short lines without sentences: link lists, menus, tables of contents.
  markListRuns(n, measures, quality, isProse, unitShapes, locked, cls, o);

  // 3. Captions: a line that is neither long prose nor a sentence, just before a photo credit (on trafilatura's
  // pages a sentence above a credit is as often the article's own line as a caption).
  for (let i = 0; i + 1 < n; i++) {
    if (!locked[i] && quality[i] !== Cls.Good && !isSentence(measures[i], o) && locked[i + 1]?.code === BoilerplateCode.photoCredit && measures[i].chars <= o.captionMaxChars) {
      locked[i] = captionVerdict;
      cls[i] = Cls.Bad;
    }
  }

  // 4. The main text: the segments of lines whose evidence sums highest.
  const keep = mainTextSegments(quality, measures, locked, o);
  // Inside them, near-good lines, sentences poor in function words (scores, names) and short sentences (a closing
  // line, a numbered step) are text too: context would judge a short sentence by a menu beside it.
  for (let i = 0; i < n; i++) {
    if (keep[i] && (cls[i] === Cls.NearGood || (cls[i] === Cls.Short && isShortSentence(measures[i], o)) || (cls[i] === Cls.Bad && !locked[i] && isSentence(measures[i], o)))) { cls[i] = Cls.Good; }
  }

  // 5. jusText's context-sensitive pass: short and near-good lines take the class of their neighbours.
  const final = reviseByContext(cls, measures, o);
  // Above the main text, a sentence with enough function words (near-good) is the lead or standfirst, even
  // between menus: context does not overturn it there (below the text it would be another story's, see 6).
  const first = keep.indexOf(1);
  for (let i = 0; i < (first < 0 ? n : first); i++) {
    if (final[i] === Cls.Bad && !locked[i] && quality[i] === Cls.NearGood && isSentence(measures[i], o)) { final[i] = Cls.Good; }
  }

  // A sentence beside a line kept as text goes with it (an opening line above the text, a short reply in a
  // dialogue, the closing line): context would judge it by the menu on its other side.
  const besideText = (i: number) => !locked[i] && isShortSentence(measures[i], o);
  for (let i = 1; i < n; i++) { if (final[i] === Cls.Bad && final[i - 1] === Cls.Good && besideText(i)) { final[i] = Cls.Good; } }
  for (let i = n - 2; i >= 0; i--) { if (final[i] === Cls.Bad && final[i + 1] === Cls.Good && besideText(i)) { final[i] = Cls.Good; } }

  // Between the first and the last line of the main text, a sentence with enough function words is the text's
  // own, even between image captions, step numbers or buttons: context would judge it by them (another story's
  // teaser follows the text, it does not stand inside it).
  const last = keep.lastIndexOf(1);
  if (o.insideTextListWords > 0 && first >= 0) { keepListsInsideText(first, last, final, keep, locked, measures, o); }
  if (first >= 0) { keepTablesInsideText(first, last, final, keep, locked, measures, texts, o); }
  if (o.insideTextSentences) {
    for (let i = first + 1; first >= 0 && i < last; i++) {
      if (final[i] === Cls.Bad && !locked[i] && ((quality[i] === Cls.NearGood && isSentence(measures[i], o)) || (quality[i] === Cls.Short && isShortSentence(measures[i], o)))) { final[i] = Cls.Good; keep[i] = 1; }
    }
  }

  if (o.afterTextSentences && first >= 0) { continueTextBelow(last, final, keep, locked, quality, measures, o); }

  if (o.closingLines && first >= 0) { keepClosingLines(first, last, final, keep, locked, measures, o); }

  // 6. Prose away from the main text is another story's, a bio or a comment.
  const outside = outsideMainText(final, keep, quality, measures, o);
  // A line just before a "Read more" trailer, below the start of the main text, is another story's teaser (a
  // list of posts shows each as title, teaser, trailer), even when it reads as prose and lies in a kept segment.
  // Only trailers count: a "Related stories" heading follows the article's own last paragraph.
  // The trailers the cues do not know (in Russian or Japanese) are read-more markers too.
  for (let i = first + 1; first >= 0 && i + 1 < n; i++) {
    const next = locked[i + 1];
    if (!locked[i] && (final[i] !== Cls.Bad || outside[i]) && (!next || next.code === BoilerplateCode.readMore) && measures[i + 1].chars <= trailerMaxChars && texts[i + 1] !== '' && readMoreTrailer.test(texts[i + 1])) {
      locked[i] = teaserVerdict;
      final[i] = Cls.Bad;
      outside[i] = false;
      if (!next) { locked[i + 1] = trailerVerdict; final[i + 1] = Cls.Bad; outside[i + 1] = false; }
    }
  }

  const out: Finding[] = [];
  for (let i = 0; i < n; i++) {
    if (final[i] !== Cls.Bad && !outside[i]) { continue; }
    const v = final[i] !== Cls.Bad ? outsideVerdict : locked[i] ?? contextVerdict(quality[i], measures[i]);
    out.push({ kind: 'boilerplate', code: v.code, message: v.message, score: round2(v.score), start: units[i].start, end: units[i].end, related: [] });
  }
  return out;
}

/** jusText's context-free class of a line, from its length, function words and punctuation. */
function intrinsic(m: UnitMeasures, knownLanguage: boolean, o: BoilerplateOptions): Cls {
  const density = !knownLanguage ? (m.terminal ? o.stopwordsHigh : o.stopwordsLow) : m.words === 0 ? 0 : m.stops / m.words;
  if (m.letterWords === 0) { return m.chars < o.shortChars ? Cls.Short : Cls.Bad; }
  if (m.glued >= 2 && m.glued * 4 >= m.letterWords) { return Cls.Bad; }
  // Too short to judge alone; so is a heading-length line without sentence punctuation (context decides).
  if (m.chars < o.shortChars || (!m.terminal && m.words <= o.listMaxWords && m.chars <= o.listMaxChars)) { return Cls.Short; }
  // A paragraph-length line that lacks the final stop (it ends in a link, a name in brackets or an emoji) needs
  // only the function words of a sentence; shorter unpunctuated lines are mostly headlines and teasers.
  if (!m.terminal) { return density >= (m.chars > o.longUnpunctuatedChars ? o.stopwordsLow : o.stopwordsUnpunctuated) ? Cls.NearGood : Cls.Bad; }
  if (density >= o.stopwordsHigh) { return m.chars > o.longChars ? Cls.Good : Cls.NearGood; }
  return density >= o.stopwordsLow ? Cls.NearGood : Cls.Bad;
}

function contextVerdict(q: Cls, m: UnitMeasures): Verdict {
  if (q === Cls.Bad) {
    if (m.glued >= 2 && m.glued * 4 >= m.letterWords) {
      return { code: BoilerplateCode.navigation, message: 'links run together without spaces', score: boilerplateScore(BoilerplateCode.navigation) };
    }
    const pct = Math.round(100 * (m.words === 0 ? 0 : m.stops / m.words));
    return { code: BoilerplateCode.notProse, message: `not prose: ${pct}% function words`, score: boilerplateScore(BoilerplateCode.notProse) };
  }
  if (q === Cls.Short) {
    return { code: BoilerplateCode.shortLine, message: `short line (${m.words} ${m.words === 1 ? 'word' : 'words'}) between boilerplate`, score: boilerplateScore(BoilerplateCode.shortLine) };
  }
  return { code: BoilerplateCode.context, message: 'line between boilerplate, not long enough to stand alone', score: boilerplateScore(BoilerplateCode.context) };
}

/** A line that ends like a sentence and has the words of one (at least `minSentenceWords`). */
function isSentence(m: UnitMeasures, o: BoilerplateOptions): boolean {
  return m.terminal && m.words >= o.minSentenceWords;
}

/** A line that ends like a sentence, with a function word and at least `minShortSentenceWords` words. */
function isShortSentence(m: UnitMeasures, o: BoilerplateOptions): boolean {
  return m.terminal && m.stops > 0 && m.words >= o.minShortSentenceWords;
}

function isListLine(m: UnitMeasures, q: Cls, o: BoilerplateOptions): boolean {
  return q !== Cls.Good && m.letterWords > 0 && m.words <= o.listMaxWords && m.chars <= o.listMaxChars && !m.terminal;
}

/**
 * A trailer that ends another story's teaser, in the devsets' languages (English, German, Spanish, French, Italian,
 * Portuguese, Polish, Russian, Japanese): the whole line is the link. Ending in a colon ("Read more:"), it heads
 * a list of links, and the paragraph above it is the article's last.
 */
const readMoreTrailer = /^(?!.*:\s*$)[\s\W]*(?:read more|continue reading|keep reading|read (?:the )?full (?:story|article|post)|weiterlesen|mehr lesen|(?:den )?(?:ganzen|vollständigen) (?:artikel|beitrag) lesen|le[ea]r? más|seguir leyendo|lire (?:la suite|plus)|leggi (?:tutto|di più)|continua a leggere|leia mais|continuar lendo|czytaj (?:więcej|dalej)|читать (?:далее|дальше|полностью)|続きを読む|もっと読む)[\s\W]*$/iu;

/** Trailers are short ("den vollständigen Artikel lesen »" is 33): longer lines are not tried. */
const trailerMaxChars = 48;

const trailerVerdict: Verdict = { code: BoilerplateCode.readMore, message: 'read-more link', score: boilerplateScore(BoilerplateCode.readMore) };

const teaserVerdict: Verdict = { code: BoilerplateCode.readMore, message: 'teaser of another story (followed by a read-more link)', score: boilerplateScore(BoilerplateCode.readMore) };

const outsideVerdict: Verdict = { code: BoilerplateCode.outsideMainText, message: 'prose away from the main text (another story, a bio or a comment)', score: boilerplateScore(BoilerplateCode.outsideMainText) };

/**
 * Evidence that a line belongs to the running text: prose counts for its length, lines judged boilerplate against
 * it. The segments with the highest sums (Kadane, split where the running sum falls to zero) are the text; good
 * lines in segments much weaker than the best one are marked as outside it. Inside a segment kept, a piece beyond a
 * run of more lines against the text than regionMaxGapLines is dropped when it weighs less than half the keep ratio
 * of the segment's strongest piece (see splitSegment).
 */
function mainTextSegments(quality: Cls[], measures: UnitMeasures[], locked: (Verdict | undefined)[], o: BoilerplateOptions): Uint8Array {
  const n = quality.length;
  const w = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const m = measures[i];
    if (locked[i]) { w[i] = -Math.max(o.regionBoilerplateWeight, m.chars); }
    else if (quality[i] === Cls.Good) { w[i] = m.chars; }
    else if (quality[i] === Cls.NearGood) { w[i] = m.terminal ? m.chars * 0.75 : -m.chars / 4; }
    else if (quality[i] === Cls.Short) { w[i] = m.terminal && m.stops > 0 ? m.chars / 4 : -o.regionBoilerplateWeight / 4; }
    else { w[i] = isSentence(m, o) ? 0 : -Math.max(o.regionBoilerplateWeight / 2, m.chars / 2); }
  }
  const segs: { from: number; to: number; sum: number }[] = [];
  let run = 0, from = 0, best = 0, bestEnd = -1, afterComments = false;
  for (let i = 0; i <= n; i++) {
    // A comments heading ends the running text, and the comments after it weigh less. (A "related stories"
    // heading does not end it: such boxes often stand in the middle of an article.)
    const barrier = i < n && locked[i]?.startsComments === true;
    if (i < n && !barrier) { run += w[i]; }
    if (i === n || barrier || run <= 0) {
      if (best > 0) { segs.push({ from, to: bestEnd, sum: afterComments ? best * o.regionAfterCommentsFactor : best }); }
      run = 0; best = 0; from = i + 1; bestEnd = -1;
      if (barrier) { afterComments = true; }
    } else if (run > best) { best = run; bestEnd = i; }
  }
  const keep = new Uint8Array(n);
  const top = segs.reduce((a, s) => Math.max(a, s.sum), 0);
  // The strong segments are text, and so are the segments a short box (a few lines) away from text kept.
  const kept = segs.map((s) => top > 0 && s.sum >= o.regionKeepRatio * top);
  const near = (a: number, b: number) => segs[b].from - segs[a].to - 1 <= o.regionMaxGapLines;
  for (let k = 1; k < segs.length; k++) { if (!kept[k] && kept[k - 1] && near(k - 1, k)) { kept[k] = true; } }
  for (let k = segs.length - 2; k >= 0; k--) { if (!kept[k] && kept[k + 1] && near(k, k + 1)) { kept[k] = true; } }
  segs.forEach((s, k) => {
    if (!kept[k]) { return; }
    const pieces = splitSegment(s.from, s.to, w, o.regionMaxGapLines + 1);
    const strongest = pieces.reduce((a, p) => Math.max(a, p.sum), 0);
    for (const p of pieces) { if (p.sum >= (o.regionKeepRatio / 2) * strongest) { keep.fill(1, p.from, p.to + 1); } }
  });
  return keep;
}

/**
 * The pieces of a segment between the runs of at least `gap` consecutive lines that weigh against the text (more
 * lines than a box inside an article holds, regionMaxGapLines). Kadane joins across such a run whenever the lines
 * after it outweigh it, as the teasers of a "Most read" box below an article do; weighed alone, such a piece is far
 * weaker than the article.
 */
function splitSegment(from: number, to: number, w: Float64Array, gap: number): { from: number; to: number; sum: number }[] {
  const pieces: { from: number; to: number; sum: number }[] = [];
  const push = (a: number, b: number) => {
    let sum = 0;
    for (let i = a; i <= b; i++) { sum += w[i]; }
    if (b >= a) { pieces.push({ from: a, to: b, sum }); }
  };
  let start = from, against = 0;
  for (let i = from; i <= to; i++) {
    if (w[i] < 0) { against++; continue; }
    if (against >= gap) { push(start, i - against - 1); start = i; }
    against = 0;
  }
  push(start, to);
  return pieces;
}

/** Lines judged text that lie after the main text's start outside the kept segments (and don't lead into them, as a title does). */
function outsideMainText(final: Cls[], keep: Uint8Array, quality: Cls[], measures: UnitMeasures[], o: BoilerplateOptions): boolean[] {
  const n = final.length;
  const out = new Array<boolean>(n).fill(false);
  if (o.regionKeepRatio <= 0 || !keep.includes(1)) { return out; }
  // Prose above the main text is its lead or standfirst far more often than another story: what stands apart from
  // an article (related stories, bios, comments) follows it. So only lines after the first kept one are flagged.
  for (let i = keep.indexOf(1) + 1; i < n; i++) {
    if (final[i] !== Cls.Bad && !keep[i] && !leadsInto(i)) { out[i] = true; }
  }
  // A run of lines judged text that touches the kept text, with no boilerplate line between, goes on with it.
  for (let i = 1; i < n; i++) { if (out[i] && final[i - 1] !== Cls.Bad && !out[i - 1]) { out[i] = false; } }
  for (let i = n - 2; i >= 0; i--) { if (out[i] && final[i + 1] !== Cls.Bad && !out[i + 1]) { out[i] = false; } }
  return out;

  /** A heading-like line just before kept text (within a few short lines): the text's title or a subheading. */
  function leadsInto(i: number): boolean {
    if (measures[i].terminal || quality[i] !== Cls.Short) { return false; }
    let dist = 0;
    for (let j = i + 1; j < n && dist <= o.maxHeadingDistance; j++) {
      if (keep[j]) { return true; }
      dist += measures[j].chars;
    }
    return false;
  }
}

function markListRuns(
  n: number, measures: UnitMeasures[], quality: Cls[], isProse: (i: number) => boolean, unitShapes: Float64Array,
  locked: (Verdict | undefined)[], cls: Cls[], o: BoilerplateOptions,
): void {
  // Where each shape stands last as a heading (followed by prose): a table of contents lists the headings.
  const headingAt = new Map<number, number>();
  for (let i = 0; i + 1 < n; i++) {
    if (unitShapes[i] !== 0 && isProse(i + 1)) { headingAt.set(unitShapes[i], i); }
  }
  // A short line followed by prose is the prose's heading, not an item of a list.
  const item = (k: number) => isListLine(measures[k], quality[k], o) && !(k + 1 < n && isProse(k + 1));
  let i = 0;
  while (i < n) {
    if (!item(i)) { i++; continue; }
    let j = i;
    while (j < n && item(j)) { j++; }
    const len = j - i;
    if (len >= o.minListRun) {
      let title = 0, later = 0;
      for (let k = i; k < j; k++) {
        const m = measures[k];
        if (m.letterWords > 0 && m.capWords / m.letterWords >= 0.6) { title++; }
        if ((headingAt.get(unitShapes[k]) ?? k) > j) { later++; }
      }
      const tocHeading = i > 0 && locked[i - 1]?.code === BoilerplateCode.tableOfContents;
      const toc = tocHeading || later * 2 >= len;
      const kind = title * 5 >= len * 3 ? 'title-case lines' : 'lines without sentences';
      const v: Verdict = toc
        ? { code: BoilerplateCode.tableOfContents, message: `run of ${len} short ${kind} (table of contents)`, score: boilerplateScore(BoilerplateCode.tableOfContents) }
        : { code: BoilerplateCode.linkList, message: `run of ${len} short ${kind} (link list)`, score: boilerplateScore(BoilerplateCode.linkList) };
      for (let k = i; k < j; k++) {
        // A table of contents says more than "repeated" about its entries (they repeat the headings).
        if (!locked[k] || (toc && locked[k]?.code === BoilerplateCode.repeatedInFile)) { locked[k] = v; }
        cls[k] = Cls.Bad;
      }
    }
    i = j;
  }
}

/** See BoilerplateOptions.insideTextListWords: such runs become text (and part of the main text). */
function keepListsInsideText(
  first: number, last: number, final: Cls[], keep: Uint8Array, locked: (Verdict | undefined)[], measures: UnitMeasures[], o: BoilerplateOptions,
): void {
  const isList = (k: number) => locked[k]?.code === BoilerplateCode.linkList;
  let i = first + 1;
  while (i < last) {
    if (!isList(i)) { i++; continue; }
    let j = i;
    while (j < last && isList(j)) { j++; }
    let words = 0, rich = 0, title = 0;
    for (let k = i; k < j; k++) {
      const m = measures[k];
      words += m.words;
      if (m.stops > 0 || m.digits > 0) { rich++; }
      if (m.letterWords > 0 && m.capWords / m.letterWords >= 0.6) { title++; }
    }
    const headed = locked[i - 1] !== undefined && !isList(i - 1) && locked[i - 1]?.code !== BoilerplateCode.repeatedInFile && locked[i - 1]?.code !== BoilerplateCode.repeatedAcrossFiles;
    // Title-case items are headlines (another story's): a list of the text reads as phrases or data.
    if (j < last && !headed && words >= o.insideTextListWords * (j - i) && rich * 2 >= j - i && title * 5 < (j - i) * 3) {
      for (let k = i; k < j; k++) { final[k] = Cls.Good; keep[k] = 1; }
    }
    i = j;
  }
}

/** Cues that end the running text for continueTextBelow: what follows them is another story's, a form or a comment. */
const textEndCodes: ReadonlySet<string> = new Set([BoilerplateCode.readMore, BoilerplateCode.signUp, BoilerplateCode.comments]);

/**
 * See BoilerplateOptions.afterTextSentences. From the last line of the main text down, a near-good sentence that
 * context judged boilerplate becomes text (and part of the main text) when at most regionMaxGapLines short lines
 * stand between it and the text: lines judged boilerplate by any cue or repetition but those of textEndCodes, or
 * lines too short to judge. A longer line, a line kept as prose elsewhere or a cue that ends the text stops the walk,
 * so the teasers below a "Related" heading or a run of headlines are not reached.
 */
function continueTextBelow(
  last: number, final: Cls[], keep: Uint8Array, locked: (Verdict | undefined)[], quality: Cls[], measures: UnitMeasures[], o: BoilerplateOptions,
): void {
  const n = final.length;
  const short = (i: number) => {
    const v = locked[i];
    if (measures[i].chars >= o.shortChars) { return false; }
    return v ? !textEndCodes.has(v.code) && v.startsComments !== true : final[i] === Cls.Bad && quality[i] === Cls.Short;
  };
  let gap = 0;
  for (let i = last + 1; i < n; i++) {
    if (final[i] === Cls.Bad && !locked[i] && quality[i] === Cls.NearGood && isSentence(measures[i], o)) {
      final[i] = Cls.Good;
      keep[i] = 1;
      gap = 0;
    } else if (short(i) && ++gap <= o.regionMaxGapLines) {
      continue;
    } else {
      return;
    }
  }
}

/**
 * See BoilerplateOptions.closingLines. From the main text's first line to the line after its last, a line that
 * context or its own measures judged boilerplate (none of the cues or repetition locked it) becomes text when the
 * line just above it is main text kept as text and it has the words of a sentence (minSentenceWords), a function
 * word and at least shortChars characters, and is not in title case (a headline). Its length and its neighbour say it goes on with the paragraph above;
 * what it lacks is the final stop or the share of function words that prose of its language has (a quotation in
 * another language, a name in brackets, an address at its end). Only the one line is taken: the walk does not go on
 * from it, so a run of headlines or teasers below the text is not reached (their first line follows a cue or a list).
 */
function keepClosingLines(
  first: number, last: number, final: Cls[], keep: Uint8Array, locked: (Verdict | undefined)[], measures: UnitMeasures[], o: BoilerplateOptions,
): void {
  const end = Math.min(final.length - 1, last + 1);
  for (let i = end; i > first; i--) {
    const m = measures[i];
    // Title case marks another story's headline (as in markListRuns), which a list of them often puts just below the text.
    const title = m.letterWords > 0 && m.capWords / m.letterWords >= 0.6;
    if (final[i] === Cls.Bad && !locked[i] && keep[i - 1] && final[i - 1] === Cls.Good && m.words >= o.minSentenceWords && m.chars >= o.shortChars && m.stops > 0 && !title) {
      final[i] = Cls.Good;
      keep[i] = 1;
    }
  }
}

/** Codes a row of a table can take alone: its cells read as a menu trail, a run of short lines, or repeat a row's shape. */
const tableRowCodes: ReadonlySet<string> = new Set([BoilerplateCode.navigation, BoilerplateCode.linkList, BoilerplateCode.repeatedInFile]);

/**
 * Between the first and last lines of the main text, a run of at least minListRun lines with the same number of
 * cell separators (|, at least one), most of them holding figures, is a table of the text (a scraper writes a
 * table's rows so): text, though each row alone reads as a menu trail or an item of a link list.
 */
function keepTablesInsideText(
  first: number, last: number, final: Cls[], keep: Uint8Array, locked: (Verdict | undefined)[], measures: UnitMeasures[], texts: string[], o: BoilerplateOptions,
): void {
  const cells = (k: number) => {
    if ((measures[k].marks & Mark.Separator) === 0 || texts[k] === '' || (locked[k] && !tableRowCodes.has(locked[k]!.code))) { return 0; }
    let bars = 0;
    for (let c = 0; c < texts[k].length; c++) { if (texts[k].charCodeAt(c) === 0x7c) { bars++; } }
    return bars;
  };
  let i = first;
  while (i <= last) {
    const bars = cells(i);
    if (bars === 0) { i++; continue; }
    let j = i + 1;
    while (j <= last && cells(j) === bars) { j++; }
    let figures = 0;
    for (let k = i; k < j; k++) { if (measures[k].digits > 0) { figures++; } }
    if (j - i >= o.minListRun && figures * 2 >= j - i) {
      for (let k = i; k < j; k++) { final[k] = Cls.Good; keep[k] = 1; }
    }
    i = j;
  }
}

/** jusText's context-sensitive pass. Document edges count as bad neighbours. */
function reviseByContext(cls: Cls[], measures: UnitMeasures[], o: BoilerplateOptions): Cls[] {
  const n = cls.length;
  const c = cls.slice();
  // Headings: a short line without sentence punctuation, followed by good prose within a few characters.
  const isHeading = (i: number) => c[i] === Cls.Short && !measures[i].terminal && measures[i].words <= o.listMaxWords;
  for (let i = 0; i < n; i++) {
    if (!isHeading(i)) { continue; }
    let dist = 0;
    for (let j = i + 1; j < n && dist <= o.maxHeadingDistance; j++) {
      if (c[j] === Cls.Good) { c[i] = Cls.NearGood; break; }
      dist += measures[j].chars;
    }
  }
  // Nearest classes to each side, in linear passes: over good/bad only, and over any class but short.
  const prevDecided = new Uint8Array(n), prevAny = new Uint8Array(n), nextDecided = new Uint8Array(n), nextAny = new Uint8Array(n);
  let decided: Cls = Cls.Bad, any: Cls = Cls.Bad;
  for (let i = 0; i < n; i++) {
    prevDecided[i] = decided; prevAny[i] = any;
    if (c[i] === Cls.Bad || c[i] === Cls.Good) { decided = c[i]; }
    if (c[i] !== Cls.Short) { any = c[i]; }
  }
  decided = Cls.Bad; any = Cls.Bad;
  for (let i = n - 1; i >= 0; i--) {
    nextDecided[i] = decided; nextAny[i] = any;
    if (c[i] === Cls.Bad || c[i] === Cls.Good) { decided = c[i]; }
    if (c[i] !== Cls.Short) { any = c[i]; }
  }
  const shortClass: Cls[] = new Array(n);
  for (let i = 0; i < n; i++) {
    if (c[i] !== Cls.Short) { continue; }
    const p = prevDecided[i];
    const q = nextDecided[i];
    if (p === Cls.Good && q === Cls.Good) { shortClass[i] = Cls.Good; }
    else if (p === Cls.Bad && q === Cls.Bad) { shortClass[i] = Cls.Bad; }
    else if ((p === Cls.Bad && prevAny[i] === Cls.NearGood) || (q === Cls.Bad && nextAny[i] === Cls.NearGood)) { shortClass[i] = Cls.Good; }
    else { shortClass[i] = Cls.Bad; }
  }
  for (let i = 0; i < n; i++) { if (c[i] === Cls.Short) { c[i] = shortClass[i]; } }
  // Near-good lines, in order (as jusText, a revised line is the next one's neighbour): bad between bad.
  decided = Cls.Bad;
  for (let i = n - 1; i >= 0; i--) {
    nextDecided[i] = decided;
    if (c[i] === Cls.Bad || c[i] === Cls.Good) { decided = c[i]; }
  }
  decided = Cls.Bad;
  for (let i = 0; i < n; i++) {
    if (c[i] === Cls.NearGood) { c[i] = decided === Cls.Bad && nextDecided[i] === Cls.Bad ? Cls.Bad : Cls.Good; }
    decided = c[i];
  }
  return c;
}

/** How many times `x` stands in the sorted array `a`. */
function countOf(a: Float64Array, x: number): number {
  let lo = 0, hi = a.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (a[mid] < x) { lo = mid + 1; } else { hi = mid; } }
  let k = lo;
  while (k < a.length && a[k] === x) { k++; }
  return k - lo;
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
