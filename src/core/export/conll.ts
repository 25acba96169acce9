// `corpus.conll`: entities in CoNLL-2003 style IOB2, one token and its tag per line (separated by a space), a blank
// line between sentences, a `-DOCSTART- O` line (and a blank line) before each document. Claims are not entities
// and are left out. Tokens are runs of letters, digits and combining marks, or single other characters; a tag
// whose edges fall inside a token cannot be written without moving it, so such a tag is reported in
// removed.jsonl (type `conll-cut`) and left out, never shifted to the token's edges.
import { isWordCodePoint } from '../anchor/occurrences';
import { splitSentences } from '../suggest/sentences';
import { OneFileWriter } from './lineFile';
import { ExportDocument, WriterContext } from './types';

export interface ConllToken {
  start: number;
  end: number;
}

/** The tokens of text[start, end): word runs, or one other non-space character each. */
export function conllTokens(text: string, start = 0, end = text.length): ConllToken[] {
  const out: ConllToken[] = [];
  let i = start;
  while (i < end) {
    const cp = text.codePointAt(i)!;
    const w = cp > 0xffff ? 2 : 1;
    if (/\s/u.test(String.fromCodePoint(cp))) { i += w; continue; }
    if (!isWordCodePoint(cp)) { out.push({ start: i, end: i + w }); i += w; continue; }
    let j = i + w;
    while (j < end) {
      const c = text.codePointAt(j)!;
      if (!isWordCodePoint(c)) { break; }
      j += c > 0xffff ? 2 : 1;
    }
    out.push({ start: i, end: j });
    i = j;
  }
  return out;
}

export class ConllWriter extends OneFileWriter {
  constructor(ctx: WriterContext) {
    super(ctx, 'corpus.conll');
  }

  document(doc: ExportDocument): void {
    const entities = doc.tags.filter((t) => t.annotation.kind === 'entity').sort((a, b) => a.start - b.start || b.end - a.end);
    const tokens = conllTokens(doc.text);
    const tags: string[] = tokens.map(() => 'O');
    const startsAt = new Map(tokens.map((t, i) => [t.start, i]));
    const endsAt = new Map(tokens.map((t, i) => [t.end, i]));
    for (const e of entities) {
      const a = startsAt.get(e.start);
      const b = endsAt.get(e.end);
      if (a === undefined || b === undefined || b < a) {
        const atStart = tokens[firstTokenFrom(tokens, e.start)] as ConllToken | undefined;
        const inside = atStart && atStart.start < e.start ? atStart : tokens[firstTokenFrom(tokens, e.end - 1)] as ConllToken | undefined;
        this.ctx.removed({
          type: 'conll-cut', path: doc.path, id: e.annotation.id, label: e.annotation.label ?? null,
          quote: doc.text.slice(e.start, e.end), token: inside ? doc.text.slice(inside.start, inside.end) : null,
          reason: 'a tag edge falls inside a token',
        });
        continue;
      }
      if (tags.slice(a, b + 1).some((t) => t !== 'O')) {
        this.ctx.removed({ type: 'conll-overlap', path: doc.path, id: e.annotation.id, quote: doc.text.slice(e.start, e.end), reason: 'overlaps another entity; IOB2 holds one per token' });
        continue;
      }
      const label = (e.annotation.label ?? 'entity').replace(/\s+/g, '_');
      for (let i = a; i <= b; i++) { tags[i] = `${i === a ? 'B' : 'I'}-${label}`; }
    }
    const lines: string[] = ['-DOCSTART- O', ''];
    const sentences = splitSentences(doc.text);
    let si = 0;
    let current = -1;
    for (let k = 0; k < tokens.length; k++) {
      while (si < sentences.length && sentences[si].end <= tokens[k].start) { si++; }
      if (current !== -1 && si !== current) { lines.push(''); }
      current = si;
      lines.push(`${doc.text.slice(tokens[k].start, tokens[k].end)} ${tags[k]}`);
    }
    if (current !== -1) { lines.push(''); }
    this.out.write(lines.join('\n') + '\n');
  }

}

function firstTokenFrom(tokens: ConllToken[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid].end <= offset) { lo = mid + 1; } else { hi = mid; }
  }
  return lo;
}
