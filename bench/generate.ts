// A synthetic corpus for the benchmark: news-like paragraphs drawn from a Zipf-weighted vocabulary, hundreds of
// "sites" whose templates mix different kinds of boilerplate (navigation, bylines, newsletter and cookie notices,
// share bars, related-article lists, advertisement markers, photo credits, footers), file sizes spread from 200
// bytes to 200 KB, and planted copies of passages from other files (verbatim, or with a few words changed,
// inserted or deleted), some as their own paragraph and some embedded in other text, plus passages repeated inside
// one document. The generator is seeded, so the same size gives the same corpus, and holds only a bounded pool of
// earlier documents in memory, so a 1 GB corpus costs no more to generate than a small one.
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

const SYLLABLES = ['ka', 'lo', 'mi', 'ren', 'tas', 'vor', 'el', 'un', 'bri', 'sto', 'de', 'an', 'qui', 'por', 'zel', 'ma', 'tor', 'in', 've', 'sa', 'ju', 'ost', 'ne', 'ri'];
const FUNCTION_WORDS = ['the', 'of', 'and', 'to', 'in', 'a', 'that', 'is', 'for', 'on', 'was', 'with', 'he', 'it', 'as', 'at', 'by', 'said', 'from', 'they'];
const SECTIONS = ['World', 'Politics', 'Business', 'Sport', 'Culture', 'Science', 'Opinion', 'Travel', 'Health', 'Money', 'Tech', 'Local'];

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

  constructor(readonly rand: () => number, private readonly words: string[]) {
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

  title(n: number): string {
    return Array.from({ length: n }, () => { const w = this.word(); return w[0].toUpperCase() + w.slice(1); }).join(' ');
  }

  sentence(): string {
    const n = 6 + Math.floor(this.rand() * 22);
    const ws: string[] = [];
    for (let i = 0; i < n; i++) { ws.push(this.word()); }
    ws[0] = ws[0][0].toUpperCase() + ws[0].slice(1);
    return ws.join(' ') + (this.rand() < 0.1 ? '?' : '.');
  }

  paragraph(): string {
    const n = 1 + Math.floor(this.rand() * 7);
    const ss: string[] = [];
    for (let i = 0; i < n; i++) { ss.push(this.sentence()); }
    return ss.join(' ');
  }
}

/** A site's template: the boilerplate it puts around (and inside) every article, drawn from several kinds. */
interface Site {
  header: string[];
  footer: string[];
  /** Lines a site drops between paragraphs now and then (advertisement markers, read-more links). */
  inserts: string[];
  dateLine: (rand: () => number) => string;
}

function makeSite(i: number, m: TextMaker): Site {
  const r = m.rand;
  const name = `${m.title(1 + Math.floor(r() * 2))} ${['News', 'Times', 'Post', 'Daily', 'Herald', 'Observer', 'Wire'][i % 7]}`;
  const pick = (p: number) => r() < p;
  const sections = SECTIONS.filter(() => pick(0.6));
  const header: string[] = [];
  if (pick(0.9)) { header.push(name); }
  if (pick(0.8)) { header.push(['Home', ...sections].join(pick(0.5) ? ' | ' : ' · ')); }
  if (pick(0.4)) { header.push(`${['Sign up for', 'Subscribe to', 'Get'][i % 3]} the ${name} newsletter`); }
  if (pick(0.3)) { header.push('We use cookies to improve your experience. By continuing you accept our cookie policy.'); }
  if (pick(0.3)) { header.push(`Home > ${sections[0] ?? 'News'} > ${m.title(2)}`); }
  const footer: string[] = [];
  if (pick(0.5)) { footer.push(`Share this article: ${['Facebook', 'Twitter', 'Email', 'WhatsApp'].filter(() => pick(0.7)).join(' | ') || 'Email'}`); }
  if (pick(0.4)) { footer.push('Related articles:', ...Array.from({ length: 2 + Math.floor(r() * 4) }, () => `- ${m.title(4 + Math.floor(r() * 5))}`)); }
  if (pick(0.85)) { footer.push(`Copyright ${1995 + (i % 30)} ${name} Media. All rights reserved.`); }
  if (pick(0.7)) { footer.push(['Privacy policy', 'Terms of use', 'Contact', 'About us', 'Advertise'].filter(() => pick(0.7)).join(' | ') || 'Contact'); }
  const inserts: string[] = [];
  if (pick(0.4)) { inserts.push('Advertisement'); }
  if (pick(0.3)) { inserts.push(`Read more: ${m.title(5)}`); }
  if (pick(0.3)) { inserts.push(`Photo: ${m.title(2)} / ${name}`); }
  const style = i % 3;
  const dateLine = (rr: () => number) => style === 0 ? `Updated ${1 + Math.floor(rr() * 23)} hours ago`
    : style === 1 ? `Published ${1 + Math.floor(rr() * 28)} March 20${10 + Math.floor(rr() * 15)}`
      : `By ${m.title(2)}, ${1 + Math.floor(rr() * 12)}/${1 + Math.floor(rr() * 28)}/20${10 + Math.floor(rr() * 15)}`;
  return { header, footer, inserts, dateLine };
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

/** Body size: log-normal around 4.5 KB, clamped to 200 bytes..200 KB (a mean near 8 KB, as in scraped news). */
function bodySize(rand: () => number): number {
  const gauss = Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
  return Math.round(Math.min(200 * 1024, Math.max(200, Math.exp(Math.log(4500) + 1.1 * gauss))));
}

/** How many earlier documents stay available as copy sources: bounded, so memory does not grow with the corpus. */
const POOL = 4000;

export function generateCorpus(root: string, targetBytes: number, seed = 42, maxFiles = Infinity): GeneratedCorpus {
  const rand = prng(seed);
  const maker = new TextMaker(rand, vocabulary(rand, 40000));
  fs.rmSync(root, { recursive: true, force: true });
  fs.mkdirSync(root, { recursive: true });
  const sites = Array.from({ length: 400 }, (_, i) => makeSite(i, maker));
  const pool: { name: string; text: string }[] = [];
  const planted: PlantedCopy[] = [];
  let bytes = 0;
  let n = 0;
  let editTarget = '';
  while (bytes < targetBytes && n < maxFiles) {
    const name = `doc${String(n).padStart(6, '0')}.txt`;
    // Site popularity is skewed: a few sites carry many of the articles.
    const site = sites[Math.floor(sites.length * rand() * rand())];
    const paragraphs: string[] = [];
    let offset = 0;
    const push = (p: string): number => {
      const at = offset;
      paragraphs.push(p);
      offset += p.length + 2; // paragraphs are joined by a blank line
      return at;
    };
    [...site.header, site.dateLine(rand), maker.title(4 + Math.floor(rand() * 6))].forEach(push);
    const size = n === 7 ? 20 * 1024 : bodySize(rand);
    const bodyStart = offset;
    let plantAfter = pool.length > 10 && rand() < 0.3 ? Math.floor(rand() * 4) : -1;
    const repeatInFile = rand() < 0.05;
    while (offset - bodyStart < size) {
      if (plantAfter === 0) {
        plantAfter = -1;
        plant(pool, planted, name, rand, maker, push);
        continue;
      }
      if (site.inserts.length && rand() < 0.08) { push(site.inserts[Math.floor(rand() * site.inserts.length)]); continue; }
      push(maker.paragraph());
      if (plantAfter > 0) { plantAfter--; }
    }
    // A paragraph repeated later in the same document (a pull quote, a scraped page's second copy).
    if (repeatInFile && paragraphs.length > 8) { push(paragraphs[Math.floor(paragraphs.length / 2)]); }
    site.footer.forEach(push);
    const text = paragraphs.join('\n\n') + '\n';
    fs.writeFileSync(path.join(root, name), text);
    if (n === 7) { editTarget = name; }
    if (pool.length < POOL) { pool.push({ name, text }); } else { pool[Math.floor(rand() * POOL)] = { name, text }; }
    bytes += Buffer.byteLength(text);
    n++;
  }
  return { root, files: n, bytes, planted, editTarget };
}

/** Copies 50-300 words from one paragraph of an earlier document, as its own paragraph or inside a new one. */
function plant(pool: { name: string; text: string }[], planted: PlantedCopy[], target: string, rand: () => number,
  maker: TextMaker, push: (p: string) => number): void {
  const src = pool[Math.floor(rand() * pool.length)];
  const runs = src.text.split('\n\n').filter((r) => r.split(' ').length >= 60);
  if (runs.length === 0) { return; }
  const run = runs[Math.floor(rand() * runs.length)];
  const runWords = run.split(' ');
  const len = Math.min(runWords.length, 50 + Math.floor(rand() * 250));
  const from = Math.floor(rand() * (runWords.length - len + 1));
  const piece = runWords.slice(from, from + len).join(' ');
  const sourceStart = src.text.indexOf(piece);
  const edited = rand() < 0.5;
  const copied = edited ? lightlyEdit(piece, rand, maker) : piece;
  // A third of the copies are embedded: new sentences before and after them in the same paragraph.
  const embedded = rand() < 0.33;
  const before = embedded ? `${maker.sentence()} ${maker.sentence()} ` : '';
  const after = embedded ? ` ${maker.sentence()}` : '';
  const at = push(before + copied + after) + before.length;
  planted.push({
    source: src.name, sourceStart, sourceEnd: sourceStart + piece.length,
    target, targetStart: at, targetEnd: at + copied.length, edited, words: len,
  });
}
