// A synthetic corpus for the benchmark: news-like paragraphs drawn from a Zipf-weighted vocabulary, a shared
// site header and footer per "site", and planted copies of passages from other files (verbatim, or with a few
// words changed, inserted or deleted). The generator is seeded, so the same size gives the same corpus.
import * as fs from 'fs';
import * as path from 'path';

export interface PlantedCopy {
  source: string;
  sourceStart: number;
  sourceEnd: number;
  target: string;
  targetStart: number;
  targetEnd: number;
  edited: boolean;
  words: number;
}

export interface GeneratedCorpus {
  root: string;
  files: number;
  bytes: number;
  planted: PlantedCopy[];
  /** A document of about 20 KB, for the re-analysis measure. */
  editTarget: string;
}

/** Mulberry32: a small, fast, seeded PRNG. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = ['ka', 'lo', 'mi', 'ren', 'tas', 'vor', 'el', 'un', 'bri', 'sto', 'de', 'an', 'qui', 'por', 'zel', 'ma', 'tor', 'in', 've', 'sa'];
const FUNCTION_WORDS = ['the', 'of', 'and', 'to', 'in', 'a', 'that', 'is', 'for', 'on', 'was', 'with', 'he', 'it', 'as', 'at', 'by', 'said', 'from', 'they'];

function vocabulary(rand: () => number, size: number): string[] {
  const words = new Set<string>(FUNCTION_WORDS);
  while (words.size < size) {
    const n = 1 + Math.floor(rand() * 4);
    let w = '';
    for (let i = 0; i < n; i++) { w += SYLLABLES[Math.floor(rand() * SYLLABLES.length)]; }
    words.add(w);
  }
  return [...words];
}

class TextMaker {
  private readonly cumulative: Float64Array;

  constructor(private readonly rand: () => number, private readonly words: string[]) {
    // Zipf weights 1/rank, so a few words are common and most are rare, as in prose.
    this.cumulative = new Float64Array(words.length);
    let sum = 0;
    for (let i = 0; i < words.length; i++) { sum += 1 / (i + 1); this.cumulative[i] = sum; }
    for (let i = 0; i < words.length; i++) { this.cumulative[i] /= sum; }
  }

  word(): string {
    const r = this.rand();
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (this.cumulative[mid] < r) { lo = mid + 1; } else { hi = mid; } }
    return this.words[lo];
  }

  sentence(): string {
    const n = 8 + Math.floor(this.rand() * 18);
    const ws: string[] = [];
    for (let i = 0; i < n; i++) { ws.push(this.word()); }
    ws[0] = ws[0][0].toUpperCase() + ws[0].slice(1);
    return ws.join(' ') + (this.rand() < 0.1 ? '?' : '.');
  }

  paragraph(): string {
    const n = 2 + Math.floor(this.rand() * 5);
    const ss: string[] = [];
    for (let i = 0; i < n; i++) { ss.push(this.sentence()); }
    return ss.join(' ');
  }
}

/** Changes about one word in 25: a substitution, an insertion or a deletion. */
function lightlyEdit(passage: string, rand: () => number, maker: TextMaker): string {
  const ws = passage.split(' ');
  const out: string[] = [];
  for (const w of ws) {
    const r = rand();
    if (r < 0.015) { out.push(maker.word()); } else if (r < 0.025) { out.push(w, maker.word()); } else if (r < 0.035) { continue; } else { out.push(w); }
  }
  return out.join(' ');
}

export function generateCorpus(root: string, targetBytes: number, seed = 42, maxFiles = Infinity): GeneratedCorpus {
  const rand = prng(seed);
  const maker = new TextMaker(rand, vocabulary(rand, 20000));
  fs.rmSync(root, { recursive: true, force: true });
  fs.mkdirSync(root, { recursive: true });
  const sites = Array.from({ length: 40 }, (_, i) => ({
    header: [`Site ${i} News`, 'Home | World | Politics | Business | Sport', `Sign up for the Site ${i} newsletter`],
    footer: [`Copyright ${2000 + i} Site ${i} Media. All rights reserved.`, 'Privacy policy | Terms of use | Contact'],
  }));
  const written: { name: string; text: string }[] = [];
  const planted: PlantedCopy[] = [];
  let bytes = 0;
  let n = 0;
  let editTarget = '';
  while (bytes < targetBytes && n < maxFiles) {
    const name = `doc${String(n).padStart(6, '0')}.txt`;
    const site = sites[n % sites.length];
    const paragraphs: string[] = [];
    let offset = 0;
    const push = (p: string): number => {
      const at = offset;
      paragraphs.push(p);
      offset += p.length + 2; // paragraphs are joined by a blank line
      return at;
    };
    [...site.header, `Updated ${1 + Math.floor(rand() * 23)} hours ago`].forEach(push);
    const size = n === 7 ? 20 * 1024 : 2000 + Math.floor(rand() * 16000);
    const bodyStart = offset;
    let plantAfter = written.length > 10 && rand() < 0.3 ? 1 + Math.floor(rand() * 4) : -1;
    while (offset - bodyStart < size) {
      if (plantAfter === 0) {
        plantAfter = -1;
        // Copy 50-300 words from one paragraph run of an earlier document's body.
        const src = written[Math.floor(rand() * written.length)];
        const runs = src.text.split('\n\n').filter((r) => r.split(' ').length >= 60);
        if (runs.length === 0) { continue; }
        const run = runs[Math.floor(rand() * runs.length)];
        const runWords = run.split(' ');
        const len = Math.min(runWords.length, 50 + Math.floor(rand() * 250));
        const from = Math.floor(rand() * (runWords.length - len + 1));
        const piece = runWords.slice(from, from + len).join(' ');
        const sourceStart = src.text.indexOf(piece);
        const edited = rand() < 0.5;
        const copied = edited ? lightlyEdit(piece, rand, maker) : piece;
        const at = push(copied);
        planted.push({
          source: src.name, sourceStart, sourceEnd: sourceStart + piece.length,
          target: name, targetStart: at, targetEnd: at + copied.length, edited, words: len,
        });
        continue;
      }
      push(maker.paragraph());
      if (plantAfter > 0) { plantAfter--; }
    }
    site.footer.forEach(push);
    const text = paragraphs.join('\n\n') + '\n';
    fs.writeFileSync(path.join(root, name), text);
    if (n === 7) { editTarget = name; }
    written.push({ name, text });
    bytes += Buffer.byteLength(text);
    n++;
  }
  return { root, files: n, bytes, planted, editTarget };
}
