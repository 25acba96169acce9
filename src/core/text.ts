// The corpus model: decoding a file's bytes into text, and the line and block structure of that text.
// Every offset is in UTF-16 code units into the decoded text (BOM removed, line breaks kept), which is
// exactly what VS Code's TextDocument.offsetAt counts, so findings map onto the editor without conversion.

export interface DecodeOptions {
  /** Files larger than this many bytes are skipped. */
  maxFileBytes: number;
}

export type DecodeResult =
  | { ok: true; text: string; hadBom: boolean }
  | { ok: false; reason: 'binary' | 'too-large' | 'invalid-utf8'; message: string };

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Decodes file bytes as UTF-8. Binary files (a NUL byte in the first 8 KB) and oversized ones are refused with a reason. */
export function decodeText(bytes: Uint8Array, options: DecodeOptions): DecodeResult {
  if (bytes.length > options.maxFileBytes) {
    return tooLarge(bytes.length, options.maxFileBytes);
  }
  // A UTF-16 file (Windows' "Unicode") starts with its byte order mark; said as such, not as binary or bad UTF-8,
  // so that a person knows what to convert. Two byte comparisons: nothing on the scan's cost.
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    const mark = bytes[0] === 0xff ? 'FF FE' : 'FE FF';
    return { ok: false, reason: 'invalid-utf8', message: `UTF-16 text (byte order mark ${mark}), not UTF-8; convert it to UTF-8 to have it read` };
  }
  // The engine's indexOf (memchr for a Buffer) rather than a loop: a corpus file is mostly under 8 KB, so the probe
  // reads nearly every byte of it, on each of a scan's two reads (64 -> 16-30 ms for the 100 MB corpus's files).
  if (bytes.subarray(0, 8192).indexOf(0) >= 0) {
    return { ok: false, reason: 'binary', message: 'binary file (contains a NUL byte)' };
  }
  const hadBom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  try {
    const text = decoder.decode(hadBom ? bytes.subarray(3) : bytes);
    return { ok: true, text, hadBom };
  } catch {
    return { ok: false, reason: 'invalid-utf8', message: 'not valid UTF-8 text' };
  }
}

/** The refusal of a file over the size limit; also given from its size alone, before it is read. */
export function tooLarge(size: number, maxFileBytes: number): DecodeResult & { ok: false } {
  return { ok: false, reason: 'too-large', message: `file is ${formatBytes(size)}, over the limit of ${formatBytes(maxFileBytes)}` };
}

export function formatBytes(n: number): string {
  if (n < 1024) { return `${n} B`; }
  if (n < 1024 * 1024) { return `${(n / 1024).toFixed(1)} KB`; }
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

export interface Position {
  /** 0-based line. */
  line: number;
  /** 0-based UTF-16 code unit within the line. */
  character: number;
}

/** A block: one paragraph (a run of non-blank lines) or, in a file without blank lines, one line. */
export interface Block {
  /** First and last line of the block, 0-based, inclusive. */
  startLine: number;
  endLine: number;
  /** Offsets of the block's text without leading/trailing white space; end exclusive. */
  start: number;
  end: number;
}

/**
 * Immutable view of one document's text with its line starts. Line breaks are \n, \r\n or a lone \r, as in
 * VS Code. `lineEnd(i)` excludes the line break.
 */
export class TextModel {
  private kept: string | undefined;
  private load: (() => string) | undefined;
  private readonly starts: Uint32Array;
  private readonly ends: Uint32Array;

  /**
   * A model that holds only the line tables: offsets, lines and positions cost no text. The text is loaded on
   * first use (and kept from then on); `load` throws when it can no longer give the text the tables describe.
   */
  static withoutText(starts: Uint32Array, ends: Uint32Array, load: () => string): TextModel {
    const model = new TextModel('', { starts, ends });
    model.kept = undefined;
    model.load = load;
    return model;
  }

  constructor(text: string, tables?: { starts: Uint32Array; ends: Uint32Array }) {
    this.kept = text;
    if (tables) {
      this.starts = tables.starts;
      this.ends = tables.ends;
      return;
    }
    // Two passes with the engine's native indexOf: count the line breaks, then fill typed arrays. A lone \r
    // is a line break too (as in VS Code), so a text holding any \r takes the careful path.
    if (text.indexOf('\r') < 0) {
      let n = 1;
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) { n++; }
      this.starts = new Uint32Array(n);
      this.ends = new Uint32Array(n);
      let line = 0;
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
        this.ends[line] = i;
        this.starts[++line] = i + 1;
      }
      this.ends[line] = text.length;
      return;
    }
    const starts: number[] = [0];
    const ends: number[] = [];
    const n = text.length;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 /* \n */) {
        ends.push(i);
        starts.push(i + 1);
      } else if (c === 13 /* \r */) {
        ends.push(i);
        if (i + 1 < n && text.charCodeAt(i + 1) === 10) { i++; }
        starts.push(i + 1);
      }
    }
    ends.push(n);
    this.starts = Uint32Array.from(starts);
    this.ends = Uint32Array.from(ends);
  }

  /** The line start and end offsets, for sending the model to another thread. */
  get text(): string {
    if (this.kept === undefined) { this.kept = this.load!(); }
    return this.kept;
  }

  /** The text's length in UTF-16 code units, known without the text (the last line ends there). */
  get length(): number {
    return this.ends[this.ends.length - 1];
  }

  /** False for a model made withoutText whose text has not been loaded. */
  get textLoaded(): boolean {
    return this.kept !== undefined;
  }

  lineTables(): { starts: Uint32Array; ends: Uint32Array } {
    return { starts: this.starts, ends: this.ends };
  }

  get lineCount(): number {
    return this.starts.length;
  }

  lineStart(line: number): number {
    return this.starts[line];
  }

  /** Offset just past the line's last character, before its line break. */
  lineEnd(line: number): number {
    return this.ends[line];
  }

  lineText(line: number): string {
    return this.text.slice(this.starts[line], this.ends[line]);
  }

  /** The line holding `offset` (an offset on a line break belongs to the line it ends). */
  lineAt(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) { lo = mid; } else { hi = mid - 1; }
    }
    return lo;
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.length));
    const line = this.lineAt(clamped);
    return { line, character: Math.min(clamped, this.ends[line]) - this.starts[line] };
  }

  offsetAt(position: Position): number {
    if (position.line < 0) { return 0; }
    if (position.line >= this.starts.length) { return this.length; }
    const start = this.starts[position.line];
    return Math.min(start + Math.max(0, position.character), this.ends[position.line]);
  }

  /** True when the line holds only white space. */
  isBlank(line: number): boolean {
    for (let i = this.starts[line], e = this.ends[line]; i < e; i++) {
      if (!isSpaceCode(this.text.charCodeAt(i))) { return false; }
    }
    return true;
  }

  /**
   * The blocks of the text: paragraphs separated by blank lines or, where the file has no blank line between
   * two non-blank lines (text extracted with one block per line), every non-blank line on its own.
   */
  blocks(): Block[] {
    // A blank line separates paragraphs only when text stands on both sides of it: the empty last "line"
    // after a final newline, or blank lines at the top, do not make a one-block-per-line file paragraphed.
    const blank: boolean[] = [];
    let hasSeparator = false;
    let seenText = false;
    let blankSinceText = false;
    for (let l = 0; l < this.lineCount; l++) {
      const b = this.isBlank(l);
      blank.push(b);
      if (b) {
        if (seenText) { blankSinceText = true; }
      } else {
        if (blankSinceText) { hasSeparator = true; }
        seenText = true;
        blankSinceText = false;
      }
    }
    const out: Block[] = [];
    let l = 0;
    while (l < this.lineCount) {
      if (blank[l]) { l++; continue; }
      let last = l;
      if (hasSeparator) {
        while (last + 1 < this.lineCount && !blank[last + 1]) { last++; }
      }
      out.push(this.trimmedBlock(l, last));
      l = last + 1;
    }
    return out;
  }

  private trimmedBlock(startLine: number, endLine: number): Block {
    let start = this.starts[startLine];
    let end = this.ends[endLine];
    while (start < end && isSpaceCode(this.text.charCodeAt(start))) { start++; }
    while (end > start && isSpaceCode(this.text.charCodeAt(end - 1))) { end--; }
    return { startLine, endLine, start, end };
  }
}

export function isSpaceCode(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0 || c === 0x2009 || c === 0x200b || c === 0x3000 || c === 0xfeff || c === 11 || c === 12;
}
